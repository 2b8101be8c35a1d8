import Foundation
import LuxLearn
import LuxStore

/// Home: what is due today, the streak, a 14-day forecast, where the learner left off, and the
/// modes with their keys.
final class HomeScreen: Screen {
    let mode = Mode.home
    private let context: AppContext
    private var overview: StudyOverview?
    private var packCount = 0
    private var problem: String?
    private var lastMode: Mode?

    init(context: AppContext) {
        self.context = context
    }

    func activate() {
        do {
            overview = try StudyOverview.load(database: context.database, timeZone: context.options.timeZone,
                                              now: context.now())
            packCount = try context.database.packs().count
            problem = nil
        } catch {
            overview = nil
            problem = "\(error)"
        }
        lastMode = context.lastMode()
    }

    var hints: [KeyHint] {
        var list: [KeyHint] = []
        if let lastMode { list.append(KeyHint("Enter", "Continue \(lastMode.title)")) }
        return list + [KeyHint("v", "Vocab"), KeyHint("c", "Conjugate"), KeyHint("t", "Translate"),
                       KeyHint("a", "Chat"), KeyHint("d", "Dict"), KeyHint("l", "Lessons"), KeyHint("s", "Stats"),
                       KeyHint("o", "Settings")]
    }

    var helpKeys: [KeyHint] { [KeyHint("Enter", "continue where you were")] }

    func handle(_ key: Key) -> Bool {
        if key == .enter, let lastMode {
            context.open(lastMode)
            return true
        }
        return false
    }

    func render(_ frame: Frame, in area: Rect) {
        var y = 0
        func line(_ text: String, _ role: Role = .normal, indent: Int = 0) {
            frame.text(text, in: area, row: y, indent: indent, role: role)
            y += 1
        }
        if let problem {
            for piece in TextWrap.lines(problem, width: area.width) { line(piece, .bad) }
            y += 1
        }
        if let o = overview {
            line("Today", .title)
            let due = o.reviews + o.learning
            let dueText = due == 0 ? "nothing due" : "\(due) due (\(o.reviews) review, \(o.learning) learning)"
            row("Due", dueText, at: &y, frame, area, role: due > 0 ? .highlight : .normal)
            row("New cards", "\(o.newCards) left today", at: &y, frame, area)
            row("Reviewed", "\(o.reviewedToday) today", at: &y, frame, area)
            let days = o.streak.days
            let streak = "\(days) day\(days == 1 ? "" : "s")" + (o.streak.studiedToday ? " · studied today ✓"
                : days > 0 ? " · study today to keep it" : "")
            row("Streak", streak, at: &y, frame, area, role: days > 0 ? .good : .normal)
            y += 1
            line("Next 14 days", .title)
            y = ForecastChart.render(frame, in: area, top: y, days: o.forecast, timeZone: context.options.timeZone)
            y += 1
        }
        if packCount == 0 {
            let text = "No lessons yet: press l for Lessons and import a pack (a folder or .zip with a pack.toml)."
            for piece in TextWrap.lines(text, width: area.width) { line(piece, .warning) }
            y += 1
        }
        if let lastMode {
            frame.text("Continue where you left off: ", in: area, row: y)
            let x = frame.text("Enter", x: area.x + 29, y: area.y + y, role: .highlight)
            frame.text(" → \(lastMode.title)", x: x, y: area.y + y)
            y += 2
        }
        line("Modes", .title)
        let modes = Mode.allCases.filter { $0 != .home }
        let column = area.width / 4
        for (i, m) in modes.enumerated() {
            let r = y + i / 4
            let x = area.x + 2 + (i % 4) * column
            guard r < area.height else { break }
            let after = frame.text(String(m.letter), x: x, y: area.y + r, role: .highlight)
            frame.text(" " + m.title, x: after, y: area.y + r, limit: x + column)
        }
    }

    private func row(_ label: String, _ value: String, at y: inout Int, _ frame: Frame, _ area: Rect, role: Role = .normal) {
        frame.text(label, in: area, row: y, indent: 2, role: .dim)
        frame.text(value, in: area, row: y, indent: 15, role: role)
        y += 1
    }
}
