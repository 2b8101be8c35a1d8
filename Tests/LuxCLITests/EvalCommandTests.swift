import Foundation
import XCTest

/// `lux eval` end to end on the default model with a small subset: the report's three tables,
/// results.jsonl, the chart, resuming a finished and an interrupted run, and clean failures.
final class EvalCommandTests: XCTestCase {
    struct Line: Decodable {
        var id: String
        var category: String
        var difficulty: String
        var status: String
        var method: String?
        var score: Double?
        var answer: String
    }

    static var assets: String { LuxBinary.packageRoot.appendingPathComponent("Assets/eval").path }

    private func lines(_ path: String) throws -> [Line] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    func testSmallRunWritesTheCardsTablesAndASecondRunResumesIt() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let out = home + "/report"
        let args = ["eval", "--model", model, "--questions", Self.assets, "--categories", "multiple_choice,translation_to_english",
                    "--difficulties", "beginner", "--limit", "1", "--max-tokens", "8", "--judge-max-tokens", "8",
                    "--threads", "2", "--out", out]
        let r = try LuxBinary.run(args, home: home)
        XCTAssertEqual(r.status, 0, r.stderr)

        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        for part in ["# LUXELLA-style evaluation: SmolLM2-135M-Instruct.Q4_1.gguf", "## Overall",
                     "| Model | Overall Score | Scored | Questions |", "| SmolLM2-135M-Instruct.Q4_1.gguf | ",
                     "## Scores by Category", "| Category | Score | Scored | Questions |",
                     "## Scores by Difficulty", "| Difficulty | Score | Scored | Questions |"] {
            XCTAssertTrue(report.contains(part), "report.md lacks \(part):\n\(report)")
        }
        XCTAssertTrue(report.contains("| multiple_choice | "), report)
        XCTAssertTrue(report.contains("| translation_to_english | "), report)
        XCTAssertTrue(report.contains("| beginner | "), report)
        XCTAssertFalse(report.contains("| intermediate | "), report)

        let results = try lines(out + "/results.jsonl")
        // The card's category order: translation_to_english comes before multiple_choice.
        XCTAssertEqual(results.map(\.id), ["tte-b-01", "mc-b-01"])
        XCTAssertEqual(results[1].method, "check", "a multiple-choice answer is scored by its letter")
        XCTAssertTrue([1, 5].contains(results[1].score ?? 0))
        for line in results {
            XCTAssertTrue(["scored", "unscored"].contains(line.status), line.status)
            if let score = line.score { XCTAssertTrue((1 ... 5).contains(score)) }
        }
        // The judge scored the translation (or gave no score twice, which is recorded as such).
        XCTAssertEqual(results[0].method ?? "none", results[0].status == "scored" ? "judge" : "none")

        // The chart on stdout, the progress with an ETA on stderr.
        XCTAssertTrue(r.stdout.contains("multiple_choice"), r.stdout)
        XCTAssertTrue(r.stdout.contains("overall"), r.stdout)
        XCTAssertTrue(r.stdout.contains("█") || r.stdout.contains("—"), r.stdout)
        XCTAssertTrue(r.stderr.contains("] 1/2"), r.stderr)
        XCTAssertTrue(r.stderr.contains("ETA"), r.stderr)
        XCTAssertTrue(r.stderr.contains("report: \(out)/report.md"), r.stderr)

        // The same setup again: nothing is asked, the report is the same.
        let again = try LuxBinary.run(args, home: home)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("resuming: 2 of 2 questions already done"), again.stderr)
        XCTAssertFalse(again.stderr.contains("] 1/2"), again.stderr)
        XCTAssertEqual(try lines(out + "/results.jsonl").map(\.answer), results.map(\.answer))

        // A larger subset reuses what is done and asks only the new questions.
        let more = args.map { $0 == "1" ? "2" : $0 }
        let larger = try LuxBinary.run(more, home: home)
        XCTAssertEqual(larger.status, 0, larger.stderr)
        XCTAssertTrue(larger.stderr.contains("resuming: 2 of 4 questions already done"), larger.stderr)
        XCTAssertEqual(try lines(out + "/results.jsonl").map(\.id), ["tte-b-01", "tte-b-02", "mc-b-01", "mc-b-02"])
    }

    func testAnInterruptedRunResumesWhereItStopped() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let out = home + "/report"
        // Only deterministic checks: no judge, so each question takes one short answer.
        let args = ["eval", "--questions", Self.assets, "--categories", "verb_conjugation,multiple_choice",
                    "--difficulties", "beginner", "--limit", "3", "--max-tokens", "8", "--threads", "2", "--out", out]

        let process = Process()
        process.executableURL = URL(fileURLWithPath: LuxBinary.path)
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LUX_HOME"] = home
        env["LUX_MODEL"] = model
        process.environment = env
        let errPath = home + "/stderr"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardError = errHandle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Stop it (SIGTERM; a ^C may be ignored when tests run in the background) once the first question is stored.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let text = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            if text.contains("] 1/6") { process.terminate(); break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try errHandle.close()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the run finished before it could be interrupted")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/report.md"))

        let resumed = try LuxBinary.run(args, environment: ["LUX_MODEL": model], home: home)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let done = resumed.stderr.firstMatch(of: #/resuming: (\d) of 6 questions already done/#).flatMap { Int($0.1) }
        XCTAssertNotNil(done, resumed.stderr)
        XCTAssertTrue((1 ..< 6).contains(done ?? 0), resumed.stderr)
        XCTAssertFalse(resumed.stderr.contains("] 1/6"), "the first question was asked again:\n\(resumed.stderr)")
        let results = try lines(out + "/results.jsonl")
        XCTAssertEqual(results.count, 6)
        XCTAssertEqual(Set(results.map(\.method)), ["check"])
        XCTAssertEqual(Set(results.map(\.category)), ["verb_conjugation", "multiple_choice"])
    }

    func testBadOptionsAndBadQuestionFilesFailWithOneLine() throws {
        let unknown = try LuxBinary.run(["eval", "--categories", "vocabulary,nope", "--counts"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown category \"nope\""), unknown.stderr)

        let dir = NSTemporaryDirectory() + "lux-eval-bad-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/bad.jsonl"
        try #"{"id":"x-1","category":"grammar","difficulty":"beginner","question":"Q","reference":"R"}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try LuxBinary.run(["eval", "--questions", dir])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "lux: \(file):1: missing \"notes\"\n")

        try #"{"id":"x-1","category":"grammar","difficulty":"beginner","question":"Q","reference":"R","notes":"N"}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let none = try LuxBinary.run(["eval", "--questions", dir, "--categories", "vocabulary"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.stderr, "lux: no questions in \(dir) match --categories and --difficulties\n")

        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let badJudge = try LuxBinary.run(["eval", "--questions", dir, "--model", model, "--judge", "/no/such/judge.gguf"])
        XCTAssertEqual(badJudge.status, 1)
        XCTAssertEqual(badJudge.stderr, "lux: /no/such/judge.gguf: file: No such file or directory\n")

        let noModel = try LuxBinary.run(["eval", "--questions", dir])
        XCTAssertEqual(noModel.status, 1)
        XCTAssertTrue(noModel.stderr.hasPrefix("lux: no model found in "), noModel.stderr)
    }

    func testCountsFindTheShippedQuestionSet() throws {
        let r = try LuxBinary.run(["eval", "--counts"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("category "), r.stdout)
        XCTAssertTrue(r.stdout.contains("verb_conjugation"), r.stdout)
        XCTAssertTrue(r.stdout.contains(" of 64 cells have at least 10"), r.stdout)
    }
}
