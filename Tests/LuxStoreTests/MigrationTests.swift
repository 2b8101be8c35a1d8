import Foundation
import GRDB
import LuxStore
import XCTest

final class MigrationTests: XCTestCase {
    static let expectedTables: Set<String> = [
        "packs", "items", "cards", "review_log", "drill_results", "chat_sessions", "chat_messages",
        "settings", "dictionary_entries", "dictionary_forms", "eval_runs", "eval_results",
    ]

    private func tables(at path: String) throws -> Set<String> {
        try DatabaseQueue(path: path).read { db in
            try Set(String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """))
        }
    }

    private func schema(at path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        }
    }

    func testFreshDatabaseHasEveryTableInWALMode() throws {
        let db = try makeDatabase()
        XCTAssertEqual(try tables(at: db.path), Self.expectedTables)
        XCTAssertEqual(try db.appliedMigrations(), ["v1-core", "v2-dictionary", "v3-eval", "v4-pack-description"])
        XCTAssertEqual(LuxMigrations.identifiers, ["v1-core", "v2-dictionary", "v3-eval", "v4-pack-description"])
        XCTAssertEqual(try db.schemaVersion(), 4)
        XCTAssertEqual(try db.integrityCheck(), ["ok"])
        let mode = try DatabaseQueue(path: db.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
    }

    func testReopeningIsIdempotent() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        do {
            let db = try LuxDatabase(path: path)
            try db.setSetting("daily.new", to: 15)
        }
        let before = try schema(at: path)
        for _ in 0 ..< 2 {
            let db = try LuxDatabase(path: path)
            XCTAssertEqual(try db.appliedMigrations(), ["v1-core", "v2-dictionary", "v3-eval", "v4-pack-description"])
            XCTAssertEqual(try db.setting("daily.new", as: Int.self), 15)
        }
        XCTAssertEqual(try schema(at: path), before)
    }

    func testDatabaseFromNewerLuxIsRefused() throws {
        let path = try makeDatabase().path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future-things')")
        }
        do {
            _ = try LuxDatabase(path: path)
            XCTFail("a database with an unknown migration was opened")
        } catch let error as StoreError {
            XCTAssertEqual(error.description,
                           "\(path) was written by a newer lux (migration v9-future-things); update lux")
        }
        // Refusing must not have touched the file.
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        XCTAssertEqual(applied, ["v1-core", "v2-dictionary", "v3-eval", "v4-pack-description", "v9-future-things"])
    }

    func testVersionOneDatabaseIsMigratedKeepingItsRows() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        do {
            let pool = try DatabasePool(path: path)
            try LuxMigrations.migrator.migrate(pool, upTo: "v1-core")
            try pool.write { db in
                // Version 1's columns only (PackRecord has gained one since).
                let p = samplePack()
                try db.execute(sql: """
                    INSERT INTO packs (id, title, version, level, author, licence, source_path, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [p.id, p.title, p.version, p.level, p.author, p.licence, p.sourcePath, p.importedAt])
                try ItemRecord(packID: "a1-basics", id: "w0", position: 0, kind: .vocab, payload: #"{"lb":"Haus"}"#,
                               retired: false, updatedAt: t0).insert(db)
                var card = CardRecord(key: CardKey(packID: "a1-basics", itemID: "w0", variant: "recognition"),
                                      schedule: .new(due: t0), createdAt: t0)
                try card.insert(db)
                try SettingRecord(key: "theme", value: #""dark""#, updatedAt: t0).insert(db)
            }
            XCTAssertEqual(try tables(at: path),
                           Self.expectedTables.subtracting(["dictionary_entries", "dictionary_forms", "eval_runs", "eval_results"]))
        }

        let db = try LuxDatabase(path: path)
        XCTAssertEqual(try db.appliedMigrations(), ["v1-core", "v2-dictionary", "v3-eval", "v4-pack-description"])
        XCTAssertEqual(try tables(at: path), Self.expectedTables)
        XCTAssertEqual(try db.packs(), [samplePack()])
        XCTAssertEqual(try db.items(packID: "a1-basics").map(\.payload), [#"{"lb":"Haus"}"#])
        XCTAssertEqual(try db.cards(packID: "a1-basics").map(\.variant), ["recognition"])
        XCTAssertEqual(try db.setting("theme", as: String.self), "dark")
        // The new migration's tables work.
        try db.replaceDictionary(
            entries: [DictionaryEntryRecord(id: "HAUS1", headword: "Haus", headwordNormalized: "haus", pos: "SUBST",
                                            gender: "n", plurals: ["Haiser"], auxiliary: nil, pastParticiple: nil,
                                            payload: "{}")],
            forms: [])
        XCTAssertEqual(try db.dictionaryEntryCount(), 1)
    }

    func testFileThatIsNotADatabaseIsReported() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        try Data(String(repeating: "this is not SQLite\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        assertStoreError(try LuxDatabase(path: path), contains: [path, "not a lux database"])
    }

    func testMissingDirectoryIsReported() throws {
        let dir = try makeTemporaryDirectory()
        let path = "\(dir)/missing/lux.sqlite"
        assertStoreError(try LuxDatabase(path: path), contains: [path, "\(dir)/missing does not exist"])
    }

    func testUnwritableDirectoryIsReported() throws {
        // /proc refuses new files even to root, so this holds whoever runs the tests.
        assertStoreError(try LuxDatabase(path: "/proc/lux.sqlite"), contains: ["/proc/lux.sqlite", "cannot open"])
    }

    func testOpeningThroughPathsCreatesTheDataDirectory() throws {
        let home = (try makeTemporaryDirectory() as NSString).appendingPathComponent("deep/lux-home")
        let paths = LuxPaths(environment: ["LUX_HOME": home, "HOME": "/nonexistent"])
        let db = try LuxDatabase(paths: paths)
        XCTAssertEqual(db.path, "\(home)/lux.sqlite")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(home)/lux.sqlite"))
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(home)/models", isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
    }
}
