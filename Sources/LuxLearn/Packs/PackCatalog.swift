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
