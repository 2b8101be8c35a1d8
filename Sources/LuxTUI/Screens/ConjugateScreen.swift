import Foundation
import LuxLearn
import LuxStore

/// Conjugation drills: the verb cards that are due (scheduled with FSRS), or practice of chosen
/// verbs and tenses. Each form is typed and checked at once, with kind feedback (diacritics,
/// auxiliary, n-rule, another person's form); a summary ends the drill.
final class ConjugateScreen: Screen {
    let mode = Mode.conjugate
    private let context: AppContext

    private struct Verb {
        var id: String
        var verb: VerbItem
        var chosen: Bool
    }

    private enum Phase {
        case setup
        case practice(DrillRun)
        case due(StudySession)
        case summary(DrillSummary)
    }

    private var phase = Phase.setup
    private var verbs: [Verb] = []
    private var tenses: [(tense: Tense, chosen: Bool)] = ConjugationDrill.defaultTenses.map { ($0, $0 == .present) }
    private var dueCount = 0
    /// Setup rows: 0 "due", then verbs, then tenses.
    private var cursor = 0
    private var input = TextField()
    private var check: AnswerCheck?
    private var options: [GradeOption] = []
    private var attempts: [DrillAttempt] = []
    private var error: String?
    static let practiceLength = 20

    init(context: AppContext) {
        self.context = context
    }

    var hints: [KeyHint] {
        switch phase {
        case .setup: [KeyHint("↑↓", "Move"), KeyHint("Space", "Choose"), KeyHint("Enter", "Start")]
        case .practice, .due: check == nil ? [KeyHint("Enter", "Check")] : [KeyHint("Enter", "Next")]
        case .summary: [KeyHint("r", "Repeat misses"), KeyHint("Enter", "New drill")]
        }
    }

    var helpKeys: [KeyHint] {
        [KeyHint("↑ / ↓", "move between due, verbs and tenses"), KeyHint("Space", "choose a verb or tense"),
         KeyHint("Enter", "start / check / next"), KeyHint("1-4", "due cards: grade instead of the suggestion"),
         KeyHint("r", "summary: repeat the misses"), KeyHint("Esc", "leave the drill")]
    }

    var status: String? {
        switch phase {
        case .practice(let run): "\(run.attempts.count + 1)/\(run.prompts.count)"
        case .due(let s): "\(s.remaining.learning + s.remaining.reviews + s.remaining.new) left"
        default: nil
        }
    }

    func activate() {
        guard case .setup = phase else { return }
        loadSetup()
    }

    private func loadSetup() {
        do {
            var found: [Verb] = []
            for pack in try context.database.packs() {
                for item in try context.database.items(packID: pack.id) where item.kind == .verb {
                    if let verb = try? item.decodePayload(as: VerbItem.self) {
                        let id = "\(pack.id)/\(item.id)"
                        found.append(Verb(id: id, verb: verb, chosen: verbs.first { $0.id == id }?.chosen ?? false))
                    }
                }
            }
            verbs = found
            let due = try StudySession(database: context.database, filter: .conjugation, timeZone: context.options.timeZone,
                                       seed: context.options.seed, now: context.now())
            dueCount = due.remaining.learning + due.remaining.reviews + due.remaining.new
            error = nil
        } catch {
            self.error = "\(error)"
        }
    }

    private var rowCount: Int { 1 + verbs.count + tenses.count }

    // MARK: - Keys

    func handle(_ key: Key) -> Bool {
        switch phase {
        case .setup: return handleSetup(key)
        case .summary(let summary):
            switch key {
            case .char("r"):
                let misses = summary.toRepeat
                if !misses.isEmpty { begin(.practice(DrillRun(prompts: misses))) }
            case .enter:
                phase = .setup
                loadSetup()
            case .escape:
                phase = .setup
                loadSetup()
            default: return false
            }
            return true
        case .practice, .due:
            return handleDrill(key)
        }
    }

    private func handleSetup(_ key: Key) -> Bool {
        switch key {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(rowCount - 1, cursor + 1)
        case .char(" "):
            if cursor >= 1, cursor <= verbs.count {
                verbs[cursor - 1].chosen.toggle()
            } else if cursor > verbs.count {
                tenses[cursor - 1 - verbs.count].chosen.toggle()
            }
        case .enter:
            cursor == 0 ? startDue() : startPractice()
        default: return false
        }
        return true
    }

    private func handleDrill(_ key: Key) -> Bool {
        if key == .escape {
            finish()
            return true
        }
        if check == nil {
            if key == .enter { answer() ; return true }
            return input.handle(key)
        }
        switch key {
        case .enter:
            advance(rating: nil)
        case .char(let c) where ("1" ... "4").contains(c):
            guard case .due = phase else { return false }
            advance(rating: c.wholeNumberValue.flatMap(Rating.init(rawValue:)))
        default:
            return false
        }
        return true
    }

    // MARK: - Running a drill

    private func startDue() {
        do {
            let session = try StudySession(database: context.database, filter: .conjugation,
                                           timeZone: context.options.timeZone, seed: context.options.seed, now: context.now())
            guard session.current != nil else {
                context.flash("No verb cards are due")
                return
            }
            begin(.due(session))
        } catch {
            self.error = "\(error)"
        }
    }

    private func startPractice() {
        let chosenVerbs = verbs.filter(\.chosen)
        let chosenTenses = tenses.filter(\.chosen).map(\.tense)
        guard !chosenVerbs.isEmpty, !chosenTenses.isEmpty else {
            error = "Choose at least one verb and one tense with Space (or start the due cards on the first line)."
            return
        }
        let prompts = ConjugationDrill.prompts(verbs: chosenVerbs.map { ($0.id, $0.verb) }, tenses: chosenTenses)
        var rng = SeededGenerator(seed: context.options.seed ?? UInt64.random(in: 0 ... UInt64.max))
        let run = DrillRun(prompts: prompts, shuffledWith: &rng)
        begin(.practice(DrillRun(prompts: Array(run.prompts.prefix(Self.practiceLength)))))
    }

    private func begin(_ next: Phase) {
        phase = next
        attempts = []
        input.clear()
        check = nil
        options = []
        error = nil
    }

    private var currentPrompt: DrillPrompt? {
        switch phase {
        case .practice(let run): run.current
        case .due(let s): s.current?.prompt
        default: nil
        }
    }

    private func answer() {
        guard let prompt = currentPrompt else { return }
        let result = prompt.check(input.text)
        check = result
        if case .due(let s) = phase {
            options = (try? s.preview(at: context.now())) ?? []
        }
    }

    /// Records the answer and shows the next question (or the summary).
    private func advance(rating: Rating?) {
        guard let check, let prompt = currentPrompt else { return }
        let now = context.now()
        do {
            switch phase {
            case .practice(var run):
                if let attempt = run.answer(input.text, at: now) {
                    attempts.append(attempt)
                    try context.database.recordDrillResult(attempt.record)
                }
                phase = .practice(run)
                if run.isFinished { finish() }
            case .due(var s):
                // The session keeps the typed answer as a drill result with the grade.
                try s.grade(rating ?? check.suggestedRating, answer: check, at: now)
                attempts.append(DrillAttempt(prompt: prompt, check: check, answeredAt: now))
                phase = .due(s)
                if s.current == nil { finish() }
            default:
                break
            }
        } catch {
            self.error = "\(error)"
        }
        input.clear()
        self.check = nil
        options = []
    }

    private func finish() {
        if attempts.isEmpty {
            phase = .setup
            loadSetup()
        } else {
            phase = .summary(DrillSummary(attempts: attempts))
        }
        check = nil
    }

    // MARK: - Drawing

    func render(_ frame: Frame, in area: Rect) {
        var y = 0
        if let error {
            for line in TextWrap.lines(error, width: area.width) {
                frame.text(line, in: area, row: y, role: .bad)
                y += 1
            }
            y += 1
        }
        let rest = area.inset(top: y)
        switch phase {
        case .setup: renderSetup(frame, in: rest)
        case .summary(let summary): renderSummary(frame, in: rest, summary)
        case .practice, .due:
            guard let prompt = currentPrompt else { return }
            let kind: String
            if case .due = phase { kind = "due verb cards" } else { kind = "practice" }
            frame.text("Conjugate · \(kind)", in: rest, row: 0, role: .dim)
            let view = CardView(question: prompt.question, input: input, check: check,
                                revealed: check.map { _ in prompt.reveal }, options: options,
                                suggested: check.map(\.suggestedRating))
            view.render(frame, in: rest, top: 2)
        }
    }

    private func renderSetup(_ frame: Frame, in area: Rect) {
        frame.text("Conjugation drill", in: area, row: 0, role: .title)
        var rows: [(String, Bool, Role)] = []
        rows.append(("Due verb cards: \(dueCount) (Enter starts them)", false, dueCount > 0 ? .highlight : .normal))
        for v in verbs {
            let gloss = v.verb.en.first.map { " (\($0))" } ?? ""
            rows.append(("[\(v.chosen ? "x" : " ")] \(v.verb.table.infinitive)\(gloss)", true, .normal))
        }
        for t in tenses {
            rows.append(("[\(t.chosen ? "x" : " ")] \(t.tense.rawValue)", true, .normal))
        }
        var y = 2
        let room = max(1, area.height - 6)
        let start = max(0, min(cursor - room / 2, rows.count - room))
        for (i, row) in rows.enumerated() where i >= start && i < start + room {
            if i == 1 && !verbs.isEmpty { frame.text("Or practise verbs:", in: area, row: y, role: .title); y += 1 }
            if i == 1 + verbs.count { frame.text("in the tenses:", in: area, row: y, role: .title); y += 1 }
            frame.text((i == cursor ? "▸ " : "  ") + row.0, in: area, row: y, indent: 2, role: i == cursor ? .highlight : row.2)
            y += 1
        }
        if verbs.isEmpty {
            frame.text("No verbs yet: import a pack with verbs in Lessons.", in: area, row: y + 1, indent: 2, role: .dim)
        }
    }

    private func renderSummary(_ frame: Frame, in area: Rect, _ summary: DrillSummary) {
        frame.text("Drill finished", in: area, row: 0, role: .title)
        frame.text(summary.line, in: area, row: 2, indent: 2, role: summary.wrong == 0 ? .good : .normal)
        var y = 4
        if summary.misses.isEmpty {
            frame.text("Every form right. Gutt gemaach!", in: area, row: y, indent: 2, role: .good)
            return
        }
        frame.text("To look at again:", in: area, row: y, role: .title)
        y += 1
        for miss in summary.misses where y < area.height - 1 {
            let given = miss.check.given.isEmpty ? "(nothing)" : miss.check.given
            let line = "\(miss.prompt.question): \(miss.check.expected) — you wrote \(given)"
            frame.text(CellWidth.truncate(line, to: area.width - 2), in: area, row: y, indent: 2)
            y += 1
        }
    }
}
