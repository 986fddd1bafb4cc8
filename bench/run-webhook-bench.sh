#!/usr/bin/env bash
# Webhook intake benchmark: signed Standard Webhooks deliveries per second accepted (verified and stored) by
# POST /webhooks/payments/simpay, from SENDERS concurrent senders with a share of duplicates, against the default embedded
# setup (the hub jar with its embedded PostgreSQL and Kafka, fresh, on free ports). Writes bench/reports/webhooks.md.
#
# Configuration (environment variables, defaults in brackets):
#   SENDERS [16]  DURATION_SECONDS [30]  WARMUP_SECONDS [20]  DUPLICATE_SHARE [0.2]  HUB_PORT [18480]
#   REPORT [bench/reports/webhooks.md]  SKIP_BUILD [0]  HUB_JAVA_OPTS []  HUB_EXTRA_ARGS []  BENCH_XMX [512m]
#   CLIENT [keepalive]: the load generator's HTTP client, keepalive (KeepAliveHttpClient) or jdk (java.net.http)
#   e.g. group commit off for a side-by-side run: HUB_EXTRA_ARGS=--hub.payments.intake.batch-size=1
set -Eeuo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
COMMAND_LINE="$(for v in SENDERS DURATION_SECONDS WARMUP_SECONDS DUPLICATE_SHARE HUB_PORT SKIP_BUILD HUB_JAVA_OPTS HUB_EXTRA_ARGS CLIENT; do
  [[ -n ${!v+x} ]] && printf '%s=%q ' "$v" "${!v}"; done)$(printf '%q ' "$0" "$@")"
SENDERS=${SENDERS:-16}
DURATION_SECONDS=${DURATION_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
DUPLICATE_SHARE=${DUPLICATE_SHARE:-0.2}
HUB_PORT=${HUB_PORT:-18480}
REPORT=${REPORT:-$SCRIPT_DIR/reports/webhooks.md}
SKIP_BUILD=${SKIP_BUILD:-0}
HUB_JAVA_OPTS=${HUB_JAVA_OPTS:-}
HUB_EXTRA_ARGS=${HUB_EXTRA_ARGS:-}
BENCH_XMX=${BENCH_XMX:-512m}
CLIENT=${CLIENT:-keepalive}
HUB_JAR=$ROOT/hub-app/target/hub-app-0.1.0-SNAPSHOT.jar
BENCH_JAR=$SCRIPT_DIR/target/bench-0.1.0-SNAPSHOT.jar
BASE_URL="http://127.0.0.1:$HUB_PORT"
# a fresh secret for this run, given to the hub and to the load generator
SECRET="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"

log() { printf '%s [run-webhook-bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
HUB_PID=""
WORKDIR=""
workdir_pids() {
  [[ -n $WORKDIR ]] || return 0
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ $cwd == "$WORKDIR" || $cwd == "$WORKDIR"/* ]] && echo "${p#/proc/}"
  done
  return 0
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $HUB_PID ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill -TERM -- "-$HUB_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$HUB_PID" 2>/dev/null || true
  fi
  local left
  left=$(workdir_pids | tr '\n' ' ')
  # shellcheck disable=SC2086
  [[ -n ${left// /} ]] && { kill -TERM $left 2>/dev/null || true; sleep 2; kill -KILL $left 2>/dev/null || true; }
  if [[ -n $WORKDIR && -d $WORKDIR ]]; then
    if [[ $rc != 0 ]]; then log "hub working directory kept: $WORKDIR"; else rm -rf "$WORKDIR"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $SKIP_BUILD != 1 ]]; then
  log "building hub-app and bench"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests -pl hub-app,bench -am package) || die "build failed"
fi
[[ -f $HUB_JAR && -f $BENCH_JAR ]] || die "jars not found; build first"

# shellcheck disable=SC2206
HUB_CMD=(java $HUB_JAVA_OPTS -jar "$HUB_JAR" "--server.port=$HUB_PORT" --server.address=127.0.0.1 --hub.embedded.reset=true
  --hub.embedded.postgres.port=0 --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0
  "--hub.payments.gateways.simpay.secrets[0]=$SECRET" --logging.level.io.hub.app.payments=WARN $HUB_EXTRA_ARGS)
WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-webhook-bench.XXXXXX")
log "starting the hub in $WORKDIR on $BASE_URL"
(cd "$WORKDIR" && exec setsid "${HUB_CMD[@]}" >"$WORKDIR/hub.log" 2>&1) &
HUB_PID=$!
deadline=$((SECONDS + 240))
until body=$(curl -s --max-time 2 "$BASE_URL/actuator/health/readiness" 2>/dev/null) && [[ $body == *'"UP"'* ]]; do
  kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$WORKDIR/hub.log" >&2; die "the hub exited during start-up"; }
  ((SECONDS < deadline)) || die "the hub was not ready after 240 s"
  sleep 0.2
done
log "hub ready"

mkdir -p "$(dirname "$REPORT")"
{
  echo "# Webhook intake benchmark"
  echo
  echo "Command: \`${COMMAND_LINE% }\`"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); source: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- Machine: $(nproc) CPUs (nproc, shared with other work on this machine), $(awk '/^MemTotal:/ { printf "%.1f GiB", $2/1024/1024 }' /proc/meminfo) RAM; \`$(java -version 2>&1 | head -n 1)\`"
  echo "- Hub: the default embedded setup (\`java -jar hub-app.jar\`, embedded PostgreSQL with fsync on, embedded Kafka, fresh),"
  echo "  only ports and the simpay secret set on the command line; load generator and hub share the machine."
  echo "- Each delivery is a Standard Webhooks POST signed with HMAC-SHA256 (the hub verifies with the reference library, on"
  echo "  the raw bytes, two-sided timestamp check) and inserted into \`webhook_inbox\` (unique on the event id) before the"
  echo "  200 answer (group commit: concurrent deliveries share one multi-row insert and commit, \`InboxBatchWriter\`; hub"
  echo "  arguments: \`${HUB_EXTRA_ARGS:-none}\`); duplicates are earlier events re-sent with a fresh timestamp and signature. Event type \`bench.ping\`"
  echo "  is stored as IGNORED, so the asynchronous processing adds no load: this is the intake alone."
  echo
} > "$REPORT"
# CPU seconds (user + system) used so far by the hub JVM and the embedded PostgreSQL processes (all work in WORKDIR)
CLK_TCK=$(getconf CLK_TCK)
workdir_cpu() {
  local total=0 p
  for p in $(workdir_pids); do
    total=$(awk -v t="$total" -v c="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", t + ($12 + $13) / c }' "/proc/$p/stat" 2>/dev/null || echo "$total")
  done
  echo "$total"
}
machine_jiffies() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print busy, total }' /proc/stat; }
# warm-up run (JIT, connection pools), not reported; then the measured run starts from a warmed hub
log "warm-up: $WARMUP_SECONDS s"
java "-Xmx$BENCH_XMX" -cp "$BENCH_JAR" io.hub.bench.WebhookBench --baseUrl "$BASE_URL" --gatewayId simpay --secret "$SECRET" \
  --senders "$SENDERS" --durationSeconds "$WARMUP_SECONDS" --warmupSeconds 0 --duplicateShare "$DUPLICATE_SHARE" --client "$CLIENT" >/dev/null || true
# idle baseline: what the hub and PostgreSQL use with no request (embedded Kafka broker in the hub JVM, outbox relay,
# inbox and hold-expiry timers, Kafka consumers), over 10 s
IDLE0=$(workdir_cpu)
sleep 10
IDLE1=$(workdir_cpu)
CPU0=$(workdir_cpu)
JVM0=$(awk -v c="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / c }' "/proc/$HUB_PID/stat")
read -r BUSY0 TOTAL0 < <(machine_jiffies)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
java "-Xmx$BENCH_XMX" -cp "$BENCH_JAR" io.hub.bench.WebhookBench --baseUrl "$BASE_URL" --gatewayId simpay --secret "$SECRET" \
  --senders "$SENDERS" --durationSeconds "$DURATION_SECONDS" --warmupSeconds 0 --duplicateShare "$DUPLICATE_SHARE" \
  --client "$CLIENT" --report "$REPORT" | tee "$WORKDIR/bench.out"
CPU1=$(workdir_cpu)
JVM1=$(awk -v c="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / c }' "/proc/$HUB_PID/stat")
read -r BUSY1 TOTAL1 < <(machine_jiffies)
ACCEPTED=$(awk -F'|' '/Accepted in/ { gsub(/ /, "", $3); split($3, a, "("); print a[1] }' "$WORKDIR/bench.out")
TOTAL_SECONDS=$DURATION_SECONDS
{
  echo "**Where the CPU went** (the measured $TOTAL_SECONDS s, after a separate $WARMUP_SECONDS s warm-up run):"
  echo
  echo "| | Value |"
  echo "|---|---:|"
  echo "| Load average before the run (1/5/15 min; other work on this machine) | $LOAD0 |"
  echo "| Machine CPU busy during the run (all processes) | $(awk -v b0="$BUSY0" -v b1="$BUSY1" -v t0="$TOTAL0" -v t1="$TOTAL1" 'BEGIN { if (t1 > t0) printf "%.0f %%", 100 * (b1 - b0) / (t1 - t0); else print "?" }') |"
  echo "| CPU used by the hub JVM + embedded PostgreSQL | $(awk -v a="$CPU0" -v b="$CPU1" 'BEGIN { printf "%.1f s", b - a }') |"
  echo "| of which the hub JVM | $(awk -v a="$JVM0" -v b="$JVM1" 'BEGIN { printf "%.1f s", b - a }') |"
  echo "| Idle baseline (no requests, measured over 10 s before the run) | $(awk -v a="$IDLE0" -v b="$IDLE1" 'BEGIN { printf "%.2f CPU-s/s", (b - a) / 10 }') |"
  echo "| Hub + PostgreSQL CPU per accepted delivery, idle baseline subtracted | $(awk -v a="$CPU0" -v b="$CPU1" -v i0="$IDLE0" -v i1="$IDLE1" -v d="$DURATION_SECONDS" -v n="$ACCEPTED" 'BEGIN { if (n > 0) printf "%.2f ms", 1000 * ((b - a) - d * (i1 - i0) / 10) / n; else print "?" }') |"
  echo "| Hub + PostgreSQL CPU per accepted delivery | $(awk -v a="$CPU0" -v b="$CPU1" -v n="$ACCEPTED" 'BEGIN { if (n > 0) printf "%.2f ms", 1000 * (b - a) / n; else print "?" }') |"
  echo
} >> "$REPORT"
log "report: $REPORT"
