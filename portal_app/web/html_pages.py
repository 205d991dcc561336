"""Small server-rendered pages for the plain routes (link landing, errors, dev mailbox)."""

from __future__ import annotations

from html import escape

STYLE = """
:root{color-scheme:light}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f9f9f8;
color:#1c2024;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border:1px solid #e0e1e0;border-radius:12px;padding:1.5rem;margin:1rem;
width:100%;max-width:26rem;box-sizing:border-box;box-shadow:0 1px 3px rgba(0,0,0,.05)}
main.wide{max-width:48rem}
h1{font-size:1.4rem;margin:0 0 .75rem}
p{line-height:1.5;margin:.5rem 0}
.button{display:inline-block;width:100%;box-sizing:border-box;padding:.75rem 1rem;border:0;
border-radius:8px;background:#12a594;color:#fff;font-size:1rem;font-weight:600;cursor:pointer;
text-align:center;text-decoration:none;margin-top:.75rem}
.muted{color:#60646c;font-size:.9rem}
.error{border-left:4px solid #e5484d;padding-left:.75rem}
article{border-top:1px solid #e0e1e0;padding:.75rem 0}
pre{white-space:pre-wrap;word-break:break-word;font-family:inherit;margin:.25rem 0}
"""


def page(title: str, body: str, *, lang: str = "nl", wide: bool = False) -> str:
    """A complete HTML document; `body` must already be escaped."""
    main_class = " class='wide'" if wide else ""
    return (
        f"<!doctype html><html lang='{escape(lang)}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main{main_class}>{body}</main></body></html>"
    )
