"""The search-quality ceiling (Bayes-optimal ranking) on hand-made articles, without a corpus.

Run: python3 -m unittest discover -s Benchmarks -p 'test_*.py'
"""

import importlib.util
import math
import os
import random
import unittest
from fractions import Fraction

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-quality.py")
_SPEC = importlib.util.spec_from_file_location("search_quality", _PATH)
sq = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sq)


def ceiling_of(articles, kind, query, target, same=None):
    same = same if same is not None else {a[0]: a[0] for a in articles}
    model = sq.Ceiling(articles, same, passages=[query] if kind == "passage" else ())
    return model.expected(kind, query, target)


class HandComputedCeilings(unittest.TestCase):
    def test_a_shared_title_is_a_coin_toss_unless_the_articles_are_copies(self):
        articles = [("a", "Rain on plains", "One body."), ("b", "Rain on plains", "Other.")]
        rr, hit = ceiling_of(articles, "title", "rain on plains", "a")
        self.assertAlmostEqual(rr, (1 + 1 / 2) / 2)
        self.assertAlmostEqual(hit, 1 / 2)
        rr, hit = ceiling_of(articles, "title", "Rain on plains", "b", same={"a": 1, "b": 1})
        self.assertEqual((rr, hit), (1.0, 1.0))

    def test_words_rank_a_shorter_title_above_a_longer_one(self):
        # "red green blue" is 1 of C(5, 3) = 10 picks of the first title, all of the second.
        articles = [("long", "red green blue yellow pink", "x."), ("short", "Red Green Blue", "x.")]
        self.assertEqual(ceiling_of(articles, "words", "red green blue", "long"), (0.5, 0.0))
        self.assertEqual(ceiling_of(articles, "words", "red green blue", "short"), (1.0, 1.0))

    def test_words_count_every_in_order_pick(self):
        model = sq.Ceiling([("a", "red red green blue pink", "x")], {})
        self.assertEqual(model.likelihoods("words", "red green blue"), {"a": Fraction(2, 10)})
        self.assertEqual(model.likelihoods("words", "blue green red"), {})

    def test_a_passage_weighs_each_sentence_and_each_start(self):
        # a: (1/1 + 1/2) / 2 sentences = 3/4; b: 1 of 2 starts in its one eligible sentence = 1/2;
        # c: (1/1 + 0) / 2 = 1/2. Target b ties with c below a: rank 2 or 3.
        articles = [
            ("a", "A", "one two three four. one two three four five."),
            ("b", "B", "Hi there. zero one two three four!"),
            ("c", "C", "one two three four. six seven eight nine."),
        ]
        model = sq.Ceiling(articles, {}, passages=["One two three four"])
        self.assertEqual(
            model.likelihoods("passage", "One two three four"),
            {"a": Fraction(3, 4), "b": Fraction(1, 2), "c": Fraction(1, 2)},
        )
        rr, hit = model.expected("passage", "One two three four", "b")
        self.assertAlmostEqual(rr, (1 / 2 + 1 / 3) / 2)
        self.assertEqual(hit, 0.0)
        self.assertEqual(model.expected("passage", "One two three four", "a"), (1.0, 1.0))

    def test_ranks_beyond_ten_count_nothing(self):
        articles = [(str(n), "same old title", f"body {n}.") for n in range(12)]
        rr, hit = ceiling_of(articles, "title", "same old title", "3")
        self.assertAlmostEqual(rr, sum(1 / r for r in range(1, 11)) / 12)
        self.assertAlmostEqual(hit, 1 / 12)

    def test_one_typo_edit_by_hand(self):
        model = sq.Ceiling([], {})
        # "abcde": edit places 1..3, each edit kind 1/4, a replacement letter 1/25.
        self.assertEqual(model.word_typo_chance("abcde", "acbde"), Fraction(1, 12))
        self.assertEqual(model.word_typo_chance("abcde", "abde"), Fraction(1, 12))
        self.assertEqual(model.word_typo_chance("abcde", "abccde"), Fraction(1, 12))
        self.assertEqual(model.word_typo_chance("abcde", "abxde"), Fraction(1, 300))
        self.assertEqual(model.word_typo_chance("abcde", "abcde"), 0)
        # Swapping two equal letters leaves the word as it was.
        self.assertEqual(model.word_typo_chance("xyyzw", "xyyzw"), Fraction(1, 12))

    def test_a_query_no_article_could_make_is_an_error(self):
        with self.assertRaises(ValueError):
            ceiling_of([("a", "some title words", "x")], "title", "other words", "a")


class ModelMatchesTheGenerator(unittest.TestCase):
    """P(query | article) against how often `queries_for` draws each query (fixed seed)."""

    # Short titles and words, so that in DRAWS draws every query the generator can make shows up.
    ARTICLES = [
        ("a", "Grüße from lakes world's", "Short. Birds sing over the lake. It rains, birds sing!"),
        ("b", "Seven bridge over river", "Seven bridges cross the wide river? Yes they do."),
    ]
    DRAWS = 30000

    def test_every_kind(self):
        model = sq.Ceiling(self.ARTICLES, {}, passages=self.passages())
        rng = random.Random(5)
        for article in self.ARTICLES:
            seen = {kind: {} for kind in sq.KINDS}
            for _ in range(self.DRAWS):
                for kind, query in sq.queries_for(article, rng).items():
                    if query:
                        key = sq.fold(sq.words(query))
                        seen[kind][key] = seen[kind].get(key, 0) + 1
            for kind, counts in seen.items():
                total = Fraction(0)
                for key, count in counts.items():
                    chance = model.likelihoods(kind, " ".join(key)).get(article[0], 0)
                    self.assertGreater(chance, 0, msg=(kind, key))
                    total += chance
                    spread = 5 * math.sqrt(chance * (1 - chance) / self.DRAWS) + 1e-3
                    self.assertAlmostEqual(
                        count / self.DRAWS, float(chance), delta=spread, msg=(kind, key)
                    )
                # The queries drawn are all the article makes (a words-typo pick with no word of 5+
                # letters makes none), so their chances add up to the share of draws that made one.
                self.assertLessEqual(total, 1, kind)
                made = sum(counts.values()) / self.DRAWS
                self.assertAlmostEqual(float(total), made, delta=0.01, msg=kind)

    def passages(self):
        runs = set()
        for _, _, body in self.ARTICLES:
            for sentence in sq.eligible_sentences(body):
                runs.update(" ".join(sentence[i : i + 4]) for i in range(len(sentence) - 3))
        return runs


if __name__ == "__main__":
    unittest.main()
