#!/usr/bin/env python3
"""Builds the labelled Russian and English sets of the multilingual RAG benchmark (make bench-rag-multilingual)
from the PyPI package bigbench 1.0.0.

Two tasks of BIG-bench's GEM collection are read: gem/webnlg_ru and gem/webnlg_en (the WebNLG 2020 challenge test
sets). Each item is a small set of facts about DBpedia entities and one to seven texts that people wrote saying
exactly those facts, so the texts of one item are paraphrases of each other, and the items about the same entity
(Baked Alaska's country, its course, its ingredients...) are near-topic neighbours that say something else.

Usage:  scripts/rag-multilingual-set.py [bigbench-1.0.0.tar.gz]
Without an argument the source package is fetched with `pip download --no-deps --no-binary :all: bigbench==1.0.0`.
Writes bootstrap/src/test/resources/rag-multilingual/webnlg-cards.json; the same source gives the same file.
"""
import json
import pathlib
import random
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "bigbench==1.0.0"
TASKS = "bigbench-1.0.0/bigbench/benchmark_tasks/gem/"
OUT = pathlib.Path(__file__).resolve().parent.parent / "bootstrap/src/test/resources/rag-multilingual/webnlg-cards.json"
SEED = 20261125
HELD_OUT_SHARE = 0.1   # items without a card: their texts are duplicate candidates that must match nothing


def normalised(text):
    return " ".join(text.split())


def language_set(archive, language):
    task = json.load(archive.extractfile(TASKS + "webnlg_" + language + "/task.json"))
    seen = set()
    groups = []
    for example in task["examples"]:
        texts = []
        for text in example["target"] if isinstance(example["target"], list) else [example["target"]]:
            text = normalised(text)
            if text and text.lower() not in seen:
                seen.add(text.lower())
                texts.append(text)
        if len(texts) >= 2:
            groups.append({"id": example["comment"], "facts": example["input"], "texts": texts})
    rng = random.Random(SEED)
    rng.shuffle(groups)
    held = int(len(groups) * HELD_OUT_SHARE)
    for i, group in enumerate(groups):
        group["held_out"] = i < held
    return task["canary"], groups


def main():
    if len(sys.argv) > 1:
        source = pathlib.Path(sys.argv[1])
    else:
        tmp = pathlib.Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", PACKAGE, "-d", str(tmp)],
                       check=True)
        source = next(tmp.glob("bigbench-*.tar.gz"))
    with tarfile.open(source) as archive:
        canary, ru = language_set(archive, "ru")
        _, en = language_set(archive, "en")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"canary": canary, "source": PACKAGE + " " + TASKS + "webnlg_{ru,en}",
                               "languages": {"ru": ru, "en": en}}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, groups in (("ru", ru), ("en", en)):
        carded = [g for g in groups if not g["held_out"]]
        print(f"{name}: {len(groups)} items, {len(carded)} with a card, "
              f"{sum(len(g['texts']) - 1 for g in carded)} paraphrase queries, "
              f"{sum(len(g['texts']) - (0 if g['held_out'] else 1) for g in groups)} duplicate candidates")


if __name__ == "__main__":
    main()
