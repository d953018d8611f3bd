# Background services for scripts/setup-and-start.sh and scripts/stop.sh: each runs in its own process
# group (setsid), logs to $CC_DATA_DIR/logs/NAME.log and records its pid in $CC_DATA_DIR/run/NAME.pid.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
CC_RUN_DIR="$CC_DATA_DIR/run"
mkdir -p "$CC_RUN_DIR"

# Stop order: the web app and the bridge first (no new calls), the worker, then what they depend on.
CC_SERVICES=(web ari-bridge worker ari-simulator temporal)

service_pid() {
  local file="$CC_RUN_DIR/$1.pid"
  [ -f "$file" ] || return 1
  local pid; pid="$(cat "$file")"
  # Only a live process that still leads the group we started (pids get reused after a reboot).
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && echo "$pid"
}

stop_service() {
  local name="$1" pid
  if pid="$(service_pid "$name")"; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$CC_RUN_DIR/$name.pid"
}

stop_all_services() {
  local name
  for name in "${CC_SERVICES[@]}"; do stop_service "$name"; done
}

# start_service NAME COMMAND...: runs COMMAND from the repository root in the background.
start_service() {
  local name="$1"; shift
  local logfile="$CC_DATA_DIR/logs/$name.log"
  log "starting $name (log: ${logfile#"$ROOT"/})"
  printf '\n===== %s: %s\n' "$(date -Is)" "$*" >> "$logfile"
  # No job control in scripts, so setsid makes the child its own group leader without forking: $! is
  # the group id, and stop_service can end the whole tree (npx → tsx → node) at once.
  (
    cd "$ROOT"
    setsid "$@" >> "$logfile" 2>&1 < /dev/null &
    echo $! > "$CC_RUN_DIR/$name.pid"
  )
}

# wait_until NAME SECONDS CHECK...: polls CHECK until it succeeds; fails early if NAME's process died.
wait_until() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! service_pid "$name" >/dev/null; then
      echo "$name exited during start-up; last lines of its log:" >&2
      tail -n 30 "$CC_DATA_DIR/logs/$name.log" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name was not ready after ${seconds}s; last lines of its log:" >&2
      tail -n 30 "$CC_DATA_DIR/logs/$name.log" >&2
      return 1
    fi
    sleep 1
  done
  log "$name is ready"
}

# log_has NAME TEXT: the service wrote TEXT since its latest start.
log_has() {
  awk -v marker="===== " 'index($0, marker) == 1 { buffer = "" } { buffer = buffer $0 "\n" } END { printf "%s", buffer }' \
    "$CC_DATA_DIR/logs/$1.log" | grep -qF "$2"
}
