"""Conversations, not documents: diplo_analysis.conversations and the counts built on it.

Unit tests use invented readouts frames (a few rows built by hand); the tests
marked ``corpus`` check the issue's figures on the shared corpus.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diplo_analysis.conversation import CONVERSATION_COLUMNS, conversation_of, conversations, explain_conversation
from diplo_analysis.frequency import bursts, call_frequency, call_gaps, counterpart_ranking

LABELS = Path(__file__).parent / "labels"
ROE, DOE, POE = "Jane Roe", "John Doe", "Rita Poe"
_N = [0]


def readout(publisher, date, host, side, counterparts, countries, medium="phone", status=None, **kw):
    _N[0] += 1
    held = medium != "other"
    return {
        "readout_id": kw.pop("rid", f"{_N[0]:016x}"), "publisher": publisher, "path": "fixture", "line": 1,
        "url": None, "title": None, "text": kw.pop("text", ""),
        "date": pd.Timestamp(date) if date else pd.NaT, "date_inferred": kw.pop("inferred", False),
        "medium": medium, "host": host, "host_country": side,
        "counterparts": list(counterparts), "counterpart_countries": list(countries),
        "counterpart": counterparts[0] if counterparts else None,
        "counterpart_country": countries[0] if countries else None,
        "initiator": kw.pop("initiator", None),
        "status": status or ("held" if held else None),
        "planned_date": pd.Timestamp(kw.pop("planned")) if "planned" in kw else pd.NaT,
        "n_words": 0,
    }


def frame(*rows) -> pd.DataFrame:
    df = pd.DataFrame(list(rows))
    df["date"] = df["date"].astype("datetime64[ns]")
    df["planned_date"] = df["planned_date"].astype("datetime64[ns]")
    df["medium"] = pd.Categorical(df["medium"], categories=["phone", "video", "in_person", "other"])
    df["status"] = pd.Categorical(df["status"], categories=["held", "announced"])
    return df


def both_sides(date="2021-05-10", medium="phone", **kw):
    """One call of Roe (Ruritania, RUR) and Doe (Elbonia, ELB), told by each side."""
    return [readout("Ruritania Presidency", date, ROE, "RUR", [DOE], ["ELB"], medium, rid="a" * 16, **kw),
            readout("Elbonia MFA", date, DOE, "ELB", [ROE], ["RUR"], medium, rid="b" * 16)]


# ------------------------------------------------------------------ grouping
def test_both_sides_of_one_call_are_one_conversation():
    convs = conversations(frame(*both_sides()))
    assert list(convs.columns) == CONVERSATION_COLUMNS
    assert len(convs) == 1
    c = convs.iloc[0]
    assert c["readout_ids"] == ["a" * 16, "b" * 16] and c["n_readouts"] == 2
    assert c["sides"] == ["ELB", "RUR"] and c["countries"] == ["ELB", "RUR"]
    assert sorted(c["participants"]) == sorted([DOE, ROE])
    assert c["status"] == "held" and c["medium"] == "phone"
    assert c["date"] == pd.Timestamp("2021-05-10")


def test_mirrors_join_their_sides_conversation():
    rows = both_sides() + [readout("Elbonia Embassy in Ruritania", "2021-05-10", DOE, "ELB", [ROE], ["RUR"])]
    convs = conversations(frame(*rows))
    assert len(convs) == 1 and convs.iloc[0]["n_readouts"] == 3


def test_one_sides_documents_of_one_day_merge_only_with_the_same_medium():
    # a statement on "the call" and the readout of that call are one; a video meeting of a council
    # with the same leader on the day of a phone call is another conversation (as in the corpus)
    rows = [readout("Ruritania Presidency", "2021-05-10", ROE, "RUR", [DOE], ["ELB"], "phone"),
            readout("Ruritania Presidency", "2021-05-10", ROE, "RUR", [DOE], ["ELB"], "phone"),
            readout("Ruritania Presidency", "2021-05-10", ROE, "RUR", [DOE], ["ELB"], "video")]
    convs = conversations(frame(*rows))
    assert sorted(zip(convs["medium"], convs["n_readouts"])) == [("phone", 2), ("video", 1)]


def test_different_calls_stay_apart():
    rows = both_sides() + [readout("Ruritania Presidency", "2021-05-20", ROE, "RUR", [DOE], ["ELB"]),
                           readout("Ruritania Presidency", "2021-05-10", ROE, "RUR", [POE], ["OCE"])]
    convs = conversations(frame(*rows))
    assert len(convs) == 3
    assert convs["date"].is_monotonic_increasing


def test_a_late_inferred_date_joins_but_a_stated_one_does_not():
    late = readout("Elbonia State Media", "2021-05-12", DOE, "ELB", [ROE], ["RUR"], inferred=True)
    rows = both_sides()[:1] + [late]
    convs = conversations(frame(*rows))
    assert len(convs) == 1
    assert convs.iloc[0]["date"] == pd.Timestamp("2021-05-10")  # the stated date, not the inferred one
    stated = dict(late, date_inferred=False)
    assert len(conversations(frame(both_sides()[0], stated))) == 2
    assert len(conversations(frame(both_sides()[0], late), inferred_days=1)) == 2


def test_three_way_call_told_by_three_sides_is_one_conversation():
    rows = [
        readout("Ruritania Presidency", "2020-04-10", ROE, "RUR", [DOE, POE], ["ELB", "OCE"]),
        readout("Elbonia MFA", "2020-04-10", DOE, "ELB", [ROE, POE], ["RUR", "OCE"]),
        readout("Oceania Court", "2020-04-10", POE, "OCE", [ROE, DOE], ["RUR", "ELB"]),
    ]
    convs = conversations(frame(*rows))
    assert len(convs) == 1 and convs.iloc[0]["sides"] == ["ELB", "OCE", "RUR"]


def test_medium_precedence_and_initiator_claims():
    rows = both_sides(medium="video")
    rows[1]["medium"] = "phone"
    rows[0]["initiator"] = "counterpart"  # Ruritania says Doe called
    rows[1]["initiator"] = "host"  # Elbonia agrees: Doe called
    c = conversations(frame(*rows)).iloc[0]
    assert c["medium"] == "video"
    assert c["initiator_claims"] == {"ELB": DOE, "RUR": DOE} and c["initiator"] == DOE
    rows[1]["initiator"] = "counterpart"  # Elbonia says Roe called: disputed
    c = conversations(frame(*rows)).iloc[0]
    assert c["initiator_claims"] == {"ELB": ROE, "RUR": DOE} and c["initiator"] is None


# ------------------------------------------------------------------ announcements
def announcement(date, planned=None, **kw):
    extra = {"planned": planned} if planned else {}
    return readout("Ruritania Presidency", date, ROE, "RUR", [DOE], ["ELB"], "other", status="announced",
                   rid=kw.pop("rid", "c" * 16), **extra, **kw)


def test_an_announcement_joins_the_conversation_it_announces():
    rows = both_sides("2021-05-10") + [announcement("2021-05-07", planned="2021-05-10")]
    convs = conversations(frame(*rows))
    assert len(convs) == 1
    c = convs.iloc[0]
    assert c["announcement_ids"] == ["c" * 16] and "c" * 16 in c["readout_ids"] and c["n_readouts"] == 3
    assert c["sides"] == ["ELB", "RUR"]
    # without a planned day: the first conversation of the participants within announce_days
    rows[-1] = announcement("2021-05-07")
    assert len(conversations(frame(*rows))) == 1
    too_late = conversations(frame(*rows), announce_days=2)
    assert too_late.iloc[0]["announcement_ids"] == []
    assert too_late.attrs["announcements"]["conversation_id"].isna().all()


def test_an_announcement_alone_is_kept_but_never_counted():
    rows = both_sides("2021-05-10") + [announcement("2021-06-01", planned="2021-06-03")]
    held = conversations(frame(*rows))
    assert len(held) == 1 and (held["status"] == "held").all()
    anns = held.attrs["announcements"]
    assert anns["readout_id"].tolist() == ["c" * 16] and anns["conversation_id"].isna().all()
    convs = conversations(frame(*rows), announced=True)
    alone = convs.loc[convs["status"] == "announced"]
    assert len(alone) == 1 and alone.iloc[0]["date"] == pd.Timestamp("2021-06-03")
    assert pd.isna(alone.iloc[0]["medium"]) and alone.iloc[0]["sides"] == []
    df = frame(*rows)
    freq = call_frequency(df, freq="MS", media=("phone", "video", "in_person", "other"))
    assert freq.loc["2021-06-01"].fillna(0).sum() == 0
    assert call_frequency(df, freq="MS", media=("phone", "video", "in_person", "other"),
                          unit="readouts").loc["2021-06-01"].fillna(0).sum() == 0


# ------------------------------------------------------------------ counting
def test_call_frequency_counts_a_conversation_once_per_group():
    rows = both_sides() + [readout("Elbonia Embassy", "2021-05-10", DOE, "ELB", [ROE], ["RUR"])]
    df = frame(*rows)
    by_conv = call_frequency(df, by="counterpart_countries")
    by_doc = call_frequency(df, by="counterpart_countries", unit="readouts")
    assert by_conv.loc["2021-01-01", "RUR"] == 1 and by_doc.loc["2021-01-01", "RUR"] == 2
    assert by_conv.loc["2021-01-01", "ELB"] == 1
    assert by_conv.attrs["unit"] == "conversations" and by_doc.attrs["unit"] == "readouts"
    with pytest.raises(ValueError, match="unit"):
        call_frequency(df, unit="documents")


def test_a_three_way_call_counts_for_each_country_by_default():
    rows = [readout("Ruritania Presidency", "2020-04-10", ROE, "RUR", [DOE, POE], ["ELB", "OCE"]),
            readout("Ruritania Presidency", "2020-05-10", ROE, "RUR", [POE], ["OCE"])]
    freq = call_frequency(frame(*rows), host=ROE)
    assert freq.loc["2020-01-01", "OCE"] == 2 and freq.loc["2020-01-01", "ELB"] == 1
    first_only = call_frequency(frame(*rows), host=ROE, by="counterpart_country")
    assert first_only.loc["2020-01-01", "OCE"] == 1


def test_coverage_of_the_hosts_side_decides_nan_whoever_the_counterpart():
    rows = [readout("Ruritania Presidency", "2020-04-10", ROE, "RUR", [DOE], ["ELB"]),
            readout("Ruritania Presidency", "2022-04-10", ROE, "RUR", [POE], ["OCE"]),
            # another side's document in 2021 and 2023: the host's side published nothing then
            readout("Elbonia MFA", "2021-04-10", DOE, "ELB", [POE], ["OCE"]),
            readout("Elbonia MFA", "2023-04-10", DOE, "ELB", [POE], ["OCE"])]
    freq = call_frequency(frame(*rows), host=ROE)
    assert list(freq.index.year) == [2020, 2021, 2022, 2023]
    assert freq.loc["2021-01-01"].isna().all() and freq.loc["2023-01-01"].isna().all()
    assert freq.loc["2020-01-01", "OCE"] == 0 and freq.loc["2022-01-01", "ELB"] == 0
    # without host: Elbonia's calls with Oceania are known in 2021 and 2023 (Elbonia published)
    everyone = call_frequency(frame(*rows))
    assert everyone.loc["2021-01-01", "OCE"] == 1 and everyone.loc["2023-01-01", "OCE"] == 1


def test_gaps_bursts_and_ranking_count_conversations():
    rows = both_sides("2021-05-10") + both_sides("2021-05-20")
    rows[2]["readout_id"], rows[3]["readout_id"] = "d" * 16, "e" * 16
    df = frame(*rows)
    gaps = call_gaps(df)
    assert len(gaps) == 2 and gaps["gap_days"].iloc[1] == 10
    assert len(call_gaps(df, unit="readouts")) == 4
    b = bursts(df, window_days=30)
    assert len(b) == 1 and b.iloc[0]["n_calls"] == 2
    ranking = counterpart_ranking(df)
    assert ranking.set_index("counterpart_countries").loc["ELB", "calls"] == 2


# ------------------------------------------------------------------ explanation and input
def test_conversation_of_and_explain():
    rows = both_sides() + [readout("Ruritania Presidency", "2021-05-20", ROE, "RUR", [DOE], ["ELB"], rid="f" * 16)]
    df = frame(*rows)
    ids = conversation_of(df)
    assert ids.iloc[0] == ids.iloc[1] != ids.iloc[2]
    ex = explain_conversation(df, "a" * 16, "b" * 16)
    assert list(ex.columns) == ["check", "holds", "detail"]
    assert ex.set_index("check").loc["conversation", "holds"]
    apart = explain_conversation(df, "b" * 16, "f" * 16).set_index("check")
    assert not apart.loc["conversation", "holds"] and not apart.loc["pair_rules", "holds"]
    assert "apart" in apart.loc["pair_rules", "detail"]
    same_side = explain_conversation(df, "a" * 16, "f" * 16).set_index("check")
    assert not same_side.loc["same_side_copy", "holds"]


def test_bad_input_is_refused_and_empty_input_gives_empty_frame():
    with pytest.raises(ValueError, match="lacks column"):
        conversations(pd.DataFrame({"readout_id": ["x"]}))
    with pytest.raises(ValueError, match="inferred_days"):
        conversations(frame(*both_sides()), inferred_days=-1)
    empty = conversations(frame(readout("Ruritania Presidency", "2021-05-10", ROE, "RUR", [], [], "other")))
    assert empty.empty and list(empty.columns) == CONVERSATION_COLUMNS


def test_order_of_rows_does_not_change_the_result():
    rows = both_sides() + [announcement("2021-05-07", planned="2021-05-10"),
                           readout("Elbonia Embassy", "2021-05-11", DOE, "ELB", [ROE], ["RUR"])]
    a = conversations(frame(*rows))
    b = conversations(frame(*reversed(rows)))
    pd.testing.assert_frame_equal(a, b)


# ------------------------------------------------------------------ the corpus
def _by_participants(convs, *names):
    return convs.loc[convs["participants"].map(lambda ps: all(any(n in str(p) for p in ps) for n in names))]


@pytest.fixture(scope="module")
def corpus_conversations(corpus_readouts):
    return conversations(corpus_readouts)


@pytest.mark.corpus
def test_biden_and_xi_had_nine_conversations_2021_2024(corpus_conversations):
    bx = _by_participants(corpus_conversations, "Biden", "Xi Jinping")
    bx = bx.loc[bx["date"].dt.year.between(2021, 2024) & (bx["status"] == "held")]
    assert len(bx) == 9, bx[["date", "medium", "readout_ids"]]
    assert (bx["medium"] != "in_person").sum() == 6 and (bx["medium"] == "in_person").sum() == 3


@pytest.mark.corpus
def test_known_two_sided_pairs_are_one_conversation(corpus_readouts, corpus_conversations):
    from diplo_analysis.pairs import lookup_ids

    ids = conversation_of(corpus_readouts, corpus_conversations)
    by_id = dict(zip(corpus_readouts["readout_id"], ids))
    with open(LABELS / "pairs_known.csv", newline="", encoding="utf-8") as fh:
        known = list(csv.DictReader(fh))
    assert len(known) >= 5
    for row in known:
        a = {by_id[x] for x in lookup_ids(corpus_readouts, row["ref_a"])}
        b = {by_id[x] for x in lookup_ids(corpus_readouts, row["ref_b"])}
        assert a and a == b and not any(pd.isna(x) for x in a), row["note"]


@pytest.mark.corpus
def test_white_house_announcements_never_stand_alone(corpus_readouts, corpus_conversations):
    wh = corpus_readouts["publisher"].astype(str).str.contains("White House|bidenwhitehouse")
    ann = corpus_readouts.loc[wh & (corpus_readouts["status"] == "announced")]
    assert len(ann) >= 10
    assert (ann["medium"] == "other").all() and ann["planned_date"].notna().all()
    assert (corpus_conversations["status"] == "held").all()  # no announcement is a conversation of its own
    linked = conversation_of(ann, corpus_conversations).dropna()
    # the White House file holds the readouts of most of the conversations announced
    assert len(linked) >= 8
    assert (corpus_conversations.set_index("conversation_id").loc[linked, "n_readouts"] >= 2).all()


@pytest.mark.corpus
def test_putin_called_saudi_arabia_five_times_in_2020(corpus_readouts):
    freq = call_frequency(corpus_readouts, host="Vladimir Putin")
    assert freq.loc["2020-01-01", "SAU"] == 5
    # the Kremlin files stop in 2022: later years are unknown, whoever the counterpart
    later = freq.loc["2023-01-01":]
    assert len(later) and later.isna().all().all()
    assert not np.isnan(freq.loc["2020-01-01", "UKR"])
