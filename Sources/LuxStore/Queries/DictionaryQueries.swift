import Foundation
import GRDB

extension LuxDatabase {
    /// Replaces the whole dictionary in one transaction: a failed import leaves the old one.
    public func replaceDictionary(entries: [DictionaryEntryRecord], forms: [DictionaryFormRecord]) throws {
        try write { db in
            try DictionaryFormRecord.deleteAll(db)
            try DictionaryEntryRecord.deleteAll(db)
            for entry in entries { try entry.insert(db) }
            for form in forms { try form.insert(db) }
        }
    }

    public func dictionaryEntryCount() throws -> Int {
        try read { db in try DictionaryEntryRecord.fetchCount(db) }
    }

    public func dictionaryEntry(id: String) throws -> DictionaryEntryRecord? {
        try read { db in try DictionaryEntryRecord.fetchOne(db, key: id) }
    }

    /// Entries whose normalized headword is exactly `normalized`.
    public func dictionaryEntries(headword normalized: String) throws -> [DictionaryEntryRecord] {
        try read { db in
            try DictionaryEntryRecord.filter(DictionaryEntryRecord.CodingKeys.headwordNormalized == normalized)
                .order(DictionaryEntryRecord.CodingKeys.id).fetchAll(db)
        }
    }

    /// Everything a typed word may be: entries with that headword first, then entries that
    /// have it as an inflected form ("gëss" -> "ginn", present 2sg).
    public func dictionaryLookup(_ normalized: String, limit: Int = 50) throws -> [DictionaryMatch] {
        try read { db in
            let byHeadword = try DictionaryEntryRecord
                .filter(DictionaryEntryRecord.CodingKeys.headwordNormalized == normalized)
                .order(DictionaryEntryRecord.CodingKeys.id)
                .fetchAll(db)
                .map { DictionaryMatch(entry: $0, form: nil, formDescription: nil) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT dictionary_forms.form AS matched_form, dictionary_forms.description AS matched_description,
                       dictionary_entries.*
                FROM dictionary_forms
                JOIN dictionary_entries ON dictionary_entries.id = dictionary_forms.entry_id
                WHERE dictionary_forms.form_normalized = ?
                ORDER BY dictionary_entries.id, dictionary_forms.rowid
                """, arguments: [normalized])
            let byForm = try rows.map { row in
                DictionaryMatch(entry: try DictionaryEntryRecord(row: row),
                                form: row["matched_form"], formDescription: row["matched_description"])
            }
            return Array((byHeadword + byForm).prefix(max(0, limit)))
        }
    }

    /// Entries whose normalized headword starts with `prefix`, alphabetically (for completion).
    public func dictionarySearch(prefix normalized: String, limit: Int = 20) throws -> [DictionaryEntryRecord] {
        // A range on the index instead of LIKE, which would ignore it: every string starting
        // with the prefix sorts between the prefix and the prefix followed by the last code point.
        try read { db in
            try DictionaryEntryRecord.fetchAll(db, sql: """
                SELECT * FROM dictionary_entries
                WHERE headword_normalized >= ? AND headword_normalized < ?
                ORDER BY headword_normalized, id
                LIMIT ?
                """, arguments: [normalized, normalized + "\u{10FFFF}", max(0, limit)])
        }
    }

    /// An entry's inflected forms, in import order.
    public func dictionaryForms(entryID: String) throws -> [DictionaryFormRecord] {
        try read { db in
            try DictionaryFormRecord.fetchAll(db, sql: """
                SELECT * FROM dictionary_forms WHERE entry_id = ? ORDER BY rowid
                """, arguments: [entryID])
        }
    }
}
