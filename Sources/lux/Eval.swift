import ArgumentParser
import Foundation
import LuxEngine
import LuxLearn
import LuxStore

/// `lux eval`: the open LUXELLA-style benchmark. The model answers the question set, a judge
/// model scores each answer from 1.0 to 5.0 (or a deterministic check does), results go to the
/// database as they come, and the report gives the model card's three tables.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a model on the LUXELLA-style question set, with an LLM judge.",
        discussion: """
            Questions come from Assets/eval (see docs/eval.md). Multiple-choice and conjugation \
            questions with a check are scored by the check (5.0 right, 1.0 wrong); the others by the \
            judge. Results are stored as they come: running the same setup again resumes where it \
            stopped. report.md and results.jsonl go to --out; a bar chart goes to the terminal.
            """
    )

    @Option(name: .long, help: "The GGUF model to evaluate (default: LUX_MODEL, else the default model in the data folder).")
    var model: String?

    @Option(name: .long, help: "The GGUF judge model (default: the model itself).")
    var judge: String?

    @Option(name: .long, help: "Comma-separated categories to ask (default: all). See --counts for the names.")
    var categories: String?

    @Option(name: .long, help: "Comma-separated difficulties: beginner, intermediate, advanced, native (default: all).")
    var difficulties: String?

    @Option(name: .long, help: "At most N questions per category and difficulty.")
    var limit: Int?

    @Option(name: .long, help: "Where to write report.md and results.jsonl (default: eval/RUN-KEY in the data folder).")
    var out: String?

    @Option(name: .long, help: "Seed for picking the questions under --limit, and for sampling when --temperature > 0.")
    var seed: UInt64?

    @Option(name: .long, help: "The question set: a .jsonl file or a folder of them (default: Assets/eval).")
    var questions: String?

    @Option(name: .customLong("max-tokens"), help: "Answer length in tokens for every category (default: each category's own).")
    var maxTokens: Int?

    @Option(name: .customLong("judge-max-tokens"), help: "Length of the judge's reply in tokens.")
    var judgeMaxTokens = 48

    @Option(name: .long, help: "Sampling temperature of the answers; 0 is greedy. The judge is always greedy.")
    var temperature: Float = 0

    @Option(name: .long, help: "Worker threads (default: the number of physical cores).")
    var threads: Int?

    @Option(name: .customLong("context"), help: "Context length in tokens.")
    var contextLength = 2048

    @Flag(name: .long, help: "Forget this setup's stored results and ask every question again.")
    var restart = false

    @Flag(name: .long, help: "Print how many questions each category and difficulty has, and exit.")
    var counts = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        guard judgeMaxTokens >= 1 else { throw ValidationError("--judge-max-tokens must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard contextLength >= 64 else { throw ValidationError("--context must be at least 64") }
        guard temperature >= 0 else { throw ValidationError("--temperature must be 0 or more") }
        _ = try categoryList()
        _ = try difficultyList()
    }

    func categoryList() throws -> [EvalCategory] {
        try names(categories).map { name in
            guard let c = EvalCategory(rawValue: name) else {
                throw ValidationError("unknown category \"\(name)\" (known: \(EvalCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return c
        }
    }

    func difficultyList() throws -> [EvalDifficulty] {
        try names(difficulties).map { name in
            guard let d = EvalDifficulty(rawValue: name) else {
                throw ValidationError("unknown difficulty \"\(name)\" (known: \(EvalDifficulty.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return d
        }
    }

    private func names(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let setPath = questions ?? EvalAssets.defaultFolder()
        let set = orExit { try EvalQuestionSet.load(path: setPath) }
        if counts {
            print(EvalCounts.table(set))
            return
        }
        let selected = set.selecting(categories: orExit { try categoryList() }, difficulties: orExit { try difficultyList() },
                                     limit: limit, seed: seed)
        guard !selected.isEmpty else { exitWithError(EvalUsageError("no questions in \(setPath) match --categories and --difficulties")) }

        let modelPath = orExit { try ModelLocator().locate(explicit: model).path }
        let judgePath = judge ?? modelPath
        let language = orExit { try LanguageModel(path: modelPath, threads: threads) }
        // A bad judge is reported now, not after the first answer (the judge itself loads when first needed).
        if EvalAssets.absolute(judgePath) != EvalAssets.absolute(modelPath) { orExit { _ = try GGUFFile(path: judgePath) } }
        let paths = LuxPaths()
        let database = orExit { try LuxDatabase(paths: paths) }
        let settings = EvalRunSettings(
            model: EvalAssets.absolute(modelPath), modelBytes: EvalAssets.fileSize(modelPath),
            judge: EvalAssets.absolute(judgePath), judgeBytes: EvalAssets.fileSize(judgePath),
            temperature: temperature, seed: temperature > 0 ? seed : nil, maxTokens: maxTokens,
            judgeMaxTokens: judgeMaxTokens, contextLength: contextLength)
        let run = orExit { try database.evalRun(key: settings.key, model: settings.model, judge: settings.judge,
                                                settings: settings.json) }
        guard let runID = run.id else { exitWithError(EvalUsageError("\(database.path): the eval run has no id")) }
        if restart { orExit { _ = try database.deleteEvalResults(runID: runID) } }

        let runner = EvalRunner(database: database, runID: runID, settings: settings, model: language,
                                judgePath: judgePath, threads: threads, contextLength: contextLength)
        let outcomes: [EvalOutcome]
        do {
            outcomes = try await runner.run(selected)
        } catch {
            exitWithError(error)
        }

        let report = EvalReport(model: settings.model, judge: settings.judge, settings: settings.reportLines,
                                outcomes: outcomes, notAnswered: selected.count - outcomes.count)
        let outDir = out ?? LuxPaths.join(LuxPaths.join(paths.dataDirectory, "eval"), settings.key)
        orExit { try report.write(to: outDir) }
        print(report.terminalChart, terminator: "")
        FileHandle.standardError.write(Data("report: \(LuxPaths.join(outDir, "report.md"))\n".utf8))
    }
}

struct EvalUsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
