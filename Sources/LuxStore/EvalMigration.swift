import GRDB

extension LuxMigrations {
    /// `lux eval`: runs (a model, a judge and settings, under a key) and one result per question.
    /// Statuses, methods and the 1-5 score range are checked by the schema.
    @Sendable
    static func createEval(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE eval_runs (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                key        TEXT NOT NULL UNIQUE,
                model      TEXT NOT NULL,
                judge      TEXT NOT NULL,
                settings   TEXT NOT NULL CHECK (json_valid(settings)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE eval_results (
                run_id         INTEGER NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
                question_id    TEXT NOT NULL,
                question_hash  TEXT NOT NULL,
                category       TEXT NOT NULL,
                difficulty     TEXT NOT NULL,
                answer         TEXT NOT NULL,
                answer_tokens  INTEGER NOT NULL,
                answer_seconds REAL NOT NULL,
                status         TEXT NOT NULL CHECK (status IN ('answered', 'scored', 'unscored')),
                method         TEXT CHECK (method IN ('check', 'judge')),
                score          REAL CHECK (score IS NULL OR score BETWEEN 1 AND 5),
                judge_output   TEXT,
                detail         TEXT,
                judge_seconds  REAL,
                answered_at    TEXT NOT NULL,
                scored_at      TEXT,
                PRIMARY KEY (run_id, question_id)
            );
            """)
    }
}
