"""analyser: readability and filler-language analysis for news writing.

Public API: :func:`analyse_text`, :func:`analyse_paths`, :class:`Analysis`,
:class:`Finding`, :class:`Corpus`, and the errors they raise (from :mod:`analyser.errors`):
:class:`InputError` and its kinds for an input that cannot be analysed, :class:`UsageError`
(:class:`ConfigError`, :class:`RuleError`) for a bad house style, :class:`InternalError`
for a bug. They are imported on first use, so that importing one stage
(``analyser.config``, ``analyser.ingest``) does not load the metric families.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import RULESET_VERSION, __version__

if TYPE_CHECKING:
    from .analysis import Analysis, analyse_text
    from .corpus import Corpus, analyse_paths
    from .errors import (
        ConfigError,
        DecodeError,
        EmptyInputError,
        FetchError,
        InputError,
        InternalError,
        NoArticleError,
        RuleError,
        UnreadableInputError,
        UnsupportedInputError,
        UsageError,
    )
    from .models import Finding

# Silent by default, as a library should be; the command line's -v adds a handler.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Analysis", "Corpus", "Finding", "RULESET_VERSION", "__version__", "analyse_paths",
    "analyse_text",
    # the errors of the public API (analyser.errors, a leaf module)
    "ConfigError", "DecodeError", "EmptyInputError", "FetchError", "InputError",
    "InternalError", "NoArticleError", "RuleError", "UnreadableInputError",
    "UnsupportedInputError", "UsageError",
]

#: Public name -> the module that defines it.
_PUBLIC = {
    "Analysis": "analysis", "analyse_text": "analysis", "Corpus": "corpus",
    "analyse_paths": "corpus", "Finding": "models",
    **{name: "errors" for name in __all__ if name.endswith("Error")},
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
