import LuxLearn
import LuxStore
import LuxTUI
import XCTest

/// Translate, Dictionary and Chat without a model, and the tutor's context window.
final class LanguageScreenTests: XCTestCase {
    func testTranslateWithoutAModelExplainsHowToGetOne() throws {
        let h = try TUIHarness()
        h.press(.char("t"))
        XCTAssertTrue(h.screen.contains("scripts/fetch-model"), h.screen)
        XCTAssertTrue(h.screen.contains("LUX_MODEL"), h.screen)
        h.assertSnapshot("translate-no-model")
    }

    func testTranslateShowsDictionaryHitsAsYouType() throws {
        let h = try TUIHarness { try DictionaryFixture.install(into: $0) }
        h.press(.char("t"), .tab)
        h.type("Ech gees an d'Haus")
        let screen = h.screen
        XCTAssertTrue(screen.contains("goen verb ← gees (present 2sg)"), screen)
        XCTAssertTrue(screen.contains("Haus noun n"), screen)
        h.assertSnapshot("translate-hits")
    }

    func testDictionarySearchEntryAndDidYouMean() throws {
        let h = try TUIHarness { try DictionaryFixture.install(into: $0) }
        h.press(.char("d"))
        h.type("GEES")
        XCTAssertTrue(h.screen.contains("goen verb"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("perfect: sinn + gaangen"), h.screen)
        XCTAssertTrue(h.screen.contains("bass gaangen"), h.screen)
        h.assertSnapshot("dictionary-entry")
        h.press(.escape, .ctrl("u"))
        h.type("Haos")
        XCTAssertTrue(h.screen.contains("Did you mean: Haus"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Haus noun n"), h.screen)
    }

    func testChatWithoutAModelStillListsChatsAndRolePlays() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("a"))
        XCTAssertTrue(h.screen.contains("Role-play: At the bakery (tui-basics)"), h.screen)
        h.assertSnapshot("chat-no-model")
        h.press(.down, .enter)
        XCTAssertTrue(h.screen.contains("Moien! Wat hätt Dir gär?"), h.screen)
        h.type("Ech hätt gär e Brout.")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("No model: the message is kept"), h.screen)
        XCTAssertTrue(h.screen.contains("Ech hätt gär e Brout."), "the typed message is not lost")
    }

    func testTutorPromptIsAtTheLearnersLevelAndPlaysTheRole() throws {
        let dialogue = DialogueItem(unit: "u", title: "At the bakery", situation: "A bakery.", tutorRole: "the baker",
                                    learnerRole: "a customer", goal: "Order bread.", opening: "Moien!",
                                    usefulPhrases: ["Ech hätt gär e Brout."])
        let a1 = TutorPrompt.system(level: .a1)
        XCTAssertTrue(a1.contains("level is A1"))
        XCTAssertTrue(a1.contains("English translation in brackets"))
        XCTAssertTrue(a1.contains("Korrektur:"), "the tutor is told to point out mistakes")
        let b2 = TutorPrompt.system(level: .b2, dialogue: dialogue)
        XCTAssertFalse(b2.contains("translation in brackets"))
        XCTAssertTrue(b2.contains("You play the baker; the learner plays a customer"))
        XCTAssertTrue(b2.contains("Ech hätt gär e Brout."))
    }

    /// Oldest turns go first; the system prompt and the newest message always stay.
    func testConversationWindowDropsOldestTurnsNeverTheSystemPrompt() {
        let turns = (1 ... 6).map { TutorTurn($0 % 2 == 1 ? .user : .assistant, String(repeating: "x", count: 10 * $0)) }
        let count: ([TutorTurn]) -> Int = { $0.reduce(0) { $0 + $1.content.count } }
        let all = ConversationWindow.fit(system: "sys", turns: turns) { count($0) <= 1000 }
        XCTAssertEqual(all.dropped, 0)
        XCTAssertEqual(all.messages.count, 7)
        let some = ConversationWindow.fit(system: "sys", turns: turns) { count($0) <= 160 }
        XCTAssertEqual(some.messages.first, TutorTurn(.system, "sys"))
        XCTAssertEqual(some.messages.last, turns.last)
        XCTAssertLessThanOrEqual(count(some.messages), 160)
        XCTAssertEqual(some.messages.dropFirst().first?.role, .user, "a reply whose question was dropped goes with it")
        XCTAssertEqual(some.dropped, 4)
        let tight = ConversationWindow.fit(system: "sys", turns: turns) { count($0) <= 5 }
        XCTAssertEqual(tight.messages, [TutorTurn(.system, "sys"), turns[5]], "even when nothing fits, the system prompt and the new message stay")
    }
}
