"""Hostile inputs: nothing stops a load, nothing good is lost, nothing exhausts the machine.

Each case writes one invented hostile file into ``tmp_path`` and loads it
alone and among good files, with ``errors="collect"``: the load raises
nothing, every good record is a row, and the hostile parts are rejects that
name their path and line. With ``errors="raise"`` the first reject is a
ReadoutError naming the file. (Tests run as root in CI, where the operating
system refuses nothing: "permission denied" is simulated with monkeypatch
there, as each such test says.)
"""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import pytest

from diplo_analysis import corpus
from diplo_analysis.corpus import load_readouts
from diplo_analysis.limits import LIMITS, limits
from diplo_analysis.records import ReadoutError

TOPICS = ("grain exports", "gas transit", "river water", "rail links", "port fees", "fishing rights", "visa rules",
          "power lines", "school exchanges", "flood relief", "bank rules", "air routes")


def story(k: int, words: int = 60) -> str:
    """An invented readout text, different for every ``k``."""
    topic = TOPICS[k % len(TOPICS)]
    base = (f"Minister Alpha{k} of Northland spoke by telephone with Minister Beta{k} of Southland about {topic} "
            f"and case number {k * 7919}. ")
    filler = " ".join(f"point{k}x{i}" for i in range(words))
    return base + filler + "."


def good_record(k: int) -> dict:
    return {"title": f"Call number {k} on {TOPICS[k % len(TOPICS)]}", "text": story(k),
            "url": f"https://example.org/readouts/{k}", "date": "2023-03-0%d" % (1 + k % 9)}


def write_good(folder: Path, n: int = 3, start: int = 0) -> Path:
    """A JSONL file of ``n`` good records in ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "good.jsonl"
    path.write_text("".join(json.dumps(good_record(k)) + "\n" for k in range(start, start + n)), encoding="utf-8")
    return path


def check_load(root: Path, n_good: int, bad: Path, lines=None):
    """Load ``root``: no exception, ``n_good`` rows of good records, rejects naming ``bad`` (and ``lines``)."""
    df = load_readouts(root, n_jobs=1)
    rej = df.attrs["rejects"]
    assert len(df) == n_good, (len(df), rej.to_dict("records"))
    assert len(df) + len(rej) == df.attrs["inputs"]
    assert all("point" in t for t in df["text"])
    mine = rej.loc[rej["path"].str.startswith(str(bad))]
    assert len(mine) >= 1, rej.to_dict("records")
    assert (mine["line"] >= 1).all()
    if lines is not None:
        assert sorted(mine["line"]) == sorted(lines), mine.to_dict("records")
    return df, rej


def alone_and_among(tmp_path: Path, make, n_good_in_bad: int = 0, lines=None):
    """``make(folder) -> bad path``: load the hostile file alone, then beside good files; raise mode names it."""
    alone = tmp_path / "alone"
    alone.mkdir()
    bad = make(alone)
    check_load(alone, n_good_in_bad, bad, lines)
    among = tmp_path / "among"
    write_good(among / "a", 3, start=100)
    (among / "b").mkdir()
    bad2 = make(among / "b")
    write_good(among / "c", 2, start=200)
    _, rej = check_load(among, n_good_in_bad + 5, bad2, lines)
    with pytest.raises(ReadoutError) as info:
        load_readouts(among, errors="raise", n_jobs=1)
    assert info.value.reject.path == rej["path"].iloc[0]
    assert rej["path"].iloc[0] in str(info.value)
    return rej


# ---------------------------------------------------------------- JSON Lines and .json
def jsonl_with(name: str, bad_line: str, at: int, n_good: int = 3):
    """``make(folder)``: a JSONL file of ``n_good`` good records with ``bad_line`` inserted at index ``at``."""
    def make(d):
        lines = [json.dumps(good_record(k)) for k in range(n_good)]
        lines.insert(at, bad_line)
        p = d / name
        p.write_text("\n".join(lines) + "\n")
        return p

    return make


def test_jsonl_nul_byte_costs_one_line(tmp_path):
    line = json.dumps(good_record(99))
    make = jsonl_with("nul.jsonl", line[:20] + "\x00" + line[20:], at=2, n_good=4)
    rej = alone_and_among(tmp_path, make, n_good_in_bad=4, lines=[3])
    assert rej["reason"].str.contains("invalid JSON").any()


def test_jsonl_control_character_line_costs_one_line(tmp_path):
    make = jsonl_with("ctrl.jsonl", "".join(chr(c) for c in range(1, 9)) * 50, at=1, n_good=4)
    alone_and_among(tmp_path, make, n_good_in_bad=4, lines=[2])


def test_binary_jsonl_is_one_reject(tmp_path):
    def make(d):
        p = d / "bin.jsonl"
        p.write_bytes(bytes(range(256)) * 20)
        return p

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert (rej["reason"] == "binary file").any()


def test_json_in_lines_form_with_bad_first_line(tmp_path):
    def make(d):
        p = d / "lines.json"
        p.write_text("{not json\n" + "".join(json.dumps(good_record(k)) + "\n" for k in range(6)))
        return p

    alone_and_among(tmp_path, make, n_good_in_bad=6, lines=[1])


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\x00\x01\x02binary\xff" * 10], ids=["empty", "blank", "binary"])
def test_empty_blank_binary_json_file(tmp_path, content):
    def make(d):
        p = d / "x.json"
        p.write_bytes(content)
        return p

    alone_and_among(tmp_path, make, lines=[1])


def test_deep_nesting_json(tmp_path):
    deep = "[" * 1000 + "]" * 1000

    deeper = '{"text": "deeper", "extra": ' + "[" * 100000 + "]" * 100000 + "}"
    lines = jsonl_with("deep.jsonl", '{"text": "deep", "extra": ' + deep + "}\n" + deeper, at=1)

    def make(d):
        (d / "deep.json").write_text('{"text": "x", "a": ' + deep + "}")
        return lines(d)

    rej = alone_and_among(tmp_path, make, n_good_in_bad=3, lines=[2, 3])
    assert rej["reason"].str.contains("nested deeper").all()
    assert rej["path"].str.endswith("deep.json").sum() == 1


@pytest.mark.parametrize("field", ["text", "url", "title", "site"])
def test_lone_surrogate(tmp_path, field):
    rec = good_record(7)
    rec[field] = rec.get(field, "x") + "\ud800"
    make = jsonl_with("sur.jsonl", json.dumps(rec), at=1)  # ensure_ascii writes the escape "\ud800"
    rej = alone_and_among(tmp_path, make, n_good_in_bad=3, lines=[2])
    assert rej["reason"].str.contains("surrogate").all()


@pytest.mark.parametrize("value", [5, ["x"], {"a": 1}, 2.5, True])
@pytest.mark.parametrize("field", ["site", "publisher"])
def test_non_string_site_or_publisher(tmp_path, field, value):
    d = tmp_path / "in"
    write_good(d, 2)
    rec = good_record(9)
    rec[field] = value
    (d / "odd.jsonl").write_text(json.dumps(rec) + "\n")
    df = load_readouts(d, n_jobs=1)
    rej = df.attrs["rejects"]
    assert len(df) + len(rej) == 3
    if isinstance(value, (list, dict)):
        assert len(df) == 2 and list(rej["line"]) == [1] and rej["path"].iloc[0].endswith("odd.jsonl")
    else:  # a number is taken as text
        assert len(df) == 3 and df["publisher"].notna().all()


def test_bad_url(tmp_path):
    make = jsonl_with("url.jsonl", json.dumps({"title": "Odd", "text": story(50), "url": "http://[x/"}), at=2)
    rej = alone_and_among(tmp_path, make, n_good_in_bad=3, lines=[3])
    assert rej["reason"].str.contains("invalid url").all()


def test_record_longer_than_limit_costs_that_record(tmp_path):
    make = jsonl_with("long.jsonl", json.dumps({"title": "Long", "text": story(60, words=5000)}), at=1)
    with limits(max_record_chars=20000):
        rej = alone_and_among(tmp_path, make, n_good_in_bad=3, lines=[2])
    assert rej["reason"].str.contains("max_record_chars").all()
    assert LIMITS.max_record_chars == 16 * 1024 * 1024  # restored


def test_file_larger_than_limit_is_a_reject(tmp_path):
    def make(d):
        p = d / "big.jsonl"
        p.write_text("".join(json.dumps(good_record(k)) + "\n" for k in range(300, 340)))
        return p

    with limits(max_file_bytes=4000):
        rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("file too large").all()


# ---------------------------------------------------------------- CSV
def csv_text(rows, header=("title", "text", "url")) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def test_csv_cell_longer_than_csv_default_limit(tmp_path):
    long_text = story(1, words=30000)  # about 300 KB, beyond csv's 128 KiB field limit
    assert len(long_text) > 131072

    d = tmp_path / "in"
    d.mkdir()
    rows = [(f"T{k}", story(k), f"https://e.org/{k}") for k in range(3)]
    rows.insert(1, ("Long one", long_text.replace("point", "point\n", 3), "https://e.org/long"))
    (d / "t.csv").write_text(csv_text(rows))
    df = load_readouts(d, n_jobs=1)
    assert len(df.attrs["rejects"]) == 0
    assert len(df) == 4
    assert df["text"].str.len().max() > 131072
    assert list(df["url"]) == ["https://e.org/0", "https://e.org/long", "https://e.org/1", "https://e.org/2"]


def test_csv_unterminated_quote_is_a_reject_naming_the_line(tmp_path):
    def make(d):
        good = csv_text([(f"T{k}", story(k), f"https://e.org/{k}") for k in range(2)])
        after = "".join(f'T{k},{story(k)},https://e.org/{k}\n' for k in range(2, 4))
        p = d / "q.csv"
        p.write_text(good + 'Broken,"an unterminated quoted cell,https://e.org/bad\n' + after)
        return p

    rej = alone_and_among(tmp_path, make, n_good_in_bad=4, lines=[4])
    assert rej["reason"].str.contains("unterminated quote").all()


def test_csv_unterminated_quote_on_last_line(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "q.csv").write_text(csv_text([("T0", story(0), "https://e.org/0")]) + 'B,"open cell')
    df = load_readouts(d, n_jobs=1)
    assert len(df) == 1 and list(df.attrs["rejects"]["line"]) == [3]


def test_csv_duplicate_header_is_an_explicit_reject(tmp_path):
    def make(d):
        p = d / "dup.csv"
        p.write_text(csv_text([("a", story(1), "b")], header=("title", "text", "text")))
        return p

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("duplicate column names").all()


def test_csv_nul_byte_does_not_cost_the_file(tmp_path):
    # a NUL inside a cell was "binary file" for the whole file; now it stays in its cell and
    # every row is read
    d = tmp_path / "in"
    d.mkdir()
    rows = [(f"T{k}", story(k), f"https://e.org/{k}") for k in range(3)]
    (d / "nul.csv").write_text(csv_text(rows).replace("T1,", "T1\x00,"))
    df = load_readouts(d, n_jobs=1)
    assert len(df) == 3 and len(df.attrs["rejects"]) == 0
    assert df["title"].tolist() == ["T0", "T1\x00", "T2"]


# ---------------------------------------------------------------- the folder walk
def test_dangling_symlink_and_symlink_loop(tmp_path):
    def make(d):
        (d / "dangling.txt").symlink_to(d / "nowhere.txt")
        (d / "loop1.txt").symlink_to(d / "loop2.txt")
        (d / "loop2.txt").symlink_to(d / "loop1.txt")
        return d / "dangling.txt"

    rej = alone_and_among(tmp_path, make, lines=[1])
    reasons = " ".join(rej["reason"])
    assert "dangling symlink" in reasons and "symlink loop" in reasons
    assert len(rej) == 3


def test_symlink_to_file_is_read_once(tmp_path):
    d = tmp_path / "in"
    good = write_good(d, 2)
    (d / "z_link.jsonl").symlink_to(good)
    df = load_readouts(d, n_jobs=1)
    assert len(df) == 2 and len(df.attrs["rejects"]) == 0


def test_symlinked_subfolder_is_a_reject_not_a_silent_skip(tmp_path):
    target = tmp_path / "elsewhere"
    write_good(target, 2, start=50)

    def make(d):
        (d / "linked").symlink_to(target, target_is_directory=True)
        return d / "linked"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("symlink to a folder").all()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_rejected_without_opening(tmp_path, monkeypatch):
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        assert not str(path).endswith("p.txt"), "the FIFO was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)

    def make(d):
        os.mkfifo(d / "p.txt")
        return d / "p.txt"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("FIFO").all()
    # named explicitly as a path: the same
    df = load_readouts(tmp_path / "alone" / "p.txt", n_jobs=1)
    assert len(df) == 0 and "FIFO" in df.attrs["rejects"]["reason"].iloc[0]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this platform")
def test_symlink_to_dev_zero(tmp_path):
    def make(d):
        (d / "zero.jsonl").symlink_to("/dev/zero")
        return d / "zero.jsonl"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("character device").all()


@pytest.mark.parametrize("how", ["deleted", "folder"])
def test_file_vanishing_between_listing_and_reading(tmp_path, monkeypatch, how):
    made: list = []
    real = corpus.iter_input_files

    def listing(*paths):
        for p in made:  # (re)write the file before each listing ...
            if p.is_dir():
                p.rmdir()
            p.write_text("A title\n\n" + story(3))
        items = list(real(*paths))
        for p in made:  # ... and take it away after it, before the reading
            p.unlink()
            if how == "folder":
                p.mkdir()
        return iter(items)

    monkeypatch.setattr(corpus, "iter_input_files", listing)

    def make(d):
        made.append(d / "gone.txt")
        return d / "gone.txt"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("not found" if how == "deleted" else "folder").all()


def test_unreadable_file(tmp_path, monkeypatch):
    # root reads a 0o000 file, so the refusal of the operating system is simulated
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)

    def make(d):
        p = d / "secret.txt"
        p.write_text("A title\n\n" + story(4))
        if os.geteuid() != 0:
            p.chmod(0)  # where the test does not run as root, the real refusal as well
        return p

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("permission denied").all()


def test_unreadable_folder(tmp_path, monkeypatch):
    # root lists a 0o000 folder, so the refusal of the operating system is simulated
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)

    def make(d):
        write_good(d / "locked", 2, start=70)
        return d / "locked"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("cannot list folder: permission denied").all()


# ---------------------------------------------------------------- YAML and HTML
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi")
) + "title: *i\n"


def test_yaml_alias_bomb_in_front_matter(tmp_path):
    def make(d):
        p = d / "bomb.md"
        p.write_text("---\n" + BOMB + "---\n\n" + story(5) + "\n")
        return p

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("aliases").all()


def test_yaml_alias_bomb_in_sidecar(tmp_path):
    def make(d):
        (d / "page.txt").write_text("A title\n\n" + story(6) + "\n")
        (d / "page.meta.yaml").write_text(BOMB)
        return d / "page.txt"

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("aliases").all()


def test_deeply_nested_html(tmp_path):
    n = 200_000

    def make(d):
        p = d / "deep.html"
        p.write_text("<html><body>" + "<div>" * n + "<p>" + story(8) + "</p>" + "</div>" * n + "</body></html>")
        return p

    rej = alone_and_among(tmp_path, make, lines=[1])
    assert rej["reason"].str.contains("nested deeper").all()


def test_deeply_nested_html_in_markdown(tmp_path):
    def make(d):
        p = d / "deep.md"
        p.write_text("---\ntitle: Deep\n---\n\n" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "\n")
        return p

    alone_and_among(tmp_path, make, lines=[1])


def test_html_at_usual_depth_still_loads(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.html").write_text("<html><body>" + "<div><span>" * 40 + "<p>" + story(9) + "</p>"
                               + "</span></div>" * 40 + "</body></html>")
    df = load_readouts(d, n_jobs=1)
    assert len(df) == 1 and len(df.attrs["rejects"]) == 0


def test_limits_are_checked():
    with pytest.raises(TypeError, match="unknown limit"):
        limits(max_files=3).__enter__()
    with pytest.raises(ValueError, match="positive integer"):
        limits(max_depth=0).__enter__()


def test_non_utf8_file_name_is_a_reject_or_row(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    d = tmp_path / "in"
    d.mkdir()
    name = os.fsdecode(b"caf\xe9.xyz")
    (d / name).write_text("x")
    write_good(d, 1)
    df = load_readouts(d, n_jobs=1)
    assert len(df) == 1 and len(df.attrs["rejects"]) == 1


@pytest.mark.parametrize("options", ['{"columns": ', '{"publisher": 5}', "[" * 100000 + "]" * 100000])
def test_bad_folder_options_file_is_a_clear_error(tmp_path, options):
    # a folder's .diplo_analysis.json is configuration, not input: a bad one is a ValueError that
    # names it (as for a bad ``columns`` argument), never a RecursionError or a hang
    write_good(tmp_path / "opts", 2, start=300)
    (tmp_path / "opts" / ".diplo_analysis.json").write_text(options)
    with pytest.raises(ValueError, match="diplo_analysis.json") as info:
        load_readouts(tmp_path, n_jobs=1)
    assert not isinstance(info.value, ReadoutError)


@pytest.mark.corpus
@pytest.mark.slow
def test_corpus_jsonl_exported_with_to_csv_loads_the_same_readouts(shared_corpus, tmp_path):
    # the Kremlin JSONL holds texts longer than csv's 128 KiB field limit: exported with
    # DataFrame.to_csv, it gave 2,704 junk rows and then a crash; now the same readouts
    import pandas as pd

    src = shared_corpus / "kremlin_en_news_1999_2020" / "kremlin_en_news.jsonl"
    raw = pd.read_json(src, lines=True)
    assert raw["text"].str.len().max() > 131072
    raw.to_csv(tmp_path / "kremlin.csv", index=False)
    from_csv = load_readouts(tmp_path / "kremlin.csv", n_jobs=1)
    assert len(from_csv.attrs["rejects"]) == 0
    assert from_csv["readout_id"].tolist() == load_readouts(src, n_jobs=1)["readout_id"].tolist()
