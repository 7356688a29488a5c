"""Hand-made readouts frames for unit tests (shared by the frequency and plot tests).

Imported as a plain module: pytest puts ``tests/`` on ``sys.path`` (its default
"prepend" import mode, since ``tests`` is not a package).
"""

from __future__ import annotations

import pandas as pd


#: The side (host country) of each invented publisher.
SIDES = {"Kremlin": "RUS", "White House": "USA", "Beijing": "CHN"}


def frame(rows):
    """A readouts frame with the contract's columns from (date, medium, host, counterparts, countries[, publisher])."""
    records = []
    for i, row in enumerate(rows):
        date, medium, host, cps, ccs = row[:5]
        publisher = row[5] if len(row) > 5 else "Kremlin"
        records.append({
            "readout_id": f"{i:016x}", "publisher": publisher, "path": "x.jsonl", "line": i + 1,
            "url": None, "title": None, "text": "", "date": pd.Timestamp(date) if date else pd.NaT,
            "date_inferred": False, "medium": medium, "host": host,
            "host_country": SIDES.get(publisher, "RUS"),
            "counterparts": list(cps), "counterpart_countries": list(ccs),
            "counterpart": cps[0] if cps else None, "counterpart_country": ccs[0] if ccs else None,
            "initiator": None, "status": None if medium == "other" else "held", "planned_date": pd.NaT,
            "n_words": 0,
        })
    df = pd.DataFrame(records)
    df["date"] = df["date"].astype("datetime64[ns]")
    df["medium"] = pd.Categorical(df["medium"], categories=["phone", "video", "in_person", "other"])
    df["status"] = pd.Categorical(df["status"], categories=["held", "announced"])
    df["planned_date"] = df["planned_date"].astype("datetime64[ns]")
    return df
