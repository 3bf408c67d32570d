#!/usr/bin/env python3
"""Builds the labelled set of the RAG quality benchmark (make bench-rag-quality) from the PyPI package bigbench 1.0.0.

Two tasks of BIG-bench's natural_instructions are read, both from Natural Instructions v1 and built on QASC:
  subtask045_miscellaneous_sentence_paraphrasing  a science question, its answer, the sentence that supports it
                                                   and crowd-written paraphrases of that sentence
  subtask040_qasc_question_generation +            a QASC fact, a question written from it, and its answer
  subtask041_qasc_answer_generation

Usage:  scripts/rag-quality-set.py [bigbench-1.0.0.tar.gz]
Without an argument the source package is fetched with `pip download --no-deps bigbench==1.0.0` (about 360 MB).
Writes bootstrap/src/test/resources/rag-quality/science-cards.json; the same source gives the same file.
"""
import json
import pathlib
import random
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "bigbench==1.0.0"
TASKS = "bigbench-1.0.0/bigbench/benchmark_tasks/natural_instructions/"
PARAPHRASES = TASKS + "subtask045_miscellaneous_sentence_paraphrasing/task.json"
QUESTIONS = TASKS + "subtask040_qasc_question_generation/task.json"
ANSWERS = TASKS + "subtask041_qasc_answer_generation/task.json"
OUT = pathlib.Path(__file__).resolve().parent.parent / "bootstrap/src/test/resources/rag-quality/science-cards.json"

SEED = 20261125
FACTS_KEPT = 2500            # QASC facts in the set, of 6500
FACTS_HELD_OUT = 500         # of which have no card: duplicate candidates that must match nothing
GROUPS_HELD_OUT = 40         # paraphrase groups without a card, likewise
WORD = re.compile(r"[a-z0-9]+")


ARTICLES = {"a", "an", "the"}


def words(text):
    """Lower-cased words less articles, with a plural's s dropped: enough to see that two sentences match."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in WORD.findall(text.lower()) if w not in ARTICLES}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def load(archive):
    with tarfile.open(archive) as tar:
        return [json.load(tar.extractfile(name)) for name in (PARAPHRASES, QUESTIONS, ANSWERS)]


def build(archive):
    paraphrasing, questions, answers = load(archive)
    canary = paraphrasing["canary"]

    groups = []
    for example in paraphrasing["examples"]:
        m = re.match(r"Question: (.*?)\s*\nAnswer: (.*?)\s*\nSentence: (.*)$", example["input"], re.S)
        question, answer, sentence = (clean(g) for g in m.groups())
        paraphrases = sorted({clean(t) for t in example["target"] if clean(t) and clean(t) != sentence})
        groups.append({"question": question, "answer": answer, "sentence": sentence, "paraphrases": paraphrases})

    answer_of = {}
    for example in answers["examples"]:
        m = re.match(r"Fact: (.*?)\s*\nQuestion: (.*)$", example["input"], re.S)
        answer_of[(clean(m.group(1)), clean(m.group(2)))] = clean(example["target"][0])
    facts = []
    for example in questions["examples"]:
        fact = clean(example["input"].removeprefix("Fact:"))
        question = clean(example["target"][0])
        answer = answer_of.get((fact, question))
        if answer:
            facts.append({"fact": fact, "question": question, "answer": answer})

    # Two items that state the same fact would make a second right answer the labels do not know, so only the
    # first is kept: half their words or more in common counts as the same fact, unless the two differ just in
    # what they answer ("frogs breathe with gills as larvae ..." beside "salamanders breathe with gills as
    # larvae ..."): those stay, as the near misses a duplicate check must not flag.
    def same_fact(a_words, a_answer, b_words, b_answer):
        if jaccard(a_words, b_words) < 0.5:
            return False
        swapped = a_answer <= a_words and b_answer <= b_words and not a_answer <= b_words and not b_answer <= a_words
        return not swapped

    kept_groups = []
    for group in groups:
        g = (words(group["sentence"]) | words(group["question"]), words(group["answer"]))
        if not any(same_fact(*g, *k) for k, _ in kept_groups):
            kept_groups.append((g, group))
    groups = [group for _, group in kept_groups]
    group_words = [g for g, _ in kept_groups]

    rng = random.Random(SEED)
    rng.shuffle(facts)
    kept, kept_words = [], []
    for fact in facts:
        f = (words(fact["fact"]), words(fact["answer"]))
        # Paraphrase groups are QASC questions too: a fact close to one is left out rather than judged.
        if any(jaccard(f[0], g[0]) >= 0.4 for g in group_words) or any(same_fact(*f, *k) for k in kept_words):
            continue
        kept.append(fact)
        kept_words.append(f)
        if len(kept) == FACTS_KEPT:
            break

    held_groups = set(rng.sample(range(len(groups)), GROUPS_HELD_OUT))
    for i, group in enumerate(groups):
        group["id"] = f"p{i:03d}"
        group["held_out"] = i in held_groups
    for i, fact in enumerate(kept):
        fact["id"] = f"f{i:04d}"
        fact["held_out"] = i < FACTS_HELD_OUT
    return {
        "canary": canary,
        "source": "PyPI bigbench 1.0.0, benchmark_tasks/natural_instructions subtask045, subtask040 and subtask041",
        "paraphrase_groups": [{k: g[k] for k in ("id", "held_out", "question", "answer", "sentence", "paraphrases")}
                              for g in groups],
        "facts": [{k: f[k] for k in ("id", "held_out", "fact", "question", "answer")} for f in kept],
    }


def main():
    if len(sys.argv) > 1:
        archive = sys.argv[1]
    else:
        folder = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", folder,
                        PACKAGE], check=True)
        archive = next(pathlib.Path(folder).glob("bigbench-*.tar.gz"))
    data = build(archive)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    groups = data["paraphrase_groups"]
    print(f"{OUT}: {len(groups)} paraphrase groups ({sum(len(g['paraphrases']) for g in groups)} paraphrases, "
          f"{sum(g['held_out'] for g in groups)} held out), {len(data['facts'])} facts "
          f"({sum(f['held_out'] for f in data['facts'])} held out)")


if __name__ == "__main__":
    main()
