/// The 21 FSRS-6 model weights, with the bounds py-fsrs enforces.
public struct FSRSParameters: Codable, Sendable, Equatable {
    public let weights: [Double]

    /// The published FSRS-6 defaults (py-fsrs 6.x `DEFAULT_PARAMETERS`).
    public static let defaults = FSRSParameters(checked: [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ])

    static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// Weights from an optimizer or a settings file; throws naming every weight out of bounds.
    public init(_ weights: [Double]) throws {
        guard weights.count == Self.lowerBounds.count else {
            throw FSRSConfigurationError("expected \(Self.lowerBounds.count) FSRS parameters, got \(weights.count)")
        }
        let bad = weights.indices.filter { !(Self.lowerBounds[$0] ... Self.upperBounds[$0]).contains(weights[$0]) }
        guard bad.isEmpty else {
            let list = bad.map { "w[\($0)] = \(weights[$0]) not in \(Self.lowerBounds[$0])...\(Self.upperBounds[$0])" }
            throw FSRSConfigurationError("FSRS parameters out of bounds: " + list.joined(separator: "; "))
        }
        self.weights = weights
    }

    private init(checked weights: [Double]) { self.weights = weights }

    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode([Double].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(weights)
    }

    subscript(_ i: Int) -> Double { weights[i] }
}

/// A scheduler setting that cannot work, with a one-line reason.
public struct FSRSConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
