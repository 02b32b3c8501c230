#!/bin/sh
# Renders a bulletin HTML file to PNG with headless Chromium, to look at it as a reader would.
#
#   scripts/screenshot-bulletin.sh out/bulletin.html [out/bulletin.png] [WIDTH[xHEIGHT]]
#
# Installs Chromium (and Noto fonts, for Vietnamese diacritics) from Debian apt when missing.
# The default width is 1000 CSS pixels. Without a HEIGHT the whole page is taken: a first pass
# loads the bulletin in a frame of a measuring page and prints its scroll height, the second
# takes the screenshot at that height. Exits 1 when Chromium writes no image or the page
# cannot be measured.
set -eu

html=${1:?usage: $0 BULLETIN.html [OUTPUT.png] [WIDTH[xHEIGHT]]}
png=${2:-${html%.html}.png}
size=${3:-1000}

if [ ! -f "$html" ]; then
    echo "error: $html: no such file" >&2
    exit 64
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
fonts_missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q "ok installed" || fonts_missing=1
fi
if [ -z "$browser" ] || [ -n "$fonts_missing" ]; then
    echo "Chromium or the Noto fonts are missing; installing them with apt-get..." >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium fonts-noto-core >&2
    browser=$(command -v chromium)
fi

width=${size%%x*}
height=""
case "$size" in *x*) height=${size#*x} ;; esac
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_png=$(cd "$(dirname "$png")" 2>/dev/null && pwd)/$(basename "$png")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --no-sandbox: needed when running as root (containers, CI); the pages are local files.
run() {
    "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$work/profile" "$@" 2>/dev/null
}

if [ -z "$height" ]; then
    # The measuring page reads the frame's height (same origin under --allow-file-access-from-files).
    cat > "$work/measure.html" <<EOF
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$abs_html" style="width:${width}px;height:400px;border:0"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, p = document.createElement('pre');
  p.textContent = 'HEIGHT=' + (d ? Math.max(d.documentElement.scrollHeight, d.body.scrollHeight) : 0);
  document.body.appendChild(p);
};
</script></body></html>
EOF
    height=$(run --allow-file-access-from-files --window-size="$width,800" --virtual-time-budget=10000 \
        --dump-dom "file://$work/measure.html" | sed -n 's/.*HEIGHT=\([0-9][0-9]*\).*/\1/p' | head -n 1)
    if [ -z "$height" ] || [ "$height" -le 0 ]; then
        echo "error: could not measure the height of $html" >&2
        exit 1
    fi
fi

rm -f "$abs_png"
run --window-size="$width,$height" --screenshot="$abs_png" "file://$abs_html" >/dev/null

if [ ! -s "$abs_png" ]; then
    echo "error: Chromium wrote no screenshot to $abs_png" >&2
    exit 1
fi
echo "$abs_png (${width}x${height})" >&2
