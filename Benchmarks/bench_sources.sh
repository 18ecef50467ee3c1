#!/usr/bin/env bash
# sources: `guidekit sources fetch` of every revision of the shared e-Gov laws (7 laws, 11
# revisions) from a local stand-in of the e-Gov API v2 — a folder laid out as the API's paths,
# served by Python's threading http.server on 127.0.0.1 — next to curl fetching the same URLs
# one after another and with `xargs -P4`, in one run: once at loopback speed, once with the
# server paced like a remote API (SOURCES_WAN_RATE bytes/s per connection, default 2 MB/s, and
# SOURCES_WAN_LATENCY seconds before each answer, default 0.05). Then a re-run with nothing new (target:
# at most one request per law and at most 5 % of the full fetch), and the start-up of
# `guidekit --help` and a small `render` (with BASELINE=/path/to/an/earlier/guidekit: both
# binaries in one hyperfine run, as a ratio).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool curl
need_tool hyperfine

LAWS="$SHARED/egov/laws"
RUNS="${SOURCES_RUNS:-5}"
[[ -d "$LAWS" ]] || {
  echo "sources: $LAWS missing" >&2
  exit 1
}
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "sources: laying out the stand-in API"
"$PYTHON" - "$LAWS" "$WORK" <<'PY'
import json, os, sys
laws, work = sys.argv[1], sys.argv[2]
site = os.path.join(work, "site", "api", "2")
os.makedirs(os.path.join(site, "law_revisions"))
os.makedirs(os.path.join(site, "law_file", "xml"))
by_law = {}
for name in sorted(os.listdir(laws)):
    if not name.endswith(".xml"):
        continue
    stem = name[:-4]
    law_id, date, amending = stem.split("_")
    by_law.setdefault(law_id, []).append((date, stem))
    with open(os.path.join(laws, name), "rb") as src, open(os.path.join(site, "law_file", "xml", stem), "wb") as dst:
        dst.write(src.read())
refs = []
for law_id, revisions in by_law.items():
    revisions.sort(reverse=True)
    listing = {"law_info": {"law_id": law_id, "law_type": "Act"}, "revisions": [
        {"law_revision_id": stem, "amendment_enforcement_date": f"{d[:4]}-{d[4:6]}-{d[6:]}",
         "current_revision_status": "UnEnforced" if d > "20261201" else ("CurrentEnforced" if i == 0 or revisions[i - 1][0] > "20261201" else "PreviousEnforced")}
        for i, (d, stem) in enumerate(revisions)]}
    with open(os.path.join(site, "law_revisions", law_id), "w") as f:
        json.dump(listing, f, ensure_ascii=False)
    earliest = revisions[-1][1].split("_", 1)[1]
    refs.append(f'<p><ref source="{law_id}" provision="Art1" pin="{earliest}">第1条</ref></p>')
os.makedirs(os.path.join(work, "guidelines", "g"))
with open(os.path.join(work, "guidelines", "g", "1.0.xml"), "w") as f:
    f.write('<guideline xmlns="urn:guidekit:guideline:1" id="g" version="1.0"><title>t</title><issuer>i</issuer>'
            '<chapter id="c" num="1"><title>c</title><clause id="a" num="1">' + "".join(refs) +
            '</clause></chapter></guideline>\n')
with open(os.path.join(work, "urls"), "w") as f:
    for law_id, revisions in by_law.items():
        f.write(f"law_revisions/{law_id}\n")
        for _, stem in revisions:
            f.write(f"law_file/xml/{stem}\n")
PY
cat >"$WORK/serve.py" <<'PY'
import http.server, os, sys, time
rate, latency = float(sys.argv[2]), float(sys.argv[3])
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
    def send_head(self):
        if latency: time.sleep(latency)
        return super().send_head()
    def copyfile(self, source, target):
        while chunk := source.read(65536):
            target.write(chunk)
            if rate: time.sleep(len(chunk) / rate)
os.chdir(sys.argv[4])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
sed -i "s|^|/api/2/|" "$WORK/urls"
REQUESTS=$(wc -l <"$WORK/urls")
BYTES=$(du -cb "$WORK"/site/api/2/law_file/xml/* | tail -1 | cut -f1)

now() { date +%s.%N; }
# median SECONDS... — the middle value
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
rate() { echo "scale=1; $1 / $2" | bc; }
mbps() { echo "scale=1; $BYTES / 1048576 / $1" | bc; }

# measure LABEL RATE LATENCY — one server, full and no-change fetches, curl both ways
measure() {
  local label="$1" port api
  port="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$PYTHON" "$WORK/serve.py" "$port" "$2" "$3" "$WORK/site" &
  SERVER_PID=$!
  api="http://127.0.0.1:$port/api/2"
  for _ in $(seq 50); do curl -sf -o /dev/null "$api/law_revisions/322AC0000000049" && break || sleep 0.1; done
  sed "s|^|http://127.0.0.1:$port|" "$WORK/urls" >"$WORK/urls.$port"
  note "$label: $REQUESTS URLs, $BYTES bytes of law XML, server on 127.0.0.1:$port"

  local full=() again=() seq_runs=() par_runs=() summary t0
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/store"
    mkdir -p "$WORK/store"
    t0=$(now)
    (cd "$WORK" && "$GUIDEKIT" sources fetch --store store --egov-api "$api" --quiet >/dev/null)
    full+=("$(echo "$(now) - $t0" | bc)")
  done
  local fetched
  fetched=$(find "$WORK/store" -name '*.xml' | wc -l)
  for _ in $(seq "$RUNS"); do
    t0=$(now)
    summary=$(cd "$WORK" && "$GUIDEKIT" sources fetch --store store --egov-api "$api" 2>&1 >/dev/null)
    again+=("$(echo "$(now) - $t0" | bc)")
  done
  for _ in $(seq "$RUNS"); do
    t0=$(now)
    while read -r url; do curl -sf -o /dev/null "$url"; done <"$WORK/urls.$port"
    seq_runs+=("$(echo "$(now) - $t0" | bc)")
    t0=$(now)
    xargs -P4 -n1 curl -sf -o /dev/null <"$WORK/urls.$port"
    par_runs+=("$(echo "$(now) - $t0" | bc)")
  done
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  local FULL AGAIN SEQ PAR
  FULL=$(median "${full[@]}")
  AGAIN=$(median "${again[@]}")
  SEQ=$(median "${seq_runs[@]}")
  PAR=$(median "${par_runs[@]}")
  echo "### sources fetch, $label ($fetched revisions of 7 laws, $REQUESTS requests, $(echo "scale=1; $BYTES / 1048576" | bc) MB; median of $RUNS)"
  echo
  echo "| run | seconds | requests/s | MB/s | vs curl -P4 |"
  echo "|---|---|---|---|---|"
  echo "| guidekit sources fetch (empty store) | $FULL | $(rate "$REQUESTS" "$FULL") | $(mbps "$FULL") | $(echo "scale=2; $FULL / $PAR" | bc)× |"
  echo "| curl, one after another | $SEQ | $(rate "$REQUESTS" "$SEQ") | $(mbps "$SEQ") | $(echo "scale=2; $SEQ / $PAR" | bc)× |"
  echo "| curl, xargs -P4 | $PAR | $(rate "$REQUESTS" "$PAR") | $(mbps "$PAR") | 1.00× |"
  echo "| guidekit sources fetch, nothing new | $AGAIN | $(sed -n 's/.*(\([0-9]*\) requests).*/\1/p' <<<"$summary") requests for 7 laws | | $(echo "scale=1; 100 * $AGAIN / $FULL" | bc) % of the full fetch |"
  echo
}

log "sources: loopback"
measure "loopback" 0 0
log "sources: paced like a remote API"
measure "paced at ${SOURCES_WAN_RATE:-2000000} B/s per connection, ${SOURCES_WAN_LATENCY:-0.05} s latency" "${SOURCES_WAN_RATE:-2000000}" "${SOURCES_WAN_LATENCY:-0.05}"

log "sources: start-up"
SMALL="guidelines/telework-security/5.0.xml"
if [[ -n "${BASELINE:-}" ]]; then
  hyperfine -N --warmup 5 --runs 60 --export-markdown "$WORK/startup.md" \
    -n "guidekit --help" "$GUIDEKIT --help" -n "baseline --help" "$BASELINE --help" \
    -n "guidekit render" "$GUIDEKIT render $SMALL --format html -o /dev/null" \
    -n "baseline render" "$BASELINE render $SMALL --format html -o /dev/null" >&2
else
  hyperfine -N --warmup 5 --runs 60 --export-markdown "$WORK/startup.md" \
    -n "guidekit --help" "$GUIDEKIT --help" \
    -n "guidekit render" "$GUIDEKIT render $SMALL --format html -o /dev/null" >&2
fi
echo "### start-up"
echo
cat "$WORK/startup.md"
