import Foundation
import LuxLearn
import LuxStore

/// Stats: reviews per study day over the last two weeks, retention (how often learnt cards were
/// remembered), and accuracy per drill mode and per verb.
final class StatsScreen: Screen {
    let mode = Mode.stats
    private let context: AppContext

    private var days: [StudyDay] = []
    private var reviewsPerDay: [Int] = []
    private var retained = 0
    private var retentionReviews = 0
    private var byMode: [DrillAccuracy] = []
    private var byVerb: [(verb: String, attempts: Int, correct: Int)] = []
    private var totalCards = 0
    private var error: String?

    /// Retention counts reviews of learnt cards in this many days.
    static let retentionDays = 30

    init(context: AppContext) {
        self.context = context
    }

    var hints: [KeyHint] { [KeyHint("r", "Refresh")] }
    var helpKeys: [KeyHint] { [KeyHint("r", "count again")] }

    func handle(_ key: Key) -> Bool {
        guard key == .char("r") else { return false }
        activate()
        return true
    }

    func activate() {
        do {
            let settings = try context.studySettings()
            let boundary = try settings.dayBoundary(timeZone: context.options.timeZone)
            let now = context.now()
            var list = [boundary.day(containing: now)]
            while list.count < 14, let first = list.first {
                list.insert(boundary.day(containing: first.start.addingTimeInterval(-1)), at: 0)
            }
            days = list
            reviewsPerDay = try context.database.reviewCounts(in: list.map { DateInterval(start: $0.start, end: $0.end) }).map(\.total)
            try countRetention(since: now.addingTimeInterval(-Double(Self.retentionDays) * 86400))
            byMode = try context.database.drillAccuracyByMode()
            var verbs: [String: (Int, Int)] = [:]
            for item in try context.database.drillAccuracy(mode: DrillMode.conjugation.rawValue) {
                // Items are "pack/verb:conj:tense:person"; the verb is what comes before the first colon.
                let verb = item.item.map { String($0.split(separator: ":").first ?? "") } ?? "?"
                let name = verb.split(separator: "/").last.map(String.init) ?? verb
                let (a, c) = verbs[name] ?? (0, 0)
                verbs[name] = (a + item.attempts, c + item.correct)
            }
            byVerb = verbs.map { ($0.key, $0.value.0, $0.value.1) }
                .sorted { Double($0.correct) / Double(max(1, $0.attempts)) < Double($1.correct) / Double(max(1, $1.attempts)) || ($0.correct * $1.attempts == $1.correct * $0.attempts && $0.verb < $1.verb) }
            error = nil
        } catch {
            self.error = "\(error)"
        }
    }

    /// Reviews of cards in the review state (learnt) since `since`, and how many were not "Again".
    private func countRetention(since: Date) throws {
        (retentionReviews, retained) = try context.database.answers(since: since, stateBefore: CardState.review.rawValue)
        totalCards = try context.database.cardCount()
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))% (\(part)/\(whole))"
    }

    func render(_ frame: Frame, in area: Rect) {
        var y = 0
        if let error {
            frame.text(CellWidth.truncate(error, to: area.width), in: area, row: 0, role: .bad)
            y = 2
        }
        frame.text("Reviews per day (last 14 days) · \(reviewsPerDay.reduce(0, +)) in all", in: area, row: y, role: .title)
        var labels = BarChart.weekdays(days, timeZone: context.options.timeZone)
        if !labels.isEmpty { labels[labels.count - 1] = "today" }
        y = BarChart.render(frame, in: area, top: y + 1, values: reviewsPerDay, labels: labels)
        y += 1
        frame.text("Retention", in: area, row: y, role: .title)
        let retention = retentionReviews == 0 ? "no reviews of learnt cards in the last \(Self.retentionDays) days"
            : Self.percent(retained, retentionReviews) + " of learnt cards remembered (last \(Self.retentionDays) days)"
        frame.text(retention, in: area, row: y, indent: 12)
        y += 2
        let (left, right) = area.inset(top: y).splitLeft(area.width / 2)
        frame.text("Accuracy by mode", in: left, row: 0, role: .title)
        if byMode.isEmpty { frame.text("no answers yet", in: left, row: 1, indent: 2, role: .dim) }
        for (i, a) in byMode.prefix(left.height - 1).enumerated() {
            frame.text(CellWidth.pad(a.mode, to: 17) + Self.percent(a.correct, a.attempts), in: left, row: 1 + i, indent: 2,
                       role: a.ratio < 0.6 ? .warning : .normal)
        }
        frame.text("Accuracy by verb (weakest first)", in: right, row: 0, role: .title)
        if byVerb.isEmpty { frame.text("no conjugation answers yet", in: right, row: 1, indent: 2, role: .dim) }
        for (i, v) in byVerb.prefix(right.height - 1).enumerated() {
            frame.text(CellWidth.pad(v.verb, to: 14) + Self.percent(v.correct, v.attempts), in: right, row: 1 + i, indent: 2,
                       role: v.attempts > 0 && v.correct * 10 < v.attempts * 6 ? .warning : .normal)
        }
    }
}
