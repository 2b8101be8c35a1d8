import Foundation
import GRDB

extension LuxDatabase {
    /// The run with `key`, created with the given description if there is none yet.
    public func evalRun(key: String, model: String, judge: String, settings: String,
                        at now: Date = Date()) throws -> EvalRunRecord {
        try write { db in
            if let run = try EvalRunRecord.filter(EvalRunRecord.CodingKeys.key == key).fetchOne(db) { return run }
            var run = EvalRunRecord(key: key, model: model, judge: judge, settings: settings,
                                    createdAt: now, updatedAt: now)
            try run.insert(db)
            return run
        }
    }

    /// Every run, most recently active first.
    public func evalRuns() throws -> [EvalRunRecord] {
        try read { db in
            try EvalRunRecord
                .order(EvalRunRecord.CodingKeys.updatedAt.desc, EvalRunRecord.CodingKeys.id.desc)
                .fetchAll(db)
        }
    }

    /// A run's results, by question id.
    public func evalResults(runID: Int64) throws -> [EvalResultRecord] {
        try read { db in
            try EvalResultRecord
                .filter(EvalResultRecord.CodingKeys.runID == runID)
                .order(EvalResultRecord.CodingKeys.questionID)
                .fetchAll(db)
        }
    }

    /// Stores a question's result, replacing what the run had for that question, and marks the
    /// run active, in one transaction.
    public func saveEvalResult(_ result: EvalResultRecord, at now: Date = Date()) throws {
        try write { db in
            guard var run = try EvalRunRecord.fetchOne(db, key: result.runID) else {
                throw StoreError.notFound(path: path, what: "eval run \(result.runID)")
            }
            try result.insert(db, onConflict: .replace)
            run.updatedAt = now
            try run.update(db)
        }
    }

    /// Forgets a run's results (to run it again from the start); returns how many there were.
    @discardableResult
    public func deleteEvalResults(runID: Int64) throws -> Int {
        try write { db in
            try EvalResultRecord.filter(EvalResultRecord.CodingKeys.runID == runID).deleteAll(db)
        }
    }
}
