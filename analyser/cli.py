"""Command line: argument parsing and exit codes; the analysis lives elsewhere.

Exit status: 0 success, 1 findings over the house thresholds (``check``), 2 usage or
input error (any input that could not be read, even when the others were processed),
3 internal error (a bug: the message names the input and asks for a report; ``--debug``
prints the traceback). ``-v`` shows the modules' log messages on standard error.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import traceback
import warnings
from collections.abc import Sequence
from pathlib import Path

from .config import SettingsResolver
from .errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_THRESHOLDS,
    EXIT_USAGE,
    InputError,
    InternalError,
    UsageError,
)
from .version import RULESET_VERSION, __version__

EXIT_FINDINGS, EXIT_ERROR = EXIT_THRESHOLDS, EXIT_USAGE
REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REPORT_BUGS = "this is a bug in analyser; please report it"


#: Characters that would break a message's one line or drive the terminal (control
#: characters, line and paragraph separators): shown escaped, as Python writes them.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: object) -> str:
    """``message`` as one safe line: control characters in an input's name escaped."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], str(message))


def _warn(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"analyser: warning: {one_line(message)}", file=sys.stderr)


def default_inputs(paths: Sequence[str]) -> list[str]:
    """The paths given, or ``seeds/`` (here, else beside the package) when none are."""
    if paths:
        return list(paths)
    for candidate in (Path("seeds"), REPO_SEEDS):
        if candidate.is_dir():
            return [str(candidate)]
    raise UsageError("no input given and no seeds/ folder found")


def _print_error(err) -> None:
    print(f"analyser: error: {one_line(err)}", file=sys.stderr)


def _resolver(args) -> SettingsResolver:
    """The settings for each input, each configuration validated once, in full, before
    any input is read (extra rules compiled and their examples run)."""
    from .analysis import validate_settings

    return SettingsResolver(args, validate=validate_settings)


def _analyse(args, streamed: bool = False):
    """The analysed corpus; ``streamed``: only what the report draws, an article at a time."""
    from .corpus import analyse_paths
    from .report.collect import collect_paths

    resolver = _resolver(args)
    return (collect_paths if streamed else analyse_paths)(
        default_inputs(args.paths), outlet=args.outlet,
        settings=lambda article: resolver.for_path(article.source or None),
        jobs=args.jobs, on_error=_print_error, follow_links=args.follow_links)


def load_settings_for(args):
    """House-style settings for a one-input command: config file (if any) plus
    command-line overrides."""
    from .analysis import validate_settings
    from .config import load_settings

    settings = load_settings(args)
    validate_settings(settings)
    return settings


def cmd_score(args) -> int:
    from .export import atomic_open, output_target
    from .ingest.sources import files_read

    read = files_read(default_inputs(args.paths), args.config, args.follow_links)
    if args.engine == "dask":
        from .distributed import score_command

        return score_command(args, _resolver(args), read)
    if args.output:  # a bad output path fails here, before any input is read
        output_target(args.output, inputs=read)
    elif args.format == "parquet":
        raise UsageError("--format parquet writes a file: give -o FILE")
    from .corpus import iter_path_analyses
    from .streaming import score_record, score_stream

    resolver = _resolver(args)
    results = iter_path_analyses(default_inputs(args.paths), outlet=args.outlet,
                                 settings=lambda a: resolver.for_path(a.source or None),
                                 jobs=args.jobs, follow_links=args.follow_links,
                                 keep=score_record)
    mode = "wb" if args.format == "parquet" else "w"
    done = score_stream(results, (lambda: atomic_open(args.output, mode)) if args.output
                        else None, args.format, on_error=_print_error)
    if not done.articles:  # a header-only table would read as "nothing to report"
        where = args.output or "standard output"
        _print_error(f"no article could be analysed; nothing written to {where}")
        return EXIT_ERROR
    if args.output:
        print(args.output)
    return EXIT_ERROR if done.errors else EXIT_OK


def cmd_report(args) -> int:
    from .export import EXPORT_TABLES, check_export, output_target
    from .ingest.sources import files_read
    from .report import default_report_path, write_report

    inputs = default_inputs(args.paths)
    args.paths = inputs
    out = Path(args.output) if args.output else default_report_path(inputs)
    # every output path is checked before any work
    read = files_read(inputs, args.config, args.follow_links)
    output_target(out, inputs=read)
    if args.export:
        check_export(args.export, inputs=read)
    # Kept whole only for the exports (every sentence and finding).
    corpus = _analyse(args, streamed=not args.export)
    if not len(corpus):
        _print_error("no article could be analysed; no report written")
        return EXIT_ERROR
    write_report(corpus, out, inputs=inputs)
    if args.export:
        from .export import export_frames

        for path in export_frames(
            [(name, getattr(corpus, name)) for name in EXPORT_TABLES], args.export
        ):
            print(path, file=sys.stderr)
    print(out)
    return EXIT_ERROR if corpus.errors else EXIT_OK


def _cleaned(paths: Sequence[str], outlet: str | None, follow_links: bool = False):
    """Every readable input, cleaned: ([(Article, CleanResult)], exit status). An input
    that cannot be read or has no article gets one error line; the others go on."""
    from .clean import clean_article
    from .ingest import IngestError, iter_articles

    status = EXIT_OK
    results = []
    for item in iter_articles(list(paths), outlet=outlet, follow_links=follow_links):
        if isinstance(item, IngestError):
            _print_error(item)
            status = EXIT_ERROR
            continue
        try:
            cleaned = clean_article(item)
        except InputError as exc:  # one clear line per input; a bug is not caught here
            _print_error(f"{item.source or item.id}: {exc}")
            status = EXIT_ERROR
            continue
        results.append((item, cleaned))
    return results, status


def cmd_extract(args) -> int:
    results, status = _cleaned([args.path], args.outlet)
    documents = []
    for item, cleaned in results:
        if args.format == "json":
            documents.append({
                "id": item.id,
                "source": item.source,
                "title": item.title or cleaned.title,
                "author": cleaned.author,
                "published": item.published or cleaned.published,
                "site_name": cleaned.site_name,
                "url": item.url or cleaned.url,
                "text": cleaned.text,
                "blocks": [{"text": b.text, "kind": b.kind} for b in cleaned.blocks],
                "removed": [{"text": r.text, "reason": r.reason} for r in cleaned.removed],
            })
        else:
            print(cleaned.text)
    if args.format == "json" and documents:
        # one page: its object; a folder or corpus file: a list of them (valid JSON either way)
        one = documents[0] if len(documents) == 1 and len(results) == 1 else documents
        print(json.dumps(one, ensure_ascii=False, indent=2))
    return status


def cmd_duplicates(args) -> int:
    """Near-duplicate articles among the inputs: cleaned like every other command, then
    grouped by :func:`analyser.duplicates.find_duplicates` (no metric is computed)."""
    from .duplicates import duplicate_lines, find_duplicates

    if not 0.0 < args.threshold <= 1.0:
        raise UsageError(f"--threshold must be in (0, 1], got {args.threshold}")
    results, status = _cleaned(default_inputs(args.paths), args.outlet, args.follow_links)
    texts = [(item.id, cleaned.text) for item, cleaned in results]
    sources = {item.id: (item.source, item.outlet, item.title or cleaned.title)
               for item, cleaned in results}
    groups = find_duplicates(texts, threshold=args.threshold)
    if args.format == "json":
        print(json.dumps(groups, ensure_ascii=False, indent=2))
    else:
        for line in duplicate_lines(groups, sources, len(texts), args.threshold):
            print(one_line(line))
    return status


def cmd_stories(args) -> int:
    """Stories among the inputs: the tellings of one event by two or more outlets, grouped
    from the cleaned text, title and date (:mod:`analyser.stories`; no metric computed)."""
    from types import SimpleNamespace

    from .stories import group_analyses, story_frame
    from .stories.listing import story_groups, story_lines

    results, status = _cleaned(default_inputs(args.paths), args.outlet, args.follow_links)
    articles = [SimpleNamespace(id=item.id, outlet=item.outlet, text=cleaned.text,
                                title=item.title or cleaned.title,
                                published=item.published or cleaned.published,
                                source=item.source)
                for item, cleaned in results]
    table = story_frame(articles, group_analyses(articles, use_dates=not args.ignore_dates))
    groups = story_groups(table, {a.id: a.source for a in articles})
    if args.format == "json":
        print(json.dumps(groups, ensure_ascii=False, indent=2))
    else:
        for line in story_lines(groups, len(articles), ignored_dates=args.ignore_dates):
            print(one_line(line))
    return status


def cmd_rules(args) -> int:
    from .review.explain import rule_lines, rule_records

    settings = load_settings_for(args)
    if args.format == "json":
        print(json.dumps(rule_records(settings), ensure_ascii=False, indent=2))
    else:
        for line in rule_lines(settings):
            print(line)
    return EXIT_OK


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--select", metavar="CODES",
                   help="comma-separated rule codes or prefixes to run (replaces the config's)")
    p.add_argument("--extend-select", metavar="CODES",
                   help="comma-separated codes or prefixes added to the selection")
    p.add_argument("--ignore", metavar="CODES",
                   help="comma-separated rule codes or prefixes to skip (added to the config's)")
    p.add_argument("--semantic", action="store_true",
                   help="find restatements by meaning too (needs: pip install "
                        "'analyser[semantic]')")


def cmd_check(args) -> int:
    from .review.check import check_paths
    from .review.formats import StreamPrinter

    resolver = _resolver(args)
    inputs = default_inputs(args.paths)
    printer = StreamPrinter(args.format, sys.stdout, statistics=args.statistics,
                            config_path=resolver.for_path(next(iter(inputs), None)).config_path)

    def on_file(f) -> None:  # printed as checked: memory stays flat in the corpus
        for line, col, message in f.directive_problems:
            print(one_line(f"analyser: warning: {f.path}:{line}:{col}: {message}"),
                  file=sys.stderr)
        printer.file(f)

    result = check_paths(inputs, resolver, outlet=args.outlet, jobs=args.jobs,
                         on_error=lambda p, m: _print_error(f"{p}: {m}"),
                         follow_links=args.follow_links, on_file=on_file, keep=False)
    for path, reason in result.skipped:
        print(one_line(f"analyser: note: {path}: {reason}"), file=sys.stderr)
    printer.finish(result)
    status = result.exit_status
    return EXIT_OK if args.exit_zero and status == EXIT_FINDINGS else status


def cmd_explain(args) -> int:
    from .review.explain import UnknownCode, explain, explain_json

    settings = load_settings_for(args)
    try:
        if args.format == "json":
            print(json.dumps(explain_json(args.code, settings), ensure_ascii=False, indent=2))
        else:
            print(explain(args.code, settings))
    except UnknownCode as exc:
        _print_error(exc)
        return EXIT_ERROR
    return EXIT_OK


def cmd_compare(args) -> int:
    from .review.compare import CompareError, compare_paths, render_compare

    args.paths = [args.old]
    settings = load_settings_for(args)
    try:
        comparison = compare_paths(args.old, args.new, settings)
    except CompareError as exc:
        _print_error(exc)
        return EXIT_ERROR
    print(render_compare(comparison, args.format, all_measures=args.all))
    return EXIT_OK


def _job_count(text: str) -> int:
    """``-j N``: a whole number of worker processes, at least 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _add_inputs(p: argparse.ArgumentParser, analysed: bool = True) -> None:
    """The inputs' arguments; ``analysed``: also the analysis's (jobs, house style)."""
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders, URLs, corpus files (.jsonl, .csv, .parquet) or - for "
                        "stdin; default: seeds/")
    p.add_argument("--outlet", help="outlet name for inputs without a manifest")
    p.add_argument("--follow-links", action="store_true",
                   help="in a folder, also read symbolic links that lead out of it")
    if analysed:
        p.add_argument("-j", "--jobs", type=_job_count, default=1,
                       help="worker processes (default 1)")
        p.add_argument("--config", help="house-style file (default: found from the inputs)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analyser",
        description="Readability and filler-language analyser for news writing.",
    )
    parser.add_argument("--version", action="version",
                        version=f"analyser {__version__} (rules {RULESET_VERSION})")
    _add_logging(parser, 0)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("score", help="one row of scores per article")
    _add_inputs(p)
    _add_selection(p)
    p.add_argument("--format", choices=("csv", "json", "jsonl", "parquet"), default="csv")
    p.add_argument("-o", "--output", help="write to FILE (--engine dask: a folder)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: partitioned Parquet, on --scheduler or a local cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (tcp://HOST:PORT)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("report", help="write one self-contained HTML report")
    _add_inputs(p)
    _add_selection(p)
    p.add_argument("-o", "--output", help="report file (default: reports/<input>-report.html)")
    p.add_argument("--export", metavar="DIR",
                   help="also write the articles, sentences, findings, stories and paired "
                        "tables as CSV (and Parquet)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("extract", help="print the cleaned article of one page")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--outlet", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("duplicates", help="near-duplicate articles among the inputs")
    _add_inputs(p, analysed=False)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--threshold", type=float, default=0.8,
                   help="Jaccard similarity of 5-word shingles from which two articles are "
                        "near-duplicates (default 0.8)")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("stories",
                       help="group the tellings of one event by different outlets")
    _add_inputs(p, analysed=False)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--ignore-dates", action="store_true",
                   help="group by text and title alone, as if no article had a date")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--config", help="house-style file (default: found from the current folder)")
    p.set_defaults(func=cmd_rules, paths=[])

    p = sub.add_parser("check", help="lint-style findings and house-style thresholds")
    _add_inputs(p)
    _add_selection(p)
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when findings or thresholds fail (input errors still 2)")
    p.add_argument("--statistics", action="store_true",
                   help="count findings per code instead of listing them (text format)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("explain", help="what one rule flags, why, and examples")
    p.add_argument("code", metavar="CODE", help="a rule code (FIL001) or name (you-know)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--config", help="house-style file (for levels and extra rules)")
    p.set_defaults(func=cmd_explain, paths=[])

    p = sub.add_parser("compare", help="a draft against its edit: measures and findings")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all", action="store_true", help="show every measure, not the headline")
    p.add_argument("--config", help="house-style file (default: found from OLD)")
    _add_selection(p)
    p.set_defaults(func=cmd_compare)

    for p in sub.choices.values():  # -v and --debug also after the command's name
        _add_logging(p, argparse.SUPPRESS)
    return parser


def _add_logging(p: argparse.ArgumentParser, default) -> None:
    p.add_argument("-v", "--verbose", action="count", default=default,
                   help="show what the stages log (-vv: debug messages too)")
    p.add_argument("--debug", action="store_true", default=default,
                   help="print the traceback of an internal error")


def _configure_logging(verbose: int) -> None:
    """Silent by default (warnings reach the user through their own lines); ``-v`` shows
    the modules' info messages, ``-vv`` their debug messages."""
    if not verbose:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("analyser: %(levelname)s: %(name)s: %(message)s"))
    root = logging.getLogger("analyser")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)


def _internal_error(exc: BaseException, where: str, detail: str, trace: str,
                    debug: bool) -> int:
    print(f"analyser: internal error{where}: {detail} — {REPORT_BUGS}"
          f"{'' if debug else ' (run with --debug for the traceback)'}", file=sys.stderr)
    if debug:
        print(trace, file=sys.stderr, end="")
    return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    warnings.showwarning = _warn
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors already
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    _configure_logging(args.verbose)
    try:
        return args.func(args)
    except UsageError as exc:  # a bad option or house-style file: its message says which
        _print_error(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except InternalError as exc:
        return _internal_error(exc, f" while analysing {exc.source}", exc.detail,
                               exc.traceback, args.debug)
    except Exception as exc:  # a bug outside any one input
        return _internal_error(exc, "", f"{type(exc).__name__}: {exc}",
                               traceback.format_exc(), args.debug)


if __name__ == "__main__":
    sys.exit(main())
