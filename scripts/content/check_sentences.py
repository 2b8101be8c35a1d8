#!/usr/bin/env python3
"""An authoring aid for the course: checks the Luxembourgish sentences in lessons/ word by word.

  check_sentences.py [PATH ...]     (default: lessons/)

For every Luxembourgish text (vocabulary and verb examples, phrases, translation sources and
answers in Luxembourgish, dialogue openings and useful phrases) it reports:
  - words that are no form the LOD knows (headwords, plurals, every verb form of every tense,
    adjective declensions, comparatives), unless listed in scripts/content/known-words.txt
    (proper names and such, one a line);
  - likely n-rule (Eifeler Regel) slips: a final -n kept before a consonant other than
    n, d, t, z, h, or dropped before a vowel, one of those letters, or the end of a clause.
It is a lint, not a judge: read each report and fix the sentence or add the word to
known-words.txt. The Swift test CourseContentTests is the strict check of the facts.
"""

import glob
import os
import re
import sys
import tomllib

import lod

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT_TAGS = ("ITEM-ADRESSE", "FORME-PLURIEL", "PARTICIPE-PASSE", "PART-PASS", "INFINITIF",
             "P1", "P2", "P3", "P4", "P5", "P6", "NOM", "AKK", "DAT", "GEN", "POSITIV", "KOMPARATIV",
             "SUPERLATIV", "UNITE-POLYLEX-LUX")
TAG_RE = re.compile(r"<lod:(%s)(?:\s[^>]*)?>([^<]*)</lod:\1>" % "|".join(TEXT_TAGS))
WORD_RE = re.compile(r"[A-Za-zÀ-ÿëËéÉäÄöÖüÜ]+(?:-[A-Za-zÀ-ÿëËéÉäÄöÖüÜ]+)*")
# The n-rule keeps a final n before a vowel or one of these consonants.
KEEPS_N = set("aeiouyäëéèêöüûâàdhntz")


def lod_forms():
    """Every word form the LOD writes, cached beside the system's temp files."""
    xml_dir = os.path.join(lod.lod_dir(), "XML")
    stamp = int(os.path.getmtime(xml_dir))
    cache = f"/tmp/lux-lod-forms-{stamp}.txt"
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            return set(f.read().split("\n"))
    forms = set()
    for name in os.listdir(xml_dir):
        if not name.endswith(".xml"):
            continue
        with open(os.path.join(xml_dir, name), encoding="utf-8") as f:
            for _, text in TAG_RE.findall(f.read()):
                for word in WORD_RE.findall(text):
                    forms.add(word)
    with open(cache, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(forms)))
    return forms


def known_words():
    path = os.path.join(HERE, "known-words.txt")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {l.split("#")[0].strip() for l in f if l.split("#")[0].strip()}


def texts_in(path):
    """(place, Luxembourgish text) pairs of one pack file."""
    out = []
    if path.endswith(".tsv"):
        with open(path, encoding="utf-8") as f:
            columns = None
            for number, line in enumerate(f.read().split("\n"), 1):
                if line.startswith("#columns:"):
                    columns = line[len("#columns:"):].split("\t")
                elif line.strip() and not line.startswith("#") and columns:
                    row = dict(zip(columns, line.split("\t")))
                    if row.get("example_lb"):
                        out.append((f"{path}:{number}", row["example_lb"]))
        return out
    with open(path, "rb") as f:
        data = tomllib.load(f)
    for kind in ("vocab", "verb"):
        for item in data.get(kind, []):
            if item.get("example_lb"):
                out.append((f"{path} {item.get('id')}", item["example_lb"]))
    for item in data.get("phrase", []):
        out.append((f"{path} {item.get('id')}", item["lb"]))
    for item in data.get("translation", []):
        if item.get("direction") == "lb-en":
            out.append((f"{path} {item.get('id')}", item["source"]))
        else:
            answers = item.get("answers", [])
            for answer in answers if isinstance(answers, list) else answers.split(" / "):
                out.append((f"{path} {item.get('id')}", answer))
    for item in data.get("dialogue", []):
        out.append((f"{path} {item.get('id')}", item.get("opening", "")))
        for phrase in item.get("useful_phrases", []):
            out.append((f"{path} {item.get('id')}", phrase))
    return out


def tokens(text):
    """(word, starts a sentence, the next word or '' at a clause end) for each word."""
    cleaned = text.replace("’", "'").replace("w.e.g.", " ").replace("W.e.g.", " ")
    # "d'Kaz": the article is a word of its own, starting with d (which keeps a final n).
    cleaned = re.sub(r"\b([dD])'", r" \1' ", cleaned)
    pieces = re.findall(r"[dD]'|[A-Za-zÀ-ÿëËéÉäÄöÖüÜ]+(?:-[A-Za-zÀ-ÿëËéÉäÄöÖüÜ]+)*|[.,;:!?()\"–…]|\d+", cleaned)
    result = []
    for i, piece in enumerate(pieces):
        if not piece[0].isalpha() or piece.endswith("'"):
            continue
        j = i + 1
        while j < len(pieces) and pieces[j] == '"':  # a quoted word still follows
            j += 1
        following = pieces[j] if j < len(pieces) else ""
        first = i == 0 or pieces[i - 1] in ".!?:\"–…"
        result.append((piece, first, following if following[:1].isalpha() or following[:1].isdigit() else ""))
    return result


# Separable prefixes; LOD lists "fänkt un", a subordinate clause writes "ufänkt" (with the
# n-rule inside the word: un -> u before f).
PREFIXES = ("zeréck", "eraus", "eran", "heem", "aus", "mat", "zou", "vir", "ëm", "op", "of", "un", "an", "no",
            "u", "a")


def known(word, first, forms, extra):
    candidates = {word, word.lower(), word.capitalize()} if first else {word}
    if any(c in forms or c in extra for c in candidates):
        return True
    lower = word.lower()
    for prefix in PREFIXES:
        rest = lower[len(prefix):]
        if lower.startswith(prefix) and len(rest) > 2:
            # "unzitt" = un + zitt; "opzestoen" = op + ze + stoen
            if rest in forms or (rest.startswith("ze") and rest[2:] in forms):
                return True
    return False


def drops_n(following):
    """Whether a final n drops before `following` by the n-rule."""
    first = following[:1].lower()
    return bool(first) and first.isalpha() and first not in KEEPS_N


def check(paths):
    forms = lod_forms()
    extra = known_words()
    problems = 0
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(glob.glob(os.path.join(path, "**", "*.toml"), recursive=True))
            files += sorted(glob.glob(os.path.join(path, "**", "*.tsv"), recursive=True))
        else:
            files.append(path)
    for path in files:
        if os.path.basename(path) in ("pack.toml", "lod-allowlist.toml"):
            continue
        for place, text in texts_in(path):
            for word, first, following in tokens(text):
                if len(word) == 1 and word.lower() not in forms:
                    continue  # a letter named in a sentence ("the letter ë")
                if not known(word, first, forms, extra):
                    full = next((w for w in (word + "n", word + "nn") if known(w, first, forms, extra)), None)
                    if full is None:
                        print(f"{place}: unknown word \"{word}\" in: {text}")
                        problems += 1
                    elif not drops_n(following):
                        print(f"{place}: n-rule? \"{word} {following or '<end>'}\" (keep the n: {full}) in: {text}")
                        problems += 1
                    continue
                problems += n_rule(word, first, following, text, place, forms, extra)
    print(f"{problems} report(s) in {len(files)} file(s)")
    return 1 if problems else 0


# Short forms made by the n-rule that do not end in -e (those are found by their -en).
N_SHORT = {"hu", "si", "wa", "a", "vu", "ee", "mäi", "däi", "säi", "gi", "ka", "scho", "da", "e", "de", "kee", "u"}


def n_rule(word, first, following, text, place, forms, extra):
    """1 (after printing) when the word looks like an n-rule slip, else 0."""
    lower = word.lower()
    nxt = following[:1].lower()
    drops = drops_n(following)
    if word[0].isupper() and not first:
        # Nouns: the -en ending follows the rule ("meng Eltere wunnen"), a stem n does not
        # ("Wäin", "Frënn").
        # ("Been", "Wäin": a long vowel before the n makes it part of the stem; French
        # "Mecanicien" has a nasal vowel.)
        if drops and lower.endswith("en") and not lower.endswith(("nen", "een", "ien")) and word not in extra:
            print(f"{place}: n-rule? \"{word} {following}\" (before {nxt} the n drops: {word[:-1]}) in: {text}")
            return 1
        return 0
    if drops and lower.endswith("n"):
        short = lower[:-2] if lower.endswith("nn") else lower[:-1]
        # Every lowercase word's final n follows the rule (articles, pronouns, verb forms,
        # adjective endings, short words like an, vun, schonn).
        if lower not in extra:
            print(f"{place}: n-rule? \"{word} {following}\" (before {nxt} the n drops: {short}) in: {text}")
            return 1
    # "si" is also the pronoun (she, they), so only its kept form is checked.
    # A word that is a form of its own ("lee", the imperative of leeën) is no dropped n.
    if not drops and lower != "si" and (lower in N_SHORT or (lower.endswith("e") and lower not in forms)):
        for full in (lower + "n", lower + "nn"):
            if full in forms or full in extra:
                print(f"{place}: n-rule? \"{word} {following or '<end>'}\" (keep the n: {full}) in: {text}")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(check(sys.argv[1:] or [os.path.join(HERE, "..", "..", "lessons")]))
