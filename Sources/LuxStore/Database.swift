import Foundation
import GRDB

/// The learner's database: one SQLite file in WAL mode, opened through a GRDB `DatabasePool`
/// (one writer, concurrent readers). Every public method is one transaction, and every error
/// it throws is a `StoreError` naming the file.
///
/// Several `lux` processes may share the file: writes take the lock up front (IMMEDIATE
/// transactions), and a writer that finds it taken waits up to `busyTimeout` seconds instead
/// of failing with SQLITE_BUSY. A process killed mid-write loses only its open transaction.
public final class LuxDatabase: Sendable {
    /// How long a write waits for another process's transaction before giving up.
    public static let defaultBusyTimeout: TimeInterval = 60

    public let path: String
    public let busyTimeout: TimeInterval
    let pool: DatabasePool

    /// Opens (creating if needed) `lux.sqlite` in the data directory, creating the directory too.
    public convenience init(paths: LuxPaths = LuxPaths(), busyTimeout: TimeInterval = defaultBusyTimeout) throws {
        try paths.createDataDirectory()
        try self.init(path: paths.database, busyTimeout: busyTimeout)
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer lux is refused.
    public init(path: String, busyTimeout: TimeInterval = defaultBusyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        var config = Configuration()
        config.label = "lux"
        config.busyMode = .timeout(busyTimeout)
        pool = try Self.openAndMigrate(path: path, configuration: config, busyTimeout: busyTimeout)
    }

    /// Opens the pool and brings the schema up to date. Two lux processes creating the same new
    /// file race to switch it to WAL and to migrate it, and SQLite answers some of those races
    /// with SQLITE_BUSY at once, without waiting (a deadlock it avoids, or a snapshot gone stale):
    /// such a start is tried again until `busyTimeout` has passed.
    static func openAndMigrate(path: String, configuration: Configuration, busyTimeout: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                let pool: DatabasePool
                do {
                    pool = try DatabasePool(path: path, configuration: configuration)
                } catch {
                    throw StoreError(error, path: path, busyTimeout: busyTimeout)
                }
                try LuxMigrations.migrate(pool, path: path, busyTimeout: busyTimeout)
                return pool
            } catch let error as StoreError {
                guard case .busy = error, Date() < deadline else { throw error }
                usleep(UInt32.random(in: 5_000...50_000))
            }
        }
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try LuxMigrations.migrator.appliedMigrations(db) }
    }

    /// The schema version: the number of the newest applied migration ("v2-dictionary" is 2).
    public func schemaVersion() throws -> Int {
        let last = try appliedMigrations().last ?? "v0"
        return Int(last.dropFirst().prefix(while: \.isNumber)) ?? 0
    }

    /// SQLite's own check of the whole file: `["ok"]` when sound, else one line per problem.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: - Transactions with errors turned into StoreError

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }
}
