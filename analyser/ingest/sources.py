"""Expanding the command line's inputs into articles, one record (or error) each."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import warnings
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from ..errors import (
    FetchError,
    InputError,
    UnreadableInputError,
    UnsupportedInputError,
)
from ..models import Article
from .corpus_files import is_corpus_file, iter_rows
from .decode import MAX_FILE_BYTES, decode_text
from .files import read_regular, too_large
from .html_meta import declared_site_name
from .http_deadline import URL_SCHEMES
from .manifest import MANIFEST_NAME, load_manifest
from .markdown import mask_markdown
from .url import fetch_url
from .walk import FolderError, walk_folder

log = logging.getLogger(__name__)

PAGE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                 ".htm": "html"}
#: Other pages of one outlet passed to the cleaner for cross-page furniture detection.
MAX_SIBLINGS = 6
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):(//)?")


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read or analysed, and why (one line, for stderr);
    ``kind`` is the :class:`~analyser.errors.InputError` kind."""

    source: str
    reason: str
    kind: str = "input"

    @classmethod
    def of(cls, source: str, exc: InputError) -> IngestError:
        """The record of an input error raised while reading ``source``."""
        return cls(source, str(exc) or exc.kind, exc.kind)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def _url_scheme(s: str) -> str | None:
    """The scheme of a "scheme://..." input, lower case; None for paths (and "C:\\...")."""
    m = _SCHEME.match(s)
    return m.group(1).lower() if m and m.group(2) else None


def _is_url(s: str) -> bool:
    return _url_scheme(s) in URL_SCHEMES


def _wanted(name: str) -> bool:
    """A file a folder is read for: a page or a corpus file (never the manifest)."""
    path = Path(name)
    return name != MANIFEST_NAME and (path.suffix.lower() in PAGE_SUFFIXES
                                      or is_corpus_file(path))


def expand(inputs: Sequence[str], *, follow_links: bool = False
           ) -> Iterator[tuple[str, Path | None, Path | None] | IngestError]:
    """Yield (input, file path or None for URL/stdin, the folder given on the command line)
    for every input and every file found in a folder; an IngestError for a folder, or a
    folder inside one, that cannot be read or holds nothing to read."""
    for item in inputs:
        if item == "-" or _url_scheme(item):
            yield item, None, None
            continue
        if not item:  # Path("") would be the current folder
            yield IngestError(item, "no such file or folder", UnreadableInputError.kind)
            continue
        path = Path(item)
        try:
            is_folder = path.is_dir()
        except OSError as exc:  # a name too long for the system, and the like
            yield IngestError(item, f"cannot read: {exc.strerror or exc}",
                              UnreadableInputError.kind)
            continue
        if not is_folder:
            yield item, path, None
            continue
        found: list[Path] = []
        unreadable = False
        for p in walk_folder(path, _wanted, follow_links=follow_links):
            if isinstance(p, FolderError):
                unreadable = True
                yield IngestError.of(item if p.folder == path else str(p.folder), p)
            else:
                found.append(p)
        if not found and not unreadable:
            yield IngestError(item, "folder has no .txt, .md, .html or corpus files",
                              UnsupportedInputError.kind)
        for p in sorted(found):
            yield str(p), p, path


def _article_id(source: str) -> str:
    try:
        stem = Path(urlparse(source).path).stem if _is_url(source) else Path(source).stem
    except ValueError:  # a malformed URL
        stem = ""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:6]
    return stem or f"input-{digest}"


def files_read(inputs: Sequence[str], config: str | None, follow_links: bool = False) -> list:
    """Every local file the run reads, to protect from being an output: the inputs (folders
    walked as ingest walks them), the ``sources.csv`` beside each page, the house-style file
    given, and standard input (its descriptor) when it is read."""
    files: list = [config] if config else []
    for found in expand(list(inputs), follow_links=follow_links):
        if isinstance(found, IngestError):  # reported when the inputs are read
            continue
        item, path, _ = found
        if item == "-":
            files.append(0)
        elif path is not None:
            files += [path, path.parent / MANIFEST_NAME]
    return list(dict.fromkeys(files))


def iter_articles(
    inputs: Sequence[str], *, outlet: str | None = None, follow_links: bool = False
) -> Iterator[Article | IngestError]:
    """Read every input. Folders are walked for .txt/.md/.html pages and corpus files
    (regular files only; symbolic links out of the folder only with ``follow_links``).

    The outlet comes from, in order: a ``sources.csv`` manifest beside the file, the
    ``outlet`` argument, the sub-folder of a folder given on the command line, the
    file name. Corpus rows carry their own ``outlet`` (or ``source``) column.
    """
    for found in _read_inputs(inputs, outlet, follow_links):
        names = ("source",) if isinstance(found, IngestError) else _NAMED_FIELDS
        fixed = {name: printable(getattr(found, name)) for name in names}
        if any(fixed[name] is not getattr(found, name) for name in names):
            found = replace(found, **fixed)
        yield found


#: The article's names: from file names, URLs and corpus cells, shown in every output.
_NAMED_FIELDS = ("id", "source", "outlet", "title", "url", "published")


def printable(value: str | None) -> str | None:
    """``value`` as text every output can hold. A file name's bytes that are not UTF-8
    (held as surrogates by ``os.fsdecode``) become backslash escapes ("caf\\xe9"), as do
    lone surrogates from a corpus cell; the file itself is still read by its real name."""
    if value is None or value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        data = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        data = value.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "backslashreplace")


def _read_inputs(
    inputs: Sequence[str], outlet: str | None, follow_links: bool
) -> Iterator[Article | IngestError]:
    pages: list[tuple[str, Path, Path | None]] = []
    seen_ids: dict[str, int] = defaultdict(int)

    def unique(article_id: str) -> str:
        seen_ids[article_id] += 1
        n = seen_ids[article_id]
        return article_id if n == 1 else f"{article_id}-{n}"

    for found in expand(inputs, follow_links=follow_links):
        if isinstance(found, IngestError):
            yield found
            continue
        item, path, root = found
        log.debug("input %s", item)
        if path is None:
            yield from _read_special(item, outlet, unique)
        elif not path.exists():
            m = _SCHEME.match(item)
            if m and item[m.end():].startswith("/") and not Path(m.group()).exists():
                # "ftp://host/x" that went through Path() on the way here ("ftp:/host/x")
                yield IngestError(item, _unsupported_scheme(m.group(1)),
                                  UnsupportedInputError.kind)
            else:
                yield IngestError(item, "no such file or folder", UnreadableInputError.kind)
        elif is_corpus_file(path):
            yield from _read_corpus(path, outlet, unique)
        else:
            pages.append((item, path, root))
    yield from _read_pages(pages, outlet, unique)


def _unsupported_scheme(scheme: str) -> str:
    return f"unsupported URL scheme '{scheme.lower()}' (only http and https URLs are read)"


def _read_special(item: str, outlet: str | None, unique) -> Iterator[Article | IngestError]:
    if item == "-":
        yield _read_stdin(outlet, unique)
        return
    scheme = _url_scheme(item) or ""
    if scheme not in URL_SCHEMES:
        yield IngestError(item, _unsupported_scheme(scheme), UnsupportedInputError.kind)
        return
    try:
        html, final_url = fetch_url(item)
    except FetchError as exc:  # its reason alone: IngestError names the URL
        yield IngestError.of(item, exc)
        return
    host = _host(final_url) or _host(item) or "url"
    yield Article(id=unique(_article_id(item)), raw=html, source=item,
                  outlet=outlet or declared_site_name(html) or host, url=final_url,
                  format="html")


def _read_stdin(outlet: str | None, unique) -> Article | IngestError:
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # a stream that never ends stops here
    try:
        if len(data) > MAX_FILE_BYTES:
            raise too_large(what="input")
        raw = decode_text(data, "<stdin>")
    except InputError as exc:
        return IngestError.of("<stdin>", exc)
    fmt = "html" if raw.lstrip()[:1] == "<" else "text"
    name = outlet or (declared_site_name(raw) if fmt == "html" else None) or "stdin"
    return Article(id=unique("stdin"), raw=raw, source="<stdin>", outlet=name, format=fmt)


def _host(url: str) -> str | None:
    try:
        return urlparse(url).hostname
    except ValueError:
        return None


def _read_corpus(path: Path, outlet: str | None, unique,
                 skip: int = 0) -> Iterator[Article | IngestError | None]:
    """The rows of a corpus file as articles (``skip``: the first rows as None, unread)."""
    try:
        for n, row in iter_rows(path, skip):
            if row is None:
                yield None
                continue
            source = f"{path}#{n}"
            if isinstance(row, InputError):
                yield IngestError.of(str(path), row)
                continue
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                yield IngestError(source, "row has no 'text'", UnreadableInputError.kind)
                continue
            rid = str(row.get("id") or f"{path.stem.split('.')[0]}-{n}")
            yield Article(
                id=unique(rid),
                raw=text,
                source=source,
                outlet=str(row.get("outlet") or row.get("source") or outlet
                           or path.stem.split(".")[0]),
                title=_opt(row.get("title")),
                url=_opt(row.get("url")),
                published=_opt(row.get("published") or row.get("date")),
                preclean=True,
            )
    except InputError as exc:  # the file as a whole: no text column, no rows, a FIFO ...
        yield IngestError.of(str(path), exc)
    except (OSError, ValueError) as exc:
        yield IngestError(str(path), f"cannot read corpus file: {exc}",
                          UnreadableInputError.kind)


def _opt(value) -> str | None:
    return None if value is None or value != value or str(value).strip() == "" else str(value)


def _read_pages(pages, outlet: str | None, unique) -> Iterator[Article | IngestError]:
    manifests: dict[Path, dict] = {}
    records: list[tuple[str, Path, str, dict, str]] = []
    for item, path, root in pages:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = load_manifest(folder)
            except (OSError, ValueError) as exc:
                warnings.warn(str(exc), stacklevel=2)
                manifests[folder] = {}
        fmt = PAGE_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            yield IngestError(item, f"unsupported file type '{path.suffix or path.name}'",
                              UnsupportedInputError.kind)
            continue
        try:
            raw = decode_text(read_regular(path), item)
        except InputError as exc:
            yield IngestError.of(item, exc)
            continue
        except OSError as exc:
            yield IngestError(item, f"cannot read: {exc.strerror or exc}",
                              UnreadableInputError.kind)
            continue
        if fmt == "markdown":  # code, link targets, comments: blanked, offsets kept
            raw = mask_markdown(raw)
        meta = manifests[folder].get(path.name, {})
        if meta.get("outlet"):
            name = meta["outlet"]
        elif outlet:
            name = outlet
        else:
            # An HTML page names its site (og:site_name ...); else the folder or file name.
            name = (declared_site_name(raw) if fmt == "html" else None) or (
                path.parent.name if root is not None and path.parent != root else path.stem)
        records.append((item, path, raw, meta, name))
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for k, (_, path, _, _, name) in enumerate(records):
        if PAGE_SUFFIXES[path.suffix.lower()] != "html":
            by_outlet[name].append(k)
    for k, (item, path, raw, meta, name) in enumerate(records):
        fmt = PAGE_SUFFIXES[path.suffix.lower()]
        siblings = () if fmt == "html" else _siblings(k, records, by_outlet.get(name, []))
        yield Article(
            id=unique(path.stem),
            raw=raw,
            source=item,
            outlet=name,
            title=meta.get("title") or None,
            url=meta.get("url") or None,
            published=meta.get("published") or None,
            format=fmt,  # type: ignore[arg-type]
            siblings=siblings,
        )


def _siblings(k: int, records: list, same_outlet: list[int]) -> tuple[str, ...]:
    """The other pages of the outlet: by position, never this page, and never a
    byte-for-byte copy of it (a copy would make every line look like furniture)."""
    own = records[k][2]
    out: list[str] = []
    for j in same_outlet:
        other = records[j][2]
        if j != k and other != own and other not in out:
            out.append(other)
            if len(out) == MAX_SIBLINGS:
                break
    return tuple(out)
