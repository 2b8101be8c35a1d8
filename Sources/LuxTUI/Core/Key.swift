/// A key press, as screens see it. Backends turn their raw codes into these.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character, already composed (dead keys and compose arrive as "ë").
    case char(Character)
    /// Ctrl plus a letter, lower case: `.ctrl("c")`.
    case ctrl(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// How the help overlay and footer write the key.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "^" + c.uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}

/// What the terminal reports.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    /// The window changed size; the backend already knows the new size.
    case resize(Size)
}
