#!/bin/sh
# Checks an outlook page on a phone's screen with headless Chromium: the page is laid out 360 CSS
# pixels wide, nothing may stick out sideways (the scrolling element's scrollWidth at most 360),
# and a 360x740 screenshot is written to look at (by scripts/screenshot-bulletin.sh, which
# installs Chromium and the Noto fonts from Debian apt when missing).
#
#   scripts/check-phone-page.sh out/outlook.html [out/outlook-phone.png]
#
# Prints "WIDTH=<scrollWidth> HEIGHT=<scrollHeight>" and exits 0 when the page fits, 1 when it
# overflows or cannot be measured, 64 without the page.
set -eu

html=${1:?usage: $0 PAGE.html [OUTPUT.png]}
png=${2:-${html%.html}-phone.png}
width=360
height=740
here=$(cd "$(dirname "$0")" && pwd)

sh "$here/screenshot-bulletin.sh" "$html" "$png" "${width}x${height}"

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The page itself has no script: a measuring page loads it in a frame as wide as the phone's
# screen and reads the frame's scroll size (same origin under --allow-file-access-from-files).
cat > "$work/measure.html" <<END
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$abs_html" style="width:${width}px;height:${height}px;border:0"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, p = document.createElement('pre'), s = d && d.scrollingElement;
  p.textContent = 'WIDTH=' + (s ? s.scrollWidth : -1) + ' HEIGHT=' + (s ? s.scrollHeight : -1);
  document.body.appendChild(p);
};
</script></body></html>
END
# --no-sandbox: needed when running as root (containers, CI); the pages are local files.
measured=$("$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --allow-file-access-from-files --window-size="$width,$height" \
    --virtual-time-budget=10000 --dump-dom "file://$work/measure.html" 2>/dev/null \
    | sed -n 's/.*\(WIDTH=-*[0-9]* HEIGHT=-*[0-9]*\).*/\1/p' | head -n 1)
if [ -z "$measured" ]; then
    echo "error: could not measure $html" >&2
    exit 1
fi
echo "$measured"
scroll_width=${measured#WIDTH=}
scroll_width=${scroll_width%% *}
if [ "$scroll_width" -lt 0 ] || [ "$scroll_width" -gt "$width" ]; then
    echo "error: $html is $scroll_width CSS pixels wide on a $width-pixel screen" >&2
    exit 1
fi
