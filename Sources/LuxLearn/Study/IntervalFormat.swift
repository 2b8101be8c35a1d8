import Foundation

/// Short labels for the time until a card comes back, as shown over the grade buttons:
/// "45s", "1m", "10m", "5h", "3d", "1.5mo", "2mo", "1.2y".
public enum IntervalFormat {
    public static func short(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "?" }
        let s = min(max(0, seconds), 1e12)  // ~31,700 years: keeps the Int conversions in range
        let minute = 60.0, hour = 3600.0, day = 86400.0
        let month = 30.0 * day, year = 365.0 * day
        switch s {
        case ..<minute: return "\(Int(s.rounded()))s"
        case ..<hour: return "\(Int((s / minute).rounded()))m"
        case ..<day: return "\(Int((s / hour).rounded()))h"
        case ..<month: return "\(Int((s / day).rounded()))d"
        case ..<year: return decimal(s / month) + "mo"
        default: return decimal(s / year) + "y"
        }
    }

    /// One decimal under 10, dropped when it is 0: 1.5, 2, 12.
    private static func decimal(_ value: Double) -> String {
        if value >= 10 { return "\(Int(value.rounded()))" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
