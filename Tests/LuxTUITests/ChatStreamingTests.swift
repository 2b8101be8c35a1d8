import LuxStore
import LuxTUI
import XCTest

/// Chat and Translate with the real default model (SmolLM2-135M, Q4_1): streaming off the UI
/// thread, tokens/s, Esc, saving and resuming.
final class ChatStreamingTests: XCTestCase {
    /// The context length set under Settings sizes the model's context (the gauge shows it).
    func testContextLengthSettingSizesTheConversation() throws {
        let model = try TUIHarness.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let h = try TUIHarness(environment: ["LUX_MODEL": model])
        h.press(.char("o"))
        for _ in 0..<8 { h.press(.down) }
        h.press(.enter, .ctrl("u"))
        h.type("100")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Context length: \"100\" is not a whole number from 256 to 131072"), h.screen)
        h.press(.ctrl("u"))
        h.type("2048")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Saved context length"), h.screen)
        XCTAssertEqual(try h.database.setting(EngineSettings.contextLengthKey, as: Int.self), 2048)
        h.press(.escape, .char("a"))
        XCTAssertTrue(h.wait { !$0.contains("Loading the model") }, h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("/2048 ("), "the context gauge shows the chosen length:\n\(h.screen)")
        XCTAssertEqual(h.app.context.engine.contextLength, 2048)
    }

    func testChatStreamsStopsWithEscIsSavedAndResumes() throws {
        let model = try TUIHarness.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let h = try TUIHarness(environment: ["LUX_MODEL": model])
        h.press(.char("a"))
        XCTAssertTrue(h.wait { !$0.contains("Loading the model") }, h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Moien! Wéi geet et dir?"), h.screen)
        XCTAssertTrue(h.screen.contains("/4096 ("), "the context gauge shows once the model is loaded:\n\(h.screen)")
        h.type("Moien! Ech sinn den Tom.")
        h.press(.enter)
        // The UI keeps taking keys while the model works on its own thread.
        h.type("abc")
        XCTAssertTrue(h.screen.contains("› abc"), h.screen)
        XCTAssertTrue(h.app.context.engine.isBusy || h.screen.contains("tok/s"), h.screen)
        XCTAssertTrue(h.wait { $0.contains("generating ·") && $0.contains("tok/s") }, "tokens/s shows while streaming:\n\(h.screen)")
        h.press(.escape)
        XCTAssertFalse(h.app.context.engine.isBusy, "Esc stops generation")
        XCTAssertTrue(h.screen.contains("Stopped"), h.screen)
        XCTAssertTrue(h.screen.contains(" Enter Send "), h.screen)

        let sessions = try h.database.chatSessions()
        XCTAssertEqual(sessions.count, 1)
        XCTAssertEqual(sessions[0].title, "Moien! Ech sinn den Tom.")
        let messages = try h.database.chatMessages(sessionID: sessions[0].id ?? -1)
        XCTAssertEqual(messages.map(\.role), [.assistant, .user, .assistant], "greeting, question and the partial reply are kept")
        XCTAssertFalse(messages[2].content.isEmpty)

        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Saved chats"), h.screen)
        h.press(.down, .enter)
        XCTAssertTrue(h.screen.contains("Moien! Ech sinn den Tom."), "a saved chat resumes with its messages:\n\(h.screen)")
    }

    func testTranslateStreamsBesideTheDictionary() throws {
        let model = try TUIHarness.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let h = try TUIHarness(environment: ["LUX_MODEL": model]) { try DictionaryFixture.install(into: $0) }
        h.press(.char("t"), .tab)
        h.type("Ech ginn heem")
        XCTAssertTrue(h.screen.contains("goen verb ← ginn (present 1sg"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.wait { $0.contains("tokens ·") && $0.contains("tok/s") && !$0.contains("generating") }, h.screen)
        XCTAssertFalse(h.app.context.engine.isBusy)
    }

    func testQuittingMidStreamSavesThePartialReply() throws {
        let model = try TUIHarness.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let h = try TUIHarness(environment: ["LUX_MODEL": model])
        h.press(.char("a"))
        XCTAssertTrue(h.wait { !$0.contains("Loading the model") })
        h.press(.enter)
        h.type("Wéi ass d'Wieder?")
        h.press(.enter)
        XCTAssertTrue(h.wait { $0.contains("generating ·") })
        h.press(.ctrl("c"))
        XCTAssertTrue(h.app.isQuitting)
        h.app.close()
        let session = try XCTUnwrap(h.database.chatSessions().first)
        let messages = try h.database.chatMessages(sessionID: session.id ?? -1)
        XCTAssertEqual(messages.last?.role, .assistant)
    }
}
