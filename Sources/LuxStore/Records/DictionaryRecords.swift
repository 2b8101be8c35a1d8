import Foundation
import GRDB

/// One dictionary entry (from the LOD import). The normalized headword is the lookup key;
/// LuxLearn decides what normalizing means and passes normalized text to every query.
public struct DictionaryEntryRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dictionary_entries"

    /// The LOD's id, e.g. "HAUS1".
    public var id: String
    public var headword: String
    public var headwordNormalized: String
    /// Part of speech, e.g. "SUBST", "VRB".
    public var pos: String
    /// Nouns: "m", "f" or "n"; "m/f" for a noun with two genders.
    public var gender: String?
    public var plurals: [String]
    /// Verbs: "hunn" or "sinn"; "hunn/sinn" for a verb that takes either.
    public var auxiliary: String?
    /// Verbs: the usual past participle (the payload has them all).
    public var pastParticiple: String?
    /// Everything else the entry holds (meanings, translations, examples) as JSON text.
    public var payload: String

    public init(id: String, headword: String, headwordNormalized: String, pos: String, gender: String?,
                plurals: [String], auxiliary: String?, pastParticiple: String?, payload: String) {
        self.id = id
        self.headword = headword
        self.headwordNormalized = headwordNormalized
        self.pos = pos
        self.gender = gender
        self.plurals = plurals
        self.auxiliary = auxiliary
        self.pastParticiple = pastParticiple
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, headword
        case headwordNormalized = "headword_normalized"
        case pos, gender, plurals, auxiliary
        case pastParticiple = "past_participle"
        case payload
    }
}

/// An inflected form pointing at its entry, e.g. "gëss" -> GIN1, "present 2sg".
public struct DictionaryFormRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dictionary_forms"

    public var form: String
    public var formNormalized: String
    public var entryID: String
    public var description: String

    public init(form: String, formNormalized: String, entryID: String, description: String) {
        self.form = form
        self.formNormalized = formNormalized
        self.entryID = entryID
        self.description = description
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case form
        case formNormalized = "form_normalized"
        case entryID = "entry_id"
        case description
    }
}

/// A form lookup's answer: the entry and how the looked-up form relates to it.
public struct DictionaryMatch: Sendable, Hashable {
    public var entry: DictionaryEntryRecord
    /// The form as spelt in the dictionary, and its description; nil when the headword matched.
    public var form: String?
    public var formDescription: String?

    public init(entry: DictionaryEntryRecord, form: String?, formDescription: String?) {
        self.entry = entry
        self.form = form
        self.formDescription = formDescription
    }
}
