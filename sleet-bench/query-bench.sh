#!/usr/bin/env bash
# Typed SQL benchmarks (JMH): Sleet against raw JDBC, jOOQ 3.19 and JDBI 3 on the local PostgreSQL.
#
#   sleet-bench/query-bench.sh                      # everything, with -prof gc
#   sleet-bench/query-bench.sh primaryKeyLookup     # a regular expression over benchmark names
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (PGHOST/PGPORT/PGUSER override). Creates the
# database sleet_bench_query, or $BENCH_QUERY_DB (10,000 tasks, 1,000 users, 100 epics). Extra JMH options go in JMH_OPTS.
# Reports allocation per operation (-prof gc) and the benchmark JVM's CPU time per operation (dev.sleet.bench.CpuProfiler).
# Results: $BENCH_WORK/query.txt and query.json (default /tmp/sleet-bench). See docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-/tmp/sleet-bench}"
mkdir -p "$work"
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl sleet-bench -am package) >&2
cp="$root/sleet-bench/target/classes:$root/sleet-bench/target/lib/*"
java -cp "$cp" dev.sleet.bench.query.QueryBench
java -cp "$cp" org.openjdk.jmh.Main "(QueryBench|ExecutionBench).${1:-}" -prof gc -prof dev.sleet.bench.CpuProfiler -rf json -rff "$work/query.json" ${JMH_OPTS:-} \
  | tee "$work/query.txt"
