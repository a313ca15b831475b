"""Walking the folders given on the command line for pages and corpus files.

What a folder yields, like ripgrep and ``grep -r``: regular files only (a named pipe, a
device or a socket named like a page is skipped with a warning, never opened), and never a
symbolic link that leads out of the folder unless ``follow_links`` asks for it (a link to
a file inside the folder is read). A sub-folder that cannot be listed is an error naming
it; the rest of the folder is read.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import UnreadableInputError
from .files import file_kind

#: Folders never walked into (besides hidden ones, whose names start with ".").
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


class FolderError(UnreadableInputError):
    """A folder (the one given, or one inside it) cannot be listed: ``folder``, and the
    reason (the message)."""

    def __init__(self, folder: Path, reason: str):
        super().__init__(reason)
        self.folder = folder


def _inside(target: str, root: str) -> bool:
    try:
        return os.path.commonpath([target, root]) == root
    except ValueError:  # on another drive (Windows)
        return False


def _skip(path: str, reason: str) -> None:
    warnings.warn(f"{path}: {reason}; skipped", stacklevel=2)


def walk_folder(folder: Path, wanted: Callable[[str], bool], *,
                follow_links: bool = False) -> Iterator[Path | FolderError]:
    """The files under ``folder`` whose names ``wanted`` accepts, sorted within each
    folder, never entering hidden folders, virtual environments' packages, node_modules
    or __pycache__. A folder that cannot be listed is yielded as a :class:`FolderError`,
    and the walk goes on."""
    root = os.path.realpath(folder)
    entered: set[tuple[int, int]] = set()  # (device, inode): a linked loop is walked once
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            info = os.stat(here)
            if (info.st_dev, info.st_ino) in entered:
                continue
            entered.add((info.st_dev, info.st_ino))
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield FolderError(here, f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = _entry_kind(entry, root, follow_links, wanted)
            if kind == "folder":
                subfolders.append(Path(here) / entry.name)
            elif kind == "file":
                yield Path(here) / entry.name
        pending.extend(reversed(subfolders))


def _entry_kind(entry: os.DirEntry, root: str, follow_links: bool,
                wanted: Callable[[str], bool]) -> str | None:
    """"folder" to walk into, "file" to read, or None to pass over (with a warning when
    the user would expect it read)."""
    try:
        is_link = entry.is_symlink()
        mode = entry.stat(follow_symlinks=True).st_mode
    except OSError:  # a broken link; else gone or hidden since listed: the reader says
        if not wanted(entry.name):
            return None
        if entry.is_symlink():
            _skip(entry.path, "broken symbolic link")
            return None
        return "file"
    outside = is_link and not _inside(os.path.realpath(entry.path), root)
    if stat.S_ISDIR(mode):
        if entry.name in SKIPPED_FOLDERS:
            return None
        if is_link and not follow_links:  # a link to a folder inside it: read there
            if outside:
                _skip(entry.path, "symbolic link to a folder outside the folder (use "
                                  "--follow-links to read it)")
            return None
        return "folder"
    if not wanted(entry.name):
        return None
    if outside and not follow_links:
        _skip(entry.path, "symbolic link to a file outside the folder (use --follow-links "
                          "to read it)")
        return None
    if not stat.S_ISREG(mode):
        _skip(entry.path, f"not a regular file ({file_kind(mode)})")
        return None
    return "file"
