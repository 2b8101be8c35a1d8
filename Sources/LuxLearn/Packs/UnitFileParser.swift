import LuxTOML

/// Reads one unit file: `[[vocab]]`, `[[verb]]`, `[[phrase]]`, `[[translation]]`, `[[dialogue]]`
/// and `[[grammar]]` entries, each naming its unit or taking the file's `unit = "..."`.
struct UnitFileParser {
    let file: String
    let log: ProblemLog
    let ids: IDRegistry
    /// Units declared in pack.toml that could be read.
    let units: [String: UnitInfo]
    /// Every unit id pack.toml declares (some may have had problems of their own).
    let declaredUnits: [String]

    static let kinds = ["vocab", "verb", "phrase", "translation", "dialogue", "grammar"]
    static let vocabKeys = ["id", "unit", "lb", "pos", "gender", "plural", "en", "alternatives",
                            "example_lb", "example_en", "note"]
    static let verbKeys = ["id", "unit", "infinitive", "en", "auxiliary", "participle", "separable",
                           "example_lb", "example_en", "note"] + Tense.allCases.map(\.rawValue)
    static let phraseKeys = ["id", "unit", "lb", "en", "alternatives", "note"]
    static let translationKeys = ["id", "unit", "direction", "level", "source", "answers", "hint"]
    static let dialogueKeys = ["id", "unit", "title", "situation", "tutor_role", "learner_role", "goal",
                               "opening", "useful_phrases"]
    static let grammarKeys = ["id", "unit", "title", "topics", "body"]

    /// The items of the file, in the order they are written.
    func parse(text: String) -> [PackItem] {
        guard let root = TOMLDocument.parse(text, file: file, log: log) else { return [] }
        let locator = TOMLLocator(text: text)
        let rootReader = TableReader(table: root, ref: .root, file: file, locator: locator, log: log, label: "")
        let fileUnit = rootReader.string("unit")
        if let fileUnit { _ = checkUnit(fileUnit, reader: rootReader) }
        rootReader.rejectUnknownKeys(known: ["unit"] + Self.kinds)

        var items: [PackItem] = []
        for kind in Self.kinds {
            guard let value = root[kind] else { continue }
            guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
                rootReader.problem(kind, value.table != nil
                    ? "write [[\(kind)]] with double brackets, once before each entry"
                    : "\(kind) must be written as [[\(kind)]] entries, not \(TableReader.describe(value))")
                continue
            }
            for (index, element) in array.enumerated() {
                guard let table = element.table else { continue }
                var reader = TableReader(table: table, ref: .init(name: kind, index: index), file: file,
                                         locator: locator, log: log, label: "\(kind) #\(index + 1)")
                let id = reader.id()
                if let id {
                    reader.label = "\(kind) \"\(id)\""
                    ids.add(id, kind: kind, file: file, line: reader.line("id"))
                }
                let unit = itemUnit(reader, fileUnit: fileUnit)
                let content: PackContent?
                switch kind {
                case "vocab": content = vocab(reader, unit: unit?.id).map(PackContent.vocab)
                case "verb": content = verb(reader, unit: unit?.id).map(PackContent.verb)
                case "phrase": content = phrase(reader, unit: unit?.id).map(PackContent.phrase)
                case "translation": content = translation(reader, unit: unit).map(PackContent.translation)
                case "dialogue": content = dialogue(reader, unit: unit?.id).map(PackContent.dialogue)
                default: content = grammar(reader, unit: unit?.id).map(PackContent.grammar)
                }
                if let id, let content {
                    items.append(PackItem(id: id, content: content, file: file, line: reader.line("id")))
                }
            }
        }
        return items.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    // MARK: - Units

    /// Whether `unit` is declared; notes it at `reader`'s `unit` key if not.
    private func checkUnit(_ unit: String, reader: TableReader) -> Bool {
        if declaredUnits.contains(unit) { return true }
        let known = declaredUnits.isEmpty ? "pack.toml declares none" : "declared: \(declaredUnits.joined(separator: ", "))"
        reader.problem("unit", "unit \"\(unit)\" is not declared in pack.toml (\(known))")
        return false
    }

    /// The entry's own unit, else the file's; nil (with a problem noted once) when neither works.
    private func itemUnit(_ reader: TableReader, fileUnit: String?) -> UnitInfo? {
        if let own = reader.string("unit") {
            return checkUnit(own, reader: reader) ? units[own] : nil
        }
        guard let fileUnit else {
            reader.problem(nil, "no unit: write unit = \"...\" at the top of the file or in this entry")
            return nil
        }
        // An undeclared file unit was already reported at its line.
        return units[fileUnit]
    }

    // MARK: - Kinds

    private func vocab(_ r: TableReader, unit: String?) -> VocabItem? {
        let lb = r.string("lb", required: true)
        let pos = r.choice("pos", expected: "a part of speech (\(PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", ")))") {
            PartOfSpeech(rawValue: $0.lowercased())
        }
        let gender = r.choice("gender", expected: "m, f or n") { Gender(rawValue: $0.lowercased()) }
        let plural = r.list("plural")
        let en = r.list("en", required: true)
        let alternatives = r.list("alternatives")
        let example = self.example(r)
        let note = r.string("note")
        r.rejectUnknownKeys(known: Self.vocabKeys)
        let effectivePOS = pos ?? (r.has("gender") ? .noun : .other)
        var ok = true
        if effectivePOS == .noun, gender == nil, !r.has("gender") {
            r.problem("pos", "a noun needs gender = \"m\", \"f\" or \"n\"")
            ok = false
        }
        if effectivePOS != .noun {
            if r.has("gender") { r.problem("gender", "gender is only for nouns (pos is \(effectivePOS.rawValue))"); ok = false }
            if !(plural ?? []).isEmpty { r.problem("plural", "plural is only for nouns (pos is \(effectivePOS.rawValue))"); ok = false }
        }
        // Whatever is missing here was noted above; the pack will not load, so dropping is safe.
        guard ok, let unit, let lb, let en else { return nil }
        return VocabItem(unit: unit, lb: lb, pos: effectivePOS, gender: gender, plural: plural ?? [], en: en,
                         alternatives: alternatives ?? [], example: example, note: note)
    }

    private func verb(_ r: TableReader, unit: String?) -> VerbItem? {
        let infinitive = r.string("infinitive", required: true)
        let en = r.list("en", required: true)
        let auxiliary = r.choice("auxiliary", required: true, expected: "hunn or sinn") { Auxiliary(rawValue: $0.lowercased()) }
        let participles = r.list("participle", required: true)
        var cells: [Tense: [[String]]] = [:]
        var cellsOK = true
        for (tense, count) in VerbForms.tenseKeys {
            let persons = tense == .imperative ? VerbForms.imperativePersons : VerbForms.sixPersons
            if let tenseCells = r.cells(tense.rawValue, count: count, persons: persons) {
                cells[tense] = tenseCells
            } else if r.has(tense.rawValue) {
                cellsOK = false
            }
        }
        if !r.has(Tense.present.rawValue) {
            r.problem(nil, "missing present (6 forms: \(VerbForms.sixPersons))")
        }
        let separable = r.string("separable")
        let example = self.example(r)
        let note = r.string("note")
        r.rejectUnknownKeys(known: Self.verbKeys)
        guard cellsOK, cells[.present] != nil, let unit, let infinitive, let en, let auxiliary, let participles
        else { return nil }
        let table = VerbForms.table(infinitive: infinitive, auxiliary: auxiliary, participles: participles, cells: cells)
        return VerbItem(unit: unit, table: table, en: en, separablePrefix: separable, example: example, note: note)
    }

    private func phrase(_ r: TableReader, unit: String?) -> PhraseItem? {
        let lb = r.string("lb", required: true)
        let en = r.list("en", required: true)
        let alternatives = r.list("alternatives")
        let note = r.string("note")
        r.rejectUnknownKeys(known: Self.phraseKeys)
        guard let unit, let lb, let en else { return nil }
        return PhraseItem(unit: unit, lb: lb, en: en, alternatives: alternatives ?? [], note: note)
    }

    private func translation(_ r: TableReader, unit: UnitInfo?) -> TranslationItem? {
        let directions = TranslationDirection.allCases.map(\.rawValue).joined(separator: " or ")
        let direction = r.choice("direction", required: true, expected: directions) {
            TranslationDirection(rawValue: $0.lowercased())
        }
        let level = r.level()
        let source = r.string("source", required: true)
        let answers = r.list("answers", required: true)
        let hint = r.string("hint")
        r.rejectUnknownKeys(known: Self.translationKeys)
        guard let unit, let direction, let source, let answers else { return nil }
        return TranslationItem(unit: unit.id, direction: direction, level: level ?? unit.level, source: source,
                               answers: answers, hint: hint)
    }

    private func dialogue(_ r: TableReader, unit: String?) -> DialogueItem? {
        let title = r.string("title", required: true)
        let situation = r.string("situation", required: true)
        let tutorRole = r.string("tutor_role", required: true)
        let learnerRole = r.string("learner_role", required: true)
        let goal = r.string("goal", required: true)
        let opening = r.string("opening", required: true)
        let phrases = r.list("useful_phrases")
        r.rejectUnknownKeys(known: Self.dialogueKeys)
        guard let unit, let title, let situation, let tutorRole, let learnerRole, let goal, let opening
        else { return nil }
        return DialogueItem(unit: unit, title: title, situation: situation, tutorRole: tutorRole,
                            learnerRole: learnerRole, goal: goal, opening: opening, usefulPhrases: phrases ?? [])
    }

    private func grammar(_ r: TableReader, unit: String?) -> GrammarNote? {
        let title = r.string("title", required: true)
        let topics = r.list("topics")
        let body = r.string("body", required: true)
        r.rejectUnknownKeys(known: Self.grammarKeys)
        guard let unit, let title, let body else { return nil }
        return GrammarNote(unit: unit, title: title, topics: topics ?? [], body: body)
    }

    /// `example_lb` and `example_en` go together.
    private func example(_ r: TableReader) -> Example? {
        let lb = r.string("example_lb")
        let en = r.string("example_en")
        switch (lb, en) {
        case let (lb?, en?):
            return Example(lb: lb, en: en)
        case (_?, nil):
            r.problem("example_lb", "example_lb needs example_en (its English translation)")
        case (nil, _?):
            r.problem("example_en", "example_en needs example_lb (the Luxembourgish sentence)")
        case (nil, nil):
            break
        }
        return nil
    }
}
