"""The little Markdown the drafter writes (headings, paragraphs, bullets, **bold**, links) as HTML.

The policy texts are written once, in Markdown, so the `.md` an owner pastes into a website builder
and the `.html` for a hand-made site say exactly the same thing.
"""

from __future__ import annotations

import re
from html import escape

__all__ = ["markdown_to_html"]

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    out, pos = [], 0
    for m in _LINK.finditer(text):
        out.append(_BOLD.sub(r"<strong>\1</strong>", escape(text[pos : m.start()], quote=False)))
        out.append(f'<a href="{escape(m.group(2))}">{escape(m.group(1), quote=False)}</a>')
        pos = m.end()
    out.append(_BOLD.sub(r"<strong>\1</strong>", escape(text[pos:], quote=False)))
    return "".join(out)


def markdown_to_html(text: str, *, heading_shift: int = 0) -> str:
    """Blocks separated by blank lines: '#'-headings, '- ' lists, paragraphs."""
    html: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", lines[0])
        if heading and len(lines) == 1:
            level = min(6, len(heading.group(1)) + heading_shift)
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif all(ln.startswith("- ") for ln in lines):
            items = "".join(f"<li>{_inline(ln[2:])}</li>" for ln in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "\n".join(html) + "\n"
