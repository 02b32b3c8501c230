import Documents
import Rendering

extension Bulletin {
    /// A self-contained HTML page (UTF-8, `lang="vi"`, styles inline, charts as inline SVG) of
    /// `blocks()`. English text sits beside the Vietnamese on screen and under it in print.
    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(Markup.escape(header.title.vi)) — \(Markup.escape(header.title.en))</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        return out + HTMLRenderer(escaping: .xml).render(blocks()) + "</body>\n</html>\n"
    }

    /// Screen: a centred column, English beside Vietnamese on wide screens. Print: A4, black on
    /// white, English under Vietnamese, no page break inside a figure or table row.
    static let css = """
        :root { --ink: #1f1f1f; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #08519c; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 16px/1.55 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
        .issuer { margin: 0; font-weight: 600; text-transform: uppercase; letter-spacing: 0.02em; font-size: 0.9rem; }
        h1 { margin: 0.6rem 0 0; font-size: 1.9rem; line-height: 1.2; }
        .title-en { margin: 0.15rem 0 0; color: var(--muted); font-size: 1.15rem; }
        .coverage { margin: 0.4rem 0 0; font-weight: 600; }
        .dates { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0.75rem 0 0; font-size: 0.9rem; }
        .dates div { display: flex; gap: 0.4rem; }
        .dates dt { color: var(--muted); }
        .dates dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        h2 { font-size: 1.3rem; margin: 1.75rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
        [lang="en"] { color: var(--muted); }
        h2 [lang="en"], h3 [lang="en"] { font-weight: 400; font-size: 0.85em; margin-left: 0.4rem; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; margin: 0.6rem 0; }
        .pair p { margin: 0; }
        .headline p[lang="vi"] { font-size: 1.15rem; font-weight: 600; }
        table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--rule); }
        th { font-weight: 600; border-bottom: 2px solid var(--ink); }
        th.num { text-align: right; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .when, .value { color: var(--muted); font-size: 0.85em; }
        .badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 0.25rem; font-weight: 600;
          border: 1px solid currentColor; }
        .ipa-normal, .alps-normal { color: #1b5e20; background: #e8f5e9; }
        .ipa-moderately-high, .alps-stress { color: #8a5300; background: #fff3e0; }
        .ipa-abnormally-high, .alps-alert { color: #b71c1c; background: #ffebee; }
        .alps-crisis { color: #fff; background: #7f0000; }
        .ipa-moderately-low, .ipa-abnormally-low { color: #0d47a1; background: #e3f2fd; }
        figure { margin: 1.5rem 0; }
        figure svg { display: block; width: 100%; height: auto; max-width: 800px; }
        figcaption { font-size: 0.9rem; margin-top: 0.4rem; }
        .method { margin-top: 2rem; padding: 0.5rem 1.25rem 1rem; border: 1px solid var(--rule);
          border-left: 4px solid var(--accent); background: #f7f9fc; }
        .method h2 { margin-top: 0.5rem; border: 0; }
        .method ul { margin: 0.2rem 0; padding-left: 1.2rem; }
        @media (max-width: 40rem) { .pair { grid-template-columns: 1fr; gap: 0.2rem; } }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          .pair { grid-template-columns: 1fr; gap: 0.1rem; }
          figure, tr, .method, .pair { break-inside: avoid; }
          h2 { break-after: avoid; }
          .method { background: none; }
          .badge { background: none !important; color: #000 !important; }
        }

        """
}
