import Foundation
import LuxStore
import XCTest

final class DrillChatSettingsTests: XCTestCase {
    func testDrillAccuracyPerModeAndItem() throws {
        let db = try makeDatabase()
        func answer(_ mode: String, _ item: String, _ correct: Bool, at offset: TimeInterval) throws {
            let saved = try db.recordDrillResult(DrillResultRecord(
                mode: mode, item: item, prompt: "ech (sinn)", expected: "sinn", given: correct ? "sinn" : "sin",
                correct: correct, feedback: correct ? nil : "double n", answeredAt: t0.addingTimeInterval(offset)))
            XCTAssertNotNil(saved.id)
        }
        try answer("conjugation", "sinn:1sg", true, at: 0)
        try answer("conjugation", "sinn:1sg", false, at: 1)
        try answer("conjugation", "hunn:1sg", true, at: 2)
        try answer("translate", "t1", false, at: 3)
        try answer("conjugation", "hunn:1sg", true, at: 100)

        XCTAssertEqual(try db.drillAccuracyByMode(), [
            DrillAccuracy(mode: "conjugation", item: nil, attempts: 4, correct: 3),
            DrillAccuracy(mode: "translate", item: nil, attempts: 1, correct: 0),
        ])
        XCTAssertEqual(try db.drillAccuracy(mode: "conjugation"), [
            DrillAccuracy(mode: "conjugation", item: "sinn:1sg", attempts: 2, correct: 1),
            DrillAccuracy(mode: "conjugation", item: "hunn:1sg", attempts: 2, correct: 2),
        ])
        XCTAssertEqual(try db.drillAccuracy(mode: "conjugation", since: t0.addingTimeInterval(2)).map(\.attempts), [2])
        XCTAssertEqual(try db.drillAccuracy(mode: "conjugation").first?.ratio, 0.5)
        let recent = try db.recentDrillResults(mode: "conjugation", limit: 2)
        XCTAssertEqual(recent.map(\.item), ["hunn:1sg", "hunn:1sg"])
        XCTAssertEqual(try db.recentDrillResults(limit: 10).last?.feedback, nil)
        XCTAssertEqual(try db.recentDrillResults(limit: 10).count, 5)
        XCTAssertEqual(try db.recentDrillResults(mode: "translate", limit: 10).first?.feedback, "double n")
    }

    func testChatSessionsAndMessages() throws {
        let db = try makeDatabase()
        let first = try db.createChatSession(title: "Moien", model: "smollm", systemPrompt: "You are a tutor.", at: t0)
        let second = try db.createChatSession(title: "Zuel", model: "smollm", systemPrompt: "Numbers.",
                                              at: t0.addingTimeInterval(10))
        let firstID = try XCTUnwrap(first.id), secondID = try XCTUnwrap(second.id)
        XCTAssertEqual(try db.chatSessions().map(\.id), [secondID, firstID])

        try db.appendChatMessage(sessionID: firstID, role: .user, content: "Moien!", tokens: 3, at: t0.addingTimeInterval(20))
        let reply = try db.appendChatMessage(sessionID: firstID, role: .assistant, content: "Moien! Wéi geet et?",
                                             tokens: 9, at: t0.addingTimeInterval(21))
        XCTAssertNotNil(reply.id)
        // Talking in the first session makes it the most recent.
        XCTAssertEqual(try db.chatSessions().map(\.id), [firstID, secondID])
        XCTAssertEqual(try db.chatSession(id: firstID)?.updatedAt, t0.addingTimeInterval(21))
        let messages = try db.chatMessages(sessionID: firstID)
        XCTAssertEqual(messages.map(\.role), [.user, .assistant])
        XCTAssertEqual(messages.map(\.content), ["Moien!", "Moien! Wéi geet et?"])
        XCTAssertEqual(messages.map(\.tokens), [3, 9])

        try db.renameChatSession(id: secondID, title: "Zuelen")
        XCTAssertEqual(try db.chatSession(id: secondID)?.title, "Zuelen")
        assertStoreError(try db.appendChatMessage(sessionID: 999, role: .user, content: "?"),
                         contains: [db.path, "chat session 999 does not exist"])
        XCTAssertTrue(try db.deleteChatSession(id: firstID))
        XCTAssertEqual(try db.chatMessages(sessionID: firstID), [])
        XCTAssertEqual(try db.chatSessions(limit: 10).map(\.id), [secondID])
    }

    func testSettingsRoundTripAsJSON() throws {
        struct Limits: Codable, Equatable { var newCards: Int; var reviews: Int }
        let db = try makeDatabase()
        XCTAssertNil(try db.setting("limits", as: Limits.self))
        try db.setSetting("limits", to: Limits(newCards: 20, reviews: 200), at: t0)
        try db.setSetting("model", to: "SmolLM2-135M-Instruct.Q4_1.gguf", at: t0)
        XCTAssertEqual(try db.setting("limits", as: Limits.self), Limits(newCards: 20, reviews: 200))
        try db.setSetting("limits", to: Limits(newCards: 5, reviews: 50), at: t0)
        XCTAssertEqual(try db.setting("limits", as: Limits.self), Limits(newCards: 5, reviews: 50))
        XCTAssertEqual(try db.allSettings().map(\.key), ["limits", "model"])
        XCTAssertEqual(try db.allSettings().first?.value, #"{"newCards":5,"reviews":50}"#)
        assertStoreError(try db.setting("model", as: Limits.self), contains: [db.path, "setting \"model\"", "Limits"])
        XCTAssertTrue(try db.removeSetting("model"))
        XCTAssertFalse(try db.removeSetting("model"))
        XCTAssertNil(try db.setting("model", as: String.self))
    }
}
