import Foundation
import LuxEngine
import LuxStore

/// The model settings the app keeps in the store: which model, how many threads, how long a
/// context, and sampling.
public struct EngineSettings: Sendable, Equatable {
    public static let modelPathKey = "model.path"
    public static let threadsKey = "model.threads"
    public static let temperatureKey = "model.temperature"
    public static let topPKey = "model.topP"
    public static let contextLengthKey = "model.contextLength"

    /// nil: LUX_MODEL or the default model (see `ModelLocator`).
    public var modelPath: String?
    /// nil: one per physical core.
    public var threads: Int?
    public var temperature: Double
    public var topP: Double
    /// Tokens of context (the KV cache); nil: 4096, or less if the model was trained shorter.
    public var contextLength: Int?

    public init(modelPath: String? = nil, threads: Int? = nil, temperature: Double = 0.7, topP: Double = 0.9,
                contextLength: Int? = nil) {
        self.modelPath = modelPath
        self.threads = threads
        self.temperature = temperature
        self.topP = topP
        self.contextLength = contextLength
    }

    public static func load(from database: LuxDatabase) throws -> EngineSettings {
        let d = EngineSettings()
        let path = try database.setting(modelPathKey, as: String.self)
        return EngineSettings(
            modelPath: path?.isEmpty == true ? nil : path,
            threads: try database.setting(threadsKey, as: Int.self),
            temperature: try database.setting(temperatureKey, as: Double.self) ?? d.temperature,
            topP: try database.setting(topPKey, as: Double.self) ?? d.topP,
            contextLength: try database.setting(contextLengthKey, as: Int.self))
    }

    public func save(to database: LuxDatabase) throws {
        if let modelPath { try database.setSetting(Self.modelPathKey, to: modelPath) } else { try database.removeSetting(Self.modelPathKey) }
        if let threads { try database.setSetting(Self.threadsKey, to: threads) } else { try database.removeSetting(Self.threadsKey) }
        try database.setSetting(Self.temperatureKey, to: temperature)
        try database.setSetting(Self.topPKey, to: topP)
        if let contextLength { try database.setSetting(Self.contextLengthKey, to: contextLength) } else { try database.removeSetting(Self.contextLengthKey) }
    }

    /// Generation parameters for a reply of at most `maxTokens`.
    public func parameters(maxTokens: Int) -> GenerationParameters {
        var sampling = SamplingParameters()
        sampling.temperature = Float(temperature)
        sampling.topP = Float(topP)
        return GenerationParameters(maxTokens: maxTokens, sampling: sampling)
    }
}
