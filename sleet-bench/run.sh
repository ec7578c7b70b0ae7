#!/usr/bin/env bash
# Kit benchmarks: Sleet against drizzle-kit, the jOOQ code generator and Flyway, side by side.
#
#   sleet-bench/run.sh            # 100 and 1000 tables, plus the 200-file migrate comparison
#   sleet-bench/run.sh 100        # only the given table counts (and the migrate comparison)
#   BENCH_ONLY=flyway sleet-bench/run.sh   # one group: pull, generate, jooq, drizzle, flyway (comma list)
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (PGHOST/PGPORT/PGUSER override), python3,
# node/npm, and GNU time (/usr/bin/time; `apt-get install time` if missing). drizzle-kit is installed
# from npm into a scratch folder outside the repository ($BENCH_DRIZZLE_DIR, default /tmp/drizzle-bench).
# Scratch files go to $BENCH_WORK (default /tmp/sleet-bench); results to $BENCH_WORK/results.{json,md}.
# See docs/benchmarks.md for what is measured and how.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The synthetic schema generator lives in shared/ beside the repository (../shared/bench from the
# root); a git worktree one folder deeper finds it one level further up.
synth="${BENCH_SYNTH:-}"
if [ -z "$synth" ]; then
  dir="$root"
  while [ "$dir" != "/" ]; do
    if [ -f "$dir/../shared/bench/gen_synth_schema.py" ]; then
      synth="$(cd "$dir/../shared/bench" && pwd)/gen_synth_schema.py"; break
    fi
    dir="$(dirname "$dir")"
  done
fi
[ -n "$synth" ] && [ -f "$synth" ] || { echo "gen_synth_schema.py not found (../shared/bench/ from the repo root; or set BENCH_SYNTH)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

# Build the CLI (jar + target/lib) and the peers' class path, without running tests and without installing.
echo "Building sleet-cli and sleet-bench..." >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl sleet-cli,sleet-bench -am package) >&2

drizzle="${BENCH_DRIZZLE_DIR:-/tmp/drizzle-bench}"
if [ ! -x "$drizzle/node_modules/.bin/drizzle-kit" ]; then
  echo "Installing drizzle-kit into $drizzle..." >&2
  mkdir -p "$drizzle"
  (cd "$drizzle" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i --no-audit --no-fund drizzle-kit@0.31 drizzle-orm pg) >&2
fi

exec python3 "$root/sleet-bench/bench.py" --root "$root" --synth "$synth" --drizzle "$drizzle" "$@"
