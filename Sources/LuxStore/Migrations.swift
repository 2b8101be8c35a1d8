import GRDB

/// The schema, built by named migrations: one per version, applied in order and recorded in
/// `grdb_migrations`. A released migration is never edited; a change is a new migration.
public enum LuxMigrations {
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: createCore)
        migrator.registerMigration("v2-dictionary", migrate: createDictionary)
        migrator.registerMigration("v3-eval", migrate: createEval)
        migrator.registerMigration("v4-pack-description", migrate: addPackDescription)
        return migrator
    }()

    /// Every migration this binary knows, oldest first.
    public static var identifiers: [String] { migrator.migrations }

    /// Lesson packs and their items, cards with their FSRS state, the review log, drill results,
    /// tutor chats and settings. Dates are UTC text as GRDB writes them ("2024-05-01 09:30:00.000"),
    /// so they sort and compare as text; JSON columns are checked to hold valid JSON.
    @Sendable
    static func createCore(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE packs (
                id          TEXT PRIMARY KEY NOT NULL,
                title       TEXT NOT NULL,
                version     TEXT NOT NULL,
                level       TEXT NOT NULL,
                author      TEXT,
                licence     TEXT,
                source_path TEXT NOT NULL,
                imported_at TEXT NOT NULL
            );

            -- An item keeps its id across pack versions; one the newer version dropped is
            -- retired (kept with its cards, so progress comes back if the item does).
            CREATE TABLE items (
                pack_id    TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
                id         TEXT NOT NULL,
                position   INTEGER NOT NULL,
                kind       TEXT NOT NULL,
                payload    TEXT NOT NULL CHECK (json_valid(payload)),
                retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
                updated_at TEXT NOT NULL,
                PRIMARY KEY (pack_id, id)
            );

            -- One card per way of asking about an item ("recognition", "conj:present:1sg", ...).
            -- state: 1 learning, 2 review, 3 relearning (py-fsrs values).
            CREATE TABLE cards (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                pack_id     TEXT NOT NULL,
                item_id     TEXT NOT NULL,
                variant     TEXT NOT NULL,
                state       INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
                step        INTEGER,
                stability   REAL,
                difficulty  REAL,
                due         TEXT NOT NULL,
                last_review TEXT,
                reps        INTEGER NOT NULL DEFAULT 0,
                lapses      INTEGER NOT NULL DEFAULT 0,
                created_at  TEXT NOT NULL,
                FOREIGN KEY (pack_id, item_id) REFERENCES items(pack_id, id) ON DELETE CASCADE,
                UNIQUE (pack_id, item_id, variant)
            );
            CREATE INDEX cards_by_due ON cards(due);

            -- One row per answer. The card's whole state before the answer is kept so the
            -- answer can be undone exactly.
            CREATE TABLE review_log (
                id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id            INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
                rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                reviewed_at        TEXT NOT NULL,
                elapsed_seconds    REAL,
                scheduled_seconds  REAL NOT NULL,
                duration_ms        INTEGER,
                state_before       INTEGER NOT NULL,
                state_after        INTEGER NOT NULL,
                step_before        INTEGER,
                stability_before   REAL,
                difficulty_before  REAL,
                due_before         TEXT NOT NULL,
                last_review_before TEXT,
                reps_before        INTEGER NOT NULL,
                lapses_before      INTEGER NOT NULL
            );
            CREATE INDEX review_log_by_card ON review_log(card_id);
            CREATE INDEX review_log_by_time ON review_log(reviewed_at);

            CREATE TABLE drill_results (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                mode        TEXT NOT NULL,
                item        TEXT NOT NULL,
                prompt      TEXT NOT NULL,
                expected    TEXT NOT NULL,
                given       TEXT NOT NULL,
                correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
                feedback    TEXT,
                answered_at TEXT NOT NULL
            );
            CREATE INDEX drill_results_by_mode_item ON drill_results(mode, item);

            CREATE TABLE chat_sessions (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                title         TEXT NOT NULL,
                model         TEXT NOT NULL,
                system_prompt TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                updated_at    TEXT NOT NULL
            );
            CREATE TABLE chat_messages (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id INTEGER NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
                role       TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
                content    TEXT NOT NULL,
                tokens     INTEGER,
                created_at TEXT NOT NULL
            );
            CREATE INDEX chat_messages_by_session ON chat_messages(session_id, id);

            CREATE TABLE settings (
                key        TEXT PRIMARY KEY NOT NULL,
                value      TEXT NOT NULL CHECK (json_valid(value)),
                updated_at TEXT NOT NULL
            );
            """)
    }

    /// The Luxembourgish dictionary (LOD import): entries, and every inflected form pointing
    /// back at its entry, both indexed on their normalized spelling for lookups.
    @Sendable
    static func createDictionary(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dictionary_entries (
                id                  TEXT PRIMARY KEY NOT NULL,
                headword            TEXT NOT NULL,
                headword_normalized TEXT NOT NULL,
                pos                 TEXT NOT NULL,
                gender              TEXT,
                plurals             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(plurals)),
                auxiliary           TEXT,
                past_participle     TEXT,
                payload             TEXT NOT NULL CHECK (json_valid(payload))
            );
            CREATE INDEX dictionary_entries_by_headword ON dictionary_entries(headword_normalized);

            CREATE TABLE dictionary_forms (
                form            TEXT NOT NULL,
                form_normalized TEXT NOT NULL,
                entry_id        TEXT NOT NULL REFERENCES dictionary_entries(id) ON DELETE CASCADE,
                description     TEXT NOT NULL
            );
            CREATE INDEX dictionary_forms_by_form ON dictionary_forms(form_normalized);
            CREATE INDEX dictionary_forms_by_entry ON dictionary_forms(entry_id);
            """)
    }

    /// Refuses a database from a newer lux, then applies the missing migrations.
    ///
    /// Two processes opening an old database at once may both try the same migration; each
    /// migration runs in one IMMEDIATE transaction that also records its name, so the loser
    /// waits, fails (table exists, or the name's primary key), and rolls back. We then reread
    /// what is applied and go on: the work is done once, whoever did it.
    static func migrate(_ pool: DatabasePool, path: String, busyTimeout: Double) throws {
        let known = Set(identifiers)
        var attempts = 0
        while true {
            let applied = try pool.read { try migrator.appliedIdentifiers($0) }
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw StoreError.newerDatabase(path: path, migrations: unknown.sorted())
            }
            if applied == known { return }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempts += 1
                let after = (try? pool.read { try migrator.appliedIdentifiers($0) }) ?? applied
                // Retry only if someone else made progress meanwhile; otherwise the error is real.
                if after == applied || attempts > identifiers.count {
                    throw StoreError(error, path: path, busyTimeout: busyTimeout)
                }
            }
        }
    }

    /// A pack's one-paragraph description from its pack.toml, shown on the Lessons screen.
    @Sendable
    static func addPackDescription(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE packs ADD COLUMN description TEXT")
    }
}
