import Foundation

/// Strict ISO-8601 timestamps for review logs: `2024-05-01T09:30:00Z`, optionally with fractional
/// seconds and a `±HH:MM` offset instead of `Z`. A time zone is required: a bare local time is
/// ambiguous. Written out by hand so parsing is the same on every platform.
public enum ISO8601Time {
    /// The instant `text` names, or nil if it is not such a timestamp.
    public static func parse(_ text: String) -> Date? {
        var s = Substring(text)
        guard let year = digits(&s, 4), take(&s, "-"), let month = digits(&s, 2), take(&s, "-"),
              let day = digits(&s, 2), take(&s, "T") || take(&s, "t"),
              let hour = digits(&s, 2), take(&s, ":"), let minute = digits(&s, 2), take(&s, ":"),
              let second = digits(&s, 2) else { return nil }
        var fraction = 0.0
        if take(&s, ".") || take(&s, ",") {
            let run = s.prefix { $0.isASCII && $0.isNumber }
            guard !run.isEmpty, let f = Double("0." + run) else { return nil }
            fraction = f
            s = s.dropFirst(run.count)
        }
        var offsetSeconds = 0
        if take(&s, "Z") || take(&s, "z") {
        } else if let sign = s.first, sign == "+" || sign == "-" {
            s = s.dropFirst()
            guard let oh = digits(&s, 2) else { return nil }
            _ = take(&s, ":")
            guard let om = digits(&s, 2), oh <= 23, om <= 59 else { return nil }
            offsetSeconds = (sign == "-" ? -1 : 1) * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard s.isEmpty, (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `date` in UTC to the whole second (fractions dropped), e.g. `2024-05-01T09:30:00Z`.
    public static func format(_ date: Date) -> String {
        let t = date.timeIntervalSince1970.rounded(.down)
        guard t.isFinite, abs(t) < 1e13 else { return "\(date.timeIntervalSince1970)" }  // beyond year ±300000
        let total = Int(t)
        let days = Int((Double(total) / 86400).rounded(.down))
        let secs = total - days * 86400
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        func pad(_ n: Int, _ w: Int) -> String {
            let t = String(n)
            return String(repeating: "0", count: max(0, w - t.count)) + t
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    private static func take(_ s: inout Substring, _ c: Character) -> Bool {
        guard s.first == c else { return false }
        s = s.dropFirst()
        return true
    }

    private static func digits(_ s: inout Substring, _ n: Int) -> Int? {
        let run = s.prefix(n)
        guard run.count == n, run.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        s = s.dropFirst(n)
        return Int(run)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar. Counts from a March-based year
    /// so the leap day falls at the end; 400-year eras repeat exactly (146097 days).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The inverse of `daysSinceEpoch`.
    private static func civilDate(daysSinceEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
