#!/usr/bin/env bash
# serve: the live preview of `guidekit serve` on a copy of the bundled guidelines.
#   1. save → updated DOM: 50 edits of a clause of 第5版 (telework-security/5.0.xml), each written
#      to disk while headless chromium (over WebDriver) shows the edition page; the time from
#      the write to the moment a MutationObserver in the page sees the new text (both clocks are
#      the machine's wall clock). Target: p95 ≤ 300 ms.
#   2. requests/s of the edition page from memory (wrk, 4 connections, SERVE_WRK_SECONDS), next to
#      `python3 -m http.server` serving the same page from a site `guidekit publish` wrote.
#   3. memory: VmRSS and VmHWM of the server once every page of the site has been served.
# Needs chromium, chromium-driver and wrk (apt). GUIDEKIT_SERVE: the server binary (default
# beside $GUIDEKIT).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
SERVE="${GUIDEKIT_SERVE:-$(dirname "$GUIDEKIT")/guidekit-serve}"
[[ -x "$SERVE" ]] || {
  echo "guidekit-serve not found at $SERVE (set GUIDEKIT_SERVE)" >&2
  exit 1
}
SERVE="$(cd "$(dirname "$SERVE")" && pwd)/$(basename "$SERVE")"
need_tool wrk
need_tool chromedriver chromium-driver
need_tool curl
EDITS="${SERVE_EDITS:-50}"
SECONDS_WRK="${SERVE_WRK_SECONDS:-10}"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
cp -r guidelines "$WORK/guidelines"

# The server on a free port; its first line names the URL.
(cd "$WORK" && exec "$SERVE" guidelines --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err") &
SERVE_PID=$!
PIDS+=("$SERVE_PID")
for _ in $(seq 1 300); do
  grep -q '^guidekit serve: http' "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
URL="$(sed -n '1s/^guidekit serve: //p' "$WORK/serve.out")"
[[ -n "$URL" ]] || {
  echo "serve did not start: $(cat "$WORK/serve.err")" >&2
  exit 1
}
note "serving $URL (pid $SERVE_PID)"

log "serve: save → updated DOM, $EDITS edits"
DRIVER_PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
chromedriver --port="$DRIVER_PORT" >/dev/null 2>&1 &
PIDS+=($!)
"$PYTHON" - "$URL" "$DRIVER_PORT" "$WORK/guidelines/telework-security/5.0.xml" "$EDITS" <<'PY' >"$WORK/latency.txt"
import json, statistics, sys, time, urllib.request

url, port, path, edits = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
base = f"http://127.0.0.1:{port}"

def call(method, route, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + route, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["value"]

for _ in range(100):
    try:
        if call("GET", "/status").get("ready"):
            break
    except OSError:
        pass
    time.sleep(0.1)
session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
    "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}}}})["sessionId"]
run = lambda script: call("POST", f"/session/{session}/execute/sync", {"script": script, "args": []})
try:
    call("POST", f"/session/{session}/url", {"url": url + "telework-security/5.0.html"})
    for _ in range(200):
        if run("return !!document.getElementById('gk-live-panel');"):
            break
        time.sleep(0.05)
    run("""
      window.gkSeen = {};
      new MutationObserver(() => {
        const want = window.gkWant, clause = document.getElementById('intro-significance');
        if (want && !(want in window.gkSeen) && clause && clause.textContent.includes(want)) window.gkSeen[want] = Date.now();
      }).observe(document.body, {childList: true, subtree: true, characterData: true});
      return true;""")
    original = open(path, encoding="utf-8").read()
    title = "<title>テレワークの意義と現状</title>"
    latencies = []
    for i in range(edits):
        marker = f"（改訂{i:03d}）"
        run(f"window.gkWant = {json.dumps(marker)}; return true;")
        text = original.replace(title, f"<title>テレワークの意義と現状{marker}</title>")
        start = time.time() * 1000
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        seen = None
        while seen is None and time.time() * 1000 - start < 10000:
            time.sleep(0.01)
            seen = run(f"return window.gkSeen[{json.dumps(marker)}] || null;")
        if seen is None:
            print(f"edit {i}: not seen within 10 s", file=sys.stderr)
            continue
        latencies.append(seen - start)
        time.sleep(0.2)
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"{len(latencies)} {q[49]:.0f} {q[94]:.0f} {latencies[0]:.0f} {latencies[-1]:.0f}")
finally:
    call("DELETE", f"/session/{session}")
PY
read -r N P50 P95 MIN MAX <"$WORK/latency.txt"
note "save → DOM over $N edits: p50 $P50 ms, p95 $P95 ms (min $MIN, max $MAX)"

log "serve: requests/s of the edition page"
PAGE="telework-security/5.0.html"
"$GUIDEKIT" publish --guidelines "$WORK/guidelines" --out "$WORK/site" --quiet
STATIC_PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$PYTHON" -m http.server "$STATIC_PORT" --bind 127.0.0.1 --directory "$WORK/site" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$STATIC_PORT/$PAGE" >/dev/null && break; sleep 0.1; done
curl -sf "$URL$PAGE" >/dev/null
rps() { wrk -t2 -c4 -d"${SECONDS_WRK}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
SERVE_RPS="$(rps "$URL$PAGE")"
STATIC_RPS="$(rps "http://127.0.0.1:$STATIC_PORT/$PAGE")"
note "guidekit serve: $SERVE_RPS requests/s; python3 -m http.server: $STATIC_RPS requests/s"

log "serve: memory holding the bundled site"
for path in $(curl -sf "$URL" | grep -o 'href="[^"#]*\.html"' | sed 's/href="//; s/"$//' | sort -u); do
  curl -sf "$URL$path" >/dev/null || true
done
for path in telework-security/5.0-table.html telework-security/5.0-redline.html telework-security/5.0-notice.html \
  telework-labor/2021-table.html feed.xml api/diagnostics.json; do
  curl -sf "$URL$path" >/dev/null || true
done
RSS="$(awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status")"
HWM="$(awk '/VmHWM/ {print $2}' "/proc/$SERVE_PID/status")"
note "RSS $((RSS / 1024)) MB, peak $((HWM / 1024)) MB"

cat <<EOF2
| measure | guidekit serve | python3 -m http.server (published site) |
|---|---|---|
| save → updated DOM, p50 / p95 ($N edits of 第5版) | $P50 ms / $P95 ms (min $MIN, max $MAX) | — |
| $PAGE, requests/s (wrk, 4 connections, ${SECONDS_WRK} s) | $SERVE_RPS | $STATIC_RPS |
| memory once every page was served (VmRSS / VmHWM) | $((RSS / 1024)) MB / $((HWM / 1024)) MB | — |
EOF2
