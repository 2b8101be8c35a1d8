import LuxStore

/// An imported pack with its counts, for `lux pack list` and the Lessons screen.
public struct PackListing: Sendable, Equatable {
    public var pack: PackRecord
    public var units: Int
    /// Live items that are not units.
    public var items: Int
    public var retired: Int
    public var cards: Int
}

public enum PackCatalog {
    /// Every imported pack, by id.
    public static func list(_ database: LuxDatabase) throws -> [PackListing] {
        try database.packs().map { pack in
            let all = try database.items(packID: pack.id, includeRetired: true)
            let live = all.filter { !$0.retired }
            return PackListing(pack: pack, units: live.filter { $0.kind == .unit }.count,
                               items: live.filter { $0.kind != .unit }.count,
                               retired: all.count - live.count,
                               cards: try database.cards(packID: pack.id).count)
        }
    }
}

/// One unit of an imported pack, with its live items in pack order and how many of their cards
/// the learner has started.
public struct UnitListing: Sendable, Equatable {
    public var id: String
    public var title: String
    /// nil for items whose unit the pack does not declare.
    public var level: CEFRLevel?
    public var theme: String?
    public var items: [PackContent]
    public var cards: Int
    public var started: Int
}

extension PackCatalog {
    /// The units of a pack in pack order. Items whose unit the pack does not declare come last,
    /// in a unit of their own named after it.
    public static func units(_ database: LuxDatabase, packID: String) throws -> [UnitListing] {
        let items = try database.items(packID: packID).map { (id: $0.id, content: try PackContent(record: $0)) }
        var units: [UnitListing] = []
        var index: [String: Int] = [:]
        var itemUnit: [String: String] = [:]
        for item in items {
            if case .unit(let info) = item.content {
                index[info.id] = units.count
                units.append(UnitListing(id: info.id, title: info.title, level: info.level, theme: info.theme,
                                         items: [], cards: 0, started: 0))
            }
        }
        for (id, content) in items where content.kind != .unit {
            if index[content.unit] == nil {
                index[content.unit] = units.count
                units.append(UnitListing(id: content.unit, title: content.unit, level: nil, theme: nil,
                                         items: [], cards: 0, started: 0))
            }
            units[index[content.unit]!].items.append(content)
            itemUnit[id] = content.unit
        }
        for card in try database.cards(packID: packID) {
            guard let unit = itemUnit[card.itemID], let i = index[unit] else { continue }
            units[i].cards += 1
            if card.lastReview != nil { units[i].started += 1 }
        }
        return units
    }
}
