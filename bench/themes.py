"""Time of suggested themes and of grouping identical answers, at 10,000 answers by default.

    .venv/bin/python -m bench.themes --answers 10000 --repeat 3

Runs the analysts' clustering (``consultations.analysis.similarity``) on generated free-text
answers: ten topics with their own words, a long tail of other words (as real answers have),
5% copies of one campaign text and 3% near-copies of it. The functions take ``(id, text)``
pairs, which is what the suggestions and groups views read from the database in one query, so no
database is needed; the read itself is one indexed scan and is measured by ``bench.results_page``.
Prints the median and worst seconds of ``suggest_themes`` and ``group_answers`` as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultations.analysis import similarity  # noqa: E402 (plain Python, no Django set-up)

TOPICS = [
    "lift lifts broken stairs waiting engineer stuck floor",
    "boiler heating radiator cold winter repair engineer hot water",
    "bins rubbish collection recycling smell foxes chute",
    "meetings evening weekend times childcare online work",
    "noise neighbours night music walls complaint",
    "damp mould bathroom windows condensation children health",
    "rent service charge increase cost afford bills",
    "caretaker cleaning communal landing corridor dirty",
    "parking cars spaces permit visitors garage",
    "anti social behaviour safety lighting cctv police",
]
FILLER = "the a and to of in my we our is it for on with this have been very please again always"
CAMPAIGN = "Save our community hall: do not close the Kings Crescent hall, residents need it."


def pseudo_words(rnd: random.Random, count: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwyz"
    return ["".join(rnd.choice(letters) for _ in range(rnd.randint(4, 9))) for _ in range(count)]


def generate(total: int, seed: int = 14) -> list[tuple[int, str]]:
    rnd = random.Random(seed)
    tail = pseudo_words(rnd, 3000)
    filler = FILLER.split()
    answers = []
    for pk in range(1, total + 1):
        roll = rnd.random()
        if roll < 0.05:
            text = CAMPAIGN
        elif roll < 0.08:
            text = CAMPAIGN.replace("need it", rnd.choice(["need it!", "use it", "need this"]))
        else:
            words = rnd.sample(rnd.choice(TOPICS).split(), rnd.randint(3, 5))
            words += rnd.sample(filler, rnd.randint(3, 6)) + rnd.sample(tail, rnd.randint(2, 8))
            rnd.shuffle(words)
            text = " ".join(words).capitalize() + "."
        answers.append((pk, text))
    return answers


def measure(name, repeat, run) -> dict:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return {
        "function": name,
        "median_seconds": round(statistics.median(times), 3),
        "max_seconds": round(max(times), 3),
        "found": len(result),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    answers = generate(args.answers)
    for name, run in (
        ("suggest_themes", lambda: similarity.suggest_themes(answers, language="en")),
        ("group_answers", lambda: similarity.group_answers(answers)),
    ):
        print(json.dumps({"answers": args.answers, **measure(name, args.repeat, run)}), flush=True)


if __name__ == "__main__":
    main()
