import Foundation

/// A one-line text input. The cursor moves by whole characters (so "ë" is one step whether it
/// came precomposed or as e + combining diaeresis) and is placed on screen by display width.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    /// Index into `characters` of the character after the cursor.
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        set(text)
    }

    /// The text, composed to NFC ("e\u{308}" is stored as "ë").
    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func set(_ text: String) {
        characters = Array(text.precomposedStringWithCanonicalMapping)
        cursor = characters.count
    }

    public mutating func clear() { set("") }

    /// Applies an editing key; false if the key is not an editing key (Enter, Esc, arrows up and
    /// down, function keys are left to the screen).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            insert(c)
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = characters.count
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
        case .ctrl("w"):
            // Delete the word before the cursor, and the spaces after it.
            var i = cursor
            while i > 0, characters[i - 1] == " " { i -= 1 }
            while i > 0, characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i ..< cursor)
            cursor = i
        default:
            return false
        }
        return true
    }

    /// Inserts at the cursor. A lone combining mark (a dead key sent as e + U+0308) joins the
    /// character before it, and the pair is composed.
    public mutating func insert(_ c: Character) {
        if let first = c.unicodeScalars.first, first.properties.generalCategory == .nonspacingMark, cursor > 0 {
            let joined = (String(characters[cursor - 1]) + String(c)).precomposedStringWithCanonicalMapping
            characters.replaceSubrange(cursor - 1 ..< cursor, with: Array(joined))
            return
        }
        let composed = Array(String(c).precomposedStringWithCanonicalMapping)
        characters.insert(contentsOf: composed, at: cursor)
        cursor += composed.count
    }

    /// Draws the field on one row of `rect` (scrolled so the cursor shows) and, when focused,
    /// puts the frame's cursor after the character before it.
    public func render(_ frame: Frame, row rect: Rect, role: Role = .input, focused: Bool = true, placeholder: String? = nil) {
        guard rect.width > 0, rect.height > 0 else { return }
        frame.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: role)
        if characters.isEmpty, let placeholder {
            frame.text(placeholder, x: rect.x, y: rect.y, role: .dim, limit: rect.maxX)
        }
        // The first shown character: as far left as possible with the cursor still inside.
        var start = 0
        let room = rect.width - 1
        while start < cursor, CellWidth.of(String(characters[start ..< cursor])) > room { start += 1 }
        var x = rect.x
        for c in characters[start...] {
            let w = CellWidth.of(c)
            if x + w > rect.maxX { break }
            frame.text(String(c), x: x, y: rect.y, role: role, limit: rect.maxX)
            x += w
        }
        if focused {
            frame.cursor = Point(x: rect.x + CellWidth.of(String(characters[start ..< cursor])), y: rect.y)
        }
    }
}
