"""explain_metadata: the rule and evidence behind every fact, on invented records and on the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import load_readouts
from diplo_analysis.metadata import EXPLAINED_FACTS, STAGES, explain_metadata, extract_metadata
from diplo_analysis.records import Record

KREMLIN, KREMLIN_URL = "Office of the President of Russia (en.kremlin.ru)", "http://en.kremlin.ru/events/president/news/1"
WH, WH_URL = "The White House", "https://www.whitehouse.gov/briefing-room/statements-releases/x/"
FACTS = [f for f, _ in EXPLAINED_FACTS]


def record(title, text, publisher=KREMLIN, url=KREMLIN_URL, date="2019-05-01"):
    return Record(path="t", line=1, title=title, text=text, publisher=publisher, url=url, date=date)


def explained(rec) -> pd.DataFrame:
    ex = explain_metadata(rec)
    assert ex["fact"].tolist() == FACTS
    assert ex["rule"].map(lambda r: isinstance(r, str) and r != "").all()
    meta = extract_metadata(rec)
    for fact, value in zip(ex["fact"], ex["value"]):
        assert (pd.isna(value) and pd.isna(meta[fact])) if not isinstance(value, list) and pd.isna(value) \
            else value == meta[fact], fact
    return ex.set_index("fact")


@pytest.mark.parametrize("title, text, facts", [
    ("Telephone conversation with Olaf Scholz, Chancellor of Germany",
     "Gas supplies were on the agenda; the conversation took place at the initiative of the German side.",
     {"medium": "title_cue", "host": "presidency_head_of_state", "counterpart_countries": "participants",
      "initiator": "initiative_of", "status": "held"}),
    ("Meeting of the Security Council on the budget", "The President chaired a session on budget questions.",
     {"medium": "no_foreign_counterpart", "initiator": "not_a_call", "status": "no_conversation",
      "counterparts": "no_participants"}),
    ("On May 12, Putin will have talks in Sochi with the Finnish leader Sauli Niinisto", "The talks will cover trade.",
     {"medium": "title_future", "status": "title_future", "planned_date": "title_future"}),
    ("Putin and Xi Jinping laid flowers at a memorial in Sochi", "Both laid flowers together.",
     {"medium": "did_together"}),
])
def test_every_fact_names_its_rule(title, text, facts):
    ex = explained(record(title, text))
    for fact, rule in facts.items():
        assert ex.loc[fact, "rule"] == rule, (fact, ex.loc[fact].to_dict())


def test_overridden_rules_are_listed_and_evidence_quotes_the_words():
    ex = explained(record("Note of the Press Office on a Virtual Meeting of Joe Biden and Xi Jinping",
                          "On Monday, Joe Biden will meet virtually with the Chinese leader Xi Jinping.",
                          WH, WH_URL, "2021-11-12"))
    assert ex.loc["medium", "value"] == "other" and ex.loc["medium", "rule"] == "lead_future"
    assert "title_cue" in ex.loc["medium", "overridden"]
    assert ex.loc["medium", "evidence"] == "will meet"
    assert ex.loc["planned_date", "value"] == pd.Timestamp("2021-11-15")


def test_a_row_of_the_frame_is_read_again_from_its_file(sample_path):
    df = load_readouts(sample_path, n_jobs=1)
    ex = explain_metadata(df.iloc[0]).set_index("fact")
    assert ex.loc["medium", "rule"] == "title_cue" and ex.loc["medium", "value"] == "phone"
    assert ex.loc["date", "value"] == df.loc[0, "date"]  # the sidecar's year is seen again
    assert ex.loc["host", "value"] == df.loc[0, "host"]
    with pytest.raises(ValueError, match="one readout"):
        explain_metadata(df.iloc[0:0])
    with pytest.raises(TypeError, match="Record or a row"):
        explain_metadata("readout")


def test_stages_are_small_named_functions():
    assert len(STAGES) >= 10
    for stage in STAGES:
        assert stage.__doc__ and stage.__name__.startswith("_")


@pytest.mark.corpus
@pytest.mark.slow
def test_every_publisher_of_the_corpus_is_explained(corpus_readouts):
    df = corpus_readouts
    sample = df.groupby("publisher", sort=True, observed=True).head(2)
    assert sample["publisher"].nunique() >= 20
    for _, row in sample.iterrows():
        ex = explain_metadata(row).set_index("fact")
        assert ex["rule"].map(bool).all()
        for fact in ("medium", "host", "host_country", "initiator", "status"):
            value, want = ex.loc[fact, "value"], row[fact]
            assert (pd.isna(value) and pd.isna(want)) or value == want, (row["url"], fact, value, want)
        assert ex.loc["counterpart_countries", "value"] == list(row["counterpart_countries"])
        assert (pd.isna(ex.loc["date", "value"]) and pd.isna(row["date"])) or ex.loc["date", "value"] == row["date"]


# ------------------------------------------------------------------ the cue table
def test_every_cue_rows_example_gives_its_medium():
    from diplo_analysis import metadata as md

    assert len(md.CUES) >= 80
    for cue in md.CUES:
        assert md._first_cue(cue["example"])[0] == cue["expected"], cue


def test_the_prefilter_is_generated_from_the_rows():
    from diplo_analysis import metadata as md

    for medium, keys in (("video", md._KEYS_VIDEO), ("phone", md._KEYS_PHONE), ("other", md._KEYS_OTHER),
                         ("in_person", md._KEYS_INPERSON)):
        assert set(keys) == {k for c in md.CUES if c["medium"] == medium for k in c["keys"]}
    # the word lists and their lower-case twins come from one list each
    for words, full, low in ((md.VERB_ANCHOR_WORDS, md._VERB_ANCHOR, md._VERB_ANCHOR_LOW),
                             (md.CONVERSE_WORDS, md._CONVERSE, md._CONVERSE_LOW)):
        for w in words:
            sentence = f"they {w} the minister "
            assert full.search(sentence) and low.search(sentence.lower()), w


@pytest.mark.parametrize("row, message", [
    ({"medium": "telepathy", "pattern": "x", "keys": "x", "example": "x", "expected": ""}, "medium"),
    ({"medium": "phone", "pattern": "(", "keys": "x", "example": "x", "expected": ""}, "compile"),
    ({"medium": "phone", "pattern": r"\bring\b", "keys": "Ring", "example": "a ring", "expected": ""}, "keys"),
    ({"medium": "phone", "pattern": r"\bring\b", "keys": "ring", "example": "no match", "expected": ""}, "example"),
    ({"medium": "phone", "pattern": r"\bring\b", "keys": "bell", "example": "a ring", "expected": ""}, "none of the keys"),
])
def test_a_bad_cue_row_is_refused_naming_file_and_row(tmp_path, row, message):
    from diplo_analysis.metadata import CUE_COLUMNS, read_cues

    path = tmp_path / "cues.csv"
    path.write_text(",".join(CUE_COLUMNS) + "\n" + ",".join(row[c] for c in CUE_COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        read_cues(path)
    assert f"{path}:2" in str(err.value)


def test_the_reference_in_docs_is_generated_from_the_code_and_tables():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "metadata_reference.py"
    spec = importlib.util.spec_from_file_location("metadata_reference", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.DOC.read_text(encoding="utf-8")
    assert module.render(text) == text, "docs/metadata.md is stale: run python scripts/metadata_reference.py"
    for stage in ("_medium_from_cues", "_status_rule", "_initiator_rule"):
        assert f"`{stage}`" in text
