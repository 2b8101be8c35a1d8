/// A scrolling column of wrapped paragraphs (chat messages, long entries). Lines are laid out
/// for the width they are drawn at, so a resize reflows them; the view sticks to the bottom
/// unless the learner scrolled up.
struct Transcript {
    struct Paragraph {
        var label: String
        var labelRole: Role
        var text: String
        var role: Role
    }

    /// Lines scrolled up from the bottom (0: the newest line shows last).
    var scrollBack = 0

    mutating func scroll(by lines: Int, total: Int, height: Int) {
        scrollBack = min(max(0, scrollBack + lines), max(0, total - height))
    }

    static func layout(_ paragraphs: [Paragraph], width: Int) -> [(String, Role)] {
        var lines: [(String, Role)] = []
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { lines.append(("", .normal)) }
            if !p.label.isEmpty { lines.append((p.label, p.labelRole)) }
            for line in TextWrap.lines(p.text, width: max(1, width - 2)) { lines.append(("  " + line, p.role)) }
        }
        return lines
    }

    /// Draws the lines that fit in `rect`; returns the total line count (for scrolling).
    @discardableResult
    func render(_ frame: Frame, in rect: Rect, paragraphs: [Paragraph]) -> Int {
        let lines = Self.layout(paragraphs, width: rect.width)
        let back = min(scrollBack, max(0, lines.count - rect.height))
        let end = lines.count - back
        let start = max(0, end - rect.height)
        for (row, (text, role)) in lines[start ..< end].enumerated() {
            frame.text(text, in: rect, row: row, role: role)
        }
        if back > 0, rect.width > 12 {
            frame.text("↓ \(back) more", x: rect.maxX - 12, y: rect.maxY - 1, role: .dim)
        }
        return lines.count
    }
}
