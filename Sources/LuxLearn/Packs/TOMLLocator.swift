/// Finds the lines of tables and keys in a TOML file's text. TOMLKit hands back values without
/// their positions, so validation asks this map where `[[vocab]]` number 3 starts or on which
/// line its `gender` key sits.
///
/// It reads the text the way TOML does just enough to not be fooled: strings (basic, literal and
/// multi-line) and arrays or inline tables spanning several lines are skipped as values, so a
/// `key = ` inside a grammar note's body is not taken for a key.
struct TOMLLocator {
    /// A table in the file: the root (`name` ""), `[name]`, or the `index`-th `[[name]]`.
    struct TableRef: Hashable {
        var name: String
        var index: Int

        static let root = TableRef(name: "", index: 0)
    }

    private var headerLines: [TableRef: Int] = [:]
    private var keyLines: [TableRef: [String: Int]] = [:]

    init(text: String) {
        var current = TableRef.root
        var arrayCounts: [String: Int] = [:]
        var pending = ValueScanner()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let chars = Array(rawLine)
            if pending.continues {
                pending.scan(chars[...])
                continue
            }
            let body = chars.drop { $0 == " " || $0 == "\t" }
            guard let first = body.first, first != "#", first != "\r" else { continue }
            if first == "[" {
                let isArray = body.dropFirst().first == "["
                let name = Self.headerName(body.dropFirst(isArray ? 2 : 1))
                if isArray {
                    let index = arrayCounts[name, default: 0]
                    arrayCounts[name] = index + 1
                    current = TableRef(name: name, index: index)
                } else {
                    current = TableRef(name: name, index: 0)
                }
                if headerLines[current] == nil { headerLines[current] = line }
                continue
            }
            guard let equals = Self.keyEnd(body) else { continue }
            let key = Self.normalizedKey(body[body.startIndex ..< equals])
            if keyLines[current, default: [:]][key] == nil {
                keyLines[current, default: [:]][key] = line
            }
            // A dotted key `example.lb` also places its first part.
            if let dot = key.firstIndex(of: "."), keyLines[current]?[String(key[..<dot])] == nil {
                keyLines[current]?[String(key[..<dot])] = line
            }
            pending = ValueScanner()
            pending.scan(body[(equals + 1)...])
        }
    }

    /// The line of a table's header; the root table starts at line 1. A table written inline
    /// (`vocab = [{...}]`) has no header, so its key's line stands in.
    func line(of table: TableRef) -> Int? {
        if table == .root { return 1 }
        return headerLines[table] ?? keyLines[.root]?[table.name]
    }

    /// The line of `key` in `table`, nil if it is not written there. A root key written as a
    /// table header (`[[vocab]]` is the root's key "vocab") is found at its first header.
    func line(ofKey key: String, in table: TableRef) -> Int? {
        keyLines[table]?[key] ?? (table == .root ? headerLines[TableRef(name: key, index: 0)] : nil)
    }

    // MARK: - Reading keys and headers

    /// The name inside `[ ... ]` or `[[ ... ]]`, with quotes and spaces around dots removed.
    private static func headerName(_ chars: ArraySlice<Character>) -> String {
        var inside: [Character] = []
        var quote: Character?
        for c in chars {
            if let q = quote {
                if c == q { quote = nil }
                inside.append(c)
            } else if c == "\"" || c == "'" {
                quote = c
                inside.append(c)
            } else if c == "]" {
                break
            } else {
                inside.append(c)
            }
        }
        return normalizedKey(inside[...])
    }

    /// Where the `=` after a key is, skipping quoted key parts; nil if the line has none.
    private static func keyEnd(_ chars: ArraySlice<Character>) -> Int? {
        var quote: Character?
        for i in chars.indices {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return i
            } else if c == "#" {
                return nil
            }
        }
        return nil
    }

    /// `a . "b c"` -> `a.b c`: dotted parts trimmed and unquoted.
    private static func normalizedKey(_ chars: ArraySlice<Character>) -> String {
        var parts: [String] = []
        var part = ""
        var quote: Character?
        for c in chars {
            if let q = quote {
                if c == q { quote = nil } else { part.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(part.trimmingSpaces)
                part = ""
            } else {
                part.append(c)
            }
        }
        parts.append(part.trimmingSpaces)
        return parts.joined(separator: ".")
    }
}

/// Follows a TOML value over one or more lines: is it still open (a multi-line string, or an
/// array or inline table whose brackets are not closed) when the line ends?
private struct ValueScanner {
    private enum Mode { case plain, multiBasic, multiLiteral }
    private var mode = Mode.plain
    private var depth = 0

    var continues: Bool { mode != .plain || depth > 0 }

    mutating func scan(_ chars: ArraySlice<Character>) {
        var i = chars.startIndex
        func starts(_ s: String, at index: Int) -> Bool {
            var j = index
            for c in s {
                guard j < chars.endIndex, chars[j] == c else { return false }
                j += 1
            }
            return true
        }
        while i < chars.endIndex {
            let c = chars[i]
            switch mode {
            case .multiBasic:
                if c == "\\" { i += 2; continue }
                if starts("\"\"\"", at: i) { mode = .plain; i += 3; continue }
                i += 1
            case .multiLiteral:
                if starts("'''", at: i) { mode = .plain; i += 3; continue }
                i += 1
            case .plain:
                if c == "#" { return }
                if starts("\"\"\"", at: i) { mode = .multiBasic; i += 3; continue }
                if starts("'''", at: i) { mode = .multiLiteral; i += 3; continue }
                if c == "\"" || c == "'" {
                    // A one-line string: skip to its closing quote (basic strings have escapes).
                    i += 1
                    while i < chars.endIndex, chars[i] != c {
                        i += (c == "\"" && chars[i] == "\\") ? 2 : 1
                    }
                    i += 1
                    continue
                }
                if c == "[" || c == "{" { depth += 1 }
                if c == "]" || c == "}" { depth = max(0, depth - 1) }
                i += 1
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let chars = Array(self)
        guard let start = chars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = chars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(chars[start ... end])
    }
}
