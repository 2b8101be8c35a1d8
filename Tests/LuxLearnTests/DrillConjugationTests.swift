import Foundation
import LuxLearn
import XCTest

/// The conjugation drill on real verbs (forms from LOD): prompts, answers with and without the
/// pronoun, the feedback a table makes possible, and the summary.
final class DrillConjugationTests: XCTestCase {
    private func prompt(_ verb: VerbItem, _ tense: Tense, _ person: Person) throws -> DrillPrompt {
        try XCTUnwrap(ConjugationDrill.prompt(id: "test/\(verb.table.infinitive)", verb: verb, tense: tense, person: person))
    }

    func testPromptsCoverTheCellsTheTablesHave() throws {
        let prompts = ConjugationDrill.prompts(verbs: [("test/goen", DrillTestData.goen), ("test/soen", DrillTestData.soen)])
        // 6 present + 6 perfect + 2 imperative, per verb.
        XCTAssertEqual(prompts.count, 28)
        XCTAssertEqual(Set(prompts.map(\.id)).count, 28)
        let perfectDu = try prompt(DrillTestData.goen, .perfect, .secondSingular)
        XCTAssertEqual(perfectDu.id, "test/goen:conj:perfect:2sg")
        XCTAssertEqual(perfectDu.question, "goen (to go) · perfect · du")
        XCTAssertEqual(perfectDu.expected, "bass gaangen")
        XCTAssertEqual(perfectDu.group, "perfect")
        XCTAssertEqual(perfectDu.mode, .conjugation)
        XCTAssertEqual(perfectDu.reveal, "du bass gaangen — goen: perfect with sinn + gaangen / gaang")
        XCTAssertNil(ConjugationDrill.prompt(id: "x", verb: DrillTestData.goen, tense: .imperative, person: .firstPlural))
        XCTAssertNil(ConjugationDrill.prompt(id: "x", verb: DrillTestData.fueren, tense: .imperative, person: .secondSingular))
        let onlyMir = ConjugationDrill.prompts(verbs: [("test/kommen", DrillTestData.kommen)], tenses: [.present, .perfect],
                                               persons: [.firstPlural])
        XCTAssertEqual(onlyMir.map(\.expected), ["kommen", "si komm"])
    }

    func testAnswersWithOrWithoutThePronoun() throws {
        let perfect = try prompt(DrillTestData.goen, .perfect, .secondSingular)
        for answer in ["bass gaangen", "du bass gaangen", "Du bass gaangen.", "bass gaang", "du bass gaang"] {
            XCTAssertTrue(perfect.check(answer).isCorrect, answer)
        }
        let third = try prompt(DrillTestData.goen, .present, .thirdSingular)
        for answer in ["geet", "hie geet", "hatt geet", "si geet", "et geet"] {
            XCTAssertTrue(third.check(answer).isCorrect, answer)
            XCTAssertEqual(third.check(answer).feedback, "Right!", answer)
        }
        // "hien" keeps its n before a vowel.
        let came = try prompt(DrillTestData.kommen, .perfect, .thirdSingular)
        XCTAssertTrue(came.check("hien ass komm").isCorrect)
        XCTAssertTrue(came.check("ass komm").isCorrect)
        let imperative = try prompt(DrillTestData.goen, .imperative, .secondSingular)
        XCTAssertEqual(imperative.expected, "géi!")
        XCTAssertTrue(imperative.check("géi").isCorrect)
        XCTAssertTrue(imperative.check("Géi!").isCorrect)
    }

    func testPronounMistakes() throws {
        let mir = try prompt(DrillTestData.goen, .present, .firstPlural)
        let wrongPronoun = mir.check("du ginn")
        XCTAssertEqual(wrongPronoun.mistakes, [.pronoun(given: "du", expected: .firstPlural)])
        XCTAssertTrue(wrongPronoun.feedback.contains("the pronoun is mir"), wrongPronoun.feedback)
        let third = try prompt(DrillTestData.goen, .present, .thirdSingular)
        let nRule = third.check("hien geet")
        XCTAssertEqual(nRule.mistakes, [.nRule(NRuleIssue(wordIndex: 0, word: "hien", next: "geet", corrected: "hie"))])
    }

    func testTheFormOfAnotherPerson() throws {
        let mir = try prompt(DrillTestData.goen, .present, .firstPlural)
        let du = mir.check("gees")
        XCTAssertEqual(du.mistakes, [.otherPerson(givenPersons: [.secondSingular], expected: .firstPlural, expectedForm: "ginn")])
        XCTAssertTrue(du.feedback.contains("that's the form for du; for mir it is “ginn”"), du.feedback)
        let withPronoun = mir.check("mir gees")
        XCTAssertEqual(withPronoun.mistakes, [.otherPerson(givenPersons: [.secondSingular], expected: .firstPlural,
                                                           expectedForm: "ginn")])
        let ech = try prompt(DrillTestData.soen, .present, .secondSingular)
        let several = ech.check("soen")
        XCTAssertTrue(several.feedback.contains("that's the form for ech, mir and si; for du it is “sees”"), several.feedback)
    }

    func testTheFormOfAnotherTense() throws {
        let perfect = try prompt(DrillTestData.goen, .perfect, .firstPlural)
        let present = perfect.check("mir ginn")
        XCTAssertEqual(present.mistakes, [.otherTense(given: .present, givenForm: "ginn", expected: .perfect,
                                                      expectedForm: "si gaangen")])
        XCTAssertTrue(present.feedback.contains("“ginn” is the present; the perfect is “si gaangen”"), present.feedback)
        let imperative = try prompt(DrillTestData.goen, .imperative, .secondSingular)
        XCTAssertEqual(imperative.check("gees").mistakes,
                       [.otherTense(given: .present, givenForm: "gees", expected: .imperative, expectedForm: "géi!")])
    }

    func testWrongAuxiliaryInThePerfect() throws {
        let went = try prompt(DrillTestData.goen, .perfect, .secondSingular)
        let result = went.check("du hues gaangen")
        XCTAssertEqual(result.mistakes, [.auxiliary(expected: .sinn, given: .hunn, verb: "goen")])
        XCTAssertTrue(result.feedback.contains("wrong auxiliary: sinn, not hunn: goen makes its perfect with sinn"),
                      result.feedback)
        let said = try prompt(DrillTestData.soen, .perfect, .firstPlural)
        XCTAssertEqual(said.check("mir si gesot").mistakes, [.auxiliary(expected: .hunn, given: .sinn, verb: "soen")])
        // Auxiliary and participle both off.
        let both = said.check("si gesoot")
        XCTAssertEqual(both.mistakes, [.auxiliary(expected: .hunn, given: .sinn, verb: "soen"),
                                       .typo(expectedWord: "gesot", givenWord: "gesoot")])
    }

    func testNRuleInThePerfect() throws {
        let said = try prompt(DrillTestData.soen, .perfect, .firstPlural)
        XCTAssertEqual(said.expected, "hu gesot")
        let kept = said.check("mir hunn gesot")
        XCTAssertEqual(kept.mistakes, [.nRule(NRuleIssue(wordIndex: 1, word: "hunn", next: "gesot", corrected: "hu"))])
        XCTAssertTrue(kept.feedback.contains("“hu gesot”"), kept.feedback)
        let opened = try prompt(DrillTestData.opmaachen, .perfect, .firstSingular)
        XCTAssertEqual(opened.expected, "hunn opgemaach")
        XCTAssertTrue(opened.check("ech hunn opgemaacht").isCorrect)
        let dropped = opened.check("hu opgemaach")
        XCTAssertEqual(dropped.mistakes, [.nRule(NRuleIssue(wordIndex: 0, word: "hu", next: "opgemaach", corrected: "hunn"))])
        // The bracketed reflexive pronoun is optional, and the n-rule applies before it.
        XCTAssertTrue(opened.check("ech hu mech opgemaach").isCorrect)
        let present = try prompt(DrillTestData.opmaachen, .present, .firstSingular)
        XCTAssertEqual(present.expected, "maachen op")
        XCTAssertTrue(present.check("maache mech op").isCorrect)
        XCTAssertEqual(present.check("maachen mech op").mistakes.count, 1)
    }

    func testDiacriticAndTypoInAForm() throws {
        let du = try prompt(DrillTestData.iessen, .present, .secondSingular)
        let missing = du.check("du ess")
        XCTAssertEqual(missing.mistakes, [.diacritic(expectedWord: "ëss", givenWord: "ess",
                                                     slips: [DiacriticSlip(position: 1, expected: "ë", given: "e")])])
        let went = try prompt(DrillTestData.goen, .perfect, .secondSingular)
        XCTAssertEqual(went.check("bass gaangem").mistakes, [.typo(expectedWord: "gaangen", givenWord: "gaangem")])
    }

    func testPerfectMadeFromAuxiliaryAndParticiple() throws {
        let drove = try prompt(DrillTestData.fueren, .perfect, .secondSingular)
        XCTAssertEqual(drove.expected, "bass gefuer")
        XCTAssertTrue(drove.check("du bass gefuer").isCorrect)
        let mir = try prompt(DrillTestData.fueren, .perfect, .firstPlural)
        XCTAssertEqual(mir.expected, "si gefuer")
        XCTAssertEqual(mir.check("hu gefuer").mistakes, [.auxiliary(expected: .sinn, given: .hunn, verb: "fueren")])
    }

    func testRunAndSummary() throws {
        let prompts = ConjugationDrill.prompts(verbs: [("test/goen", DrillTestData.goen)], tenses: [.present, .perfect],
                                               persons: [.firstSingular, .secondSingular])
        var run = DrillRun(prompts: prompts)
        XCTAssertEqual(run.current?.expected, "ginn")
        let answers = ["ech ginn", "gees", "ech sinn gaangen", "du hues gaangen"]
        for answer in answers { XCTAssertNotNil(run.answer(answer, at: Date(timeIntervalSince1970: 0))) }
        XCTAssertTrue(run.isFinished)
        XCTAssertNil(run.answer("extra"))
        let summary = run.summary
        XCTAssertEqual(summary.answered, 4)
        XCTAssertEqual(summary.right, 2)
        XCTAssertEqual(summary.groups, [DrillSummary.Group(name: "present", right: 2, wrong: 0),
                                        DrillSummary.Group(name: "perfect", right: 0, wrong: 2)])
        XCTAssertEqual(summary.line, "2/4 right · present 2/2 · perfect 0/2")
        XCTAssertEqual(summary.misses.map(\.prompt.expected), ["si gaangen", "bass gaangen"])
        XCTAssertTrue(summary.misses[0].check.feedback.contains("n-rule"), summary.misses[0].check.feedback)
        let again = run.repeatingMisses()
        XCTAssertEqual(again.prompts.map(\.id), ["test/goen:conj:perfect:1sg", "test/goen:conj:perfect:2sg"])
        let record = summary.misses[1].record
        XCTAssertEqual(record.mode, "conjugation")
        XCTAssertEqual(record.item, "test/goen:conj:perfect:2sg")
        XCTAssertEqual(record.given, "du hues gaangen")
        XCTAssertFalse(record.correct)
        var rng = SeededGenerator(seed: 7)
        let shuffled = DrillRun(prompts: prompts, shuffledWith: &rng)
        XCTAssertEqual(Set(shuffled.prompts.map(\.id)), Set(prompts.map(\.id)))
    }
}
