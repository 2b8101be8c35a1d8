"""Reading the LOD open data (Lëtzebuerger Online Dictionnaire, CC0) for the course scripts.

The data is the per-entry mirror: a folder XML/ with one file per entry (GOEN1.xml, ...) and
index.csv mapping each entry id to its headword. Python 3 standard library only.
"""

import csv
import os
import unicodedata
import xml.etree.ElementTree as ET

NS = "{http://www.lod.lu/}"

# The tenses a course verb carries, as LOD names them: (mood, tense) -> our key.
TENSES = {
    ("INDICATIF", "PRESENT"): "present",
    ("INDICATIF", "PASSE-COMPOSE"): "perfect",
    ("IMPERATIF", "PRESENT"): "imperative",
}

# LOD word classes (MS-TYPE-*) in the pack format's terms (PartOfSpeech raw values).
POS = {
    "SUBST": "noun", "VRB": "verb", "ADJ": "adjective", "ADV": "adverb", "PRON": "pronoun",
    "PRONADV": "pronoun", "PREP": "preposition", "PREP-": "preposition", "CONJ": "conjunction",
    "ART": "article", "INTERJ": "interjection",
}


def lod_dir():
    """The folder holding index.csv and XML/: $LUX_LOD_DIR, else /work/shared/lod."""
    root = os.environ.get("LUX_LOD_DIR", "/work/shared/lod")
    # LUX_LOD_DIR may name the XML folder itself, as the Swift content check accepts.
    if os.path.basename(os.path.normpath(root)) == "XML":
        root = os.path.dirname(os.path.normpath(root))
    return root


def load_index():
    """headword -> [entry ids], in index order."""
    index = {}
    with open(os.path.join(lod_dir(), "index.csv"), encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 2:
                index.setdefault(row[1], []).append(row[0])
    return index


def cell_alternatives(cell):
    """Splits a LOD cell like "si gaangen / gaang" into ["si gaangen", "si gaang"]; a shorter
    later part borrows the leading words of the first. When the last part is the longer one
    ("déit / déing of"), shorter parts borrow its trailing words instead. Mirrors
    ConjugationTable.alternatives(inCell:) in the Swift code."""
    parts = [p.strip() for p in cell.split("/") if p.strip()]
    if not parts:
        return []
    first, last = parts[0].split(), parts[-1].split()
    if len(last) > len(first):
        out = []
        for p in parts:
            words = p.split()
            out.append(" ".join(words + last[len(words):]) if len(words) < len(last) else p)
        return out
    out = [parts[0]]
    for p in parts[1:]:
        words = p.split()
        out.append(" ".join(first[: len(first) - len(words)] + words) if len(words) < len(first) else p)
    return out


def _text(element):
    return " ".join("".join(element.itertext()).split())


def _distinct(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def parse_entry(entry_id):
    """The facts of one entry, as a dict; None if its file is missing."""
    path = os.path.join(lod_dir(), "XML", entry_id + ".xml")
    if not os.path.exists(path):
        return None
    root = ET.parse(path).getroot()
    item = root.find(NS + "ITEM")
    facts = {
        "id": entry_id, "headword": "", "lod_pos": "", "category": None, "genders": [], "plurals": [],
        "plural_only": False, "auxiliaries": [], "participles": [], "tables": [], "en": [],
        "declined": [], "comparative": None, "superlative": None,
    }
    if item is None:
        return facts
    head = item.find(".//" + NS + "ITEM-ADRESSE")
    facts["headword"] = _text(head) if head is not None else ""
    for element in item.iter():
        tag = element.tag.replace(NS, "")
        if tag.startswith("MS-TYPE-") and not facts["lod_pos"]:
            facts["lod_pos"] = tag[len("MS-TYPE-"):]
        elif tag.startswith("CAT-GRAM-") and facts["category"] is None:
            kind = tag[len("CAT-GRAM-"):]
            facts["category"] = element.get(NS + "C-G-" + kind) or element.get(NS + "TYPE-" + kind)
        elif tag == "GENRE":
            # "M", "F", "N", "MF", "MN", "FN"; plural-only nouns have "INDEF" (no gender).
            gen = element.get(NS + "GEN") or ""
            facts["genders"] = [] if gen == "INDEF" else [g.lower() for g in gen if g in "MFN"]
        elif tag == "FORME-PLURIEL":
            facts["plurals"].append(_text(element))
        elif tag == "PLURALE-TANTUM":
            facts["plural_only"] = True
        elif tag == "VRB-AUXILIAIRE":
            aux = (element.get(NS + "AUXIL") or "").lower()
            if aux in ("hunn", "sinn"):
                facts["auxiliaries"].append(aux)
        elif tag == "PARTICIPE-PASSE":
            facts["participles"].append(_text(element))
        elif tag == "ETE-EXPLICITE":
            facts["en"].append(_text(element))
    facts["plurals"] = _distinct(facts["plurals"])
    facts["auxiliaries"] = _distinct(facts["auxiliaries"])
    facts["participles"] = _distinct(facts["participles"])
    facts["en"] = _distinct(facts["en"])

    flexion = item.find(".//" + NS + "FLX-VRB")
    if flexion is not None:
        if not facts["participles"]:
            pp = flexion.find(NS + "PART-PASS")
            if pp is not None:
                facts["participles"] = cell_alternatives(_text(pp))
        tables = []
        for mood in flexion:
            mood_tag = mood.tag.replace(NS, "")
            if mood_tag == "INDICATIF":  # each INDICATIF opens a table (two for verbs with both auxiliaries)
                tables.append({})
            for tense in mood:
                key = TENSES.get((mood_tag, tense.tag.replace(NS, "")))
                if key is None:
                    continue
                if not tables:
                    tables.append({})
                for cell in tense:
                    person = cell.tag.replace(NS, "")
                    value = _text(cell)
                    if person.startswith("P") and value:
                        forms = [f.rstrip("!").strip() for f in cell_alternatives(value)]
                        tables[-1].setdefault(key, {}).setdefault(int(person[1:]), []).extend(forms)
        facts["tables"] = [t for t in tables if t]

    adjective = item.find(".//" + NS + "FLX-ADJ")
    if adjective is not None:
        basic = adjective.find(NS + "GRONDFORMEN")
        if basic is not None:
            comp, sup = basic.find(NS + "KOMPARATIV"), basic.find(NS + "SUPERLATIV")
            facts["comparative"] = _text(comp) if comp is not None and _text(comp) else None
            facts["superlative"] = _text(sup) if sup is not None and _text(sup) else None
        declension = adjective.find(NS + "DEKL")
        if declension is not None:
            facts["declined"] = _distinct(
                _text(e) for e in declension.iter() if e.tag.replace(NS, "") in ("NOM", "AKK", "DAT", "GEN"))
    return facts


def pos_of(facts):
    """The pack format's part of speech for an entry."""
    if facts["lod_pos"] == "ADJ" and facts["category"] in ("NB-CARDINAL", "NB-ORDINAL"):
        return "numeral"
    return POS.get(facts["lod_pos"], "other")


def file_stem(headword):
    """The stem of an entry's file name: the headword without diacritics, letters and digits
    only, upper-cased ("kënnen" -> "KENNEN"). Homographs are numbered: KENNEN1, KENNEN3, ..."""
    folded = unicodedata.normalize("NFKD", headword)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return "".join(c for c in folded if c.isascii() and c.isalnum()).upper()


def entries_for(headword, index=None):
    """Every entry whose headword is exactly `headword`. Found by file name, as the Swift
    content check does: index.csv lacks some entries. (`index` is accepted and ignored.)"""
    stem = file_stem(headword)
    found = []
    for number in range(1, 13):
        facts = parse_entry(f"{stem}{number}") if stem else None
        if facts is not None and facts["headword"] == headword:
            found.append(facts)
    return found
