import Foundation
import GRDB

extension LuxDatabase {
    /// Stores one drill answer; returns it with its id.
    @discardableResult
    public func recordDrillResult(_ result: DrillResultRecord) throws -> DrillResultRecord {
        try write { db in
            var result = result
            try result.insert(db)
            return result
        }
    }

    /// Accuracy of each drill mode (answers at or after `since`, if given), by mode.
    public func drillAccuracyByMode(since: Date? = nil) throws -> [DrillAccuracy] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT mode, COUNT(*) AS attempts, SUM(correct) AS correct
                FROM drill_results
                WHERE ? IS NULL OR answered_at >= ?
                GROUP BY mode ORDER BY mode
                """, arguments: [since, since])
                .map { DrillAccuracy(mode: $0["mode"], item: nil, attempts: $0["attempts"], correct: $0["correct"]) }
        }
    }

    /// Accuracy of each item drilled in `mode`, weakest first (then by item).
    public func drillAccuracy(mode: String, since: Date? = nil) throws -> [DrillAccuracy] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT item, COUNT(*) AS attempts, SUM(correct) AS correct
                FROM drill_results
                WHERE mode = ? AND (? IS NULL OR answered_at >= ?)
                GROUP BY item ORDER BY CAST(SUM(correct) AS REAL) / COUNT(*), item
                """, arguments: [mode, since, since])
                .map { DrillAccuracy(mode: mode, item: $0["item"], attempts: $0["attempts"], correct: $0["correct"]) }
        }
    }

    /// The latest answers (of `mode`, if given), newest first.
    public func recentDrillResults(mode: String? = nil, limit: Int) throws -> [DrillResultRecord] {
        try read { db in
            try DrillResultRecord.fetchAll(db, sql: """
                SELECT * FROM drill_results
                WHERE ? IS NULL OR mode = ?
                ORDER BY id DESC LIMIT ?
                """, arguments: [mode, mode, max(0, limit)])
        }
    }
}
