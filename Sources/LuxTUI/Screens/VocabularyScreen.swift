import Foundation
import LuxLearn
import LuxStore

/// Vocabulary review with FSRS: the card is shown, the learner types the answer (or just
/// presses Enter to see it), then grades 1-4, each labelled with the interval it would give.
/// u (or ^Z) takes the last grade back.
final class VocabularyScreen: Screen {
    let mode = Mode.vocabulary
    private let context: AppContext
    private var session: StudySession?
    private var input = TextField()
    private var check: AnswerCheck?
    private var revealed = false
    private var options: [GradeOption] = []
    private var reviewed = 0
    private var lastGrade: GradeOutcome?
    private var error: String?
    private var shownAt = Date()

    init(context: AppContext) {
        self.context = context
    }

    var hints: [KeyHint] {
        var list: [KeyHint]
        if session?.current == nil {
            list = []
        } else if revealed {
            list = [KeyHint("1-4", "Grade"), KeyHint("Enter", "Suggested")]
        } else {
            list = [KeyHint("Enter", input.isEmpty ? "Show answer" : "Check")]
        }
        if lastGrade != nil { list.append(KeyHint(revealed ? "u" : "^Z", "Undo")) }
        return list
    }

    var helpKeys: [KeyHint] {
        [KeyHint("Enter", "check the typed answer (empty: show it)"), KeyHint("1 2 3 4", "grade: Again Hard Good Easy"),
         KeyHint("Enter", "after the answer: take the suggested grade"), KeyHint("u / ^Z", "undo the last grade")]
    }

    var status: String? {
        guard let session else { return nil }
        let r = session.remaining
        return "learning \(r.learning) · review \(r.reviews) · new \(r.new)"
    }

    func activate() {
        do {
            if session == nil {
                session = try StudySession(database: context.database, filter: .flashcards,
                                           timeZone: context.options.timeZone, seed: context.options.seed,
                                           now: context.now())
            } else if !revealed {
                try session?.refresh(at: context.now())
            }
            error = nil
        } catch {
            self.error = "\(error)"
        }
        if !revealed { shownAt = context.now() }
    }

    func handle(_ key: Key) -> Bool {
        guard session?.current != nil else {
            if key == .ctrl("z") || key == .char("u") { undo(); return true }
            return false
        }
        if revealed {
            switch key {
            case .char(let c) where ("1" ... "4").contains(c):
                if let value = c.wholeNumberValue, let rating = Rating(rawValue: value) { grade(rating) }
            case .enter:
                grade(check?.suggestedRating ?? .good)
            case .char("u"), .ctrl("z"):
                undo()
            default:
                return false
            }
            return true
        }
        switch key {
        case .enter:
            reveal()
        case .ctrl("z"):
            undo()
        default:
            return input.handle(key)
        }
        return true
    }

    private func reveal() {
        guard let card = session?.current else { return }
        check = input.isEmpty ? nil : card.check(input.text)
        revealed = true
        do {
            options = try session?.preview(at: context.now()) ?? []
        } catch {
            self.error = "\(error)"
        }
    }

    private func grade(_ rating: Rating) {
        guard var s = session else { return }
        let duration = Int(context.now().timeIntervalSince(shownAt) * 1000)
        do {
            lastGrade = try s.grade(rating, answer: check, durationMs: max(0, duration), at: context.now())
            session = s
            reviewed += 1
            error = nil
        } catch {
            self.error = "\(error)"
        }
        nextCard()
    }

    private func undo() {
        guard var s = session else { return }
        do {
            if try s.undo(at: context.now()) {
                session = s
                reviewed = max(0, reviewed - 1)
                context.flash("Took back the last grade")
                lastGrade = nil
            }
        } catch {
            self.error = "\(error)"
        }
        nextCard()
    }

    private func nextCard() {
        input.clear()
        check = nil
        revealed = false
        options = []
        shownAt = context.now()
    }

    func render(_ frame: Frame, in area: Rect) {
        var y = 0
        if let error {
            for line in TextWrap.lines(error, width: area.width) {
                frame.text(line, in: area, row: y, role: .bad)
                y += 1
            }
            y += 1
        }
        guard let session else { return }
        guard let card = session.current else {
            renderDone(frame, in: area, top: y, session: session)
            return
        }
        let kind = card.isNew ? "new card" : card.record.state == 2 ? "review" : "learning"
        frame.text("\(Self.describe(card.prompt.mode)) · \(kind)", in: area, row: y, role: .dim)
        if reviewed > 0 {
            let done = "\(reviewed) reviewed this session"
            frame.text(done, x: area.maxX - CellWidth.of(done), y: area.y + y, role: .dim)
        }
        y += 2
        let view = CardView(question: card.question, input: input, check: check,
                            revealed: revealed ? card.answer : nil, options: options,
                            suggested: revealed ? (check?.suggestedRating ?? .good) : nil)
        y = view.render(frame, in: area, top: y)
        if let lastGrade, !revealed {
            frame.text("Last: \(lastGrade.rating) → back in \(lastGrade.label)", in: area, row: area.height - 1, role: .dim)
        }
    }

    /// What kind of question a card asks, in words.
    static func describe(_ mode: DrillMode) -> String {
        switch mode {
        case .vocabRecognition: "word · Luxembourgish → English"
        case .vocabProduction: "word · English → Luxembourgish"
        case .vocabPlural: "word · plural"
        case .phraseRecognition: "phrase · Luxembourgish → English"
        case .phraseProduction: "phrase · English → Luxembourgish"
        case .verbRecognition: "verb · Luxembourgish → English"
        case .verbProduction: "verb · English → Luxembourgish"
        case .translateEnLb: "sentence · English → Luxembourgish"
        case .translateLbEn: "sentence · Luxembourgish → English"
        case .conjugation: "conjugation"
        }
    }

    private func renderDone(_ frame: Frame, in area: Rect, top: Int, session: StudySession) {
        var y = top
        let hasCards = ((try? context.database.cardCounts(at: context.now()).total) ?? 0) > 0
        if !hasCards {
            frame.text("No cards yet.", in: area, row: y, role: .title)
            frame.text("Open Lessons (Esc, then l) and import a pack to get cards.", in: area, row: y + 2, indent: 2)
            return
        }
        frame.text(reviewed > 0 ? "Done for now: \(reviewed) card\(reviewed == 1 ? "" : "s") reviewed." : "Nothing to review right now.",
                   in: area, row: y, role: .good)
        y += 2
        if let next = session.nextLearningDue {
            let f = DateFormatter()
            f.timeZone = context.options.timeZone
            f.dateFormat = "HH:mm"
            frame.text("The next learning card is due at \(f.string(from: next)).", in: area, row: y, indent: 2)
            y += 1
        }
        frame.text("Come back tomorrow; Home shows the forecast.", in: area, row: y, indent: 2, role: .dim)
        if lastGrade != nil {
            frame.text("u takes the last grade back.", in: area, row: y + 2, indent: 2, role: .dim)
        }
    }
}
