import Foundation
import GRDB

/// An imported lesson pack, as its `pack.toml` describes it.
public struct PackRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "packs"

    public var id: String
    public var title: String
    public var version: String
    /// CEFR level, "A1" ... "C1".
    public var level: String
    public var author: String?
    public var licence: String?
    /// The folder or .zip it was imported from.
    public var sourcePath: String
    public var importedAt: Date
    /// What the pack covers, in a sentence or two.
    public var description: String?

    public init(id: String, title: String, version: String, level: String, author: String?,
                licence: String?, sourcePath: String, importedAt: Date, description: String? = nil) {
        self.id = id
        self.title = title
        self.version = version
        self.level = level
        self.author = author
        self.licence = licence
        self.sourcePath = sourcePath
        self.importedAt = importedAt
        self.description = description
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, version, level, author, licence, description
        case sourcePath = "source_path"
        case importedAt = "imported_at"
    }
}

/// What an item teaches; its payload's shape depends on it (LuxLearn owns those shapes).
public enum ItemKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case vocab, verb, phrase, translation, dialogue, grammar, unit
}

/// One item of a pack, its content kept as JSON.
public struct ItemRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "items"

    public var packID: String
    /// Stable within the pack across versions; progress follows it.
    public var id: String
    /// Order in the pack (new cards are introduced in this order).
    public var position: Int
    public var kind: ItemKind
    /// The item's content as JSON text.
    public var payload: String
    /// The newest import of the pack no longer has this item.
    public var retired: Bool
    public var updatedAt: Date

    public init(packID: String, id: String, position: Int, kind: ItemKind, payload: String,
                retired: Bool, updatedAt: Date) {
        self.packID = packID
        self.id = id
        self.position = position
        self.kind = kind
        self.payload = payload
        self.retired = retired
        self.updatedAt = updatedAt
    }

    /// Decodes the JSON payload into the caller's type.
    public func decodePayload<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(payload.utf8))
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case packID = "pack_id"
        case id, position, kind, payload, retired
        case updatedAt = "updated_at"
    }
}

/// An item as a pack file gives it, the input of `LuxDatabase.importPack`.
public struct ItemContent: Sendable, Hashable {
    public var id: String
    public var kind: ItemKind
    /// JSON text.
    public var payload: String

    public init(id: String, kind: ItemKind, payload: String) {
        self.id = id
        self.kind = kind
        self.payload = payload
    }

    /// Encodes `content` as the JSON payload (keys sorted, so equal content gives equal text).
    public init<Content: Encodable>(id: String, kind: ItemKind, content: Content) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.init(id: id, kind: kind, payload: String(decoding: try encoder.encode(content), as: UTF8.self))
    }
}

/// What importing a pack changed.
public struct PackImportSummary: Sendable, Equatable {
    /// Items new to the database.
    public var added = 0
    /// Items whose content, kind or position changed.
    public var updated = 0
    public var unchanged = 0
    /// Items the import no longer has, now retired.
    public var retired = 0
    /// Retired items that came back.
    public var restored = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, retired: Int = 0, restored: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.retired = retired
        self.restored = restored
    }
}
