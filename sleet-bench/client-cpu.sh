#!/usr/bin/env bash
# Interleaved comparison (dev.sleet.bench.query.ClientCpu): the subjects are called in turn, 41 blocks
# each, and each one's median wall time, client CPU, allocation and peak live heap are printed.
#
#   sleet-bench/client-cpu.sh [--pin same|cross] <bench class> <calls per block> <method[param=value]>...
#   sleet-bench/client-cpu.sh --pin cross ExecutionBench 1 'streamMillion[library=sleet]' 'streamMillion[library=jdbc]'
#
# --pin fixes where the work runs, for a PostgreSQL on this machine whose affinity this user may set
# (root): new server backends on CPU 1, this JVM on CPU 1 (same) or CPU 0 (cross). Unpinned, each
# subject's connection gets a backend the scheduler places on its own, and a round trip to a backend
# on the client's core measured about 6x faster than one across cores (12 against 75 µs), so the
# comparison measured placement, not the libraries. On exit the server may run on every CPU again;
# should that be missed (kill -9), restore it by hand: taskset -apc 0-$(($(nproc --all) - 1)) <postmaster pid>.
# Runs in a 64 MB heap. See docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pin=""
if [[ "${1:-}" == "--pin" ]]; then
  pin="${2:-}"
  if [[ "$pin" != same && "$pin" != cross ]]; then
    echo "--pin takes same or cross" >&2
    exit 2
  fi
  shift 2
  if [[ "${PGHOST:-127.0.0.1}" != 127.0.0.1 && "${PGHOST:-}" != localhost ]]; then
    echo "--pin needs the PostgreSQL of this machine (PGHOST is $PGHOST)" >&2
    exit 2
  fi
fi
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl sleet-bench -am package) >&2
cp="$root/sleet-bench/target/classes:$root/sleet-bench/target/lib/*"
java -cp "$cp" dev.sleet.bench.query.QueryBench
run=(java -Xmx64m -cp "$cp" dev.sleet.bench.query.ClientCpu "$@")
if [[ -z "$pin" ]]; then
  exec "${run[@]}"
fi
data="$(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -Atc 'show data_directory')"
postmaster="$(head -1 "$data/postmaster.pid")"
trap 'taskset -pc "0-$(($(nproc --all) - 1))" "$postmaster" >/dev/null' EXIT
taskset -pc 1 "$postmaster" >/dev/null
if [[ "$pin" == same ]]; then
  taskset -c 1 "${run[@]}"
else
  taskset -c 0 "${run[@]}"
fi
