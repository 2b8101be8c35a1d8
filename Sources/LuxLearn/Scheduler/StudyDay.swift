import Foundation

/// Where one study day ends and the next begins: at a fixed local hour (Anki's default 4 am), so
/// reviews done after midnight still count for the evening's session.
public struct DayBoundary: Sendable, Equatable {
    public let rolloverHour: Int
    public let timeZone: TimeZone

    public init(rolloverHour: Int = 4, timeZone: TimeZone = .current) throws {
        guard (0 ... 23).contains(rolloverHour) else {
            throw FSRSConfigurationError("the day rollover hour must be 0-23, got \(rolloverHour)")
        }
        self.rolloverHour = rolloverHour
        self.timeZone = timeZone
    }

    /// The study day that `date` falls in.
    public func day(containing date: Date) -> StudyDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: date)
        var start = rollover(on: today, calendar)
        if start > date {
            start = rollover(on: shifted(today, by: -1, calendar), calendar)
        }
        let startDay = calendar.dateComponents([.year, .month, .day], from: start)
        let end = rollover(on: shifted(startDay, by: 1, calendar), calendar)
        return StudyDay(start: start, end: end)
    }

    /// The rollover instant on a calendar date; if DST skips that hour, the first instant after the gap.
    private func rollover(on day: DateComponents, _ calendar: Calendar) -> Date {
        var c = day
        c.hour = rolloverHour
        c.minute = 0
        c.second = 0
        if let d = calendar.date(from: c) { return d }
        c.hour = 0
        let midnight = calendar.date(from: c) ?? Date(timeIntervalSince1970: 0)
        return midnight.addingTimeInterval(Double(rolloverHour) * 3600)
    }

    /// The calendar date `n` days from `day`, found from its noon so DST changes cannot slip a day.
    private func shifted(_ day: DateComponents, by n: Int, _ calendar: Calendar) -> DateComponents {
        var c = day
        c.hour = 12
        guard let noon = calendar.date(from: c),
              let moved = calendar.date(byAdding: .day, value: n, to: noon) else { return day }
        return calendar.dateComponents([.year, .month, .day], from: moved)
    }
}

/// One study day, [start, end). Usually 24 hours; 23 or 25 across a DST change.
public struct StudyDay: Sendable, Equatable, Codable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: Date) -> Bool { date >= start && date < end }
}
