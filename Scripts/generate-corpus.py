#!/usr/bin/env python3
"""Writes a seeded synthetic news corpus for benchmarking folio.

    python3 Scripts/generate-corpus.py OUT_DIR --articles N [--seed S] [--folders K]
        [--format text|jsonl|csv|mbox|maildir] [--gzip]

With the default `--format text`, each article is a `.txt` file in the news-dataset format that
folio reads: a title line, a blank line, then paragraphs separated by blank lines (like the BBC set
in shared/corpus/bbc-fulltext). The other formats hold every article in one file under OUT_DIR
(`news.jsonl`, `news.csv`, `news.mbox`) or one message per file in a Maildir (`OUT_DIR/inbox`),
with the same text, a date, a source and a URL; `--gzip` compresses each file written (`.gz`).
The articles are the same for a given seed whatever the format.

The text is random but has the statistics that matter to an index:
- a Zipfian vocabulary of 50,000 words: English function words first, then real news words (so the
  benchmark's query list finds something), then generated pronounceable words, each in a family of
  suffixed forms (-s, -ed, -ing, -ly, -tion, ...) so that stemming has work to do;
- article lengths log-normal, median 340 words and mean ~385 (a median file of about 2.3 KB, like
  the BBC set), in 3–8 paragraphs of 8–30-word sentences;
- a handful of topic words per article repeated through it, because real articles are bursty and
  BM25 ranking behaves differently on text where every word is independent;
- numbers, money, percentages, non-ASCII words (café, Zürich), curly quotes and apostrophes, so
  the Unicode and apostrophe-folding paths of the loader and tokenizer run.

Deterministic for a given seed: one `random.Random(seed)` drives everything, in a fixed order.
Speed: an article's words are drawn in bulk in C (see `sampling_table`) and the Python loop runs
once a sentence, not once a word, so 100,000 articles take well under a minute on one core.
"""

import argparse
import csv
import datetime
import gzip
import io
import json
from array import array
import math
import os
import random
import sys
import time
from operator import itemgetter

VOCABULARY_SIZE = 50_000
# Log-normal article length in words (sigma 0.5): a mean of ~385 words and a median file of
# ~2.3 KB, like the BBC set (381 words a file on average).
MEDIAN_WORDS = 340
# Zipf–Mandelbrot weights 1/(rank + q)^s: s ≈ 1 as in English; q = 1 makes "the" ~5% of tokens
# and "of" ~2.5%, as counted in the BBC set (5.2% and 2.3%).
ZIPF_S = 1.0
ZIPF_Q = 1.0

# Roughly in order of frequency in English news text.
FUNCTION_WORDS = """
the of to and a in that is for on it with was as he be at by said his from have are an has
but not had they this were which who their been will its would she or her more after also one
two year new up about out people than last there we first into when over time three other all
if years can some i could them our what no only him government so against like most before may
just because while being do where made week then any should since many four did such you much
under between next these off still those now told how made back those well down even through
""".split()

NEWS_WORDS = """
market company firm shares profit profits sales growth economy economic bank rate rates price
prices oil dollar euro deal chief executive business investors analysts quarter billion million
minister election party labour tory tories blair brown howard prime government leader campaign
vote voters parliament mps policy tax taxes spending council court judge police security law
film films music album band singer actor actress award awards festival show star stars tv series
chart box office director comedy drama game games player players match team club season cup coach
win won victory champion league final injury goal goals football rugby cricket tennis olympic
world england wales scotland ireland britain british london europe european china chinese japan
india america american us uk france french germany german russia russian
technology mobile phone phones internet broadband software computer computers users online web
digital network networks service services data apple microsoft google sony games console gadget
report reports plans plan claims claim warned announced expected increase rise rose fell cut cuts
public private national international local health education school schools students children
family families women men former president state states officials workers jobs job union strike
trade exports imports consumer consumers spending debt deficit inflation interest budget pension
pensions reform reforms bill issue issues decision evidence research study survey figures number
""".split()

# Reached through the vocabulary (a mid rank each) so the loader's NFC, case and diacritic
# folding and the tokenizer's non-ASCII path run on every corpus.
UNICODE_WORDS = """
café naïve Zürich résumé São façade Müller Beyoncé Ångström crème brûlée fiancée Björk
Gdańsk Łódź Dvořák Škoda Citroën Renée Chloé Mötley jalapeño piñata über coöperate
""".split()

# Mostly single letters: English words average ~5 letters, and the corpus's bytes per word should too.
CONSONANTS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
              "b", "c", "d", "l", "m", "n", "p", "r", "s", "t", "br", "st", "th", "tr", "ch", "sp"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "ea", "ou", "ai", "y"]
CODAS = ["", "", "", "", "n", "r", "l", "t", "s", "nd", "nt", "rk", "st", "m", "ck"]
SUFFIXES = ["s", "ed", "ing", "ly", "tion", "er", "ment", "ness", "able", "ity"]

CONTRACTIONS = ["don’t", "it’s", "can’t", "won’t", "isn’t", "we’re", "they’ve", "didn’t",
                "don't", "it's", "doesn't"]
MONEY = ["£", "$", "€"]
MONEY_UNITS = ["m", "bn", "", "k"]


def build_vocabulary(rng):
    """The vocabulary in rank order: function words, news words, then generated families."""
    words = []
    seen = set()

    def add(word):
        if word not in seen:
            seen.add(word)
            words.append(word)

    for word in FUNCTION_WORDS + NEWS_WORDS:
        add(word)
    # Generated roots; a root's suffixed forms are placed later in the ranking (derived forms are
    # rarer than their base), interleaved so that every rank band mixes bases and derivations.
    generated = []
    index = 0
    while len(seen) + len(generated) < VOCABULARY_SIZE * 2:
        syllables = rng.choice((1, 2, 2, 2, 2, 3))
        root = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables))
        root += rng.choice(CODAS)
        if len(root) < 3 or root in seen:
            continue
        generated.append((index, root))
        for suffix in rng.sample(SUFFIXES, rng.randint(0, 4)):
            form = root[:-1] + suffix if root.endswith("e") and suffix[0] in "aei" else root + suffix
            generated.append((index * 3 + rng.random() * index, form))
        index += 1
    generated.sort(key=lambda pair: pair[0])
    for _, word in generated:
        if len(words) >= VOCABULARY_SIZE:
            break
        add(word)
    for position, word in enumerate(UNICODE_WORDS):
        # Ranks 2,000…14,000: rare enough to look like names, common enough to occur in many files.
        words.insert(2_000 + position * 500, word)
    del words[VOCABULARY_SIZE:]
    return words


TABLE_BITS = 22


def sampling_table(vocabulary):
    """A 2^22-entry list in which each word appears in proportion to its Zipf weight.

    Drawing a word is then one random index into this list, which lets a whole article be drawn
    in C (`randbytes` → `array` → `itemgetter`) instead of one `random.choices` step per word, a
    bisection each (measured: ~1 µs a word, which made 100,000 articles take minutes).
    The rarest of 50,000 words still gets ~8 entries, so quantising the weights loses nothing.
    """
    size = 1 << TABLE_BITS
    weights = [1.0 / (rank + 1 + ZIPF_Q) ** ZIPF_S for rank in range(len(vocabulary))]
    scale = size / sum(weights)
    table = []
    for word, weight in zip(vocabulary, weights):
        table.extend([word] * max(1, round(weight * scale)))
    # Rounding leaves the table a little off 2^22: trim or pad with the most common word.
    del table[size:]
    table.extend([vocabulary[0]] * (size - len(table)))
    return table


def number_token(rng):
    kind = rng.random()
    if kind < 0.3:
        return str(rng.randint(1990, 2025))
    if kind < 0.55:
        return f"{rng.randint(1, 99)}%"
    if kind < 0.8:
        return f"{rng.choice(MONEY)}{rng.randint(1, 999)}{rng.choice(MONEY_UNITS)}"
    if kind < 0.9:
        return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
    return f"{rng.randint(1, 20)}.{rng.randint(0, 99)}"


SENTENCE_ENDS = ".........?!"
SPEAKERS = ("he said.", "she said.", "officials said.")
POSSESSIVES = ("’s", "’s", "'s")
MASK = (1 << TABLE_BITS) - 1


def make_article(rng, table, topic_pool):
    """One article as the text of its file.

    The inner loop runs once a sentence, not once a word, and uses `rng.random()` arithmetic
    rather than `randint`/`choice`, which cost ~10 times more per call.
    """
    random = rng.random
    length = max(60, min(6_000, int(rng.lognormvariate(math.log(MEDIAN_WORDS), 0.5))))
    draws = array("I", rng.randbytes(4 * length))
    tokens = list(itemgetter(*map(MASK.__and__, draws))(table))
    # Topic words: a few mid-frequency words that recur through this article (burstiness).
    topics = [topic_pool[int(random() * len(topic_pool))] for _ in range(3 + int(random() * 6))]
    for _ in range(length // 25):
        tokens[int(random() * length)] = topics[int(random() * len(topics))]

    sentences = []
    position = 0
    while position < length:
        size = 8 + int(random() * 23)
        words = tokens[position:position + size]  # a fresh list: safe to edit in place
        position += size
        count = len(words)
        roll = random()
        if roll < 0.15:
            words[int(random() * count)] = number_token(rng)
        elif roll < 0.22:
            words[int(random() * count)] = CONTRACTIONS[int(random() * len(CONTRACTIONS))]
        elif roll < 0.30:
            slot = int(random() * count)
            words[slot] += POSSESSIVES[int(random() * 3)]
        if random() < 0.3:
            # Proper nouns: capitalised words here and there, like names in news text.
            slot = int(random() * count)
            words[slot] = words[slot].capitalize()
        words[0] = words[0].capitalize()
        if count > 10 and random() < 0.35:
            words[count // 2] += ","
        sentence = " ".join(words) + SENTENCE_ENDS[int(random() * len(SENTENCE_ENDS))]
        if random() < 0.08:
            sentence = "“" + sentence + "” " + SPEAKERS[int(random() * 3)]
        sentences.append(sentence)

    paragraph_count = min(len(sentences), 3 + int(random() * 6))
    cuts = sorted(rng.sample(range(1, len(sentences)), paragraph_count - 1)) if paragraph_count > 1 else []
    paragraphs = []
    start = 0
    for cut in cuts + [len(sentences)]:
        paragraphs.append(" ".join(sentences[start:cut]))
        start = cut

    # The title is drawn from the article's own words (topics first), as headlines are.
    content = [word for word in tokens[:120] if word not in FUNCTION_SET]
    title_words = rng.sample(topics + content, min(5 + int(random() * 6), len(topics) + len(content)))
    title = " ".join(title_words)
    title = title[:1].upper() + title[1:]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


FUNCTION_SET = frozenset(FUNCTION_WORDS)


def open_output(path, compress):
    """A binary file at `path` (`path.gz`, compressed, with `compress`)."""
    return gzip.open(path + ".gz", "wb", compresslevel=6) if compress else open(path, "wb")


def write_text(args, rng, table, topic_pool):
    folders = [os.path.join(args.out_dir, f"section{k:02d}") for k in range(args.folders)]
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
    total_bytes = 0
    for number in range(args.articles):
        text = make_article(rng, table, topic_pool).encode("utf-8")
        with open_output(os.path.join(folders[number % args.folders], f"{number:06d}.txt"), args.gzip) as file:
            file.write(text)
        total_bytes += len(text)
    return total_bytes


FIRST_DAY = datetime.date(2015, 1, 1)


def metadata(number, folders):
    """Date, source and URL of article `number`: derived from the number, so the random stream (and
    so the text) is the same in every format."""
    day = FIRST_DAY + datetime.timedelta(days=(number * 7919) % 3650)
    source = f"section{number % folders:02d}"
    return day, source, f"https://news.example.org/{source}/{number:07d}"


def write_container(args, rng, table, topic_pool):
    """Every article in one file (jsonl, csv, mbox) or one message per file in a Maildir."""
    os.makedirs(args.out_dir, exist_ok=True)
    if args.format == "maildir":
        inbox = os.path.join(args.out_dir, "inbox")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(inbox, sub), exist_ok=True)
    extension = {"jsonl": "news.jsonl", "csv": "news.csv", "mbox": "news.mbox"}.get(args.format)
    output = open_output(os.path.join(args.out_dir, extension), args.gzip) if extension else None
    buffered = io.BufferedWriter(output, buffer_size=1 << 20) if output and not args.gzip else output
    writer = None
    if args.format == "csv":
        text_output = io.TextIOWrapper(buffered, encoding="utf-8", newline="")
        writer = csv.writer(text_output, lineterminator="\r\n")
        writer.writerow(["title", "date", "source", "url", "text"])
    total_bytes = 0
    for number in range(args.articles):
        article = make_article(rng, table, topic_pool)
        title, _, body = article.partition("\n\n")
        day, source, url = metadata(number, args.folders)
        if args.format == "jsonl":
            record = {"title": title, "date": day.isoformat(), "source": source, "url": url, "text": body}
            data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            buffered.write(data)
        elif args.format == "csv":
            writer.writerow([title, day.isoformat(), source, url, body])
            data = body.encode("utf-8")
        else:
            stamp = datetime.datetime(day.year, day.month, day.day, 12, 0, tzinfo=datetime.timezone.utc)
            quoted = "".join(">" + line if line.lstrip(">").startswith("From ") else line
                             for line in body.splitlines(keepends=True))
            message = (f"From: Desk {source} <{source}@news.example.org>\n"
                       f"Subject: {title}\nDate: {stamp.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n"
                       f"Message-ID: <{number:07d}.{args.seed}@news.example.org>\nNewsgroups: {source}\n\n{quoted}")
            if args.format == "mbox":
                envelope = f"From {source}@news.example.org {stamp.strftime('%a %b %d %H:%M:%S %Y')}\n"
                data = (envelope + message + "\n").encode("utf-8")
                buffered.write(data)
            else:
                data = message.encode("utf-8")
                folder = "cur" if number % 2 else "new"
                name = f"{1_600_000_000 + number}.M{number}P1.example" + (":2,S" if number % 2 else "")
                with open_output(os.path.join(args.out_dir, "inbox", folder, name), args.gzip) as file:
                    file.write(data)
        total_bytes += len(data)
    if writer:
        text_output.flush()
        text_output.detach()
    if buffered:
        buffered.flush()
        if buffered is not output:
            buffered.detach()
        output.close()
    return total_bytes


def main():
    parser = argparse.ArgumentParser(description="Write a seeded synthetic news corpus.")
    parser.add_argument("out_dir")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folders", type=int, default=10)
    parser.add_argument("--format", choices=["text", "jsonl", "csv", "mbox", "maildir"], default="text")
    parser.add_argument("--gzip", action="store_true", help="compress every file written (.gz)")
    args = parser.parse_args()
    if args.articles < 0 or args.folders < 1:
        parser.error("--articles must be >= 0 and --folders >= 1")

    started = time.perf_counter()
    rng = random.Random(args.seed)
    vocabulary = build_vocabulary(rng)
    table = sampling_table(vocabulary)
    # Topic words come from below the function words and above the long tail (ranks ~150…20,000).
    topic_pool = vocabulary[len(FUNCTION_WORDS):20_000]

    if args.format == "text":
        total_bytes = write_text(args, rng, table, topic_pool)
    else:
        total_bytes = write_container(args, rng, table, topic_pool)

    seconds = time.perf_counter() - started
    print(f"wrote {args.articles} articles ({args.format}), {total_bytes:,} bytes ({total_bytes / 1048576:.1f} MiB) "
          f"in {args.folders} folders under {args.out_dir} in {seconds:.1f} s (seed {args.seed})")


if __name__ == "__main__":
    sys.exit(main())
