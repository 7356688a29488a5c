"""Rebuild ``data/processed``: the derived tables, as CSV, from the configured data.

``diplo-analysis build [--out DIR]`` calls :func:`build`.  The tables hold
facts and figures computed from the readouts (ids, urls, dates, who with
whom, scores, counts, keywords), never readout text or titles, so they may be
committed even when the inputs may not.  A rebuild from the same inputs is
byte-identical: rows are sorted, floats are written with a fixed format, lines
end with ``\\n``, paths are written relative to the input root they were found
under, and nothing records when or where the build ran.

The committed ``data/processed`` is built from exactly ``data/raw`` plus the
shared corpus (``DIPLO_ANALYSIS_DATA=../shared/corpus``); ``tests/test_build.py``
rebuilds it and compares byte for byte.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import pandas as pd

from . import config

__all__ = ["build", "BuildError", "check_out_dir", "TABLES", "FLOAT_FORMAT"]

#: How floats are written: six significant digits, stable across platforms.
FLOAT_FORMAT = "%.6g"

#: Columns that hold readout text and must never reach ``data/processed``.
TEXT_COLUMNS = frozenset({"text", "title", "sentence", "sentences", "lead", "summary", "example", "examples"})

#: The facts kept of each readout (lists joined with ``|``).
READOUT_FACTS = [
    "readout_id", "url", "date", "date_inferred", "publisher", "medium", "host", "host_country",
    "counterparts", "counterpart_countries", "counterpart", "counterpart_country", "initiator", "status",
    "planned_date", "n_words", "language",
]

#: Topic clusters fitted by the build (as in notebook 04).
N_TOPICS = 20

#: The tables :func:`build` writes, in the order it writes them, with what each holds.
TABLES = {
    "readouts": "one row per readout: its facts, no text or title",
    "rejects": "inputs that did not become readouts: path (relative to its input root), line, reason",
    "coverage": "documents per publisher and year, zeros included: what each source covers",
    "conversations": "one row per conversation: every readout, mirror and announcement that tells it",
    "call_frequency": "conversations by phone or video per side, year and counterpart country, beside the side's "
                      "documents and the share of the year it covers",
    "tone_by_readout": "diplomatic tone of each readout, from its sentences",
    "tone_by_side": "diplomatic tone of each speaker side (host, counterpart, both, narration) of each readout",
    "topic_assignments": "the topic-keyword cluster of each readout of a call or meeting",
    "topic_keywords": "the top keywords of each topic cluster",
    "pairs": "readouts of the same call published by two sides",
    "pair_comparisons": "for each pair: lengths, shares, tone and the words each side stresses",
}


class BuildError(ValueError):
    """The build cannot write where it was asked to; nothing in the output folder was changed."""


#: Name of the marker file inside the build's own staging folders (``OUT/.build-*``).
STAGING_MARKER = ".diplo-analysis-build"


def check_out_dir(out_dir, inputs: Sequence[os.PathLike] = ()) -> Path:
    """Return the output folder, or raise :class:`BuildError` when it is empty or dangerous.

    Refused: an empty path (``""``, which would mean the working folder), an
    existing path that is not a folder, the root of the file system, the home
    folder, the repository's root or a folder above it, and an input folder
    or a folder inside one (the tables would be read as inputs next time).

    Returns
    -------
    pathlib.Path
        ``out_dir`` as a Path (not resolved).
    """
    raw = os.fspath(out_dir)
    if not str(raw).strip():
        raise BuildError("the output folder is empty (''): name a folder, or leave --out out for data/processed")
    out = Path(raw).expanduser()
    if out.exists() and not out.is_dir():
        raise BuildError(f"the output folder {out} exists and is not a folder")
    rp = out.resolve()
    if rp == Path(rp.anchor):
        raise BuildError(f"the output folder {out} is the root of the file system")
    if rp == Path.home().resolve():
        raise BuildError(f"the output folder {out} is the home folder")
    repo = config.repo_root().resolve()
    if rp == repo or rp in repo.parents:
        raise BuildError(f"the output folder {out} is the repository's root or a folder above it; "
                         "the default is data/processed")
    for p in inputs:
        ri = Path(p).expanduser().resolve()
        if rp == ri or ri in rp.parents:
            raise BuildError(f"the output folder {out} is inside the input {p}: the tables would be read as "
                             "readouts by the next load")
    return out


def _check_targets(out: Path, names: Iterable[str]) -> None:
    """Raise :class:`BuildError` when a table's file in ``out`` exists and is not a regular file."""
    for name in names:
        target = out / f"{name}.csv"
        if os.path.lexists(target) and not (target.is_file() and not target.is_symlink()):
            what = "a folder" if target.is_dir() else "a symlink" if target.is_symlink() else "not a regular file"
            raise BuildError(f"{target} is in the way ({what}): remove it or choose another output folder; "
                             "nothing was changed")


def _clean_stale_staging(out: Path) -> list[Path]:
    """Remove ``OUT/.build-*`` staging folders this package left behind (killed builds); return them.

    Only folders holding :data:`STAGING_MARKER` whose recorded process is no
    longer running are removed; a folder without the marker is not ours and
    is left alone, as is the staging folder of a build still running.
    """
    removed = []
    for cand in sorted(out.glob(".build-*")):
        marker = cand / STAGING_MARKER
        if not cand.is_dir() or cand.is_symlink() or not marker.is_file():
            continue
        try:
            pid = int(marker.read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError):
            pid = 0
        if pid > 0 and pid != os.getpid() and _alive(pid):
            continue
        shutil.rmtree(cand, ignore_errors=True)
        removed.append(cand)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _swap(staged: dict[str, Path], out: Path, backup: Path) -> dict[str, Path]:
    """Move every staged table into ``out``, all or none.

    The tables already there are first moved aside into ``backup``; when a
    move fails, every table moved so far is put back as it was and
    :class:`BuildError` is raised.
    """
    _check_targets(out, staged)
    done: list[tuple[Path, Optional[Path]]] = []
    target = out
    try:
        for path in staged.values():
            target = out / path.name
            old = None
            if os.path.lexists(target):
                old = backup / path.name
                os.replace(target, old)
            done.append((target, old))
            os.replace(path, target)
    except OSError as exc:
        for moved, old in reversed(done):
            if old is not None:
                os.replace(old, moved)
            elif os.path.lexists(moved):
                os.unlink(moved)
        raise BuildError(f"could not write {target}: {exc.strerror or exc}; the previous tables are "
                         "restored, nothing was changed") from exc
    return {name: out / path.name for name, path in staged.items()}


def _progress(enabled: bool) -> Callable[[str], None]:
    start = time.monotonic()

    def say(msg: str) -> None:
        if enabled:
            print(f"[build {time.monotonic() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    return say


def _roots(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Each input root (resolved) with the label its files are written under.

    ``data/raw`` of the repository is written ``data/raw/...``; any other root
    by its own folder name (``corpus/...``), or by the file name for a file.
    """
    out = []
    repo = config.repo_root()
    for p in paths:
        rp = Path(p).expanduser().resolve()
        try:
            label = rp.relative_to(repo).as_posix()
        except ValueError:
            label = rp.name
        out.append((rp, label))
    # the longest root first, so that a root nested in another gets its own label
    return sorted(out, key=lambda t: len(t[0].parts), reverse=True)


def relative_path(path: str, roots: list[tuple[Path, str]]) -> str:
    """Return ``path`` written under the label of the input root that holds it.

    A path under no root keeps only its file name: the build never writes an
    absolute path of the machine it ran on.
    """
    p = Path(path).expanduser()
    rp = p.resolve()
    for root, label in roots:
        try:
            rel = rp.relative_to(root)
        except ValueError:
            continue
        return f"{label}/{rel.as_posix()}" if rel.parts else label
    return p.name


def _join(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join("" if v is None else str(v) for v in value)
    return str(value)


def _check_no_text(name: str, frame: pd.DataFrame) -> None:
    bad = sorted(TEXT_COLUMNS.intersection(map(str, frame.columns)))
    if bad:
        raise ValueError(f"table {name!r} would write readout text (columns {bad}); drop them first")


def _write(frame: pd.DataFrame, path: Path, sort_by: Optional[Iterable[str]] = None) -> Path:
    """Write ``frame`` to ``path`` as CSV, sorted and formatted to be reproducible."""
    _check_no_text(path.stem, frame)
    frame = frame.copy()
    frame.attrs = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            frame[col] = s.dt.strftime("%Y-%m-%d").astype("object").where(s.notna(), "")
        elif s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            frame[col] = s.map(_join)
    if sort_by:
        keys = [c for c in sort_by if c in frame.columns]
        if keys:
            frame = frame.sort_values(keys, kind="mergesort", na_position="last")
    frame = frame.reset_index(drop=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, float_format=FLOAT_FORMAT, lineterminator="\n", encoding="utf-8")
    return path


def _readout_facts(readouts: pd.DataFrame) -> pd.DataFrame:
    facts = readouts[READOUT_FACTS].copy()
    facts["medium"] = facts["medium"].astype("object")
    return facts


def _rejects(readouts: pd.DataFrame, roots) -> pd.DataFrame:
    rejects = readouts.attrs.get("rejects")
    if rejects is None or len(rejects) == 0:
        return pd.DataFrame({"path": pd.Series(dtype="str"), "line": pd.Series(dtype="int64"),
                             "reason": pd.Series(dtype="str")})
    rejects = rejects[["path", "line", "reason"]].copy()
    rejects["path"] = rejects["path"].map(lambda p: _printable(relative_path(str(p), roots)))
    # a reason may quote the absolute path of a file; keep it relative too
    for root, label in roots:
        rejects["reason"] = rejects["reason"].astype(str).str.replace(str(root), label, regex=False)
    rejects["reason"] = rejects["reason"].map(_printable)
    return rejects


def _printable(s: str) -> str:
    """``s`` writable as UTF-8: a file name's bytes that are not UTF-8 written as ``\\xe9`` escapes."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:  # a name the file system gave as bytes (surrogate escapes): its bytes, escaped
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def build(out_dir: Optional[os.PathLike] = None, paths: Optional[Sequence[os.PathLike]] = None,
          progress: bool = True) -> dict[str, Path]:
    """Rebuild the derived tables from the configured data.

    Parameters
    ----------
    out_dir : path-like, optional
        Where to write; default ``data/processed`` of the repository.  Created
        if missing; refused when empty or dangerous (:func:`check_out_dir`).
        All or nothing: every table is written to a staging folder
        ``OUT/.build-*`` and the files of :data:`TABLES` in ``out_dir`` are
        replaced only once every table is written, all together (if one
        cannot be replaced, those already replaced are put back); a failed
        build leaves them as they were. Nothing else is touched, except
        staging folders left by an interrupted build, which are removed.
    paths : sequence of path-like, optional
        The inputs; default :func:`diplo_analysis.config.data_paths`
        (``data/raw`` plus ``$DIPLO_ANALYSIS_DATA``).
    progress : bool, default True
        Print one line per step on stderr.

    Returns
    -------
    dict[str, pathlib.Path]
        Table name -> the CSV written, in the order of :data:`TABLES`:

        - ``readouts``: ``readout_id``, ``url``, ``date`` (YYYY-MM-DD or empty),
          ``date_inferred``, ``publisher``, ``medium``, ``host``, ``host_country``,
          ``counterparts`` and ``counterpart_countries`` (joined with ``|``),
          ``counterpart``, ``counterpart_country``, ``initiator``, ``status``,
          ``planned_date``, ``n_words``; sorted by date then id.
        - ``rejects``: ``path`` (relative to its input root: ``data/raw/...``,
          ``corpus/...``), ``line``, ``reason``; sorted.
        - ``coverage``: ``period`` (year), ``publisher``, ``documents`` (int, of
          any medium; 0 for a year without any: a hole in the collection).
        - ``conversations``: the columns of
          :func:`diplo_analysis.conversations` (lists joined with ``|``;
          ``initiator_claims`` as ``SIDE:name`` items joined with ``|``, an
          empty name where that side does not say); sorted by date then id.
        - ``call_frequency``: ``side`` (host country), ``period`` (year), ``counterpart_country``,
          ``calls`` (conversations by phone or video that the side told, each counted once for each
          counterpart country; empty where the side has no document that year), ``side_documents``
          (the side's documents that year), ``side_coverage`` (share of the year between the side's
          first and last document, 3 decimals); rows with zero calls are left out.
        - ``tone_by_readout``: ``readout_id``, ``n_sentences``, ``mean_sentiment``,
          ``share_coop``, ``share_neut``, ``share_conf``, ``net_tone``
          (:func:`diplo_analysis.tone.tone_by_readout` of every readout's sentences).
        - ``tone_by_side``: the same per ``readout_id`` and ``speaker_side``
          (empty for narration) (:func:`diplo_analysis.tone.tone_by_side`).
        - ``topic_assignments``: ``readout_id``, ``topic``, ``topic_weight``,
          ``topic_label``; ``topic_keywords``: ``topic``, ``rank``, ``keyword``,
          ``weight`` (:func:`diplo_analysis.topics.topic_clusters` on the readouts
          of calls and meetings, ``n_topics=20``, ``random_state=0``); header only
          when there are fewer than 20 such readouts.
        - ``pairs``: :func:`diplo_analysis.pairs.pair_readouts` (mirror lists
          joined with ``|``); ``pair_comparisons``:
          :func:`diplo_analysis.pairs.compare_pairs` of those pairs.

    Raises
    ------
    FileNotFoundError
        An input path does not exist.
    BuildError
        ``out_dir`` is empty or dangerous, a table's file in it is a folder
        (or not a regular file), or a table could not be moved in place;
        nothing in ``out_dir`` was changed.
    """
    from .corpus import load_readouts

    say = _progress(progress)
    inputs = [Path(p) for p in (paths if paths is not None else config.data_paths())]
    out = check_out_dir(out_dir if out_dir is not None else config.processed_dir(), inputs)
    for p in inputs:
        if not Path(p).expanduser().exists():
            raise FileNotFoundError(f"input path does not exist: {p}")
    if out.is_dir():
        _check_targets(out, TABLES)  # fail before the long computation, too
    roots = _roots(inputs)

    say(f"loading readouts from {', '.join(label for _, label in sorted(roots, key=lambda t: t[1]))}")
    readouts = load_readouts(*inputs)
    n_rej = len(readouts.attrs.get("rejects", []))
    say(f"{len(readouts)} readouts, {n_rej} rejects")

    # Every table is written into a hidden staging folder first and moved in
    # place only when all are written (_swap: all or none). A staging folder
    # left by a killed build is removed by the next one.
    out.mkdir(parents=True, exist_ok=True)
    for stale in _clean_stale_staging(out):
        say(f"removed {stale.name}/, left by an interrupted build")
    with tempfile.TemporaryDirectory(prefix=".build-", dir=out) as tmp:
        (Path(tmp) / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
        new, old = Path(tmp) / "new", Path(tmp) / "old"
        new.mkdir()
        old.mkdir()
        staged = {name: _write(frame, new / f"{name}.csv", keys)
                  for name, frame, keys in _tables(readouts, roots, say)}
        written = _swap(staged, out, old)
    say(f"done: {len(written)} tables in {out.name}/")
    return written


# --------------------------------------------------------------------------- tables
def _long(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    """A wide period x group frame as long rows ``period``, <group>, ``value``."""
    name = frame.columns.name or "group"
    frame = frame.copy()
    frame.attrs = {}
    long = frame.stack(future_stack=True).rename(value).reset_index()
    long.columns = ["period", name, value]
    long["period"] = pd.to_datetime(long["period"]).dt.year.astype(int)
    return long


def _coverage(readouts: pd.DataFrame) -> pd.DataFrame:
    from .frequency import coverage

    if readouts["date"].notna().sum() == 0:
        return pd.DataFrame(columns=["period", "publisher", "documents"])
    return _long(coverage(readouts, freq="YS", by="publisher"), "documents")


def _call_frequency(readouts: pd.DataFrame) -> pd.DataFrame:
    """Calls per side (host_country), year and counterpart country, with the side's documents and coverage.

    ``calls`` is empty (NaN) where the side published nothing that year (a
    coverage gap, not a silence); rows with zero calls are left out.  The
    part-years are in ``side_coverage``, so call_frequency's CoverageWarning
    is not repeated here.
    """
    from .frequency import call_frequency
    from .records import CoverageWarning

    cols = ["side", "period", "counterpart_country", "calls", "side_documents", "side_coverage"]
    rows = []
    sides = sorted(readouts["host_country"].dropna().astype(str).unique())
    for side in sides:
        scope = readouts.loc[readouts["host_country"].astype("object") == side]
        if scope["date"].notna().sum() == 0:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CoverageWarning)
            freq = call_frequency(scope, by="counterpart_countries", freq="YS")
        freq.columns.name = "counterpart_country"
        docs = freq.attrs["coverage"].sum(axis=1)
        share = freq.attrs["covered"]["share"].round(3)
        if freq.shape[1] == 0:
            continue
        long = _long(freq, "calls")
        long = long.loc[long["calls"].isna() | (long["calls"] > 0)]
        long = long.assign(side=side, side_documents=long["period"].map(
            dict(zip(pd.to_datetime(docs.index).year, docs.to_numpy()))).astype(int),
            side_coverage=long["period"].map(dict(zip(pd.to_datetime(share.index).year, share.to_numpy()))))
        rows.append(long[cols])
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.concat(rows, ignore_index=True)


def _conversations(readouts: pd.DataFrame) -> pd.DataFrame:
    """:func:`diplo_analysis.conversations` with the side claims as ``SIDE:name`` items."""
    from .conversation import conversations

    convs = conversations(readouts)
    convs["initiator_claims"] = [[f"{side}:{name or ''}" for side, name in claims.items()]
                                 for claims in convs["initiator_claims"]]
    return convs


def _tone(readouts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(:func:`tone_by_readout`, :func:`tone_by_side`) of the readouts' scored statements."""
    from .speakers import statements
    from .tone import score_statements, tone_by_readout, tone_by_side

    scored = score_statements(statements(readouts))
    return tone_by_readout(scored), tone_by_side(scored)


def _topics(readouts: pd.DataFrame, say) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(assignments with readout_id, keywords) of :func:`topic_clusters` on the conversations.

    The clusters are fitted on the readouts of calls and meetings (``medium``
    other than ``other``), as in notebook 04: what the conversations are about.
    Both frames are empty (header only) when there are fewer than
    :data:`N_TOPICS` such readouts with text.
    """
    from .topics import topic_clusters

    conversations = readouts.loc[readouts["medium"].astype("object") != "other"]
    n_text = int((conversations["text"].fillna("").str.len() > 0).sum())
    if n_text < N_TOPICS:
        say(f"topics: {n_text} conversations with text, too few for {N_TOPICS} topics: header only")
        return (pd.DataFrame(columns=["readout_id", "topic", "topic_weight", "topic_label"]),
                pd.DataFrame(columns=["topic", "rank", "keyword", "weight"]))
    model = topic_clusters(conversations, n_topics=N_TOPICS, random_state=0)
    assignments = model.assignments.assign(readout_id=conversations["readout_id"].astype(str))
    return assignments[["readout_id", "topic", "topic_weight", "topic_label"]], model.keywords


def _pairs(readouts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(:func:`pair_readouts`, :func:`compare_pairs` of those pairs)."""
    from .pairs import compare_pairs, pair_readouts

    pairs = pair_readouts(readouts)
    comparisons = compare_pairs(readouts, pairs)
    return pairs, comparisons


def _tables(readouts: pd.DataFrame, roots, say):
    """Yield (name, frame, sort keys) for each table of :data:`TABLES`, in order."""
    def step(name):
        say(f"{name}: {TABLES[name]}")

    step("readouts")
    yield "readouts", _readout_facts(readouts), ["date", "readout_id"]
    step("rejects")
    yield "rejects", _rejects(readouts, roots), ["path", "line", "reason"]
    step("coverage")
    yield "coverage", _coverage(readouts), ["period", "publisher"]
    step("conversations")
    yield "conversations", _conversations(readouts), ["date", "conversation_id"]
    step("call_frequency")
    yield "call_frequency", _call_frequency(readouts), ["side", "period", "counterpart_country"]
    step("tone_by_readout")
    by_readout, by_side = _tone(readouts)
    yield "tone_by_readout", by_readout, ["readout_id"]
    step("tone_by_side")
    yield "tone_by_side", by_side, ["readout_id", "speaker_side"]
    step("topic_assignments")
    assignments, keywords = _topics(readouts, say)
    yield "topic_assignments", assignments, ["readout_id"]
    step("topic_keywords")
    yield "topic_keywords", keywords, ["topic", "rank"]
    step("pairs")
    pairs, comparisons = _pairs(readouts)
    yield "pairs", pairs, ["date_a", "readout_id_a", "readout_id_b"]
    step("pair_comparisons")
    yield "pair_comparisons", comparisons, ["readout_id_a", "readout_id_b"]
