import Foundation
import GRDB

extension LuxDatabase {
    /// Imports a pack or a newer version of it, in one transaction. Items are matched by their
    /// stable id: new ones are added, changed ones updated, missing ones retired (kept, with
    /// their cards, so a learner's progress survives), returning ones restored.
    /// `items` are in pack order; duplicate ids or a payload that is not JSON are refused.
    @discardableResult
    public func importPack(_ pack: PackRecord, items: [ItemContent], at now: Date = Date()) throws -> PackImportSummary {
        var seen = Set<String>()
        for item in items {
            guard seen.insert(item.id).inserted else {
                throw StoreError.invalid(path: path, reason: "pack \(pack.id): item id \"\(item.id)\" appears twice")
            }
            guard Self.isJSON(item.payload) else {
                throw StoreError.invalid(path: path, reason: "pack \(pack.id) item \(item.id): the payload is not valid JSON")
            }
        }
        return try write { db in
            try pack.save(db)
            var existing = Dictionary(
                uniqueKeysWithValues: try ItemRecord
                    .filter(ItemRecord.CodingKeys.packID == pack.id)
                    .fetchAll(db)
                    .map { ($0.id, $0) })
            var summary = PackImportSummary()
            for (position, item) in items.enumerated() {
                guard var record = existing.removeValue(forKey: item.id) else {
                    try ItemRecord(packID: pack.id, id: item.id, position: position, kind: item.kind,
                                   payload: item.payload, retired: false, updatedAt: now).insert(db)
                    summary.added += 1
                    continue
                }
                let same = record.kind == item.kind && record.payload == item.payload && record.position == position
                if same && !record.retired {
                    summary.unchanged += 1
                    continue
                }
                if record.retired { summary.restored += 1 } else { summary.updated += 1 }
                record.kind = item.kind
                record.payload = item.payload
                record.position = position
                record.retired = false
                record.updatedAt = now
                try record.update(db)
            }
            for var record in existing.values where !record.retired {
                record.retired = true
                record.updatedAt = now
                try record.update(db)
                summary.retired += 1
            }
            return summary
        }
    }

    /// All imported packs, by id.
    public func packs() throws -> [PackRecord] {
        try read { db in try PackRecord.order(PackRecord.CodingKeys.id).fetchAll(db) }
    }

    public func pack(id: String) throws -> PackRecord? {
        try read { db in try PackRecord.fetchOne(db, key: id) }
    }

    /// A pack's items in pack order; retired ones only if asked.
    public func items(packID: String, includeRetired: Bool = false) throws -> [ItemRecord] {
        try read { db in
            var request = ItemRecord.filter(ItemRecord.CodingKeys.packID == packID)
            if !includeRetired {
                request = request.filter(ItemRecord.CodingKeys.retired == false)
            }
            return try request.order(ItemRecord.CodingKeys.position).fetchAll(db)
        }
    }

    public func item(packID: String, id: String) throws -> ItemRecord? {
        try read { db in
            try ItemRecord.fetchOne(db, key: [ItemRecord.CodingKeys.packID.rawValue: packID,
                                              ItemRecord.CodingKeys.id.rawValue: id])
        }
    }

    /// Sets a pack's description (an import of the same version changes nothing else).
    public func setPackDescription(id: String, to description: String?) throws {
        try write { db in
            try db.execute(sql: "UPDATE packs SET description = ? WHERE id = ?", arguments: [description, id])
        }
    }

    /// Deletes a pack with its items, cards and their review history. False if there was no such pack.
    @discardableResult
    public func deletePack(id: String) throws -> Bool {
        try write { db in try PackRecord.deleteOne(db, key: id) }
    }

    static func isJSON(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }
}
