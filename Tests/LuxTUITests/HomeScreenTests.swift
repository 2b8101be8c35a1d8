import LuxTUI
import XCTest

/// Home, the help overlay, mode keys, screen size and quitting.
final class HomeScreenTests: XCTestCase {
    func testHomeWithoutLessons() throws {
        let h = try TUIHarness()
        XCTAssertTrue(h.screen.contains("No lessons yet"))
        h.assertSnapshot("home-empty")
    }

    func testHomeShowsDueCardsStreakAndForecast() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        XCTAssertTrue(h.screen.contains(" left today") && !h.screen.contains(" 0 left today"), h.screen)
        h.assertSnapshot("home-with-pack")
    }

    func testHelpOverlayListsEveryKeyAndAnyKeyClosesIt() throws {
        let h = try TUIHarness()
        h.press(.char("?"))
        XCTAssertTrue(h.app.helpShown)
        h.assertSnapshot("help-home")
        h.press(.char("x"))
        XCTAssertFalse(h.app.helpShown)
        h.press(.function(3))
        h.press(.function(1))
        XCTAssertTrue(h.screen.contains("Vocabulary"), "F1 on a screen shows that screen's keys")
        h.press(.escape)
        XCTAssertFalse(h.app.helpShown)
    }

    func testModeLettersFunctionKeysAndEscape() throws {
        let h = try TUIHarness()
        for mode in Mode.allCases where mode != .home {
            h.press(.char(mode.letter))
            XCTAssertEqual(h.app.mode, mode)
            XCTAssertTrue(h.screen.hasPrefix(" LuxLlama │ \(mode.title)"), h.screen)
            h.press(.escape)
            XCTAssertEqual(h.app.mode, .home)
            h.press(.function(mode.functionKey))
            XCTAssertEqual(h.app.mode, mode)
            h.press(.function(2))
        }
        XCTAssertEqual(h.app.mode, .home)
    }

    func testContinueWhereYouLeftOff() throws {
        let h = try TUIHarness()
        h.press(.char("d"))
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Continue where you left off: Enter → Dictionary"), h.screen)
        h.press(.enter)
        XCTAssertEqual(h.app.mode, .dictionary)
    }

    func testTooSmallSaysSoAndQStillQuits() throws {
        let h = try TUIHarness(width: 60, height: 20)
        XCTAssertTrue(h.screen.contains("Terminal too small: 60×20"))
        h.assertSnapshot("too-small")
        h.press(.char("v"))
        XCTAssertEqual(h.app.mode, .home, "keys other than q do nothing below the minimum size")
        h.press(.char("q"))
        XCTAssertTrue(h.app.isQuitting)
    }

    func testResizeReflows() throws {
        let h = try TUIHarness()
        h.terminal.resize(width: 100, height: 30)
        h.pump()
        let wide = h.screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(wide.count, 30)
        XCTAssertTrue(wide[29].contains("Quit"), "the footer moves to the new last row")
        h.terminal.resize(width: 79, height: 24)
        h.pump()
        XCTAssertTrue(h.screen.contains("Terminal too small: 79×24"))
        h.terminal.resize(width: 80, height: 24)
        h.pump()
        h.assertSnapshot("home-empty")
    }

    func testQAndCtrlCQuit() throws {
        let h = try TUIHarness()
        h.press(.char("q"))
        XCTAssertTrue(h.app.isQuitting)
        let typing = try TUIHarness()
        typing.press(.char("t"))
        typing.type("quiet")
        XCTAssertFalse(typing.app.isQuitting, "q is typed, not a command, in a text field")
        typing.press(.ctrl("c"))
        XCTAssertTrue(typing.app.isQuitting)
    }
}
