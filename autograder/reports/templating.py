"""The Jinja2 environment of the HTML and Markdown reports, and its escaping filters.

HTML templates (``*.html.j2``) are autoescaped. Markdown has no autoescaping, so templates pass
student-controlled text through :func:`md_text`, :func:`md_code` or :func:`md_fence`, which keep
it from becoming markup (or raw HTML, which most Markdown renderers let through).
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from autograder.reports.common import clean, points

# Enough for inline text that never starts a line: "_" inside a word (ex04_first_order) is not
# emphasis in CommonMark and "(" only matters after "]", so both stay readable.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|~&]|(?<!\w)_|_(?!\w))")
_BACKTICKS = re.compile(r"`+")
_CODE_SPAN = re.compile(r"`([^`]+)`")


def md_text(text: object) -> str:
    """Inline text that renders as itself in Markdown: specials backslash-escaped, one line.

    For use after other text on a line (line-start markers such as ``#`` or ``1.`` are not
    escaped).
    """
    one_line = " ".join(clean(text).split())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def md_code(text: object) -> str:
    """An inline code span holding ``text`` verbatim (fence longer than any backtick run)."""
    body = " ".join(clean(text).split())
    if not body:
        return ""
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(body)), default=0) + 1)
    pad = " " if body.startswith("`") or body.endswith("`") else ""
    return f"{fence}{pad}{body}{pad}{fence}"


def md_fence(text: object, info: str = "text") -> str:
    """A fenced code block holding ``text`` verbatim (nothing inside it is markup)."""
    body = clean(text).rstrip("\n")
    fence = "`" * max(3, max((len(m) for m in _BACKTICKS.findall(body)), default=0) + 1)
    return f"{fence}{info}\n{body}\n{fence}"


def html_hint(text: str) -> Markup:
    """A catalog hint for HTML: escaped, with its `code` spans shown as ``<code>``."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(clean(text)))))


@cache
def environment() -> Environment:
    """The shared environment (templates in ``autograder/reports/templates``)."""
    env = Environment(
        loader=PackageLoader("autograder.reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_text, md_code=md_code, md_fence=md_fence, hint_html=html_hint,
                       points=points, clean=clean)
    return env
