import LuxTUI
import XCTest

/// The cell grid and the diff that sends it to the terminal.
final class CellBufferTests: XCTestCase {
    override func setUp() { TerminalLocale.enable() }

    func testWidthsOfAccentsCombiningMarksAndWideCharacters() {
        XCTAssertEqual(CellWidth.of("ë" as Character), 1)
        XCTAssertEqual(CellWidth.of("e\u{308}" as Character), 1, "e + combining diaeresis is one cell")
        XCTAssertEqual(CellWidth.of("日" as Character), 2)
        XCTAssertEqual(CellWidth.of("Lëtzebuergesch"), 14)
        XCTAssertEqual(CellWidth.of("Moien 日本"), 10)
        XCTAssertEqual(CellWidth.truncate("Lëtzebuergesch", to: 6), "Lëtze…")
        XCTAssertEqual(CellWidth.truncate("日本語", to: 4), "日…")
    }

    func testWideCharactersTakeTwoCellsAndOverwritingHalfBlanksTheOther() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        XCTAssertEqual(buffer.write("a日b", x: 0, y: 0), 4)
        XCTAssertEqual(buffer[1, 0].text, "日")
        XCTAssertTrue(buffer[2, 0].isContinuation)
        XCTAssertEqual(buffer.rowText(0), "a日b  ")
        buffer.write("x", x: 2, y: 0)  // the right half of 日
        XCTAssertEqual(buffer.rowText(0), "a xb  ")
        buffer.write("日", x: 4, y: 0)
        buffer.write("y", x: 4, y: 0)  // the left half
        XCTAssertEqual(buffer.rowText(0), "a xby ")
        XCTAssertFalse(buffer[5, 0].isContinuation)
    }

    func testAWideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        XCTAssertEqual(buffer.write("abc日", x: 0, y: 0), 4)
        XCTAssertEqual(buffer.rowText(0), "abc ")
        var limited = CellBuffer(size: Size(width: 8, height: 1))
        limited.write("Gromperekichelcher", x: 1, y: 0, limit: 5)
        XCTAssertEqual(limited.snapshot(), " Grom")
    }

    func testControlCharactersAreNotDrawn() {
        var buffer = CellBuffer(size: Size(width: 8, height: 1))
        buffer.write("a\u{7}b\tc\u{1B}", x: 0, y: 0)
        XCTAssertEqual(buffer.snapshot(), "ab c")
    }

    /// Replaying the diff on the old screen must give the new one, whatever changed.
    func testDiffTurnsTheOldScreenIntoTheNewOne() {
        var old = CellBuffer(size: Size(width: 20, height: 3))
        old.write("Moien, wéi geet et?", x: 0, y: 0)
        old.write("日本語 text", x: 2, y: 1)
        var new = old
        new.write("Äddi", x: 0, y: 0, style: Style(bold: true))
        new.write("x本", x: 3, y: 1)  // splits 日 and moves 本 by a cell
        new.write("ë", x: 19, y: 2)
        let runs = BufferDiff.runs(from: old, to: new)
        var replay = old
        for run in runs {
            for (i, cell) in run.cells.enumerated() { replay.set(x: run.x + i, y: run.y, cell) }
        }
        XCTAssertEqual(replay, new)
        XCTAssertFalse(runs.contains { $0.cells.first?.isContinuation == true }, "a run never starts on a right half")
        XCTAssertTrue(BufferDiff.runs(from: new, to: new).isEmpty)
        XCTAssertEqual(BufferDiff.runs(from: nil, to: new).count, 3, "no previous screen: every row is sent")
    }

    func testAnUnchangedFrameSendsNothing() throws {
        let harness = try TUIHarness()
        harness.pump()
        XCTAssertEqual(harness.terminal.lastFlushCells, 0)
        harness.press(.char("?"))
        XCTAssertGreaterThan(harness.terminal.lastFlushCells, 0)
        XCTAssertLessThan(harness.terminal.lastFlushCells, 80 * 24)
    }

    func testTextWrapBreaksAtSpacesAndInsideLongWords() {
        XCTAssertEqual(TextWrap.lines("Ech hätt gär e Brout", width: 9), ["Ech hätt", "gär e", "Brout"])
        XCTAssertEqual(TextWrap.lines("Donaudampfschifffahrt", width: 8), ["Donaudam", "pfschiff", "fahrt"])
        XCTAssertEqual(TextWrap.lines("a\n\nb", width: 5), ["a", "", "b"])
        XCTAssertEqual(TextWrap.lines("日本語日本語", width: 5), ["日本", "語日", "本語"])
    }

    func testNoColourPicksTheMonochromeTheme() {
        XCTAssertEqual(Theme.choose(terminalHasColors: true, environment: [:]).name, "colour")
        XCTAssertEqual(Theme.choose(terminalHasColors: true, environment: ["NO_COLOR": "1"]).name, "monochrome")
        XCTAssertEqual(Theme.choose(terminalHasColors: true, environment: ["NO_COLOR": ""]).name, "colour",
                       "an empty NO_COLOR does not count (no-color.org)")
        XCTAssertEqual(Theme.choose(terminalHasColors: false, environment: [:]).name, "monochrome")
        for role in Role.allCases {
            XCTAssertFalse(Theme.monochrome[role].usesColor, "\(role) uses a colour in the monochrome theme")
        }
    }

    func testMonochromeScreensUseNoColour() throws {
        let harness = try TUIHarness(theme: .monochrome)
        harness.press(.char("?"))
        let screen = harness.terminal.screen
        for y in 0 ..< 24 {
            for x in 0 ..< 80 { XCTAssertFalse(screen[x, y].style.usesColor, "colour at \(x),\(y)") }
        }
        XCTAssertTrue(screen[0, 0].style.reverse, "the header stands out by reverse video")
    }
}
