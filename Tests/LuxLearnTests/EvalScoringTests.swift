import LuxLearn
import XCTest

/// Reading a judge's score, a multiple-choice letter and a conjugated form out of free text.
final class EvalScoringTests: XCTestCase {
    func testJudgeScoresInTheFormsJudgesWriteThem() {
        let cases: [(String, Double?)] = [
            ("Score: 4", 4), ("score: 4.5\nGood translation.", 4.5), ("SCORE = 3", 3), ("Score - 2", 2),
            ("Rating: 5/5", 5), ("4/5", 4), ("I give it 3.5 / 5 because the verb is wrong.", 3.5),
            ("3 out of 5", 3), ("8/10", 4), ("Score: 7/10", 3.5), ("**4.5**", 4.5), ("The answer deserves **2**.", 2),
            ("Score: **4**", 4), ("4", 4), ("4.5 - nearly perfect", 4.5), ("[3] partly right", 3),
            ("Four.", 4), ("Score: three", 3), ("Rating: four and a half", 4.5), ("three and a half", 3.5),
            ("Score: 4,5", 4.5),
            // Clamped to the scale.
            ("Score: 7", 5), ("Score: 0", 1), ("0/5", 1), ("Score: 12/10", 5),
            // No score.
            ("The translation is good.", nil), ("", nil), ("3 errors in the answer", nil), ("Score: excellent", nil),
            ("A fine answer.", nil),
        ]
        for (reply, expected) in cases {
            XCTAssertEqual(JudgeScore.parse(reply), expected, "\"\(reply)\"")
        }
    }

    func testChoiceLetterIsFoundHoweverItIsWritten() {
        let choices = ["Good night", "Hello", "Thank you", "Goodbye"]
        let cases: [(String, String?)] = [
            ("B", "B"), ("b", "B"), ("(B)", "B"), ("B.", "B"), ("**B**", "B"), ("B) Hello", "B"), ("C. Thank you", "C"),
            ("The answer is D.", "D"), ("Answer: (a)", "A"), ("I think the correct option is C because", "C"),
            ("Hello", "B"), ("It means hello.", "B"), ("The correct choice is (D) Goodbye", "D"),
            // Nothing, or too many.
            ("", nil), ("I don't know", nil), ("B or C", nil), ("Hello or Goodbye", nil), ("E", nil),
            ("A greeting used in the morning", nil),
        ]
        for (answer, expected) in cases {
            XCTAssertEqual(EvalChoiceReader.letter(in: answer, choices: choices), expected, "\"\(answer)\"")
        }
        // One choice inside another: the longer one named wins.
        XCTAssertEqual(EvalChoiceReader.letter(in: "Kazen", choices: ["Kaz", "Kazen", "Hond"]), "B")
    }

    func testConjugationMatchesTheFormWithOrWithoutPronoun() {
        let accepted = ["ass gaangen", "ass gaang"]
        for answer in ["ass gaangen", "Ass gaang.", "hien ass gaangen", "Hie ass gaangen", "Answer: ass gaangen",
                       "**ass gaangen**\nThis is the perfect tense.", "'ass gaangen'"] {
            XCTAssertTrue(EvalConjugationCheck.matches(answer, accepted: accepted, person: .thirdSingular), answer)
        }
        for answer in ["huet gaangen", "ass gegaangen", "ass gangen", "", "ech ass gaangen", "The form is: ass gaangen or huet"] {
            XCTAssertFalse(EvalConjugationCheck.matches(answer, accepted: accepted, person: .thirdSingular), answer)
        }
        // Diacritics count.
        XCTAssertFalse(EvalConjugationCheck.matches("kennt", accepted: ["kënnt"], person: .thirdSingular))
    }

    func testDictionaryTablesAddTheirSpellings() {
        let table = ConjugationTable(infinitive: "goen", auxiliary: .sinn, participles: ["gaangen", "gaang"],
                                     forms: [.present: [.firstPlural: ["ginn"]], .perfect: [.thirdSingular: ["ass gaangen / gaang"]]])
        XCTAssertEqual(EvalConjugationCheck.accepted(forms: ["ass gaangen"], tense: .perfect, person: .thirdSingular,
                                                     dictionaryTables: [table]), ["ass gaangen", "ass gaang"])
        let present = EvalConjugationCheck.accepted(forms: ["ginn"], tense: .present, person: .firstPlural, dictionaryTables: [table])
        XCTAssertEqual(present.first, "ginn")
    }

    func testDeterministicScoreIsFiveOrOne() {
        let mc = EvalQuestion(id: "m", category: .multipleChoice, difficulty: .beginner, question: "Q",
                              choices: ["x", "y"], reference: "y", notes: "N", check: .choice(letter: "B"))
        XCTAssertEqual(EvalDeterministicScore.score(mc, answer: "B")?.score, 5)
        XCTAssertEqual(EvalDeterministicScore.score(mc, answer: "A")?.score, 1)
        XCTAssertEqual(EvalDeterministicScore.score(mc, answer: "A")?.detail, "choice B expected; answered A")
        XCTAssertEqual(EvalDeterministicScore.score(mc, answer: "no idea")?.detail, "choice B expected; no choice found in the answer")
        let conj = EvalQuestion(id: "c", category: .verbConjugation, difficulty: .beginner, question: "Q", reference: "bass",
                                notes: "N", check: .conjugation(verb: "sinn", tense: .present, person: .secondSingular, forms: ["bass"]))
        XCTAssertEqual(EvalDeterministicScore.score(conj, answer: "du bass")?.score, 5)
        XCTAssertEqual(EvalDeterministicScore.score(conj, answer: "bist")?.detail, "sinn present 2sg: expected bass")
        let open = EvalQuestion(id: "o", category: .grammar, difficulty: .beginner, question: "Q", reference: "R", notes: "N")
        XCTAssertNil(EvalDeterministicScore.score(open, answer: "R"))
    }

    func testJudgePromptCarriesReferenceNotesAndRubric() {
        let q = EvalQuestion(id: "t", category: .translationToEnglish, difficulty: .intermediate, question: "Translate: Moien",
                             reference: "Hello", notes: "Good morning is also fine.")
        let messages = EvalPrompts.judge(q, answer: "  Hi  ")
        XCTAssertEqual(messages.map(\.role), [.system, .user])
        let user = messages[1].content
        for part in ["Translate: Moien", "Reference answer:\nHello", "Scoring notes:\nGood morning is also fine.",
                     "Candidate's answer:\nHi\n", "Score: N", EvalPrompts.rubric] {
            XCTAssertTrue(user.contains(part), "judge prompt lacks \(part)")
        }
        XCTAssertTrue(EvalPrompts.judge(q, answer: " ").last?.content.contains("(no answer)") == true)
        let retry = EvalPrompts.judgeRetry(q, answer: "Hi", firstReply: "Nice.")
        XCTAssertEqual(retry.map(\.role), [.system, .user, .assistant, .user])
        XCTAssertEqual(EvalPrompts.answer(q).first?.content.contains(EvalCategory.translationToEnglish.instruction), true)
    }
}
