#!/usr/bin/env python3
"""The paddy outlook's phone page as a phone shows it (make test).

Usage: check-outlook-page.py BIN [OUTPUT.png]

Imports the bundled data into a throwaway store (scripts/import-bundled.sh), writes the outlook of
`--commodity lúa --market "Đồng Tháp"` twice at one issue time (SOURCE_DATE_EPOCH): as the JSON
document and as the phone page. Headless Chromium lays the page out 360 CSS pixels wide (in a frame
of a measuring page, as scripts/check-phone-page.sh does) and reports, after layout, the page's
scroll width, its rendered text (innerText: what is displayed, not what is hidden) and, for each
expected text, the box of the element that shows it. The expected texts come from the JSON
document, never from this file: the latest price and its unit, each month's 80% range from the
issue month on, and the Vietnamese sell-or-store sentence. Fails when one is not shown, lies
outside the 360-pixel screen, or anything sticks out sideways. With OUTPUT.png, a 360x740
screenshot is written there too (scripts/screenshot-bulletin.sh).
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

WIDTH, HEIGHT = 360, 740
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def vi_number(x):
    """A whole number as the Vietnamese pages write it: rounded half away from zero, dots between
    thousands (docs/design/number-formats.md: "9.250")."""
    n = int(abs(x) + 0.5)
    text = f"{n:,}".replace(",", ".")
    return ("-" if x < 0 and n else "") + text


def expected_texts(doc):
    latest = doc["last_observation"]
    texts = [vi_number(latest["price"]), doc["unit"]["vi"]]
    issue_month = doc["as_of"][:7]
    shown = [m for m in doc["months"] if m["date"] >= issue_month]
    if not shown:
        sys.exit(f"error: the outlook has no month from its issue month {issue_month} on")
    texts += [f"{vi_number(m['lower'])}\u2013{vi_number(m['upper'])}" for m in shown]
    sell = doc.get("sell_or_store")
    if not sell or not sell.get("text", {}).get("vi"):
        sys.exit("error: the outlook document has no sell-or-store text (models/dong-thap.json sellOrStore)")
    texts.append(sell["text"]["vi"])
    return texts


MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://PAGE" style="width:WIDTHpx;height:HEIGHTpx;border:0"></iframe>
<script>
var expected = EXPECTED;
document.getElementById('f').onload = function () {
  var d = this.contentDocument, s = d && d.scrollingElement, out = {width: -1, text: '', shown: []};
  if (s) {
    out.width = s.scrollWidth;
    out.text = d.body.innerText;
    var all = d.body.querySelectorAll('*');
    expected.forEach(function (t) {
      // The last element in document order whose rendered text holds t: the innermost one.
      var box = null;
      for (var i = 0; i < all.length; i++) {
        var e = all[i];
        if (typeof e.innerText === 'string' && e.innerText.indexOf(t) >= 0) {
          var r = e.getBoundingClientRect();
          box = {left: r.left, right: r.right, width: r.width, height: r.height, tag: e.tagName};
        }
      }
      out.shown.push({text: t, box: box});
    });
  }
  var p = document.createElement('pre');
  p.id = 'result';
  p.textContent = JSON.stringify(out);
  document.body.appendChild(p);
};
</script></body></html>
"""


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("error: no Chromium (make deps-browser installs Debian's chromium and fonts-noto-core)")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    png = sys.argv[2] if len(sys.argv) == 3 else None
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store.sqlite")
        subprocess.run(
            ["bash", os.path.join(HERE, "import-bundled.sh"), binary, store], check=True, stderr=subprocess.DEVNULL)
        # One issue time for both forms: the document and the page say the same day's outlook.
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time()))))
        common = [binary, "outlook", "--commodity", "lúa", "--market", "Đồng Tháp", "--store", store,
                  "--config", os.path.join(ROOT, "models", "dong-thap.json")]
        doc = json.loads(subprocess.run(common + ["--json"], check=True, capture_output=True, env=env).stdout)
        page = os.path.join(tmp, "outlook.html")
        subprocess.run(common + ["--format", "html", "--out", page], check=True, capture_output=True, env=env)
        texts = expected_texts(doc)

        measure = os.path.join(tmp, "measure.html")
        with open(measure, "w", encoding="utf-8") as f:
            f.write(MEASURE.replace("PAGE", page).replace("WIDTH", str(WIDTH)).replace("HEIGHT", str(HEIGHT))
                    .replace("EXPECTED", json.dumps(texts)))
        # --no-sandbox: needed as root (containers, CI); the pages are local files.
        dom = subprocess.run(
            [browser(), "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
             "--force-device-scale-factor=1", f"--user-data-dir={tmp}/profile", "--allow-file-access-from-files",
             f"--window-size={WIDTH},{HEIGHT}", "--virtual-time-budget=10000", "--dump-dom", "file://" + measure],
            capture_output=True, text=True, timeout=120).stdout
        found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
        if not found:
            sys.exit("error: Chromium did not lay the page out (no measurement in its DOM)")
        result = json.loads(html.unescape(found.group(1)))

        problems = []
        if not 0 < result["width"] <= WIDTH:
            problems.append(f"the page is {result['width']} CSS pixels wide on a {WIDTH}-pixel screen")
        rendered = " ".join(result["text"].split())
        for item in result["shown"]:
            t, box = item["text"], item["box"]
            if " ".join(t.split()) not in rendered:
                problems.append(f"not shown: {t!r}")
            elif box is None or box["width"] <= 0 or box["height"] <= 0:
                problems.append(f"shown in no visible box: {t!r}")
            elif box["left"] < 0 or box["right"] > WIDTH + 0.5:
                problems.append(f"outside the screen ({box['left']:.0f}–{box['right']:.0f} px): {t!r}")
        if problems:
            sys.exit("error: the outlook page on a 360-pixel phone:\n  " + "\n  ".join(problems))
        print(f"outlook page: {result['width']} px wide; shown: " + "; ".join(repr(t) for t in texts), flush=True)
        if png:
            subprocess.run(["sh", os.path.join(HERE, "screenshot-bulletin.sh"), page, png, f"{WIDTH}x{HEIGHT}"],
                           check=True)


if __name__ == "__main__":
    main()
