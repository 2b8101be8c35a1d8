import CNcursesw
import Foundation

/// How many terminal columns text takes. The C library's `wcwidth` decides, as it does for
/// curses and for the terminal, so the cell grid and the screen agree on where every
/// character lands; it needs a UTF-8 `LC_CTYPE` (see `TerminalLocale`). Where `wcwidth` has
/// no answer, Unicode properties give one.
public enum CellWidth {
    /// Columns of one grapheme: 0 (a lone combining mark or control), 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        var columns = 0
        for (i, scalar) in character.unicodeScalars.enumerated() {
            let w = width(of: scalar)
            // The first scalar sets the width; later ones (combining marks, variation
            // selectors, joined emoji) only ever widen it.
            columns = i == 0 ? w : max(columns, w)
        }
        return min(columns, 2)
    }

    /// Columns of a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let w = lux_wcwidth(scalar.value)
        if w >= 0 { return Int(w) }
        return estimated(scalar)
    }

    /// A fallback for locales where `wcwidth` knows nothing beyond ASCII.
    static func estimated(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let v = scalar.value
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// The longest prefix of `text` that fits in `columns`, and its width.
    public static func prefix(of text: some StringProtocol, fitting columns: Int) -> (String, Int) {
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > columns { break }
            out.append(c)
            used += w
        }
        return (out, used)
    }

    /// `text` cut to `columns`, ending in "…" when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        return prefix(of: text, fitting: columns - 1).0 + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }
}

/// The process locale: curses and `wcwidth` need a UTF-8 `LC_CTYPE` to handle ë and friends.
public enum TerminalLocale {
    /// Takes the locale from the environment (`setlocale(LC_ALL, "")`); if that gives no UTF-8
    /// character type, uses C.UTF-8 for characters. Returns the character locale in use.
    @discardableResult
    public static func enable() -> String {
        setlocale(LC_ALL, "")
        if !isUTF8 {
            _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "C.utf8") ?? setlocale(LC_CTYPE, "en_US.UTF-8")
        }
        return current
    }

    public static var current: String {
        guard let name = setlocale(LC_CTYPE, nil) else { return "C" }
        return String(cString: name)
    }

    public static var isUTF8: Bool {
        let name = current.lowercased()
        return name.contains("utf-8") || name.contains("utf8")
    }
}
