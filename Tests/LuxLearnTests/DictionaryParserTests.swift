import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LuxLearn
import XCTest

/// The LOD reader against real LOD entries (Fixtures/lod, CC0): every field it keeps, checked
/// against values read off the XML by hand and, for every conjugation cell, against Foundation's
/// own XML parser.
final class DictionaryParserTests: XCTestCase {
    func testGoenHasTheWholeTableOfTheXML() throws {
        let goen = try LODFixtures.entry("GOEN1")
        XCTAssertEqual(goen.headword, "goen")
        XCTAssertEqual(goen.lodPartOfSpeech, "VRB")
        XCTAssertEqual(goen.partOfSpeech, .verb)
        XCTAssertEqual(goen.auxiliaries, [.sinn])
        XCTAssertEqual(goen.participles, ["gaangen", "gaang"])
        XCTAssertEqual(goen.conjugations.count, 1)
        let table = try XCTUnwrap(goen.conjugation)
        XCTAssertEqual(table.infinitive, "goen")
        XCTAssertEqual(table.auxiliary, .sinn)
        XCTAssertEqual(table.participles, ["gaangen", "gaang"])
        XCTAssertEqual(table.tenses, Tense.allCases)
        func column(_ tense: Tense) -> [[String]] { Person.allCases.map { table.forms(tense, $0) } }
        XCTAssertEqual(column(.present), [["ginn"], ["gees"], ["geet"], ["ginn"], ["gitt"], ["ginn"]])
        XCTAssertEqual(column(.imperfect), [["goung"], ["goungs"], ["goung"], ["goungen"], ["goungt"], ["goungen"]])
        XCTAssertEqual(column(.perfect), [["si gaangen", "si gaang"], ["bass gaangen", "bass gaang"],
                                          ["ass gaangen", "ass gaang"], ["si gaangen", "si gaang"],
                                          ["sidd gaangen", "sidd gaang"], ["si gaangen", "si gaang"]])
        XCTAssertEqual(column(.pluperfect)[3], ["ware gaangen", "ware gaang"])
        XCTAssertEqual(column(.conditional), [["géing"], ["géings"], ["géing"], ["géingen"], ["géingt"], ["géingen"]])
        XCTAssertEqual(column(.conditionalCompound)[4], ["géift goen"])
        XCTAssertEqual(column(.conditionalPerfect)[1], ["wiers gaangen", "wiers gaang"])
        XCTAssertEqual(column(.imperative), [[], ["géi!"], [], [], ["gitt!"], []])
    }

    /// Every cell of every fixture verb, read independently with Foundation's XMLParser.
    func testEveryConjugationCellMatchesFoundationsParser() throws {
        var cells = 0
        for path in try LODFixtures.xmlFiles() {
            let expected = try FoundationCells.read(path)
            let entries = try LODReader.entries(at: path)
            XCTAssertEqual(entries.count, 1, path)
            let entry = try XCTUnwrap(entries.first)
            XCTAssertEqual(entry.conjugations.count, expected.count, path)
            for (table, cellsOfTable) in zip(entry.conjugations, expected) {
                var seen = 0
                for tense in Tense.allCases {
                    for person in Person.allCases where !table.forms(tense, person).isEmpty { seen += 1 }
                }
                XCTAssertEqual(seen, cellsOfTable.count, "\(entry.id): cell count")
                for cell in cellsOfTable {
                    XCTAssertEqual(table.forms(cell.tense, cell.person), ConjugationTable.alternatives(inCell: cell.text),
                                   "\(entry.id) \(cell.tense) \(cell.person)")
                    cells += 1
                }
            }
        }
        XCTAssertGreaterThan(cells, 800)
    }

    func testVerbWithBothAuxiliariesHasATableForEach() throws {
        let abriechen = try LODFixtures.entry("ABRIECHEN2")
        XCTAssertEqual(abriechen.auxiliaries, [.hunn, .sinn])
        XCTAssertEqual(abriechen.conjugations.map(\.auxiliary), [.hunn, .sinn])
        XCTAssertEqual(abriechen.conjugations.map { $0.forms(.perfect, .firstSingular) }, [["hunn agebrach"], ["sinn agebrach"]])
        XCTAssertEqual(abriechen.conjugations.map { $0.forms(.present, .thirdSingular) }, [["brécht an"], ["brécht an"]])
        XCTAssertEqual(abriechen.conjugations[1].forms(.pluperfect, .thirdPlural), ["waren agebrach"])
        XCTAssertEqual(abriechen.participles, ["agebrach"])
    }

    func testCellsWithSeveralSpellings() throws {
        // "doen / dinn of": the separable particle after the last spelling belongs to both.
        let ofdoen = try XCTUnwrap(try LODFixtures.entry("OFDOEN1").conjugation)
        XCTAssertEqual(ofdoen.forms(.present, .firstSingular), ["doen of", "dinn of"])
        XCTAssertEqual(ofdoen.forms(.conditional, .secondSingular), ["déits of", "déings of"])
        XCTAssertEqual(ofdoen.forms(.present, .secondSingular), ["dees of"])
        let schafen = try XCTUnwrap(try LODFixtures.entry("SCHAFEN1").conjugation)
        XCTAssertEqual(schafen.forms(.perfect, .thirdSingular), ["huet geschafen", "huet geschaf", "huet geschaaft"])
        // Optional reflexive pronouns stay in the table as the LOD writes them.
        let abonneieren = try XCTUnwrap(try LODFixtures.entry("ABONEIEREN1").conjugation)
        XCTAssertEqual(abonneieren.forms(.present, .thirdSingular), ["abonéiert (sech)"])
        XCTAssertEqual(ConjugationTable.alternatives(inCell: "si gaangen / gaang"), ["si gaangen", "si gaang"])
        XCTAssertEqual(ConjugationTable.alternatives(inCell: "déit / déing of"), ["déit of", "déing of"])
        XCTAssertEqual(ConjugationTable.alternatives(inCell: "wieren / wären"), ["wieren", "wären"])
    }

    func testNounsHaveGenderAndPlurals() throws {
        let cases: [(id: String, headword: String, genders: [Gender], plurals: [String])] = [
            ("HAUS1", "Haus", [.neuter], ["Haiser", "Haus"]),
            ("HOND1", "Hond", [.masculine], ["Hënn", "Honn"]),
            ("KAZ1", "Kaz", [.feminine], ["Kazen"]),
            ("A1", "A", [.neuter], ["Aen"]),
            ("BESCH1", "Bësch", [.masculine], ["Bëscher"]),
            ("AGENDA1", "Agenda", [.masculine, .feminine], ["Agendaen"]),
        ]
        for item in cases {
            let entry = try LODFixtures.entry(item.id)
            XCTAssertEqual(entry.headword, item.headword)
            XCTAssertEqual(entry.partOfSpeech, .noun, item.id)
            XCTAssertEqual(entry.genders, item.genders, item.id)
            XCTAssertEqual(entry.plurals, item.plurals, item.id)
            XCTAssertFalse(entry.pluralOnly, item.id)
            XCTAssertTrue(entry.conjugations.isEmpty, item.id)
        }
        // "INDEF": a plural-only noun has no gender.
        let elteren = try LODFixtures.entry("ELTEREN1")
        XCTAssertEqual(elteren.genders, [])
        XCTAssertTrue(elteren.pluralOnly)
        XCTAssertEqual(elteren.plurals, [])
        // A spelling variant points at the entry of the standard spelling.
        let aadler = try LODFixtures.entry("AADLER1")
        XCTAssertEqual(aadler.references, [DictionaryReference(target: "ADLER1", kind: "VARIANTE-ORTHOGRAPHIQUE")])
        XCTAssertEqual(aadler.references.first?.label, "spelling variant of")
        XCTAssertEqual(aadler.senses, [])
    }

    func testAdjectivesHaveTheirComparisonAndDeclension() throws {
        let schein = try LODFixtures.entry("SCHEIN1")
        XCTAssertEqual(schein.partOfSpeech, .adjective)
        XCTAssertEqual(schein.comparative, "méi schéin")
        XCTAssertEqual(schein.superlative, "am schéinsten")
        XCTAssertEqual(Array(schein.declinedForms.prefix(3)), ["schéinen", "schéin", "schéiner"])
        XCTAssertNil(schein.category)
    }

    func testSensesKeepTranslationsNotesAndExamples() throws {
        let eye = try XCTUnwrap(try LODFixtures.entry("A1").senses.first)
        XCTAssertEqual(eye.id, "A1UNI1")
        XCTAssertEqual(eye.en, [DictionaryEquivalent("eye", note: "organ of sight")])
        XCTAssertEqual(eye.de, [DictionaryEquivalent("Auge", note: "Sehorgan")])
        XCTAssertEqual(eye.fr, [DictionaryEquivalent("œil", note: "organe visuel")])
        XCTAssertEqual(eye.pt, [DictionaryEquivalent("olho", note: "órgão da visão")])
        // Pieces joined with spaces, except after an apostrophe.
        XCTAssertEqual(eye.examples[0], DictionaryExample("déi Blus passt gutt bei deng blo Aen"))
        XCTAssertEqual(eye.examples[2], DictionaryExample("ech hunn hie riicht an d'Ae gekuckt"))

        let goen = try LODFixtures.entry("GOEN1")
        XCTAssertEqual(goen.senses.count, 22)
        let walk = goen.senses[0]
        XCTAssertEqual(walk.en.map(\.text), ["to go", "to walk"])
        XCTAssertEqual(walk.fr, [DictionaryEquivalent("marcher"), DictionaryEquivalent("aller", note: "à pied")])
        XCTAssertEqual(walk.examples.last, DictionaryExample("vum Fale léieren d'Kanner g.!",
                                                             gloss: "duerch d'Feeler, déi ee mécht, léiert ee villes bäi"))
        XCTAssertEqual(goen.senses.first { $0.id == "GOEN1UNI11" }?.phrase, "goen ëm")
        XCTAssertEqual(Array(goen.english.prefix(3)), ["to go", "to walk", "to let oneself go"])
    }

    func testInflectedFormsSayWhatTheyAre() throws {
        let goen = try LODFixtures.entry("GOEN1")
        let forms = Dictionary(uniqueKeysWithValues: goen.inflectedForms.map { ($0.form, $0.description) })
        XCTAssertEqual(forms["geet"], "present 3sg")
        XCTAssertEqual(forms["ginn"], "present 1sg, 1pl, 3pl")
        XCTAssertEqual(forms["gitt"], "present 2pl; imperative 2pl")
        XCTAssertEqual(forms["géi"], "imperative 2sg")
        XCTAssertEqual(forms["ass gaangen"], "perfect 3sg")
        XCTAssertEqual(forms["géif goen"], "conditional with géif 1sg, 3sg")
        XCTAssertEqual(forms["gaang"], "past participle")
        XCTAssertNil(forms["goen"], "the headword is found as the headword")
        XCTAssertFalse(goen.inflectedForms.contains { $0.form.hasSuffix("!") })

        let abriechen = try LODFixtures.entry("ABRIECHEN2").inflectedForms
        XCTAssertTrue(abriechen.contains(DictionaryForm(form: "brécht an", description: "present 3sg")))
        XCTAssertTrue(abriechen.contains(DictionaryForm(form: "brécht", description: "present 3sg (in “brécht an”)")))
        XCTAssertTrue(abriechen.contains(DictionaryForm(form: "sinn agebrach", description: "perfect 1sg, 1pl, 3pl")))

        let abonneieren = try LODFixtures.entry("ABONEIEREN1").inflectedForms.map(\.form)
        XCTAssertTrue(abonneieren.contains("abonéiert"))
        XCTAssertFalse(abonneieren.contains { $0.contains("(") })

        XCTAssertEqual(try LODFixtures.entry("HAUS1").inflectedForms, [DictionaryForm(form: "Haiser", description: "plural")])
        let schein = try LODFixtures.entry("SCHEIN1").inflectedForms
        XCTAssertEqual(schein.first, DictionaryForm(form: "méi schéin", description: "comparative"))
        XCTAssertTrue(schein.contains(DictionaryForm(form: "schéinen", description: "declined form")))
    }

    func testKeysIgnoreCaseDiacriticsAndApostropheVariants() {
        XCTAssertEqual(DictionaryKey.normalize("GËTT"), "gett")
        XCTAssertEqual(DictionaryKey.normalize("kënnen"), DictionaryKey.normalize("KENNEN"))
        XCTAssertEqual(DictionaryKey.normalize("Kéier"), "keier")
        XCTAssertEqual(DictionaryKey.normalize("Äddi"), "addi")
        XCTAssertEqual(DictionaryKey.normalize("d’Haus"), "d'haus")
        XCTAssertEqual(DictionaryKey.normalize("d‘Haus"), DictionaryKey.normalize("d'Haus"))
        XCTAssertEqual(DictionaryKey.normalize("  bekannt \t maachen "), "bekannt maachen")
        XCTAssertEqual(DictionaryKey.normalize("Œuvre"), "oeuvre")
        XCTAssertEqual(DictionaryKey.normalize("Stroß"), "stross")
        XCTAssertEqual(DictionaryKey.normalize("Pâtisserie"), "patisserie")
        XCTAssertEqual(DictionaryKey.normalize("e\u{308}"), "e") // a combining diaeresis
    }

    // MARK: - The XML itself

    func testOneBigFileReadsLikeTheFolderWhateverTheBufferSize() throws {
        let folder = try LODReader.entries(at: LODFixtures.directory())
        XCTAssertEqual(folder.map(\.id), try LODFixtures.xmlFiles().map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".xml", with: "") })
        let single = try LODFixtures.singleFile(in: temporaryDirectory())
        XCTAssertEqual(try LODReader.entries(at: single), folder)
        // Tiny buffers cut every kind of token somewhere; the result must not change.
        for size in [8, 13, 100, 4096] {
            var entries: [DictionaryEntry] = []
            try LODReader.read(single, readBufferSize: size) { entries.append($0) }
            XCTAssertEqual(entries, folder, "buffer of \(size) bytes")
        }
    }

    func testMalformedXMLNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lod:LOD xmlns:lod=\"http://www.lod.lu/\">\n"
        let item = "  <lod:ITEM>\n    <lod:META lod:ID=\"X1\"/>\n    <lod:ARTICLE><lod:ITEM-ADRESSE>x</lod:ITEM-ADRESSE></lod:ARTICLE>\n  </lod:ITEM>\n"
        let cases: [(text: String, line: Int, message: String)] = [
            (head + item + "  <lod:ITEM>\n    <lod:META lod:ID=\"X2\">\n  </lod:ITEM>\n</lod:LOD>\n", 9,
             "does not match <lod:META> opened at line 8"),
            (head + item, 6, "the file ends inside <lod:LOD> opened at line 2"),
            (head + "  <lod:ITEM>\n   <lod:TEXTE>Fish & Chips</lod:TEXTE>\n", 4, "bad entity reference"),
            (head + "  <lod:ITEM>\n    <lod:META lod:ID=X1/>\n", 4, "is not quoted"),
            (head + item + "</lod:LOD>\ntrailing text\n", 8, "text outside the root element"),
            (head + item + "</lod:LOD>\n<lod:LOD/>\n", 8, "a second root element"),
            (head + "  <lod:ITEM lod:a=\"1\" lod:a=\"2\">\n", 3, "repeated"),
            (head + "\n\n  <lod:ITEM>\u{FFFD}<1bad/>\n", 5, "'<' is not followed by a tag name"),
            ("<lod:LOD>\n<?xml version=\"1.0\"?>\n</lod:LOD>", 2, "XML declaration must be at the very start"),
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<lod:LOD/>", 1, "only UTF-8 is read"),
            ("", 1, "no root element"),
        ]
        for (index, item) in cases.enumerated() {
            let path = (directory as NSString).appendingPathComponent("bad\(index).xml")
            try Data(item.text.utf8).write(to: URL(fileURLWithPath: path))
            do {
                _ = try LODReader.entries(at: path)
                XCTFail("case \(index) was read")
            } catch let error as XMLSyntaxError {
                XCTAssertEqual(error.file, path, "case \(index)")
                XCTAssertEqual(error.line, item.line, "case \(index): \(error)")
                XCTAssertTrue(error.message.contains(item.message), "case \(index): \(error)")
                XCTAssertTrue(error.description.hasPrefix("\(path):\(item.line): malformed XML: "))
                XCTAssertFalse(error.description.contains("\n"))
            }
        }
        // Bytes that are not UTF-8.
        let latin1 = (directory as NSString).appendingPathComponent("latin1.xml")
        try Data(Array("<lod:LOD>\n<lod:TEXTE>K".utf8) + [0xE9] + Array("ier</lod:TEXTE>\n</lod:LOD>".utf8))
            .write(to: URL(fileURLWithPath: latin1))
        XCTAssertThrowsError(try LODReader.entries(at: latin1)) { error in
            XCTAssertEqual((error as? XMLSyntaxError)?.line, 2)
            XCTAssertEqual((error as? XMLSyntaxError)?.message, "text is not valid UTF-8")
        }
    }

    func testWellFormedOddities() throws {
        // Comments, CDATA, character references, single quotes, a DOCTYPE and CRLF line ends are all XML.
        let text = "\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\r\n<!DOCTYPE lod [ <!ELEMENT x ANY> ]>\r\n<!-- LOD -->\r\n"
            + "<lod:LOD xmlns:lod='http://www.lod.lu/'><lod:ITEM><lod:META lod:ID='Q1'/>"
            + "<lod:ITEM-ADRESSE><![CDATA[Fish]]> &amp; &#67;hips&#x21;</lod:ITEM-ADRESSE></lod:ITEM></lod:LOD>\r\n"
        let path = (try temporaryDirectory() as NSString).appendingPathComponent("odd.xml")
        let data = Data(text.utf8)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF]) // the byte order mark
        try data.write(to: URL(fileURLWithPath: path))
        let entries = try LODReader.entries(at: path)
        XCTAssertEqual(entries.map(\.headword), ["Fish & Chips!"])
        XCTAssertEqual(entries.map(\.lodPartOfSpeech), ["UNKNOWN"])
    }

    func testEntriesMustHaveAnIdAndAHeadword() throws {
        let directory = try temporaryDirectory()
        let noID = (directory as NSString).appendingPathComponent("noid.xml")
        try Data("<lod:LOD>\n<lod:ITEM>\n<lod:ITEM-ADRESSE>x</lod:ITEM-ADRESSE>\n</lod:ITEM>\n</lod:LOD>".utf8)
            .write(to: URL(fileURLWithPath: noID))
        XCTAssertThrowsError(try LODReader.entries(at: noID)) { error in
            XCTAssertEqual(error as? DictionaryImportError,
                           .badEntry(file: noID, line: 2, message: "an <lod:ITEM> without an lod:ID in its <lod:META>"))
        }
        let noItems = (directory as NSString).appendingPathComponent("empty.xml")
        try Data("<lod:LOD></lod:LOD>".utf8).write(to: URL(fileURLWithPath: noItems))
        XCTAssertThrowsError(try LODReader.entries(at: noItems)) { error in
            XCTAssertEqual(error as? DictionaryImportError, .noEntries(path: noItems))
        }
        XCTAssertThrowsError(try LODReader.entries(at: directory + "/missing")) { error in
            XCTAssertEqual((error as? DictionaryImportError)?.description, "\(directory)/missing: no such file or directory")
        }
    }

    func testConjugationTextIsAligned() throws {
        XCTAssertEqual(ConjugationText.cell(["si gaangen", "si gaang"]), "si gaangen / gaang")
        XCTAssertEqual(ConjugationText.cell(["déit of", "déing of"]), "déit / déing of")
        XCTAssertEqual(ConjugationText.cell(["wieren", "wären"]), "wieren / wären")
        XCTAssertEqual(ConjugationText.cell([]), "")
        let table = try XCTUnwrap(try LODFixtures.entry("GOEN1").conjugation)
        let lines = ConjugationText.lines(table, width: 80)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        XCTAssertEqual(lines[0].split(separator: " ").prefix(3), ["present", "perfect", "imperative"])
        XCTAssertEqual(lines[3], "hien/hatt/si   geet      ass gaangen / gaang                 goung")
        XCTAssertEqual(lines[2].split(separator: " ", omittingEmptySubsequences: true).last, "goungs")
        // Each tense once, in the documented order.
        let headers = lines.enumerated().filter { $0.offset == 0 || (lines.indices.contains($0.offset - 1) && lines[$0.offset - 1].isEmpty) }
            .flatMap { $0.element.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        XCTAssertEqual(headers, ConjugationText.order.map(\.readableName))
        XCTAssertEqual(ConjugationText.lines(table, width: 1000).count, 7)
    }

    private func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("lux-dict-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}

/// The LOD entries under Tests/LuxLearnTests/Fixtures/lod.
enum LODFixtures {
    static func directory() throws -> String {
        let base = try XCTUnwrap(Bundle.module.resourceURL, "test bundle has no resources")
        return base.appendingPathComponent("Fixtures/lod").path
    }

    static func xmlFiles() throws -> [String] {
        let directory = try directory()
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    static func entry(_ id: String) throws -> DictionaryEntry {
        let entries = try LODReader.entries(at: (try directory() as NSString).appendingPathComponent("\(id).xml"))
        return try XCTUnwrap(entries.first { $0.id == id })
    }

    /// The fixtures as the LOD publishes its data: one file, one <lod:LOD> root holding every
    /// <lod:ITEM>, made by cutting each file's item out and putting them together.
    static func singleFile(in directory: String) throws -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lod:LOD xmlns:lod=\"http://www.lod.lu/\">\n"
        for path in try xmlFiles() {
            let file = try String(contentsOfFile: path, encoding: .utf8)
            let start = try XCTUnwrap(file.range(of: "<lod:ITEM>"))
            let end = try XCTUnwrap(file.range(of: "</lod:ITEM>", options: .backwards))
            text += "  " + file[start.lowerBound ..< end.upperBound] + "\n"
        }
        text += "</lod:LOD>\n"
        let path = (directory as NSString).appendingPathComponent("lod.xml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Conjugation cells read with Foundation's XMLParser, as an independent check of our scanner.
private final class FoundationCells: NSObject, XMLParserDelegate {
    struct Cell {
        let tense: Tense
        let person: Person
        let text: String
    }

    private var path: [String] = []
    private var text = ""
    private(set) var tables: [[Cell]] = []

    static func read(_ path: String) throws -> [[Cell]] {
        let parser = try XCTUnwrap(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let cells = FoundationCells()
        parser.delegate = cells
        XCTAssertTrue(parser.parse(), path)
        return cells.tables
    }

    private static let tenses: [String: Tense] = [
        "INDICATIF/PRESENT": .present, "INDICATIF/IMPARFAIT": .imperfect, "INDICATIF/PASSE-COMPOSE": .perfect,
        "INDICATIF/PLUS-QUE-PARFAIT": .pluperfect, "CONDITIONNEL/PRESENT-SIMPLE": .conditional,
        "CONDITIONNEL/PRESENT-COMPOSE": .conditionalCompound, "CONDITIONNEL/PASSE-COMPOSE": .conditionalPerfect,
        "IMPERATIF/PRESENT": .imperative,
    ]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = String(name.split(separator: ":").last ?? "")
        path.append(local)
        text = ""
        if local == "INDICATIF", path.contains("FLX-VRB") { tables.append([]) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { path.removeLast() }
        guard path.count >= 3, path.contains("FLX-VRB"), let last = path.last, last.hasPrefix("P"),
              let person = Int(last.dropFirst()).flatMap(Person.init(rawValue:)),
              let tense = Self.tenses["\(path[path.count - 3])/\(path[path.count - 2])"], !tables.isEmpty else { return }
        tables[tables.count - 1].append(Cell(tense: tense, person: person, text: text.trimmingCharacters(in: .whitespaces)))
    }
}
