/// The HTML page of a rendered notebook: its blocks (rendered by `HTMLRenderer`) in one
/// self-contained page with a small style sheet.
public enum NotebookHTML {
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(Markup.escape(title, .asWritten))</title>
        <style>
        body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
        th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: middle; }
        th { background: #f2f2f2; }
        code { background: #f4f4f4; padding: 0 0.2rem; }
        svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
