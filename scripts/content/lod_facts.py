#!/usr/bin/env python3
"""Facts from the LOD (CC0) for the built-in course in lessons/.

The course's sentences and glosses are our own writing; its forms, genders and plurals come
from the LOD. This script fills those factual fields so nobody types them by hand:

  lod_facts.py show WORD[@ID] ...
      Print what the LOD says about each headword (all homographs, or the one entry @ID).

  lod_facts.py en WORD ...
      Find entries by English equivalent (whole-word match): "en rain" lists Reen, reenen, ...

  lod_facts.py vocab FILE.tsv ...
      Fill a vocabulary list in place. A row may be a draft written with " | " instead of tabs:
          lb[@ID] | en | example_lb | example_en [| note]
      It becomes a full row (id, lb, pos, gender, plural, en, alternatives, example_lb,
      example_en, note) with pos, gender and plural from the LOD. Full rows with an empty pos
      are filled the same way; rows with a pos are left alone. Words the LOD lacks or where
      homographs disagree are reported; give @ID to choose the entry.

  lod_facts.py verbs DRAFT
      Print [[verb]] TOML for each draft line:
          [sech ]infinitive[@ID] | en / en | example_lb | example_en [| note]
      with present (6 forms), participles, auxiliary, imperative and separable prefix from
      the LOD. Redirect it into a unit file; the TOML is then the source.

$LUX_LOD_DIR overrides where the LOD mirror is (default /work/shared/lod).
Python 3 standard library only. The Swift test CourseContentTests checks the result.
"""

import os
import re
import sys
import unicodedata

import lod

TSV_COLUMNS = ["id", "lb", "pos", "gender", "plural", "en", "alternatives", "example_lb", "example_en", "note"]


def clean_form(form):
    """'ginn (mech)' -> 'ginn': LOD's optional reflexive pronouns in brackets are dropped."""
    return " ".join(re.sub(r"\([^)]*\)", " ", form).split())


def derived_id(text):
    """Mirrors PackIDs.derived(from:): 'Schwëster' -> 'schwester'."""
    folded = unicodedata.normalize("NFKD", text.lower())
    out = ""
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            out += ch
        elif out and not out.endswith("-"):
            out += "-"
    return out.strip("-")[:80]


def split_choice(word):
    """'Bank@BANK1' -> ('Bank', 'BANK1')."""
    if "@" in word:
        head, entry = word.rsplit("@", 1)
        return head.strip(), entry.strip()
    return word.strip(), None


def candidates(word, index):
    head, entry_id = split_choice(word)
    if entry_id:
        facts = lod.parse_entry(entry_id)
        return head, [facts] if facts else []
    return head, lod.entries_for(head, index)


# MARK: - show

def show(words):
    index = lod.load_index()
    for word in words:
        head, found = candidates(word, index)
        if not found:
            print(f"{head}: not in the LOD")
        for f in found:
            line = f"{f['id']}: {f['headword']} [{lod.pos_of(f)}]"
            if f["genders"]:
                line += f" gender {'/'.join(f['genders'])}"
            if f["plurals"] or f["plural_only"]:
                line += f" plural {' / '.join(f['plurals']) or '-'}{' (plural only)' if f['plural_only'] else ''}"
            if f["auxiliaries"]:
                line += f" aux {'/'.join(f['auxiliaries'])} pp {' / '.join(f['participles'])}"
            print(line)
            for t in f["tables"]:
                present = [" / ".join(t.get("present", {}).get(p, ["-"])) for p in range(1, 7)]
                imperative = [" / ".join(t.get("imperative", {}).get(p, ["-"])) for p in (2, 5)]
                print(f"    present {', '.join(present)}; imperative {', '.join(imperative)}")
            if f["comparative"]:
                print(f"    comparative {f['comparative']}, superlative {f['superlative']}")
            print(f"    en: {'; '.join(f['en'][:8])}")


# MARK: - en

EN_RE = re.compile(r"<lod:ETE-EXPLICITE[^>]*>([^<]*)</lod:ETE-EXPLICITE>")
HEAD_RE = re.compile(r"<lod:ITEM-ADRESSE[^>]*>([^<]*)</lod:ITEM-ADRESSE>")
TYPE_RE = re.compile(r"<lod:MS-TYPE-([A-Z-]+)")


def english_table():
    """[(id, headword, LOD word class, [en])], cached in /tmp (built in a few seconds)."""
    xml_dir = os.path.join(lod.lod_dir(), "XML")
    cache = f"/tmp/lux-lod-english-{int(os.path.getmtime(xml_dir))}.tsv"
    rows = []
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            for line in f.read().split("\n"):
                if line:
                    entry, head, kind, en = line.split("\t")
                    rows.append((entry, head, kind, en.split("|")))
        return rows
    for name in sorted(os.listdir(xml_dir)):
        if name.endswith(".xml"):
            with open(os.path.join(xml_dir, name), encoding="utf-8") as f:
                text = f.read()
            head, kind = HEAD_RE.search(text), TYPE_RE.search(text)
            en = [" ".join(e.split()) for e in EN_RE.findall(text)]
            rows.append((name[:-4], head.group(1).strip() if head else "", kind.group(1) if kind else "", en))
    with open(cache, "w", encoding="utf-8") as f:
        f.write("\n".join(f"{a}\t{b}\t{c}\t{'|'.join(d)}" for a, b, c, d in rows))
    return rows


def find_english(words):
    rows = english_table()
    for word in words:
        pattern = re.compile(r"(^|[^a-z])" + re.escape(word.lower()) + r"($|[^a-z])")
        print(f"== {word}")
        for entry, head, kind, en in rows:
            hits = [e for e in en if pattern.search(e.lower())]
            if hits:
                print(f"  {entry}: {head} [{kind}] {'; '.join(hits[:4])}")


# MARK: - vocab

def choose_vocab_entry(head, found):
    """The entry a vocabulary row means: a noun for a capitalised word, else the first
    non-noun. Returns (facts, warning)."""
    nouns = [f for f in found if f["lod_pos"] == "SUBST"]
    others = [f for f in found if f["lod_pos"] != "SUBST"]
    pool = nouns if head[:1].isupper() and nouns else (others or nouns)
    if not pool:
        return None, "not in the LOD"
    chosen = pool[0]
    warning = None
    if chosen["lod_pos"] == "SUBST":
        differing = [f for f in pool[1:] if (f["genders"], f["plurals"]) != (chosen["genders"], chosen["plurals"])]
        if differing:
            alts = ", ".join(f"{f['id']} {'/'.join(f['genders'])} {' / '.join(f['plurals'])}" for f in differing)
            warning = f"homographs differ, took {chosen['id']}; others: {alts}"
    return chosen, warning


def noun_facts(facts):
    """(gender, plurals). A plural-only noun (d'Leit) has no gender in the LOD; the pack format
    needs one, and any but masculine gives the plural article d' (the content check allows f or n)."""
    if facts["genders"]:
        gender = facts["genders"][0]
    else:
        gender = "n" if facts["plural_only"] else ""
    return gender, " / ".join(facts["plurals"])


def vocab(paths):
    index = lod.load_index()
    status = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        out = []
        seen_ids = {}
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                out.append(line)
                continue
            if "\t" not in line and " | " in line:
                parts = [p.strip() for p in line.split(" | ")]
                if len(parts) not in (4, 5):
                    print(f"{path}:{number}: a draft row needs lb | en | example_lb | example_en [| note]")
                    status = 1
                    out.append(line)
                    continue
                lb, en, ex_lb, ex_en = parts[:4]
                row = dict.fromkeys(TSV_COLUMNS, "")
                row.update(lb=lb, en=en, example_lb=ex_lb, example_en=ex_en, note=parts[4] if len(parts) == 5 else "")
            else:
                fields = line.split("\t")
                if len(fields) != len(TSV_COLUMNS):
                    print(f"{path}:{number}: row has {len(fields)} fields, expected {len(TSV_COLUMNS)}")
                    status = 1
                    out.append(line)
                    continue
                row = dict(zip(TSV_COLUMNS, fields))
            if not row["pos"]:
                head, found = candidates(row["lb"], index)
                row["lb"] = head
                facts, warning = choose_vocab_entry(head, found)
                if facts is None:
                    print(f"{path}:{number}: {head}: {warning}")
                    status = 1
                else:
                    if warning:
                        print(f"{path}:{number}: {head}: {warning}")
                    row["pos"] = lod.pos_of(facts)
                    if row["pos"] == "noun":
                        row["gender"], row["plural"] = noun_facts(facts)
                        if facts["plural_only"] and not row["note"]:
                            row["note"] = "plural only"
            if not row["id"]:
                row["id"] = derived_id(row["lb"])
            if row["id"] in seen_ids:
                print(f"{path}:{number}: id {row['id']} repeats line {seen_ids[row['id']]}")
                status = 1
            seen_ids[row["id"]] = number
            out.append("\t".join(row[c] for c in TSV_COLUMNS))
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    return status


# MARK: - verbs

def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_cells(cells):
    parts = []
    for forms in cells:
        parts.append(toml_string(forms[0]) if len(forms) == 1 else "[" + ", ".join(toml_string(f) for f in forms) + "]")
    return "[" + ", ".join(parts) + "]"


AUX_PRESENT = {"hunn": ["hunn", "hues", "huet", "hunn", "hutt", "hunn"],
               "sinn": ["sinn", "bass", "ass", "sinn", "sidd", "sinn"]}
KEEPS_N = set("aeiouyäëéèêöüûîâàándtzh")


def n_rule(word, following):
    """Mirrors VerbForms.applyNRule in the Swift code: hunn -> hu before most consonants."""
    if word.endswith("n") and following[:1].lower() not in KEEPS_N:
        return word[:-2] if word.endswith("nn") else word[:-1]
    return word


def explicit_perfect(table, auxiliary, participles):
    """The LOD's perfect cells when the pack cannot derive them from auxiliary + participle,
    as for reflexive verbs ("hu mech gefreet"); None when derivation gives the same."""
    perfect = table.get("perfect", {})
    cells = [perfect.get(p, []) for p in range(1, 7)]
    if auxiliary not in AUX_PRESENT or any(not c for c in cells) or any("(" in f for c in cells for f in c):
        return None
    derived = [[f"{n_rule(aux, pp)} {pp}" for pp in participles] for aux in AUX_PRESENT[auxiliary]]
    if [sorted(c) for c in cells] == [sorted(d) for d in derived]:
        return None
    return cells


def choose_verb_table(found):
    """The first verb entry with a full present, and its first such table."""
    for facts in found:
        if facts["lod_pos"] != "VRB":
            continue
        for table in facts["tables"]:
            present = table.get("present", {})
            if all(p in present for p in range(1, 7)):
                return facts, table
    return None, None


def verbs(draft_path):
    index = lod.load_index()
    status = 0
    blocks = []
    with open(draft_path, encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l.strip() and not l.startswith("#")]
    for line in lines:
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) not in (4, 5):
            print(f"# bad draft line: {line}", file=sys.stderr)
            status = 1
            continue
        # "sech freeën": the LOD's headword is "freeën"; the infinitive keeps "sech".
        reflexive = parts[0].startswith("sech ")
        head, found = candidates(parts[0][5:] if reflexive else parts[0], index)
        facts, table = choose_verb_table(found)
        if facts is None:
            print(f"# {head}: no verb with a full present in the LOD", file=sys.stderr)
            status = 1
            continue
        present = [[clean_form(f) for f in table["present"][p]] for p in range(1, 7)]
        imperative = table.get("imperative", {})
        auxiliary = facts["auxiliaries"][0] if facts["auxiliaries"] else None
        perfect3 = table.get("perfect", {}).get(3, [""])[0].split(" ")[0]
        auxiliary = {"huet": "hunn", "ass": "sinn"}.get(perfect3, auxiliary)
        separable = None
        last = present[0][0].split(" ")[-1]
        if " " in present[0][0] and head.startswith(last) and head != last:
            separable = last
        infinitive = "sech " + head if reflexive else head
        block = ["[[verb]]", f"id = {toml_string('v-' + derived_id(head))}", f"infinitive = {toml_string(infinitive)}",
                 "en = [" + ", ".join(toml_string(e.strip()) for e in parts[1].split(" / ")) + "]",
                 f"auxiliary = {toml_string(auxiliary or '')}",
                 "participle = [" + ", ".join(toml_string(p) for p in facts["participles"]) + "]",
                 f"present = {toml_cells(present)}"]
        if not (2 in imperative and 5 in imperative):
            # A homograph with the same present may carry the imperative (heeschen).
            for other in found:
                for t in other["tables"]:
                    if t.get("present") == table.get("present") and 2 in t.get("imperative", {}) and 5 in t.get("imperative", {}):
                        imperative = t["imperative"]
        perfect = explicit_perfect(table, auxiliary, facts["participles"])
        if perfect:
            block.append(f"perfect = {toml_cells(perfect)}")
        if 2 in imperative and 5 in imperative:
            block.append(f"imperative = {toml_cells([[clean_form(f) for f in imperative[p]] for p in (2, 5)])}")
        if separable:
            block.append(f"separable = {toml_string(separable)}")
        block += [f"example_lb = {toml_string(parts[2])}", f"example_en = {toml_string(parts[3])}"]
        if len(parts) == 5 and parts[4]:
            block.append(f"note = {toml_string(parts[4])}")
        if len(found) > 1:
            print(f"# {head}: took {facts['id']} of {', '.join(f['id'] for f in found)}", file=sys.stderr)
        blocks.append("\n".join(block))
    print("\n\n".join(blocks))
    return status


def main(argv):
    if len(argv) < 2 or argv[1] not in ("show", "en", "vocab", "verbs"):
        print(__doc__)
        return 2
    command, args = argv[1], argv[2:]
    if not os.path.isdir(os.path.join(lod.lod_dir(), "XML")):
        print(f"lod_facts: no LOD mirror at {lod.lod_dir()} (set LUX_LOD_DIR)", file=sys.stderr)
        return 1
    if command == "show":
        show(args)
        return 0
    if command == "en":
        find_english(args)
        return 0
    if command == "vocab":
        return vocab(args)
    if len(args) != 1:
        print("usage: lod_facts.py verbs DRAFT", file=sys.stderr)
        return 2
    return verbs(args[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
