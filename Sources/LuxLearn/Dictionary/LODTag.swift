/// The LOD elements the entry builder acts on, sorted once per element name.
enum LODTag: Equatable {
    case item, meta, headword
    /// `MS-TYPE-*`: the word class, named by the rest of the element name.
    case wordClass
    /// `CAT-GRAM-*`: the finer class, in an attribute.
    case wordSubclass
    case genre, plural, pluralOnly
    case auxiliary, participle
    case verbFlexion, infinitive, flexionParticiple
    case indicative, conditional, imperative
    /// Tense elements inside a mood.
    case present, imperfect, compoundPast, pluperfect, presentSimple, presentCompound
    case person(Person)
    case declension, baseForms, comparative, superlative, positive, grammaticalCase
    case sense, phrase, synonym
    case equivalent(DictionaryLanguage)
    case alternativeEquivalent(DictionaryLanguage)
    case equivalentNote(DictionaryLanguage)
    case example, exampleText, gloss
    /// `RENVOI-*`: a pointer to another entry.
    case reference
    case other

    init(_ name: String) {
        switch name {
        case "ITEM": self = .item
        case "META": self = .meta
        case "ITEM-ADRESSE": self = .headword
        case "GENRE": self = .genre
        case "FORME-PLURIEL": self = .plural
        case "PLURALE-TANTUM": self = .pluralOnly
        case "VRB-AUXILIAIRE": self = .auxiliary
        case "PARTICIPE-PASSE": self = .participle
        case "FLX-VRB": self = .verbFlexion
        case "INFINITIF": self = .infinitive
        case "PART-PASS": self = .flexionParticiple
        case "INDICATIF": self = .indicative
        case "CONDITIONNEL": self = .conditional
        case "IMPERATIF": self = .imperative
        case "PRESENT": self = .present
        case "IMPARFAIT": self = .imperfect
        case "PASSE-COMPOSE": self = .compoundPast
        case "PLUS-QUE-PARFAIT": self = .pluperfect
        case "PRESENT-SIMPLE": self = .presentSimple
        case "PRESENT-COMPOSE": self = .presentCompound
        case "P1", "P2", "P3", "P4", "P5", "P6":
            self = Person(rawValue: Int(name.dropFirst()) ?? 0).map { .person($0) } ?? .other
        case "DEKL": self = .declension
        case "GRONDFORMEN": self = .baseForms
        case "POSITIV": self = .positive
        case "KOMPARATIV": self = .comparative
        case "SUPERLATIV": self = .superlative
        case "NOM", "AKK", "DAT", "GEN": self = .grammaticalCase
        case "UNITE-DE-SENS": self = .sense
        case "UNITE-POLYLEX-LUX": self = .phrase
        case "TERME-SYN": self = .synonym
        case "EXEMPLE", "EXEMPLE-GLOSE": self = .example
        case "TEXTE", "ABREV-AD": self = .exampleText
        case "GLOSE": self = .gloss
        default:
            if name.hasPrefix("MS-TYPE-") {
                self = .wordClass
            } else if name.hasPrefix("CAT-GRAM-") {
                self = .wordSubclass
            } else if name.hasPrefix("RENVOI-") {
                self = .reference
            } else if let language = DictionaryLanguage(lodLetter: name, prefix: "ET", suffix: "-EXPLICITE") {
                self = .equivalent(language)
            } else if let language = DictionaryLanguage(lodLetter: name, prefix: "ET", suffix: "-ALT") {
                self = .alternativeEquivalent(language)
            } else if let language = DictionaryLanguage(lodLetter: name, prefix: "RS-ET", suffix: "-PRESENTE")
                ?? DictionaryLanguage(lodLetter: name, prefix: "INFO-FONCTION-ET", suffix: "") {
                self = .equivalentNote(language)
            } else {
                self = .other
            }
        }
    }

    /// Whether the builder keeps the element's text.
    var keepsText: Bool {
        switch self {
        case .headword, .plural, .participle, .infinitive, .flexionParticiple, .person, .comparative, .superlative,
             .positive, .grammaticalCase, .phrase, .synonym, .equivalent, .alternativeEquivalent, .equivalentNote,
             .exampleText:
            true
        default:
            false
        }
    }

    /// The tense of a conjugation cell, from its mood and tense elements.
    static func tense(mood: LODTag, element: LODTag) -> Tense? {
        switch (mood, element) {
        case (.indicative, .present): .present
        case (.indicative, .imperfect): .imperfect
        case (.indicative, .compoundPast): .perfect
        case (.indicative, .pluperfect): .pluperfect
        case (.conditional, .presentSimple): .conditional
        case (.conditional, .presentCompound): .conditionalCompound
        case (.conditional, .compoundPast): .conditionalPerfect
        case (.imperative, .present): .imperative
        default: nil
        }
    }
}

/// The languages the LOD translates into, with the letter its element names use for each
/// (`ETA-EXPLICITE` is German: "Allemand").
enum DictionaryLanguage: Equatable {
    case german, french, english, portuguese

    init?(lodLetter name: String, prefix: String, suffix: String) {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix),
              name.count == prefix.count + 1 + suffix.count else { return nil }
        switch name.dropFirst(prefix.count).first {
        case "A": self = .german
        case "F": self = .french
        case "E": self = .english
        case "P": self = .portuguese
        default: return nil
        }
    }

    var keyPath: WritableKeyPath<DictionarySense, [DictionaryEquivalent]> {
        switch self {
        case .german: \.de
        case .french: \.fr
        case .english: \.en
        case .portuguese: \.pt
        }
    }
}
