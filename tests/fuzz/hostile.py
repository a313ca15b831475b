"""Hypothesis strategies for hostile inputs: article text, HTML pages and corpus files.

Text is built from pieces, each chosen to break one assumption a text pipeline makes:
every Unicode category (control and format characters, combining marks, private use,
unassigned code points), every line ending Python knows (``str.splitlines`` splits on
more than ``\\n``), quotation marks of every kind left unbalanced, words far longer than
any dictionary's, runs of punctuation and none at all, Markdown and HTML fragments,
direction marks and zero-width characters, and huge repetition. Ordinary news words and
the phrases the rules flag are mixed in, so that findings, quotes and sentences exist to
be checked. Lone surrogates are left out unless asked for (``surrogates=True``): no file
can hold them, and ``analyse_text`` does not take them yet (test_regressions.py).
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json

from hypothesis import strategies as st

#: Every line and paragraph separator str.splitlines knows, and the usual ones.
LINE_BREAKS = ["\n", "\r", "\r\n", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\x85", "\x0b",
               "\x0c", "\x1c", "\x1d", "\x1e", "\n\r"]
#: Quotation marks of every kind; the strategies never balance them on purpose.
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』",
          "`", "``", "''", "″", "〝", "〞", "＂", "❝", "❞", "' ", " '", "\"\"", "“”"]
#: Direction marks and zero-width characters.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a",
             "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u061c", "\u00ad", "\u034f", "\u180e", "\ufe0f", "\u00a0", "\u3000", "\u2009"]
PUNCTUATION = [".", "..", "...", "…", "!", "?", "?!", "!!!", ",", ";", ":", "—", "–", "-",
               "--", "(", ")", "[", "]", "{", "}", "/", "\\", "&", "%", "$", "#", "*", "•",
               "·", "¿", "¡", "。", "、", "؟", "।", "・", "‽", ". . .", " . ", "?.", ".,"]
MARKUP = ["# ", "## ", "###### ", "* ", "- ", "+ ", "1. ", "2) ", "a. ", "> ", "```", "~~~",
          "| a | b |", "|---|", "**", "__", "~~", "[link](http://example.com)", "![x](y.png)",
          "<p>", "</p>", "<b>", "</b>", "<br>", "<script>alert(1)</script>", "<!--", "-->",
          "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#99999999;", "&lt;", "<", ">",
          "<![CDATA[x]]>", "{{ x }}", "{% if %}", "%{y}", "${x}", "\\n", "\t", "    ",
          "By Jane Doe", "By |", "Photo: Reuters", "Advertisement", "Share this article",
          "Related:", "Read more", "Follow us on Twitter", "© 2024", "Home > News > World"]
#: Words and phrases of ordinary news prose, and what the rules flag.
WORDS = ["the", "The", "minister", "said", "she", "He", "was", "were", "been", "done",
         "made", "by", "officials", "It", "it", "is", "worth", "noting", "that", "you know",
         "like", "really", "very", "basically", "actually", "just", "sort of", "kind of",
         "arguably", "some say", "critics argue", "it seems", "Mr.", "Dr.", "U.S.", "e.g.",
         "i.e.", "etc.", "No.", "St.", "Jan.", "1,000", "3.5%", "$5bn", "£20", "2024",
         "10:30", "1.", "John Smith", "Ministry of Finance", "BBC", "NATO", "déjà vu",
         "naïve", "Zoë", "Müller", "Ελλάδα", "Москва", "北京", "東京", "서울", "القاهرة",
         "ירושלים", "हिन्दी", "🙂", "👍🏽", "🇬🇧", "👨‍👩‍👧", "e\u0301", "ﬁ", "Ⅻ", "½", "²",
         "well-known", "state-of-the-art", "re-elected", "o'clock", "rock'n'roll", "don't",
         "can’t", "students'", "I", "we", "they", "in", "of", "and", "or", "to", "a", "an"]

#: Every Unicode category but Cs (surrogates).
_CATEGORIES = ["Cc", "Cf", "Co", "Cn", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
               "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Lu", "Ll",
               "Lt", "Lm", "Lo"]

#: Upper bound on how many times one piece is repeated.
MAX_REPEAT = 300
#: Size caps, in characters: of one long word, of one repeated piece, of a whole text.
#: The fuzz targets look for wrong answers and exceptions; cost on huge inputs has its own
#: tests (a long run of letters is still quadratic: see test_regressions.py).
MAX_WORD = 5_000
MAX_RUN = 8_000
MAX_TEXT = 30_000


def _short_repr(build):
    """``build``'s strategy behind ``st.deferred``, whose repr is one short line: Hypothesis
    prints strategies in its statistics and keys its database by them, and these nest
    lists of hundreds of values (a recursive one, exponentially)."""

    @functools.wraps(build)
    def deferred(*args):
        return st.deferred(lambda: build(*args))

    return deferred


@functools.cache
@_short_repr
def characters(surrogates: bool = False) -> st.SearchStrategy[str]:
    """One character of any category; lone surrogates only when ``surrogates``."""
    categories = _CATEGORIES + (["Cs"] if surrogates else [])
    return st.one_of(
        st.characters(categories=categories),
        st.characters(codec=None if surrogates else "utf-8"),
    )


@functools.cache
@_short_repr
def _word(surrogates: bool) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(WORDS),
        st.text(characters(surrogates), min_size=1, max_size=12),
        st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzAEIOU"), min_size=1, max_size=15),
    )


@functools.cache
@_short_repr
def _long_word() -> st.SearchStrategy[str]:
    """One 'word' of hundreds or thousands of letters (no dictionary has it)."""
    return st.builds(lambda base, n: (base * n)[:MAX_WORD],
                     st.sampled_from(["a", "ab", "Supercalifragilistic", "ü", "1", "x-", "’s"]),
                     st.integers(50, MAX_WORD))


@functools.cache
@_short_repr
def pieces(surrogates: bool = False) -> st.SearchStrategy[str]:
    """One fragment of hostile text."""
    return st.one_of(
        _word(surrogates),
        st.sampled_from([" ", " ", "  ", " \t "]),
        st.sampled_from(LINE_BREAKS),
        st.sampled_from(QUOTES),
        st.sampled_from(INVISIBLE),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(MARKUP),
        st.text(characters(surrogates), max_size=8),
        _long_word(),
    )


def _repeated(piece: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A fragment repeated many times, to at most MAX_RUN characters."""
    return st.builds(lambda s, n: s * max(1, min(n, MAX_RUN // max(1, len(s)))),
                     piece, st.integers(2, MAX_REPEAT))


@functools.cache
@_short_repr
def _sentence(surrogates: bool) -> st.SearchStrategy[str]:
    return st.builds(
        lambda ws, end: " ".join(ws) + end,
        st.lists(_word(surrogates), min_size=1, max_size=30),
        st.sampled_from([".", "?", "!", "", "…", ".”", "?\"", ":", ";"]),
    )


@functools.cache
@_short_repr
def article_text(surrogates: bool = False) -> st.SearchStrategy[str]:
    """Hostile article text: a mix of fragments, sentences, repetition, bare words with
    no punctuation at all, or punctuation with no words."""
    fragment = pieces(surrogates)
    mixed = st.lists(st.one_of(fragment, _sentence(surrogates),
                               _repeated(fragment), _repeated(_sentence(surrogates))),
                     max_size=60).map(lambda parts: "".join(parts)[:MAX_TEXT])
    no_punctuation = st.lists(st.sampled_from([w for w in WORDS if w.isalpha()]),
                              max_size=400).map(" ".join)
    only_punctuation = st.lists(st.sampled_from(PUNCTUATION + QUOTES + LINE_BREAKS + [" "]),
                                max_size=200).map("".join)
    prose = st.lists(_sentence(surrogates), max_size=25).flatmap(
        lambda ss: st.sampled_from(LINE_BREAKS + [" "]).map(lambda sep: sep.join(ss)))
    return st.one_of(mixed, prose, no_punctuation, only_punctuation, st.text())


# --- HTML pages ---------------------------------------------------------------------

TAGS = ["div", "p", "span", "article", "main", "section", "nav", "header", "footer", "aside",
        "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "a", "em", "strong",
        "b", "i", "blockquote", "pre", "code", "figure", "figcaption", "form", "button",
        "iframe", "noscript", "template", "select", "option", "textarea",
        "title", "time", "address", "dl", "dt", "dd", "q", "cite", "font", "center", "marquee"]
#: Foreign-content elements: a link after an empty element inside one crashed the date
#: search of the HTML cleaner (issue 17; test_regressions.py pins it).
FOUND_TAGS = ["svg", "math"]
VOID_TAGS = ["br", "hr", "img", "meta", "link", "input", "wbr", "source"]
RAW_TAGS = ["script", "style", "textarea", "title", "xmp", "plaintext"]
ATTRIBUTES = ['class="article-body"', 'class="nav menu"', 'class="footer"', 'id="content"',
              'class="share-bar social"', 'class="related-links"', 'class="author-bio"',
              'class="ad advertisement"', 'class="comments"', 'role="navigation"',
              'itemprop="articleBody"', 'hidden', 'style="display:none"', 'lang="ar"',
              'dir="rtl"', 'href="javascript:alert(1)"', 'onclick="alert(1)"',
              'src="x" onerror="alert(1)"', 'class=', 'a="unterminated', "b='x", '=""',
              'data-x="&quot;&#0;"', 'content="%{y} {{x}}"', 'x' * 300 + '="1"']


@functools.cache
@_short_repr
def _inline_text() -> st.SearchStrategy[str]:
    return st.one_of(article_text(), st.sampled_from(WORDS), _sentence(False))


@_short_repr
def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An element around its children, its end tag sometimes missing or wrong."""
    return st.builds(
        lambda tag, attrs, inner, close: (
            f"<{tag}{''.join(' ' + a for a in attrs)}>{''.join(inner)}"
            + {"ok": f"</{tag}>", "none": "", "wrong": "</div>", "stray": f"</{tag}></p>"}[close]
        ),
        st.sampled_from(TAGS),
        st.lists(st.sampled_from(ATTRIBUTES), max_size=3),
        st.lists(children, max_size=5),
        st.sampled_from(["ok", "ok", "ok", "none", "wrong", "stray"]),
    )


@_short_repr
def _deep(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Hundreds of levels of nesting around some text, closed or not."""
    return st.builds(
        lambda tag, n, inner, closed: f"<{tag}>" * n + inner + (f"</{tag}>" * n if closed else ""),
        st.sampled_from(["div", "span", "section", "b", "blockquote", "ul><li", "table><tr><td"]),
        st.integers(1, 600), children, st.booleans())


@functools.cache
@_short_repr
def _leaf() -> st.SearchStrategy[str]:
    return st.one_of(
        _inline_text(),
        st.sampled_from([f"<{t}>" for t in VOID_TAGS] + [f"<{t} src=x>" for t in VOID_TAGS]),
        st.builds(lambda t, s: f"<{t}>{s}</{t}>", st.sampled_from(RAW_TAGS), _inline_text()),
        st.sampled_from(["<!-- comment -->", "<!--", "-->", "<![CDATA[ x ]]>", "<?xml x?>",
                         "<!DOCTYPE html>", "</html>", "<body>", "</body>", "&", "&#;",
                         "&#x110000;", "&unknown;", "<", "< p>", "<p <p>", "</>", "<a/b>"]),
    )


@functools.cache
@_short_repr
def html_page() -> st.SearchStrategy[str]:
    """An HTML page: nested, broken, deep, with furniture and article-like parts."""
    body = st.recursive(_leaf(), lambda ch: st.one_of(_element(ch), _deep(ch)), max_leaves=25)
    head = st.lists(st.sampled_from([
        "<meta charset='utf-8'>", "<meta charset='bogus'>", "<title>%{y} {{x}} <b></title>",
        "<meta property='og:site_name' content='Rate %{y} and %{meta}'>",
        "<meta property='og:title' content='\u202eevil'>", "<base href='javascript:'>",
        "<meta name='author' content='By Jane Doe'>", "<link rel='canonical' href='ftp://x'>",
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": 1}"
        "</script>", "<script type='application/ld+json'>{broken</script>",
    ]), max_size=4).map("".join)

    def joined(parts: list[str]) -> str:  # cut short: a cut page is one more broken page
        return "".join(parts)[: 2 * MAX_TEXT]

    # An article among the furniture, so that most pages have text to keep and analyse.
    paragraph = st.lists(_sentence(False), min_size=2, max_size=6).map(
        lambda ss: "<p>" + " ".join(ss) + "</p>")
    article = st.builds(
        lambda ps, inserts, k, tag: (f"<{tag}>{''.join(ps[:k])}{''.join(inserts)}"
                                     f"{''.join(ps[k:])}</{tag.split()[0]}>"),
        st.lists(paragraph, min_size=2, max_size=6), st.lists(body, max_size=2),
        st.integers(0, 6), st.sampled_from(["article", "main", "div class='story-body'", "div"]))
    return st.one_of(
        st.builds(lambda h, b: f"<!DOCTYPE html><html><head>{h}</head><body>{b}</body></html>",
                  head, st.lists(body, max_size=6).map(joined)),
        st.builds(lambda h, before, a, after: f"<html><head>{h}</head><body>{before}{a}{after}",
                  head, st.lists(body, max_size=3).map(joined), article,
                  st.lists(body, max_size=3).map(joined)),
        st.lists(body, min_size=1, max_size=6).map(joined),  # a fragment, no document
        st.builds(lambda h, b: h + b, head, article_text()),
    )


# --- corpus files -------------------------------------------------------------------

#: Values of every JSON type for the fields a corpus row may carry.
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30),
              st.floats(), st.text(characters(), max_size=20)),
    lambda ch: st.one_of(st.lists(ch, max_size=3),
                         st.dictionaries(st.text(max_size=5), ch, max_size=3)),
    max_leaves=6,
)
#: JSON that json.loads reads although it is not a JSON object.
NON_OBJECT_JSON = ["[]", "[1, 2]", "1", "-0", "1e999", "NaN", "Infinity", "null", "true",
                   "\"text\"", "[{\"text\": \"Hi.\"}]"]
#: Lines that are not JSON at all, or are JSON cut short.
#: Rows that broke the JSONL reader (issue 17; test_regressions.py pins each). Kept out of
#: jsonl_line: each is large, and the regression tests hold them.
FOUND_JSONL_ROWS = {
    "huge integer": '{"text": "Hi there.", "id": ' + "9" * 5000 + "}",
    "deep nesting": '{"text": "Hi there.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "lone surrogate": '{"text": "The minister said \\ud800 it was done. It was a long day."}',
}
BAD_JSON = ["{", "}", "{\"text\": \"unterminated}", "{'text': 'single quotes'}",
            "{\"text\": \"a\",}", "text,id", "{\"text\": \"a\"} trailing", "\x00\x01",
            "{\"text\": \"\\u12\"}", "<html>", "{\"a\":" * 50]


@functools.cache
@_short_repr
def row_text() -> st.SearchStrategy:
    """A row's text: hostile prose, or missing, empty, blank or not a string at all."""
    return st.one_of(article_text(), st.just(""), st.just("   \n\t"),
                     JSON_VALUES)


@functools.cache
@_short_repr
def json_row() -> st.SearchStrategy[dict]:
    """One corpus row as a dict: text and the optional fields, each of any JSON type."""
    fields = {
        "id": st.one_of(st.integers(), st.integers(min_value=10**40), st.text(max_size=300),
                        st.just("x" * 10_000), JSON_VALUES),
        "outlet": st.one_of(st.text(max_size=40), st.just("Rate %{y} and %{meta}"), JSON_VALUES),
        "source": JSON_VALUES,
        "title": st.one_of(st.text(max_size=80), JSON_VALUES),
        "url": st.one_of(st.sampled_from(["https://example.com/a", "javascript:alert(1)",
                                          "http://[::1", "ftp://x/y", ""]), JSON_VALUES),
        "published": st.one_of(st.sampled_from(["2024-01-01", "not a date", "9999-99-99"]),
                               JSON_VALUES),
        "date": JSON_VALUES,
    }
    return st.builds(
        lambda text, extra, drop_text: ({} if drop_text else {"text": text}) | extra,
        row_text(),
        st.fixed_dictionaries({}, optional=fields),
        st.sampled_from([False, False, False, True]),
    )


@functools.cache
@_short_repr
def jsonl_line() -> st.SearchStrategy[str]:
    """One line of a JSONL file: a row, JSON that is not an object, or not JSON. Never
    holds a line break (a JSON-encoded row escapes them)."""
    return st.one_of(
        json_row().map(lambda r: json.dumps(r, allow_nan=True)),
        json_row().map(lambda r: json.dumps(r, ensure_ascii=False)),
        json_row().map(lambda r: json.dumps(r, ensure_ascii=False)),
        st.sampled_from(NON_OBJECT_JSON),
        st.sampled_from(BAD_JSON),
        st.text(characters(), max_size=40).map(
            lambda s: "".join(c for c in s if c not in "\r\n")),
    )


#: How a text file's bytes may be encoded.
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-32"]


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters the encoding lacks become '?'."""
    return text.encode(encoding, errors="replace")


@st.composite
def jsonl_file(draw) -> tuple[bytes, str, list[str]]:
    """(bytes, encoding, lines) of a JSONL corpus file, lines joined by one line ending."""
    lines = draw(st.lists(jsonl_line(), max_size=12))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    blank = draw(st.sampled_from(["", "", newline, newline * 3, "  " + newline]))
    encoding = draw(st.sampled_from(ENCODINGS))
    return encode(newline.join(lines) + blank, encoding), encoding, lines


CSV_COLUMNS = ["text", "id", "outlet", "source", "title", "url", "published", "date", "",
               "text", "Text", "\ufefftext", "extra,comma", "quote\"d"]


@functools.cache
@_short_repr
def _csv_cell() -> st.SearchStrategy[str]:
    return st.one_of(article_text(), st.text(characters(), max_size=20), st.just(""),
                     st.sampled_from(["\"", "\"\"", "a\"b", "\r", "\n", ",", "\x00", "NaN"]))


@st.composite
def csv_file(draw) -> tuple[bytes, str]:
    """(bytes, encoding) of a CSV corpus file: any header (with or without a text column,
    repeated names), rows of too few or too many cells, broken quoting."""
    header = draw(st.lists(st.sampled_from(CSV_COLUMNS), min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(_csv_cell(), max_size=len(header) + 2), max_size=8))
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    writer.writerow(header)
    writer.writerows(rows)
    text = buf.getvalue()
    if draw(st.booleans()):  # break the quoting or the line structure somewhere
        # after the header: a line break in a column name reaches the error line raw
        # (issue 17, test_regressions.py); from 0 once that is fixed
        cut = draw(st.integers(text.index("\n") + 1, len(text)))
        text = text[:cut] + draw(st.sampled_from(["\"", "\n", "\r", ",", "\x00", "\"\n\""])) \
            + text[cut:]
    encoding = draw(st.sampled_from(ENCODINGS))
    return encode(text, encoding), encoding


def gzipped(data: bytes, cut: int | None) -> bytes:
    """``data`` gzipped; cut to its first ``cut`` bytes when ``cut`` is not None."""
    packed = gzip.compress(data)
    return packed if cut is None else packed[: cut % (len(packed) + 1)]


# Parquet: each column of some Arrow type, values to match (None anywhere).
_PARQUET_VALUES = {
    "string": st.one_of(article_text(), st.text(characters(), max_size=30)),
    "large_string": st.one_of(article_text(), st.just("")),
    "binary": st.binary(max_size=40),
    "int64": st.integers(-(2**63), 2**63 - 1),
    "uint64": st.integers(2**63, 2**64 - 1),
    "float64": st.floats(),
    "bool": st.booleans(),
    "list": st.lists(st.text(max_size=10), max_size=3),
    "struct": st.fixed_dictionaries({"a": st.text(max_size=5), "b": st.integers(0, 9)}),
    "timestamp": st.datetimes(),
    "null": st.none(),
}
_PARQUET_COLUMNS = ["text", "text", "id", "outlet", "source", "title", "url", "published",
                    "date", "other"]


@st.composite
def parquet_table(draw) -> tuple[dict[str, tuple[str, list]], int]:
    """({column: (arrow type name, values)}, rows): the columns of a Parquet corpus file;
    the text column of any type, or missing."""
    rows = draw(st.integers(0, 10))
    names = draw(st.lists(st.sampled_from(_PARQUET_COLUMNS), unique=True, max_size=6))
    columns = {}
    for name in names:
        kind = draw(st.sampled_from(sorted(_PARQUET_VALUES)))
        value = st.one_of(_PARQUET_VALUES[kind], st.none()) if kind != "null" else st.none()
        columns[name] = (kind, draw(st.lists(value, min_size=rows, max_size=rows)))
    return columns, rows


def parquet_bytes(columns: dict[str, tuple[str, list]], rows: int, dictionary: bool) -> bytes:
    """The Parquet file of :func:`parquet_table`'s columns (row groups of three rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "string": pa.string(), "large_string": pa.large_string(), "binary": pa.binary(),
        "int64": pa.int64(), "uint64": pa.uint64(), "float64": pa.float64(),
        "bool": pa.bool_(), "list": pa.list_(pa.string()),
        "struct": pa.struct([("a", pa.string()), ("b", pa.int64())]),
        "timestamp": pa.timestamp("us"), "null": pa.null(),
    }
    arrays = {name: pa.array(values, type=types[kind]) for name, (kind, values) in columns.items()}
    if dictionary:
        arrays = {n: a.dictionary_encode() if pa.types.is_string(a.type) else a
                  for n, a in arrays.items()}
    table = pa.table(arrays) if arrays else pa.table({"empty": pa.array([None] * rows)})
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=3)
    return sink.getvalue()
