import Foundation
import GRDB

/// One setting: a key and a JSON value.
public struct SettingRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "settings"

    public var key: String
    /// JSON text.
    public var value: String
    public var updatedAt: Date

    public init(key: String, value: String, updatedAt: Date) {
        self.key = key
        self.value = value
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case key, value
        case updatedAt = "updated_at"
    }
}
