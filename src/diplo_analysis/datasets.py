"""Public corpora the package can fetch itself, pinned and verified.

Three of the corpora the analysis is built on come from public repositories
at known commits. :func:`available` lists them, :func:`fetch` downloads one
(once), keeps only the files the corpus needs in a local cache, verifies them
and returns the folder, which :func:`diplo_analysis.load_readouts` reads as it
is; :func:`load_dataset` does both. See ``docs/datasets.md``.

Downloads
    ``{base}/{owner}/{repo}/archive/{commit}.tar.gz`` (a whole repository at a
    commit, as GitHub serves it, unpacking under ``{repo}-{commit}/``) or
    ``{base}/{owner}/{repo}/raw/{commit}/{path}`` (one file). ``base`` is
    ``https://github.com`` unless ``$DIPLO_ANALYSIS_MIRROR`` names another
    (a local mirror, an institutional proxy). Downloading is done by pooch
    (a temporary file, moved into place only when complete).

Cache
    ``$DIPLO_ANALYSIS_CACHE`` if set, else the platform's user cache folder
    (``platformdirs.user_cache_dir("diplo_analysis")``); one folder per
    corpus holding the kept files at their paths in the repository, plus two
    hidden files written by :func:`fetch`: ``.manifest.sha256`` (the digest
    text below) and ``.diplo_analysis.json`` (the corpus and its reader
    options). Unpacking goes to a hidden temporary folder beside it, renamed
    into place only once verified, so an interrupted fetch leaves no
    half-written corpus.

Verification
    The digest of a corpus is the SHA-256 of the text made of one line
    ``<SHA-256 of the file's bytes>  <path relative to the repository root>``
    per kept file (two spaces, as ``sha256sum`` prints), in sorted path
    order, each line ending in a newline. It does not depend on how an
    archive was compressed. It is checked after unpacking and on every later
    :func:`fetch`, which names any file of the cache changed, missing or
    added since; such a cache is fetched again when the network allows, and
    is otherwise a :class:`FetchError`.

Reader options
    A folder holding a file ``.diplo_analysis.json`` gives
    :func:`diplo_analysis.load_readouts` options for every file below it
    (see :func:`folder_options`): ``columns`` when the call names none, and
    ``publisher``. That is how the fetched CSV of Kremlin readouts (columns
    ``link, headline, date, location, summary, body``) loads as it is, alone
    or beside other corpora, and how each fetched corpus keeps the
    publisher's name of the shared corpus files.

Only :func:`fetch` (and :func:`load_dataset` through it) touches the
network, and only when a corpus is not in the cache or no longer matches.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Optional, Union

__all__ = [
    "CORPORA",
    "Corpus",
    "FetchError",
    "available",
    "fetch",
    "load_dataset",
    "cache_root",
    "mirror_base",
    "digest_lines",
    "folder_options",
    "FolderOptions",
    "MIRROR_ENV",
    "CACHE_ENV",
    "OPTIONS_FILE",
    "MANIFEST_FILE",
]

MIRROR_ENV = "DIPLO_ANALYSIS_MIRROR"
CACHE_ENV = "DIPLO_ANALYSIS_CACHE"
DEFAULT_BASE = "https://github.com"
#: Hidden file of a corpus folder: the digest text of its kept files.
MANIFEST_FILE = ".manifest.sha256"
#: Hidden file of a folder: reader options for the files below it (JSON).
OPTIONS_FILE = ".diplo_analysis.json"
_DOWNLOADS = ".downloads"
_TIMEOUT = 60  # seconds without an answer before a download gives up


class FetchError(RuntimeError):
    """A corpus could not be fetched or its cache no longer matches its digest.

    ``offline`` is True when the server could not be reached at all (no
    network, a wrong mirror address, a time-out), False otherwise.
    """

    def __init__(self, message: str, offline: bool = False):
        super().__init__(message)
        self.offline = offline


@dataclass(frozen=True)
class Corpus:
    """One fetchable corpus: where it comes from, what is kept, what to expect.

    ``keep`` is a regular expression matched against the whole path of each
    file relative to the repository root (``raw`` corpora keep their one
    ``path``); ``files`` and ``digest`` are what the kept files must give.
    """

    name: str
    description: str
    publisher: str
    years: str
    documents: int
    licence: str
    owner: str
    repo: str
    commit: str
    files: int
    digest: str
    path: Optional[str] = None  # a raw download: the one file
    keep: Optional[str] = None  # an archive download: the files kept
    columns: dict = field(default_factory=dict)
    shared: Optional[str] = None  # the folder of ../shared/corpus filtered from it

    @property
    def kind(self) -> str:
        """``"raw"`` (one file) or ``"archive"`` (the repository's tar.gz)."""
        return "raw" if self.path else "archive"

    @property
    def source(self) -> str:
        """``owner/repo@commit``."""
        return f"{self.owner}/{self.repo}@{self.commit}"

    def url(self, base: Optional[str] = None) -> str:
        """The download address under ``base`` (default: :func:`mirror_base`)."""
        base = (base or mirror_base()).rstrip("/")
        if self.path:
            return f"{base}/{self.owner}/{self.repo}/raw/{self.commit}/{self.path}"
        return f"{base}/{self.owner}/{self.repo}/archive/{self.commit}.tar.gz"

    def keeps(self, rel: str) -> bool:
        """Whether the file at ``rel`` (relative to the repository root) is kept."""
        if self.path:
            return rel == self.path
        return re.fullmatch(self.keep, rel) is not None


#: The corpora :func:`fetch` knows, by name (``SOURCES.md`` of the shared
#: corpus says how each was filtered into the shared files).
CORPORA: dict[str, Corpus] = {c.name: c for c in (
    Corpus(
        name="kremlin_en_news_1999_2020",
        description="English news pages of en.kremlin.ru (saved HTML), 1999-2020: a partial crawl",
        publisher="Office of the President of Russia (en.kremlin.ru)",
        years="1999-2020",
        documents=7235,
        licence="CC BY 4.0 (attribute en.kremlin.ru)",
        owner="iandennismiller",
        repo="valdai-transcripts",
        commit="d365d811cb40d792621e10c96f38729f6150cb21",
        files=7235,
        digest="d2285a692c95e4090ca4900a8febd34629fca7b3bcfaf36bc28d697dccc48cd9",
        keep=r"var/extract/en\.kremlin\.ru/events/president/news/[0-9]+\.html",
        shared="kremlin_en_news_1999_2020",
    ),
    Corpus(
        name="kremlin_en_2021_2022",
        description="en.kremlin.ru news, October 2021 to June 2022, one CSV table",
        publisher="Office of the President of Russia (en.kremlin.ru)",
        years="2021-2022",
        documents=816,
        licence="CC BY 4.0 (attribute en.kremlin.ru)",
        owner="PeiYiZhuo",
        repo="zelenskyy-putin",
        commit="134450b5183c05bcbaac31d87e0e0ed65d54986e",
        files=1,
        digest="8b265cc5a816e907b666f76553119a1b682b734306f2a36c3d9bea274e6e8d95",
        path="press_release_data/putin.csv",
        columns={"text": "body", "title": "headline", "url": "link"},
        shared="kremlin_en_2021_2022",
    ),
    Corpus(
        name="whitehouse_briefings_2021_2025",
        description="The White House briefing room as Markdown with front matter: statements, readouts, "
                    "speeches, fact sheets (not only calls and meetings)",
        publisher="The White House (whitehouse.gov briefing room)",
        years="2021-2025",
        documents=14396,
        licence="CC0 compilation of US government works",
        owner="brian14708",
        repo="wh-briefings",
        commit="737ca03a271adc205c67766074ec8d0070f7ad95",
        files=14396,
        digest="a512040da2b294d282ad6c82e0ef1ba252f746703d21ac9d58be34259ef34d93",
        # every */**.md: Markdown below a top folder, no hidden folder or file (as a glob matches)
        keep=r"[^./][^/]*/(?:[^./][^/]*/)*[^./][^/]*\.md",
        shared="whitehouse_readouts_2021_2025",
    ),
)}


# ---------------------------------------------------------------- places
def mirror_base() -> str:
    """The base address of downloads.

    Returns
    -------
    str
        ``$DIPLO_ANALYSIS_MIRROR`` when set and not blank, else
        ``https://github.com``; without a final ``/``.
    """
    return (os.environ.get(MIRROR_ENV, "").strip() or DEFAULT_BASE).rstrip("/")


def cache_root(path: Union[str, Path, None] = None) -> Path:
    """The cache folder of the fetched corpora.

    Parameters
    ----------
    path : str or Path, optional
        A folder to use instead of the default.

    Returns
    -------
    pathlib.Path
        ``path`` if given, else ``$DIPLO_ANALYSIS_CACHE`` when set and not
        blank, else the user cache folder,
        ``platformdirs.user_cache_dir("diplo_analysis")``
        (``~/.cache/diplo_analysis`` on Linux). Not created here.
    """
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("diplo_analysis", appauthor=False))


def _corpus(name: str) -> Corpus:
    try:
        return CORPORA[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown corpus {name!r}; available: {', '.join(CORPORA)}") from None


# ---------------------------------------------------------------- digests
def digest_lines(hashes: dict) -> str:
    """The digest text of a set of files.

    Parameters
    ----------
    hashes : dict
        ``{path relative to the repository root: hex SHA-256 of the file's bytes}``.

    Returns
    -------
    str
        One line ``<sha256>  <path>`` per file (two spaces, as ``sha256sum``
        prints), in sorted path order, each ending in a newline. The corpus
        digest is the SHA-256 of this text encoded as UTF-8; ``fetch`` stores
        the text as ``.manifest.sha256``.
    """
    return "".join(f"{hashes[p]}  {p}\n" for p in sorted(hashes))


def _parse_manifest(text: str) -> dict:
    out = {}
    for line in text.splitlines():
        digest, sep, rel = line.partition("  ")
        if sep:
            out[rel] = digest
    return out


def _walk_files(folder: Path) -> list[str]:
    """Paths (relative, ``/``-separated) of the files ``load_readouts`` would read under ``folder``."""
    out = []
    top = os.fspath(folder)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        out.extend(prefix + f for f in filenames if not f.startswith("."))
    return out


def _problems(corpus: Corpus, folder: Path, progress: bool) -> list[str]:
    """What no longer matches in a cached corpus folder (empty when it matches its digest)."""
    manifest = folder / MANIFEST_FILE
    if not manifest.is_file():
        return [f"its manifest {manifest} is missing"]
    text = manifest.read_bytes()
    if hashlib.sha256(text).hexdigest() != corpus.digest:
        return [f"its manifest {manifest} does not give the pinned digest {corpus.digest}"]
    expected = _parse_manifest(text.decode("utf-8"))
    problems = [f"{folder / rel} was added (not part of the corpus)"
                for rel in sorted(_walk_files(folder)) if rel not in expected]
    items = sorted(expected.items())
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, unit="file", desc=f"verify {corpus.name}", leave=False)
    top = os.fspath(folder)
    sha256 = hashlib.sha256
    for rel, digest in items:
        f = os.path.join(top, rel)
        try:
            with open(f, "rb") as fh:
                same = sha256(fh.read()).hexdigest() == digest
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            problems.append(f"{f} is missing")
            continue
        if not same:
            problems.append(f"{f} was changed (its SHA-256 is not the one pinned)")
    return problems


def _describe(problems: list[str], limit: int = 5) -> str:
    shown = "; ".join(problems[:limit])
    more = len(problems) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


# ---------------------------------------------------------------- reader options
def _options(corpus: Corpus) -> bytes:
    data = {"corpus": corpus.name, "source": corpus.source, "digest": corpus.digest,
            "columns": dict(sorted(corpus.columns.items())), "publisher": corpus.publisher}
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


class FolderOptions(NamedTuple):
    """Reader options of a folder (``.diplo_analysis.json``): see :func:`folder_options`."""

    columns: Optional[dict] = None
    publisher: Optional[str] = None


_NO_OPTIONS = FolderOptions()


def _read_options(path: Path) -> FolderOptions:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{path}: invalid reader options: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: invalid reader options: expected a JSON object, got {type(data).__name__}")
    columns, publisher = data.get("columns") or None, data.get("publisher") or None
    if columns is not None:
        if not isinstance(columns, dict):
            raise ValueError(f"{path}: invalid reader options: 'columns' must be an object, got {columns!r}")
        from .readers import check_columns

        try:
            check_columns(columns)
        except ValueError as exc:
            raise ValueError(f"{path}: invalid reader options: {exc}") from None
    if publisher is not None and not isinstance(publisher, str):
        raise ValueError(f"{path}: invalid reader options: 'publisher' must be a string, got {publisher!r}")
    return FolderOptions(dict(columns) if columns else None, publisher)


def folder_options() -> Callable[[Union[str, Path]], FolderOptions]:
    """A function ``file -> FolderOptions`` from the nearest ``.diplo_analysis.json`` above the file.

    :func:`diplo_analysis.load_readouts` uses it for every file. The options
    file is a JSON object with, each optional:

    - ``columns``: Record field -> source name, as the ``columns`` argument
      of ``load_readouts`` (e.g. ``{"text": "body", "title": "headline",
      "url": "link"}``), used when the call names no ``columns``;
    - ``publisher``: the publisher of every record below the folder,
      replacing the reader's (as a sidecar's ``publisher`` does), so that a
      fetched corpus is named as in the shared corpus files.

    Other keys are ignored. The nearest file in the file's folder or above
    wins. Answers are cached per folder for the returned function's life.

    Returns
    -------
    callable
        ``lookup(path) -> FolderOptions``: a named tuple ``(columns,
        publisher)``, each None when not set (both None when no folder above
        the file has options).

    Raises
    ------
    ValueError
        (from the lookup) An options file that is not a JSON object, whose
        ``columns`` is not a valid mapping or whose ``publisher`` is not a
        string, naming the file.
    """
    known: dict[str, FolderOptions] = {}

    def lookup(path: Union[str, Path]) -> FolderOptions:
        folder = os.path.dirname(os.path.abspath(path))
        walked = []
        found = _NO_OPTIONS
        while True:
            if folder in known:
                found = known[folder]
                break
            walked.append(folder)
            cand = os.path.join(folder, OPTIONS_FILE)
            if os.path.isfile(cand):
                found = _read_options(Path(cand))
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for w in walked:
            known[w] = found
        return found

    return lookup


# ---------------------------------------------------------------- fetching
def _download_name(corpus: Corpus) -> str:
    return f"{corpus.name}-{corpus.commit}" + (".tar.gz" if corpus.kind == "archive" else Path(corpus.path).suffix)


def _download(corpus: Corpus, folder: Path, progress: bool) -> Path:
    """Download the corpus's archive or file into ``folder`` with pooch; return its path."""
    import logging

    import pooch
    import requests

    url = corpus.url()
    fname = _download_name(corpus)
    folder.mkdir(parents=True, exist_ok=True)
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)  # not pooch's "use this value as the known_hash" advice: we pin contents
    try:
        got = pooch.retrieve(url, known_hash=None, fname=fname, path=folder, progressbar=progress,
                             downloader=pooch.HTTPDownloader(progressbar=progress, timeout=_TIMEOUT))
    except (requests.RequestException, OSError, ValueError) as exc:
        raise FetchError(
            f"could not download corpus {corpus.name!r} from {url}: {type(exc).__name__}: {exc}. "
            f"Check the network, or set {MIRROR_ENV} to a mirror laid out as {DEFAULT_BASE}",
            offline=isinstance(exc, (requests.ConnectionError, requests.Timeout)),
        ) from exc
    finally:
        logger.setLevel(level)
    return Path(got)


def _safe_rel(rel: str) -> bool:
    parts = rel.split("/")
    return not rel.startswith("/") and ".." not in parts and "" not in parts


def _unpack(corpus: Corpus, download: Path, dest: Path, progress: bool) -> dict:
    """Write the kept files of ``download`` under ``dest``; return ``{rel: sha256}``."""
    hashes: dict[str, str] = {}

    def put(rel: str, data: bytes) -> None:
        out = dest / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        hashes[rel] = hashlib.sha256(data).hexdigest()

    if corpus.kind == "raw":
        put(corpus.path, download.read_bytes())
        return hashes
    import tarfile

    prefix = f"{corpus.repo}-{corpus.commit}/"
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=corpus.files, unit="file", desc=f"unpack {corpus.name}", leave=False)
    try:
        with tarfile.open(download, "r:gz") as tar:
            for member in tar:
                if not member.isfile() or not member.name.startswith(prefix):
                    continue
                rel = member.name[len(prefix):]
                if not corpus.keeps(rel) or not _safe_rel(rel):
                    continue
                src = tar.extractfile(member)
                put(rel, src.read())
                if bar is not None:
                    bar.update(1)
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise FetchError(f"{download}: not a complete tar.gz archive of {corpus.source}: {exc}") from exc
    finally:
        if bar is not None:
            bar.close()
    return hashes


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _leftovers(root: Path, corpus: Corpus) -> Iterable[Path]:
    """Temporary folders of an earlier fetch of ``corpus`` that was killed."""
    return [*root.glob(f".{corpus.name}.partial-*"), *root.glob(f".{corpus.name}.old-*")]


def _install(corpus: Corpus, root: Path, progress: bool) -> Path:
    """Download, unpack into a temporary folder, verify, then move into place."""
    for old in _leftovers(root, corpus):
        _remove(old)
    downloads = root / _DOWNLOADS / corpus.name
    target = root / corpus.name
    for attempt in (1, 2):
        # a download left by an earlier fetch killed before unpacking is used, and fetched again if broken
        reused = (downloads / _download_name(corpus)).is_file()
        download = _download(corpus, downloads, progress)
        tmp = Path(tempfile.mkdtemp(prefix=f".{corpus.name}.partial-", dir=root))
        try:
            os.chmod(tmp, 0o755)  # mkdtemp's folder is private; the corpus is as readable as its files
            try:
                hashes = _unpack(corpus, download, tmp, progress)
            except FetchError:
                download.unlink()
                if reused and attempt == 1:
                    continue
                raise
            text = digest_lines(hashes).encode("utf-8")
            digest = hashlib.sha256(text).hexdigest()
            if digest != corpus.digest or len(hashes) != corpus.files:
                download.unlink()
                if reused and attempt == 1:
                    continue
                raise FetchError(
                    f"corpus {corpus.name!r} from {corpus.url()} does not match its pinned contents: "
                    f"{len(hashes)} files kept (expected {corpus.files}), digest {digest} "
                    f"(expected {corpus.digest}). The mirror ({mirror_base()}) does not serve "
                    f"{corpus.source} as pinned"
                )
            (tmp / MANIFEST_FILE).write_bytes(text)
            (tmp / OPTIONS_FILE).write_bytes(_options(corpus))
            old = None
            if target.exists() or target.is_symlink():
                old = Path(tempfile.mkdtemp(prefix=f".{corpus.name}.old-", dir=root))
                os.replace(target, old / "corpus")
            os.replace(tmp, target)
            if old is not None:
                _remove(old)
        finally:
            _remove(tmp)
        download.unlink()
        return target
    raise AssertionError("unreachable")  # pragma: no cover


def fetch(name: str, cache_dir: Union[str, Path, None] = None, progress: bool = True) -> Path:
    """Fetch a public corpus (once), verify it and return its folder.

    Parameters
    ----------
    name : str
        A name from :func:`available` (``CORPORA``).
    cache_dir : str or Path, optional
        The cache folder; default ``$DIPLO_ANALYSIS_CACHE``, else the
        platform's user cache folder (:func:`cache_root`).
    progress : bool
        Show tqdm progress bars (download, unpacking, verification) on stderr.

    Returns
    -------
    pathlib.Path
        ``<cache>/<name>``: the kept files at their paths in the repository
        (plus the hidden ``.manifest.sha256`` and ``.diplo_analysis.json``),
        ready for ``load_readouts(path)`` as it is.

    Raises
    ------
    ValueError
        An unknown name (the message lists the available ones).
    FetchError
        The download failed (the message names the address and says to check
        the network or ``$DIPLO_ANALYSIS_MIRROR``), what was downloaded does
        not match the pinned digest, or the cache no longer matches and
        cannot be fetched again (the message names the changed files).

    Notes
    -----
    A corpus already in the cache is verified (every kept file hashed
    against the manifest, whose own digest must be the pinned one, and no
    file added) and returned without any network access. A cache that no
    longer matches is reported with a ``RuntimeWarning`` naming the files
    and fetched again.
    """
    corpus = _corpus(name)
    root = cache_root(cache_dir)
    target = root / corpus.name
    if target.exists():
        problems = _problems(corpus, target, progress)
        if not problems:
            options = target / OPTIONS_FILE
            if not options.is_file() or options.read_bytes() != _options(corpus):
                options.write_bytes(_options(corpus))
            return target
        msg = f"the cache of corpus {name!r} at {target} no longer matches its pinned digest: {_describe(problems)}"
        warnings.warn(msg + "; fetching it again", RuntimeWarning, stacklevel=2)
        try:
            return _install(corpus, root, progress)
        except FetchError as exc:
            raise FetchError(f"{msg}. It could not be fetched again: {exc}", offline=exc.offline) from exc
    root.mkdir(parents=True, exist_ok=True)
    return _install(corpus, root, progress)


def load_dataset(name: str, cache_dir: Union[str, Path, None] = None, progress: bool = True, **kwargs):
    """Fetch a corpus (:func:`fetch`) and load it with :func:`diplo_analysis.load_readouts`.

    Parameters
    ----------
    name, cache_dir, progress
        As for :func:`fetch` (``progress`` also shows the loading bar).
    **kwargs
        Passed to ``load_readouts`` (``errors``, ``n_jobs``...); ``columns``
        defaults to the corpus's reader options (``CORPORA[name].columns``).

    Returns
    -------
    pandas.DataFrame
        The readouts frame of :func:`diplo_analysis.load_readouts`, with its
        columns (``readout_id``, ``publisher``, ``path``, ``line``, ``url``,
        ``title``, ``text``, ``date``, ``date_inferred``, ``medium``,
        ``host``, ``host_country``, ``counterparts``,
        ``counterpart_countries``, ``counterpart``, ``counterpart_country``,
        ``initiator``, ``n_words``) and ``attrs["rejects"]``/``attrs["inputs"]``.
    """
    from .corpus import load_readouts

    path = fetch(name, cache_dir=cache_dir, progress=progress)
    kwargs.setdefault("columns", CORPORA[name].columns or None)
    kwargs.setdefault("progress", progress)
    return load_readouts(path, **kwargs)


def _cached_size(folder: Path) -> Optional[int]:
    manifest = folder / MANIFEST_FILE
    if not manifest.is_file():
        return None
    total = 0
    for rel in _parse_manifest(manifest.read_text(encoding="utf-8")):
        try:
            total += (folder / rel).stat().st_size
        except OSError:
            return None
    return total


def available(cache_dir: Union[str, Path, None] = None):
    """The corpora :func:`fetch` can fetch, and what of them is in the cache.

    Parameters
    ----------
    cache_dir : str or Path, optional
        The cache folder to report on (default as for :func:`fetch`). Nothing
        is downloaded, hashed or created.

    Returns
    -------
    pandas.DataFrame
        One row per corpus, in :data:`CORPORA` order, with columns:

        - ``name`` (str): the name to pass to :func:`fetch`.
        - ``description`` (str): what the corpus holds.
        - ``publisher`` (str): who published the documents.
        - ``years`` (str): the years covered, ``"YYYY-YYYY"``.
        - ``documents`` (int): documents in the corpus (pages, or CSV rows).
        - ``files`` (int): files kept in the cache.
        - ``licence`` (str): the licence as stated by the source.
        - ``source`` (str): the repository and commit, ``owner/repo@commit``.
        - ``url`` (str): the download address (under ``$DIPLO_ANALYSIS_MIRROR``
          when set).
        - ``cached`` (bool): whether the cache holds the corpus (not verified
          here: :func:`fetch` verifies).
        - ``size`` (Int64): bytes of the kept files in the cache; ``<NA>``
          when not cached (the download's size is shown as it downloads).
        - ``path`` (str): the corpus's folder in the cache (whether or not
          it is there yet).
    """
    import pandas as pd

    root = cache_root(cache_dir)
    rows = []
    for c in CORPORA.values():
        folder = root / c.name
        size = _cached_size(folder)
        rows.append({
            "name": c.name, "description": c.description, "publisher": c.publisher, "years": c.years,
            "documents": c.documents, "files": c.files, "licence": c.licence, "source": c.source,
            "url": c.url(), "cached": size is not None, "size": size, "path": str(folder),
        })
    df = pd.DataFrame(rows)
    df["size"] = df["size"].astype("Int64")
    return df
