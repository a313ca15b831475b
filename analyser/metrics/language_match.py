"""The phrase matcher behind the language rules: phrases plus context conditions, as data.

A rule in ``analyser/rules/{filler,hedge,intensifier,weasel,padding,meta}.toml`` names the
phrases it looks for and, optionally, the context they must (``when``) or must not
(``unless``, ``not_prev``, ``not_next``) appear in. Everything is matched over the
sentence's tokens, never over raw text, so offsets stay exact.

Phrase syntax (one phrase is a space-separated sequence of elements)::

    like                    a literal word (lower case; curly apostrophes are straightened)
    kind|sort               any one of these words
    @modal                  any word of a closed class in analyser/data/lexicon_closed_class.toml
    #num                    a number ("20", "1.5m") or a number word ("twenty", "thirty-six")
    #poss                   a possessive word ("Oxfam's", "critics'")
    #cap                    a word written with a capital letter, other than "I": a name
                            where it does not open the sentence ("Like Kevin, ...")
    #year                   a four-digit year ("1970", "2005")
    *                       any one word
    ,                       a punctuation mark (any non-word token, written as itself)
    that?                   an optional element (the "?" follows any element or group)
    (it's|it is)            a group of alternative sub-phrases, separated by "|"

Note that "|" outside a group joins single words only: "is it|was it" means "is",
then "it" or "was", then "it"; write "(is it|was it)" for two-word alternatives.

Context condition tables (all keys optional, all given keys must hold)::

    prev = ["^", ", ", "@modal", "^ and|but"]   tokens just before the phrase match one of
                                                these sequences (right-aligned; "^" is the
                                                start of the sentence or of a clause after
                                                : or ; or an opening quote mark)
    next = [",", "$", "the|a"]                  tokens just after match one of these ("$" is
                                                the end of the sentence or clause)
    not_prev, not_next                          the same, but must NOT match
    later = [","], not_later = [","]            a sequence occurs (or not) anywhere after the
                                                phrase in the same sentence
    earlier = ["^ by"], not_earlier = [...]     the same, anywhere before the phrase
    question = true | false                     the sentence ends (or not) with "?"
    punctuated = true | false                   the sentence has (or has no) punctuation at
                                                all: edited prose versus a bare transcript,
                                                where a parenthetical cannot be set off
    restart = true | false                      the word after the phrase repeats the word
                                                before it ("it was, like, it was not"): the
                                                phrase is the editing term of a self-repair
                                                (not when the phrase is repeated too: "i like
                                                i like rap" says the verb twice)

A rule may carry ``when`` (a list of condition tables: at least one must hold), ``unless``
(a list: none may hold), top-level ``not_prev`` / ``not_next`` (shorthand for one more
``unless``), and ``lowercase = true`` (the first word must be written in lower case unless
it starts the sentence: keeps "May" the month and "Theresa May" out of the modal rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from ..rules import Rule, RuleError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

#: Keys a language rule may carry besides the common ones checked by analyser.rules.
MATCH_KEYS = frozenset({"phrases", "when", "unless", "not_prev", "not_next", "lowercase"})
COND_KEYS = frozenset(
    {"prev", "next", "not_prev", "not_next", "later", "not_later", "earlier", "not_earlier",
     "question", "punctuated", "restart"}
)

#: Tokens after which a new clause starts ("^"), and tokens that close one ("$").
CLAUSE_OPENERS = frozenset({";", ":", "“", "‘", '"', "'", "«"})
_QUOTE_MARKS = frozenset({"“", "‘", '"', "'", "«"})
CLAUSE_CLOSERS = frozenset(
    {".", "!", "?", "…", ";", ":", "—", "–", "-", ")", "]", "”", "’", '"', "»"}
)
_NUMBER_RE = re.compile(r"^[$£€]?\d")
_PUNCT_ATOM = re.compile(r"^[^\w\s@#*|()?]+$")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Closed-class word lists (pronouns, modals, determiners ...) from packaged data."""
    raw = files("analyser.data").joinpath("lexicon_closed_class.toml").read_text("utf-8")
    classes = tomllib.loads(raw)["classes"]
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """Lower-case a token and straighten curly apostrophes (it’s -> it's)."""
    return word.lower().replace("’", "'").replace("‘", "'")


class Tok(NamedTuple):
    """A token as the matcher sees it: normalised text plus what conditions need.

    A named tuple: sentences are converted token by token, so construction must be cheap.
    """

    norm: str
    kind: str  # word | number | punct
    cap: bool  # first character upper case
    start: int = 0
    end: int = 0


def tokens_from_words(words: Sequence[str]) -> list[Tok]:
    """Matcher tokens from bare words (e.g. a lower-case transcript without punctuation)."""
    out = []
    for w in words:
        if _NUMBER_RE.match(w):
            kind = "number"
        elif w and not any(ch.isalnum() for ch in w):
            kind = "punct"
        else:
            kind = "word"
        out.append(Tok(normalise(w), kind, w[:1].isupper()))
    return out


# --- atoms -------------------------------------------------------------------------------

# An atom is a small tuple: ("w", word) | ("c", frozenset) | ("num",) | ("poss",) | ("any",)
# | ("year",) | ("cap",) | ("p", mark)
Atom = tuple


def _is_number(tok: Tok) -> bool:
    if tok.kind == "number":
        return True
    words = lexicon()["number_word"]
    return tok.norm in words or (
        "-" in tok.norm and all(part in words for part in tok.norm.split("-"))
    )


_FIRST_PERSON = re.compile(r"^i(?:'[a-z]+)?$")


def atom_matches(atom: Atom, tok: Tok) -> bool:
    """True when one token matches one atom."""
    kind = atom[0]
    if kind == "w":
        return tok.norm == atom[1] and tok.kind != "punct"
    if kind == "c":
        return tok.norm in atom[1]
    if kind == "p":
        return tok.kind == "punct" and tok.norm == atom[1]
    if kind == "num":
        return _is_number(tok)
    if kind == "year":
        return tok.kind == "number" and len(tok.norm) == 4 and "1000" <= tok.norm <= "2099"
    if kind == "poss":
        return tok.kind == "word" and (tok.norm.endswith("'s") or tok.norm.endswith("s'"))
    if kind == "cap":
        return tok.cap and tok.kind == "word" and not _FIRST_PERSON.match(tok.norm)
    return tok.kind != "punct"  # "any"


def _parse_atom(elem: str) -> Atom:
    if elem == "*":
        return ("any",)
    if elem == "#num":
        return ("num",)
    if elem == "#poss":
        return ("poss",)
    if elem == "#year":
        return ("year",)
    if elem == "#cap":
        return ("cap",)
    if elem.startswith("@"):
        name = elem[1:]
        if name not in lexicon():
            raise ValueError(f"unknown word class '@{name}'")
        return ("c", lexicon()[name])
    if _PUNCT_ATOM.match(elem):
        return ("p", elem)
    if "|" in elem:
        raise ValueError(f"bad element '{elem}'")
    if not re.match(r"^[\w'’.\-$£€]+$", elem):
        raise ValueError(f"bad element '{elem}'")
    return ("w", normalise(elem))


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced ')'")
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth != 0:
        raise ValueError("unbalanced '('")
    parts.append("".join(cur))
    return parts


def _elements(text: str) -> list[str]:
    """Split a phrase into elements: words, a|b alternatives, (groups), each maybe with ?.

    A closing group ends its element, so "(also )?(important|key)" is two elements.
    """
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    closed = False  # a group just closed at depth 0
    for ch in text.strip():
        if closed and ch == "?":
            cur.append(ch)
            continue  # still closed: the next character starts a new element
        if closed and cur:
            out.append("".join(cur))
            cur = []
        closed = False
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            closed = depth == 0
        if ch == " " and depth == 0:
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def expand_phrase(text: str, where: str = "phrase") -> list[tuple[Atom, ...]]:
    """All plain atom sequences a phrase stands for (groups and optionals expanded)."""
    try:
        return _expand(text)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _expand(text: str) -> list[tuple[Atom, ...]]:
    seqs: list[tuple[Atom, ...]] = [()]
    for elem in _elements(text):
        optional = elem.endswith("?") and len(elem) > 1
        body = elem[:-1] if optional else elem
        if body.startswith("(") and body.endswith(")"):
            alts: list[tuple[Atom, ...]] = []
            for sub in _split_top(body[1:-1], "|"):
                if not sub.strip():
                    raise ValueError(f"empty alternative in '{elem}'")
                alts.extend(_expand(sub))
        elif "|" in body and not _PUNCT_ATOM.match(body):
            alts = [(_parse_atom(w),) for w in body.split("|")]
        else:
            alts = [(_parse_atom(body),)]
        if optional:
            alts = alts + [()]
        seqs = [s + a for s in seqs for a in alts]
        if len(seqs) > 20000:
            raise ValueError("phrase expands to too many variants")
    return seqs


# --- context sequences -------------------------------------------------------------------

@dataclass(frozen=True)
class Context:
    """One context sequence: atoms plus a clause-boundary anchor at its outer end."""

    atoms: tuple[Atom, ...]
    anchored: bool  # "^" before (prev) or "$" after (next)


def _is_clause_start(toks: Sequence[Tok], k: int) -> bool:
    if k == 0:
        return True
    mark = toks[k - 1]
    if mark.kind != "punct" or mark.norm not in CLAUSE_OPENERS:
        return False
    if mark.norm in _QUOTE_MARKS and k >= 2:
        # A quotation opens a clause only at the start of the sentence or after punctuation
        # ('He said: "Well, ...'); a quoted fragment mid-sentence ('behaved "like a child"')
        # or a closing straight quote ('"sing-along" like ...', '...," May wrote') does not.
        before, after = toks[k - 2], toks[k]
        closes = before.end == mark.start and after.start > mark.end
        return before.kind == "punct" and not closes
    return True


def _is_clause_end(toks: Sequence[Tok], k: int) -> bool:
    return k >= len(toks) or (toks[k].kind == "punct" and toks[k].norm in CLAUSE_CLOSERS)


def _parse_context(text: str, side: str, where: str) -> list[Context]:
    text = text.strip()
    anchored = False
    if side == "prev" and (text == "^" or text.startswith("^ ")):
        anchored, text = True, text[1:].strip()
    if side == "next" and (text == "$" or text.endswith(" $")):
        anchored, text = True, text[:-1].strip()
    if "^" in text.split() or "$" in text.split():
        raise ValueError(f"'^' only opens a prev sequence and '$' only closes a next one: '{text}'")
    seqs = expand_phrase(text, where) if text else [()]
    return [Context(s, anchored) for s in seqs]


class ContextSet:
    """Context sequences of one side compiled into a trie (prev sequences are stored
    reversed), so a long list such as "could (also|still)? (be|have|mean|...)" costs one
    dict lookup per token rather than one comparison per expanded variant."""

    __slots__ = ("side", "root")

    def __init__(self, side: str, contexts: Iterable[Context]):
        self.side = side
        self.root = _CtxNode()
        for ctx in contexts:
            node = self.root
            for atom in reversed(ctx.atoms) if side == "prev" else ctx.atoms:
                node = node.child(atom)
            if ctx.anchored:
                node.anchored = True
            else:
                node.plain = True

    def matches(self, toks: Sequence[Tok], pos: int) -> bool:
        """True when a sequence ends just before ``pos`` (prev) or starts at ``pos`` (next)."""
        backwards = self.side == "prev"
        n = len(toks)
        stack = [(self.root, 0)]
        while stack:
            node, depth = stack.pop()
            if node.plain:
                return True
            if node.anchored and (
                _is_clause_start(toks, pos - depth) if backwards
                else _is_clause_end(toks, pos + depth)
            ):
                return True
            p = pos - depth - 1 if backwards else pos + depth
            if p < 0 or p >= n:
                continue
            tok = toks[p]
            if node.words and tok.kind != "punct":
                child = node.words.get(tok.norm)
                if child is not None:
                    stack.append((child, depth + 1))
            for atom, child in node.others:
                if atom_matches(atom, tok):
                    stack.append((child, depth + 1))
        return False


class _CtxNode:
    __slots__ = ("words", "others", "plain", "anchored")

    def __init__(self) -> None:
        self.words: dict[str, _CtxNode] = {}
        self.others: list[tuple[Atom, _CtxNode]] = []
        self.plain = False
        self.anchored = False

    def child(self, atom: Atom) -> _CtxNode:
        if atom[0] == "w":
            return self.words.setdefault(atom[1], _CtxNode())
        for a, node in self.others:
            if a == atom:
                return node
        node = _CtxNode()
        self.others.append((atom, node))
        return node


@dataclass(frozen=True)
class Condition:
    """A conjunction of context tests around a match [i, j)."""

    prev: ContextSet | None = None
    next: ContextSet | None = None
    not_prev: ContextSet | None = None
    not_next: ContextSet | None = None
    later: ContextSet | None = None
    not_later: ContextSet | None = None
    earlier: ContextSet | None = None
    not_earlier: ContextSet | None = None
    question: bool | None = None
    punctuated: bool | None = None
    restart: bool | None = None

    def holds(self, toks: Sequence[Tok], i: int, j: int, flags: tuple[bool, bool]) -> bool:
        if self.question is not None and self.question != flags[0]:
            return False
        if self.punctuated is not None and self.punctuated != flags[1]:
            return False
        if self.restart is not None and self.restart != _is_restart(toks, i, j):
            return False
        if self.prev is not None and not self.prev.matches(toks, i):
            return False
        if self.next is not None and not self.next.matches(toks, j):
            return False
        if self.not_prev is not None and self.not_prev.matches(toks, i):
            return False
        if self.not_next is not None and self.not_next.matches(toks, j):
            return False
        if self.later is not None and not _occurs_later(self.later, toks, j):
            return False
        if self.not_later is not None and _occurs_later(self.not_later, toks, j):
            return False
        if self.earlier is not None and not _occurs_earlier(self.earlier, toks, i):
            return False
        return not (self.not_earlier is not None and _occurs_earlier(self.not_earlier, toks, i))


def _is_restart(toks: Sequence[Tok], i: int, j: int) -> bool:
    """The words after [i, j) repeat the one to three words just before it, commas aside
    ("it was, like, it was not"): a speaker restarting after an editing term."""
    before = [t.norm for t in toks[max(0, i - 5) : i] if t.norm != ","]
    after = [t.norm for t in toks[j : j + 8] if t.norm != ","]
    phrase = [t.norm for t in toks[i:j]]
    # "i like i like rap": the phrase is repeated with the words before it, so it belongs to
    # the repeated words (the verb said twice), not to an editing term between them
    return any(
        len(before) >= n and before[-n:] == after[:n] and toks[i - 1].kind != "number"
        and after[n : n + len(phrase)] != phrase
        for n in (1, 2, 3)
    )


def _occurs_later(ctxs: ContextSet, toks: Sequence[Tok], j: int) -> bool:
    return any(ctxs.matches(toks, k) for k in range(j, len(toks) + 1))


def _occurs_earlier(ctxs: ContextSet, toks: Sequence[Tok], i: int) -> bool:
    return any(ctxs.matches(toks, k) for k in range(i, -1, -1))


def _contexts(value: Any, side: str, where: str) -> ContextSet:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: must be a non-empty list of context strings")
    out: list[Context] = []
    for v in value:
        out.extend(_parse_context(v, side, where))
    return ContextSet(side, out)


def parse_condition(raw: Any, where: str) -> Condition:
    """Validate one condition table and compile it."""
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"{where}: must be a non-empty table of {', '.join(sorted(COND_KEYS))}")
    unknown = set(raw) - COND_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    q = raw.get("question")
    if q is not None and not isinstance(q, bool):
        raise ValueError(f"{where}.question: must be true or false")
    punct = raw.get("punctuated")
    if punct is not None and not isinstance(punct, bool):
        raise ValueError(f"{where}.punctuated: must be true or false")
    restart = raw.get("restart")
    if restart is not None and not isinstance(restart, bool):
        raise ValueError(f"{where}.restart: must be true or false")
    return Condition(
        prev=_contexts(raw["prev"], "prev", f"{where}.prev") if "prev" in raw else None,
        next=_contexts(raw["next"], "next", f"{where}.next") if "next" in raw else None,
        not_prev=(
            _contexts(raw["not_prev"], "prev", f"{where}.not_prev") if "not_prev" in raw else None
        ),
        not_next=(
            _contexts(raw["not_next"], "next", f"{where}.not_next") if "not_next" in raw else None
        ),
        later=_contexts(raw["later"], "next", f"{where}.later") if "later" in raw else None,
        not_later=(
            _contexts(raw["not_later"], "next", f"{where}.not_later")
            if "not_later" in raw
            else None
        ),
        earlier=(
            _contexts(raw["earlier"], "prev", f"{where}.earlier") if "earlier" in raw else None
        ),
        not_earlier=(
            _contexts(raw["not_earlier"], "prev", f"{where}.not_earlier")
            if "not_earlier" in raw
            else None
        ),
        question=q,
        punctuated=punct,
        restart=restart,
    )


# --- compiled rules ----------------------------------------------------------------------

@dataclass(frozen=True)
class CompiledRule:
    """A language rule ready to match: its atom sequences and conditions."""

    rule: Rule
    order: int
    sequences: tuple[tuple[Atom, ...], ...]
    when: tuple[Condition, ...]
    unless: tuple[Condition, ...]
    lowercase: bool

    def accepts(self, toks: Sequence[Tok], i: int, j: int, flags: tuple[bool, bool]) -> bool:
        """True when the match [i, j) passes the rule's context conditions.

        ``flags`` is (the sentence is a question, the sentence has punctuation).
        """
        if self.lowercase and i > 0 and toks[i].cap and not _is_clause_start(toks, i):
            return False
        if self.when and not any(c.holds(toks, i, j, flags) for c in self.when):
            return False
        return not any(c.holds(toks, i, j, flags) for c in self.unless)


def _err(rule: Rule, field_: str, why: str) -> RuleError:
    return RuleError(f"{rule.file}: rule {rule.code}: field '{field_}': {why}")


def compile_rule(rule: Rule, order: int = 0) -> CompiledRule:
    """Validate a language rule's matching fields and compile it (RuleError if invalid)."""
    m = rule.match
    unknown = set(m) - MATCH_KEYS - {"family"}
    if unknown:
        key = sorted(unknown)[0]
        raise _err(rule, key, f"unknown key; language rules accept {', '.join(sorted(MATCH_KEYS))}")
    phrases = m.get("phrases")
    if (
        not isinstance(phrases, list)
        or not phrases
        or not all(isinstance(p, str) and p.strip() for p in phrases)
    ):
        raise _err(rule, "phrases", "needs a non-empty list of phrase strings")
    seqs: list[tuple[Atom, ...]] = []
    for k, p in enumerate(phrases):
        try:
            expanded = expand_phrase(p, f"phrase {k + 1} '{p}'")
        except ValueError as exc:
            raise _err(rule, "phrases", str(exc)) from None
        for s in expanded:
            if not s:
                raise _err(rule, "phrases", f"phrase '{p}' can match nothing")
            if s[0][0] in ("any", "p", "poss", "year", "cap"):
                raise _err(rule, "phrases", f"phrase '{p}' must start with a word or class")
            seqs.append(s)
    conds: dict[str, list[Condition]] = {"when": [], "unless": []}
    for key in ("when", "unless"):
        raw = m.get(key, [])
        if not isinstance(raw, list):
            raise _err(rule, key, "must be a list of condition tables")
        for k, c in enumerate(raw):
            try:
                conds[key].append(parse_condition(c, f"{key}[{k}]"))
            except ValueError as exc:
                raise _err(rule, key, str(exc)) from None
    for key in ("not_prev", "not_next"):
        if key in m:
            try:
                conds["unless"].append(parse_condition({key[4:]: m[key]}, key))
            except ValueError as exc:
                raise _err(rule, key, str(exc)) from None
    lowercase = m.get("lowercase", False)
    if not isinstance(lowercase, bool):
        raise _err(rule, "lowercase", "must be true or false")
    return CompiledRule(
        rule, order, tuple(dict.fromkeys(seqs)), tuple(conds["when"]), tuple(conds["unless"]),
        lowercase,
    )


@dataclass(frozen=True)
class Match:
    """One accepted match: token range [i, j) of the sentence."""

    rule: CompiledRule
    i: int
    j: int


#: When two matches overlap, the longer wins; on equal length, this category order.
CATEGORY_PRIORITY = {"meta": 0, "padding": 1, "weasel": 2, "filler": 3, "hedge": 4,
                     "intensifier": 5}


class _Node:
    """A trie node: literal next words by dict, other atoms by list, rules ending here."""

    __slots__ = ("words", "others", "ends")

    def __init__(self) -> None:
        self.words: dict[str, _Node] = {}
        self.others: list[tuple[Atom, _Node]] = []
        self.ends: list[CompiledRule] = []

    def child(self, atom: Atom) -> _Node:
        if atom[0] == "w":
            return self.words.setdefault(atom[1], _Node())
        for a, node in self.others:
            if a == atom:
                return node
        node = _Node()
        self.others.append((atom, node))
        return node


class Matcher:
    """Rules in a trie keyed by their first word, so each token costs one dict lookup and
    a phrase's variants ("(it's|it is) worth ...") share their common prefixes."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = [compile_rule(r, n) for n, r in enumerate(rules)]
        self._by_word: dict[str, _Node] = {}
        self._number = _Node()
        for cr in self.rules:
            for seq in cr.sequences:
                first = seq[0]
                if first[0] == "w":
                    heads = [self._by_word.setdefault(first[1], _Node())]
                elif first[0] == "c":
                    heads = [self._by_word.setdefault(w, _Node()) for w in sorted(first[1])]
                else:  # "#num": number tokens and number words
                    heads = [self._number] + [
                        self._by_word.setdefault(w, _Node())
                        for w in sorted(lexicon()["number_word"])
                    ]
                for node in heads:
                    for atom in seq[1:]:
                        node = node.child(atom)
                    if cr not in node.ends:
                        node.ends.append(cr)

    def match(self, toks: Sequence[Tok]) -> list[Match]:
        """Non-overlapping matches in one sentence, left to right."""
        if not toks:
            return []
        flags = (
            any(t.norm == "?" for t in toks[-3:]),
            any(t.kind == "punct" for t in toks),
        )
        found: list[Match] = []
        by_word = self._by_word
        n = len(toks)
        for i, tok in enumerate(toks):
            if tok.kind == "punct":
                continue
            heads = []
            head = by_word.get(tok.norm)
            if head is not None:
                heads.append(head)
            if tok.kind == "number" or ("-" in tok.norm and _is_number(tok)):
                heads.append(self._number)
            stack = [(h, i + 1) for h in heads]
            while stack:
                node, j = stack.pop()
                for cr in node.ends:
                    if cr.accepts(toks, i, j, flags):
                        found.append(Match(cr, i, j))
                if j >= n:
                    continue
                nxt = toks[j]
                if node.words and nxt.kind != "punct":
                    child = node.words.get(nxt.norm)
                    if child is not None:
                        stack.append((child, j + 1))
                for atom, child in node.others:
                    if atom_matches(atom, nxt):
                        stack.append((child, j + 1))
        if len(found) > 1:
            found = _resolve(found)
        return found


def _resolve(found: list[Match]) -> list[Match]:
    """Drop matches overlapping a longer (or higher-priority) one."""
    found.sort(
        key=lambda m: (
            -(m.j - m.i), CATEGORY_PRIORITY.get(m.rule.rule.category, 9), m.rule.order, m.i
        )
    )
    kept: list[Match] = []
    taken: set[int] = set()
    for m in found:
        span = range(m.i, m.j)
        if any(k in taken for k in span):
            continue
        taken.update(span)
        kept.append(m)
    kept.sort(key=lambda m: m.i)
    return kept


LANGUAGE_FAMILIES: tuple[str, ...] = ("filler", "hedge", "intensifier", "weasel", "padding", "meta")


@lru_cache(maxsize=1)
def builtin_matcher() -> Matcher:
    """The matcher for every built-in language rule (compiled once per process)."""
    from ..rules import rules_for

    rules: list[Rule] = []
    for fam in LANGUAGE_FAMILIES:
        rules.extend(rules_for(fam))
    return Matcher(rules)

