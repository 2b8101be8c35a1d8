/// Turns the XML events of the LOD export into `DictionaryEntry` values, one per `<lod:ITEM>`,
/// handing each to `emit` as soon as its end tag is read.
///
/// What it reads (all names in the lod: namespace):
/// - `META/@ID`, `ITEM-ADRESSE` (headword), `MS-TYPE-*` (word class), `CAT-GRAM-*` (finer class);
/// - nouns: `GENRE/@GEN`, `FORME-PLURIEL`, `PLURALE-TANTUM`;
/// - verbs: `VRB-AUXILIAIRE/@AUXIL`, `PARTICIPE-PASSE`, and `FLX-VRB`, the tables: moods
///   `INDICATIF`, `CONDITIONNEL`, `IMPERATIF` holding tenses holding cells `P1`...`P6`; a verb
///   with two auxiliaries has a second `INDICATIF` starting its second table;
/// - adjectives: `FLX-ADJ` with `GRONDFORMEN` (comparative, superlative) and `DEKL` (declension);
/// - senses (`UNITE-DE-SENS`): equivalents `ETA`/`ETF`/`ETE`/`ETP-EXPLICITE` (de, fr, en, pt)
///   with their notes, examples (`EXEMPLE`, `EXEMPLE-GLOSE`), synonyms, fixed expressions;
/// - cross references `RENVOI-*/@REF-ID-ITEM-ADRESSE`, their kind being their first child.
struct LODEntryBuilder: XMLEventHandler {
    var file: String
    let emit: (DictionaryEntry, Int) throws -> Void

    private var path: [LODTag] = []
    private var text = ""
    private var capturing = false

    private var inEntry = false
    private var entry = DictionaryEntry(id: "", headword: "", lodPartOfSpeech: "")
    private var entryLine = 0
    private var inVerbFlexion = false
    private var inDeclension = false
    private var tables: [[Tense: [Person: [String]]]] = []
    private var tableInfinitive: String?
    private var flexionParticiples: [String] = []
    private var inSense = false
    private var sense = DictionarySense()
    private var inExample = false
    private var exampleText: [String] = []
    private var exampleGloss: [String] = []
    private var inGloss = false
    private var alternativeNote: String?
    private var pendingReference: (target: String, depth: Int, kind: String)?

    init(file: String, emit: @escaping (DictionaryEntry, Int) throws -> Void) {
        self.file = file
        self.emit = emit
    }

    func tag(for localName: String) -> LODTag { LODTag(localName) }

    // MARK: - Events

    mutating func startElement(_ tag: LODTag, name: String, attributes: XMLAttributes, line: Int) throws {
        path.append(tag)
        text.removeAll(keepingCapacity: true)
        capturing = tag.keepsText
        if tag == .item {
            guard !inEntry else { throw bad(line, "an <lod:ITEM> inside another one") }
            startEntry(line: line)
            return
        }
        guard inEntry else { return }
        if let reference = pendingReference, path.count == reference.depth + 1 {
            entry.references.append(DictionaryReference(target: reference.target, kind: name))
            pendingReference = nil
        }
        switch tag {
        case .meta:
            entry.id = attributes.value("ID") ?? ""
        case .genre:
            // "M", "F", "N", or two of them ("MF"); "INDEF" (Elteren, Leit) says no gender.
            let letters = (attributes.value("GEN") ?? "").map { Gender(lod: String($0)) }
            entry.genders = letters.contains(nil) ? [] : letters.compactMap { $0 }
        case .auxiliary:
            if let auxiliary = attributes.value("AUXIL").flatMap({ Auxiliary(rawValue: $0.lowercased()) }),
               !entry.auxiliaries.contains(auxiliary) {
                entry.auxiliaries.append(auxiliary)
            }
        case .pluralOnly:
            entry.pluralOnly = true
        case .verbFlexion:
            inVerbFlexion = true
        case .indicative where inVerbFlexion:
            // Each INDICATIF opens a table; a verb with both auxiliaries has two.
            tables.append([:])
        case .declension:
            inDeclension = true
        case .sense:
            inSense = true
            sense = DictionarySense(id: attributes.value("ID-UNITE-DE-SENS"))
        case .example:
            inExample = true
            exampleText = []
            exampleGloss = []
        case .gloss:
            inGloss = true
        case .alternativeEquivalent:
            let kind = attributes.value("TYPE-\(name)")
            alternativeNote = kind == "FORME-ADVERBIALE-ADJ" ? "as an adverb" : kind?.lowercased()
        case .wordClass:
            if entry.lodPartOfSpeech.isEmpty { entry.lodPartOfSpeech = String(name.dropFirst("MS-TYPE-".count)) }
        case .wordSubclass:
            if entry.category == nil {
                let kind = name.dropFirst("CAT-GRAM-".count)
                entry.category = attributes.value("C-G-\(kind)") ?? attributes.value("TYPE-\(kind)")
            }
        case .reference:
            if let target = attributes.value("REF-ID-ITEM-ADRESSE") {
                let id = target.hasSuffix("ITE") ? String(target.dropLast(3)) : target
                pendingReference = (id, path.count, name)
            }
        default:
            break
        }
    }

    mutating func text(_ text: XMLText) throws {
        guard capturing else { return }
        if self.text.isEmpty { self.text = text.string } else { self.text += text.string }
    }

    mutating func endElement(_ tag: LODTag) throws {
        defer {
            path.removeLast()
            capturing = false
            text.removeAll(keepingCapacity: true)
        }
        guard inEntry else { return }
        let value = capturing ? Self.tidy(text) : ""
        let parent = path.count >= 2 ? path[path.count - 2] : .other
        if let reference = pendingReference, reference.depth == path.count {
            // A reference without a child element to say what kind it is.
            entry.references.append(DictionaryReference(target: reference.target, kind: reference.kind))
            pendingReference = nil
        }
        switch tag {
        case .item:
            try finishEntry()
        case .headword:
            // The LOD writes the spaces of a several-word headword as "_": "bekannt_maachen".
            if entry.headword.isEmpty { entry.headword = String(value.map { $0 == "_" ? " " : $0 }) }
        case .plural:
            Self.appendDistinct(value, to: &entry.plurals)
        case .participle:
            Self.appendDistinct(value, to: &entry.participles)
        case .infinitive where inVerbFlexion:
            tableInfinitive = value
        case .flexionParticiple where inVerbFlexion:
            flexionParticiples = ConjugationTable.alternatives(inCell: value)
        case let .person(person):
            guard inVerbFlexion, path.count >= 3, !value.isEmpty,
                  let tense = LODTag.tense(mood: path[path.count - 3], element: parent) else { break }
            if tables.isEmpty { tables.append([:]) }
            let forms = value.utf8.contains(UInt8(ascii: "/")) ? ConjugationTable.alternatives(inCell: value) : [value]
            tables[tables.count - 1][tense, default: [:]][person, default: []].append(contentsOf: forms)
        case .verbFlexion:
            inVerbFlexion = false
        case .declension:
            inDeclension = false
        case .comparative where parent == .baseForms:
            entry.comparative = value.isEmpty ? nil : value
        case .superlative where parent == .baseForms:
            entry.superlative = value.isEmpty ? nil : value
        case .grammaticalCase where inDeclension:
            Self.appendDistinct(value, to: &entry.declinedForms)
        case let .equivalent(language):
            addEquivalent(value, to: language.keyPath, note: nil)
        case let .alternativeEquivalent(language):
            addEquivalent(value, to: language.keyPath, note: alternativeNote)
        case let .equivalentNote(language):
            addNote(value, to: language.keyPath)
        case .phrase:
            if inSense, !value.isEmpty { sense.phrase = value }
        case .synonym:
            if inSense, !value.isEmpty { sense.synonyms.append(value) }
        case .exampleText:
            if inExample, !value.isEmpty {
                if inGloss { exampleGloss.append(value) } else { exampleText.append(value) }
            }
        case .gloss:
            inGloss = false
        case .example:
            if inExample, inSense, !exampleText.isEmpty {
                let gloss = Self.joinPieces(exampleGloss)
                sense.examples.append(DictionaryExample(Self.joinPieces(exampleText), gloss: gloss.isEmpty ? nil : gloss))
            }
            inExample = false
        case .sense:
            if inSense, !sense.isEmpty { entry.senses.append(sense) }
            inSense = false
        default:
            break
        }
    }

    // MARK: - Pieces

    private mutating func startEntry(line: Int) {
        inEntry = true
        entry = DictionaryEntry(id: "", headword: "", lodPartOfSpeech: "")
        entryLine = line
        inVerbFlexion = false
        inDeclension = false
        inSense = false
        inExample = false
        inGloss = false
        tables = []
        tableInfinitive = nil
        flexionParticiples = []
        pendingReference = nil
    }

    private mutating func addEquivalent(_ value: String, to language: WritableKeyPath<DictionarySense, [DictionaryEquivalent]>,
                                        note: String?) {
        guard !value.isEmpty, inSense else { return }
        sense[keyPath: language].append(DictionaryEquivalent(value, note: note))
    }

    /// The LOD writes a narrowing note right after the equivalent it belongs to.
    private mutating func addNote(_ value: String, to language: WritableKeyPath<DictionarySense, [DictionaryEquivalent]>) {
        guard !value.isEmpty, inSense, let last = sense[keyPath: language].indices.last else { return }
        let old = sense[keyPath: language][last].note
        sense[keyPath: language][last].note = old.map { "\($0); \(value)" } ?? value
    }

    private mutating func finishEntry() throws {
        inEntry = false
        var done = entry
        guard !done.id.isEmpty else { throw bad(entryLine, "an <lod:ITEM> without an lod:ID in its <lod:META>") }
        guard !done.headword.isEmpty else {
            throw bad(entryLine, "entry \(done.id) has no headword (<lod:ITEM-ADRESSE>)")
        }
        if done.lodPartOfSpeech.isEmpty { done.lodPartOfSpeech = "UNKNOWN" }
        if done.category == done.lodPartOfSpeech { done.category = nil } // "SUBST" again says nothing
        if done.participles.isEmpty { done.participles = flexionParticiples }
        let infinitive = tableInfinitive ?? done.headword
        let participles = flexionParticiples.isEmpty ? done.participles : flexionParticiples
        done.conjugations = tables.enumerated().compactMap { index, forms in
            guard !forms.isEmpty else { return nil }
            let auxiliary = Self.auxiliary(ofPerfect: forms[.perfect]?[.thirdSingular]?.first)
                ?? (index < done.auxiliaries.count ? done.auxiliaries[index] : nil)
            return ConjugationTable(infinitive: infinitive, auxiliary: auxiliary, participles: participles, forms: forms)
        }
        for table in done.conjugations {
            if let auxiliary = table.auxiliary, !done.auxiliaries.contains(auxiliary) { done.auxiliaries.append(auxiliary) }
        }
        try emit(done, entryLine)
    }

    private func bad(_ line: Int, _ message: String) -> DictionaryImportError {
        .badEntry(file: file, line: line, message: message)
    }

    /// The auxiliary a perfect 3sg cell starts with: "huet gemaach" -> hunn, "ass gaangen" -> sinn.
    static func auxiliary(ofPerfect cell: String?) -> Auxiliary? {
        switch cell?.split(separator: " ").first {
        case "huet": .hunn
        case "ass": .sinn
        default: nil
        }
    }

    /// Trims and collapses whitespace runs to one space.
    static func tidy(_ text: String) -> String {
        if isTidy(text) { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// No leading, trailing or doubled space and no tab or line break: most LOD texts.
    private static func isTidy(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if byte == 0x0A || byte == 0x09 || byte == 0x0D {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }

    /// Joins the pieces of an example ("ech hunn hie riicht an d'", "Ae", "gekuckt") with spaces,
    /// except after an apostrophe and before punctuation.
    static func joinPieces(_ pieces: [String]) -> String {
        var out = ""
        for piece in pieces {
            if out.isEmpty {
                out = piece
            } else if out.hasSuffix("'") || out.hasSuffix("’") || piece.first.map({ ",.!?;:)…".contains($0) }) == true {
                out += piece
            } else {
                out += " " + piece
            }
        }
        return out
    }

    private static func appendDistinct(_ value: String, to list: inout [String]) {
        if !value.isEmpty, !list.contains(value) { list.append(value) }
    }
}
