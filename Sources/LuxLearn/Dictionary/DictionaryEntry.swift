/// One LOD entry as LuxLlama keeps it: what the learner looks up, drills and reads.
/// The whole struct is the JSON `payload` of its `dictionary_entries` row.
public struct DictionaryEntry: Codable, Sendable, Equatable {
    /// The LOD's id, e.g. "GOEN1".
    public var id: String
    public var headword: String
    /// The LOD's word class: "SUBST", "VRB", "ADJ", "ADV", "PRON", "PRONADV", "PREP",
    /// "PREP-plus-ART", "CONJ", "ART", "INTERJ", "PART", "ELEM-COMP" or "INDEF".
    public var lodPartOfSpeech: String
    /// A finer class when the LOD gives one: "NOM-PROPRE", "NB-CARDINAL", "VRB-DE-MODALITE", ...
    public var category: String?
    /// Nouns: usually one; some nouns take two ("MF" in the LOD).
    public var genders: [Gender]
    /// Nouns: every plural form, the usual one first.
    public var plurals: [String]
    /// Nouns used only in the plural.
    public var pluralOnly: Bool
    /// Verbs: the perfect's auxiliaries, in the order of the conjugation tables.
    public var auxiliaries: [Auxiliary]
    /// Verbs: past participles, the usual one first.
    public var participles: [String]
    /// Verbs: the LOD's full tables, one per auxiliary ("abriechen" has a hunn and a sinn table).
    public var conjugations: [ConjugationTable]
    /// Adjectives: "méi schéin", "am schéinsten".
    public var comparative: String?
    public var superlative: String?
    /// Adjectives: the distinct declined forms the LOD lists ("schéinen", "schéiner", ...).
    public var declinedForms: [String]
    public var senses: [DictionarySense]
    /// Other entries this one points at (its standard spelling, the word it is a diminutive of, ...).
    public var references: [DictionaryReference]

    public init(id: String, headword: String, lodPartOfSpeech: String, category: String? = nil,
                genders: [Gender] = [], plurals: [String] = [], pluralOnly: Bool = false,
                auxiliaries: [Auxiliary] = [], participles: [String] = [], conjugations: [ConjugationTable] = [],
                comparative: String? = nil, superlative: String? = nil, declinedForms: [String] = [],
                senses: [DictionarySense] = [], references: [DictionaryReference] = []) {
        self.id = id
        self.headword = headword
        self.lodPartOfSpeech = lodPartOfSpeech
        self.category = category
        self.genders = genders
        self.plurals = plurals
        self.pluralOnly = pluralOnly
        self.auxiliaries = auxiliaries
        self.participles = participles
        self.conjugations = conjugations
        self.comparative = comparative
        self.superlative = superlative
        self.declinedForms = declinedForms
        self.senses = senses
        self.references = references
    }

    /// The word class in LuxLlama's terms.
    public var partOfSpeech: PartOfSpeech {
        switch lodPartOfSpeech {
        case "SUBST": .noun
        case "VRB": .verb
        case "ADJ": category == "NB-CARDINAL" || category == "NB-ORDINAL" ? .numeral : .adjective
        case "ADV": .adverb
        case "PRON", "PRONADV": .pronoun
        case "PREP", "PREP-plus-ART": .preposition
        case "CONJ": .conjunction
        case "ART": .article
        case "INTERJ": .interjection
        default: .other
        }
    }

    /// The first conjugation table, if the entry is a conjugated verb.
    public var conjugation: ConjugationTable? { conjugations.first }

    /// Every English equivalent, in sense order, without repeats.
    public var english: [String] { Self.distinct(senses.flatMap { $0.en.map(\.text) }) }

    static func distinct(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    // Empty lists and false flags are left out of the JSON: the LOD has 27,000 entries.
    enum CodingKeys: String, CodingKey {
        case id, headword, lodPartOfSpeech = "pos", category, genders, plurals, pluralOnly, auxiliaries,
             participles, conjugations, comparative, superlative, declinedForms, senses, references
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id),
                  headword: try c.decode(String.self, forKey: .headword),
                  lodPartOfSpeech: try c.decode(String.self, forKey: .lodPartOfSpeech),
                  category: try c.decodeIfPresent(String.self, forKey: .category),
                  genders: try c.decodeIfPresent([Gender].self, forKey: .genders) ?? [],
                  plurals: try c.decodeIfPresent([String].self, forKey: .plurals) ?? [],
                  pluralOnly: try c.decodeIfPresent(Bool.self, forKey: .pluralOnly) ?? false,
                  auxiliaries: try c.decodeIfPresent([Auxiliary].self, forKey: .auxiliaries) ?? [],
                  participles: try c.decodeIfPresent([String].self, forKey: .participles) ?? [],
                  conjugations: try c.decodeIfPresent([ConjugationTable].self, forKey: .conjugations) ?? [],
                  comparative: try c.decodeIfPresent(String.self, forKey: .comparative),
                  superlative: try c.decodeIfPresent(String.self, forKey: .superlative),
                  declinedForms: try c.decodeIfPresent([String].self, forKey: .declinedForms) ?? [],
                  senses: try c.decodeIfPresent([DictionarySense].self, forKey: .senses) ?? [],
                  references: try c.decodeIfPresent([DictionaryReference].self, forKey: .references) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(headword, forKey: .headword)
        try c.encode(lodPartOfSpeech, forKey: .lodPartOfSpeech)
        try c.encodeIfPresent(category, forKey: .category)
        if !genders.isEmpty { try c.encode(genders, forKey: .genders) }
        if !plurals.isEmpty { try c.encode(plurals, forKey: .plurals) }
        if pluralOnly { try c.encode(true, forKey: .pluralOnly) }
        if !auxiliaries.isEmpty { try c.encode(auxiliaries, forKey: .auxiliaries) }
        if !participles.isEmpty { try c.encode(participles, forKey: .participles) }
        if !conjugations.isEmpty { try c.encode(conjugations, forKey: .conjugations) }
        try c.encodeIfPresent(comparative, forKey: .comparative)
        try c.encodeIfPresent(superlative, forKey: .superlative)
        if !declinedForms.isEmpty { try c.encode(declinedForms, forKey: .declinedForms) }
        if !senses.isEmpty { try c.encode(senses, forKey: .senses) }
        if !references.isEmpty { try c.encode(references, forKey: .references) }
    }
}

/// One meaning of an entry (a LOD "unité de sens") with its translations and examples.
public struct DictionarySense: Codable, Sendable, Equatable {
    /// The LOD's id of the sense, e.g. "GOEN1UNI1".
    public var id: String?
    /// The fixed expression this sense is about, when it is one ("goen ëm").
    public var phrase: String?
    /// Equivalents in German, French, English and Portuguese.
    public var de: [DictionaryEquivalent]
    public var fr: [DictionaryEquivalent]
    public var en: [DictionaryEquivalent]
    public var pt: [DictionaryEquivalent]
    public var examples: [DictionaryExample]
    public var synonyms: [String]

    public init(id: String? = nil, phrase: String? = nil, de: [DictionaryEquivalent] = [],
                fr: [DictionaryEquivalent] = [], en: [DictionaryEquivalent] = [], pt: [DictionaryEquivalent] = [],
                examples: [DictionaryExample] = [], synonyms: [String] = []) {
        self.id = id
        self.phrase = phrase
        self.de = de
        self.fr = fr
        self.en = en
        self.pt = pt
        self.examples = examples
        self.synonyms = synonyms
    }

    var isEmpty: Bool {
        phrase == nil && de.isEmpty && fr.isEmpty && en.isEmpty && pt.isEmpty && examples.isEmpty && synonyms.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case id, phrase, de, fr, en, pt, examples, synonyms
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(String.self, forKey: .id),
                  phrase: try c.decodeIfPresent(String.self, forKey: .phrase),
                  de: try c.decodeIfPresent([DictionaryEquivalent].self, forKey: .de) ?? [],
                  fr: try c.decodeIfPresent([DictionaryEquivalent].self, forKey: .fr) ?? [],
                  en: try c.decodeIfPresent([DictionaryEquivalent].self, forKey: .en) ?? [],
                  pt: try c.decodeIfPresent([DictionaryEquivalent].self, forKey: .pt) ?? [],
                  examples: try c.decodeIfPresent([DictionaryExample].self, forKey: .examples) ?? [],
                  synonyms: try c.decodeIfPresent([String].self, forKey: .synonyms) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(phrase, forKey: .phrase)
        if !de.isEmpty { try c.encode(de, forKey: .de) }
        if !fr.isEmpty { try c.encode(fr, forKey: .fr) }
        if !en.isEmpty { try c.encode(en, forKey: .en) }
        if !pt.isEmpty { try c.encode(pt, forKey: .pt) }
        if !examples.isEmpty { try c.encode(examples, forKey: .examples) }
        if !synonyms.isEmpty { try c.encode(synonyms, forKey: .synonyms) }
    }
}

/// A translation, with the LOD's narrowing note when it has one ("to go", note "on foot").
public struct DictionaryEquivalent: Codable, Sendable, Equatable {
    public var text: String
    public var note: String?

    public init(_ text: String, note: String? = nil) {
        self.text = text
        self.note = note
    }
}

/// A Luxembourgish example, with the LOD's explanation (gloss) for an idiom.
public struct DictionaryExample: Codable, Sendable, Equatable {
    public var text: String
    public var gloss: String?

    public init(_ text: String, gloss: String? = nil) {
        self.text = text
        self.gloss = gloss
    }
}

/// A pointer from one entry to another, e.g. "Aadler" -> ADLER1 as a spelling variant.
public struct DictionaryReference: Codable, Sendable, Equatable {
    /// The entry pointed at, e.g. "ADLER1".
    public var target: String
    /// The LOD's kind of link: "VARIANTE-ORTHOGRAPHIQUE", "FORME-DIMINUTIVE", "FORME-FEM", ...
    public var kind: String

    public init(target: String, kind: String) {
        self.target = target
        self.kind = kind
    }

    /// The link in words, e.g. "spelling variant of".
    public var label: String {
        switch kind {
        case "VARIANTE-ORTHOGRAPHIQUE": "spelling variant of"
        case "VARIANTE-HOMOSEME": "variant of"
        case "VARIANTE-LOCALE": "regional variant of"
        case "FORME-DIMINUTIVE": "diminutive of"
        case "FORME-FEM": "feminine form of"
        case "FORME-MASC": "masculine form of"
        case "FORME-ABREGEE": "short form of"
        case "ELEMENT-DE-COMPOSITION": "compound element of"
        default: "see"
        }
    }
}
