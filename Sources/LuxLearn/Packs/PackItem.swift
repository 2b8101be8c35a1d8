import Foundation
import LuxStore

/// An item's content, one case per `ItemKind`.
public enum PackContent: Sendable, Equatable {
    case vocab(VocabItem)
    case verb(VerbItem)
    case phrase(PhraseItem)
    case translation(TranslationItem)
    case dialogue(DialogueItem)
    case grammar(GrammarNote)
    case unit(UnitInfo)

    public var kind: ItemKind {
        switch self {
        case .vocab: .vocab
        case .verb: .verb
        case .phrase: .phrase
        case .translation: .translation
        case .dialogue: .dialogue
        case .grammar: .grammar
        case .unit: .unit
        }
    }

    /// The unit the item belongs to (a unit belongs to itself).
    public var unit: String {
        switch self {
        case .vocab(let v): v.unit
        case .verb(let v): v.unit
        case .phrase(let v): v.unit
        case .translation(let v): v.unit
        case .dialogue(let v): v.unit
        case .grammar(let v): v.unit
        case .unit(let v): v.id
        }
    }

    /// The JSON payload the store keeps.
    public func itemContent(id: String) throws -> ItemContent {
        switch self {
        case .vocab(let v): try ItemContent(id: id, kind: .vocab, content: v)
        case .verb(let v): try ItemContent(id: id, kind: .verb, content: v)
        case .phrase(let v): try ItemContent(id: id, kind: .phrase, content: v)
        case .translation(let v): try ItemContent(id: id, kind: .translation, content: v)
        case .dialogue(let v): try ItemContent(id: id, kind: .dialogue, content: v)
        case .grammar(let v): try ItemContent(id: id, kind: .grammar, content: v)
        case .unit(let v): try ItemContent(id: id, kind: .unit, content: v)
        }
    }

    /// Reads a stored item back.
    public init(record: ItemRecord) throws {
        switch record.kind {
        case .vocab: self = .vocab(try record.decodePayload(as: VocabItem.self))
        case .verb: self = .verb(try record.decodePayload(as: VerbItem.self))
        case .phrase: self = .phrase(try record.decodePayload(as: PhraseItem.self))
        case .translation: self = .translation(try record.decodePayload(as: TranslationItem.self))
        case .dialogue: self = .dialogue(try record.decodePayload(as: DialogueItem.self))
        case .grammar: self = .grammar(try record.decodePayload(as: GrammarNote.self))
        case .unit: self = .unit(try record.decodePayload(as: UnitInfo.self))
        }
    }
}

/// One item of a loaded pack, with where it was written.
public struct PackItem: Sendable, Equatable {
    public var id: String
    public var content: PackContent
    /// The file (inside the pack) and line that declare it.
    public var file: String
    public var line: Int?

    public init(id: String, content: PackContent, file: String, line: Int?) {
        self.id = id
        self.content = content
        self.file = file
        self.line = line
    }

    public var kind: ItemKind { content.kind }
}
