import Foundation
import LuxStore

/// What importing a pack did.
public struct PackImportResult: Sendable, Equatable {
    public var packID: String
    public var version: String
    /// The version that was installed before, if any.
    public var previousVersion: String?
    public var summary: PackImportSummary
    /// Cards created for new items (existing cards keep their progress).
    public var cardsAdded: Int

    /// "a1-basics 1.1 (was 1.0): 2 added, 1 updated, 9 unchanged, 1 retired, 0 restored; 6 new cards".
    public var description: String {
        let was = previousVersion.map { $0 == version ? " (already imported)" : " (was \($0))" } ?? " (new)"
        let s = summary
        return "\(packID) \(version)\(was): \(s.added) added, \(s.updated) updated, \(s.unchanged) unchanged, "
            + "\(s.retired) retired, \(s.restored) restored; \(cardsAdded) new card\(cardsAdded == 1 ? "" : "s")"
    }
}

/// Why a pack was not imported.
public enum PackImportError: Error, Equatable, CustomStringConvertible {
    /// The installed version is newer.
    case olderVersion(pack: String, version: String, installed: String)
    /// The same version is installed with other content: the author must raise the version.
    case sameVersionChanged(pack: String, version: String)

    public var description: String {
        switch self {
        case let .olderVersion(pack, version, installed):
            "pack \(pack): version \(version) is older than the imported \(installed); nothing changed"
        case let .sameVersionChanged(pack, version):
            "pack \(pack) version \(version) is already imported with other content; raise version in pack.toml to update it"
        }
    }
}

/// Puts a checked pack into the learner's database and creates the cards of its items.
/// Items are matched by id, so a newer version updates what changed and keeps all progress;
/// items it no longer has are retired (kept with their cards) and come back if it returns them.
public struct PackImporter {
    public let database: LuxDatabase

    public init(database: LuxDatabase) {
        self.database = database
    }

    @discardableResult
    public func importPack(_ pack: LessonPack, at now: Date = Date()) throws -> PackImportResult {
        let manifest = pack.manifest
        let contents = try pack.items.map { try $0.content.itemContent(id: $0.id) }
        let installed = try database.pack(id: manifest.id)
        var summary: PackImportSummary?
        if let installed, let old = PackVersion(installed.version), let new = PackVersion(manifest.version) {
            if new < old {
                throw PackImportError.olderVersion(pack: manifest.id, version: manifest.version, installed: installed.version)
            }
            if new == old {
                guard try isInstalled(contents, packID: manifest.id) else {
                    throw PackImportError.sameVersionChanged(pack: manifest.id, version: manifest.version)
                }
                summary = PackImportSummary(unchanged: contents.count)
            }
        }
        if summary == nil {
            let record = PackRecord(id: manifest.id, title: manifest.title, version: manifest.version,
                                    level: manifest.level.rawValue, author: manifest.author, licence: manifest.licence,
                                    sourcePath: URL(fileURLWithPath: pack.source).standardizedFileURL.path,
                                    importedAt: now, description: manifest.description)
            summary = try database.importPack(record, items: contents, at: now)
        } else {
            try database.setPackDescription(id: manifest.id, to: manifest.description)
        }
        // Also on a same-version re-import: an earlier import stopped before its cards leaves none missing.
        let keys = pack.items.flatMap { item in
            PackCards.variants(for: item.content).map { CardKey(packID: manifest.id, itemID: item.id, variant: $0) }
        }
        let added = try database.addCards(keys, due: now, at: now)
        return PackImportResult(packID: manifest.id, version: manifest.version, previousVersion: installed?.version,
                                summary: summary ?? PackImportSummary(), cardsAdded: added)
    }

    /// Whether the database already holds exactly these items, live, in this order.
    private func isInstalled(_ contents: [ItemContent], packID: String) throws -> Bool {
        let live = try database.items(packID: packID)
        guard live.count == contents.count else { return false }
        return zip(live, contents).enumerated().allSatisfy { position, pair in
            let (record, content) = pair
            return record.id == content.id && record.kind == content.kind && record.payload == content.payload
                && record.position == position
        }
    }
}
