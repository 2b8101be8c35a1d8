import Foundation

extension PackContent {
    /// What the item is, for a one-line listing: "Kaffi (m, pl. Kaffien) – coffee",
    /// "goen – to go", "EN → LB: I am tired. → Ech si midd.", "Role-play: At the bakery".
    public var summary: String {
        func meanings(_ en: [String]) -> String { en.prefix(2).joined(separator: ", ") }
        switch self {
        case .vocab(let v):
            var grammar: [String] = []
            if let gender = v.gender { grammar.append(gender.rawValue) }
            if let plural = v.plural.first { grammar.append("pl. \(plural)") }
            let details = grammar.isEmpty ? "" : " (\(grammar.joined(separator: ", ")))"
            return "\(v.lb)\(details) – \(meanings(v.en))"
        case .verb(let v):
            return "\(v.table.infinitive) – \(meanings(v.en))"
        case .phrase(let p):
            return "\(p.lb) – \(meanings(p.en))"
        case .translation(let t):
            let label = t.direction == .enToLb ? "EN → LB" : "LB → EN"
            return "\(label): \(t.source)" + (t.answers.first.map { " → \($0)" } ?? "")
        case .dialogue(let d):
            return "Role-play: \(d.title)"
        case .grammar(let g):
            return "Grammar: \(g.title)"
        case .unit(let u):
            return u.title
        }
    }
}
