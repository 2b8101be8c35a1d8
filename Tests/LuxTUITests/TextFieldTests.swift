import LuxTUI
import XCTest

/// Typing Luxembourgish: composed and decomposed accents, cursor by display width.
final class TextFieldTests: XCTestCase {
    override func setUp() { TerminalLocale.enable() }

    func testCombiningMarksJoinThePreviousCharacter() {
        var field = TextField()
        for key: Key in [.char("e"), .char("\u{308}"), .char("s"), .char("s"), .char("t")] { _ = field.handle(key) }
        XCTAssertEqual(field.text, "ësst")
        XCTAssertEqual(field.text.unicodeScalars.count, 4, "composed to NFC")
        XCTAssertEqual(field.cursor, 4)
        _ = field.handle(.home)
        _ = field.handle(.delete)
        XCTAssertEqual(field.text, "sst", "ë is deleted as one character")
    }

    func testEditingKeys() {
        var field = TextField("Ech hätt gär")
        _ = field.handle(.ctrl("w"))
        XCTAssertEqual(field.text, "Ech hätt ")
        _ = field.handle(.left)
        _ = field.handle(.left)
        _ = field.handle(.backspace)
        XCTAssertEqual(field.text, "Ech hät ")
        _ = field.handle(.ctrl("u"))
        XCTAssertEqual(field.text, "t ")
        _ = field.handle(.end)
        _ = field.handle(.char("é"))
        XCTAssertEqual(field.text, "t é")
        XCTAssertFalse(field.handle(.enter), "Enter is left to the screen")
    }

    func testCursorIsPlacedByDisplayWidth() {
        let frame = Frame(size: Size(width: 20, height: 1), theme: .colour)
        var field = TextField("日本ë")
        field.render(frame, row: Rect(x: 2, y: 0, width: 10, height: 1))
        XCTAssertEqual(frame.cursor, Point(x: 2 + 5, y: 0))
        _ = field.handle(.left)
        field.render(frame, row: Rect(x: 2, y: 0, width: 10, height: 1))
        XCTAssertEqual(frame.cursor, Point(x: 2 + 4, y: 0))
    }

    func testLongTextScrollsToKeepTheCursorVisible() {
        let frame = Frame(size: Size(width: 10, height: 1), theme: .colour)
        let field = TextField("Gromperekichelcher")
        field.render(frame, row: Rect(x: 0, y: 0, width: 10, height: 1))
        XCTAssertEqual(frame.buffer.snapshot(), "ichelcher")
        XCTAssertEqual(frame.cursor, Point(x: 9, y: 0))
    }
}
