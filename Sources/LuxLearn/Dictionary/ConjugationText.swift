/// A conjugation table laid out as aligned text: persons down the side, tenses across, in as
/// many blocks of tenses as the width needs.
public enum ConjugationText {
    /// The order tenses are shown in: the everyday ones first.
    public static let order: [Tense] = [.present, .perfect, .imperative, .imperfect, .pluperfect,
                                        .conditional, .conditionalCompound, .conditionalPerfect]

    /// A cell's forms as one text, sharing words the way the LOD does:
    /// ["si gaangen", "si gaang"] -> "si gaangen / gaang", ["déit of", "déing of"] -> "déit / déing of".
    public static func cell(_ forms: [String]) -> String {
        guard forms.count > 1 else { return forms.first ?? "" }
        let words = forms.map { $0.split(separator: " ").map(String.init) }
        let shortest = words.map(\.count).min() ?? 0
        var lead = 0
        while lead < shortest - 1, words.allSatisfy({ $0[lead] == words[0][lead] }) { lead += 1 }
        if lead > 0 {
            let rests = words.map { $0.dropFirst(lead).joined(separator: " ") }
            return words[0].prefix(lead).joined(separator: " ") + " " + rests.joined(separator: " / ")
        }
        var tail = 0
        while tail < shortest - 1, words.allSatisfy({ $0[$0.count - 1 - tail] == words[0][words[0].count - 1 - tail] }) {
            tail += 1
        }
        if tail > 0 {
            let rests = words.map { $0.dropLast(tail).joined(separator: " ") }
            return rests.joined(separator: " / ") + " " + words[0].suffix(tail).joined(separator: " ")
        }
        return forms.joined(separator: " / ")
    }

    /// The table as lines no wider than `width` (a single tense wider than that still gets a
    /// block of its own). Blocks are separated by an empty line.
    public static func lines(_ table: ConjugationTable, width: Int = 80) -> [String] {
        let tenses = order.filter { table.tenses.contains($0) }
        let labelWidth = Person.allCases.map(\.pronoun.count).max() ?? 0
        let gap = 3
        let columns = tenses.map { tense -> (name: String, cells: [String], width: Int) in
            let cells = Person.allCases.map { cell(table.forms(tense, $0)) }
            return (tense.readableName, cells, max(tense.readableName.count, cells.map(\.count).max() ?? 0))
        }
        var blocks: [[Int]] = []
        var used = labelWidth
        for index in columns.indices {
            let needed = gap + columns[index].width
            if blocks.isEmpty || used + needed > width {
                blocks.append([index])
                used = labelWidth + needed
            } else {
                blocks[blocks.count - 1].append(index)
                used += needed
            }
        }
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            var header = pad("", labelWidth)
            for index in block { header += String(repeating: " ", count: gap) + pad(columns[index].name, columns[index].width) }
            lines.append(trimmed(header))
            for (row, person) in Person.allCases.enumerated() {
                var line = pad(person.pronoun, labelWidth)
                for index in block {
                    line += String(repeating: " ", count: gap) + pad(columns[index].cells[row], columns[index].width)
                }
                lines.append(trimmed(line))
            }
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
