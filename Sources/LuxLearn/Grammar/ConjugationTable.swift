import Foundation
/// A verb's forms, as LOD gives them or a lesson pack writes them. Each cell holds the accepted
/// spellings, the first being the one to show ("si gaangen / gaang" -> ["si gaangen", "si gaang"]).
public struct ConjugationTable: Codable, Sendable, Equatable {
    public var infinitive: String
    public var auxiliary: Auxiliary?
    /// Past participles, the first being the usual one ("gaangen", "gaang").
    public var participles: [String]
    /// tense -> person -> accepted forms. The imperative has only 2sg and 2pl.
    public var forms: [Tense: [Person: [String]]]

    public init(infinitive: String, auxiliary: Auxiliary?, participles: [String],
                forms: [Tense: [Person: [String]]]) {
        self.infinitive = infinitive
        self.auxiliary = auxiliary
        self.participles = participles
        self.forms = forms
    }

    /// The accepted forms for one cell; empty when the table lacks it.
    public func forms(_ tense: Tense, _ person: Person) -> [String] {
        forms[tense]?[person] ?? []
    }

    /// The tenses this table has at least one form for, in declaration order.
    public var tenses: [Tense] {
        Tense.allCases.filter { !(forms[$0]?.isEmpty ?? true) }
    }

    /// Splits a LOD cell like "si gaangen / gaang" into whole alternatives
    /// ["si gaangen", "si gaang"]: a later part without the leading words borrows them.
    /// When the last part is the longer one, as in "déit / déing of" (separable "ofdoen"),
    /// the shorter parts borrow its trailing words instead: ["déit of", "déing of"].
    public static func alternatives(inCell cell: String) -> [String] {
        let parts = cell.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let first = parts.first, let last = parts.last else { return [] }
        let firstWords = first.split(separator: " ")
        let lastWords = last.split(separator: " ")
        if lastWords.count > firstWords.count {
            return parts.map { part in
                let words = part.split(separator: " ")
                guard words.count < lastWords.count else { return part }
                return (words + lastWords.suffix(lastWords.count - words.count)).joined(separator: " ")
            }
        }
        var result = [first]
        for part in parts.dropFirst() {
            let words = part.split(separator: " ")
            if words.count < firstWords.count {
                result.append((firstWords.prefix(firstWords.count - words.count) + words).joined(separator: " "))
            } else {
                result.append(part)
            }
        }
        return result
    }
}
