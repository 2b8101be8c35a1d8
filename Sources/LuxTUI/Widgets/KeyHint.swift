/// A key and what it does, as the footer and the help overlay show it.
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// The footer: the keys that work now, always on the last row. When they do not all fit, the
/// screen's own hints are dropped from the end; the global ones stay.
enum Footer {
    static func render(_ frame: Frame, row: Rect, hints: [KeyHint], globals: [KeyHint]) {
        frame.fill(row, role: .footer)
        var shown = hints
        func width(_ list: [KeyHint]) -> Int {
            list.reduce(0) { $0 + CellWidth.of($1.key) + CellWidth.of($1.action) + 3 }
        }
        while !shown.isEmpty, width(shown + globals) > row.width { shown.removeLast() }
        var x = row.x
        for hint in shown + globals {
            x = frame.text(" " + hint.key, x: x, y: row.y, role: .footerKey, limit: row.maxX)
            x = frame.text(" " + hint.action + " ", x: x, y: row.y, role: .footer, limit: row.maxX)
        }
    }
}
