import LuxLearn
import XCTest

/// The n-rule (Eifeler Regel): which words take part, what the next word asks, and applying
/// and checking whole phrases. Sentences written for these tests; forms checked against LOD.
final class NRuleTests: XCTestCase {
    func testContextOfTheNextWord() {
        // Vowels, with or without diacritics, and n, d, t, z, h keep the n.
        for next in ["eppes", "Owend", "Iesel", "Auto", "Ufank", "Äppel", "ëmmer", "éischt", "Noper", "Dësch",
                     "Tut", "Zuch", "Hond", "d'Kaz"] {
            XCTAssertEqual(NRule.context(before: next), .keep, next)
        }
        // Any other consonant drops it.
        for next in ["gesot", "Mann", "Bic", "Kaffi", "Brudder", "fënnef", "Jong", "lafen", "Papp", "Wäin",
                     "schwätzen", "Vakanz", "Rees", "Cousin"] {
            XCTAssertEqual(NRule.context(before: next), .drop, next)
        }
        // End of the phrase and punctuation keep it.
        XCTAssertEqual(NRule.context(before: nil), .keep)
        XCTAssertEqual(NRule.context(before: ""), .keep)
        XCTAssertEqual(NRule.context(before: ","), .keep)
        // Y: like i before a consonant, like j before a vowel.
        XCTAssertEqual(NRule.context(before: "Yves"), .keep)
        XCTAssertEqual(NRule.context(before: "Yan"), .drop)
        // Before s-pronouns and possessives either spelling is right.
        for next in ["si", "se", "sech", "seng", "sengem", "säin", "sou", "s'"] {
            XCTAssertEqual(NRule.context(before: next), .either, next)
        }
        XCTAssertEqual(NRule.context(before: "Sonn"), .drop)
    }

    func testNumbersAndAcronymsGoByHowTheyAreSaid() {
        XCTAssertEqual(NRule.context(before: "20"), .keep)  // zwanzeg
        XCTAssertEqual(NRule.context(before: "1."), .keep)  // éischten / eent
        XCTAssertEqual(NRule.context(before: "8"), .keep)  // aacht
        XCTAssertEqual(NRule.context(before: "3"), .keep)  // dräi
        XCTAssertEqual(NRule.context(before: "100"), .keep)  // honnert
        XCTAssertEqual(NRule.context(before: "5"), .drop)  // fënnef
        XCTAssertEqual(NRule.context(before: "4"), .drop)  // véier
        XCTAssertEqual(NRule.context(before: "60"), .drop)  // sechzeg
        XCTAssertEqual(NRule.context(before: "27"), .drop)  // siwenanzwanzeg
        XCTAssertEqual(NRule.context(before: "300"), .keep)  // dräihonnert
        // Letter names: Ess, Tsé keep it; Bé, Ka drop it.
        XCTAssertEqual(NRule.context(before: "SMS"), .keep)
        XCTAssertEqual(NRule.context(before: "CD"), .keep)
        XCTAssertEqual(NRule.context(before: "BMW"), .drop)
        XCTAssertEqual(NRule.context(before: "KPMG"), .drop)
    }

    func testWhichWordsTakePart() {
        for word in ["hunn", "sinn", "ginn", "kann", "wann", "dann", "schonn", "den", "en", "een", "keen", "an", "un",
                     "vun", "virun", "hien", "mäin", "däin", "Wäin", "maachen", "iessen", "Kazen", "Meedchen",
                     "d'Elteren", "ophunn", "ausgesinn", "verstinn", "dohin"] {
            XCTAssertTrue(NRule.applies(to: word), word)
        }
        for word in ["Mann", "Sonn", "dënn", "Maschinn", "Situatioun", "Studentin", "Léierin", "Telefon",
                     "Terrain", "modern", "Roman", "Bensinn", "SMS", "n", "Kaz", "gesot"] {
            XCTAssertFalse(NRule.applies(to: word), word)
        }
        // A capital marks a noun, except at the start of a sentence.
        XCTAssertFalse(NRule.applies(to: "Hunn"))
        XCTAssertTrue(NRule.applies(to: "Hunn", atSentenceStart: true))
    }

    func testFormOfAWord() {
        XCTAssertEqual(NRule.form(of: "hunn", before: "gesot"), "hu")
        XCTAssertEqual(NRule.form(of: "hunn", before: "eppes"), "hunn")
        XCTAssertEqual(NRule.form(of: "hu", before: "eppes"), "hunn")
        XCTAssertEqual(NRule.form(of: "hu", before: nil), "hunn")
        XCTAssertEqual(NRule.form(of: "den", before: "Mann"), "de")
        XCTAssertEqual(NRule.form(of: "den", before: "Hond"), "den")
        XCTAssertEqual(NRule.form(of: "en", before: "Buch"), "e")
        XCTAssertEqual(NRule.form(of: "Mäin", before: "Brudder"), "Mäi")
        XCTAssertEqual(NRule.form(of: "wann", before: "si"), "wann")
        XCTAssertEqual(NRule.form(of: "wa", before: "si"), "wa")
        XCTAssertEqual(NRule.form(of: "Mann", before: "kënnt"), "Mann")
        XCTAssertEqual(NRule.shortForm(of: "hunn"), "hu")
        XCTAssertEqual(NRule.fullForm(ofShort: "Hu"), "Hunn")
        XCTAssertNil(NRule.fullForm(ofShort: "de"), "de is also du after a verb")
        XCTAssertNil(NRule.fullForm(ofShort: "si"), "si is also a pronoun")
    }

    func testIsVariant() {
        XCTAssertTrue(NRule.isVariant("hunn", "hu"))
        XCTAssertTrue(NRule.isVariant("hu", "Hunn"))
        XCTAssertTrue(NRule.isVariant("den", "de"))
        XCTAssertTrue(NRule.isVariant("Kazen", "Kaze"))
        XCTAssertFalse(NRule.isVariant("hunn", "hun"))
        XCTAssertFalse(NRule.isVariant("hunn", "hunn"))
        XCTAssertFalse(NRule.isVariant("gaangen", "gaangem"))
    }

    func testApplyToPhrases() {
        XCTAssertEqual(NRule.apply(to: "mir hunn gesot"), "mir hu gesot")
        XCTAssertEqual(NRule.apply(to: "mir hu eppes gesot"), "mir hunn eppes gesot")
        XCTAssertEqual(NRule.apply(to: "Den Mann an den Hond."), "De Mann an den Hond.")
        XCTAssertEqual(NRule.apply(to: "Mir hunn Kaffi gedronk."), "Mir hu Kaffi gedronk.")
        XCTAssertEqual(NRule.apply(to: "Wann mir kommen, iessen mir."), "Wa mir kommen, iesse mir.")
        XCTAssertEqual(NRule.apply(to: "Ech hu."), "Ech hunn.")
        XCTAssertEqual(NRule.apply(to: "en Buch an en Bic"), "e Buch an e Bic")
        XCTAssertEqual(NRule.apply(to: "mäin Brudder an mäin Auto"), "mäi Brudder a mäin Auto")
        XCTAssertEqual(NRule.apply(to: "mir hunn 20 Euro, mir hunn 5 Euro"), "mir hunn 20 Euro, mir hu 5 Euro")
        XCTAssertEqual(NRule.apply(to: "den SMS an den BMW"), "den SMS an de BMW")
        // Spacing, other punctuation and words outside the rule stay as they are.
        XCTAssertEqual(NRule.apply(to: "d'Situatioun  gëtt besser"), "d'Situatioun  gëtt besser")
        XCTAssertEqual(NRule.apply(to: "hunn (mech) gehat"), "hunn (mech) gehat")
        // Names given as exceptions are left alone.
        XCTAssertEqual(NRule.apply(to: "den Här Hansen kënnt", exceptions: ["Hansen"]), "den Här Hansen kënnt")
        XCTAssertEqual(NRule.apply(to: "den Här Hansen kënnt"), "den Här Hanse kënnt")
    }

    func testVariantsBeforeSPronouns() {
        XCTAssertEqual(Set(NRule.variants(of: "wann si kënnt")), ["wann si kënnt", "wa si kënnt"])
        XCTAssertEqual(Set(NRule.variants(of: "wa si kënnt")), ["wann si kënnt", "wa si kënnt"])
        XCTAssertEqual(NRule.variants(of: "mir hunn gesot"), ["mir hu gesot"])
    }

    func testCheckFindsBothDirections() {
        let kept = NRule.check("Mir hunn Kaffi gedronk.")
        XCTAssertEqual(kept, [NRuleIssue(wordIndex: 1, word: "hunn", next: "Kaffi", corrected: "hu")])
        XCTAssertTrue(kept[0].shouldDrop)
        XCTAssertTrue(kept[0].description.contains("“hu Kaffi”"), kept[0].description)

        let dropped = NRule.check("Mir hu eppes gesot.")
        XCTAssertEqual(dropped, [NRuleIssue(wordIndex: 1, word: "hu", next: "eppes", corrected: "hunn")])
        XCTAssertFalse(dropped[0].shouldDrop)
        XCTAssertTrue(dropped[0].description.contains("vowel"), dropped[0].description)

        let atEnd = NRule.check("Ech weess net, ob mir Zäit hu.")
        XCTAssertEqual(atEnd.map(\.corrected), ["hunn"])
        XCTAssertTrue(atEnd[0].description.contains("end of a sentence"), atEnd[0].description)

        let beforeD = NRule.check("Mäi Dësch")
        XCTAssertEqual(beforeD.map(\.corrected), ["Mäin"])
        XCTAssertTrue(beforeD[0].description.contains("d is one of n, d, t, z, h"), beforeD[0].description)

        XCTAssertEqual(NRule.check("De Mann an den Hond sinn do."), [])
        XCTAssertEqual(NRule.check("Si sinn an der Schoul."), [])
        XCTAssertEqual(NRule.check("Wa si kënnt, gi mir an d'Stad."), [])
        XCTAssertEqual(NRule.check("Wann si kënnt, ginn ech heem."), [])
        XCTAssertEqual(NRule.check("Den Yves an de Yan"), [])
        XCTAssertEqual(NRule.check("Den Yan").map(\.corrected), ["De"])
        XCTAssertEqual(NRule.check("d'Kazen a mäin Hond").count, 0)
        XCTAssertEqual(NRule.check("d'Kazen fänken").map(\.corrected), ["d'Kaze"])
    }
}
