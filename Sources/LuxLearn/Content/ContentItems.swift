/// The content of lesson-pack items, one struct per `ItemKind`. These are the JSON payloads
/// LuxStore keeps in `items.payload`; pack files, drills, the app and the course checks share them.
/// Every item names the unit it belongs to, so a pack's units can be listed and studied in order.

/// A sentence with its translation.
public struct Example: Codable, Sendable, Equatable {
    public var lb: String
    public var en: String

    public init(lb: String, en: String) {
        self.lb = lb
        self.en = en
    }
}

/// A word to learn: shown LB->EN (recognition) and asked EN->LB (production).
public struct VocabItem: Codable, Sendable, Equatable {
    public var unit: String
    /// Headword without article, e.g. "Kaz".
    public var lb: String
    public var pos: PartOfSpeech
    /// Nouns only.
    public var gender: Gender?
    /// Plural forms, the first being the usual one; empty for nouns without plural and non-nouns.
    public var plural: [String]
    /// English glosses, the first being the one shown.
    public var en: [String]
    /// Other accepted Luxembourgish answers (spelling variants, synonyms).
    public var alternatives: [String]
    public var example: Example?
    public var note: String?

    public init(unit: String, lb: String, pos: PartOfSpeech, gender: Gender? = nil, plural: [String] = [],
                en: [String], alternatives: [String] = [], example: Example? = nil, note: String? = nil) {
        self.unit = unit
        self.lb = lb
        self.pos = pos
        self.gender = gender
        self.plural = plural
        self.en = en
        self.alternatives = alternatives
        self.example = example
        self.note = note
    }
}

/// A verb with the forms drills ask for.
public struct VerbItem: Codable, Sendable, Equatable {
    public var unit: String
    public var table: ConjugationTable
    public var en: [String]
    /// Separable prefix, e.g. "op" for "opstoen" ("ech stinn op").
    public var separablePrefix: String?
    public var example: Example?
    public var note: String?

    public init(unit: String, table: ConjugationTable, en: [String], separablePrefix: String? = nil,
                example: Example? = nil, note: String? = nil) {
        self.unit = unit
        self.table = table
        self.en = en
        self.separablePrefix = separablePrefix
        self.example = example
        self.note = note
    }
}

/// A fixed expression ("Wéi geet et?").
public struct PhraseItem: Codable, Sendable, Equatable {
    public var unit: String
    public var lb: String
    public var en: [String]
    public var alternatives: [String]
    public var note: String?

    public init(unit: String, lb: String, en: [String], alternatives: [String] = [], note: String? = nil) {
        self.unit = unit
        self.lb = lb
        self.en = en
        self.alternatives = alternatives
        self.note = note
    }
}

public enum TranslationDirection: String, Codable, Sendable, CaseIterable {
    case enToLb = "en-lb", lbToEn = "lb-en"
}

/// A sentence to translate, with every answer that counts as right.
public struct TranslationItem: Codable, Sendable, Equatable {
    public var unit: String
    public var direction: TranslationDirection
    public var level: CEFRLevel
    public var source: String
    /// Accepted translations, the first being the model answer.
    public var answers: [String]
    public var hint: String?

    public init(unit: String, direction: TranslationDirection, level: CEFRLevel, source: String,
                answers: [String], hint: String? = nil) {
        self.unit = unit
        self.direction = direction
        self.level = level
        self.source = source
        self.answers = answers
        self.hint = hint
    }
}

/// A role-play for the chat tutor.
public struct DialogueItem: Codable, Sendable, Equatable {
    public var unit: String
    public var title: String
    /// Where and who, in English, e.g. "At the bakery in Esch; you want bread and two croissants."
    public var situation: String
    /// The part the tutor plays, e.g. "the baker".
    public var tutorRole: String
    /// The part the learner plays.
    public var learnerRole: String
    /// What the tutor steers towards and checks, e.g. "The learner orders politely and asks the price."
    public var goal: String
    /// The tutor's first line, in Luxembourgish.
    public var opening: String
    /// Phrases the learner may need.
    public var usefulPhrases: [String]

    public init(unit: String, title: String, situation: String, tutorRole: String, learnerRole: String,
                goal: String, opening: String, usefulPhrases: [String] = []) {
        self.unit = unit
        self.title = title
        self.situation = situation
        self.tutorRole = tutorRole
        self.learnerRole = learnerRole
        self.goal = goal
        self.opening = opening
        self.usefulPhrases = usefulPhrases
    }
}

/// A grammar explanation shown in a unit (Markdown-light text).
public struct GrammarNote: Codable, Sendable, Equatable {
    public var unit: String
    public var title: String
    /// Topic tags, e.g. ["n-rule"], ["articles", "cases"], ["word-order"], ["perfect"], ["konjunktiv-ii"].
    public var topics: [String]
    public var body: String

    public init(unit: String, title: String, topics: [String], body: String) {
        self.unit = unit
        self.title = title
        self.topics = topics
        self.body = body
    }
}

/// A unit of a pack: a theme with its level. Items name it by `id`.
public struct UnitInfo: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var level: CEFRLevel
    public var theme: String?

    public init(id: String, title: String, level: CEFRLevel, theme: String? = nil) {
        self.id = id
        self.title = title
        self.level = level
        self.theme = theme
    }
}
