import GRDB

/// The SQLite library the store runs on, for `lux doctor`.
public enum SQLiteInfo {
    /// E.g. "3.45.1", asked from an in-memory database; nil if SQLite cannot even open one.
    public static var version: String? {
        guard let queue = try? DatabaseQueue() else { return nil }
        return try? queue.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }
    }
}
