/// The sixteen categories of the LuxLlama model card's LUXELLA table, in the card's order.
public enum EvalCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case translationToEnglish = "translation_to_english"
    case readingComprehension = "reading_comprehension"
    case verbConjugation = "verb_conjugation"
    case multipleChoice = "multiple_choice"
    case translationFromEnglish = "translation_from_english"
    case translation
    case listeningComprehensionSimulation = "listening_comprehension_simulation"
    case conversation
    case wordOrder = "word_order"
    case culturalKnowledge = "cultural_knowledge"
    case writingPrompt = "writing_prompt"
    case grammar
    case idiomsAndExpressions = "idioms_and_expressions"
    case sentenceCompletion = "sentence_completion"
    case spellingAndPronunciation = "spelling_and_pronunciation"
    case vocabulary

    public static func < (a: EvalCategory, b: EvalCategory) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Tokens an answer may take unless `--max-tokens` says otherwise: a letter or a verb form
    /// needs a few, a translation a sentence or two, a writing task a paragraph.
    public var defaultMaxTokens: Int {
        switch self {
        case .multipleChoice: 16
        case .verbConjugation: 24
        case .sentenceCompletion: 48
        case .vocabulary, .wordOrder: 64
        case .translationToEnglish, .translationFromEnglish, .translation: 96
        case .readingComprehension, .listeningComprehensionSimulation, .spellingAndPronunciation: 96
        case .conversation, .culturalKnowledge, .grammar, .idiomsAndExpressions: 128
        case .writingPrompt: 256
        }
    }

    /// What the answering model is told about the form of its answer.
    public var instruction: String {
        switch self {
        case .translationToEnglish: "Translate the Luxembourgish text into natural English. Give only the translation."
        case .readingComprehension: "Read the text and answer the question about it briefly."
        case .verbConjugation: "Give only the conjugated verb form asked for, without explanation."
        case .multipleChoice: "Choose the correct option. Reply with its letter only."
        case .translationFromEnglish: "Translate the English text into Luxembourgish. Give only the translation."
        case .translation: "Translate as asked. Give only the translation."
        case .listeningComprehensionSimulation:
            "The text is a transcript of spoken Luxembourgish, as heard. Answer the question about it briefly."
        case .conversation: "Reply in Luxembourgish as the other person in the conversation would, in one to three sentences."
        case .wordOrder: "Put the words in the correct Luxembourgish order. Give only the sentence."
        case .culturalKnowledge: "Answer the question about Luxembourg briefly and accurately."
        case .writingPrompt: "Write the text asked for in Luxembourgish."
        case .grammar: "Answer the grammar question briefly; give the corrected form or rule asked for."
        case .idiomsAndExpressions: "Explain or give the expression asked for briefly."
        case .sentenceCompletion: "Complete the sentence. Give only the missing word or words."
        case .spellingAndPronunciation: "Answer the spelling or pronunciation question briefly."
        case .vocabulary: "Answer the vocabulary question briefly."
        }
    }
}

/// The four difficulty levels of the card's table, easiest first.
public enum EvalDifficulty: String, CaseIterable, Codable, Sendable, Comparable {
    case beginner, intermediate, advanced, native

    public static func < (a: EvalDifficulty, b: EvalDifficulty) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// One category at one difficulty: a cell of the question set.
public struct EvalCell: Hashable, Sendable, Comparable {
    public var category: EvalCategory
    public var difficulty: EvalDifficulty

    public init(_ category: EvalCategory, _ difficulty: EvalDifficulty) {
        self.category = category
        self.difficulty = difficulty
    }

    public static func < (a: EvalCell, b: EvalCell) -> Bool {
        (a.category, a.difficulty) < (b.category, b.difficulty)
    }

    /// Every cell, in category then difficulty order.
    public static var all: [EvalCell] {
        EvalCategory.allCases.flatMap { c in EvalDifficulty.allCases.map { EvalCell(c, $0) } }
    }
}
