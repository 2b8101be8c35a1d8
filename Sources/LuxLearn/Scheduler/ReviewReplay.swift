import Foundation

/// A card id in a review log: `lux srs replay` accepts a JSON string or integer and echoes it back as given.
public enum ReplayCardID: Hashable, Sendable, CustomStringConvertible {
    case number(Int64)
    case string(String)

    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .string(let s): s
        }
    }
}

/// One line of a review log: `{"card": ID, "rating": 1-4, "time": ISO-8601}`.
public struct ReplayReview: Sendable, Equatable {
    public let card: ReplayCardID
    public let rating: Rating
    public let time: Date

    /// Parses one line; throws a `ReplayLineError` with a one-line reason.
    public init(jsonLine line: String) throws {
        do {
            self = try JSONDecoder().decode(ReplayReviewJSON.self, from: Data(line.utf8)).review
        } catch let error as ReplayLineError {
            throw error
        } catch {
            throw ReplayLineError("malformed JSON")
        }
    }

    public init(card: ReplayCardID, rating: Rating, time: Date) {
        self.card = card
        self.rating = rating
        self.time = time
    }
}

/// The card after one replayed review.
public struct ReplayStep: Sendable, Equatable {
    public let review: ReplayReview
    public let card: Card
}

/// What is wrong with one line, before the file and line number are known.
public struct ReplayLineError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A bad line in a review log: prints as `FILE:LINE: message`.
public struct ReplayError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Replays a review log through a scheduler: each card starts new at its first line.
public struct ReviewReplay: Sendable {
    public let scheduler: FSRSScheduler

    public init(scheduler: FSRSScheduler) { self.scheduler = scheduler }

    /// Replays the JSONL `text` (blank lines skipped); `file` names it in errors. Stops at the
    /// first bad line, so nothing is reported for a log that is not wholly valid.
    public func run<G: RandomNumberGenerator>(_ text: String, file: String, using rng: inout G) throws -> [ReplayStep] {
        var cards: [ReplayCardID: Card] = [:]
        var steps: [ReplayStep] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.allSatisfy(\.isWhitespace) { continue }
            let review: ReplayReview
            do {
                review = try ReplayReview(jsonLine: line)
            } catch {
                throw ReplayError(file: file, line: index + 1, message: String(describing: error))
            }
            let before = cards[review.card] ?? Card(id: review.card.description, due: review.time)
            if let last = before.lastReview, review.time < last {
                throw ReplayError(file: file, line: index + 1, message:
                    "time \(ISO8601Time.format(review.time)) is before card \(review.card)'s previous review at \(ISO8601Time.format(last))")
            }
            let after = scheduler.review(before, rating: review.rating, at: review.time, using: &rng)
            cards[review.card] = after
            steps.append(ReplayStep(review: review, card: after))
        }
        return steps
    }
}

/// Decodes one line with messages that say what is wrong, not Foundation's coding paths.
private struct ReplayReviewJSON: Decodable {
    let review: ReplayReview

    private enum Key: String, CodingKey { case card, rating, time }

    init(from decoder: Decoder) throws {
        guard let c = try? decoder.container(keyedBy: Key.self) else {
            throw ReplayLineError(#"expected a JSON object like {"card": 1, "rating": 3, "time": "2024-05-01T09:00:00Z"}"#)
        }
        for key in [Key.card, .rating, .time] where !c.contains(key) {
            throw ReplayLineError("missing \"\(key.rawValue)\"")
        }
        let card: ReplayCardID
        if let s = try? c.decode(String.self, forKey: .card) {
            card = .string(s)
        } else if let n = try? c.decode(Int64.self, forKey: .card) {
            card = .number(n)
        } else {
            throw ReplayLineError("\"card\" must be a string or an integer")
        }
        guard let number = try? c.decode(Int.self, forKey: .rating) else {
            throw ReplayLineError("\"rating\" must be an integer 1-4")
        }
        guard let rating = Rating(rawValue: number) else {
            throw ReplayLineError("rating must be 1-4 (Again, Hard, Good, Easy), got \(number)")
        }
        guard let text = try? c.decode(String.self, forKey: .time) else {
            throw ReplayLineError("\"time\" must be an ISO-8601 string such as \"2024-05-01T09:00:00Z\"")
        }
        guard let time = ISO8601Time.parse(text) else {
            throw ReplayLineError("bad time \"\(text)\": expected ISO-8601 with a time zone, such as 2024-05-01T09:00:00Z")
        }
        review = ReplayReview(card: card, rating: rating, time: time)
    }
}
