#!/usr/bin/env bash
# Screenshot an HTML file with headless Chromium (for checking the stylesheets' pages).
#
#   scripts/screenshot.sh FILE.html OUT.png [WIDTH [HEIGHT]]
#   scripts/screenshot.sh FILE.html OUT.pdf            # print layout (@page), via --print-to-pdf
#
# WIDTH defaults to 1280, HEIGHT to 1600 (the window size; the PNG is cut at HEIGHT).
# Keep the output outside the repository (e.g. /tmp).
set -euo pipefail

usage() { echo "usage: $0 FILE.html OUT.png|OUT.pdf [WIDTH [HEIGHT]]" >&2; exit 64; }
[ $# -ge 2 ] && [ $# -le 4 ] || usage
in=$1 out=$2 width=${3:-1280} height=${4:-1600}
[ -f "$in" ] || { echo "$0: no such file: $in" >&2; exit 2; }
case $width$height in *[!0-9]*) usage ;; esac

find_browser() {
  local b
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  return 1
}

if ! browser=$(find_browser); then
  echo "$0: chromium not found; installing it with: apt-get install -y chromium fonts-noto-cjk" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2
  fi
  browser=$(find_browser) || { echo "$0: chromium is still missing" >&2; exit 2; }
fi
if command -v fc-list >/dev/null 2>&1 && ! fc-list : family 2>/dev/null | grep -i 'CJK' >/dev/null; then
  echo "$0: note: no CJK font found (apt-get install -y fonts-noto-cjk); Japanese text will show as boxes" >&2
fi

abs=$(cd "$(dirname "$in")" && pwd)/$(basename "$in")
mkdir -p "$(dirname "$out")"
profile=$(mktemp -d /tmp/screenshot-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT

common=(--headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run
  --disable-extensions --disable-sync --user-data-dir="$profile" --force-device-scale-factor=1)

case $out in
  *.pdf)
    "$browser" "${common[@]}" --no-pdf-header-footer --print-to-pdf="$out" "file://$abs" >/dev/null 2>&1 ;;
  *)
    "$browser" "${common[@]}" --screenshot="$out" --window-size="$width,$height" "file://$abs" >/dev/null 2>&1 ;;
esac
[ -s "$out" ] || { echo "$0: chromium wrote no $out" >&2; exit 2; }
echo "$out"
