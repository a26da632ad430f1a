#!/usr/bin/env python3
"""Known-item search quality: folio beside SQLite FTS5 and tantivy on the same queries.

For every article, five queries a person might type to find it again:

  title          its full title
  title-typo     the title with one typo (in a word of 5+ letters)
  words          three of the title's words, in title order
  words-typo     the same three words with one typo
  passage        four consecutive words remembered from one of its body sentences

typed as a person types them (apostrophes kept: `world's` is one word, punctuation around words
dropped). Each engine answers every query; the script prints MRR@10 (mean reciprocal rank of the
article in the first 10) and hit@1 per kind. An article whose title another article shares counts
as found when the article ranked there has the same title and body (the BBC set holds duplicates).

Usage: python3 Benchmarks/search-quality.py FOLIO_BENCH CORPUS [--seed S] [--limit N] [--no-tantivy]
                                            [--misses [KIND]] [--ceiling]

`--misses` also lists, per kind (or only KIND), each query folio does not rank first: the query,
the article's rank (or "-" beyond 10), its title, and the titles ranked above it.

`--ceiling` adds the best figures any engine can expect on these very queries. The article drawn
is uniform, so ranking all articles by P(query | article) under this script's own generator
(`queries_for`) maximises the expected reciprocal rank; where a query fits several articles equally
(a shared title, "the first half of" in many bodies) the target's rank among them is taken as random
and its expectation counted. So the ceiling is below 1 exactly where queries are ambiguous, and an
engine can top it on one query (by luck) but not in expectation. Words compare case-folded, as the
engines see them; copies (same title and body) are one candidate; every article is a candidate, also
with `--limit`. All five kinds are exact, typos included (Benchmarks/test_search_quality.py checks
the model: `python3 -m unittest discover -s Benchmarks -p 'test_*.py'`).

FOLIO_BENCH is a release folio-bench (`swift build -c release`), which answers every query in one
process (`folio-bench CORPUS --answer 10`). FTS5 comes with Python's sqlite3; tantivy is imported
from the Python running this script (Scripts/compare-peers.sh installs it into .build-peers/venv) and
skipped when absent. Exit status 0; a missing corpus prints a note and exits 0 (nothing measured).
"""

import argparse
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
from fractions import Fraction
from itertools import combinations
from math import comb

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
import peerlib  # noqa: E402

KINDS = ["title", "title-typo", "words", "words-typo", "passage"]
# A word as typed: letters and digits with apostrophes inside (`world's`, `don't`).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def read_articles(root):
    """(id, title, body) per article as folio reads them: the first line is the title."""
    articles = []
    for path in peerlib.article_paths(root):
        with open(path, "rb") as handle:
            data = handle.read()
        if b"\0" in data:
            continue
        text = data.decode("utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        articles.append((os.path.relpath(path, root), title.strip(), body.strip()))
    return articles


def words(text):
    return WORD.findall(text)


def eligible_sentences(body):
    """The body's sentences `queries_for` can take a passage from (4 words or more)."""
    sentences = [words(s) for s in SENTENCE_END.split(body)]
    return [s for s in sentences if len(s) >= 4]


def typo_candidates(word_list):
    """The positions `with_typo` picks from, uniformly."""
    return [i for i, w in enumerate(word_list) if len(w) >= 5 and w.isalpha()]


def with_typo(word_list, rng):
    """One edit (swap, drop, double or replace a letter) inside one word of 5+ letters; None if none has."""
    candidates = typo_candidates(word_list)
    if not candidates:
        return None
    i = rng.choice(candidates)
    w = word_list[i]
    at = rng.randrange(1, len(w) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        w = w[:at] + w[at + 1] + w[at] + w[at + 2 :]
    elif kind == "drop":
        w = w[:at] + w[at + 1 :]
    elif kind == "double":
        w = w[:at] + w[at] + w[at:]
    else:
        letters = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != w[at].lower()]
        w = w[:at] + rng.choice(letters) + w[at + 1 :]
    return word_list[:i] + [w] + word_list[i + 1 :]


def queries_for(article, rng):
    """The five queries for one article (a kind is None when the article cannot give it)."""
    _, title, body = article
    title_words = words(title)
    found = {"title": " ".join(title_words) if title_words else None}
    typo = with_typo(title_words, rng)
    found["title-typo"] = " ".join(typo) if typo else None
    three = None
    if len(title_words) >= 3:
        picked = sorted(rng.sample(range(len(title_words)), 3))
        three = [title_words[i] for i in picked]
    found["words"] = " ".join(three) if three else None
    three_typo = with_typo(three, rng) if three else None
    found["words-typo"] = " ".join(three_typo) if three_typo else None
    sentences = eligible_sentences(body)
    passage = None
    if sentences:
        sentence = rng.choice(sentences)
        start = rng.randrange(0, len(sentence) - 3)
        passage = " ".join(sentence[start : start + 4])
    found["passage"] = passage
    return found


def folio_answers(bench, corpus, queries):
    text = "".join(q.replace("\n", " ") + "\n" for q in queries)
    done = subprocess.run(
        [bench, corpus, "--answer", "10"], input=text.encode(), capture_output=True, check=True
    )
    lines = done.stdout.decode().split("\n")
    return [[i for i in lines[n].split("\t") if i] for n in range(len(queries))]


def fts5_answers(articles, queries):
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
        " tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", articles)
    answers = []
    for query in queries:
        terms = ['"' + w.replace('"', '""') + '"' for w in words(query)]
        found = []
        # Every word first; then any word, to fill the ten (FTS5 has no typo tolerance of its own).
        for joiner in (" AND ", " OR "):
            if len(found) >= 10 or not terms:
                break
            rows = db.execute(
                "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4.0, 1.0) LIMIT 10",
                (joiner.join(terms),),
            ).fetchall()
            found += [r[0] for r in rows if r[0] not in found]
        answers.append(found[:10])
    return answers


def tantivy_answers(articles, queries):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=False, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    with tempfile.TemporaryDirectory() as folder:
        index = tantivy.Index(builder.build(), path=folder)
        writer = index.writer(heap_size=200_000_000)
        for article_id, title, body in articles:
            writer.add_document(tantivy.Document(id=[article_id], title=[title], body=[body]))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        searcher = index.searcher()
        answers = []
        for query in queries:
            terms = [re.sub(r"\W", " ", w).strip() for w in words(query)]
            # Lower case: tantivy's grammar reads upper-case AND, OR, NOT and IN as operators
            # ("WHO SITS IN JUDGEMENT"); its en_stem tokenizer lowers every word anyway.
            terms = [t.lower() for t in " ".join(terms).split() if t]
            found = []
            for conjunction in (True, False):
                if len(found) >= 10 or not terms:
                    break
                parsed = index.parse_query(
                    " ".join(terms), ["title", "body"], field_boosts={"title": 4.0},
                    conjunction_by_default=conjunction,
                )
                for _, address in searcher.search(parsed, 10).hits:
                    article_id = searcher.doc(address)["id"][0]
                    if article_id not in found:
                        found.append(article_id)
            answers.append(found[:10])
    return answers


def score(answers, targets, same):
    """(MRR@10, hit@1) of answers (lists of ids) against target ids."""
    reciprocal, first = 0.0, 0
    for found, target in zip(answers, targets):
        rank = rank_of(found, target, same)
        if rank:
            reciprocal += 1 / rank
            first += rank == 1
    n = max(1, len(targets))
    return reciprocal / n, first / n


def rank_of(found, target, same):
    """The 1-based rank of target in found (the first 10), or None."""
    for rank, article_id in enumerate(found[:10], 1):
        if article_id == target or same.get(article_id) == same.get(target):
            return rank
    return None


def fold(word_list):
    """Words as an engine compares them: case folded (the ceiling's model, see the docstring)."""
    return tuple(w.casefold() for w in word_list)


class Ceiling:
    """The Bayes-optimal ranking under `queries_for`, over the articles given (all the engines see).

    `likelihoods(kind, query)` is P(query | article) for every article where it is not 0, exactly
    (fractions), from the generator's own draws: the target is uniform over the articles, so the
    posterior is proportional to it. `expected(kind, query, target)` is the target's reciprocal
    rank (0 beyond 10) and hit@1 when articles are ranked by that posterior, ties in random order,
    as expectations (no sampling); articles `same` maps to one value count as one candidate.
    """

    def __init__(self, articles, same, passages=()):
        self.same = same
        self.titles = {}  # article id -> its title words, as typed
        self.by_title = {}  # folded title words -> article ids
        self.by_title_word = {}  # a folded title word -> article ids
        self.by_masked_title = {}  # (position, folded title words without it) -> article ids
        for article_id, title, _ in articles:
            title_words = words(title)
            if not title_words:
                continue
            folded = fold(title_words)
            self.titles[article_id] = title_words
            self.by_title.setdefault(folded, []).append(article_id)
            for word in set(folded):
                self.by_title_word.setdefault(word, set()).add(article_id)
            for i in range(len(folded)):
                key = (i, folded[:i] + folded[i + 1 :])
                self.by_masked_title.setdefault(key, []).append(article_id)
        self.typo_memo = {}
        # Only the 4-word runs asked for: folded run -> {article id: P(run | article)}.
        wanted = {fold(words(q)) for q in passages}
        self.by_run = {run: {} for run in wanted}
        for article_id, _, body in articles:
            sentences = eligible_sentences(body)
            for sentence in sentences:
                folded = fold(sentence)
                share = Fraction(1, len(sentences) * (len(sentence) - 3))
                for start in range(len(sentence) - 3):
                    found = self.by_run.get(folded[start : start + 4])
                    if found is not None:
                        found[article_id] = found.get(article_id, 0) + share

    def likelihoods(self, kind, query):
        q = fold(words(query))
        if kind == "title":
            return {a: Fraction(1) for a in self.by_title.get(q, [])}
        if kind == "passage":
            return dict(self.by_run.get(q, {}))
        if kind == "title-typo":
            return self.title_typo_likelihoods(q)
        if kind == "words":
            return self.words_likelihoods(q)
        return self.words_typo_likelihoods(q)

    def title_typo_likelihoods(self, q):
        """One word of 5+ letters edited: the others equal the title's, position for position."""
        found = {}
        for i in range(len(q)):
            for article_id in self.by_masked_title.get((i, q[:i] + q[i + 1 :]), []):
                title_words = self.titles[article_id]
                chance = self.typo_chance(title_words, i, q[i])
                if chance:
                    found[article_id] = found.get(article_id, 0) + chance
        return found

    def words_likelihoods(self, q):
        """In-order picks of 3 title words equal to q, over all C(n, 3) picks."""
        found = {}
        for article_id in self.having(q):
            title = fold(self.titles[article_id])
            if len(title) >= 3:
                count = subsequences(title, q)
                if count:
                    found[article_id] = Fraction(count, comb(len(title), 3))
        return found

    def words_typo_likelihoods(self, q):
        """A pick of 3 title words, then one of them (5+ letters) edited into q's word there."""
        found = {}
        for i in range(3):
            fixed = q[:i] + q[i + 1 :]
            for article_id in self.having(fixed):
                title_words = self.titles[article_id]
                title = fold(title_words)
                if len(title) < 3:
                    continue
                total = Fraction(0)
                for picked in combinations(range(len(title)), 3):
                    if tuple(title[p] for p in picked[:i] + picked[i + 1 :]) != fixed:
                        continue
                    chance = self.typo_chance([title_words[p] for p in picked], i, q[i])
                    total += chance
                if total:
                    found[article_id] = found.get(article_id, 0) + total / comb(len(title), 3)
        return found

    def having(self, folded_words):
        """Articles whose title holds every one of these (folded) words."""
        sets = [self.by_title_word.get(w, set()) for w in set(folded_words)]
        return set.intersection(*sets) if sets else set()

    def typo_chance(self, word_list, i, target):
        """P(`with_typo(word_list)` edits word i into `target`, folded), the other words aside."""
        candidates = typo_candidates(word_list)
        if i not in candidates:
            return Fraction(0)
        return self.word_typo_chance(word_list[i], target) / len(candidates)

    def word_typo_chance(self, word, target):
        """P(one `with_typo` edit of `word` reads `target` once folded)."""
        key = (word, target)
        if key not in self.typo_memo:
            chance = Fraction(0)
            places = len(word) - 2
            for at in range(1, len(word) - 1):
                edits = [
                    word[:at] + word[at + 1] + word[at] + word[at + 2 :],
                    word[:at] + word[at + 1 :],
                    word[:at] + word[at] + word[at:],
                ]
                chance += Fraction(sum(e.casefold() == target for e in edits), 4 * places)
                letters = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[at].lower()]
                hits = sum((word[:at] + c + word[at + 1 :]).casefold() == target for c in letters)
                chance += Fraction(hits, 4 * places * len(letters))
            self.typo_memo[key] = chance
        return self.typo_memo[key]

    def expected(self, kind, query, target):
        """(expected reciprocal rank within 10, expected hit@1) of target, ties in random order."""
        mass = {}
        for article_id, chance in self.likelihoods(kind, query).items():
            group = self.same.get(article_id, article_id)
            mass[group] = mass.get(group, 0) + chance
        mine = mass.get(self.same.get(target, target), 0)
        if not mine:
            raise ValueError(f"the ceiling cannot make {kind} query {query!r} from {target}")
        above = sum(1 for m in mass.values() if m > mine)
        tied = sum(1 for m in mass.values() if m == mine)
        reciprocal = sum(1 / rank for rank in range(above + 1, min(above + tied, 10) + 1)) / tied
        return reciprocal, (1 / tied if above == 0 else 0.0)


def subsequences(sequence, pattern):
    """How many ways `pattern` occurs in `sequence` as an in-order subsequence."""
    ways = [1] + [0] * len(pattern)
    for item in sequence:
        for k in range(len(pattern), 0, -1):
            if pattern[k - 1] == item:
                ways[k] += ways[k - 1]
    return ways[len(pattern)]


def ceiling_scores(articles, same, per_kind):
    """(MRR@10, hit@1) per kind of the Bayes-optimal ranking over these articles."""
    ceiling = Ceiling(articles, same, passages=per_kind["passage"][0])
    scores = {}
    for kind in KINDS:
        queries, targets = per_kind[kind]
        pairs = [ceiling.expected(kind, q, t) for q, t in zip(queries, targets)]
        n = max(1, len(pairs))
        scores[kind] = (sum(p[0] for p in pairs) / n, sum(p[1] for p in pairs) / n)
    return scores


def print_misses(answers, per_kind, kinds, titles, same):
    """Folio's queries whose article is not first: what ranks above it."""
    offset = 0
    for kind in KINDS:
        queries, targets = per_kind[kind]
        if kind in kinds:
            print(f"misses: {kind}")
            for query, target, found in zip(queries, targets, answers[offset : offset + len(queries)]):
                rank = rank_of(found, target, same)
                if rank == 1:
                    continue
                print(f"  {rank or '-'}\t{query!r}\t-> {titles[target]!r} ({target})")
                for article_id in found[: (rank or 4) - 1]:
                    print(f"      above: {titles.get(article_id, '?')!r} ({article_id})")
        offset += len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", help="a release folio-bench binary")
    parser.add_argument("corpus")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--limit", type=int, help="only the first N articles make queries")
    parser.add_argument("--no-tantivy", action="store_true")
    parser.add_argument("--misses", nargs="?", const="all", choices=KINDS + ["all"])
    parser.add_argument("--ceiling", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"search-quality: no corpus at {args.corpus}: nothing measured")
        return
    articles = [a for a in read_articles(args.corpus) if a[1] and a[2]]
    # Articles with the same title and body are one article twice.
    same = {}
    for article_id, title, body in articles:
        same[article_id] = hash((title, body))
    rng = random.Random(args.seed)
    sample = articles[: args.limit] if args.limit else articles
    per_kind = {kind: ([], []) for kind in KINDS}
    for article in sample:
        for kind, query in queries_for(article, rng).items():
            if query:
                per_kind[kind][0].append(query)
                per_kind[kind][1].append(article[0])
    everything = [q for kind in KINDS for q in per_kind[kind][0]]
    engines = [("folio", lambda: folio_answers(args.bench, args.corpus, everything))]
    engines.append(("SQLite FTS5", lambda: fts5_answers(articles, everything)))
    if not args.no_tantivy:
        try:
            import tantivy  # noqa: F401

            engines.append(("tantivy", lambda: tantivy_answers(articles, everything)))
        except ImportError:
            print("search-quality: tantivy is not installed for this Python: skipped", file=sys.stderr)
    results = {}
    for name, answer in engines:
        answers = answer()
        if name == "folio" and args.misses:
            kinds = KINDS if args.misses == "all" else [args.misses]
            titles = {article_id: title for article_id, title, _ in articles}
            print_misses(answers, per_kind, kinds, titles, same)
        offset = 0
        for kind in KINDS:
            queries, targets = per_kind[kind]
            results[(name, kind)] = score(answers[offset : offset + len(queries)], targets, same)
            offset += len(queries)
    names = [name for name, _ in engines]
    if args.ceiling:
        for kind, figures in ceiling_scores(articles, same, per_kind).items():
            results[("ceiling", kind)] = figures
        names.append("ceiling")
    print(f"{len(sample)} articles of {args.corpus}, seed {args.seed}; MRR@10 / hit@1 per kind")
    rows = [["kind", "queries"] + names]
    for kind in KINDS:
        cells = [kind, str(len(per_kind[kind][0]))]
        for name in names:
            mrr, hit = results[(name, kind)]
            cells.append(f"{mrr:.3f} / {hit:.3f}")
        rows.append(cells)
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


if __name__ == "__main__":
    main()
