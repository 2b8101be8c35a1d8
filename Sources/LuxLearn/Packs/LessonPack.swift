import Foundation

/// A lesson pack read and checked: its manifest and every item (units included), in study
/// order: each unit in the order pack.toml lists them, followed by its items in the order of
/// the files (by path) and of the entries in each file.
public struct LessonPack: Sendable, Equatable {
    public var manifest: PackManifest
    public var items: [PackItem]
    /// The folder or .zip it was read from.
    public var source: String

    public init(manifest: PackManifest, items: [PackItem], source: String) {
        self.manifest = manifest
        self.items = items
        self.source = source
    }

    /// Items that are not units.
    public var contentItems: [PackItem] { items.filter { $0.kind != .unit } }

    /// Reads and checks the pack at `path` (a folder or a .zip). Throws `PackProblems` listing
    /// every problem found, each with its file and line.
    public static func load(_ path: String) throws -> LessonPack {
        try load(PackReader.read(path), source: path)
    }

    /// Reads and checks a pack from its files.
    public static func load(_ files: PackFiles, source: String) throws -> LessonPack {
        let log = ProblemLog()
        let pack = PackAssembler(files: files, log: log).assemble()
        let order = [PackManifest.fileName] + files.files.map(\.path).filter { $0 != PackManifest.fileName }
        guard log.isEmpty, let pack else {
            throw PackProblems(log.sorted(fileOrder: order), source: source)
        }
        return LessonPack(manifest: pack.manifest, items: pack.items, source: source)
    }
}

/// Reads each file of a pack and puts the items together, checking what spans files:
/// duplicate ids and the units items name.
private struct PackAssembler {
    let files: PackFiles
    let log: ProblemLog
    let ids = IDRegistry()

    func assemble() -> (manifest: PackManifest, items: [PackItem])? {
        guard let manifestData = files[PackManifest.fileName] else {
            let hint = files.files.contains { $0.path.hasSuffix("/" + PackManifest.fileName) }
                ? " (it must be at the top of the pack, not in a subfolder)" : ""
            log.add("", nil, "no \(PackManifest.fileName) found\(hint)")
            return nil
        }
        guard let manifestText = Self.text(manifestData, file: PackManifest.fileName, log: log) else { return nil }
        let parsed = ManifestParser(log: log, ids: ids).parse(text: manifestText)
        let declaredAll = parsed.declaredUnits
        let units = Dictionary((parsed.manifest?.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var items: [PackItem] = []
        for file in files.files where file.path != PackManifest.fileName {
            guard let text = Self.text(file.data, file: file.path, log: log) else { continue }
            switch (file.path as NSString).pathExtension.lowercased() {
            case "toml":
                items += UnitFileParser(file: file.path, log: log, ids: ids, units: units, declaredUnits: declaredAll)
                    .parse(text: text)
            default:
                items += VocabListParser(file: file.path, log: log, ids: ids, units: units, declaredUnits: declaredAll)
                    .parse(text: text)
            }
        }
        checkDuplicates()
        guard let manifest = parsed.manifest else { return nil }

        let unitItems = zip(manifest.units, parsed.unitLines).map {
            PackItem(id: $0.id, content: .unit($0), file: PackManifest.fileName, line: $1)
        }
        // Study order: by unit as pack.toml lists them; within a unit, files by path, then lines.
        let fileRank = Dictionary(files.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        var ordered: [PackItem] = []
        for unit in unitItems {
            ordered.append(unit)
            ordered += items.enumerated()
                .filter { $0.element.content.unit == unit.id }
                .sorted { a, b in
                    let (fa, fb) = (fileRank[a.element.file] ?? 0, fileRank[b.element.file] ?? 0)
                    return fa != fb ? fa < fb : a.offset < b.offset
                }
                .map(\.element)
        }
        return (manifest, ordered)
    }

    /// Every id once in the whole pack, units included.
    private func checkDuplicates() {
        var rank = Dictionary(files.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        rank[PackManifest.fileName] = -1
        let inOrder = ids.entries.enumerated().sorted { a, b in
            let (ra, rb) = (rank[a.element.file] ?? 0, rank[b.element.file] ?? 0)
            if ra != rb { return ra < rb }
            let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        var first: [String: IDRegistry.Entry] = [:]
        for entry in inOrder {
            if let earlier = first[entry.id] {
                let place = earlier.line.map { "\(earlier.file):\($0)" } ?? earlier.file
                log.add(entry.file, entry.line,
                        "id \"\(entry.id)\" is already used by the \(earlier.kind) at \(place); ids must be unique in a pack")
            } else {
                first[entry.id] = entry
            }
        }
    }

    /// The file as UTF-8 text (a byte-order mark is dropped), or nil with a problem.
    private static func text(_ data: Data, file: String, log: ProblemLog) -> String? {
        guard var text = String(data: data, encoding: .utf8) else {
            log.add(file, nil, "is not UTF-8 text; save it as UTF-8")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\0") {
            log.add(file, nil, "contains a NUL character; is it a text file?")
            return nil
        }
        return text
    }
}
