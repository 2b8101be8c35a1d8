import LuxTOML

/// What `pack.toml` says: the pack's identity and its units, in study order.
public struct PackManifest: Sendable, Equatable {
    public var id: String
    public var title: String
    public var version: String
    public var level: CEFRLevel
    public var author: String?
    public var licence: String?
    public var description: String?
    public var units: [UnitInfo]

    public init(id: String, title: String, version: String, level: CEFRLevel, author: String? = nil,
                licence: String? = nil, description: String? = nil, units: [UnitInfo]) {
        self.id = id
        self.title = title
        self.version = version
        self.level = level
        self.author = author
        self.licence = licence
        self.description = description
        self.units = units
    }

    public static let fileName = "pack.toml"
    static let keys = ["id", "title", "version", "level", "author", "licence", "description", "unit"]
    static let unitKeys = ["id", "title", "level", "theme"]
}

/// Reads `pack.toml`, noting every problem; returns what could be read, with the line of each
/// unit's declaration.
struct ManifestParser {
    let log: ProblemLog
    let ids: IDRegistry

    struct Result {
        var manifest: PackManifest?
        /// The line of each of the manifest's units' id.
        var unitLines: [Int?] = []
        /// Every unit id declared, in order, including units with problems of their own.
        var declaredUnits: [String] = []
    }

    func parse(text: String) -> Result {
        let file = PackManifest.fileName
        guard let root = TOMLDocument.parse(text, file: file, log: log) else { return Result() }
        let locator = TOMLLocator(text: text)
        let reader = TableReader(table: root, ref: .root, file: file, locator: locator, log: log, label: "pack")
        let id = reader.id()
        let title = reader.string("title", required: true)
        let version = reader.string("version", required: true)
        if let version, PackVersion(version) == nil {
            reader.problem("version", "version \"\(version)\" must be numbers with dots, like \"1.0\" or \"2.1.3\"")
        }
        let level = reader.level(required: true)
        let author = reader.string("author")
        let licence = reader.string("licence")
        let description = reader.string("description")
        reader.rejectUnknownKeys(known: PackManifest.keys)

        var units: [UnitInfo] = []
        var unitLines: [Int?] = []
        var declared: [String] = []
        if let value = root["unit"] {
            if let array = value.array, array.allSatisfy({ $0.table != nil }) {
                for (index, element) in array.enumerated() {
                    guard let table = element.table else { continue }
                    var unitReader = TableReader(table: table, ref: .init(name: "unit", index: index), file: file,
                                                 locator: locator, log: log, label: "unit #\(index + 1)")
                    guard let unitID = unitReader.id() else {
                        unitReader.rejectUnknownKeys(known: PackManifest.unitKeys)
                        continue
                    }
                    unitReader.label = "unit \"\(unitID)\""
                    ids.add(unitID, kind: "unit", file: file, line: unitReader.line("id"))
                    let unitTitle = unitReader.string("title", required: true)
                    let unitLevel = unitReader.level() ?? (unitReader.has("level") ? nil : level)
                    let theme = unitReader.string("theme")
                    unitReader.rejectUnknownKeys(known: PackManifest.unitKeys)
                    if let unitTitle, let unitLevel {
                        units.append(UnitInfo(id: unitID, title: unitTitle, level: unitLevel, theme: theme))
                        unitLines.append(unitReader.line("id"))
                    }
                    if !declared.contains(unitID) { declared.append(unitID) }
                }
            } else {
                reader.problem("unit", "write each unit as a [[unit]] table with id, title and level")
            }
        } else {
            log.add(file, nil, "pack: no units: declare at least one [[unit]] with id, title and level")
        }
        guard let id, let title, let version, PackVersion(version) != nil, let level else {
            return Result(manifest: nil, unitLines: unitLines, declaredUnits: declared)
        }
        let manifest = PackManifest(id: id, title: title, version: version, level: level, author: author,
                                    licence: licence, description: description, units: units)
        return Result(manifest: manifest, unitLines: unitLines, declaredUnits: declared)
    }
}

/// Parses TOML text, turning a syntax error into a problem at its line.
enum TOMLDocument {
    static func parse(_ text: String, file: String, log: ProblemLog) -> TOMLTableNode? {
        do {
            return try TOMLReader.parse(text)
        } catch {
            log.add(file, error.line > 0 ? error.line : nil, "TOML syntax error: \(error.message)")
            return nil
        }
    }
}
