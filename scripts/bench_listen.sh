#!/usr/bin/env bash
# `hookcheck listen` throughput and memory, side by side with a minimal Python http.server
# receiver doing the same HMAC; prints markdown table rows (bench.sh runs it last).
# Loopback only. Needs cargo and python3.
#
# Both servers get the identical load from the same generator (examples/loadgen.rs: one
# thread, every connection on one event loop, so it never takes more than one of the cores the
# server shares). Each load runs in alternating rounds (hookcheck, Python, hookcheck, ...) and
# each server's best round counts: load from elsewhere on the machine only ever slows a round.
# Besides the wall-clock rate, each row gives the server process's own CPU time (user + system,
# from /proc), which other work on the machine disturbs much less.
#
# Usage: scripts/bench_listen.sh [deliveries, default 100000] [rounds, default 3]
#        (environment: HOOKCHECK=path to measure another build; PIN=1 runs each server on
#        core 0 and the load on core 1, so that neither server's threads spread over both
#        cores: Python's threads then never contend for the GIL across cores)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
ROUNDS="${2:-3}"
cargo build --release --quiet --bin hookcheck --example loadgen
# HOOKCHECK=path measures another build (e.g. an older one) under the same load.
HC="${HOOKCHECK:-$PWD/target/release/hookcheck}"
PIN_SERVER=""
PIN_LOAD=""
if [ "${PIN:-0}" = 1 ]; then
  PIN_SERVER="taskset -c 0"
  PIN_LOAD="taskset -c 1"
fi
LG="$PWD/target/release/examples/loadgen"
TMP="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
KEY="bench-secret-0123456789"
printf '%s' "$KEY" > "$TMP/key"
python3 -c 'import json; print(json.dumps({"action": "opened", "pad": "x" * 1900}, separators=(",", ":")), end="")' > "$TMP/body"
"$HC" sign -p github --secret-file "$TMP/key" --body-file "$TMP/body" > "$TMP/delivery.http"

# The baseline: http.server (ThreadingHTTPServer, HTTP/1.1 keep-alive, TCP_NODELAY), same
# HMAC, no log line.
cat > "$TMP/server.py" <<'PY'
import hashlib, hmac, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
key = open(sys.argv[2], "rb").read()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Without this, headers and body leave in two segments and Nagle + delayed ACK cost
    # 40 ms per keep-alive request (about 90/s): not a fair baseline.
    disable_nagle_algorithm = True
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        mac = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
        ok = hmac.compare_digest(mac, self.headers.get("X-Hub-Signature-256", ""))
        out = b"verified\n" if ok else b"not verified\n"
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench_listen.sh: nothing listening on $1" >&2; exit 1
}
rss_kib() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }
# CPU seconds (user + system) a process has used so far.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# Starts a server (hc or py) on a free port: sets SERVER (its pid) and PORT.
start() {
  KIND=$1
  PORT=$(free_port)
  if [ "$1" = hc ]; then
    # --no-diagnose; its per-delivery line is written (to /dev/null).
    $PIN_SERVER "$HC" listen --bind "127.0.0.1:$PORT" -p github --secret-file "$TMP/key" --no-diagnose >/dev/null 2>&1 &
  else
    $PIN_SERVER python3 "$TMP/server.py" "$PORT" "$TMP/key" &
  fi
  SERVER=$!
  wait_port "$PORT"
}
# hookcheck stops on Ctrl-C (SIGINT, which a script's background job would otherwise
# ignore: Python keeps ignoring it), Python on SIGTERM.
stop() {
  if [ "$KIND" = hc ]; then kill -INT "$SERVER"; else kill -TERM "$SERVER"; fi
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

# One round: `round SERVER DELIVERIES CONNECTIONS DEPTH` prints
# `deliveries wall_rate server_cpu_seconds` (a fresh server, warmed with 2,000 deliveries).
round() {
  start "$1"
  $PIN_LOAD "$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$3" 2000 "$4" >/dev/null
  local c0 c1 n rate
  c0=$(cpu_s "$SERVER")
  read -r n _ rate _ _ < <($PIN_LOAD "$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$3" "$2" "$4")
  c1=$(cpu_s "$SERVER")
  stop
  echo "$n $rate $(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b - a}')"
}

# `row LABEL CONNECTIONS DEPTH`: the best of ROUNDS alternating rounds of each server, as two
# table rows (wall-clock rate; deliveries per CPU-second of the server).
row() {
  local label="$1" c="$2" d="$3" hr=0 hcpu="" hn=0 pr=0 pcpu="" pn=0
  local pN=$(( N / 5 ))
  for _ in $(seq "$ROUNDS"); do
    round hc "$N" "$c" "$d" > "$TMP/round"
    read -r n rate cpu < "$TMP/round"
    hr=$(awk -v a="$hr" -v b="$rate" 'BEGIN{print (b > a) ? b : a}')
    if [ -z "$hcpu" ] || awk -v a="$hcpu" -v b="$cpu" 'BEGIN{exit !(b < a)}'; then hcpu=$cpu; fi
    hn=$n
    round py "$pN" "$c" "$d" > "$TMP/round"
    read -r n rate cpu < "$TMP/round"
    pr=$(awk -v a="$pr" -v b="$rate" 'BEGIN{print (b > a) ? b : a}')
    if [ -z "$pcpu" ] || awk -v a="$pcpu" -v b="$cpu" 'BEGIN{exit !(b < a)}'; then pcpu=$cpu; fi
    pn=$n
  done
  awk -v l="$label" -v hn="$hn" -v pn="$pn" -v h="$hr" -v p="$pr" 'BEGIN{printf "| listen: %s, %d deliveries, wall-clock rate | %.0f /s | %.0f /s (Python http.server + hmac, %d deliveries) | %.2fx |\n", l, hn, h, p, pn, h/p}'
  awk -v l="$label" -v hn="$hn" -v pn="$pn" -v h="$hcpu" -v p="$pcpu" 'BEGIN{printf "| listen: %s, per CPU-second of the server | %.0f /CPU-s (%.2f CPU-s) | %.0f /CPU-s (%.2f CPU-s) | %.2fx |\n", l, hn/h, h, pn/p, p, (hn/h)/(pn/p)}'
}

PINNED=""
[ -z "$PIN_SERVER" ] || PINNED=", server pinned to one core"
row "2 KiB GitHub deliveries over 4 keep-alive connections, --no-diagnose$PINNED" 4 1
row "the same over 32 connections$PINNED" 32 1
row "the same over 4 connections, pipelined 8 deep$PINNED" 4 8

# Memory over 2 x N deliveries in one server's life.
start hc
"$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" 4 2000 >/dev/null
R0=$(rss_kib "$SERVER")
"$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" 4 "$N" >/dev/null
R1=$(rss_kib "$SERVER")
"$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" 4 "$N" >/dev/null
R2=$(rss_kib "$SERVER")
stop
awk -v a="$R0" -v b="$R1" -v d="$R2" -v n="$N" 'BEGIN{printf "| listen: RSS after 2,000 / %d / %d deliveries | %.1f / %.1f / %.1f MiB | — | — |\n", 2000+n, 2000+2*n, a/1024, b/1024, d/1024}'
