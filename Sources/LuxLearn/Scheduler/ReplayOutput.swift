import Foundation

/// How `lux srs replay` prints the card after each review.
public enum ReplayOutput {
    /// `card=7 rating=Good state=Review step=- stability=2.3065 difficulty=5.1122 due=2024-06-10T14:59:33Z`
    public static func text(_ step: ReplayStep) -> String {
        let c = step.card
        return "card=\(step.review.card) rating=\(step.review.rating) state=\(c.state) step=\(c.step.map(String.init) ?? "-")"
            + " stability=\(fixed(c.stability)) difficulty=\(fixed(c.difficulty)) due=\(ISO8601Time.format(c.due))"
    }

    /// One JSON object, keys in a fixed order, numbers at full precision:
    /// `{"card":7,"rating":3,"state":"Review","step":null,"stability":...,"difficulty":...,"due":"...","last_review":"..."}`
    public static func json(_ step: ReplayStep) -> String {
        let c = step.card
        let id: String = switch step.review.card {
        case .number(let n): String(n)
        case .string(let s): quoted(s)
        }
        let fields = [
            ("card", id),
            ("rating", String(step.review.rating.rawValue)),
            ("state", quoted(c.state.description)),
            ("step", c.step.map(String.init) ?? "null"),
            ("stability", number(c.stability)),
            ("difficulty", number(c.difficulty)),
            ("due", quoted(ISO8601Time.format(c.due))),
            ("last_review", c.lastReview.map { quoted(ISO8601Time.format($0)) } ?? "null"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func fixed(_ x: Double?) -> String {
        guard let x else { return "-" }
        return String(format: "%.4f", x)
    }

    /// Swift's shortest round-trip form, which is valid JSON for finite values.
    private static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    private static func quoted(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
