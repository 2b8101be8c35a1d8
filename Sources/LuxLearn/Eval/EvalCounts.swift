/// How full the question set is: questions per category and difficulty, against the target
/// of `EvalCounts.target` per cell.
public enum EvalCounts {
    public static let target = 10

    /// A table with a row per category, a column per difficulty, and the cells below target.
    public static func table(_ set: EvalQuestionSet) -> String {
        let counts = set.counts
        let difficulties = EvalDifficulty.allCases
        let nameWidth = EvalCategory.allCases.map(\.rawValue.count).max() ?? 0
        func row(_ name: String, _ cells: [String]) -> String {
            name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                + cells.map { String(repeating: " ", count: max(0, 13 - $0.count)) + $0 }.joined()
        }
        var lines = [row("category", difficulties.map(\.rawValue) + ["total"])]
        for c in EvalCategory.allCases {
            let numbers = difficulties.map { counts[EvalCell(c, $0)] ?? 0 }
            lines.append(row(c.rawValue, numbers.map(String.init) + [String(numbers.reduce(0, +))]))
        }
        let short = gaps(set)
        lines.append("\(set.questions.count) questions; \(EvalCell.all.count - short.count) of \(EvalCell.all.count) cells "
            + "have at least \(target)" + (short.isEmpty ? "" : "; \(short.map(\.missing).reduce(0, +)) questions short"))
        return lines.joined(separator: "\n")
    }

    /// Cells with fewer than `target` questions and how many each lacks.
    public static func gaps(_ set: EvalQuestionSet) -> [(cell: EvalCell, missing: Int)] {
        let counts = set.counts
        return EvalCell.all.compactMap { cell in
            let n = counts[cell] ?? 0
            return n < target ? (cell, target - n) : nil
        }
    }
}
