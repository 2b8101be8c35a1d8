import Foundation
import LuxStore

/// Verbs taught by the imported packs, found by infinitive or any of their forms, for
/// `lux conjugate` when the dictionary lacks the verb (or was never imported).
public enum PackVerbs {
    public struct Match: Sendable {
        public var packID: String
        public var itemID: String
        public var verb: VerbItem
        /// The form that matched, when it was not the infinitive.
        public var form: String?
    }

    /// Every live verb item whose infinitive or a form equals `word` (ignoring case and diacritics).
    public static func find(_ word: String, in database: LuxDatabase) throws -> [Match] {
        let key = DictionaryKey.normalize(word)
        guard !key.isEmpty else { return [] }
        var matches: [Match] = []
        for pack in try database.packs() {
            for item in try database.items(packID: pack.id) where item.kind == .verb {
                guard let verb = try? item.decodePayload(as: VerbItem.self) else { continue }
                let table = verb.table
                if DictionaryKey.normalize(table.infinitive) == key {
                    matches.append(Match(packID: pack.id, itemID: item.id, verb: verb, form: nil))
                    continue
                }
                let forms = table.participles + table.forms.values.flatMap { $0.values.flatMap { $0 } }
                if let form = forms.first(where: { DictionaryKey.normalize($0) == key }) {
                    matches.append(Match(packID: pack.id, itemID: item.id, verb: verb, form: form))
                }
            }
        }
        return matches
    }
}
