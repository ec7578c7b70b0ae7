#!/usr/bin/env bash
# Relational query benchmarks (JMH, issue 9): Sleet's findMany (both strategies) against N+1, per-level JDBC, lateral json_agg JDBC and jOOQ MULTISET.
#
#   sleet-bench/relational-bench.sh                  # everything
#   sleet-bench/relational-bench.sh sleetPerLevel    # a regular expression over benchmark names
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (PGHOST/PGPORT/PGUSER override). Creates the
# database sleet_bench_relational, or $BENCH_RELATIONAL_DB (10,000 tasks, 1,000 users, 50 tags, 3 tags per task). Extra JMH
# options go in JMH_OPTS. Results: $BENCH_WORK/relational.txt and relational.json (default /tmp/sleet-bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-/tmp/sleet-bench}"
mkdir -p "$work"
(cd "$root" && mvn -q -B -o -Dstyle.color=never -DskipTests -pl sleet-bench -am package) >&2
cp="$root/sleet-bench/target/classes:$root/sleet-bench/target/lib/*"
java -cp "$cp" dev.sleet.bench.query.RelationalBench
java -cp "$cp" org.openjdk.jmh.Main "RelationalBench.${1:-}" -rf json -rff "$work/relational.json" ${JMH_OPTS:-} \
  | tee "$work/relational.txt"
