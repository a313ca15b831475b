"""The errors the analyser reports to its user, by kind.

Two families, and nothing else is caught:

* :class:`InputError` — one input cannot be analysed (its bytes do not decode, it is
  empty, it holds no article, it cannot be fetched, or it is of an unsupported kind).
  One bad input never stops the others: it becomes an
  :class:`~analyser.ingest.IngestError` record, printed as one line, exit status 2.
* :class:`UsageError` — the command line, a house-style file or a rule file is wrong
  (:class:`ConfigError`, :class:`RuleError`) or an output path cannot or must not be
  written (:class:`OutputError`): one line, exit status 2, before any input is read.

Any other exception is a bug: the command line reports it as an internal error naming
the input, asks for a report, and exits with status 3 (``--debug`` prints the traceback).

A leaf module: it imports nothing from the package.
"""

from __future__ import annotations

#: Exit statuses of the command line.
EXIT_OK = 0
EXIT_THRESHOLDS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class InputError(ValueError):
    """One input cannot be analysed. The message is the reason alone; the caller names the
    input once ("source: reason")."""

    #: A short name of the kind, recorded with the error (``IngestError.kind``).
    kind = "input"


class DecodeError(InputError):
    """The bytes are not a text page (binary, or no encoding fits)."""

    kind = "decode"


class EmptyInputError(InputError):
    """The input holds no text at all (an empty file or corpus row)."""

    kind = "empty"


class NoArticleError(InputError):
    """The page holds no article text (only menus, links and other furniture)."""

    kind = "no article"


class FetchError(InputError):
    """A URL could not be fetched as an HTML page: ``url``, and ``reason`` (the message)."""

    kind = "fetch"

    def __init__(self, url: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.reason = reason


class UnsupportedInputError(InputError):
    """An input of a kind the analyser does not read (file type, URL scheme, too large)."""

    kind = "unsupported"


class UnreadableInputError(InputError):
    """The input exists but cannot be read (permissions, a corpus file with no text
    column, a broken compressed file)."""

    kind = "unreadable"


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""


class ConfigError(UsageError, ValueError):
    """An invalid house-style file; the message names the file and the key."""


class RuleError(ConfigError):
    """A rule file is invalid; the message names the file, the rule and the field."""


class OutputError(UsageError):
    """An output path that must not or cannot be written: an input of the run, a folder,
    a device, a FIFO or a socket, or a place with no writable folder. The message names
    the path. Checked before any input is read; also raised when the disk fills up while
    writing (the old file, if any, is left as it was)."""


class InternalError(Exception):
    """A bug met while analysing one input (carried out of a worker process with its
    traceback as text): the command line names the input, asks for a report and exits 3.
    Never an input's fault, so never reported as bad input."""

    def __init__(self, source: str, detail: str, traceback: str = ""):
        super().__init__(f"{source}: {detail}")
        self.source = source
        self.detail = detail
        self.traceback = traceback
