import Foundation

/// The question set: every `.jsonl` file of a folder (or one file), one question per line.
/// Blank lines and lines starting with `//` are skipped.
public struct EvalQuestionSet: Sendable {
    public var questions: [EvalQuestion]

    public init(questions: [EvalQuestion]) {
        self.questions = questions
    }

    /// Reads and validates the set at `path`. Every problem is reported (`file:line: message`),
    /// ids must be unique across files.
    public static func load(path: String) throws -> EvalQuestionSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvalSetError(problems: ["\(path): no such file or folder"])
        }
        var files = [path]
        if isDirectory.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw EvalSetError(problems: ["\(path): cannot list the folder"])
            }
            files = names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            guard !files.isEmpty else { throw EvalSetError(problems: ["\(path): no .jsonl question files"]) }
        }
        var questions: [EvalQuestion] = []
        var problems: [String] = []
        var firstPlace: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append("\(file): cannot read")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(file): not UTF-8 text")
                continue
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
                let place = "\(file):\(index + 1)"
                var lineProblems: [String] = []
                if let question = EvalQuestionParser.parse(trimmed, problems: &lineProblems) {
                    if let other = firstPlace.updateValue(place, forKey: question.id) {
                        problems.append("\(place): id \"\(question.id)\" is repeated (first at \(other))")
                    } else {
                        questions.append(question)
                    }
                }
                problems += lineProblems.map { "\(place): \($0)" }
            }
        }
        guard problems.isEmpty else { throw EvalSetError(problems: problems) }
        return EvalQuestionSet(questions: questions)
    }

    /// How many questions each cell holds (every cell is present, empty ones as 0).
    public var counts: [EvalCell: Int] {
        var result = Dictionary(uniqueKeysWithValues: EvalCell.all.map { ($0, 0) })
        for q in questions { result[q.cell, default: 0] += 1 }
        return result
    }

    /// The questions to ask: those in `categories` and `difficulties` (all when empty), in
    /// category, difficulty and file order; with `limit`, at most that many per cell, the first
    /// ones or, with a `seed`, a reproducible random pick.
    public func selecting(categories: [EvalCategory] = [], difficulties: [EvalDifficulty] = [],
                          limit: Int? = nil, seed: UInt64? = nil) -> [EvalQuestion] {
        var byCell: [EvalCell: [EvalQuestion]] = [:]
        for q in questions where (categories.isEmpty || categories.contains(q.category))
            && (difficulties.isEmpty || difficulties.contains(q.difficulty)) {
            byCell[q.cell, default: []].append(q)
        }
        var result: [EvalQuestion] = []
        for cell in EvalCell.all {
            guard var cellQuestions = byCell[cell] else { continue }
            if let limit {
                if let seed {
                    // Each cell its own stream, so narrowing --categories keeps the other cells' picks.
                    var rng = SeededGenerator(seed: seed ^ StableHash.value(cell.category.rawValue + "/" + cell.difficulty.rawValue))
                    cellQuestions.shuffle(using: &rng)
                }
                cellQuestions = Array(cellQuestions.prefix(max(0, limit)))
            }
            result += cellQuestions
        }
        return result
    }
}

/// Problems in the question set, each `file:line: message`.
public struct EvalSetError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    /// One line: the first problem and how many more there are.
    public var description: String {
        guard let first = problems.first else { return "the question set has problems" }
        return problems.count == 1 ? first : "\(first) (and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"))"
    }
}
