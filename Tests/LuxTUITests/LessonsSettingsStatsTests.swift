import Foundation
import LuxLearn
import LuxStore
import LuxTUI
import XCTest

/// Lessons (import with errors shown), Settings (saved) and Stats.
final class LessonsSettingsStatsTests: XCTestCase {
    private var savedDirectory = ""

    /// Paths typed in these tests are relative to the package, so snapshots do not hold this machine's paths.
    override func setUp() {
        savedDirectory = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(TUIHarness.packageRoot.path)
    }

    override func tearDown() {
        FileManager.default.changeCurrentDirectoryPath(savedDirectory)
    }

    func testImportingABadPackListsEveryProblem() throws {
        let h = try TUIHarness()
        h.press(.char("l"))
        h.press(.char("i"))
        h.type("Tests/LuxTUITests/Fixtures/packs/bad-pack")
        h.press(.enter)
        let screen = h.screen
        XCTAssertTrue(screen.contains("Not imported:"), screen)
        XCTAssertTrue(screen.contains("bad-pack/pack.toml:"), screen)
        XCTAssertTrue(screen.contains("bad-pack/units/greetings.toml:"), screen)
        h.assertSnapshot("lessons-bad-pack")
        XCTAssertEqual(try h.database.packs().count, 0)
    }

    func testImportingAGoodPackShowsItWithProgress() throws {
        let h = try TUIHarness()
        h.press(.char("l"))
        XCTAssertTrue(h.screen.contains("None yet"))
        h.press(.char("i"))
        h.type("Tests/LuxTUITests/Fixtures/packs/tui-basics")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Imported tui-basics 1.0 (new)"), h.screen)
        XCTAssertTrue(h.screen.contains("TUI test basics"), h.screen)
        XCTAssertTrue(h.screen.contains("Two nouns, a verb and a role-play, for the app's tests."), h.screen)
        XCTAssertEqual(try h.database.packs().map(\.id), ["tui-basics"])
        h.press(.escape)
        h.press(.char("v"))
        XCTAssertFalse(h.screen.contains("No cards yet"), "the imported cards are ready to review")
    }

    func testLookingIntoAPackShowsItsUnitsAndTheirItems() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("l"), .enter)
        XCTAssertTrue(h.screen.contains("TUI test basics: units"), h.screen)
        XCTAssertTrue(h.screen.contains("▸ Food"), h.screen)
        XCTAssertTrue(h.screen.contains("4      0/"), "four items, none started:\n\(h.screen)")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Brout (n, pl. Brout) – bread"), h.screen)
        XCTAssertTrue(h.screen.contains("Kaffi (m) – coffee"), h.screen)
        XCTAssertTrue(h.screen.contains("iessen – to eat"), h.screen)
        XCTAssertTrue(h.screen.contains("Role-play: At the bakery"), h.screen)
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("TUI test basics: units"), "Esc goes back to the units:\n\(h.screen)")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Installed packs"), "then to the packs:\n\(h.screen)")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Today"), "and then home:\n\(h.screen)")
    }

    func testRemovingAPackAsksFirstAndTakesItsCards() throws {
        let h = try TUIHarness()
        h.press(.char("l"), .char("i"))
        h.type("Tests/LuxTUITests/Fixtures/packs/tui-basics")
        h.press(.enter)
        let cards = try h.database.cards(packID: "tui-basics").count
        XCTAssertGreaterThan(cards, 0)
        h.press(.delete)
        XCTAssertTrue(h.screen.contains("Remove TUI test basics (tui-basics) with its \(cards) cards"), h.screen)
        h.press(.char("n"))
        XCTAssertFalse(h.screen.contains("Remove TUI test basics"), h.screen)
        XCTAssertEqual(try h.database.packs().map(\.id), ["tui-basics"], "any key but y keeps the pack")
        h.press(.delete, .char("y"))
        XCTAssertTrue(h.screen.contains("Removed TUI test basics (tui-basics) and its \(cards) cards"), h.screen)
        XCTAssertTrue(h.screen.contains("None yet"), h.screen)
        XCTAssertEqual(try h.database.packs().count, 0)
        XCTAssertEqual(try h.database.cards(packID: "tui-basics").count, 0)
    }

    func testSettingsAreSavedAndBadValuesExplained() throws {
        let h = try TUIHarness()
        h.press(.char("o"))
        h.assertSnapshot("settings")
        h.press(.down, .down, .enter, .ctrl("u"))
        h.type("5")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Temperature: \"5\" is not a number from 0.0 to 2.0"), h.screen)
        h.press(.ctrl("u"))
        h.type("0,3")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Saved temperature"), h.screen)
        XCTAssertEqual(try h.database.setting(EngineSettings.temperatureKey, as: Double.self), 0.3)
        h.press(.down, .down, .down, .down, .enter, .ctrl("u"))
        h.type("0.85")
        h.press(.enter)
        XCTAssertEqual(try StudySettings.load(from: h.database).desiredRetention, 0.85)
        h.press(.up, .up, .enter, .ctrl("u"))
        h.type("12")
        h.press(.enter)
        XCTAssertEqual(try StudySettings.load(from: h.database).newCardsPerDay, 12)
        h.press(.down, .down, .down, .enter, .ctrl("u"))
        h.type("b1")
        h.press(.enter)
        XCTAssertEqual(TutorPrompt.level(in: h.database), .b1)
        h.press(.escape, .char("a"))
        XCTAssertTrue(h.screen.contains("New conversation at your level (B1)"), h.screen)
    }

    func testStatsAfterReviewsAndDrills() throws {
        let h = try TUIHarness { database in
            try TUIHarness.importPack("tui-basics", into: database)
            for (i, correct) in [true, false, true, true].enumerated() {
                try database.recordDrillResult(DrillResultRecord(
                    mode: "conjugation", item: "tui-basics/iessen:conj:present:\(i + 1)sg", prompt: "p", expected: "e",
                    given: correct ? "e" : "x", correct: correct, feedback: nil, answeredAt: TUIHarness.start))
            }
        }
        h.press(.char("v"))
        h.press(.enter, .char("3"))
        h.press(.enter, .char("1"))
        h.press(.escape, .char("s"))
        XCTAssertTrue(h.screen.contains("2 in all"), h.screen)
        XCTAssertTrue(h.screen.contains("iessen        75% (3/4)"), h.screen)
        h.assertSnapshot("stats")
    }
}
