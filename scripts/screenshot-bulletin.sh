#!/bin/sh
# Renders a bulletin HTML file to PNG with headless Chromium, to look at it as a reader would.
#
#   scripts/screenshot-bulletin.sh out/bulletin.html [out/bulletin.png] [WIDTHxHEIGHT]
#
# Installs Chromium (and Noto fonts, for Vietnamese diacritics) from Debian apt when missing.
# The default window is 1000x2400 CSS pixels: the whole of a typical bulletin.
set -eu

html=${1:?usage: $0 BULLETIN.html [OUTPUT.png] [WIDTHxHEIGHT]}
png=${2:-${html%.html}.png}
size=${3:-1000x2400}

if [ ! -f "$html" ]; then
    echo "error: $html: no such file" >&2
    exit 64
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [ -z "$browser" ]; then
    echo "Chromium is missing; installing it (and Noto fonts) with apt-get..." >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q --no-install-recommends chromium fonts-noto-core >&2
    browser=$(command -v chromium)
fi

width=${size%x*}
height=${size#*x}
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_png=$(cd "$(dirname "$png")" 2>/dev/null && pwd)/$(basename "$png")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# --no-sandbox: needed when running as root (containers, CI); the page is a local file.
"$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$width,$height" \
    --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1

if [ ! -s "$abs_png" ]; then
    echo "error: Chromium wrote no screenshot to $abs_png" >&2
    exit 1
fi
echo "$abs_png" >&2
