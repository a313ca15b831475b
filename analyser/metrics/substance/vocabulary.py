"""The substance family's built-in word sets: the verbs that report speech, the words a
speaker can be, and the calendar words that are dates rather than names."""

from __future__ import annotations

#: Verbs that report speech or writing. "highlights", "indicates", "suggests",
#: "underscores" are not here: in news copy their subject is as often a fact or an event
#: ("This incident highlights ...") as a speaker. "reports", "claims", "notes", "states"
#: are left out because they are nouns as often ("some reports said").
SPEECH_VERBS = frozenset(
    """
    said says say told tells tell stated added adds explained explains announced
    announces confirmed confirms argued argues wrote writes insisted insists claimed warned
    warns asserted asserts affirmed affirms declared declares acknowledged acknowledges
    admitted admits replied replies responded responds recalled recalls stressed stresses
    reported
    """.split()
)
#: Verbs that report a statement only with a person-like speaker and a reported clause
#: ("Kelly highlighted that ...", "She emphasized: ..."): "This incident highlights the
#: challenges", "Sheinbaum's response indicates a reluctance" and "The U.S. has
#: highlighted its cooperation" are not attributions.
SOFT_VERBS = frozenset(
    """
    emphasized emphasised emphasizes emphasises stressed stresses highlighted highlights
    indicated indicates suggested suggests underscored underscores noted notes
    """.split()
)
#: Words that can report a statement (attribution_sources looks only at these).
VERB_WORDS = SPEECH_VERBS | SOFT_VERBS | {"according"}
#: What follows a soft verb that reports a statement: "highlighted that", "emphasized: ...".
REPORTED_CLAUSE = frozenset({"that", ":", "“", '"', "‘", "'"})
#: Do-support, modals and question words in a subject: "why did she say no", "he will
#: say" do not report what was said.
NOT_REPORTING = frozenset("did does do why how would could should will might may".split())
#: Verbs whose object is the addressee, not the speaker ("Kelly told reporters").
ADDRESSEE_VERBS = frozenset("told tells tell".split())
PRONOUNS = frozenset("he she they it we i you who".split())
#: Words between a speaker and the verb that do not change who speaks.
AUXILIARIES = frozenset(
    "has have had also later then previously once again repeatedly has also would will "
    "had earlier already".split()
)
PASSIVE_AUX = frozenset("was were been be being is are".split())
#: Nouns that speak for an organisation or a document ("the company said").
SOURCE_NOUNS = frozenset(
    """
    company firm government ministry department agency police court judge bank group
    party union board council committee commission spokesman spokeswoman spokesperson
    statement letter report filing lawyer lawyers attorney prosecutors prosecutor
    official officials source sources spokesmen minister ministers president chairman
    chief executive director manager coach
    """.split()
)
#: Months and weekdays (lower case): dates, never names or speakers.
CALENDAR = frozenset(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
