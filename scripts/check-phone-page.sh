#!/bin/sh
# Checks an outlook page on a phone's screen with headless Chromium: the page is laid out 360 CSS
# pixels wide, nothing may stick out sideways (the scrolling element's scrollWidth at most 360),
# and a 360x740 screenshot is written to look at.
#
#   scripts/check-phone-page.sh out/outlook.html [out/outlook-phone.png]
#
# Installs Chromium and the Noto fonts from Debian apt when missing (as scripts/screenshot-bulletin.sh
# does). Prints "WIDTH=<scrollWidth> HEIGHT=<scrollHeight>" and exits 0 when the page fits, 1 when
# it overflows or cannot be measured, 64 without the page.
set -eu

html=${1:?usage: $0 PAGE.html [OUTPUT.png]}
png=${2:-${html%.html}-phone.png}
width=360
height=740

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

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_png=$(cd "$(dirname "$png")" 2>/dev/null && pwd)/$(basename "$png")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --no-sandbox: needed when running as root (containers, CI); the pages are local files.
run() {
    "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$work/profile" "$@" 2>/dev/null
}

# The page itself has no script: a measuring page loads it in a frame as wide as the phone's
# screen and reads the frame's scroll size (same origin under --allow-file-access-from-files).
cat > "$work/measure.html" <<EOF
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$abs_html" style="width:${width}px;height:${height}px;border:0"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, p = document.createElement('pre'), s = d && d.scrollingElement;
  p.textContent = 'WIDTH=' + (s ? s.scrollWidth : -1) + ' HEIGHT=' + (s ? s.scrollHeight : -1);
  document.body.appendChild(p);
};
</script></body></html>
EOF
measured=$(run --allow-file-access-from-files --window-size="$width,$height" --virtual-time-budget=10000 \
    --dump-dom "file://$work/measure.html" | sed -n 's/.*\(WIDTH=-*[0-9]* HEIGHT=-*[0-9]*\).*/\1/p' | head -n 1)
if [ -z "$measured" ]; then
    echo "error: could not measure $html" >&2
    exit 1
fi
echo "$measured"

rm -f "$abs_png"
run --window-size="$width,$height" --screenshot="$abs_png" "file://$abs_html" >/dev/null
if [ ! -s "$abs_png" ]; then
    echo "error: Chromium wrote no screenshot to $abs_png" >&2
    exit 1
fi
echo "$abs_png (${width}x${height})" >&2

scroll_width=${measured#WIDTH=}
scroll_width=${scroll_width%% *}
if [ "$scroll_width" -lt 0 ] || [ "$scroll_width" -gt "$width" ]; then
    echo "error: $html is $scroll_width CSS pixels wide on a $width-pixel screen" >&2
    exit 1
fi
