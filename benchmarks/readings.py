"""Which reading engine reads our procedure names right? Prints exact-match accuracy and
character accuracy of pykakasi and fugashi+unidic-lite against hand-checked readings
(benchmarks/data/readings_gold.tsv: the 60 most-used survey procedures and names residents search).

    .venv/bin/python benchmarks/readings.py
"""
from __future__ import annotations

import difflib
import time
from pathlib import Path

from portal.services.search.normalize import normalize
from portal.services.search.reading import reading as fugashi_reading

GOLD = Path(__file__).parent / "data" / "readings_gold.tsv"


def pykakasi_reader():
    import pykakasi

    kks = pykakasi.kakasi()
    return lambda text: "".join(part["hira"] for part in kks.convert(text))


def main() -> None:
    pairs = [line.split("\t") for line in GOLD.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    engines = {"pykakasi 2.3.0": pykakasi_reader(), "fugashi + unidic-lite": fugashi_reading}
    print(f"{len(pairs)} names with hand-checked readings")
    print(f"{'engine':24} {'exact':>8} {'chars':>8} {'µs/name':>8}")
    for label, read in engines.items():
        read(pairs[0][0])  # load dictionaries before timing
        exact = chars = 0.0
        started = time.perf_counter()
        outputs = [read(name) for name, _ in pairs]
        elapsed = time.perf_counter() - started
        misses = []
        for (name, gold), got in zip(pairs, outputs):
            got_n, gold_n = normalize(got), normalize(gold)
            exact += got_n == gold_n
            chars += difflib.SequenceMatcher(None, got_n, gold_n).ratio()
            if got_n != gold_n:
                misses.append(f"    {name}: {got}")
        print(f"{label:24} {exact / len(pairs):8.1%} {chars / len(pairs):8.1%} "
              f"{elapsed / len(pairs) * 1e6:8.0f}")
        print("\n".join(misses[:8]))


if __name__ == "__main__":
    main()
