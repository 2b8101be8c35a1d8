import Foundation
import LuxLearn

/// Vertical bars from eighth-block characters, one per value, with the value and a label below.
enum BarChart {
    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws from row `top` of `area`; returns the row after the chart.
    static func render(_ frame: Frame, in area: Rect, top: Int, values: [Int], labels: [String],
                       barRows: Int = 3, highlightFirst: Bool = false) -> Int {
        guard !values.isEmpty else { return top }
        let column = max(3, min(5, (area.width - 2) / values.count))
        let peak = max(1, values.max() ?? 1)
        for (i, value) in values.enumerated() {
            let x = area.x + 2 + i * column
            // Height in eighths of a cell; at least one eighth for any non-zero value.
            let eighths = value == 0 ? 0 : max(1, value * barRows * 8 / peak)
            for r in 0 ..< barRows {
                let fill = min(8, max(0, eighths - (barRows - 1 - r) * 8))
                let bar = String(repeating: blocks[fill], count: column - 1)
                frame.text(bar, x: x, y: area.y + top + r, role: highlightFirst && i == 0 ? .highlight : .accent, limit: area.maxX)
            }
            frame.text(String(value), x: x, y: area.y + top + barRows, role: .normal, limit: x + column)
            if i < labels.count {
                frame.text(labels[i], x: x, y: area.y + top + barRows + 1, role: .dim, limit: x + column)
            }
        }
        return top + barRows + 2
    }

    /// Two-letter weekday names of study days (taken at midday, so a 4 am rollover cannot shift them).
    static func weekdays(_ days: [StudyDay], timeZone: TimeZone) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let names = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]
        return days.map { names[calendar.component(.weekday, from: $0.start.addingTimeInterval(12 * 3600)) - 1] }
    }
}

/// Home's 14-day forecast: cards coming due on each study day, today first.
enum ForecastChart {
    static func render(_ frame: Frame, in area: Rect, top: Int, days: [ForecastDay], timeZone: TimeZone) -> Int {
        var labels = BarChart.weekdays(days.map(\.day), timeZone: timeZone)
        if !labels.isEmpty { labels[0] = "now" }
        return BarChart.render(frame, in: area, top: top, values: days.map(\.due), labels: labels, highlightFirst: true)
    }
}
