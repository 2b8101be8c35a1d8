import Foundation
import GRDB

extension LuxDatabase {
    /// Replaces the whole dictionary in one transaction: a failed import leaves the old one.
    public func replaceDictionary(entries: [DictionaryEntryRecord], forms: [DictionaryFormRecord]) throws {
        try replaceDictionary { writer in
            for entry in entries { try writer.insert(entry) }
            for form in forms { try writer.insert(form) }
        }
    }

    /// Replaces the whole dictionary with what `fill` inserts, in one transaction, so an import
    /// can stream rows in as it reads them. If `fill` throws, the old dictionary stays and its
    /// error comes out unchanged (a parse error keeps naming its file); database failures come
    /// out as `StoreError`.
    public func replaceDictionary(_ fill: (DictionaryWriter) throws -> Void) throws {
        do {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM dictionary_forms; DELETE FROM dictionary_entries")
                try fill(DictionaryWriter(db))
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    public func dictionaryFormCount() throws -> Int {
        try read { db in try DictionaryFormRecord.fetchCount(db) }
    }

    /// The normalized headwords and distinct forms whose length in characters is in `lengths`,
    /// for "did you mean" suggestions. A headword may come twice (also as another entry's form).
    public func dictionaryKeys(lengths: ClosedRange<Int>) throws -> [String] {
        try read { db in
            // DISTINCT on forms walks the form index in order; a UNION would sort everything again.
            try String.fetchAll(db, sql: """
                SELECT headword_normalized FROM dictionary_entries WHERE length(headword_normalized) BETWEEN ? AND ?
                UNION ALL
                SELECT DISTINCT form_normalized FROM dictionary_forms WHERE length(form_normalized) BETWEEN ? AND ?
                """, arguments: [lengths.lowerBound, lengths.upperBound, lengths.lowerBound, lengths.upperBound])
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

/// Inserts dictionary rows inside `LuxDatabase.replaceDictionary(_:)`'s transaction, through
/// prepared statements: an import writes hundreds of thousands of forms. Valid only during
/// the `fill` call it is given to.
public final class DictionaryWriter {
    private let entryStatement: Statement
    private let formStatement: Statement
    public private(set) var entryCount = 0
    public private(set) var formCount = 0

    init(_ db: Database) throws {
        entryStatement = try db.makeStatement(sql: """
            INSERT INTO dictionary_entries
                (id, headword, headword_normalized, pos, gender, plurals, auxiliary, past_participle, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        formStatement = try db.makeStatement(sql: """
            INSERT INTO dictionary_forms (form, form_normalized, entry_id, description) VALUES (?, ?, ?, ?)
            """)
    }

    public func insert(_ entry: DictionaryEntryRecord) throws {
        try entryStatement.execute(arguments: [
            entry.id, entry.headword, entry.headwordNormalized, entry.pos, entry.gender,
            Self.jsonArray(entry.plurals), entry.auxiliary, entry.pastParticiple, entry.payload,
        ])
        entryCount += 1
    }

    public func insert(_ form: DictionaryFormRecord) throws {
        try formStatement.execute(arguments: [form.form, form.formNormalized, form.entryID, form.description])
        formCount += 1
    }

    /// The JSON array GRDB writes for a `[String]` column.
    static func jsonArray(_ items: [String]) -> String {
        var out = "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in item.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
