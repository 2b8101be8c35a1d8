import LuxLearn
import XCTest

/// Each kind of feedback the checker gives, plus what it lets through (alternatives, spacing,
/// apostrophes, the first letter's case) and what it does not.
final class AnswerCheckerTests: XCTestCase {
    private func check(_ given: String, _ accepted: [String], _ context: AnswerContext = .plain) -> AnswerCheck {
        AnswerChecker.check(given, accepted: accepted, context: context)
    }

    private func assertWrong(_ result: AnswerCheck, _ mistake: AnswerMistake, feedback pieces: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.isCorrect, "accepted: \(result.given)", file: file, line: line)
        XCTAssertEqual(result.mistakes, [mistake], file: file, line: line)
        XCTAssertFalse(result.feedback.contains("\n"), file: file, line: line)
        for piece in pieces {
            XCTAssertTrue(result.feedback.contains(piece), "“\(result.feedback)” lacks “\(piece)”", file: file, line: line)
        }
    }

    func testExactAnswersAndWhatIsNormalised() {
        let accepted = ["Mir hu Kaffi gedronk."]
        for given in ["Mir hu Kaffi gedronk.", "mir hu Kaffi gedronk", "  Mir   hu Kaffi\tgedronk ! ", "Mir hu Kaffi gedronk"] {
            let result = check(given, accepted)
            XCTAssertTrue(result.isCorrect, given)
            XCTAssertEqual(result.feedback, "Right!")
        }
        // Apostrophe look-alikes and a space after the article.
        for given in ["d’Kaz", "d‘Kaz", "d`Kaz", "d´Kaz", "d' Kaz", "D'Kaz"] {
            XCTAssertTrue(check(given, ["d'Kaz"]).isCorrect, given)
        }
        // Decomposed diacritics count as the composed letter.
        XCTAssertTrue(check("De\u{0308}sch", ["Dësch"]).isCorrect)
        XCTAssertTrue(check("", ["Dësch"]).mistakes == [.empty])
    }

    func testListedAlternativesAreAccepted() {
        let result = check("gemaacht", ["gemaach", "gemaacht"])
        XCTAssertTrue(result.isCorrect)
        XCTAssertEqual(result.expected, "gemaacht")
        XCTAssertEqual(result.feedback, "Right! (also: “gemaach”)")
        XCTAssertFalse(check("gemaachen", ["gemaach", "gemaacht"]).isCorrect)
    }

    func testMissingWrongAndExtraDiacritics() {
        assertWrong(check("Desch", ["Dësch"]),
                    .diacritic(expectedWord: "Dësch", givenWord: "Desch",
                               slips: [DiacriticSlip(position: 2, expected: "ë", given: "e")]),
                    feedback: ["missing diacritic: ë in “Dësch” (letter 2)", "the answer is “Dësch”"])
        assertWrong(check("Këier", ["Kéier"]),
                    .diacritic(expectedWord: "Kéier", givenWord: "Këier",
                               slips: [DiacriticSlip(position: 2, expected: "é", given: "ë")]),
                    feedback: ["wrong diacritic: é, not ë, in “Kéier”"])
        assertWrong(check("Käz", ["Kaz"]),
                    .diacritic(expectedWord: "Kaz", givenWord: "Käz",
                               slips: [DiacriticSlip(position: 2, expected: "a", given: "ä")]),
                    feedback: ["no diacritic on a in “Kaz”"])
        // In a sentence, the word is named.
        let sentence = check("Hatt esst en Apel.", ["Hatt ësst en Apel."])
        XCTAssertFalse(sentence.isCorrect)
        XCTAssertTrue(sentence.feedback.contains("missing diacritic: ë in “ësst” (letter 1)"), sentence.feedback)
    }

    func testCapitalLettersCountExceptAtTheStart() {
        XCTAssertTrue(check("kaz", ["Kaz"]).isCorrect, "a single word starts the sentence")
        assertWrong(check("d'kaz", ["d'Kaz"]), .capitalization(expectedWord: "Kaz", givenWord: "kaz"),
                    feedback: ["nouns take a capital letter: “Kaz”"])
        // Each sentence of a longer answer may start either way.
        XCTAssertTrue(check("moien! wéi geet et?", ["Moien! Wéi geet et?"]).isCorrect)
        assertWrong(check("Moien! Wéi Geet et?", ["Moien! Wéi geet et?"]),
                    .capitalization(expectedWord: "geet", givenWord: "Geet"), feedback: ["“geet”"])
        assertWrong(check("Mir hu Kaffi Gedronk", ["Mir hu Kaffi gedronk"]),
                    .capitalization(expectedWord: "gedronk", givenWord: "Gedronk"), feedback: ["“gedronk”"])
    }

    func testNRuleBothWays() {
        let kept = check("Mir hunn Kaffi gedronk.", ["Mir hu Kaffi gedronk."])
        assertWrong(kept, .nRule(NRuleIssue(wordIndex: 1, word: "hunn", next: "Kaffi", corrected: "hu")),
                    feedback: ["n-rule", "“hu Kaffi”"])
        XCTAssertTrue(kept.feedback.hasSuffix("the answer is “Mir hu Kaffi gedronk.”"), kept.feedback)
        XCTAssertTrue(check("Kafi", ["Kaffi"]).feedback.hasSuffix("the answer is “Kaffi”."))
        let dropped = check("Mir hu eppes gesot.", ["Mir hunn eppes gesot."])
        assertWrong(dropped, .nRule(NRuleIssue(wordIndex: 1, word: "hu", next: "eppes", corrected: "hunn")),
                    feedback: ["n-rule", "vowel", "“hunn eppes”"])
        let atEnd = check("d'Kaze", ["d'Kazen"])
        XCTAssertFalse(atEnd.isCorrect)
        XCTAssertTrue(atEnd.feedback.contains("end of a sentence"), atEnd.feedback)
        // Either spelling before an s-pronoun.
        XCTAssertTrue(check("Wa si kënnt, gi mir.", ["Wann si kënnt, gi mir."]).isCorrect)
        // Accepted answers that break the rule still accept the right spelling.
        XCTAssertTrue(check("mir hu gesot", ["mir hunn gesot"]).isCorrect)
    }

    func testWrongAuxiliary() {
        assertWrong(check("Hien huet komm.", ["Hien ass komm."]), .auxiliary(expected: .sinn, given: .hunn, verb: nil),
                    feedback: ["wrong auxiliary: sinn, not hunn"])
        assertWrong(check("Mir si gesot.", ["Mir hu gesot."]), .auxiliary(expected: .hunn, given: .sinn, verb: nil),
                    feedback: ["wrong auxiliary: hunn, not sinn"])
        for form in ["hunn", "hu", "hues", "huet", "hutt", "hat", "hätt"] {
            XCTAssertEqual(AuxiliaryForms.auxiliary(of: form), .hunn, form)
        }
        for form in ["sinn", "si", "bass", "ass", "sidd", "war", "waren", "wier", "wär"] {
            XCTAssertEqual(AuxiliaryForms.auxiliary(of: form), .sinn, form)
        }
        XCTAssertNil(AuxiliaryForms.auxiliary(of: "hatt"))
    }

    func testTypoOneEditAway() {
        for (given, expected) in [("Kafi", "Kaffi"), ("Kaffii", "Kaffi"), ("Kaffu", "Kaffi"), ("Kafif", "Kaffi")] {
            assertWrong(check(given, [expected]), .typo(expectedWord: expected, givenWord: given),
                        feedback: ["one letter off: “\(expected)”, not “\(given)”"])
        }
        let twoOff = check("Kaaffe", ["Kaffi"])
        XCTAssertEqual(twoOff.mistakes, [.wrongWord(expected: "Kaffi", given: "Kaaffe")])
    }

    func testMissingAndExtraWords() {
        assertWrong(check("Mir hu gedronk.", ["Mir hu Kaffi gedronk."]), .missingWords(["Kaffi"]),
                    feedback: ["missing: “Kaffi”"])
        assertWrong(check("Mir hu gëschter Kaffi gedronk.", ["Mir hu Kaffi gedronk."]), .extraWords(["gëschter"]),
                    feedback: ["not needed: “gëschter”"])
    }

    func testNounArticlesAndGender() {
        let kaz = AnswerContext.noun(lb: "Kaz", gender: .feminine)
        assertWrong(check("den Kaz", ["d'Kaz"], kaz),
                    .article(given: "den Kaz", expected: "d'Kaz", noun: "Kaz", gender: .feminine),
                    feedback: ["it's “d'Kaz”: Kaz is feminine"])
        assertWrong(check("Kaz", ["d'Kaz"], kaz), .missingArticle(expected: "d'Kaz", noun: "Kaz", gender: .feminine),
                    feedback: ["give the noun with its article: “d'Kaz”"])
        assertWrong(check("eng Kaz", ["d'Kaz"], kaz),
                    .article(given: "eng Kaz", expected: "d'Kaz", noun: "Kaz", gender: .feminine),
                    feedback: ["give the definite article: “d'Kaz”"])
        let hond = AnswerContext.noun(lb: "Hond", gender: .masculine)
        assertWrong(check("d'Hond", ["den Hond"], hond),
                    .article(given: "d'Hond", expected: "den Hond", noun: "Hond", gender: .masculine),
                    feedback: ["it's “den Hond”: Hond is masculine"])
        let mann = AnswerContext.noun(lb: "Mann", gender: .masculine)
        XCTAssertTrue(check("de Mann", ["de Mann"], mann).isCorrect)
        assertWrong(check("den Mann", ["de Mann"], mann),
                    .nRule(NRuleIssue(wordIndex: 0, word: "den", next: "Mann", corrected: "de")), feedback: ["“de Mann”"])
        let haus = AnswerContext.noun(lb: "Haus", gender: .neuter)
        assertWrong(check("den Haus", ["d'Haus"], haus),
                    .article(given: "den Haus", expected: "d'Haus", noun: "Haus", gender: .neuter),
                    feedback: ["Haus is neuter"])
        // Article and spelling together.
        let both = check("de Desch", ["den Dësch"], .noun(lb: "Dësch", gender: .masculine))
        XCTAssertEqual(both.mistakes.count, 2)
        XCTAssertTrue(both.feedback.contains("n-rule") && both.feedback.contains("missing diacritic: ë"), both.feedback)
        // Another noun altogether is just wrong.
        XCTAssertEqual(check("den Hond", ["d'Kaz"], kaz).mistakes, [.wrongWord(expected: "d'", given: "den"),
                                                                    .wrongWord(expected: "Kaz", given: "Hond")])
    }

    func testOddInputIsJudgedNotCrashedOn() {
        let odd = ["'", "d'", "D' ", "-", "!!!", "🐈", "\u{0308}", "n n n", "5", "d'd'd'", String(repeating: "hunn ", count: 200),
                   "den", "(mech)", "hu-", "’’’"]
        let contexts: [AnswerContext] = [.plain, .noun(lb: "Kaz", gender: .feminine, plural: ["Kazen"]),
                                         .conjugation(table: DrillTestData.goen.table, tense: .perfect, person: .firstPlural)]
        for given in odd {
            for context in contexts {
                let result = check(given, ["si gaangen", "d'Kaz"], context)
                XCTAssertFalse(result.isCorrect, given)
                XCTAssertFalse(result.feedback.isEmpty)
            }
            _ = NRule.apply(to: given)
            _ = NRule.check(given)
            _ = EnglishAnswerChecker.check(given, glosses: ["cat"], word: "d'Kaz")
        }
        XCTAssertEqual(check("anything", []).isCorrect, false)
        XCTAssertEqual(IntervalFormat.short(.infinity), "?")
        XCTAssertEqual(IntervalFormat.short(1e300), "31710y")
    }

    func testEnglishMeanings() {
        func english(_ given: String, _ glosses: [String]) -> AnswerCheck {
            EnglishAnswerChecker.check(given, glosses: glosses, word: "x")
        }
        for given in ["to go", "go", "Walk", "to walk."] {
            XCTAssertTrue(english(given, ["to go", "to walk"]).isCorrect, given)
        }
        for given in ["cat", "a cat", "The Cat", "an cat"] {
            XCTAssertTrue(english(given, ["cat"]).isCorrect, given)
        }
        for given in ["station", "railway station", "the station"] {
            XCTAssertTrue(english(given, ["(railway) station"]).isCorrect, given)
        }
        let slip = english("statoin", ["(railway) station"])
        XCTAssertTrue(slip.isCorrect)
        XCTAssertTrue(slip.feedback.contains("one letter off"), slip.feedback)
        XCTAssertFalse(english("dgo", ["dog"]).isCorrect, "short words get no slip")
        let wrong = EnglishAnswerChecker.check("dog", glosses: ["cat"], word: "d'Kaz")
        XCTAssertEqual(wrong.mistakes, [.wrongMeaning(word: "d'Kaz", meanings: ["cat"])])
        XCTAssertTrue(wrong.feedback.contains("“d'Kaz” means “cat”"), wrong.feedback)
    }
}
