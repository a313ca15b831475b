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

Levels from context: ``soften`` (a list of condition tables, possibly empty) makes the
rule's warning a *suggestion* inside a direct quotation and wherever one of its tables
holds (an attributed forecast: ``earlier = ["@attribution_cue"]``); ``softened`` lists
example texts that must be flagged at suggestion level (the tests run them). A rule file's
``[defaults]`` table gives keys to every rule of the file that does not set them.

The package, one job per module: ``atoms`` (matcher tokens, word classes and the one-token
tests), ``phrases`` (the element syntax above, expanded into atom sequences), ``contexts``
(prev / next sequences and clause boundaries), ``conditions`` (one condition table),
``compiled_rule`` (a rule's phrases and conditions validated and compiled) and ``matcher``
(every rule in one trie, run over a sentence once; overlapping matches resolved).
"""

from .atoms import Tok, normalise, tokens_from_words
from .compiled_rule import CompiledRule, compile_rule
from .matcher import Match, Matcher, builtin_matcher
from .phrases import expand_phrase

__all__ = [
    "CompiledRule",
    "Match",
    "Matcher",
    "Tok",
    "builtin_matcher",
    "compile_rule",
    "expand_phrase",
    "normalise",
    "tokens_from_words",
]
