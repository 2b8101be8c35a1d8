/// A box drawn with line characters, with an optional title in the top edge.
enum Border {
    static func draw(_ frame: Frame, _ rect: Rect, title: String? = nil, role: Role = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        frame.text("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: role)
        frame.text("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: role)
        for y in rect.y + 1 ..< rect.maxY - 1 {
            frame.text("│", x: rect.x, y: y, role: role)
            frame.text("│", x: rect.maxX - 1, y: y, role: role)
        }
        if let title, rect.width > 6 {
            frame.text(" " + CellWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, role: .title)
        }
    }
}
