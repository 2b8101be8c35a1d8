import Foundation
import LuxLearn
import XCTest

/// Validation reports every problem of a pack, each at its file and line.
final class PackValidationTests: XCTestCase {
    /// Fixtures/packs/broken holds over twenty deliberate mistakes of different kinds in five
    /// files; each must be reported at its own line, in file order, and nothing else.
    func testBrokenPackReportsEveryProblemAtItsLine() throws {
        let problems = packProblems(try PackFixtures.path("broken"))
        let expected: [(file: String, line: Int, message: String)] = [
            ("pack.toml", 5, #"pack: level "A7" is not a CEFR level"#),
            ("pack.toml", 6, #"unknown key "license" (did you mean "licence"?)"#),
            ("pack.toml", 15, #"unit "food": level "B3" is not a CEFR level"#),
            ("units/basics.toml", 6, #"vocab "kaz": gender "x" is not m, f or n"#),
            ("units/basics.toml", 13, #"vocab "hond": en is empty"#),
            ("units/basics.toml", 20, #"vocab "haus": unknown key "exmaple_lb" (did you mean "example_lb"?)"#),
            ("units/basics.toml", 26, #"verb "wunnen": present has 5 forms; it needs 6"#),
            ("units/basics.toml", 29, #"verb "wunnen": imperative has 1 form; it needs 2 (du, dir)"#),
            ("units/basics.toml", 32, #"id "kaz" is already used by the vocab at units/basics.toml:4"#),
            ("units/basics.toml", 38, #"translation "t1": direction "en-fr" is not en-lb or lb-en"#),
            ("units/basics.toml", 39, #"translation "t1": level must be text in quotes, not a number (2)"#),
            ("units/basics.toml", 43, #"dialogue "shop": missing goal"#),
            ("units/basics.toml", 45, #"dialogue "shop": unit "shopping" is not declared in pack.toml (declared: basics, food)"#),
            ("units/food.toml", 4, #"id "hond" is already used by the vocab at units/basics.toml:10"#),
            ("units/food.toml", 11, #"vocab #2: id "Kaffi!" has "!""#),
            ("units/food.toml", 13, #"vocab #2: pos "nomen" is not a part of speech"#),
            ("units/food.toml", 22, #"verb "iessen": auxiliary "haben" is not hunn or sinn"#),
            ("units/food.toml", 25, #"unknown key "vocabulary" (did you mean "vocab"?)"#),
            ("units/syntax.toml", 6, "TOML syntax error"),
            ("vocab/list.tsv", 5, "row has 4 fields; the columns are 5 (id, lb, gender, plural, en)"),
            ("vocab/list.tsv", 6, #"vocab "fest": gender "q" is not m, f or n"#),
        ]
        for want in expected {
            XCTAssertTrue(problems.contains { $0.file == want.file && $0.line == want.line && $0.message.contains(want.message) },
                          "missing \(want.file):\(want.line): \(want.message)\ngot:\n\(problems.map(\.description).joined(separator: "\n"))")
        }
        XCTAssertEqual(problems.map { "\($0.file):\($0.line ?? 0)" }, expected.map { "\($0.file):\($0.line)" },
                       "every problem once, in file and line order:\n\(problems.map(\.description).joined(separator: "\n"))")
    }

    func testProblemsPrintAsFileLineMessageUnderTheirPack() throws {
        let root = try PackFixtures.path("broken")
        do {
            _ = try LessonPack.load(root)
            XCTFail("the broken pack loaded")
        } catch let error as PackProblems {
            let lines = error.description.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, error.problems.count)
            XCTAssertTrue(lines.contains("\(root)/units/basics.toml:6: vocab \"kaz\": gender \"x\" is not m, f or n"),
                          lines.joined(separator: "\n"))
        }
    }

    /// Keys inside multi-line strings and multi-line arrays are not taken for keys, so the lines
    /// after them are still right.
    func testLinesStayRightAfterMultilineStringsAndArrays() throws {
        let unit = """
            unit = "basics"

            [[grammar]]
            id = "g1"
            title = "Tricky text"
            body = \"\"\"
            gender = "x"
            A quote: \\\"\"\" still inside, so this is no header:
            [[vocab]]
            \"\"\"

            [[verb]]
            id = "sinn"
            infinitive = "sinn"
            en = "to be"
            present = [
              "sinn",   # ech
              "bass",   # du ]
              "ass",
              "sinn",
              "sidd",
            ]
            auxiliary = "sinn"
            participle = "gewiescht"
            imperative = ["sief", "sidd", "x"]

            [[vocab]]
            id = "kaz"
            lb = 'Kaz'
            gender = "q"
            en = "cat"
            """
        let root = try writePack(["pack.toml": packManifest(), "units/basics.toml": unit])
        let problems = packProblems(root)
        XCTAssertEqual(problems.map(\.description), [
            #"units/basics.toml:16: verb "sinn": present has 5 forms; it needs 6 (ech, du, hien/hatt/si, mir, dir, si)"#,
            #"units/basics.toml:25: verb "sinn": imperative has 3 forms; it needs 2 (du, dir)"#,
            #"units/basics.toml:30: vocab "kaz": gender "q" is not m, f or n"#,
        ])
    }

    func testMissingManifestAndEmptyFolder() throws {
        let root = try writePack(["units/pack.toml": packManifest()])
        XCTAssertEqual(packProblems(root).map(\.message),
                       ["no pack.toml found (it must be at the top of the pack, not in a subfolder)"])
        let missing = (try makePackTemporaryDirectory() as NSString).appendingPathComponent("nowhere")
        XCTAssertEqual(packProblems(missing).map(\.message), ["no such file or folder"])
    }

    /// A file-level unit that pack.toml does not declare is reported once, at its line, not
    /// again for every entry; an entry with no unit at all is reported at its header.
    func testUnitsMustBeDeclared() throws {
        let root = try writePack([
            "pack.toml": packManifest(units: ["basics", "food"]),
            "a.toml": """
                unit = "greetings"

                [[phrase]]
                id = "moien"
                lb = "Moien!"
                en = "Hello!"

                [[phrase]]
                id = "addi"
                lb = "Äddi!"
                en = "Goodbye!"
                """,
            "b.toml": """
                [[phrase]]
                id = "merci"
                lb = "Merci!"
                en = "Thank you!"
                """,
        ])
        XCTAssertEqual(packProblems(root).map(\.description), [
            #"a.toml:1: unit "greetings" is not declared in pack.toml (declared: basics, food)"#,
            #"b.toml:1: phrase "merci": no unit: write unit = "..." at the top of the file or in this entry"#,
        ])
    }

    func testManifestNeedsItsKeysAndUnits() throws {
        let root = try writePack(["pack.toml": """
            id = "bad id"
            version = 1.0
            level = "a2"
            """])
        XCTAssertEqual(packProblems(root).map(\.description), [
            #"pack.toml: pack: no units: declare at least one [[unit]] with id, title and level"#,
            #"pack.toml:1: pack: id "bad id" has " "; use only a-z, 0-9, "-", "_" and ".""#,
            #"pack.toml:1: pack: missing title"#,
            #"pack.toml:2: pack: version must be text in quotes, not a number (1.0)"#,
        ])
    }

    func testVocabularyRules() throws {
        let unit = """
            unit = "basics"

            [[vocab]]
            id = "haus"
            lb = "Haus"
            pos = "noun"
            en = "house"

            [[vocab]]
            id = "grouss"
            lb = "grouss"
            pos = "adjective"
            plural = "grouss"
            en = "big / / tall"

            [[vocab]]
            id = "bam"
            lb = "Bam"
            gender = "m"
            en = "tree"
            example_lb = "De Bam ass grouss."
            """
        let root = try writePack(["pack.toml": packManifest(), "units/basics.toml": unit])
        XCTAssertEqual(packProblems(root).map(\.description), [
            #"units/basics.toml:6: vocab "haus": a noun needs gender = "m", "f" or "n""#,
            #"units/basics.toml:13: vocab "grouss": plural is only for nouns (pos is adjective)"#,
            #"units/basics.toml:14: vocab "grouss": en has an empty alternative around " / ""#,
            #"units/basics.toml:21: vocab "bam": example_lb needs example_en (its English translation)"#,
        ])
    }

    /// The perfect comes from the auxiliary and participle with the n-rule, as LOD writes it;
    /// the imperative drops LOD's "!".
    func testVerbTablesFromTheExamplePack() throws {
        let pack = try loadPack(try PackFixtures.path("example"))
        struct NotAVerb: Error {}
        func verb(_ id: String) throws -> VerbItem {
            guard case .verb(let verb)? = pack.items.first(where: { $0.id == id })?.content else { throw NotAVerb() }
            return verb
        }
        let goen = try verb("goen")
        XCTAssertEqual(goen.table.forms(.present, .secondSingular), ["gees"])
        XCTAssertEqual(goen.table.participles, ["gaangen", "gaang"])
        XCTAssertEqual(goen.table.forms(.perfect, .firstSingular), ["si gaangen", "si gaang"])
        XCTAssertEqual(goen.table.forms(.perfect, .secondPlural), ["sidd gaangen", "sidd gaang"])
        XCTAssertEqual(goen.table.forms(.imperative, .secondSingular), ["géi"])
        XCTAssertEqual(goen.table.forms(.imperative, .secondPlural), ["gitt"])
        XCTAssertEqual(goen.table.auxiliary, .sinn)
        let wunnen = try verb("wunnen")
        XCTAssertEqual(Person.allCases.map { wunnen.table.forms(.perfect, $0) },
                       [["hu gewunnt"], ["hues gewunnt"], ["huet gewunnt"], ["hu gewunnt"], ["hutt gewunnt"], ["hu gewunnt"]])
        XCTAssertEqual(wunnen.table.tenses, [.present, .perfect])
        XCTAssertEqual(try verb("heeschen").example, Example(lb: "Ech heesche Marie.", en: "My name is Marie."))
    }

    func testExamplePackItemsInStudyOrder() throws {
        let pack = try loadPack(try PackFixtures.path("example"))
        XCTAssertEqual(pack.manifest.id, "example-a1")
        XCTAssertEqual(pack.manifest.description, "Saying hello, giving your name and talking about your family.")
        XCTAssertEqual(pack.items.map(\.id), [
            "greetings", "moien", "wei-geet-et", "addi", "heeschen", "first-meeting",
            "family", "mamm", "papp", "brudder", "schwester", "kand", "wunnen", "goen",
            "t-brother-esch", "t-sister-anna", "n-rule", "bopa", "boma", "monni", "tatta",
        ])
        XCTAssertEqual(pack.contentItems.count, 19)
        guard case .vocab(let papp)? = pack.items.first(where: { $0.id == "papp" })?.content,
              case .vocab(let bopa)? = pack.items.first(where: { $0.id == "bopa" })?.content,
              case .phrase(let moien)? = pack.items.first(where: { $0.id == "moien" })?.content,
              case .translation(let sister)? = pack.items.first(where: { $0.id == "t-sister-anna" })?.content
        else { return XCTFail("items of the wrong kind") }
        XCTAssertEqual(papp, VocabItem(unit: "family", lb: "Papp", pos: .noun, gender: .masculine,
                                       plural: ["Pappen", "Päpp"], en: ["father", "dad"]))
        XCTAssertEqual(bopa, VocabItem(unit: "family", lb: "Bopa", pos: .noun, gender: .masculine,
                                       plural: ["Bopaen"], en: ["grandfather", "grandpa"]))
        XCTAssertEqual(moien.en, ["Hello!", "Good morning!"])
        XCTAssertEqual(sister.level, .a1, "a translation without a level takes its unit's")
        XCTAssertEqual(sister.direction, .lbToEn)
        let moienItem = try XCTUnwrap(pack.items.first { $0.id == "moien" })
        XCTAssertEqual(moienItem.file, "units/greetings.toml")
        XCTAssertEqual(moienItem.line, 5)
    }
}
