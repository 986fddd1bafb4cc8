#!/usr/bin/env bash
# Provider wallet callback benchmark (issue 3): signed Hub88-style bet+win callback pairs over HTTP against the default
# embedded setup, side by side in the same run with pgbench running the equivalent ledger SQL against the same
# PostgreSQL. Writes bench/reports/provider-callbacks.md.
#
# Starts the hub jar on non-default ports in a fresh temporary directory (embedded PostgreSQL and Kafka, fresh data),
# onboards a Hub88-style provider "bench-hub88" with a freshly generated key pair (SQL insert: the operator onboarding
# API is another work stream), then for each connection count runs ProviderCallbackBench (closed loop = peak, then paced
# at half of the peak) and pgbench (bench/sql/provider-ledger-op.sql, one single-statement transaction per ledger
# operation, on a scratch copy of the ledger tables in database provider_bench of the same server), then pgbench
# again with bench/sql/provider-callback-pair.sql: every statement of a Pragmatic bet and its win as the hub sends them
# (one transaction per callback), on database provider_callbacks built from the hub's own migrations.
#
# A second provider "bench-pragmatic" (Pragmatic-style form posts, MD5 hash with a shared secret: no public-key
# cryptography on either side) runs the same bet+win pairs through the same wallet and ledger path, so the report
# shows the hub's ledger capacity without RSA next to the Hub88 RSA mode and pgbench, in one run. The load generator
# builds and signs every measured request before its phase starts (signing is the provider's cost, not the hub's).
#
# Environment (defaults in brackets): CONNECTIONS [16 64], PROTOCOLS [hub88 pragmatic], WARMUP_SECONDS [30],
# DURATION_SECONDS [20], HUB_PORT [18471], PG_PORT [54471], KAFKA_PORT [19471], SKIP_BUILD [0],
# REPORT [bench/reports/provider-callbacks.md], HUB_JAVA_OPTS [] (e.g. -XX:StartFlightRecording=filename=/tmp/hub.jfr),
# HUB_EXTRA_ARGS [] (more hub arguments), HUB_JAR [hub-app/target/…jar] (another build, for side-by-side runs), CLIENT [keepalive] (the generator's HTTP client: keepalive or jdk).
set -Eeuo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
CONNECTIONS=${CONNECTIONS:-"16 64"}
PROTOCOLS=${PROTOCOLS:-"hub88 pragmatic"}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
DURATION_SECONDS=${DURATION_SECONDS:-20}
HUB_PORT=${HUB_PORT:-18471}
PG_PORT=${PG_PORT:-54471}
KAFKA_PORT=${KAFKA_PORT:-19471}
SKIP_BUILD=${SKIP_BUILD:-0}
CLIENT=${CLIENT:-keepalive}
REPORT=${REPORT:-$SCRIPT_DIR/reports/provider-callbacks.md}
HUB_JAVA_OPTS=${HUB_JAVA_OPTS:-}
HUB_EXTRA_ARGS=${HUB_EXTRA_ARGS:-}
HUB_JAR=${HUB_JAR:-$ROOT/hub-app/target/hub-app-0.1.0-SNAPSHOT.jar}
BENCH_JAR=$SCRIPT_DIR/target/bench-0.1.0-SNAPSHOT.jar
BASE=http://127.0.0.1:$HUB_PORT
log() { printf '%s [run-provider-bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ $SKIP_BUILD != 1 ]]; then
  log "building hub-app and bench"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests -pl hub-app,bench -am package)
fi
WORKDIR=$(mktemp -d /tmp/provider-bench.XXXXXX)
HUB_PID=""
cleanup() {
  if [[ -n $HUB_PID ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    log "stopping the hub (pid $HUB_PID)"
    kill -TERM "$HUB_PID"; for _ in $(seq 1 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap cleanup EXIT

log "starting the hub on $BASE (PostgreSQL $PG_PORT, Kafka $KAFKA_PORT), data in $WORKDIR"
(cd "$WORKDIR" && exec java $HUB_JAVA_OPTS -jar "$HUB_JAR" --server.port="$HUB_PORT" --server.address=127.0.0.1 \
  --hub.embedded.postgres.port="$PG_PORT" --hub.embedded.kafka.port="$KAFKA_PORT" --hub.embedded.kafka.controller-port=$((KAFKA_PORT + 1)) \
  --hub.embedded.data-dir="$WORKDIR/data" --hub.embedded.reset=true --logging.level.root=WARN --logging.level.io.hub=WARN $HUB_EXTRA_ARGS \
  >"$WORKDIR/hub.log" 2>&1) &
HUB_PID=$!
for _ in $(seq 1 240); do
  curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$HUB_PID" 2>/dev/null || { tail -50 "$WORKDIR/hub.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/actuator/health/readiness" >/dev/null || { log "hub not ready"; exit 1; }
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)

log "onboarding provider bench-hub88 (fresh RSA key pair)"
java -cp "$BENCH_JAR:$SCRIPT_DIR/target/lib/*" io.hub.bench.ProviderCallbackBench keygen "$WORKDIR/keys"
"${PSQL[@]}" -d postgres -v pem="$(cat "$WORKDIR/keys/provider-public.pem")" <<'SQL'
INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)
VALUES ('bench-hub88', 'HUB88', 'Bench Hub88', true, ARRAY['EUR'],
        '{"unknownRollback":"ACK_WITH_BALANCE","replay":"ORIGINAL_RESPONSE","txIdScope":"GLOBAL","tokenOnWin":"SKIP","tokenOnRollback":"SKIP","partialRollbacks":false,"cancelAfterSettle":"REJECT","creditAfterCancel":false}',
        jsonb_build_object('publicKeyPem', :'pem'), '{}');
SQL
PRAGMATIC_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')
"${PSQL[@]}" -d postgres -v secret="$PRAGMATIC_SECRET" <<'SQL'
INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)
VALUES ('bench-pragmatic', 'PRAGMATIC', 'Bench Pragmatic', true, ARRAY['EUR'],
        '{"unknownRollback":"ACK_WITH_BALANCE","replay":"CURRENT_BALANCE","txIdScope":"GLOBAL","tokenOnWin":"SKIP","tokenOnRollback":"SKIP","partialRollbacks":false,"cancelAfterSettle":"REJECT","creditAfterCancel":false}',
        jsonb_build_object('secret', :'secret'), '{}');
SQL
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS provider_bench" -c "CREATE DATABASE provider_bench"
"${PSQL[@]}" -d provider_bench -f "$SCRIPT_DIR/sql/provider-ledger-schema.sql"
# the whole callback's SQL (bench/sql/provider-callback-pair.sql) runs on a database built from the hub's own migrations,
# so its tables, keys, indexes and triggers are the hub's; one player per pgbench client, like the hub bench
MAX_CONN=$(printf '%s\n' $CONNECTIONS | sort -n | tail -1)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS provider_callbacks" -c "CREATE DATABASE provider_callbacks"
for m in $(ls "$ROOT"/hub-app/src/main/resources/db/migration/V*__*.sql | sort -V); do "${PSQL[@]}" -d provider_callbacks -f "$m"; done
"${PSQL[@]}" -d provider_callbacks -v players="$MAX_CONN" -f "$SCRIPT_DIR/sql/provider-callback-seed.sql"

# CPU seconds (user + system) so far: the hub JVM, the embedded PostgreSQL (processes whose cwd is in WORKDIR, other
# than the hub), and the whole machine's busy/total jiffies
CLK_TCK=$(getconf CLK_TCK)
proc_cpu() { awk -v c="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / c }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() {
  local total=0 p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ ${p#/proc/} != "$HUB_JVM" && ( $cwd == "$WORKDIR/data" || $cwd == "$WORKDIR/data"/* ) ]] || continue
    total=$(awk -v t="$total" -v c="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", t + ($12 + $13) / c }' "$p/stat" 2>/dev/null || echo "$total")
  done
  echo "$total"
}
machine_jiffies() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print busy, total }' /proc/stat; }
HUB_JVM=$(pgrep -f -n -- "--server.port=$HUB_PORT" || echo "$HUB_PID")
CPU_ROWS=""
HUB_ROWS=""
PG_ROWS=""
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SIGN_NOTES=""
for c in $CONNECTIONS; do
  for proto in $PROTOCOLS; do
    log "hub ($proto): $c connections, ${WARMUP_SECONDS}s warm-up, ${DURATION_SECONDS}s peak + ${DURATION_SECONDS}s at half of peak"
    if [[ $proto == hub88 ]]; then auth=(--providerId bench-hub88 --privateKey "$WORKDIR/keys/provider-private.pem")
    else auth=(--providerId bench-pragmatic --secret "$PRAGMATIC_SECRET"); fi
    j0=$(proc_cpu "$HUB_JVM"); p0=$(pg_cpu); read -r b0 t0 < <(machine_jiffies)
    out=$(java -cp "$BENCH_JAR:$SCRIPT_DIR/target/lib/*" io.hub.bench.ProviderCallbackBench run --baseUrl "$BASE" --protocol "$proto" \
      "${auth[@]}" --connections "$c" --warmup "$WARMUP_SECONDS" --duration "$DURATION_SECONDS" --client "$CLIENT" 2>"$WORKDIR/gen.err")
    j1=$(proc_cpu "$HUB_JVM"); p1=$(pg_cpu); read -r b1 t1 < <(machine_jiffies)
    n=$(echo "$out" | awk '/^CALLBACKS_TOTAL/ { print $2 }')
    CPU_ROWS+=$(awk -v proto="$proto" -v c="$c" -v j0="$j0" -v j1="$j1" -v p0="$p0" -v p1="$p1" -v b0="$b0" -v b1="$b1" -v t0="$t0" -v t1="$t1" -v n="$n" \
      'BEGIN { jn = (n > 0) ? 1000 * (j1 - j0) / n : 0; pn = (n > 0) ? 1000 * (p1 - p0) / n : 0; busy = (t1 > t0) ? 100 * (b1 - b0) / (t1 - t0) : 0;
              printf "| %s | %s | %d | %.1f s | %.1f s | %.2f ms | %.2f ms | %.0f %% |", proto, c, n, j1 - j0, p1 - p0, jn, pn, busy }')$'\n'
    cat "$WORKDIR/gen.err" >&2
    echo "$out" >&2
    HUB_ROWS+=$(echo "$out" | grep -E '^\| (hub88|pragmatic)')$'\n'
    SIGN_NOTES+="- $proto, $c connections: $(grep '^generator:' "$WORKDIR/gen.err" | sed 's/^generator: //')"$'\n'
  done
  log "pgbench: $c clients, ${DURATION_SECONDS}s"
  pg=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$c" -j 2 -T "$DURATION_SECONDS" \
    -f "$SCRIPT_DIR/sql/provider-ledger-op.sql" provider_bench 2>&1 || true)
  echo "$pg" >&2
  tps=$(echo "$pg" | awk -F'= ' '/^tps/ { split($2, a, " "); print a[1]; exit }')
  lat=$(echo "$pg" | awk -F'= ' '/^latency average/ { print $2; exit }')
  log "pgbench: $c clients, ${DURATION_SECONDS}s, the whole callback transaction (bet + win pairs)"
  pg2=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$c" -j 2 -T "$DURATION_SECONDS" \
    -f "$SCRIPT_DIR/sql/provider-callback-pair.sql" provider_callbacks 2>&1 || true)
  echo "$pg2" >&2
  pairs=$(echo "$pg2" | awk -F'= ' '/^tps/ { split($2, a, " "); print a[1]; exit }')
  lat2=$(echo "$pg2" | awk -F'= ' '/^latency average/ { print $2; exit }')
  failed2=$(echo "$pg2" | awk -F': ' '/^number of failed transactions/ { print $2; exit }')
  ops2=$(awk -v t="${pairs:-0}" 'BEGIN { printf "%.0f", 2 * t }')
  PG_ROWS+="| $c | $tps | $lat | $ops2 | $lat2 (per pair) | ${failed2:-?} |"$'\n'
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
OP=$(curl -s "$BASE/auth/login" -H 'Content-Type: application/json' -d '{"username":"operator","password":"operator"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
CHECK=$(curl -s "$BASE/operator/ledger/check" -H "Authorization: Bearer $OP")
CALLBACK_METRICS=$(curl -s "$BASE/actuator/prometheus" | grep -E '^hub_provider_callback_seconds_(count|sum)|^hikaricp_connections_(active|pending|max) ' || true)

{
  echo "# Provider wallet callbacks: benchmark"
  echo
  echo "Run $(date -u +'%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), shared with other"
  echo "work on the same machine: load average $LOAD_BEFORE before the runs, $LOAD_AFTER after (numbers are indicative). Command: \`CONNECTIONS=\"$CONNECTIONS\" PROTOCOLS=\"$PROTOCOLS\" WARMUP_SECONDS=$WARMUP_SECONDS DURATION_SECONDS=$DURATION_SECONDS CLIENT=$CLIENT${HUB_EXTRA_ARGS:+ HUB_EXTRA_ARGS=\"$HUB_EXTRA_ARGS\"} bench/run-provider-bench.sh\`"
  echo
  echo "The hub runs its default embedded setup (PostgreSQL 17 with fsync on, Kafka, outbox relay) on non-default ports. Each"
  echo "callback is an RSA-SHA256-signed Hub88-style request (\`X-Hub88-Signature\`) verified on the raw bytes, applied as one"
  echo "ledger operation in one database transaction (the player's cash row locked, one lookup, one ledger statement carrying the bet/round/callback rows and the outbox"
  echo "row) and answered with an RSA-signed body. A pair is a bet of 1.00 then its win of 0.50 (round closed). One callback = one"
  echo "ledger operation. pgbench runs \`bench/sql/provider-ledger-op.sql\` (the ledger write of one operation as one statement,"
  echo "autocommit) on a scratch copy of the ledger tables in the same PostgreSQL server, with as many clients as the hub bench"
  echo "has connections."
  echo "The Pragmatic mode (\`bench-pragmatic\`) sends the same bet+win pairs as form posts authenticated by an MD5 hash"
  echo "with a shared secret (no public-key cryptography on either side), through the same wallet and ledger path. The"
  echo "load generator builds and signs every measured request before its phase starts."
  echo
  echo "## Hub: signed callbacks over HTTP"
  echo
  echo "| protocol | connections | phase | offered | callbacks/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s' "$HUB_ROWS"
  echo
  echo "Load generator (requests built and signed before each measured phase):"
  echo
  printf '%s' "$SIGN_NOTES"
  echo
  echo "CPU per callback (whole bench run of that protocol: warm-up, pre-signing pauses, peak and half-load phases; the"
  echo "machine CPU column is every process on the machine, the load generator and other work included):"
  echo
  echo "| protocol | connections | callbacks | hub JVM CPU | PostgreSQL CPU | hub JVM per callback | PostgreSQL per callback | machine CPU busy |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$CPU_ROWS"
  echo
  echo "## pgbench: the same SQL, same PostgreSQL"
  echo
  echo "Ledger write alone: \`bench/sql/provider-ledger-op.sql\`, one single-statement transaction per ledger operation (the"
  echo "target's yardstick). Whole callback: \`bench/sql/provider-callback-pair.sql\`, every statement a Pragmatic bet and its"
  echo "win send (lock, lookup, ledger statement with the bet/round/callback rows, commit: one transaction per callback) on a"
  echo "database built from the hub's migrations; one pgbench transaction = one pair = two ledger operations."
  echo
  echo "| clients | ledger write alone: tps (ledger operations/s) | latency average | whole callback: ledger operations/s | latency average | failed |"
  echo "|---:|---:|---|---:|---|---|"
  printf '%s' "$PG_ROWS"
  echo
  echo "Ledger check after the run: \`$CHECK\`"
  echo
  echo "Callback metrics at the end (\`/actuator/prometheus\`):"
  echo
  echo '```'
  echo "$CALLBACK_METRICS"
  echo '```'
} >"$REPORT.tmp"
mv "$REPORT.tmp" "$REPORT"
log "report written to $REPORT"
