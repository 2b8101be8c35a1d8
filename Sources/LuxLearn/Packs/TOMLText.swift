/// Writes TOML values the way a teacher would, for exported packs: one key per line, short
/// lists inline, long texts as multi-line strings.
enum TOMLText {
    /// A string: basic ("...") on one line, or multi-line ("""...""") when it holds newlines.
    static func string(_ text: String) -> String {
        guard text.contains("\n") else { return "\"\(escaped(text, multiline: false))\"" }
        return "\"\"\"\n\(escaped(text, multiline: true))\n\"\"\""
    }

    /// A list field: one plain string when that reads back the same, else an array.
    static func list(_ items: [String]) -> String {
        if items.count == 1, let only = items.first, !TextLists.hasSeparator(only), !only.contains("\n") {
            return string(only)
        }
        return array(items)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    /// A verb tense: each cell a string, or an array when it has alternatives (or a "/").
    static func cells(_ cells: [[String]]) -> String {
        "[" + cells.map { cell in
            cell.count == 1 && !cell[0].contains("/") ? string(cell[0]) : array(cell)
        }.joined(separator: ", ") + "]"
    }

    static func line(_ key: String, _ value: String) -> String {
        "\(key) = \(value)\n"
    }

    private static func escaped(_ text: String, multiline: Bool) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c {
            case "\\": out += "\\\\"
            case "\"":
                // In a multi-line string only a run of three quotes needs breaking up.
                let startsRun = i + 2 < scalars.count && scalars[i + 1] == "\"" && scalars[i + 2] == "\""
                out += !multiline || startsRun || i == scalars.count - 1 ? "\\\"" : "\""
            case "\n": out += multiline ? "\n" : "\\n"
            case "\t": out += multiline ? "\t" : "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
