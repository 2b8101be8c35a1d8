import Foundation
import LuxLearn

/// The LOD's per-entry XML files (`GOEN1.xml`, ...), looked up by headword and read with the
/// dictionary importer's public reader.
final class LODEntries {
    let directory: String
    private var cache: [String: [DictionaryEntry]] = [:]
    private(set) var readErrors: [String] = []

    init(directory: String) {
        self.directory = directory
    }

    /// `LUX_LOD_DIR` (the XML folder, or the folder holding it), else `../shared/lod/XML` beside
    /// the repository. `explicit` says whether the environment chose it.
    static func configuredDirectory() -> (path: String, explicit: Bool) {
        if let value = ProcessInfo.processInfo.environment["LUX_LOD_DIR"], !value.isEmpty {
            let nested = (value as NSString).appendingPathComponent("XML")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory), isDirectory.boolValue {
                return (nested, true)
            }
            return (value, true)
        }
        let repository = CourseContent.lessonsDirectory.deletingLastPathComponent()
        return (repository.deletingLastPathComponent().appendingPathComponent("shared/lod/XML").path, false)
    }

    /// The stem of an entry's file name: the headword without diacritics, letters and digits
    /// only, upper-cased ("kënnen" -> "KENNEN"); homographs are numbered KENNEN1, KENNEN3, ...
    static func fileStem(_ headword: String) -> String {
        let folded = headword.folding(options: [.diacriticInsensitive], locale: nil).uppercased()
        return String(folded.unicodeScalars.filter { ("A" ... "Z").contains($0) || ("0" ... "9").contains($0) }
            .map(Character.init))
    }

    /// Every entry whose headword is exactly `headword` (case matters: "Zwee" is not "zwee").
    func entries(_ headword: String) -> [DictionaryEntry] {
        if let known = cache[headword] { return known }
        var found: [DictionaryEntry] = []
        let stem = Self.fileStem(headword)
        if !stem.isEmpty {
            // The LOD numbers homographs from 1; numbers may skip (OPSTOEN2 has no OPSTOEN1).
            for number in 1 ... 12 {
                let path = (directory as NSString).appendingPathComponent("\(stem)\(number).xml")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                do {
                    found += try LODReader.entries(at: path).filter { $0.headword == headword }
                } catch {
                    readErrors.append("\(path): \(error)")
                }
            }
        }
        cache[headword] = found
        return found
    }
}

/// One way a pack item differs from the LOD.
struct LODMismatch: Equatable {
    /// The allow-list field: headword, pos, gender, plural, present, participle, auxiliary, imperative, perfect.
    var field: String
    var message: String
}

/// Compares a pack's facts (forms, genders, plurals) with the LOD's entries for the same headword.
/// `allowed(field)` says which differences the allow-list excuses; the result holds what remains
/// and which allow-list fields were needed.
enum LODComparison {
    struct Result {
        var mismatches: [LODMismatch] = []
        var usedAllowances: Set<String> = []
        /// False when the item has nothing the LOD can confirm (a multi-word expression).
        var checked = true
    }

    /// "ginn (mech)" -> "ginn", "géi!" -> "géi": the LOD's optional reflexive pronoun in brackets
    /// and the imperative's exclamation mark are not part of the form a learner types.
    static func normalize(_ form: String) -> String {
        var text = ""
        var depth = 0
        for character in form {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 && character != "!" { text.append(character) }
        }
        return text.split(separator: " ").joined(separator: " ")
    }

    static func forms(_ list: [String]) -> Set<String> { Set(list.map(normalize)) }

    static func show(_ list: [String]) -> String { "[" + list.map(normalize).joined(separator: ", ") + "]" }

    // MARK: Vocabulary

    static func check(_ item: VocabItem, entries: [DictionaryEntry], allowed: (String) -> Bool) -> Result {
        if item.lb.contains(" ") || item.pos == .phrase {
            return Result(checked: false)  // a multi-word expression is no LOD headword
        }
        var result = Result()
        guard !entries.isEmpty else {
            add(LODMismatch(field: "headword", message: "\"\(item.lb)\" is not a LOD headword"), to: &result, allowed)
            return result
        }
        guard item.pos == .noun else {
            if !entries.contains(where: { $0.partOfSpeech == item.pos }) {
                let kinds = Set(entries.map(\.partOfSpeech.rawValue)).sorted().joined(separator: ", ")
                add(LODMismatch(field: "pos", message: "pos \(item.pos.rawValue), but the LOD has \"\(item.lb)\" only as \(kinds)"),
                    to: &result, allowed)
            }
            return result
        }
        let nouns = entries.filter { $0.partOfSpeech == .noun }
        guard !nouns.isEmpty else {
            let kinds = Set(entries.map(\.partOfSpeech.rawValue)).sorted().joined(separator: ", ")
            add(LODMismatch(field: "pos", message: "a noun, but the LOD has \"\(item.lb)\" only as \(kinds)"), to: &result, allowed)
            return result
        }
        // Homographs (Bank, bench or bank) differ in gender and plural: the item must match one whole entry.
        let perEntry = nouns.map { entry -> [LODMismatch] in
            var list: [LODMismatch] = []
            let gender = item.gender?.rawValue ?? "none"
            // A plural-only noun (d'Leit) has no gender in the LOD (GEN="INDEF"). The pack format
            // needs one; feminine or neuter both give the plural article d', masculine would not.
            let pluralOnly = entry.pluralOnly && entry.genders.isEmpty
            if pluralOnly {
                if item.gender == .masculine || item.gender == nil {
                    list.append(LODMismatch(field: "gender", message: "gender \(gender), but \(entry.id) is plural only: give f or n (article d')"))
                }
            } else if item.gender.map({ !entry.genders.contains($0) }) ?? true {
                list.append(LODMismatch(field: "gender", message: "gender \(gender), LOD \(entry.id) has \(entry.genders.map(\.rawValue).joined(separator: "/"))"))
            }
            if forms(item.plural) != forms(entry.plurals) {
                list.append(LODMismatch(field: "plural", message: "plural \(show(item.plural)), LOD \(entry.id) has \(show(entry.plurals))\(entry.pluralOnly ? " (plural only)" : "")"))
            }
            return list
        }
        let best = perEntry.min { a, b in a.filter { !allowed($0.field) }.count < b.filter { !allowed($0.field) }.count } ?? []
        for mismatch in best { add(mismatch, to: &result, allowed) }
        return result
    }

    // MARK: Verbs

    static func check(_ item: VerbItem, entries: [DictionaryEntry], allowed: (String) -> Bool) -> Result {
        var result = Result()
        let infinitive = item.table.infinitive
        let verbs = entries.filter { $0.partOfSpeech == .verb }
        let tables = verbs.flatMap { entry in entry.conjugations.map { (entry: entry, table: $0) } }
        guard let reference = tables.first(where: { !$0.table.forms(.present, .firstSingular).isEmpty }) ?? tables.first else {
            add(LODMismatch(field: "headword", message: "\"\(infinitive)\" is not a conjugated verb in the LOD"), to: &result, allowed)
            return result
        }
        let ref = "LOD \(reference.entry.id)"
        // A form passes when any of the headword's tables has it (LOD splits some verbs into
        // homographs, e.g. hunn the auxiliary and hunn the full verb with its imperative).
        for person in Person.allCases {
            let mine = Set(item.table.forms(.present, person))
            if !tables.contains(where: { forms($0.table.forms(.present, person)) == mine }) {
                add(LODMismatch(field: "present", message: "present \(person.code) \(show(item.table.forms(.present, person))), \(ref) has \(show(reference.table.forms(.present, person)))"),
                    to: &result, allowed)
            }
        }
        let participles = Set(item.table.participles)
        if !tables.contains(where: { forms($0.table.participles) == participles || forms($0.entry.participles) == participles }) {
            add(LODMismatch(field: "participle", message: "participle \(show(item.table.participles)), \(ref) has \(show(reference.table.participles))"),
                to: &result, allowed)
        }
        let auxiliaries = Set(tables.flatMap { [$0.table.auxiliary].compactMap { $0 } + $0.entry.auxiliaries })
        if let auxiliary = item.table.auxiliary, !auxiliaries.contains(auxiliary) {
            add(LODMismatch(field: "auxiliary", message: "auxiliary \(auxiliary.rawValue), the LOD has \(auxiliaries.map(\.rawValue).sorted().joined(separator: "/"))"),
                to: &result, allowed)
        }
        checkImperative(item, tables: tables.map(\.table), ref: ref, into: &result, allowed)
        checkPerfect(item, tables: tables.map(\.table), ref: ref, into: &result, allowed)
        return result
    }

    private static let imperativePersons: [Person] = [.secondSingular, .secondPlural]

    private static func checkImperative(_ item: VerbItem, tables: [ConjugationTable], ref: String,
                                        into result: inout Result, _ allowed: (String) -> Bool) {
        let mine = imperativePersons.map { item.table.forms(.imperative, $0) }
        let lodTables = tables.filter { !$0.forms(.imperative, .secondSingular).isEmpty }
        if mine.allSatisfy(\.isEmpty) {
            if let lod = lodTables.first {
                add(LODMismatch(field: "imperative", message: "no imperative, the LOD has \(imperativePersons.map { show(lod.forms(.imperative, $0)) }.joined(separator: " "))"),
                    to: &result, allowed)
            }
            return
        }
        guard let lod = lodTables.first else {
            add(LODMismatch(field: "imperative", message: "imperative \(mine.map(show).joined(separator: " ")), the LOD has none"), to: &result, allowed)
            return
        }
        let matches = lodTables.contains { table in
            zip(imperativePersons, mine).allSatisfy { forms(table.forms(.imperative, $0)) == Set($1) }
        }
        if !matches {
            add(LODMismatch(field: "imperative", message: "imperative \(mine.map(show).joined(separator: " ")), \(ref) has \(imperativePersons.map { show(lod.forms(.imperative, $0)) }.joined(separator: " "))"),
                to: &result, allowed)
        }
    }

    /// The pack's perfect (derived from auxiliary and participle, or written out for reflexive
    /// verbs: "hu mech gefreet") against the LOD's cells. Only tables of the same auxiliary and
    /// participles count (homographs differ: verluer, verléiert); cells with a bracketed pronoun
    /// ("hunn (mech) gehat") put it between the two words and are left out.
    private static func checkPerfect(_ item: VerbItem, tables: [ConjugationTable], ref: String,
                                     into result: inout Result, _ allowed: (String) -> Bool) {
        let comparable = tables.filter { table in
            let cells = Person.allCases.flatMap { table.forms(.perfect, $0) }
            let auxiliary = table.auxiliary ?? item.table.auxiliary
            return cells.count >= 6 && !cells.contains { $0.contains("(") } && auxiliary == item.table.auxiliary
                && forms(table.participles) == Set(item.table.participles)
        }
        guard let first = comparable.first else { return }
        for person in Person.allCases {
            let mine = Set(item.table.forms(.perfect, person))
            if !comparable.contains(where: { forms($0.forms(.perfect, person)) == mine }) {
                add(LODMismatch(field: "perfect", message: "perfect \(person.code) \(show(item.table.forms(.perfect, person))), \(ref) has \(show(first.forms(.perfect, person)))"),
                    to: &result, allowed)
            }
        }
    }

    private static func add(_ mismatch: LODMismatch, to result: inout Result, _ allowed: (String) -> Bool) {
        if allowed(mismatch.field) {
            result.usedAllowances.insert(mismatch.field)
        } else {
            result.mismatches.append(mismatch)
        }
    }
}
