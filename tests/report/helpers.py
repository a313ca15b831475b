"""Corpora for the report tests: the seeds, a hostile article, a many-article corpus."""

from __future__ import annotations

from pathlib import Path

from analyser.analysis import analyse_text
from analyser.corpus import Corpus, analyse_paths
from analyser.models import Removed

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

#: Payloads that set window.__pwned (or call alert) if any of them ever runs.
HOSTILE_TEXT = (
    "Basically, you know, this is really very padded copy. "
    "<script>window.__pwned = 'script-in-text'; alert(1)</script> "
    "It seems the <img src=x onerror=\"window.__pwned='img-in-text'\"> tag is here. "
    "A closing </script><script>window.__pwned='breakout'</script> tries to break out. "
    "Also ' and \" and & and <!-- a comment --> and ]]> sit in the text.\n"
    "A second paragraph says the same thing again, basically, you know."
)
HOSTILE_TITLE = "\"><script>window.__pwned='title'</script><img src=x onerror=alert('title')>"
HOSTILE_OUTLET = "<img src=x onerror=\"window.__pwned='outlet'\">Evil & Co"
HOSTILE_URL = "javascript:window.__pwned='url'"
HOSTILE_REMOVED = "<script>window.__pwned='removed'</script>Share this"


#: plotly fills "%{...}" in from the trace's data in legends and hover labels, unless
#: escaped: these must be shown as written.
TEMPLATE_OUTLET = "Rate %{y} and %{meta}"
TEMPLATE_TITLE = "Title %{x} %{text} %{customdata}"
TEMPLATE_TEXT = (
    "Basically, you know, the %{y} plan was approved by %{fullData.name} on Tuesday. It seems "
    "that it might work, %{meta} said. Some experts say it is arguably quite risky.")
#: A source name with no space to wrap at.
LONG_NAME = ("https://www.the-extremely-long-regional-evening-chronicle-and-gazette.example"
             ".co.uk/news/politics/local-council-budget-vote")


def template_corpus(per_outlet: int = 1) -> Corpus:
    """Articles whose outlet, title, text and id hold plotly template syntax, an untitled
    article, and a source with a very long name. With ``per_outlet`` > 4 the report is in
    corpus mode (sources are outlets)."""
    analyses = []
    for o, outlet in enumerate((TEMPLATE_OUTLET, "Plain Times", LONG_NAME)):
        for i in range(per_outlet):
            title = None if outlet == "Plain Times" else f"{TEMPLATE_TITLE} {i}"
            analyses.append(analyse_text(TEMPLATE_TEXT, title=title, outlet=outlet,
                                         id=f"%{{x}}-{o}-{i}"))
    return Corpus(analyses=analyses)


def seed_corpus() -> Corpus:
    """The four seeds as the report command analyses them (cleaned)."""
    corpus = analyse_paths([SEEDS])
    assert not corpus.errors, corpus.errors
    return corpus


def hostile_corpus() -> Corpus:
    """One article whose every field is an injection attempt, and one plain article."""
    evil = analyse_text(HOSTILE_TEXT, title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET, id="evil")
    evil.url = HOSTILE_URL
    evil.source = "<b>bold</b>.txt"
    evil.removed = [Removed(HOSTILE_REMOVED, "share bar")]
    plain = analyse_text("The minister said the plan would cost 4m. It starts in May.",
                         title="Plain story", outlet="Plain Times", id="plain")
    plain.url = "https://example.org/plain"
    return Corpus(analyses=[evil, plain])


def outlet_corpus(per_outlet: int = 6, outlets=("North Post", "South Daily", "East Wire")
                  ) -> Corpus:
    """Many short articles per outlet, dated over six months: the report switches to
    corpus mode (and draws the trends by week)."""
    texts = [
        "The council approved the budget on Tuesday. It raises spending by 3%.",
        "Basically, the plan is, you know, really very ambitious. It seems that it might work.",
        "Officials said the bridge would reopen in June. Repairs cost 2m.",
        "Some experts say the policy is arguably quite risky. It could perhaps fail.",
    ]
    analyses = []
    for o, outlet in enumerate(outlets):
        for i in range(per_outlet):
            text = texts[(i + o) % len(texts)] + " " + texts[(i + 2 * o + 1) % len(texts)]
            a = analyse_text(text, title=f"{outlet} story {i}", outlet=outlet, id=f"{o}-{i}")
            a.published = f"2024-{i % 6 + 1:02d}-{10 + o:02d}"
            analyses.append(a)
    return Corpus(analyses=analyses)


class Watch:
    """Everything a page did that a test may object to."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []


def open_watched(context, path, fragment: str = "", timeout_ms: int = 120_000):
    """Open a report (at ``#fragment``, if given) with every non-local request blocked and
    every console error, page error and dialog recorded. Returns ``(page, watch, seconds
    until interactive)``."""
    from analyser.report.screenshot import LOCAL_SCHEMES, READY_JS

    watch = Watch()
    page = context.new_page()
    page.on("console", lambda m: watch.console_errors.append(m.text)
            if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))

    def on_dialog(dialog):
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def guard(route):
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    page.route("**/*", guard)
    import time

    start = time.perf_counter()
    page.goto(Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else ""),
              wait_until="load")
    page.wait_for_function(READY_JS, timeout=timeout_ms)
    return page, watch, time.perf_counter() - start


#: Three events, each told in its own words by two outlets (the second padded), for the
#: report's story section: (title, first telling, second telling).
STORY_EVENTS = [
    ("Zanzibar ferry",
     "The Zanzibar ferry Mkombozi capsized near Pemba on Tuesday, and rescuers from Unguja "
     "pulled forty passengers from the water. The harbourmaster in Stone Town said the ferry "
     "was overloaded with cloves and cement.",
     "Basically, you know, the Mkombozi ferry really sank off Pemba, and it seems Unguja "
     "rescuers saved forty people. Stone Town's harbourmaster said the overloaded ferry "
     "carried cloves and cement to Zanzibar."),
    ("Vatnajokull glacier",
     "Glaciologists measured the Vatnajokull glacier retreating near Skaftafell this summer. "
     "The Reykjavik institute said meltwater from Grimsvotn flooded the Skeidara plain twice.",
     "Some experts say the Vatnajokull glacier is arguably retreating faster at Skaftafell. "
     "Meltwater from Grimsvotn, the Reykjavik institute said, perhaps flooded the Skeidara "
     "plain twice this summer."),
    ("Patagonia condor",
     "Rangers in Torres del Paine tagged a condor that flew to Bariloche across the Andes. "
     "The Chilean biologists in Puerto Natales tracked the condor with a satellite collar.",
     "A condor tagged in Torres del Paine really flew, very surprisingly, to Bariloche across "
     "the Andes. Biologists in Puerto Natales basically tracked it with a satellite collar, "
     "you know."),
]


def story_corpus(copy: bool = True, second: str = "South Daily",
                 second_title: str = "") -> Corpus:
    """Three stories told by North Post and ``second`` (dated), and, with ``copy``, Wire
    Desk running North Post's text of the first one word for word (a copy, not a
    telling). ``second_title`` starts the titles of the second outlet's tellings."""
    analyses = []
    for i, (title, first, told) in enumerate(STORY_EVENTS):
        north = analyse_text(first, title=f"{title}: the facts", outlet="North Post",
                             id=f"north-{i}")
        north.published = f"2024-03-0{i + 2}"
        south = analyse_text(told, title=f"{second_title}{title}, told again", outlet=second,
                             id=f"south-{i}")
        south.published = f"2024-03-0{i + 1}"
        analyses += [north, south]
    if copy:
        analyses.append(analyse_text(STORY_EVENTS[0][1], title=f"{STORY_EVENTS[0][0]} (wire)",
                                     outlet="Wire Desk", id="wire-0"))
    return Corpus(analyses=analyses)


_BASIL: dict[str, Corpus] = {}


def basil_corpus(path: Path) -> Corpus:
    """basil-dev (45 events told by the New York Times, Fox News and HuffPost), analysed
    once per test session."""
    key = str(path)
    if key not in _BASIL:
        corpus = analyse_paths([path], jobs=2)
        assert not corpus.errors, corpus.errors
        _BASIL[key] = corpus
    return _BASIL[key]
