"""diplo_analysis.datasets: fetching the public corpora, against a local HTTP server.

The server (``http.server`` in a thread on 127.0.0.1) serves a temporary
folder laid out like the mirror (``{owner}/{repo}/archive/{commit}.tar.gz``
and ``{owner}/{repo}/raw/{commit}/{path}``) with small invented repositories
of the same layout. The tests compute the digests of the invented files
themselves, the way the issue defines them, and pin those in place of the
real ones; the real pins are checked on their own. No test uses the internet.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.server
import io
import json
import os
import subprocess
import sys
import tarfile
import threading
from pathlib import Path

import pytest

from diplo_analysis import datasets, load_readouts
from diplo_analysis.cli import main
from diplo_analysis.datasets import CORPORA, FetchError, available, fetch, load_dataset

KREMLIN, KREMLIN_CSV, WH = "kremlin_en_news_1999_2020", "kremlin_en_2021_2022", "whitehouse_briefings_2021_2025"
NEWS = "var/extract/en.kremlin.ru/events/president/news"


def _html(n: int, title: str, day: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html><head>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:url" content="http://en.kremlin.ru/events/president/news/{n}">'
        f'<meta property="article:published_time" content="{day}T12:00:00+03:00">'
        f"<title>{title}</title></head><body><nav><a href='/'>Menu</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>The sides agreed to stay in contact.</p></article>"
        "</body></html>"
    )


def _md(title: str, day: str, url: str, body: str) -> str:
    return f"---\ntitle: \"{title}\"\ndate: '{day}'\nsource_url: {url}\n---\n\n{body}\n\nThe leaders agreed to talk again.\n"


#: Invented repositories: every file of the repository, and which of them the corpus keeps.
REPOS = {
    KREMLIN: {
        f"{NEWS}/101.html": _html(101, "Telephone conversation with the President of Ruritania", "2019-03-04",
                                  "Vladimir Putin had a telephone conversation with the President of Ruritania."),
        f"{NEWS}/102.html": _html(102, "Meeting with the Prime Minister of Freedonia", "2020-05-06",
                                  "Vladimir Putin met with the Prime Minister of Freedonia in the Kremlin."),
        f"{NEWS}/102/print.html": "<html><body><p>print version</p></body></html>",
        f"{NEWS}/102/photos.html": "<html><body><p>photos</p></body></html>",
        "var/extract/en.kremlin.ru/events/president/transcripts/7.html": "<html><body><p>x</p></body></html>",
        "README.md": "# Invented transcripts repository\n",
    },
    KREMLIN_CSV: {
        "press_release_data/putin.csv": (
            "link,headline,date,location,summary,body\n"
            "http://en.kremlin.ru/events/president/news/9001,Telephone conversation with the President of "
            "Ruritania,2021-11-02T10:00:00Z,NA,A call.,\"Vladimir Putin had a telephone conversation with the "
            "President of Ruritania.\n\nThey discussed trade.\"\n"
            "http://en.kremlin.ru/events/president/news/9002,Meeting with the Governor of Oz,2022-01-15T09:00:00Z,"
            "The Kremlin,A meeting.,Vladimir Putin met with the Governor of Oz to discuss the harvest.\n"
        ),
    },
    WH: {
        "statements-releases/2021-02/2021-02-10-readout-call-ruritania.md": _md(
            "Readout of President Joseph R. Biden, Jr. Call with President of Ruritania", "2021-02-10",
            "https://www.whitehouse.gov/briefing-room/statements-releases/2021/02/10/readout-ruritania/",
            "President Joseph R. Biden, Jr. spoke today with the President of Ruritania."),
        "speeches-remarks/2022/03/2022-03-01-remarks.md": _md(
            "Remarks by President Biden on the harvest", "2022-03-01",
            "https://www.whitehouse.gov/briefing-room/speeches-remarks/2022/03/01/remarks/",
            "Good afternoon. The harvest was plentiful this year."),
        "README.md": "# Invented briefings repository\n",
        ".github/TEMPLATE.md": "template\n",
    },
}
KEPT = {
    KREMLIN: [f"{NEWS}/101.html", f"{NEWS}/102.html"],
    KREMLIN_CSV: ["press_release_data/putin.csv"],
    WH: ["speeches-remarks/2022/03/2022-03-01-remarks.md",
         "statements-releases/2021-02/2021-02-10-readout-call-ruritania.md"],
}


def expected_digest(name: str) -> str:
    """The issue's digest, computed here independently of the package."""
    text = "".join(
        f"{hashlib.sha256(REPOS[name][p].encode('utf-8')).hexdigest()}  {p}\n" for p in sorted(KEPT[name])
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tar_gz(prefix: str, files: dict) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for rel, text in sorted(files.items()):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"{prefix}/{rel}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def build_mirror(root: Path) -> dict:
    """Lay out the invented repositories under ``root`` as the mirror serves them; return name -> file."""
    where = {}
    for name, files in REPOS.items():
        c = CORPORA[name]
        if c.kind == "raw":
            out = root / c.owner / c.repo / "raw" / c.commit / c.path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(files[c.path], encoding="utf-8")
        else:
            out = root / c.owner / c.repo / "archive" / f"{c.commit}.tar.gz"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(_tar_gz(f"{c.repo}-{c.commit}", files))
        where[name] = out
    return where


class Server:
    """A static HTTP server on 127.0.0.1 over a folder, counting requests; ``truncate`` cuts bodies."""

    def __init__(self, folder: Path):
        server = self
        self.requests: list[str] = []
        self.truncate = False

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(folder), **kw)

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server.requests.append(self.path)
                if not server.truncate:
                    return super().do_GET()
                f = Path(self.translate_path(self.path))
                data = f.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])  # then the connection drops
                self.wfile.flush()
                self.close_connection = True

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture()
def mirror(tmp_path, monkeypatch):
    """The invented mirror served over HTTP, pinned in the registry, and an empty cache."""
    folder = tmp_path / "mirror"
    build_mirror(folder)
    for name in REPOS:
        pinned = dataclasses.replace(CORPORA[name], digest=expected_digest(name), files=len(KEPT[name]))
        monkeypatch.setitem(CORPORA, name, pinned)
    server = Server(folder)
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", server.url)
    monkeypatch.setenv("DIPLO_ANALYSIS_CACHE", str(tmp_path / "cache"))
    yield server
    server.stop()


def _closed_port_url() -> str:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# ---------------------------------------------------------------- the real pins
def test_registry_pins_the_issue_sources_exactly(monkeypatch):
    monkeypatch.delenv("DIPLO_ANALYSIS_MIRROR", raising=False)
    pins = {name: (c.owner, c.repo, c.commit, c.kind, c.path, c.files, c.documents, c.digest)
            for name, c in CORPORA.items()}
    assert pins == {
        KREMLIN: ("iandennismiller", "valdai-transcripts", "d365d811cb40d792621e10c96f38729f6150cb21", "archive",
                  None, 7235, 7235, "d2285a692c95e4090ca4900a8febd34629fca7b3bcfaf36bc28d697dccc48cd9"),
        KREMLIN_CSV: ("PeiYiZhuo", "zelenskyy-putin", "134450b5183c05bcbaac31d87e0e0ed65d54986e", "raw",
                      "press_release_data/putin.csv", 1, 816,
                      "8b265cc5a816e907b666f76553119a1b682b734306f2a36c3d9bea274e6e8d95"),
        WH: ("brian14708", "wh-briefings", "737ca03a271adc205c67766074ec8d0070f7ad95", "archive", None, 14396, 14396,
             "a512040da2b294d282ad6c82e0ef1ba252f746703d21ac9d58be34259ef34d93"),
    }
    assert CORPORA[KREMLIN].url() == ("https://github.com/iandennismiller/valdai-transcripts/archive/"
                                      "d365d811cb40d792621e10c96f38729f6150cb21.tar.gz")
    assert CORPORA[KREMLIN_CSV].url() == ("https://github.com/PeiYiZhuo/zelenskyy-putin/raw/"
                                          "134450b5183c05bcbaac31d87e0e0ed65d54986e/press_release_data/putin.csv")
    assert CORPORA[KREMLIN_CSV].columns == {"text": "body", "title": "headline", "url": "link"}
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", "http://proxy.example/gh/")
    assert CORPORA[WH].url() == ("http://proxy.example/gh/brian14708/wh-briefings/archive/"
                                 "737ca03a271adc205c67766074ec8d0070f7ad95.tar.gz")


@pytest.mark.parametrize("rel, kept", [
    (f"{NEWS}/63209.html", True),
    (f"{NEWS}/63209/print.html", False),
    (f"{NEWS}/63209/photos.html", False),
    (f"{NEWS}/print.html", False),
    ("var/extract/en.kremlin.ru/events/president/transcripts/63209.html", False),
])
def test_kremlin_keeps_only_news_pages(rel, kept):
    assert CORPORA[KREMLIN].keeps(rel) is kept


@pytest.mark.parametrize("rel, kept", [
    ("statements-releases/2021-01/x.md", True),
    ("speeches-remarks/2022/03/x.md", True),
    ("README.md", False),
    (".github/x.md", False),
    ("statements-releases/.hidden.md", False),
    ("statements-releases/x.txt", False),
])
def test_whitehouse_keeps_markdown_below_the_top_folder(rel, kept):
    assert CORPORA[WH].keeps(rel) is kept


# ---------------------------------------------------------------- fetching
def test_first_fetch_keeps_verifies_and_loads(mirror, tmp_path):
    cache = tmp_path / "cache"
    for name in REPOS:
        path = fetch(name, progress=False)
        assert path == cache / name
        assert _files(path) == sorted([*KEPT[name], ".diplo_analysis.json", ".manifest.sha256"])
        for rel in KEPT[name]:
            assert (path / rel).read_text(encoding="utf-8") == REPOS[name][rel]
        manifest = (path / ".manifest.sha256").read_bytes()
        assert hashlib.sha256(manifest).hexdigest() == expected_digest(name)
    # nothing left behind but the corpora
    assert sorted(p.name for p in cache.iterdir()) == sorted([".downloads", *REPOS])
    assert [p for p in (cache / ".downloads").rglob("*") if p.is_file()] == []

    kremlin = load_readouts(cache / KREMLIN)
    assert len(kremlin) == 2 and len(kremlin.attrs["rejects"]) == 0
    assert sorted(kremlin["date"].dt.strftime("%Y-%m-%d")) == ["2019-03-04", "2020-05-06"]
    # the CSV loads as it is: its columns come from the folder's reader options
    csv = load_readouts(cache / KREMLIN_CSV)
    assert csv.attrs["rejects"].empty
    assert csv["url"].tolist() == ["http://en.kremlin.ru/events/president/news/9001",
                                   "http://en.kremlin.ru/events/president/news/9002"]
    assert csv["title"].tolist() == ["Telephone conversation with the President of Ruritania",
                                     "Meeting with the Governor of Oz"]
    assert csv["text"].iloc[1] == "Vladimir Putin met with the Governor of Oz to discuss the harvest."
    assert csv["date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-11-02", "2022-01-15"]
    # each corpus is named as in the shared corpus files, whatever its pages say
    assert set(csv["publisher"]) == {"Office of the President of Russia (en.kremlin.ru)"}
    wh = load_readouts(cache / WH)
    assert len(wh) == 2 and wh.attrs["rejects"].empty
    assert sorted(wh["date"].dt.strftime("%Y-%m-%d")) == ["2021-02-10", "2022-03-01"]
    assert set(wh["publisher"]) == {"The White House (whitehouse.gov briefing room)"}
    assert set(kremlin["publisher"]) == {"Office of the President of Russia (en.kremlin.ru)"}
    # all three at once (the cache root), beside other inputs: each folder keeps its own options
    together = load_readouts(cache)
    assert len(together) == 6 and together.attrs["inputs"] == 6


def test_progress_bars_go_to_stderr(mirror, capsys):
    path = fetch(WH, progress=True)  # download, unpack and, the second time, verification bars
    assert fetch(WH, progress=True) == path
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unpack whitehouse_briefings_2021_2025" in captured.err and "verify whitehouse" in captured.err


def test_load_dataset_fetches_and_loads(mirror):
    df = load_dataset(KREMLIN_CSV, progress=False)
    assert df["title"].tolist() == ["Telephone conversation with the President of Ruritania",
                                    "Meeting with the Governor of Oz"]
    assert len(mirror.requests) == 1


def test_cached_fetch_makes_no_network_access(mirror, monkeypatch):
    first = {name: fetch(name, progress=False) for name in REPOS}
    assert len(mirror.requests) == 3
    mirror.stop()  # the mirror is gone
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())

    def no_network(*args, **kwargs):
        raise AssertionError("fetch tried the network for a cached corpus")

    monkeypatch.setattr(datasets, "_download", no_network)
    for name in REPOS:
        assert fetch(name, progress=False) == first[name]
    assert len(mirror.requests) == 3


def test_changed_cache_file_is_named_and_fetched_again(mirror, tmp_path):
    path = fetch(KREMLIN, progress=False)
    page = path / f"{NEWS}/102.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Freedonia", "Sylvania"), encoding="utf-8")
    with pytest.warns(RuntimeWarning, match=r"102\.html was changed"):
        again = fetch(KREMLIN, progress=False)
    assert again == path
    assert page.read_text(encoding="utf-8") == REPOS[KREMLIN][f"{NEWS}/102.html"]
    assert len(mirror.requests) == 2
    assert not list(tmp_path.joinpath("cache").glob(f".{KREMLIN}.*"))  # no temporary folder left


@pytest.mark.parametrize("damage, named", [
    ("change", r"102\.html was changed"),
    ("delete", r"101\.html is missing"),
    ("add", r"999\.html was added"),
    ("manifest", r"manifest .* does not give the pinned digest"),
])
def test_changed_cache_without_network_is_a_clear_error(mirror, monkeypatch, damage, named):
    path = fetch(KREMLIN, progress=False)
    if damage == "change":
        (path / f"{NEWS}/102.html").write_bytes(b"<html>edited by hand</html>")
    elif damage == "delete":
        (path / f"{NEWS}/101.html").unlink()
    elif damage == "add":
        (path / f"{NEWS}/999.html").write_text("<html>added</html>", encoding="utf-8")
    else:
        with open(path / ".manifest.sha256", "a", encoding="utf-8") as f:
            f.write("0" * 64 + "  extra.html\n")
    mirror.stop()
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())
    with pytest.warns(RuntimeWarning), pytest.raises(FetchError, match=named) as err:
        fetch(KREMLIN, progress=False)
    assert "could not be fetched again" in str(err.value)
    assert path.is_dir()  # the damaged cache is left for the user to inspect


def test_interrupted_download_leaves_no_half_written_cache(mirror, tmp_path):
    mirror.truncate = True
    with pytest.raises(FetchError, match="could not download"):
        fetch(WH, progress=False)
    cache = tmp_path / "cache"
    assert not (cache / WH).exists()
    leftovers = [p for p in cache.rglob("*") if p.is_file() or p.name.startswith(f".{WH}.")]
    assert leftovers == []
    mirror.truncate = False
    assert _files(fetch(WH, progress=False)) == sorted([*KEPT[WH], ".diplo_analysis.json", ".manifest.sha256"])


def test_interrupt_while_unpacking_leaves_no_half_written_cache(mirror, tmp_path, monkeypatch):
    calls = []
    real = tarfile.TarFile.extractfile

    def interrupted(self, member):
        calls.append(member)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, member)

    monkeypatch.setattr(tarfile.TarFile, "extractfile", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fetch(KREMLIN, progress=False)
    cache = tmp_path / "cache"
    assert not (cache / KREMLIN).exists()
    assert not list(cache.glob(f".{KREMLIN}.*"))
    monkeypatch.setattr(tarfile.TarFile, "extractfile", real)
    assert (fetch(KREMLIN, progress=False) / f"{NEWS}/101.html").is_file()


def test_unknown_name_lists_the_available_ones(mirror):
    with pytest.raises(ValueError, match="unknown corpus 'kremlin'") as err:
        fetch("kremlin", progress=False)
    for name in CORPORA:
        assert name in str(err.value)
    assert mirror.requests == []


def test_unreachable_mirror_is_a_clear_error(mirror, monkeypatch, tmp_path):
    url = _closed_port_url()
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", url)
    with pytest.raises(FetchError, match="could not download corpus 'kremlin_en_2021_2022'") as err:
        fetch(KREMLIN_CSV, progress=False)
    assert url in str(err.value) and "DIPLO_ANALYSIS_MIRROR" in str(err.value)
    assert not (tmp_path / "cache" / KREMLIN_CSV).exists()


def test_mirror_without_the_file_is_a_clear_error(mirror, tmp_path):
    (tmp_path / "mirror" / CORPORA[KREMLIN_CSV].owner).rename(tmp_path / "elsewhere")
    with pytest.raises(FetchError, match="404"):
        fetch(KREMLIN_CSV, progress=False)
    assert not (tmp_path / "cache" / KREMLIN_CSV).exists()


def test_mirror_serving_other_contents_is_refused(mirror, tmp_path):
    c = CORPORA[KREMLIN_CSV]
    (tmp_path / "mirror" / c.owner / c.repo / "raw" / c.commit / c.path).write_text("link,body\nx,y\n")
    with pytest.raises(FetchError, match="does not match its pinned contents"):
        fetch(KREMLIN_CSV, progress=False)
    assert not (tmp_path / "cache" / KREMLIN_CSV).exists()
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


# ---------------------------------------------------------------- listing, options, command
def test_available_lists_every_corpus_and_the_cache(mirror, tmp_path):
    table = available()
    assert table.columns.tolist() == ["name", "description", "publisher", "years", "documents", "files",
                                      "licence", "source", "url", "cached", "size", "path"]
    assert table["name"].tolist() == list(CORPORA)
    assert not table["cached"].any() and table["size"].isna().all()
    assert not (tmp_path / "cache").exists()  # listing creates nothing
    path = fetch(KREMLIN, progress=False)
    row = available().set_index("name").loc[KREMLIN]
    assert bool(row["cached"]) and row["path"] == str(path)
    assert row["size"] == sum(len(REPOS[KREMLIN][rel].encode("utf-8")) for rel in KEPT[KREMLIN])
    assert row["url"] == f"{mirror.url}/iandennismiller/valdai-transcripts/archive/{CORPORA[KREMLIN].commit}.tar.gz"


def test_folder_options_apply_below_the_folder_and_explicit_columns_win(tmp_path):
    folder = tmp_path / "t"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.csv").write_text("words,body,publisher\nthe words column,the body column,Site A\n",
                                          encoding="utf-8")
    (tmp_path / "b.csv").write_text("text\noutside the folder\n", encoding="utf-8")
    (folder / ".diplo_analysis.json").write_text(json.dumps({"columns": {"text": "body"}, "publisher": "Office B"}),
                                                 encoding="utf-8")
    df = load_readouts(folder, tmp_path / "b.csv")
    assert df["text"].tolist() == ["the body column", "outside the folder"]
    assert df["publisher"].tolist()[0] == "Office B" and df["publisher"].tolist()[1] != "Office B"
    assert load_readouts(folder, columns={"text": "words"})["text"].tolist() == ["the words column"]


@pytest.mark.parametrize("content, message", [
    ("{not json", "invalid reader options"),
    ('{"columns": ["text"]}', "'columns' must be an object"),
    ('{"columns": {"body": "text"}}', "unknown field 'body'"),
    ('{"publisher": 3}', "'publisher' must be a string"),
    ('["columns"]', "expected a JSON object"),
])
def test_bad_folder_options_name_the_file(tmp_path, content, message):
    (tmp_path / "a.csv").write_text("text\nsome text\n", encoding="utf-8")
    (tmp_path / ".diplo_analysis.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        load_readouts(tmp_path)
    assert str(tmp_path / ".diplo_analysis.json") in str(err.value)


def test_cli_fetch_names_and_summary(mirror, capsys, tmp_path):
    assert main(["fetch", KREMLIN_CSV, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"ok: {tmp_path / 'cache' / KREMLIN_CSV}" in out
    assert "1 of 3 corpora in the cache" in out
    assert main(["fetch", "--all", "--quiet"]) == 0
    assert "3 of 3 corpora in the cache" in capsys.readouterr().out
    assert main(["fetch", "nope"]) == 2
    assert "unknown corpus 'nope'" in capsys.readouterr().err


def test_cli_fetch_without_network_fails_clearly(mirror, capsys, monkeypatch):
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())
    assert main(["fetch", KREMLIN, "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "could not download" in captured.err and "failed: kremlin_en_news_1999_2020" in captured.err
    assert "0 of 3 corpora in the cache" in captured.out


def test_import_stays_light():
    code = ("import sys, diplo_analysis.datasets as d; d.CORPORA; "
            "print(sorted(m for m in ('pooch', 'requests', 'pandas', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip() == "[]"


def _run_analysis_module():
    import importlib.util

    from diplo_analysis.config import repo_root

    spec = importlib.util.spec_from_file_location("run_analysis", repo_root() / "scripts" / "run_analysis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_analysis_fetches_the_public_corpora_saying_what(mirror, capsys, tmp_path):
    paths = _run_analysis_module().fetch_public(0.0)
    assert paths == [str((tmp_path / "cache" / name).resolve()) for name in CORPORA]
    err = capsys.readouterr().err
    for name in CORPORA:
        assert f"{name}: to download from {CORPORA[name].url()}" in err
    assert "fetched corpora: 3 of 3" in err
    _run_analysis_module().fetch_public(0.0)  # again: from the cache, saying how large
    assert f"{KREMLIN}: in the cache (0.0 MB" in capsys.readouterr().err


def test_make_analysis_without_network_says_so(mirror, capsys, monkeypatch):
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())
    assert _run_analysis_module().fetch_public(0.0) == []
    err = capsys.readouterr().err
    assert "no network (or the server cannot be reached): running on the shipped sample only" in err
    # the first unreachable download is the only one tried
    assert err.count("could not download") == 1 and f"{WH}: not fetched (no network)" in err


def test_make_analysis_without_network_uses_what_is_cached(mirror, capsys, monkeypatch, tmp_path):
    fetch(WH, progress=False)
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())
    assert _run_analysis_module().fetch_public(0.0) == [str((tmp_path / "cache" / WH).resolve())]
    assert "fetched corpora: 1 of 3" in capsys.readouterr().err


def test_unreachable_and_missing_are_told_apart(mirror, monkeypatch, tmp_path):
    (tmp_path / "mirror" / CORPORA[KREMLIN_CSV].owner).rename(tmp_path / "elsewhere")
    with pytest.raises(FetchError) as missing:
        fetch(KREMLIN_CSV, progress=False)
    monkeypatch.setenv("DIPLO_ANALYSIS_MIRROR", _closed_port_url())
    with pytest.raises(FetchError) as unreachable:
        fetch(KREMLIN_CSV, progress=False)
    assert (missing.value.offline, unreachable.value.offline) == (False, True)
