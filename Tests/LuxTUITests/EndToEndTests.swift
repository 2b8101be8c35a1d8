import Foundation
import LuxLearn
import LuxStore
import XCTest

/// `lux` in a real terminal (tmux): a review, a conjugation drill with a typed ë, a chat
/// streamed with the default model and stopped with Esc, a resize, a bad pack, and clean exits.
final class EndToEndTests: XCTestCase {
    private func home(withPack: Bool) throws -> String {
        let dir = NSTemporaryDirectory() + "lux-e2e-\(UUID().uuidString)"
        let database = try LuxDatabase(paths: LuxPaths(dataDirectory: dir))
        if withPack {
            try PackImporter(database: database).importPack(LessonPack.load(TUIHarness.fixture("packs/tui-basics")),
                                                            at: Date().addingTimeInterval(-60))
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private func database(_ home: String) throws -> LuxDatabase {
        try LuxDatabase(paths: LuxPaths(dataDirectory: home))
    }

    func testReviewSessionGradesAndQuitsCleanly() throws {
        let home = try home(withPack: true)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home])
        let homeScreen = try tmux.wait(for: "left today")
        XCTAssertFalse(homeScreen.contains(" 0 left today"), homeScreen)
        try tmux.send("v")
        var screen = try tmux.wait(for: "type the answer")
        let answers = ["d'Brout": "bread", "de Kaffi": "coffee", "bread": "d'Brout", "coffee": "de Kaffi",
                       "iessen": "to eat", "to eat": "iessen"]
        let asked = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let answer = answers.first { pair in asked.contains { $0.hasPrefix(pair.key) } }?.value ?? "?"
        try tmux.type(answer)
        try tmux.send("Enter")
        screen = try tmux.wait(for: "✓ Right!")
        XCTAssertTrue(screen.contains("1  Again"), screen)
        try tmux.send("3")
        try tmux.wait(for: "Last: Good → back in")
        try tmux.send("Escape")
        try tmux.send("q")
        screen = try tmux.wait(for: "lux exited with status 0")
        XCTAssertFalse(screen.contains("LuxLlama"), "the terminal is restored:\n\(screen)")
        XCTAssertEqual(try database(home).reviewCounts(in: [DateInterval(start: .distantPast, end: .distantFuture)]).first?.total, 1)
    }

    func testConjugationDrillWithTypedUmlaut() throws {
        let home = try home(withPack: true)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home])
        try tmux.wait(for: "Modes")
        try tmux.send("c")
        try tmux.wait(for: "Or practise verbs")
        try tmux.send("Down", "Space", "Enter")
        let forms = ["ech": "iessen", "du": "ëss", "hien/hatt/si": "ësst", "mir": "iessen", "dir": "iesst", "si": "iessen"]
        for _ in 0 ..< 6 {
            let screen = try tmux.wait(for: "iessen (to eat) · present")
            guard let line = screen.split(separator: "\n").first(where: { $0.contains("iessen (to eat) · present") }) else { return }
            let question = line.trimmingCharacters(in: .whitespaces)
            let form = forms.first { question.hasSuffix("· " + $0.key) }?.value ?? "?"
            try tmux.type(form)
            try tmux.wait(for: "› \(form)")
            try tmux.send("Enter")
            try tmux.wait(for: "✓ Right!")
            try tmux.send("Enter")
        }
        try tmux.wait(for: "6/6 right")
        try tmux.send("C-c")
        try tmux.wait(for: "lux exited with status 0")
        let given = try database(home).recentDrillResults(mode: "conjugation", limit: 10).map(\.given)
        XCTAssertTrue(given.contains("ësst"), "\(given)")
    }

    func testChatStreamsWithTheDefaultModelAndEscStopsIt() throws {
        let model = try TUIHarness.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let home = try home(withPack: false)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home, "LUX_MODEL": model])
        try tmux.wait(for: "Modes")
        try tmux.send("a")
        // Loading and the first reply get long timeouts: they are quick here, but CI machines can stall.
        try tmux.wait("the model to load", timeout: 90) { $0.contains("New conversation") && !$0.contains("Loading the model") }
        try tmux.send("Enter")
        try tmux.wait(for: "Moien! Wéi geet et dir?")
        try tmux.type("Moien, ech sinn den Tom. Wéi geet et?")
        try tmux.send("Enter")
        let streaming = try tmux.wait(for: "tok/s", timeout: 90)
        XCTAssertTrue(streaming.contains("generating ·"), streaming)
        try tmux.send("Escape")
        let stopped = try tmux.wait(for: " Enter Send ")
        XCTAssertFalse(stopped.contains("generating"), stopped)
        try tmux.send("C-c")
        try tmux.wait(for: "lux exited with status 0")
        let db = try database(home)
        let session = try XCTUnwrap(db.chatSessions().first)
        XCTAssertEqual(try db.chatMessages(sessionID: session.id ?? -1).map(\.role), [.assistant, .user, .assistant])
    }

    func testResizeReflowsAndSaysWhenTooSmall() throws {
        let home = try home(withPack: false)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home])
        try tmux.wait(for: "Modes")
        try tmux.resize(width: 110, height: 30)
        let wide = try tmux.wait("the footer on row 30") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count >= 30 && rows[29].contains("q Quit")
        }
        XCTAssertTrue(wide.contains("o Settings"), wide)
        try tmux.resize(width: 60, height: 20)
        try tmux.wait(for: "Terminal too small: 60×20")
        try tmux.resize(width: 80, height: 24)
        try tmux.wait(for: "Next 14 days")
        try tmux.send("q")
        try tmux.wait(for: "lux exited with status 0")
    }

    func testImportingABadPackShowsItsErrors() throws {
        let home = try home(withPack: false)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home])
        try tmux.wait(for: "Modes")
        try tmux.send("l", "i")
        try tmux.type("Tests/LuxTUITests/Fixtures/packs/bad-pack")
        try tmux.send("Enter")
        let screen = try tmux.wait(for: "Not imported: 4 problems")
        XCTAssertTrue(screen.contains("bad-pack/pack.toml:3:"), screen)
        XCTAssertTrue(screen.contains("bad-pack/units/greetings.toml:12:"), screen)
        XCTAssertTrue(screen.contains("a noun needs gender"), screen)
        try tmux.send("C-c")
        try tmux.wait(for: "lux exited with status 0")
    }

    func testSigtermRestoresTheTerminal() throws {
        let home = try home(withPack: false)
        let tmux = try TmuxSession(environment: ["LUX_HOME": home])
        try tmux.wait(for: "Modes")
        let pid = try XCTUnwrap(tmux.luxPID())
        kill(pid, SIGTERM)
        let screen = try tmux.wait(for: "lux exited with status 0")
        XCTAssertFalse(screen.contains("LuxLlama"), screen)
    }
}
