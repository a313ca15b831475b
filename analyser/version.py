"""Version of the analyser and of its rule set (recorded in every output row).

The rule-set version is derived from content, so it cannot go stale: a release name
followed by a hash of every file that decides what is flagged or scored — the rule files,
the lexicons and word lists, and the fitted models' JSON (:data:`RULESET_FILES`). Change
one byte of any of them and every output row names a different rule set. A leaf module.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files

__version__ = "0.1.0"
#: The human part of the rule-set version: bump it for a release of changed rules.
RULESET_RELEASE = "2026.12"
#: Package folders (relative to ``analyser``) and the file endings whose content makes up
#: the rule set.
RULESET_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rules", (".toml",)),
    ("data", (".toml", ".txt")),
    ("metrics/data", (".json", ".txt")),
    ("clean/data", (".json", ".txt")),
)
#: Files in those folders that do not change results (licence texts).
_NOT_RULES = (".LICENSE.txt",)


def ruleset_hash() -> str:
    """SHA-256 over the rule-set files' names and contents, in a fixed order."""
    digest = hashlib.sha256()
    root = files("analyser")
    for folder, endings in RULESET_FILES:
        entries = sorted(root.joinpath(folder).iterdir(), key=lambda e: e.name)
        for entry in entries:
            if entry.name.endswith(endings) and not entry.name.endswith(_NOT_RULES):
                digest.update(f"{folder}/{entry.name}\0".encode())
                # line endings normalised: a checkout with CRLF is the same rule set
                digest.update(entry.read_bytes().replace(b"\r\n", b"\n"))
                digest.update(b"\0")
    return digest.hexdigest()


#: Recorded in every output row: "<release>+<first 10 hex digits of the content hash>".
RULESET_VERSION = f"{RULESET_RELEASE}+{ruleset_hash()[:10]}"
