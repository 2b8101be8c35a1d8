import Foundation
import LuxStore

/// One entry a looked-up word leads to.
public struct DictionaryHit: Sendable, Equatable {
    public var entry: DictionaryEntry
    /// The inflected form that matched, as the dictionary spells it; nil when the headword did.
    public var form: String?
    /// What the form is, e.g. "present 3sg".
    public var formDescription: String?
    /// The word matched once its dropped final n was put back (the n-rule: "kënne" -> "kënnen").
    public var restoredN: Bool
    /// The form is the finite verb of a separable or reflexive form only ("geet" of "geet op").
    public var isPartOfForm: Bool

    public init(entry: DictionaryEntry, form: String?, formDescription: String?, restoredN: Bool = false,
                isPartOfForm: Bool = false) {
        self.entry = entry
        self.form = form
        self.formDescription = formDescription
        self.restoredN = restoredN
        self.isPartOfForm = isPartOfForm
    }
}

/// A dictionary spelling close to a word that matched nothing.
public struct DictionarySuggestion: Sendable, Equatable {
    /// As the dictionary spells it: a headword or an inflected form.
    public var text: String
    /// The headword of the entry it belongs to.
    public var headword: String
    public var entryID: String
    public var distance: Int

    public init(text: String, headword: String, entryID: String, distance: Int) {
        self.text = text
        self.headword = headword
        self.entryID = entryID
        self.distance = distance
    }
}

/// An entry the word is only part of a form of ("geet" in "geet op" of opgoen), listed without
/// reading the whole entry.
public struct DictionaryRelatedForm: Sendable, Equatable {
    public var entryID: String
    public var headword: String
    public var form: String
    /// E.g. "present 3sg (in “geet op”)".
    public var formDescription: String

    public init(entryID: String, headword: String, form: String, formDescription: String) {
        self.entryID = entryID
        self.headword = headword
        self.form = form
        self.formDescription = formDescription
    }
}

/// What a lookup found: hits best first, and suggestions when there are none.
public struct DictionaryLookup: Sendable, Equatable {
    public var query: String
    public var hits: [DictionaryHit]
    /// When there are whole hits: the entries the word is only part of a form of. Otherwise
    /// those are the hits (with `isPartOfForm` set).
    public var related: [DictionaryRelatedForm]
    public var suggestions: [DictionarySuggestion]

    public init(query: String, hits: [DictionaryHit], related: [DictionaryRelatedForm] = [],
                suggestions: [DictionarySuggestion] = []) {
        self.query = query
        self.hits = hits
        self.related = related
        self.suggestions = suggestions
    }
}

/// The imported entry could not be read back (a database written by another lux version).
public struct DictionaryDataError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Looks words up in the imported LOD: headwords and every inflected form, whatever the case
/// and diacritics the learner typed, with the n-rule undone and "did you mean" suggestions.
public final class LuxDictionary {
    public let database: LuxDatabase
    private let decoder = JSONDecoder()

    public init(database: LuxDatabase) {
        self.database = database
    }

    public func entryCount() throws -> Int { try database.dictionaryEntryCount() }

    public func entry(id: String) throws -> DictionaryEntry? {
        try database.dictionaryEntry(id: id).map(decode)
    }

    /// Every entry `word` is or is a form of: whole forms before the finite part of separable
    /// ones, exact spellings before diacritic-folded ones, headwords before forms. When nothing
    /// whole matches, it also tries the word without surrounding punctuation, without a leading
    /// article ("d'Haus", "den Hond") and with a final n put back (the n-rule: "kënne").
    public func lookup(_ word: String, limit: Int = 200, suggestionCount: Int = 5) throws -> DictionaryLookup {
        let query = LODEntryBuilder.tidy(word)
        var found: [(match: DictionaryMatch, isPart: Bool, restoredN: Bool, exact: Bool)] = []
        var seen = Set<String>()
        var hasWhole = false
        func search(_ spelled: String, restoredN: Bool = false) throws {
            let key = DictionaryKey.normalize(spelled)
            guard !key.isEmpty else { return }
            for match in try database.dictionaryLookup(key, limit: limit) where seen.insert(match.entry.id).inserted {
                let isPart = match.formDescription.map(Self.isPartOnly) ?? false
                hasWhole = hasWhole || !isPart
                found.append((match, isPart, restoredN, (match.form ?? match.entry.headword).lowercased() == spelled.lowercased()))
            }
        }
        try search(query)
        var spelled = query
        if !hasWhole {
            let bare = query.trimmingCharacters(in: Self.wrapping)
            if bare != query, !bare.isEmpty {
                try search(bare)
                spelled = bare
            }
        }
        if !hasWhole, let noun = Self.withoutArticle(spelled) {
            try search(noun)
            if hasWhole { spelled = noun }
        }
        if !hasWhole, let last = DictionaryKey.normalize(spelled).last, "aeiouy".contains(last) {
            // The n-rule drops a final n before most consonants: "mir kënne goen".
            try search(spelled + "n", restoredN: true)
        }
        // A stable sort keeps the store's order (headwords, then forms, by id) within a rank.
        let ranked = found.enumerated().sorted { a, b in
            let ra = Self.rank(a.element), rb = Self.rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        // Entries are decoded only for hits; related forms need no more than the row.
        var hits: [DictionaryHit] = []
        var related: [DictionaryRelatedForm] = []
        for item in ranked {
            if hasWhole, item.isPart, let form = item.match.form, let description = item.match.formDescription {
                related.append(DictionaryRelatedForm(entryID: item.match.entry.id, headword: item.match.entry.headword,
                                                     form: form, formDescription: description))
            } else {
                hits.append(DictionaryHit(entry: try decode(item.match.entry), form: item.match.form,
                                          formDescription: item.match.formDescription, restoredN: item.restoredN,
                                          isPartOfForm: item.isPart))
            }
        }
        let key = DictionaryKey.normalize(spelled)
        let suggestions = hits.isEmpty && !key.isEmpty ? try self.suggestions(for: key, limit: suggestionCount) : []
        return DictionaryLookup(query: query, hits: hits, related: related, suggestions: suggestions)
    }

    /// The first verb with a conjugation table that `word` is or is a form of.
    public func verb(_ word: String) throws -> (lookup: DictionaryLookup, verb: DictionaryHit?) {
        let found = try lookup(word)
        return (found, found.hits.first { !$0.entry.conjugations.isEmpty })
    }

    /// Dictionary spellings within a small edit distance of `key` (normalized), closest first.
    public func suggestions(for key: String, limit: Int = 5) throws -> [DictionarySuggestion] {
        let target = Array(DictionaryKey.normalize(key).utf8)
        guard !target.isEmpty, limit > 0 else { return [] }
        let maximum = target.count <= 4 ? 1 : 2
        var distance = EditDistance()
        var close: [(key: [UInt8], distance: Int)] = []
        let characters = DictionaryKey.normalize(key).count
        let keys = try database.dictionaryKeys(lengths: max(1, characters - maximum) ... characters + maximum)
        for candidate in keys.lazy.map({ Array($0.utf8) }) where abs(candidate.count - target.count) <= maximum {
            if let d = distance.distance(target, candidate, limit: maximum), d > 0 { close.append((candidate, d)) }
        }
        close.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            // Same first letter first: typos at the start of a word are rarer.
            let af = a.key.first == target.first, bf = b.key.first == target.first
            if af != bf { return af }
            return a.key.lexicographicallyPrecedes(b.key)
        }
        var result: [DictionarySuggestion] = []
        var shown = Set<String>()
        for candidate in close {
            guard result.count < limit else { break }
            guard let match = try database.dictionaryLookup(String(decoding: candidate.key, as: UTF8.self), limit: 1).first
            else { continue }
            let text = match.form ?? match.entry.headword
            if shown.insert(text).inserted {
                result.append(DictionarySuggestion(text: text, headword: match.entry.headword, entryID: match.entry.id,
                                                   distance: candidate.distance))
            }
        }
        return result
    }

    // MARK: - Helpers

    private func decode(_ record: DictionaryEntryRecord) throws -> DictionaryEntry {
        do {
            return try decoder.decode(DictionaryEntry.self, from: Data(record.payload.utf8))
        } catch {
            throw DictionaryDataError(description: "\(database.path): dictionary entry \(record.id) cannot be read "
                + "(written by another lux version?); import the LOD again with `lux dict import`")
        }
    }

    /// Lower is better: whole forms, then without the n put back, then exact spelling, then headwords.
    private static func rank(_ item: (match: DictionaryMatch, isPart: Bool, restoredN: Bool, exact: Bool)) -> Int {
        (item.isPart ? 8 : 0) + (item.restoredN ? 4 : 0) + (item.exact ? 0 : 2) + (item.match.form == nil ? 0 : 1)
    }

    /// "d'Haus" -> "Haus", "den Hond" -> "Hond": a noun typed with its article.
    private static func withoutArticle(_ text: String) -> String? {
        let key = DictionaryKey.normalize(text)
        if key.hasPrefix("d'"), key.count > 2 {
            return String(text.drop { $0 != "'" && $0 != "’" }.dropFirst())
        }
        let words = text.split(separator: " ")
        let articles: Set<String> = ["de", "den", "dem", "der", "des", "e", "en", "eng", "engem", "enger", "ee"]
        guard words.count == 2, articles.contains(DictionaryKey.normalize(String(words[0]))) else { return nil }
        return String(words[1])
    }

    /// Whether every reading of a form is the finite part of a longer one ("... (in “geet op”)").
    private static func isPartOnly(_ description: String) -> Bool {
        description.components(separatedBy: "; ").allSatisfy { $0.contains("(in “") }
    }

    private static let wrapping = CharacterSet(charactersIn: "!?.,;:\"'«»„“”‘’()[]").union(.whitespaces)
}
