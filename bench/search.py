"""Search per keystroke: every prefix of a realistic query set, typed as a clinician would (no
accents, no harakat), each searched over all three languages' content at once, the widest case.
The figure is the 95th percentile of one keystroke's search time."""

from __future__ import annotations

import statistics
import time

from figures import figure, show

from app.search import SearchIndex

RUNS = 7
QUERIES = {
    "en": ["interpreter", "tattoo", "child under 18", "documents", "safety plan", "shoe card", "consent",
           "companion", "injury bruise", "hotline", "refuses help", "pregnancy", "security", "trust", "sleep"],
    "es": ["interprete", "tatuaje", "nino", "documentos", "seguridad", "tarjeta", "consentimiento",
           "acompanante", "lesiones", "linea", "rechaza ayuda", "embarazo", "confianza", "dormir", "policia"],
    "ar": ["مترجم", "وشم", "طفل", "الوثائق", "السلامه", "بطاقه", "موافقه", "المرافق", "اصابات", "الخط",
           "يرفض المساعده", "الحمل", "الثقه", "النوم", "الشرطه"],
}  # fmt: skip
ALL = ("en", "es", "ar")


def keystrokes() -> list[str]:
    return [query[:n] for queries in QUERIES.values() for query in queries for n in range(1, len(query) + 1)]


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure() -> dict:
    index = SearchIndex()
    for language in ALL:
        index.language(language)  # built once per process, before the first keystroke is timed
    typed = keystrokes()
    per_run = []
    for _ in range(RUNS):
        samples = []
        for text in typed:
            start = time.perf_counter()
            index.search(text, ALL)
            samples.append((time.perf_counter() - start) * 1000)
        per_run.append(p95(samples))
    return figure(f"search per keystroke, p95 of {len(typed)} keystrokes, 3 languages", per_run, RUNS, digits=3)


if __name__ == "__main__":
    print(show(measure()))
