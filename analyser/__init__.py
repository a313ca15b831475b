"""analyser: readability and filler-language analysis for news writing.

Public API: :func:`analyse_text`, :func:`analyse_paths`, :class:`Analysis`,
:class:`Finding`, :class:`Corpus`.
"""

from .analysis import Analysis, analyse_text
from .corpus import Corpus, analyse_paths
from .models import Finding
from .version import RULESET_VERSION, __version__

__all__ = [
    "Analysis", "Corpus", "Finding", "RULESET_VERSION", "__version__", "analyse_paths",
    "analyse_text",
]
