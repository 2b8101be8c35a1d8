import Foundation
import LuxLearn
import XCTest

/// The shipped question set (Assets/eval): it loads, its cells are filled, its checks make sense,
/// and every conjugation answer and recorded fact agrees with the LOD.
final class EvalQuestionSetTests: XCTestCase {
    static var assets: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets/eval").path
    }

    func testShippedSetLoadsAndEveryCellIsFilled() throws {
        let set = try EvalQuestionSet.load(path: Self.assets)
        let counts = set.counts
        XCTAssertEqual(counts.count, 64)
        print("eval question set:\n" + EvalCounts.table(set))
        // Every cell has reached the target; a cell that falls below it again fails here, named with its gap.
        for (cell, missing) in EvalCounts.gaps(set) {
            XCTFail("\(cell.category.rawValue)/\(cell.difficulty.rawValue) has \(EvalCounts.target - missing) questions, "
                + "\(missing) short of \(EvalCounts.target)")
        }
        XCTAssertEqual(set.questions.count, counts.values.reduce(0, +))
    }

    func testChecksSuitTheirCategories() throws {
        let set = try EvalQuestionSet.load(path: Self.assets)
        for q in set.questions {
            switch q.check {
            case .choice?:
                XCTAssertGreaterThanOrEqual(q.choices.count, 2, q.id)
            case .conjugation(_, _, _, let forms)?:
                XCTAssertFalse(forms.isEmpty, q.id)
            case nil:
                XCTAssertTrue(q.choices.isEmpty, "\(q.id) has choices but no choice check")
            }
            if q.category == .multipleChoice {
                guard case .choice? = q.check else { return XCTFail("\(q.id): a multiple-choice question needs a choice check") }
            }
            if q.category == .verbConjugation {
                guard case .conjugation? = q.check else { return XCTFail("\(q.id): a conjugation question needs a conjugation check") }
            }
            // The reference of a choice question is the right choice's text.
            if case .choice(let letter)? = q.check, let index = (0 ..< q.choices.count).first(where: { EvalQuestion.letter($0) == letter }) {
                XCTAssertTrue(q.reference.contains(q.choices[index]), "\(q.id): the reference does not name choice \(letter)")
            }
        }
    }

    func testConjugationAnswersAndFactsMatchLOD() throws {
        let (directory, explicit) = LODEntries.configuredDirectory()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            if explicit { return XCTFail("LUX_LOD_DIR: no LOD XML folder at \(directory)") }
            throw XCTSkip("no LOD at \(directory); set LUX_LOD_DIR to the LOD's XML folder to run the check")
        }
        let set = try EvalQuestionSet.load(path: Self.assets)
        let lod = LODEntries(directory: directory)
        var failures: [String] = []
        var checked = 0
        func forms(_ verb: String, _ tense: Tense, _ person: Person) -> Set<String> {
            Set(lod.entries(verb).flatMap(\.conjugations).flatMap { ConjugationForms.answers($0, tense, person) }.map(Self.plain))
        }
        for q in set.questions {
            if case .conjugation(let verb, let tense, let person, let answers)? = q.check {
                let known = forms(verb, tense, person)
                for answer in answers where !known.contains(Self.plain(answer)) {
                    failures.append("\(q.id): \(verb) \(tense.rawValue) \(person.code) \"\(answer)\" is not in the LOD (\(known.sorted().joined(separator: ", ")))")
                }
                checked += 1
            }
            for fact in q.facts {
                checked += 1
                switch fact {
                case .noun(let noun, let gender, let plural):
                    let nouns = lod.entries(noun).filter { $0.partOfSpeech == .noun || !$0.genders.isEmpty }
                    if nouns.isEmpty { failures.append("\(q.id): \"\(noun)\" is not a LOD noun"); continue }
                    if let gender, !nouns.contains(where: { $0.genders.contains(gender) }) {
                        failures.append("\(q.id): \(noun) is not \(gender.rawValue) in the LOD")
                    }
                    if let plural, !nouns.contains(where: { $0.plurals.contains(plural) }) {
                        failures.append("\(q.id): \(plural) is not a LOD plural of \(noun)")
                    }
                case .verbForm(let verb, let tense, let person, let form):
                    if !forms(verb, tense, person).contains(Self.plain(form)) {
                        failures.append("\(q.id): \(verb) \(tense.rawValue) \(person.code) \"\(form)\" is not in the LOD")
                    }
                case .participle(let verb, let participle, let auxiliary):
                    let verbs = lod.entries(verb).filter { !$0.conjugations.isEmpty }
                    if let participle, !verbs.contains(where: { $0.participles.contains(participle) }) {
                        failures.append("\(q.id): \(participle) is not a LOD participle of \(verb)")
                    }
                    if let auxiliary, !verbs.contains(where: { $0.auxiliaries.contains(auxiliary) }) {
                        failures.append("\(q.id): \(verb) does not take \(auxiliary.rawValue) in the LOD")
                    }
                }
            }
        }
        XCTAssertEqual(lod.readErrors, [], lod.readErrors.joined(separator: "\n"))
        XCTAssertEqual(failures, [], "\(failures.count) difference(s) from the LOD:\n" + failures.joined(separator: "\n"))
        XCTAssertGreaterThan(checked, 40)
        print("eval set: \(checked) conjugation answers and facts agree with the LOD")
    }

    /// "Géi!" -> "géi": what a form is, without punctuation or case.
    static func plain(_ form: String) -> String {
        AnswerText.words(form).joined(separator: " ").lowercased()
    }

    // MARK: Loading errors

    private func load(_ lines: [String]) throws -> (String, Result<EvalQuestionSet, Error>) {
        let dir = NSTemporaryDirectory() + "lux-eval-set-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/set.jsonl"
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return (file, Result { try EvalQuestionSet.load(path: dir) })
    }

    static let good = #"{"id":"g-1","category":"grammar","difficulty":"beginner","question":"Q?","reference":"R","notes":"N"}"#

    func testEveryProblemIsReportedWithItsFileAndLine() throws {
        let (file, result) = try load([
            Self.good,
            "",
            "// a comment",
            #"{"id":"g-1","category":"grammar","difficulty":"beginner","question":"Q?","reference":"R","notes":"N"}"#,
            #"{"id":"g-2","category":"grammer","difficulty":"expert","question":"Q?","reference":"R","notes":"N"}"#,
            #"{"id":"g-3","category":"grammar","difficulty":"beginner","question":"","reference":"R"}"#,
            #"{"id":"g-4","category":"multiple_choice","difficulty":"native","question":"Q?","choices":["a","b"],"reference":"a","notes":"N","check":{"type":"choice","answer":"C"}}"#,
            #"{"id":"g-5","category":"grammar","difficulty":"beginner","question":"Q?","reference":"R","notes":"N","hint":"x"}"#,
            "{not json",
            #"{"id":"G 6","category":"verb_conjugation","difficulty":"beginner","question":"Q?","reference":"geet","notes":"N","check":{"type":"conjugation","verb":"goen","tense":"presens","person":"3sg"}}"#,
            #"{"id":"g-7","category":"grammar","difficulty":"beginner","question":"Q?","reference":"R","notes":"N","facts":[{"noun":"Haus","gender":"x"}]}"#,
        ])
        guard case .failure(let error as EvalSetError) = result else { return XCTFail("the set loaded") }
        XCTAssertEqual(error.problems, [
            "\(file):4: id \"g-1\" is repeated (first at \(file):1)",
            "\(file):5: unknown category \"grammer\" (known: \(EvalCategory.allCases.map(\.rawValue).joined(separator: ", ")))",
            "\(file):5: unknown difficulty \"expert\" (known: beginner, intermediate, advanced, native)",
            "\(file):6: \"question\" must be a non-empty string",
            "\(file):6: missing \"notes\"",
            "\(file):7: choice check answer \"C\" is not one of A, B",
            "\(file):8: unknown field \"hint\" (fields: category, check, choices, difficulty, facts, id, notes, passage, question, reference)",
            "\(file):9: not valid JSON",
            "\(file):10: id \"G 6\": use lower-case letters, digits, '-', '.' and '_'",
            "\(file):10: unknown tense \"presens\" (known: \(Tense.allCases.map(\.rawValue).joined(separator: ", ")))",
            "\(file):11: facts[0]: gender \"x\" is not m, f or n",
        ])
        XCTAssertEqual(error.description, "\(error.problems[0]) (and 10 more problems)")
    }

    func testAConjugationCheckWithoutFormsTakesTheReference() throws {
        let line = #"{"id":"c-1","category":"verb_conjugation","difficulty":"beginner","question":"Q?","reference":"geet","notes":"N","check":{"type":"conjugation","verb":"goen","tense":"present","person":"3sg"},"facts":[{"verb":"goen","participle":"gaangen","auxiliary":"sinn"}]}"#
        let (_, result) = try load([line])
        let q = try XCTUnwrap(try result.get().questions.first)
        XCTAssertEqual(q.check, .conjugation(verb: "goen", tense: .present, person: .thirdSingular, forms: ["geet"]))
        XCTAssertEqual(q.facts, [.participle("goen", participle: "gaangen", auxiliary: .sinn)])
    }

    func testMissingFolderAndEmptyFolderAreClear() throws {
        XCTAssertThrowsError(try EvalQuestionSet.load(path: "/no/such/eval")) {
            XCTAssertEqual(String(describing: $0), "/no/such/eval: no such file or folder")
        }
        let dir = NSTemporaryDirectory() + "lux-eval-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertThrowsError(try EvalQuestionSet.load(path: dir)) {
            XCTAssertEqual(String(describing: $0), "\(dir): no .jsonl question files")
        }
    }

    // MARK: Selection

    private func sampleSet() -> EvalQuestionSet {
        var questions: [EvalQuestion] = []
        for c in [EvalCategory.vocabulary, .grammar] {
            for d in EvalDifficulty.allCases {
                for i in 1 ... 5 {
                    questions.append(EvalQuestion(id: "\(c.rawValue)-\(d.rawValue)-\(i)", category: c, difficulty: d,
                                                  question: "Q", reference: "R", notes: "N"))
                }
            }
        }
        return EvalQuestionSet(questions: questions.reversed())
    }

    func testSelectionFiltersLimitsPerCellAndKeepsTheCardOrder() {
        let set = sampleSet()
        XCTAssertEqual(set.selecting().count, 40)
        let some = set.selecting(categories: [.vocabulary, .grammar], difficulties: [.native, .beginner], limit: 2)
        // Card order: grammar before vocabulary; beginner before native.
        XCTAssertEqual(some.map(\.id), ["grammar-beginner-5", "grammar-beginner-4", "grammar-native-5", "grammar-native-4",
                                        "vocabulary-beginner-5", "vocabulary-beginner-4", "vocabulary-native-5", "vocabulary-native-4"])
        XCTAssertEqual(set.selecting(categories: [.culturalKnowledge]).count, 0)
    }

    func testSeededSelectionIsReproducibleAndPicksWithinEachCell() {
        let set = sampleSet()
        let a = set.selecting(limit: 2, seed: 7)
        XCTAssertEqual(a.map(\.id), set.selecting(limit: 2, seed: 7).map(\.id))
        XCTAssertEqual(a.count, 16)
        XCTAssertEqual(Set(a.map(\.cell)).count, 8)
        let seeds = (1 ... 5).map { set.selecting(limit: 2, seed: UInt64($0)).map(\.id) }
        XCTAssertGreaterThan(Set(seeds).count, 1, "different seeds always picked the same questions")
        // Narrowing the categories keeps the other cells' picks.
        XCTAssertEqual(set.selecting(categories: [.grammar], limit: 2, seed: 7).map(\.id), a.filter { $0.category == .grammar }.map(\.id))
    }

    func testPromptShowsPassageQuestionAndLetteredChoices() {
        let q = EvalQuestion(id: "x", category: .multipleChoice, difficulty: .beginner, passage: "Moien!",
                             question: "What does it mean?", choices: ["Hello", "Bye"], reference: "Hello", notes: "N",
                             check: .choice(letter: "A"))
        XCTAssertEqual(q.promptText, "Text:\nMoien!\n\nWhat does it mean?\n\nA) Hello\nB) Bye")
        var edited = q
        XCTAssertEqual(edited.contentHash, q.contentHash)
        edited.reference = "Hello!"
        XCTAssertNotEqual(edited.contentHash, q.contentHash)
        XCTAssertEqual(q.contentHash.count, 16)
    }
}
