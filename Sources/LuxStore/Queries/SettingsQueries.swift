import Foundation
import GRDB

extension LuxDatabase {
    /// The setting's value decoded as `T`, nil if it was never set.
    public func setting<T: Decodable>(_ key: String, as type: T.Type) throws -> T? {
        guard let record = try read({ db in try SettingRecord.fetchOne(db, key: key) }) else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(record.value.utf8))
        } catch {
            throw StoreError.invalid(path: path, reason: "setting \"\(key)\" holds \(record.value), not a \(T.self)")
        }
    }

    /// Stores `value` as JSON under `key`, replacing any earlier value.
    public func setSetting<T: Encodable>(_ key: String, to value: T, at now: Date = Date()) throws {
        let json: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError.invalid(path: path, reason: "setting \"\(key)\": cannot encode the value: \(error)")
        }
        try write { db in try SettingRecord(key: key, value: json, updatedAt: now).save(db) }
    }

    /// Forgets a setting. False if it was not set.
    @discardableResult
    public func removeSetting(_ key: String) throws -> Bool {
        try write { db in try SettingRecord.deleteOne(db, key: key) }
    }

    /// Every setting, by key, with its raw JSON.
    public func allSettings() throws -> [SettingRecord] {
        try read { db in try SettingRecord.order(SettingRecord.CodingKeys.key).fetchAll(db) }
    }
}
