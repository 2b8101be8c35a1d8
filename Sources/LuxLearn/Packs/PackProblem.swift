/// One thing wrong with a lesson pack, at a file and line when there is one.
public struct PackProblem: Sendable, Equatable, CustomStringConvertible {
    /// Path inside the pack ("units/family.toml"), or "" for the pack as a whole.
    public var file: String
    /// 1-based line, nil when the problem is about the whole file.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, `file: message`, or just the message.
    public var description: String {
        switch (file.isEmpty, line) {
        case (true, _): message
        case (false, nil): "\(file): \(message)"
        case let (false, line?): "\(file):\(line): \(message)"
        }
    }

    /// The same problem with `file` placed under `root` (the folder or .zip the pack came from),
    /// so a terminal or editor can open it.
    public func located(under root: String) -> PackProblem {
        guard !root.isEmpty else { return self }
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return PackProblem(file: file.isEmpty ? trimmed : "\(trimmed)/\(file)", line: line, message: message)
    }
}

/// Every problem found in a pack; thrown when a pack cannot be loaded.
public struct PackProblems: Error, Sendable, CustomStringConvertible {
    /// In file order (pack.toml first), then by line.
    public var problems: [PackProblem]
    /// Where the pack was read from.
    public var source: String

    public init(_ problems: [PackProblem], source: String) {
        self.problems = problems
        self.source = source
    }

    /// One line per problem, each naming its file under `source`.
    public var description: String {
        problems.map { $0.located(under: source).description }.joined(separator: "\n")
    }
}

/// Every id written in a pack, with where, so duplicates are found across files even among
/// entries that have other problems.
final class IDRegistry {
    struct Entry {
        var id: String
        var kind: String
        var file: String
        var line: Int?
    }

    private(set) var entries: [Entry] = []

    func add(_ id: String, kind: String, file: String, line: Int?) {
        entries.append(Entry(id: id, kind: kind, file: file, line: line))
    }
}

/// Collects problems while a pack is read. A class, so the readers of every file can share one.
final class ProblemLog {
    private(set) var problems: [PackProblem] = []

    func add(_ file: String, _ line: Int?, _ message: String) {
        problems.append(PackProblem(file: file, line: line, message: message))
    }

    var isEmpty: Bool { problems.isEmpty }

    /// Problems sorted for reading: by the order files were read in, then by line.
    func sorted(fileOrder: [String]) -> [PackProblem] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return problems.enumerated().sorted { a, b in
            let (ra, rb) = (rank[a.element.file] ?? -1, rank[b.element.file] ?? -1)
            if ra != rb { return ra < rb }
            let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
