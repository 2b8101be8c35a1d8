/// The help overlay (F1 or ?): every key, the global ones first, then the current screen's.
enum HelpOverlay {
    static let globalKeys: [KeyHint] = [
        KeyHint("F1 / ?", "this help"),
        KeyHint("Esc", "stop / back / Home"),
        KeyHint("q", "quit (when not typing)"),
        KeyHint("^C", "quit from anywhere"),
    ] + Mode.allCases.map { KeyHint("F\($0.functionKey)", $0.title) }

    static func homeKeys() -> [KeyHint] {
        Mode.allCases.filter { $0 != .home }.map { KeyHint(String($0.letter), $0.title) }
    }

    static func render(_ frame: Frame, in area: Rect, mode: Mode, screenKeys: [KeyHint]) {
        let box = area.inset(top: 0, left: 2, bottom: 0, right: 2)
        let inner = box.inset(by: 1).inset(top: 0, left: 1, bottom: 0, right: 1)
        var lines: [(String, Role)] = []
        let column = inner.width / 2
        func pairs(_ keys: [KeyHint]) {
            var i = 0
            while i < keys.count {
                var line = cell(keys[i], width: column)
                if i + 1 < keys.count { line += cell(keys[i + 1], width: column) }
                lines.append((line, .normal))
                i += 2
            }
        }
        lines.append(("Everywhere", .title))
        pairs(globalKeys)
        lines.append(("", .normal))
        lines.append((mode == .home ? "Home: open a mode with its letter" : mode.title, .title))
        pairs(mode == .home ? homeKeys() + screenKeys : screenKeys)
        lines.append(("", .normal))
        lines.append(("Typing: ←/→ move, Home/End, Bksp/Del, ^U clear, ^W delete a word; ë é ä ö ü as your keyboard gives them.", .dim))
        lines.append(("Any key closes this help.", .dim))

        var wrapped: [(String, Role)] = []
        for (text, role) in lines {
            for piece in TextWrap.lines(text, width: inner.width) { wrapped.append((piece, role)) }
        }
        let height = min(box.height, wrapped.count + 2)
        let rect = Rect(x: box.x, y: box.y, width: box.width, height: height)
        Border.draw(frame, rect, title: "Help")
        let body = rect.inset(by: 1).inset(top: 0, left: 1, bottom: 0, right: 1)
        frame.fill(rect.inset(by: 1), role: .normal)
        for (i, (text, role)) in wrapped.prefix(body.height).enumerated() {
            frame.text(text, in: body, row: i, role: role)
        }
    }

    private static func cell(_ hint: KeyHint, width: Int) -> String {
        CellWidth.pad(" " + CellWidth.pad(hint.key, to: 8) + " " + hint.action, to: width)
    }
}
