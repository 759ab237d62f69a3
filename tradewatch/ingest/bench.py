"""Throughput benchmark: `python -m tradewatch.ingest.bench [runs] [documents]`.

Builds ~5 KB documents from the seed reports (or, without them, the test corpus), runs
`facts_from_text` over all of them several times and prints the median documents per second.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from .extract import facts_from_text

_REPO = Path(__file__).resolve().parents[2]
_SOURCES = (_REPO.parent / "shared" / "seeds", _REPO / "tests" / "ingest" / "docs")
TARGET_BYTES = 5 * 1024


def sample_documents(count: int = 500) -> list[str]:
    """`count` documents of about 5 KB each, padded by repeating their own paragraphs."""
    texts: list[str] = []
    for folder in _SOURCES:
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        if texts:
            break
    if not texts:
        raise SystemExit("no sample documents found (seeds or tests/ingest/docs)")
    documents = []
    for i in range(count):
        base = texts[i % len(texts)]
        doc = base
        while len(doc.encode("utf-8")) < TARGET_BYTES:
            doc += "\n\n" + base
        documents.append(doc[:TARGET_BYTES] + f"\n\n(copy {i})")
    return documents


def documents_per_second(documents: list[str], runs: int = 5) -> float:
    """Median documents/second over `runs` passes."""
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for doc in documents:
            facts_from_text(doc)
        rates.append(len(documents) / (time.perf_counter() - started))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 5
    count = int(args[1]) if len(args) > 1 else 500
    documents = sample_documents(count)
    size = sum(len(d.encode("utf-8")) for d in documents) / len(documents)
    rate = documents_per_second(documents, runs)
    print(f"# {len(documents)} documents of {size / 1024:.1f} KB, median of {runs} runs")
    print(f"extract throughput: {rate:.0f} docs/s")


if __name__ == "__main__":
    main()
