import Foundation
import LuxLearn
import LuxStore

/// Dictionary hits for the words of a text, for Translate's side panel: each Luxembourgish word
/// with the entry it belongs to (also through an inflected form: "gëss" -> ginn) and its English.
struct WordHit: Equatable {
    var word: String
    var headword: String
    var detail: String
    var english: String
}

enum WordHits {
    /// The words of `text`: letters, digits, apostrophes and hyphens inside words.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber || ((c == "'" || c == "’" || c == "-") && !current.isEmpty) {
                current.append(c)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// One hit per distinct word the dictionary knows, in the order of the text.
    static func lookUp(_ text: String, in dictionary: LuxDictionary, limit: Int = 12) throws -> [WordHit] {
        var seen = Set<String>()
        var hits: [WordHit] = []
        for word in words(text) {
            guard seen.insert(DictionaryKey.normalize(word)).inserted else { continue }
            guard let hit = try dictionary.lookup(word, limit: 5, suggestionCount: 0).hits.first else { continue }
            hits.append(WordHit(word: word, headword: hit.entry.headword, detail: detail(hit),
                                english: hit.entry.english.prefix(3).joined(separator: ", ")))
            if hits.count >= limit { break }
        }
        return hits
    }

    /// "noun n" for a headword; "verb ← gees (present 2sg)" when a form of it matched.
    static func detail(_ hit: DictionaryHit) -> String {
        var text = hit.entry.partOfSpeech.rawValue
        if !hit.entry.genders.isEmpty { text += " " + hit.entry.genders.map(\.rawValue).joined(separator: "/") }
        if let description = hit.formDescription { text += " ← \(hit.form ?? "") (\(description))" }
        return text
    }
}
