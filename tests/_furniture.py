"""Words of page furniture, for the corpus tests of keyness and topics (shared by test_pairs and test_topics).

Written for the tests, independently of ``data/furniture.csv``: the words that page
furniture puts into a text (an agency's name in datelines and stamps, "photo" in
captions, share buttons, web addresses, "says" in news subheadings, the closing
"See also ... News of the Security Council" links) and that no readout's prose needs
among its most distinctive words. Imported as a plain module (pytest puts ``tests/``
on ``sys.path``).
"""

FURNITURE_WORDS = frozenset(
    "xinhua photo photos line share facebook twitter wechat weibo editor updated print mail font jpg "
    "http https www cn com html shtml copyright comment comments download says news".split()
)
