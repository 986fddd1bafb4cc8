#!/usr/bin/env bash
# In-house games benchmark (issue 5): exact enumeration time of Atkins Diet and simulated rounds per second of Atkins
# Diet and Red White & Blue on 1 thread and on all cores. In-process; no hub, no database.
#
# Builds bench and in-house-games (unless SKIP_BUILD=1), runs io.hub.bench.GamesBench and writes bench/reports/games.md.
# Configuration (environment variables, defaults in brackets):
#   ROUNDS [100000000]   simulated rounds per measured run
#   REPEAT [3]           measured runs per figure (best and median reported), after one warm-up run
#   THREADS [nproc]      threads for the "all cores" rows
#   REPORT [bench/reports/games.md]
#   BENCH_XMX [1g]       heap of the benchmark JVM
#   SKIP_BUILD [0]       1 = use the jars as they are
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-100000000}
REPEAT=${REPEAT:-3}
THREADS=${THREADS:-$(nproc)}
REPORT=${REPORT:-bench/reports/games.md}
BENCH_XMX=${BENCH_XMX:-1g}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -ntp -pl bench -am package -DskipTests
fi
COMMAND="ROUNDS=$ROUNDS REPEAT=$REPEAT THREADS=$THREADS bench/run-games-bench.sh"
exec java -Xmx"$BENCH_XMX" -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.hub.bench.GamesBench \
  --rounds "$ROUNDS" --repeat "$REPEAT" --threads "$THREADS" --report "$REPORT" \
  --command "$COMMAND (java -Xmx$BENCH_XMX -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' io.hub.bench.GamesBench --rounds $ROUNDS --repeat $REPEAT --threads $THREADS --report $REPORT)"
