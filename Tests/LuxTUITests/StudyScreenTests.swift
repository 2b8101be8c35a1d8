import LuxLearn
import LuxStore
import LuxTUI
import XCTest

/// Vocabulary review and conjugation drills, driven by keys.
final class StudyScreenTests: XCTestCase {
    func testVocabularyReviewWithIntervalsGradeAndUndo() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("v"))
        h.assertSnapshot("vocab-question")
        let question = h.screen
        h.type(answer(for: question))
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✓ Right!"), h.screen)
        XCTAssertTrue(h.screen.contains("1  Again"), h.screen)
        XCTAssertTrue(h.screen.contains("4  Easy"), h.screen)
        h.assertSnapshot("vocab-answered")
        h.press(.char("3"))
        XCTAssertEqual(try reviewCount(h), 1)
        XCTAssertNotEqual(h.screen, question)
        XCTAssertTrue(h.screen.contains("Last: Good → back in"), h.screen)
        h.press(.ctrl("z"))
        XCTAssertEqual(try reviewCount(h), 0, "undo takes the review back")
        XCTAssertEqual(h.screen.components(separatedBy: "\n")[3], question.components(separatedBy: "\n")[3],
                       "the same card is asked again")
    }

    func testRevealWithoutTypingAndAWrongAnswer() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("v"))
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Enter = Good"), "shown without typing: Good is suggested")
        h.press(.enter)
        h.type("xyz")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✗ Not quite"), h.screen)
        XCTAssertTrue(h.screen.contains("Enter = Again"), h.screen)
        h.press(.enter)
        XCTAssertEqual(try reviewCount(h), 2)
    }

    func testNoCardsExplainsHowToGetSome() throws {
        let h = try TUIHarness()
        h.press(.char("v"))
        XCTAssertTrue(h.screen.contains("No cards yet."), h.screen)
    }

    /// A practice drill of iessen in the present: ë typed precomposed and as e + U+0308, a
    /// diacritic slip explained, and the summary.
    func testConjugationDrillWithTypedUmlaut() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("c"))
        h.assertSnapshot("conjugate-setup")
        h.press(.down, .char(" "), .enter)
        var slipped = false
        var decomposed = false
        for _ in 0 ..< 6 {
            let screen = h.screen
            guard let line = screen.split(separator: "\n").first(where: { $0.contains("iessen (to eat) · present") }) else {
                return XCTFail("no question on screen:\n\(screen)")
            }
            let form = Self.iessen.first { line.hasSuffix("· " + $0.key) }?.value ?? "?"
            if form == "ësst" && !slipped {
                h.type("esst")
                slipped = true
                h.press(.enter)
                XCTAssertTrue(h.screen.contains("✗ Not quite"), h.screen)
                XCTAssertTrue(h.screen.contains("ë"), h.screen)
                h.assertSnapshot("conjugate-diacritic")
            } else if form == "ëss" {
                h.press(.char("e"), .char("\u{308}"))
                h.type("ss")
                decomposed = true
                h.press(.enter)
                XCTAssertTrue(h.screen.contains("✓ Right!"), h.screen)
            } else {
                h.type(form)
                h.press(.enter)
                XCTAssertTrue(h.screen.contains("✓ Right!"), h.screen)
            }
            h.press(.enter)
        }
        XCTAssertTrue(slipped && decomposed)
        XCTAssertTrue(h.screen.contains("5/6 right"), h.screen)
        h.assertSnapshot("conjugate-summary")
        let results = try h.database.recentDrillResults(mode: "conjugation", limit: 10)
        XCTAssertEqual(results.count, 6)
        XCTAssertEqual(results.filter { !$0.correct }.map(\.given), ["esst"])
        h.press(.char("r"))
        XCTAssertTrue(h.screen.contains("iessen (to eat) · present · "), "r repeats the miss")
    }

    func testDueVerbCardsAreGradedWithFSRS() throws {
        let h = try TUIHarness { try TUIHarness.importPack("tui-basics", into: $0) }
        h.press(.char("c"))
        XCTAssertTrue(h.screen.contains("Due verb cards:"), h.screen)
        h.press(.enter)
        guard let line = h.screen.split(separator: "\n").first(where: { $0.contains("iessen (to eat) · ") }) else {
            return XCTFail(h.screen)
        }
        XCTAssertTrue(line.contains("present") || line.contains("perfect") || line.contains("imperative"), String(line))
        h.type("iessen")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("3  Good"), h.screen)
        h.press(.char("1"))
        XCTAssertEqual(try reviewCount(h), 1)
    }

    static let iessen = ["ech": "iessen", "du": "ëss", "hien/hatt/si": "ësst", "mir": "iessen", "dir": "iesst", "si": "iessen"]

    private func answer(for screen: String) -> String {
        let answers = ["d'Brout": "bread", "de Kaffi": "coffee", "bread": "d'Brout", "coffee": "de Kaffi", "iessen": "to eat",
                       "to eat": "iessen"]
        for line in screen.split(separator: "\n") {
            for (asked, answer) in answers where line.trimmingCharacters(in: .whitespaces).hasPrefix(asked) { return answer }
        }
        return "?"
    }

    private func reviewCount(_ h: TUIHarness) throws -> Int {
        try h.database.reviewCounts(in: [DateInterval(start: TUIHarness.start.addingTimeInterval(-86400), duration: 3 * 86400)])
            .first?.total ?? -1
    }
}
