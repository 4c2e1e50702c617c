#!/usr/bin/env bash
# `hookcheck listen` throughput and memory, side by side with a minimal Python http.server
# receiver doing the same HMAC; prints markdown table rows (bench.sh runs it last).
# Loopback only. Needs cargo and python3.
# Usage: scripts/bench_listen.sh [deliveries, default 100000] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
C="${2:-4}"
cargo build --release --quiet --bin hookcheck --example loadgen
HC="$PWD/target/release/hookcheck"
LG="$PWD/target/release/examples/loadgen"
TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
KEY="bench-secret-0123456789"
printf '%s' "$KEY" > "$TMP/key"
python3 -c 'import json; print(json.dumps({"action": "opened", "pad": "x" * 1900}, separators=(",", ":")), end="")' > "$TMP/body"
"$HC" sign -p github --secret-file "$TMP/key" --body-file "$TMP/body" > "$TMP/delivery.http"

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

# hookcheck listen: --no-diagnose, its per-delivery line written (to /dev/null).
PORT=$(free_port)
"$HC" listen --bind "127.0.0.1:$PORT" -p github --secret-file "$TMP/key" --no-diagnose >/dev/null 2>&1 &
HPID=$!; PIDS+=("$HPID")
wait_port "$PORT"
"$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$C" 2000 >/dev/null
R0=$(rss_kib "$HPID"); HC0=$(cpu_s "$HPID")
read -r hn hs hrate _ _ < <("$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$C" "$N")
R1=$(rss_kib "$HPID"); HC1=$(cpu_s "$HPID")
read -r _ _ _ _ _ < <("$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$C" "$N")
R2=$(rss_kib "$HPID")
kill -INT "$HPID"; wait "$HPID" || true

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
PORT=$(free_port)
python3 "$TMP/server.py" "$PORT" "$TMP/key" &
PPID_=$!; PIDS+=("$PPID_")
wait_port "$PORT"
PN=$(( N / 5 ))
"$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$C" 1000 >/dev/null
PC0=$(cpu_s "$PPID_")
read -r pn ps prate _ _ < <("$LG" "127.0.0.1:$PORT" "$TMP/delivery.http" "$C" "$PN")
PC1=$(cpu_s "$PPID_")
kill "$PPID_"

awk -v n="$hn" -v h="$hrate" -v p="$prate" -v c="$C" -v pn="$pn" 'BEGIN{printf "| listen: %d deliveries (2 KiB, GitHub) over %d keep-alive connections, --no-diagnose | %.0f /s | %.0f /s (Python http.server + hmac, %d deliveries) | %.2fx |\n", n, c, h, p, pn, h/p}'
# Deliveries per CPU-second of the server process: steadier than wall-clock rates when other
# work shares the cores.
awk -v hn="$hn" -v h0="$HC0" -v h1="$HC1" -v pn="$pn" -v p0="$PC0" -v p1="$PC1" 'BEGIN{h=hn/(h1-h0); p=pn/(p1-p0); printf "| listen: deliveries per CPU-second of the server | %.0f | %.0f (Python http.server + hmac) | %.2fx |\n", h, p, h/p}'
awk -v a="$R0" -v b="$R1" -v d="$R2" -v n="$N" 'BEGIN{printf "| listen: RSS after 2,000 / %d / %d deliveries | %.1f / %.1f / %.1f MiB | — | — |\n", 2000+n, 2000+2*n, a/1024, b/1024, d/1024}'
