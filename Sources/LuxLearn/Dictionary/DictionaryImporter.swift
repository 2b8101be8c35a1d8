import Foundation
import LuxStore

/// What an import did.
public struct DictionaryImportSummary: Sendable, Equatable {
    public var entries: Int
    public var forms: Int
    public var seconds: Double
}

/// Reads the LOD and writes it into the learner's database, replacing the dictionary that was
/// there. Entries stream from the XML straight into one transaction: nothing of the old
/// dictionary is lost if the XML turns out malformed halfway through.
public enum DictionaryImporter {
    public static func run(from path: String, into database: LuxDatabase,
                           progress: ((LODReadProgress) -> Void)? = nil) throws -> DictionaryImportSummary {
        let start = Date()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes] // the same entry, the same bytes
        var entries = 0, forms = 0
        try database.replaceDictionary { writer in
            try LODReader.read(path, progress: progress) { entry in
                try writer.insert(record(for: entry, encoder: encoder))
                for form in entry.inflectedForms {
                    try writer.insert(DictionaryFormRecord(form: form.form, formNormalized: DictionaryKey.normalize(form.form),
                                                           entryID: entry.id, description: form.description))
                }
            }
            entries = writer.entryCount
            forms = writer.formCount
        }
        return DictionaryImportSummary(entries: entries, forms: forms, seconds: Date().timeIntervalSince(start))
    }

    /// The row for an entry: the columns lookups filter and show, and the whole entry as JSON.
    static func record(for entry: DictionaryEntry, encoder: JSONEncoder) throws -> DictionaryEntryRecord {
        let payload = String(decoding: try encoder.encode(entry), as: UTF8.self)
        return DictionaryEntryRecord(
            id: entry.id, headword: entry.headword, headwordNormalized: DictionaryKey.normalize(entry.headword),
            pos: entry.lodPartOfSpeech,
            gender: entry.genders.isEmpty ? nil : entry.genders.map(\.rawValue).joined(separator: "/"),
            plurals: entry.plurals,
            auxiliary: entry.auxiliaries.isEmpty ? nil : entry.auxiliaries.map(\.rawValue).joined(separator: "/"),
            pastParticiple: entry.participles.first, payload: payload)
    }
}
