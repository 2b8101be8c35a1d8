import LuxLearn
import XCTest

/// The vocabulary drill both ways, the plural question, and phrase and verb prompts.
/// Nouns, genders and plurals as LOD gives them.
final class DrillVocabularyTests: XCTestCase {
    func testRecognitionAcceptsAnyMeaning() {
        let cat = VocabularyDrill.recognition(id: "test/kaz", item: DrillTestData.kaz)
        XCTAssertEqual(cat.question, "d'Kaz")
        XCTAssertEqual(cat.expected, "cat")
        XCTAssertEqual(cat.id, "test/kaz:recognition")
        XCTAssertEqual(cat.mode, .vocabRecognition)
        for answer in ["cat", "Cat", "a cat", "the cat."] {
            XCTAssertTrue(cat.check(answer).isCorrect, answer)
        }
        let wrong = cat.check("dog")
        XCTAssertFalse(wrong.isCorrect)
        XCTAssertTrue(wrong.feedback.contains("“d'Kaz” means “cat”"), wrong.feedback)
        let man = VocabularyDrill.recognition(id: "test/mann", item: DrillTestData.mann)
        XCTAssertEqual(man.question, "de Mann")
        XCTAssertTrue(man.check("husband").isCorrect)
        XCTAssertTrue(man.check("the man").isCorrect)
        let station = VocabularyDrill.recognition(id: "test/gare", item: DrillTestData.gare)
        XCTAssertTrue(station.check("station").isCorrect)
        XCTAssertTrue(station.check("the railway station").isCorrect)
        let today = VocabularyDrill.recognition(id: "test/haut", item: DrillTestData.haut)
        XCTAssertEqual(today.question, "haut")
        XCTAssertTrue(today.check("today").isCorrect)
    }

    func testProductionWantsTheArticle() {
        let cat = VocabularyDrill.production(id: "test/kaz", item: DrillTestData.kaz)
        XCTAssertEqual(cat.question, "cat (noun: with its article)")
        XCTAssertEqual(cat.expected, "d'Kaz")
        for answer in ["d'Kaz", "D'Kaz", "d’Kaz", "d' Kaz"] {
            XCTAssertTrue(cat.check(answer).isCorrect, answer)
        }
        XCTAssertTrue(cat.check("de Kaz").feedback.contains("it's “d'Kaz”: Kaz is feminine"))
        XCTAssertTrue(cat.check("Kaz").feedback.contains("give the noun with its article"))
        let plural = cat.check("d'Kazen")
        XCTAssertEqual(plural.mistakes, [.plural(given: "d'Kazen", expected: "d'Kaz")])
        XCTAssertTrue(plural.feedback.contains("“d'Kazen” is the plural; the singular is “d'Kaz”"), plural.feedback)

        // Brout has the plural Brout: no plural feedback for the singular without its article.
        let bread = VocabItem(unit: "u1", lb: "Brout", pos: .noun, gender: .neuter, plural: ["Brout"], en: ["bread"])
        XCTAssertEqual(VocabularyDrill.production(id: "test/brout", item: bread).check("Brout").mistakes,
                       [.missingArticle(expected: "d'Brout", noun: "Brout", gender: .neuter)])

        let dog = VocabularyDrill.production(id: "test/hond", item: DrillTestData.hond)
        XCTAssertEqual(dog.expected, "den Hond")
        XCTAssertTrue(dog.check("den Hond").isCorrect)
        XCTAssertTrue(dog.check("d'Hond").feedback.contains("Hond is masculine"))
        XCTAssertTrue(dog.check("de Hond").feedback.contains("n-rule"))

        let man = VocabularyDrill.production(id: "test/mann", item: DrillTestData.mann)
        XCTAssertEqual(man.expected, "de Mann")
        XCTAssertEqual(man.check("den Mann").mistakes,
                       [.nRule(NRuleIssue(wordIndex: 0, word: "den", next: "Mann", corrected: "de"))])

        let house = VocabularyDrill.production(id: "test/haus", item: DrillTestData.haus)
        XCTAssertEqual(house.expected, "d'Haus")
        XCTAssertTrue(house.check("den Haus").feedback.contains("Haus is neuter"))

        let table = VocabularyDrill.production(id: "test/desch", item: DrillTestData.desch)
        XCTAssertTrue(table.check("den Desch").feedback.contains("missing diacritic: ë in “Dësch” (letter 2)"))

        let today = VocabularyDrill.production(id: "test/haut", item: DrillTestData.haut)
        XCTAssertEqual(today.question, "today")
        XCTAssertTrue(today.check("haut").isCorrect)
        XCTAssertFalse(today.check("gëschter").isCorrect)
    }

    func testAlternativesWithoutArticleTakeTheItemsGender() {
        let mother = VocabItem(unit: "u1", lb: "Mamm", pos: .noun, gender: .feminine, plural: ["Mammen"],
                               en: ["mother"], alternatives: ["Mamma"])
        let mum = VocabularyDrill.production(id: "test/mamm", item: mother)
        XCTAssertTrue(mum.check("d'Mamm").isCorrect)
        XCTAssertTrue(mum.check("d'Mamma").isCorrect)
        XCTAssertFalse(mum.check("Mamma").isCorrect)
        let car = VocabItem(unit: "u1", lb: "Auto", pos: .noun, gender: .masculine, plural: ["Autoen"], en: ["car"],
                            alternatives: ["de Won"])
        let drive = VocabularyDrill.production(id: "test/auto", item: car)
        XCTAssertEqual(drive.expected, "den Auto")
        XCTAssertTrue(drive.check("den Auto").isCorrect)
        XCTAssertTrue(drive.check("de Won").isCorrect)
        XCTAssertFalse(drive.check("Won").isCorrect)
    }

    func testPlural() throws {
        let cats = try XCTUnwrap(VocabularyDrill.plural(id: "test/kaz", item: DrillTestData.kaz))
        XCTAssertEqual(cats.question, "plural of d'Kaz")
        XCTAssertEqual(cats.expected, "d'Kazen")
        XCTAssertTrue(cats.check("d'Kazen").isCorrect)
        XCTAssertTrue(cats.check("Kazen").isCorrect)
        XCTAssertTrue(cats.check("d'Kaze").feedback.contains("n-rule"))
        let fathers = try XCTUnwrap(VocabularyDrill.plural(id: "test/papp", item: DrillTestData.papp))
        XCTAssertTrue(fathers.check("d'Päpp").isCorrect)
        XCTAssertTrue(fathers.check("Pappen").isCorrect)
        XCTAssertTrue(fathers.check("d'Papp").feedback.contains("missing diacritic: ä"))
        XCTAssertNil(VocabularyDrill.plural(id: "test/haut", item: DrillTestData.haut))
    }

    func testPromptsAndReveal() {
        let prompts = VocabularyDrill.prompts(items: [("test/kaz", DrillTestData.kaz), ("test/haut", DrillTestData.haut)],
                                              directions: [.recognition, .production, .plural])
        XCTAssertEqual(prompts.map(\.id), ["test/kaz:recognition", "test/kaz:production", "test/kaz:plural",
                                           "test/haut:recognition", "test/haut:production"])
        XCTAssertEqual(prompts[0].reveal, "d'Kaz (feminine, plural Kazen): cat")
        var run = DrillRun(prompts: prompts)
        for answer in ["cat", "den Kaz", "d'Kazen", "today", "haut"] { run.answer(answer) }
        XCTAssertEqual(run.summary.line, "4/5 right · recognition 2/2 · production 1/2 · plural 1/1")
    }

    func testPhraseAndVerbPrompts() {
        let hello = ItemPrompts.phraseRecognition(id: "test/moien", item: DrillTestData.moien)
        XCTAssertTrue(hello.check("hello").isCorrect)
        XCTAssertTrue(hello.check("Good morning!").isCorrect)
        let say = ItemPrompts.phraseProduction(id: "test/moien", item: DrillTestData.moien)
        XCTAssertEqual(say.question, "Hello!")
        XCTAssertTrue(say.check("moien").isCorrect)
        XCTAssertTrue(say.check("Moin").feedback.contains("one letter off"))
        let go = ItemPrompts.verbRecognition(id: "test/goen", item: DrillTestData.goen)
        XCTAssertTrue(go.check("walk").isCorrect)
        XCTAssertEqual(go.reveal, "goen: to go, to walk (perfect with sinn + gaangen)")
        let goLb = ItemPrompts.verbProduction(id: "test/goen", item: DrillTestData.goen)
        XCTAssertTrue(goLb.check("goen").isCorrect)
    }
}
