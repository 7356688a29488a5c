"""Topic-keyword clusters on invented short readouts in three obvious themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from diplo_analysis.topics import (capitalised_terms, compare_topic_counts, foreign_contacts, stop_words,
                                   topic_clusters)

# Invented texts, written for these tests.  Each theme repeats a leader's name
# mid-sentence (a name the filter must drop) and the genre's boilerplate.
ENERGY = [
    "Mr Putin and Mr Halvorsen discussed gas supplies and the new pipeline. The readout said Halvorsen praised the gas contract.",
    "The leaders reviewed oil output, gas prices and pipeline construction. Halvorsen thanked the Kremlin for 2 gas deliveries.",
    "Talks focused on the gas pipeline, oil exports and energy security. Mr Halvorsen proposed a joint oil refinery.",
    "They discussed liquefied gas terminals, oil prices and the pipeline route. The White House noted that Halvorsen agreed.",
    "Energy cooperation: gas transit, pipeline capacity and oil production quotas. Halvorsen and Mr Putin signed 3 contracts.",
    "A readout of the call: gas storage, oil tankers and the pipeline. Halvorsen asked about energy prices for the winter.",
    "The sides considered oil drilling, a gas field and pipeline investment. Mrs Halvorsen attended; energy ministers joined.",
    "On 12 May they talked about the gas pipeline, oil refinery and energy exports. Halvorsen welcomed 40 billion in gas sales.",
    "Gas supply contracts, oil shipments and pipeline repairs were the focus. Halvorsen said energy trade would grow.",
    "The presidents spoke of oil markets, gas reserves, pipeline tariffs. Dr Halvorsen briefed them on energy efficiency.",
]
MILITARY = [
    "Mr Putin and General Okonkwo discussed troops, the navy and joint military exercises. Okonkwo inspected the army base.",
    "The call covered army reform, navy ships and troops on the border. Okonkwo said the military drills went well.",
    "They reviewed military exercises, air defence and army training. The readout notes Okonkwo praised the navy.",
    "Talks on troops withdrawal, navy patrols and military cooperation. Mr Okonkwo proposed more army exercises.",
    "The defence ministers joined to discuss military aircraft, troops and navy bases. Okonkwo thanked the White House.",
    "Army logistics, troops rotation and navy exercises were discussed. General Okonkwo visited 5 military units.",
    "Joint military drills, air defence and army equipment topped the agenda. Okonkwo and the navy chief attended.",
    "They talked about troops readiness, army pay and navy shipbuilding. Okonkwo said military exercises start in June.",
    "Military exercises, troops deployment and navy missions were reviewed. Jr officers from Okonkwo's army took part.",
    "The commanders discussed army reserves, military bases and navy drills. Okonkwo reported on troops training.",
]
CULTURE = [
    "Mr Putin and Mrs Lindqvist opened a theatre festival and a museum exhibition. Lindqvist praised the orchestra.",
    "The call was about the museum loan, theatre tours and a film festival. Lindqvist invited artists to the festival.",
    "They discussed a ballet tour, theatre exchanges and museum restoration. The readout says Lindqvist loved the opera.",
    "Talks on a film festival, museum collections and theatre schools. Mrs Lindqvist proposed a joint exhibition.",
    "Culture ministers joined to discuss the opera season, museum curators and theatre prizes. Lindqvist thanked the Kremlin.",
    "The theatre festival, ballet dancers and museum archives were discussed. Lindqvist awarded 7 artists a prize.",
    "A museum exhibition, film screenings and theatre premieres topped the agenda. Lindqvist and the orchestra attended.",
    "They talked about theatre tickets, museum visitors and the film festival. Lindqvist said the exhibition opens in June.",
    "Opera houses, theatre troupes and museum exhibitions were reviewed. Lindqvist met the artists of the ballet.",
    "The ministers discussed museum funding, theatre festival plans and film archives. Lindqvist praised the exhibition.",
]
THEMES = ["energy"] * 10 + ["military"] * 10 + ["culture"] * 10


def readouts():
    texts = ENERGY + MILITARY + CULTURE
    dates = pd.to_datetime([f"{2018 + (i % 3) * 2}-0{1 + i % 9}-15" for i in range(len(texts))])  # 2018, 2020, 2022
    return pd.DataFrame({"title": [None] * len(texts), "text": texts, "date": dates},
                        index=pd.RangeIndex(100, 100 + len(texts)))


def test_three_themes_separate():
    df = readouts()
    model = topic_clusters(df, n_topics=3, random_state=0)
    assert model.assignments.index.equals(df.index)
    assert normalized_mutual_info_score(THEMES, model.assignments["topic"]) > 0.95
    kw = model.top_keywords(5)
    theme_of = {t: {"gas", "oil", "pipeline"} & set(k) and "energy" or {"troops", "army", "navy"} & set(k)
                and "military" or {"theatre", "museum", "festival"} & set(k) and "culture" for t, k in kw.items()}
    assert sorted(theme_of.values()) == ["culture", "energy", "military"]
    assert model.assignments["topic_weight"].between(0, 1).all()
    assert model.assignments["topic_label"].str.count(" / ").eq(2).all()
    assert hasattr(model, "vectorizer_") and model.model_.n_components_ == 3
    assert repr(model).startswith("TopicModel(n_topics=3, documents=30, assigned=30")


def test_deterministic_with_random_state():
    a = topic_clusters(readouts(), n_topics=3, random_state=0)
    b = topic_clusters(readouts(), n_topics=3, random_state=0)
    pd.testing.assert_frame_equal(a.assignments, b.assignments)
    pd.testing.assert_frame_equal(a.keywords, b.keywords)
    np.testing.assert_array_equal(a.doc_topic, b.doc_topic)


def test_keywords_are_words_people_recognise():
    model = topic_clusters(readouts(), n_topics=3, random_state=0, n_keywords=25)
    words = set(" ".join(model.keywords["keyword"]).split())
    banned = {"mr", "mrs", "dr", "jr", "kremlin", "white", "readout", "the", "and", "said", "halvorsen",
              "okonkwo", "lindqvist", "putin"}
    assert not words & banned, words & banned
    assert not any(ch.isdigit() for w in words for ch in w)
    assert not words & stop_words()
    assert model.keywords.groupby("topic")["rank"].apply(lambda r: list(r) == list(range(1, len(r) + 1))).all()


def test_name_filter_is_what_removes_names():
    kept = topic_clusters(readouts(), n_topics=3, random_state=0, n_keywords=30, name_threshold=None)
    assert {"halvorsen", "okonkwo", "lindqvist"} & set(kept.keywords["keyword"])
    names = capitalised_terms(ENERGY + MILITARY + CULTURE)
    assert {"halvorsen", "okonkwo", "lindqvist"} <= names
    assert not {"gas", "army", "museum", "festival"} & names
    # a sentence's first word is not taken for a name
    assert "energy" not in names


def test_prevalence_sums_to_one_and_marks_gaps():
    df = readouts()
    model = topic_clusters(df, n_topics=3, random_state=0)
    prev = model.prevalence("YS")
    assert list(prev.index.year) == [2018, 2019, 2020, 2021, 2022]
    covered = prev.dropna()
    np.testing.assert_allclose(covered.sum(axis=1), 1.0)
    assert prev.loc["2019-01-01"].isna().all() and prev.loc["2021-01-01"].isna().all()
    assert prev.attrs["n_documents"].tolist() == [10, 0, 10, 0, 10]
    weight = model.prevalence("YS", how="weight").dropna()
    np.testing.assert_allclose(weight.sum(axis=1), 1.0)
    with pytest.raises(ValueError, match="how"):
        model.prevalence(how="median")


def test_empty_text_gets_no_topic_and_bad_input():
    df = readouts()
    df.loc[105, "text"] = ""
    model = topic_clusters(df, n_topics=3, random_state=0)
    assert model.assignments.loc[105, "topic"] == -1
    assert np.isnan(model.assignments.loc[105, "topic_weight"])
    with pytest.raises(KeyError, match="text"):
        topic_clusters(df.drop(columns="text"), n_topics=3)
    with pytest.raises(ValueError, match="n_topics"):
        topic_clusters(df, n_topics=1)


def test_compare_topic_counts_prefers_the_true_number():
    table = compare_topic_counts(readouts(), n_topics=(6, 2, 3), seeds=(0, 1, 2))
    assert table["n_topics"].tolist() == [2, 3, 6]
    assert table[["stability_cosine", "stability_jaccard"]].apply(lambda s: s.between(0, 1.0 + 1e-9).all()).all()
    stability = table.set_index("n_topics")["stability_cosine"]
    assert stability.idxmax() == 3  # three themes: three topics are the most stable under resampling
    assert (table["coherence_umass"] <= 0).all()
    # without resampling, NNDSVD initialisation makes every seed agree
    same = compare_topic_counts(readouts(), n_topics=(3,), seeds=(0, 1), subsample=1.0)
    assert same.loc[0, "stability_cosine"] > 0.999
    with pytest.raises(ValueError, match="two seeds"):
        compare_topic_counts(readouts(), n_topics=(3,), seeds=(0,))
    with pytest.raises(TypeError, match="unknown"):
        compare_topic_counts(readouts(), n_topics=(3,), n_topic=3)


@pytest.mark.corpus
def test_name_filter_on_the_kremlin_corpus(shared_corpus):
    path = shared_corpus / "kremlin_en_news_1999_2020" / "kremlin_en_news.jsonl"
    texts = pd.read_json(path, lines=True, dtype={"date": str})["text"].head(3000)
    names = capitalised_terms(texts)
    assert {"merkel", "kazakhstan", "russian", "nazarbayev"} <= names
    assert not {"brics", "cis", "cooperation", "gas", "army", "theatre", "telephone"} & names


@pytest.mark.corpus
@pytest.mark.slow
def test_no_page_furniture_among_the_topic_keywords_of_the_corpus(corpus_readouts):
    from _furniture import FURNITURE_WORDS

    # the fit of notebook 04: the readouts of conversations, 15 topics
    conversations = corpus_readouts.loc[corpus_readouts["medium"].isin(["phone", "video", "in_person"])]
    model = topic_clusters(conversations, n_topics=15, random_state=0)
    keywords = {t: set(k) for t, k in model.top_keywords(10).items()}
    assert len(keywords) == 15
    found = {t: sorted(k & FURNITURE_WORDS) for t, k in keywords.items() if k & FURNITURE_WORDS}
    assert not found, found


# Invented readouts of contacts with foreign sides, in three genres whose words
# differ (calls, visits, condolence messages): fitted with the domestic themes
# they would take topics of their own; the Kremlin files them all under one theme.
FOREIGN = [
    ("Telephone conversation with President of Norway", "The two leaders spoke by telephone and discussed the agenda. The conversation was held at the initiative of the other side."),
    ("Telephone conversation with Prime Minister of Japan", "A telephone conversation took place; the leaders discussed the agenda and agreed to keep in contact by telephone."),
    ("Telephone conversation with President of Brazil", "The presidents spoke by telephone, discussed the agenda of the conversation and agreed to continue contacts."),
    ("Telephone conversation with Chancellor of Austria", "During the telephone conversation the leaders discussed the agenda and agreed on further telephone contacts."),
    ("Telephone conversation with President of Chile", "The conversation by telephone covered the agenda; the leaders agreed to keep in contact."),
    ("Russian-Argentine talks", "The official visit began with talks in the residence; the delegations signed documents and held a press conference after the visit."),
    ("Talks with President of Indonesia", "Talks during the state visit ended with documents signed by the delegations and a press conference."),
    ("Visit to Egypt", "During the official visit the delegations held talks, signed documents and gave a press conference."),
    ("Russian-Mongolian talks", "The state visit included talks between the delegations, documents signed and a joint press conference."),
    ("Talks with Prime Minister of Vietnam", "The delegations held talks during the official visit and signed documents before the press conference."),
    ("Condolences to President of Peru", "A message of condolences was sent over the victims of the earthquake; sympathy and support to the families of the victims."),
    ("Condolences to King of Morocco", "The message of condolences expressed sympathy to the families of the victims and wished the injured a recovery."),
    ("Condolences to Prime Minister of Nepal", "Condolences over the victims of the floods: the message conveyed sympathy to the families and wished recovery to the injured."),
    ("Condolences to President of Kenya", "The message offered condolences and sympathy to the families of the victims of the attack and recovery to the injured."),
    ("Condolences to SCO partners", "A message of condolences and sympathy to the families of the victims and recovery to the injured was sent."),
]


def mixed_feed():
    """Domestic themes (no title names a foreign side) and foreign contacts: a general news feed."""
    dom = readouts().assign(title=["Energy meeting"] * 10 + ["Meeting on the army"] * 10 + ["Culture event"] * 10)
    fo = pd.DataFrame({"title": [t for t, _ in FOREIGN], "text": [x for _, x in FOREIGN],
                       "date": pd.to_datetime(["2020-03-01"] * len(FOREIGN))},
                      index=pd.RangeIndex(200, 200 + len(FOREIGN)))
    return pd.concat([dom, fo]), THEMES + ["foreign"] * len(FOREIGN)


def test_foreign_contacts_reads_titles():
    df = pd.DataFrame({"title": ["Telephone conversation with President of France", "Russian-Chinese consultations on grain",
                                 "Meeting with Governor of Tula Region", "CIS summit", "Greetings to Russian athletes",
                                 None, "Meeting on the budget"],
                       "text": ["Vladimir Putin spoke with the President of France.", "Talks in Moscow.",
                                "The Russian governor reported.", "Leaders met.", "Greetings to Russian athletes.", "", "x"]})
    # Russia, named most often, is the publisher's own country; a bare CIS is a multilateral format
    assert foreign_contacts(df).tolist() == [True, True, False, True, False, False, False]
    # with host_country, each row is judged against its own host
    wh = pd.DataFrame({"title": ["Readout of a call with the Prime Minister of Japan", "Statement on the United States economy"],
                       "host_country": ["USA", "USA"]})
    assert foreign_contacts(wh).tolist() == [True, False]
    with pytest.raises(KeyError, match="title"):
        foreign_contacts(df.drop(columns="title"))


def test_foreign_contacts_get_their_own_topics_in_a_general_feed():
    df, truth = mixed_feed()
    two = topic_clusters(df, n_topics=4, random_state=0)  # auto: 15 of 45 name a foreign side -> 1 topic
    assert two.foreign_ is not None and two.foreign_.sum() == len(FOREIGN)
    topics = two.assignments["topic"]
    assert (topics.loc[200:] == 0).all()  # every foreign contact in the first topic
    assert (topics.loc[:199] != 0).all()
    assert normalized_mutual_info_score(truth, topics) > 0.95
    assert two.n_topics == 4 and two.model_.components_.shape[0] == 4 and two.doc_topic.shape == (45, 4)
    np.testing.assert_allclose(two.doc_topic.sum(axis=1), 1.0)
    again = topic_clusters(df, n_topics=4, random_state=0)
    pd.testing.assert_frame_equal(two.assignments, again.assignments)
    # a single fit splits the foreign contacts by genre instead
    one = topic_clusters(df, n_topics=4, random_state=0, foreign_topics=None)
    assert one.foreign_ is None
    assert one.assignments["topic"].loc[200:].nunique() > 1
    assert normalized_mutual_info_score(truth, one.assignments["topic"]) < normalized_mutual_info_score(truth, topics)


def test_foreign_split_only_where_foreign_contacts_are_a_minority():
    df, _ = mixed_feed()
    # a corpus of contacts (as the readouts of calls are): auto makes a single fit
    only = df.loc[200:]
    mostly = pd.concat([only, df.loc[100:102]])  # 15 of 18 name a foreign side
    assert topic_clusters(mostly, n_topics=3, random_state=0).foreign_ is None
    assert topic_clusters(mostly, n_topics=3, random_state=0, foreign_topics=1).foreign_ is not None
    # an explicit number forces the split, and bad values are named
    forced = topic_clusters(df, n_topics=5, random_state=0, foreign_topics=2)
    assert set(forced.assignments["topic"].loc[200:]) <= {0, 1}
    with pytest.raises(ValueError, match="foreign_topics"):
        topic_clusters(df, n_topics=4, foreign_topics=4)
    with pytest.raises(ValueError, match="foreign_topics"):
        topic_clusters(df, n_topics=4, foreign_topics="some")
    with pytest.raises(ValueError, match="too few"):
        topic_clusters(only, n_topics=4, foreign_topics=1)
    # without titles there is nothing to judge by: auto fits once, a number is an error
    assert topic_clusters(df.drop(columns="title"), n_topics=4, random_state=0, fields=("text",)).foreign_ is None
    with pytest.raises(KeyError, match="title"):
        topic_clusters(df.drop(columns="title"), n_topics=4, fields=("text",), foreign_topics=1)


@pytest.mark.corpus
def test_auto_split_applies_to_the_kremlin_feed_not_to_readouts_of_calls(shared_corpus):
    from diplo_analysis.topics import FOREIGN_SHARE_RANGE

    lo, hi = FOREIGN_SHARE_RANGE
    kremlin = pd.read_json(shared_corpus / "kremlin_en_news_1999_2020" / "kremlin_en_news.jsonl",
                           lines=True, dtype=False)[["title", "text"]]
    share = foreign_contacts(kremlin).mean()
    assert lo <= share <= hi and 0.38 < share < 0.48  # calls, talks, messages to foreign leaders, summits
    flagged = kremlin.loc[foreign_contacts(kremlin), "title"].str.contains("Governor").mean()
    assert flagged < 0.01  # governors and regions stay domestic
    wh = pd.read_json(shared_corpus / "whitehouse_readouts_2021_2025" / "whitehouse_readouts.jsonl",
                      lines=True, dtype=False)[["title", "text"]]
    assert foreign_contacts(wh).mean() > hi  # a corpus of contacts: auto makes a single fit


# --------------------------------------------------------------------------- issue 14: the API around a fit
def _fitted():
    df = readouts()
    df["url"] = [f"https://example.org/{i}" for i in range(len(df))]
    df["publisher"] = "Example Office"
    return df, topic_clusters(df, n_topics=3, random_state=0)


def test_representative_documents_are_the_topics_strongest_readouts():
    df, model = _fitted()
    topic = int(model.assignments.loc[100, "topic"])  # an energy readout
    reps = model.representative_documents(topic, n=4)
    assert list(reps.columns) == ["title", "date", "publisher", "url", "weight"]
    assert len(reps) == 4
    assert set(reps.index) <= set(range(100, 110))  # all energy readouts
    assert reps["weight"].is_monotonic_decreasing
    assert reps["weight"].iloc[0] == pytest.approx(model.doc_topic[:, topic].max())
    assert reps["url"].iloc[0] == df.loc[reps.index[0], "url"]
    with pytest.raises(KeyError, match="no topic 7"):
        model.representative_documents(7)


def test_label_topics_renames_in_assignments_and_prevalence():
    _, model = _fitted()
    topic = int(model.assignments.loc[110, "topic"])  # a military readout
    other = int(model.assignments.loc[100, "topic"])
    old_other = model.labels[other]
    assert model.label_topics({topic: "Armed forces"}) is model
    assert model.labels[topic] == "Armed forces"
    assert (model.assignments.loc[110:119, "topic_label"] == "Armed forces").all()
    assert model.labels[other] == old_other
    assert model.prevalence("YS").attrs["labels"][topic] == "Armed forces"
    with pytest.raises(KeyError, match="no topic"):
        model.label_topics({9: "Nothing"})
    with pytest.raises(ValueError, match="non-empty"):
        model.label_topics({topic: ""})


def test_transform_puts_new_readouts_in_the_fitted_topics():
    _, model = _fitted()
    new = pd.DataFrame({"title": ["Gas talks", None, None],
                        "text": ["They discussed the gas pipeline, oil prices and energy exports.",
                                 "The museum exhibition, the theatre festival and the opera season.",
                                 "Nothing of the kind here at all."]}, index=["a", "b", "c"])
    out = model.transform(new)
    assert list(out.columns) == ["topic", "topic_weight", "topic_label"]
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["a", "topic"] == model.assignments.loc[100, "topic"]
    assert out.loc["b", "topic"] == model.assignments.loc[120, "topic"]
    assert out.loc["c", "topic"] == -1 and np.isnan(out.loc["c", "topic_weight"])
    # the fitted readouts themselves get their fitted topics back
    again = model.transform(readouts())
    assert (again["topic"] == model.assignments["topic"]).all()


def test_issue_share_matching_rules():
    from diplo_analysis import issue_share

    df = pd.DataFrame({
        "title": ["", "", "", "", ""],
        "text": ["The leaders discussed Taiwan. Trade was next.",
                 "An Iranian delegation came. Nothing else.",
                 "Talks on nagorno-karabakh and on Iran's programme.",
                 "The TAIWAN STRAIT was raised. Then the\\nNagorno\\nKarabakh talks.",
                 "No date here about Taiwan."],
        "date": pd.to_datetime(["2020-03-01", "2020-07-01", "2022-01-05", "2022-06-01", None]),
    })
    df["text"] = df["text"].str.replace("\\n", "\n", regex=False)
    issues = {"Taiwan": ["Taiwan"], "Iran": ["Iran"], "Karabakh": ["Nagorno Karabakh"]}
    out = issue_share(df, issues, freq="YS")
    assert list(out.columns) == ["Taiwan", "Iran", "Karabakh"]
    assert list(out.index.year) == [2020, 2021, 2022]
    assert out.loc["2020-01-01"].tolist() == [0.5, 0.0, 0.0]  # "Iranian" is not "Iran"
    assert out.loc["2021-01-01"].isna().all()  # a year without readouts
    assert out.loc["2022-01-01"].tolist() == [0.5, 0.5, 1.0]  # case, hyphen, line breaks
    assert out.attrs["n_units"].tolist() == [2, 0, 2]
    sentences = issue_share(df, {"Taiwan": ["Taiwan", "Taiwan Strait"]}, unit="sentence")
    assert sentences.attrs["n_units"].tolist() == [4, 0, 5]  # line breaks split sentences too
    assert sentences.loc["2020-01-01", "Taiwan"] == 0.25
    with pytest.raises(ValueError, match="non-empty list"):
        issue_share(df, {"Taiwan": "Taiwan"})
    with pytest.raises(KeyError, match="issue_share: the readouts frame has no column 'date'"):
        issue_share(df.drop(columns="date"), issues)
    with pytest.raises(TypeError, match="issue_share: expected the readouts DataFrame"):
        issue_share(df["text"], issues)


def test_formulas_and_people_are_found_from_the_data():
    from diplo_analysis.topics import person_words, repeated_templates, side_formulas

    texts = ["President Halvorsen spoke with Prime Minister Okonkwo of Norway.",
             "Then President Halvorsen met Prime Minister Okonkwo about gas.",
             "Mr Lindqvist of Sweden agreed."]
    people = person_words(texts)
    assert {"halvorsen", "okonkwo"} <= people
    assert "norway" not in people and "sweden" not in people
    docs = ["Anna Berg had a telephone conversation with President of Norland Erik Halvorsen. Gas.",
            "Anna Berg had a telephone conversation with President of Sudria Ada Okonkwo. Grain.",
            "Anna Berg had a telephone conversation with Prime Minister of Vestia Lars Lindqvist. Trade."]
    assert repeated_templates(docs, ["2020-01-01", "2020-02-01", "2020-03-01"]) == frozenset(
        {"X had a telephone conversation with X"})
    assert repeated_templates(docs, ["2020-01-01"] * 3) == frozenset()  # one day's reprints count once
    from scipy.sparse import csr_matrix
    X = csr_matrix(np.array([[1, 1], [1, 1], [1, 0], [1, 0]]))  # "issue" only in 2020
    found = side_formulas(X, ["formula", "issue"], ["A"] * 4, [2020, 2020, 2021, 2021], min_side=2, min_year=2)
    assert found[["side", "term"]].values.tolist() == [["A", "formula"]]
    # every year has "issue" in half its readouts: evenly spread, so a formula too
    even = side_formulas(X, ["formula", "issue"], ["A"] * 4, [2020, 2021, 2020, 2021], min_side=2, min_year=2)
    assert even["term"].tolist() == ["formula", "issue"]
    assert side_formulas(X, ["formula", "issue"], ["A"] * 4, [2020] * 4, min_side=5).empty  # too few readouts


def test_prevalence_of_some_readouts_only():
    df, model = _fitted()
    culture = model.assignments.loc[120, "topic"]
    only = model.prevalence("YS", rows=df.index >= 120)  # the culture readouts
    assert only[culture].dropna().eq(1.0).all()
    assert only.attrs["n_documents"].sum() == 10
    by_series = model.prevalence("YS", rows=pd.Series(df.index >= 120, index=df.index))
    pd.testing.assert_frame_equal(only, by_series)
    with pytest.raises(ValueError, match="one value per fitted readout"):
        model.prevalence("YS", rows=[True, False])


def test_people_are_dropped_and_places_kept():
    df = readouts()
    df.loc[100:109, "text"] = df.loc[100:109, "text"] + " Gas from Norway was on the table."
    model = topic_clusters(df, n_topics=3, random_state=0)
    vocab = model.vectorizer_.vocabulary_
    assert "norway" in vocab  # a place: often the issue
    assert "halvorsen" not in vocab and "okonkwo" not in vocab  # people, found after "Mr" and "General"
    assert "norway" in model.top_keywords(10)[model.assignments.loc[100, "topic"]]
    before = topic_clusters(df, n_topics=3, random_state=0, names="capitalised")
    assert "norway" not in before.vectorizer_.vocabulary_
    with pytest.raises(ValueError, match="names must be"):
        topic_clusters(df, n_topics=3, names="everyone")


def test_a_sides_formula_is_dropped_from_that_side_only():
    # side A says "partnership" in every readout of every year; side B uses it only about energy
    df = pd.concat([readouts()] * 4, ignore_index=True)  # sides of 60 readouts: judged (at least 50)
    df["host_country"] = ["AAA"] * 60 + ["BBB"] * 60
    df.loc[:59, "text"] = df.loc[:59, "text"] + " They praised the partnership."
    df.loc[60:69, "text"] = df.loc[60:69, "text"] + " A partnership for energy."
    model = topic_clusters(df, n_topics=3, random_state=0, min_df=1, max_df=1.0, formula_dates=None)
    formulas = model.features_.formulas
    assert ("AAA", "partnership") in set(zip(formulas["side"], formulas["term"]))
    assert "BBB" not in set(formulas.loc[formulas["term"] == "partnership", "side"])
    col = model.vectorizer_.vocabulary_["partnership"]
    X = model.features_.matrix(df)[1]
    assert X[:60, col].nnz == 0 and X[60:70, col].nnz == 10
    # new readouts of side A lose the formula too; without the side column they keep it
    new = df.loc[[0]].copy()
    assert model.features_.matrix(new)[1][:, col].nnz == 0
    assert model.features_.matrix(new.drop(columns="host_country"))[1][:, col].nnz == 1


def test_transform_of_a_two_stage_fit():
    df = readouts()
    df["title"] = ["Talks with the President of France"] * 10 + ["Army day"] * 20
    df["host_country"] = "RUS"
    model = topic_clusters(df, n_topics=3, random_state=0, foreign_topics=1)
    assert model.foreign_.sum() == 10
    assert (model.transform(df)["topic"] == model.assignments["topic"]).all()


# --- the vocabulary's floor grows with the corpus (min_df_share) ------------------------------------
def test_min_documents_is_min_df_until_the_share_says_more():
    from diplo_analysis.topics import MIN_DF_SHARE, _min_documents

    assert MIN_DF_SHARE == 0.0025
    assert _min_documents(10, MIN_DF_SHARE, 3_579) == 10  # the corpus's conversations: unchanged
    assert _min_documents(10, MIN_DF_SHARE, 4_000) == 10
    assert _min_documents(10, MIN_DF_SHARE, 4_001) == 11
    assert _min_documents(10, MIN_DF_SHARE, 33_240) == 84
    assert _min_documents(10, 0.0, 1_000_000) == 10
    with pytest.raises(ValueError, match="min_df_share"):
        _min_documents(10, 1.5, 100)


def test_copies_of_a_corpus_keep_its_vocabulary():
    # 60 invented readouts, each with a word of its own; ten copies of them: with min_df alone the
    # words of one readout (in ten documents now) would all enter the vocabulary; the share keeps them out
    from diplo_analysis.topics import _vectorize

    rng = np.random.default_rng(0)
    common = [f"theme{c}" for c in "abcdefgh"]
    docs = [" ".join(list(rng.choice(common, 6)) + [f"unique{chr(97 + i // 26)}{chr(97 + i % 26)}"])
            for i in range(60)]
    one, _ = _vectorize(pd.Series(docs), 10, 0.9, (1, 1), frozenset(), min_df_share=0.05)
    ten, _ = _vectorize(pd.Series(docs * 10), 10, 0.9, (1, 1), frozenset(), min_df_share=0.05)
    bare, _ = _vectorize(pd.Series(docs * 10), 10, 0.9, (1, 1), frozenset(), min_df_share=0.0)
    assert sorted(ten.vocabulary_) == sorted(one.vocabulary_) == common
    assert len(bare.vocabulary_) == len(common) + 60
