import LuxLearn

/// The face of a flashcard or drill question: the question, the answer box, and once answered
/// the verdict, the back of the card and (for scheduled cards) the grade buttons with the
/// interval each would give.
struct CardView {
    var question: String
    var input: TextField
    var check: AnswerCheck?
    var revealed: String?
    var options: [GradeOption] = []
    var suggested: Rating?

    /// Draws from row `top` of `area`; returns the row after the last one drawn.
    @discardableResult
    func render(_ frame: Frame, in area: Rect, top: Int) -> Int {
        var y = top
        for line in TextWrap.lines(question, width: area.width - 4) {
            frame.text(line, in: area, row: y, indent: 2, role: .title)
            y += 1
        }
        y += 1
        let promptX = frame.text("› ", in: area, row: y, indent: 2, role: .accent)
        let answerRect = Rect(x: promptX, y: area.y + y, width: min(50, area.maxX - promptX), height: 1)
        input.render(frame, row: answerRect, focused: revealed == nil,
                     placeholder: revealed == nil ? "type the answer, or Enter to show it" : nil)
        y += 2
        if let check {
            let role: Role = check.isCorrect ? .good : .bad
            for line in TextWrap.lines((check.isCorrect ? "✓ " : "✗ ") + check.feedback, width: area.width - 4) {
                frame.text(line, in: area, row: y, indent: 2, role: role)
                y += 1
            }
            y += 1
        }
        if let revealed {
            for line in TextWrap.lines(revealed, width: area.width - 4) {
                frame.text(line, in: area, row: y, indent: 2, role: .highlight)
                y += 1
            }
            y += 1
        }
        if revealed != nil, !options.isEmpty {
            var x = area.x + 2
            for option in options {
                let isSuggested = option.rating == suggested
                let key = "\(option.rating.rawValue)"
                x = frame.text(" " + key + " ", x: x, y: area.y + y, role: isSuggested ? .selected : .highlight)
                x = frame.text(" \(option.rating) ", x: x, y: area.y + y, role: isSuggested ? .highlight : .normal)
                x = frame.text(option.label, x: x, y: area.y + y, role: .dim)
                x += 3
            }
            y += 1
            if let suggested {
                frame.text("Enter = \(suggested)", in: area, row: y, indent: 2, role: .dim)
                y += 1
            }
        }
        return y
    }
}
