import Foundation
import LuxStore

/// The question and answer a card shows, made from its item's payload and its variant.
public enum CardPrompts {
    /// The prompt for `variant` of `item`; throws (naming the card) when the payload is not the
    /// item's kind or the variant does not fit it.
    public static func prompt(item: ItemRecord, variant: String, card: String, path: String) throws -> DrillPrompt {
        func fail(_ reason: String) -> StudyError { .badCard(path: path, card: card, reason: reason) }
        guard let parsed = CardVariant(rawValue: variant) else { throw fail("unknown variant \"\(variant)\"") }
        let id = "\(item.packID)/\(item.id)"
        func payload<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try item.decodePayload(as: type)
            } catch {
                throw fail("the \(item.kind.rawValue) item's content cannot be read: \(reason(error))")
            }
        }
        let misfit = fail("a \(item.kind.rawValue) item has no \"\(variant)\" card")
        switch item.kind {
        case .vocab:
            let vocab = try payload(VocabItem.self)
            switch parsed {
            case .recognition: return VocabularyDrill.recognition(id: id, item: vocab)
            case .production: return VocabularyDrill.production(id: id, item: vocab)
            case .plural:
                guard let prompt = VocabularyDrill.plural(id: id, item: vocab) else { throw fail("the word has no plural") }
                return prompt
            default: throw misfit
            }
        case .phrase:
            let phrase = try payload(PhraseItem.self)
            switch parsed {
            case .recognition: return ItemPrompts.phraseRecognition(id: id, item: phrase)
            case .production: return ItemPrompts.phraseProduction(id: id, item: phrase)
            default: throw misfit
            }
        case .verb:
            let verb = try payload(VerbItem.self)
            switch parsed {
            case .recognition: return ItemPrompts.verbRecognition(id: id, item: verb)
            case .production: return ItemPrompts.verbProduction(id: id, item: verb)
            case let .conjugation(tense, person):
                guard let prompt = ConjugationDrill.prompt(id: id, verb: verb, tense: tense, person: person) else {
                    throw fail("the table of \(verb.table.infinitive) has no \(tense.rawValue) form for \(person.code)")
                }
                return prompt
            default: throw misfit
            }
        case .translation:
            guard parsed == .translate || parsed == .production || parsed == .recognition else { throw misfit }
            return ItemPrompts.translation(id: id, item: try payload(TranslationItem.self))
        case .dialogue, .grammar, .unit:
            throw misfit
        }
    }

    /// A decoding failure in a few words: which field, and what is wrong with it.
    static func reason(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "\"\(path(context.codingPath + [key]))\" is missing"
        case let DecodingError.valueNotFound(_, context):
            return "\"\(path(context.codingPath))\" is null"
        case let DecodingError.typeMismatch(type, context):
            return "\"\(path(context.codingPath))\" is not a \(type)"
        case let DecodingError.dataCorrupted(context):
            return context.codingPath.isEmpty ? "it is not valid JSON"
                : "\"\(path(context.codingPath))\": \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
