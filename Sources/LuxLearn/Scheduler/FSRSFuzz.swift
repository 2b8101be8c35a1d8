/// Interval fuzz as py-fsrs does it: review intervals of 3 days or more move by up to about
/// 15% (short) to 5% (long), so cards learnt together do not stay bunched up.
public enum FSRSFuzz {
    /// (from, to, share of each day in that band added to the spread), py-fsrs `FUZZ_RANGES`.
    private static let bands: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15),
        (7.0, 20.0, 0.1),
        (20.0, .infinity, 0.05),
    ]

    /// The interval after fuzz with a draw from `rng`; as in py-fsrs, intervals under 2.5 days
    /// stay as they are and take no draw.
    public static func fuzzedDays<G: RandomNumberGenerator>(_ days: Int, maximumInterval: Int,
                                                            using rng: inout G) -> Int {
        if Double(days) < 2.5 { return days }
        return fuzzedDays(days, maximumInterval: maximumInterval, unit: unit(from: &rng))
    }

    /// The interval after fuzz, for a draw `unit` in [0, 1). Intervals under 2.5 days stay.
    public static func fuzzedDays(_ days: Int, maximumInterval: Int, unit: Double) -> Int {
        if Double(days) < 2.5 { return days }
        var delta = 1.0
        for band in bands {
            delta += band.factor * max(min(Double(days), band.end) - band.start, 0.0)
        }
        var low = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var high = Int((Double(days) + delta).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, maximumInterval)
        low = min(low, high)
        let drawn = (unit * Double(high - low + 1) + Double(low)).rounded(.toNearestOrEven)
        return min(Int(drawn), maximumInterval)
    }

    /// Every interval fuzz can give for `days`. Note py-fsrs draws from [low, high + 1) and rounds,
    /// so `high + 1` itself is reachable; the range is computed from the two extreme draws.
    public static func range(days: Int, maximumInterval: Int) -> ClosedRange<Int> {
        let low = fuzzedDays(days, maximumInterval: maximumInterval, unit: 0)
        let high = fuzzedDays(days, maximumInterval: maximumInterval, unit: largestUnit)
        return low ... high
    }

    /// The largest value `unit(from:)` can return, 1 - 2^-53.
    public static let largestUnit = 1.0 - 0x1p-53

    /// A uniform draw in [0, 1) with 53 random bits, the same grid as Python's random().
    public static func unit<G: RandomNumberGenerator>(from rng: inout G) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}
