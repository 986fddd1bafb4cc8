#!/usr/bin/env bash
# Lobby spin benchmark.
#
# Builds the hub and the bench (unless SKIP_BUILD=1), starts the hub jar in a fresh temporary working directory with a fresh
# embedded database, waits until it is ready, runs LobbyBench at each player count (default 100 then 1,000 players, 1 spin/s
# each, 10 s warm-up + 60 s measured) and writes bench/reports/lobby-spin.md. The hub is stopped on exit, also on failure or
# Ctrl-C. Everything runs on this machine and targets 127.0.0.1 only.
#
# Configuration (environment variables, defaults in brackets):
#   PLAYER_COUNTS [100 1000]   player counts, one run each, in this order
#   SPINS_PER_SECOND [1]       offered spins per second per player
#   DURATION_SECONDS [60]      measurement window per run
#   WARMUP_SECONDS [10]        warm-up per run (not recorded)
#   BET [1.00]                 bet per spin
#   GAME_ID []                 game; empty = first game of /games/list with provider "hub"
#   HUB_PORT [8080]            hub HTTP port (the host is always 127.0.0.1)
#   REPORT [bench/reports/lobby-spin.md]   report file (overwritten)
#   SKIP_BUILD [0]             1 = use the jars as they are
#   HUB_JAR [hub-app/target/hub-app-0.1.0-SNAPSHOT.jar]
#   HUB_JAVA_OPTS []           JVM options for the hub, e.g. "-Xmx1g"
#   HUB_EXTRA_ARGS []          extra Spring arguments for the hub, e.g. "--logging.level.root=WARN"
#   BENCH_XMX [512m]           heap of the load generator JVM
#   BENCH_EXTRA_ARGS []        extra LobbyBench options, e.g. "--replyTimeoutSeconds 5"
#   READY_TIMEOUT_SECONDS [240]  how long to wait for /actuator/health/readiness
#   PAUSE_SECONDS [5]          pause between runs
#   KEEP_WORKDIR [0]           1 = keep the hub's temporary working directory (logs, data) after the run
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

CONFIG_VARS=(PLAYER_COUNTS SPINS_PER_SECOND DURATION_SECONDS WARMUP_SECONDS BET GAME_ID HUB_PORT REPORT SKIP_BUILD HUB_JAR
  HUB_JAVA_OPTS HUB_EXTRA_ARGS BENCH_XMX BENCH_EXTRA_ARGS READY_TIMEOUT_SECONDS PAUSE_SECONDS KEEP_WORKDIR)

# The exact command line, with the configuration variables that were set in the environment.
COMMAND_LINE=""
for v in "${CONFIG_VARS[@]}"; do
  if [[ -n ${!v+x} ]]; then
    COMMAND_LINE+="$v=$(printf '%q' "${!v}") "
  fi
done
COMMAND_LINE+=$(printf '%q ' "$0" "$@")
COMMAND_LINE=${COMMAND_LINE% }

PLAYER_COUNTS=${PLAYER_COUNTS:-"100 1000"}
SPINS_PER_SECOND=${SPINS_PER_SECOND:-1}
DURATION_SECONDS=${DURATION_SECONDS:-60}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
BET=${BET:-1.00}
GAME_ID=${GAME_ID:-}
HUB_PORT=${HUB_PORT:-8080}
REPORT=${REPORT:-$SCRIPT_DIR/reports/lobby-spin.md}
SKIP_BUILD=${SKIP_BUILD:-0}
HUB_JAR=${HUB_JAR:-$ROOT/hub-app/target/hub-app-0.1.0-SNAPSHOT.jar}
BENCH_JAR=$SCRIPT_DIR/target/bench-0.1.0-SNAPSHOT.jar
HUB_JAVA_OPTS=${HUB_JAVA_OPTS:-}
HUB_EXTRA_ARGS=${HUB_EXTRA_ARGS:-}
BENCH_XMX=${BENCH_XMX:-512m}
BENCH_EXTRA_ARGS=${BENCH_EXTRA_ARGS:-}
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-240}
PAUSE_SECONDS=${PAUSE_SECONDS:-5}
KEEP_WORKDIR=${KEEP_WORKDIR:-0}

# Only ever localhost: the host is fixed, only the port is configurable.
[[ $HUB_PORT =~ ^[0-9]+$ ]] || { echo "HUB_PORT must be a number, was '$HUB_PORT'" >&2; exit 2; }
HUB_HOST=127.0.0.1
BASE_URL="http://$HUB_HOST:$HUB_PORT"

# Hub arguments. The rate limits are raised because every bench client connects from 127.0.0.1, so the per-address
# limits would otherwise throttle the whole bench. The property names may still change: they are kept here, and only here.
HUB_RATE_LIMIT_ARGS=(
  --hub.rate-limits.login-per-address-per-minute=100000
  --hub.rate-limits.spins-per-address-per-second=100000
)
HUB_ARGS=(
  "--server.port=$HUB_PORT"
  "--server.address=$HUB_HOST"
  --hub.embedded.reset=true
  "${HUB_RATE_LIMIT_ARGS[@]}"
)
# shellcheck disable=SC2206  # word splitting of the free-form extras is intended
HUB_ARGS+=($HUB_EXTRA_ARGS)

log() { printf '%s [run-lobby-bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

HUB_PID=""
BENCH_PID=""
WORKDIR=""

# Processes whose working directory is inside our private temporary directory: the hub and anything it started there
# (embedded PostgreSQL detaches into its own session, so it is not in the hub's process group).
workdir_pids() {
  [[ -n $WORKDIR ]] || return 0
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    if [[ $cwd == "$WORKDIR" || $cwd == "$WORKDIR"/* ]]; then
      echo "${p#/proc/}"
    fi
  done
}

group_alive() { [[ -n $HUB_PID ]] && ps -eo pgid= | awk -v g="$HUB_PID" '$1 == g { found = 1 } END { exit !found }'; }

stop_hub() {
  if [[ -n $HUB_PID ]]; then
    if kill -0 "$HUB_PID" 2>/dev/null; then
      log "stopping the hub (process group $HUB_PID)"
      kill -TERM -- "-$HUB_PID" 2>/dev/null || true
      for _ in $(seq 1 60); do
        kill -0 "$HUB_PID" 2>/dev/null || break
        sleep 0.5
      done
    fi
    if group_alive; then
      log "hub process group still alive after 30 s; killing it"
      kill -KILL -- "-$HUB_PID" 2>/dev/null || true
    fi
    HUB_PID=""
  fi
  local left
  left=$(workdir_pids | tr '\n' ' ')
  if [[ -n ${left// /} ]]; then
    log "stopping leftover processes started in $WORKDIR: $left"
    # shellcheck disable=SC2086
    kill -TERM $left 2>/dev/null || true
    for _ in $(seq 1 20); do
      left=$(workdir_pids | tr '\n' ' ')
      [[ -z ${left// /} ]] && break
      sleep 0.5
    done
    # shellcheck disable=SC2086
    [[ -n ${left// /} ]] && kill -KILL $left 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $BENCH_PID ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
    log "stopping the load generator (pid $BENCH_PID)"
    kill -TERM "$BENCH_PID" 2>/dev/null || true
    wait "$BENCH_PID" 2>/dev/null || true
  fi
  stop_hub
  if [[ -n $WORKDIR && -d $WORKDIR ]]; then
    if [[ $KEEP_WORKDIR == 1 || $rc != 0 ]]; then
      log "hub working directory kept: $WORKDIR (log: $WORKDIR/hub.log)"
    else
      rm -rf "$WORKDIR"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- helpers for the numbers ----

# These helpers always succeed (0 when the process is gone), so that they are safe under set -e.
rss_kib() { { ps -o rss= -p "$1" 2>/dev/null || true; } | awk '{ s += $1 } END { print s + 0 }'; }
# Sum of PSS (proportional set size: shared pages split between the processes sharing them) of the processes working in
# WORKDIR, i.e. the hub JVM and the embedded PostgreSQL server with its backends.
workdir_pss_kib() {
  local total=0 p k
  for p in $(workdir_pids); do
    k=$(awk '/^Pss:/ { print $2; exit }' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    total=$((total + ${k:-0}))
  done
  echo "$total"
}
workdir_count() { workdir_pids | wc -l; }
memory_row() {
  echo "| $1 | $(mib "$(rss_kib "$HUB_PID")") | $(mib "$(workdir_pss_kib)") ($(workdir_count) processes) | $(cpu_seconds "$HUB_PID") s |"
}
MEMORY_HEADER="| When | Hub JVM RSS | Hub JVM + embedded PostgreSQL, PSS sum | Hub JVM CPU time so far |
|---|---:|---:|---:|"
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
gib() { awk -v k="$1" 'BEGIN { printf "%.1f GiB", k / 1024 / 1024 }'; }
# CPU seconds (user + system) the process has used so far.
CLK_TCK=$(getconf CLK_TCK)
cpu_seconds() {
  awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo "0"
}
# Busy and total jiffies of the whole machine.
machine_jiffies() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print busy, total }' /proc/stat; }

# ---- build ----

if [[ $SKIP_BUILD != 1 ]]; then
  log "building hub-app and bench (mvn -B -ntp -DskipTests package)"
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests -pl hub-app,bench -am package) || die "build failed"
fi
[[ -f $HUB_JAR ]] || die "hub jar not found: $HUB_JAR (build it, or set HUB_JAR)"
[[ -f $BENCH_JAR ]] || die "bench jar not found: $BENCH_JAR (cd $ROOT && mvn -B -ntp -pl bench -am package -DskipTests)"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_busy "$HUB_PORT"; then
  die "something already listens on 127.0.0.1:$HUB_PORT; stop it or set HUB_PORT"
fi
# The embedded PostgreSQL and Kafka use fixed default ports (54329, 9092, 9093) unless HUB_EXTRA_ARGS overrides them.
for spec in "54329 hub.embedded.postgres.port" "9092 hub.embedded.kafka.port" "9093 hub.embedded.kafka.controller-port"; do
  read -r port property <<<"$spec"
  if [[ $HUB_EXTRA_ARGS != *"--$property="* ]] && port_busy "$port"; then
    die "port $port (default of $property) is in use, probably by another hub; stop it, or let the bench hub pick" \
      "free ports: HUB_EXTRA_ARGS=\"--hub.embedded.postgres.port=0 --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0\""
  fi
done

# ---- report header ----

# shellcheck disable=SC2206
HUB_CMD=(java $HUB_JAVA_OPTS -jar "$HUB_JAR" "${HUB_ARGS[@]}")
HUB_COMMAND=$(printf '%q ' "${HUB_CMD[@]}")
HUB_COMMAND=${HUB_COMMAND% }

mkdir -p "$(dirname "$REPORT")"
JAVA_VERSION=$(java -version 2>&1 | head -n 1 || true)
MEM_TOTAL_KIB=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
GIT_DIRTY=$(git -C "$ROOT" status --porcelain 2>/dev/null | head -n 1 || true)
{
  echo "# Lobby spin benchmark"
  echo
  echo "Command: \`$COMMAND_LINE\`"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); source: $GIT_REV${GIT_DIRTY:+ (uncommitted changes)}"
  echo "- Machine: $(nproc) CPUs (nproc), $(gib "$MEM_TOTAL_KIB") RAM, $(uname -sr); \`$JAVA_VERSION\`"
  echo "- The hub and the load generator run on the same machine and share its $(nproc) CPUs;" \
    "the load generator JVM is limited to -Xmx$BENCH_XMX."
  echo "- Hub: \`$HUB_COMMAND\` in a fresh temporary directory (fresh embedded PostgreSQL and Kafka)"
  echo "- Each run: $SPINS_PER_SECOND spin/s per player, $WARMUP_SECONDS s warm-up then $DURATION_SECONDS s measured, bet $BET."
  echo "  How to read the sections: bench/README.md."
  echo
} > "$REPORT"

# ---- start the hub ----

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-bench.XXXXXX")
log "starting the hub in $WORKDIR on $BASE_URL"
START_NS=$(date +%s%N)
# setsid: the hub gets its own process group (pgid = its pid), so it can be stopped with everything it started.
(cd "$WORKDIR" && exec setsid "${HUB_CMD[@]}" >"$WORKDIR/hub.log" 2>&1) &
HUB_PID=$!

deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
until body=$(curl -s --max-time 2 "$BASE_URL/actuator/health/readiness" 2>/dev/null) && [[ $body == *'"UP"'* ]]; do
  if ! kill -0 "$HUB_PID" 2>/dev/null; then
    tail -n 40 "$WORKDIR/hub.log" >&2 || true
    die "the hub exited during start-up (log above, full log in $WORKDIR/hub.log)"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 40 "$WORKDIR/hub.log" >&2 || true
    die "the hub was not ready after $READY_TIMEOUT_SECONDS s"
  fi
  sleep 0.2
done
READY_NS=$(date +%s%N)
STARTUP_S=$(awk -v a="$START_NS" -v b="$READY_NS" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
sleep 2 # let start-up work settle before measuring memory
RSS_TABLE=$(memory_row "After start-up")
log "hub ready after $STARTUP_S s (pid $HUB_PID)"
{
  echo "## Hub start-up"
  echo
  echo "Process start → \`/actuator/health/readiness\` UP: **$STARTUP_S s** (includes embedded PostgreSQL and Kafka)."
  echo
  echo "$MEMORY_HEADER"
  echo "$RSS_TABLE"
  echo
} >> "$REPORT"

# ---- runs ----

FAILED_RUNS=0
first=1
for players in $PLAYER_COUNTS; do
  [[ $players =~ ^[0-9]+$ ]] || die "PLAYER_COUNTS must be numbers, got '$players'"
  if ((first == 0)); then sleep "$PAUSE_SECONDS"; fi
  first=0
  kill -0 "$HUB_PID" 2>/dev/null || die "the hub is no longer running (log: $WORKDIR/hub.log)"

  bench_cmd=(java "-Xmx$BENCH_XMX" -jar "$BENCH_JAR"
    --baseUrl "$BASE_URL" --players "$players" --spinsPerSecondPerPlayer "$SPINS_PER_SECOND"
    --durationSeconds "$DURATION_SECONDS" --warmupSeconds "$WARMUP_SECONDS" --bet "$BET"
    --prefix "b$(date +%s)p$players" --label "$players players" --report "$REPORT")
  [[ -n $GAME_ID ]] && bench_cmd+=(--gameId "$GAME_ID")
  # shellcheck disable=SC2206
  bench_cmd+=($BENCH_EXTRA_ARGS)

  log "run: $players players"
  hub_cpu_before=$(cpu_seconds "$HUB_PID")
  read -r busy0 total0 < <(machine_jiffies)
  # In the background + wait, so that a signal to this script is handled at once (the trap stops both JVMs).
  # Its stdout (the report section) goes to our stdout; its progress log to our stderr and to a file.
  bench_start=$SECONDS
  "${bench_cmd[@]}" 2> >(tee -a "$WORKDIR/bench-$players.log" >&2) &
  BENCH_PID=$!
  set +e
  wait "$BENCH_PID"
  rc=$?
  set -e
  BENCH_PID=""
  bench_wall=$((SECONDS - bench_start))
  read -r busy1 total1 < <(machine_jiffies)
  hub_cpu_after=$(cpu_seconds "$HUB_PID")
  if [[ $rc != 0 ]]; then
    FAILED_RUNS=$((FAILED_RUNS + 1))
    log "LobbyBench exited with $rc for $players players"
  fi
  RSS_TABLE+=$'\n'"$(memory_row "After $players players")"
  {
    echo "**Processes during this run ($players players):**"
    echo
    echo "| | Value |"
    echo "|---|---|"
    bench_command=$(printf '%q ' "${bench_cmd[@]}")
    echo "| Load generator command | \`${bench_command% }\` |"
    echo "| Load generator exit code | $rc |"
    echo "| Load generator wall time (incl. JVM start and set-up) | $bench_wall s |"
    echo "| Hub JVM CPU time during the run (incl. set-up) | $(awk -v a="$hub_cpu_before" -v b="$hub_cpu_after" 'BEGIN { printf "%.1f", b - a }') s |"
    echo "| Machine CPU busy during the run (all processes) | $(awk -v b0="$busy0" -v b1="$busy1" -v t0="$total0" -v t1="$total1" 'BEGIN { if (t1 > t0) printf "%.0f %%", 100 * (b1 - b0) / (t1 - t0); else print "?" }') |"
    echo "| Hub JVM RSS after the run | $(mib "$(rss_kib "$HUB_PID")") |"
    echo "| Hub JVM + embedded PostgreSQL after the run (PSS sum) | $(mib "$(workdir_pss_kib)") |"
    echo
  } >> "$REPORT"
done

{
  echo "## Hub memory over the session"
  echo
  echo "Hub JVM RSS from \`ps -o rss\` (resident set; a JVM keeps the heap it has grown into). The PSS sum covers every"
  echo "process working in the hub's temporary directory: the hub JVM plus the embedded PostgreSQL server and its backends"
  echo "(PostgreSQL detaches into its own session); PSS splits shared pages such as shared_buffers between the processes"
  echo "that map them, so the sum does not count them twice."
  echo
  echo "$MEMORY_HEADER"
  echo "$RSS_TABLE"
  echo
} >> "$REPORT"

log "report: $REPORT"
if ((FAILED_RUNS > 0)); then
  die "$FAILED_RUNS run(s) failed; see the report and $WORKDIR"
fi
