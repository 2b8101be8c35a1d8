/// One question of the eval set (a line of `Assets/eval/*.jsonl`; the format is in docs/eval.md).
public struct EvalQuestion: Sendable, Equatable {
    public var id: String
    public var category: EvalCategory
    public var difficulty: EvalDifficulty
    /// A text to read or a transcript to "hear", shown before the question.
    public var passage: String?
    public var question: String
    /// Options for a multiple-choice question, shown as A), B), ...
    public var choices: [String]
    /// A model answer for the judge (not the only right one: see `notes`).
    public var reference: String
    /// What the judge should accept, reward and penalise.
    public var notes: String
    /// A deterministic check that scores the answer without the judge.
    public var check: EvalCheck?
    /// Luxembourgish forms, genders and plurals the question and its reference rely on, so a
    /// test can hold them against the LOD.
    public var facts: [EvalFact]

    public init(id: String, category: EvalCategory, difficulty: EvalDifficulty, passage: String? = nil,
                question: String, choices: [String] = [], reference: String, notes: String,
                check: EvalCheck? = nil, facts: [EvalFact] = []) {
        self.id = id
        self.category = category
        self.difficulty = difficulty
        self.passage = passage
        self.question = question
        self.choices = choices
        self.reference = reference
        self.notes = notes
        self.check = check
        self.facts = facts
    }

    public var cell: EvalCell { EvalCell(category, difficulty) }

    /// The letters of the choices: A, B, C, ...
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + max(0, min(index, 25)))))
    }

    /// The question as the answering model sees it: passage, question, lettered choices.
    public var promptText: String {
        var parts: [String] = []
        if let passage { parts.append("Text:\n\(passage)") }
        parts.append(question)
        if !choices.isEmpty {
            parts.append(choices.enumerated().map { "\(Self.letter($0.offset))) \($0.element)" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A short hash of everything that decides how the question is asked and scored: a stored
    /// result is reused only while it matches.
    public var contentHash: String {
        var text = [id, category.rawValue, difficulty.rawValue, passage ?? "", question, reference, notes]
        text += choices
        if let check { text.append(check.description) }
        return StableHash.hex(text.joined(separator: "\u{1F}"))
    }
}

/// A deterministic way to score an answer.
public enum EvalCheck: Sendable, Equatable, CustomStringConvertible {
    /// The answer names choice `letter` ("B").
    case choice(letter: String)
    /// The answer is one of `forms` (the LOD's, checked by a test) of `verb` in `tense` and `person`;
    /// with a dictionary imported, every spelling the dictionary accepts counts too.
    case conjugation(verb: String, tense: Tense, person: Person, forms: [String])

    public var description: String {
        switch self {
        case .choice(let letter): "choice \(letter)"
        case .conjugation(let verb, let tense, let person, let forms):
            "conjugation \(verb) \(tense.rawValue) \(person.code): \(forms.joined(separator: " / "))"
        }
    }
}

/// A fact of Luxembourgish grammar a question relies on, checked against the LOD by a test.
public enum EvalFact: Sendable, Equatable {
    /// A noun's gender and/or one of its plurals.
    case noun(String, gender: Gender?, plural: String?)
    /// One cell of a verb's conjugation table.
    case verbForm(String, tense: Tense, person: Person, form: String)
    /// A verb's past participle and/or its perfect auxiliary.
    case participle(String, participle: String?, auxiliary: Auxiliary?)
}

/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine.
public enum StableHash {
    public static func value(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The hash as 16 hex digits.
    public static func hex(_ text: String) -> String {
        let digits = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
