import Foundation
import LuxLearn
import XCTest

/// Vocabulary lists in CSV/TSV with Anki's file headers.
final class PackVocabListTests: XCTestCase {
    /// An Anki-style export: special columns for note type, deck (our unit), GUID (the id) and
    /// tags; HTML fields; a quoted field holding a tab, a newline and doubled quotes.
    func testAnkiTSVWithHeaders() throws {
        let tsv = [
            "#separator:Tab",
            "#html:true",
            "#notetype column:1",
            "#deck column:2",
            "#guid column:3",
            "#tags column:8",
            "#columns:notetype\tdeck\tguid\tlb\tgender\ten\tnote\ttags",
            "# A comment line, skipped.",
            "Basic\tfamily\tmamm\t<b>Mamm</b>\tf\tmother / mum\t\"Also \"\"Mamma\"\";\tsee\nthe plural\"\tfamily a1",
            "Basic\tbasics\tkaz\tKaz\tf\tcat &amp; kitten\t\tanimals",
            "",
            "Basic\tbasics\tb#9/x\tBam<br>\tm\ttree\t\tplants",
        ].joined(separator: "\n") + "\n"
        let root = try writePack(["pack.toml": packManifest(units: ["basics", "family"]), "words.tsv": tsv])
        let pack = try loadPack(root)
        let vocab = pack.items.compactMap { item -> (String, VocabItem, Int?)? in
            if case .vocab(let v) = item.content { return (item.id, v, item.line) } else { return nil }
        }
        XCTAssertEqual(vocab.map(\.0), ["kaz", "anki-6223392f78", "mamm"], "by unit order, then row order; a GUID that is no id is hex")
        XCTAssertEqual(vocab.map(\.2), [11, 13, 9])
        let mamm = vocab[2].1
        XCTAssertEqual(mamm, VocabItem(unit: "family", lb: "Mamm", pos: .noun, gender: .feminine, en: ["mother", "mum"],
                                       note: "Also \"Mamma\";\tsee\nthe plural"))
        XCTAssertEqual(vocab[0].1.en, ["cat & kitten"])
        XCTAssertEqual(vocab[1].1.lb, "Bam")
    }

    /// Without #columns, Anki's Basic layout: front (Luxembourgish) and back (English), ids made
    /// from the word; a semicolon separator; the unit from #deck.
    func testBasicFrontBackCSVWithDerivedIDs() throws {
        let csv = """
            #separator:Semicolon
            #deck:basics
            Schwëster;sister
            "Wéi geet et?";How are you?
            Bam;tree / trees
            """
        let root = try writePack(["pack.toml": packManifest(), "list.csv": csv])
        let pack = try loadPack(root)
        XCTAssertEqual(pack.items.map(\.id), ["basics", "schwester", "wei-geet-et", "bam"])
        guard case .vocab(let word)? = pack.items.last?.content else { return XCTFail("not vocab") }
        XCTAssertEqual(word, VocabItem(unit: "basics", lb: "Bam", pos: .other, en: ["tree", "trees"]))
    }

    func testBadHeadersAndRowsAreReportedAtTheirLines() throws {
        let tsv = [
            "#separator:Tab",
            "#html:maybe",
            "#deck:kitchen",
            "#seperator:Tab",
            "#columns:id\tlb\tgendr\ten",
            "kaz\tKaz\tf\tcat",
        ].joined(separator: "\n")
        let csv = """
            #deck:basics
            #columns:id,lb,gender,plural,en
            kaz,Kaz,f,Kazen,cat
            hond,Hond,m,"Hënn,dog
            """
        let root = try writePack(["pack.toml": packManifest(), "a.tsv": tsv, "b.csv": csv])
        XCTAssertEqual(packProblems(root).map(\.description), [
            #"a.tsv:2: #html must be true or false, not "maybe""#,
            #"a.tsv:3: deck "kitchen" is not a unit declared in pack.toml (declared: basics)"#,
            #"a.tsv:4: unknown header #seperator (did you mean #separator?)"#,
            #"a.tsv:5: unknown column "gendr" (did you mean "gender"?)"#,
            #"b.csv:4: a quoted field is not closed (a " is missing)"#,
        ])
    }

    func testDuplicateIDsBetweenListAndUnitFile() throws {
        let unit = """
            unit = "basics"

            [[vocab]]
            id = "kaz"
            lb = "Kaz"
            gender = "f"
            en = "cat"
            """
        let tsv = "#deck:basics\n#columns:id\tlb\tgender\ten\nhond\tHond\tm\tdog\nkaz\tKaz\tf\tcat\n"
        let root = try writePack(["pack.toml": packManifest(), "units/basics.toml": unit, "words.tsv": tsv])
        XCTAssertEqual(packProblems(root).map(\.description), [
            #"words.tsv:4: id "kaz" is already used by the vocab at units/basics.toml:4; ids must be unique in a pack"#,
        ])
    }
}
