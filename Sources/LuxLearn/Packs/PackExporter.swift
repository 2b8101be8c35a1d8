import Foundation
import LuxStore

/// Why a pack could not be exported.
public enum PackExportError: Error, Equatable, CustomStringConvertible {
    case noSuchPack(String)
    case destinationExists(String)
    case cannotWrite(path: String, reason: String)
    /// A stored item the pack format cannot say (e.g. a verb without an auxiliary).
    case inexpressible(item: String, reason: String)

    public var description: String {
        switch self {
        case .noSuchPack(let id): "no imported pack has the id \"\(id)\" (see lux pack list)"
        case .destinationExists(let path): "\(path) already exists; export to a new path"
        case let .cannotWrite(path, reason): "\(path): cannot write: \(reason)"
        case let .inexpressible(item, reason): "item \(item): \(reason)"
        }
    }
}

/// Writes an imported pack back out as pack files: `pack.toml` and one `units/UNIT.toml` per
/// unit, holding the live items in study order. The result validates and imports to the same
/// items. (A pack's description is not kept in the database, so it is not exported.)
public enum PackExporter {
    /// The files of pack `id` as they would be written.
    public static func files(packID: String, database: LuxDatabase) throws -> PackFiles {
        guard let pack = try database.pack(id: packID) else { throw PackExportError.noSuchPack(packID) }
        let records = try database.items(packID: packID)
        var units: [UnitInfo] = []
        var byUnit: [String: [(id: String, content: PackContent)]] = [:]
        for record in records {
            let content = try PackContent(record: record)
            if case .unit(let unit) = content {
                units.append(unit)
            } else {
                byUnit[content.unit, default: []].append((record.id, content))
            }
        }
        var files = [PackFiles.File(path: PackManifest.fileName, data: Data(manifest(pack, units: units).utf8))]
        for unit in units {
            let text = try unitFile(unit.id, items: byUnit[unit.id] ?? [])
            files.append(PackFiles.File(path: "units/\(unit.id).toml", data: Data(text.utf8)))
        }
        return PackFiles(files: files)
    }

    /// Writes pack `id` to `path`: a .zip when the path ends in ".zip", else a new folder.
    @discardableResult
    public static func export(packID: String, database: LuxDatabase, to path: String) throws -> PackFiles {
        let files = try files(packID: packID, database: database)
        try write(files, to: path)
        return files
    }

    /// Writes pack files to a new folder or .zip at `path`; an existing path is left alone.
    public static func write(_ files: PackFiles, to path: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw PackExportError.destinationExists(path) }
        do {
            if path.lowercased().hasSuffix(".zip") {
                try PackZip.write(files, to: path)
            } else {
                for file in files.files {
                    let full = (path as NSString).appendingPathComponent(file.path)
                    try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                           withIntermediateDirectories: true)
                    try file.data.write(to: URL(fileURLWithPath: full), options: .atomic)
                }
            }
        } catch let error as PackExportError {
            throw error
        } catch {
            throw PackExportError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    // MARK: - Text

    static func manifest(_ pack: PackRecord, units: [UnitInfo]) -> String {
        var text = TOMLText.line("id", TOMLText.string(pack.id))
        text += TOMLText.line("title", TOMLText.string(pack.title))
        text += TOMLText.line("version", TOMLText.string(pack.version))
        text += TOMLText.line("level", TOMLText.string(pack.level))
        if let author = pack.author { text += TOMLText.line("author", TOMLText.string(author)) }
        if let licence = pack.licence { text += TOMLText.line("licence", TOMLText.string(licence)) }
        if let description = pack.description { text += TOMLText.line("description", TOMLText.string(description)) }
        for unit in units {
            text += "\n[[unit]]\n"
            text += TOMLText.line("id", TOMLText.string(unit.id))
            text += TOMLText.line("title", TOMLText.string(unit.title))
            text += TOMLText.line("level", TOMLText.string(unit.level.rawValue))
            if let theme = unit.theme { text += TOMLText.line("theme", TOMLText.string(theme)) }
        }
        return text
    }

    static func unitFile(_ unit: String, items: [(id: String, content: PackContent)]) throws -> String {
        var text = TOMLText.line("unit", TOMLText.string(unit))
        for (id, content) in items {
            text += "\n[[\(content.kind.rawValue)]]\n"
            text += TOMLText.line("id", TOMLText.string(id))
            text += try entry(id, content)
        }
        return text
    }

    private static func entry(_ id: String, _ content: PackContent) throws -> String {
        var text = ""
        func add(_ key: String, _ value: String) { text += TOMLText.line(key, value) }
        func add(_ key: String, string: String?) { if let string { add(key, TOMLText.string(string)) } }
        func add(_ key: String, list: [String]) { if !list.isEmpty { add(key, TOMLText.list(list)) } }
        func add(_ example: Example?) {
            add("example_lb", string: example?.lb)
            add("example_en", string: example?.en)
        }
        switch content {
        case .vocab(let v):
            add("lb", string: v.lb)
            add("pos", string: v.pos.rawValue)
            add("gender", string: v.gender?.rawValue)
            add("plural", list: v.plural)
            add("en", list: v.en)
            add("alternatives", list: v.alternatives)
            add(v.example)
            add("note", string: v.note)
        case .verb(let v):
            let table = v.table
            guard let auxiliary = table.auxiliary, !table.participles.isEmpty else {
                throw PackExportError.inexpressible(item: id, reason: "a verb needs an auxiliary and a participle")
            }
            add("infinitive", string: table.infinitive)
            add("en", list: v.en)
            // The present, auxiliary and participle first, as teachers write them; then the
            // other tenses, the perfect only when it is not the one those give.
            let derived = VerbForms.derivedPerfect(auxiliary: auxiliary, participles: table.participles)
            func addTense(_ tense: Tense) throws {
                let cells = VerbForms.persons(for: tense).map { table.forms(tense, $0) }
                if tense == .perfect, table.forms[.perfect] == derived { return }
                if cells.allSatisfy(\.isEmpty) { return }
                guard cells.allSatisfy({ !$0.isEmpty }) else {
                    throw PackExportError.inexpressible(item: id, reason: "the \(tense.rawValue) lacks some persons")
                }
                add(tense.rawValue, TOMLText.cells(cells))
            }
            try addTense(.present)
            add("auxiliary", string: auxiliary.rawValue)
            add("participle", list: table.participles)
            for tense in Tense.allCases where tense != .present {
                try addTense(tense)
            }
            add("separable", string: v.separablePrefix)
            add(v.example)
            add("note", string: v.note)
        case .phrase(let p):
            add("lb", string: p.lb)
            add("en", list: p.en)
            add("alternatives", list: p.alternatives)
            add("note", string: p.note)
        case .translation(let t):
            add("direction", string: t.direction.rawValue)
            add("level", string: t.level.rawValue)
            add("source", string: t.source)
            add("answers", TOMLText.array(t.answers))
            add("hint", string: t.hint)
        case .dialogue(let d):
            add("title", string: d.title)
            add("situation", string: d.situation)
            add("tutor_role", string: d.tutorRole)
            add("learner_role", string: d.learnerRole)
            add("goal", string: d.goal)
            add("opening", string: d.opening)
            if !d.usefulPhrases.isEmpty { add("useful_phrases", TOMLText.array(d.usefulPhrases)) }
        case .grammar(let g):
            add("title", string: g.title)
            add("topics", list: g.topics)
            add("body", string: g.body)
        case .unit:
            break
        }
        return text
    }
}
