import Foundation
import LuxEngine
import LuxStore

/// The in-process model for Translate and Chat: found with `ModelLocator`, loaded off the UI
/// thread, and shared (one KV cache, one generation at a time; starting one stops the other).
/// Generation runs on the session's own thread; a task consumes the stream and posts each piece
/// to the mailbox. Cancelling that task (Esc) stops generation within a token.
public final class EngineHost {
    public enum Status: Equatable {
        /// Nobody asked for the model yet.
        case idle
        case loading(path: String)
        case ready(path: String)
        /// No model to load, or it failed to load: the message says what to do.
        case unavailable(String)
    }

    public private(set) var status: Status = .idle
    private var session: ChatSession?
    private var task: Task<Void, Never>?
    /// The generation the task is consuming, and who started it.
    public private(set) var activeGeneration: Int?
    public private(set) var activeOwner: Mode?
    private var nextID = 1
    let mailbox: Mailbox
    let locator: ModelLocator
    var settings: EngineSettings
    let explicitModel: String?

    init(mailbox: Mailbox, locator: ModelLocator, settings: EngineSettings, explicitModel: String?) {
        self.mailbox = mailbox
        self.locator = locator
        self.settings = settings
        self.explicitModel = explicitModel
    }

    public var isBusy: Bool {
        if case .loading = status { return true }
        return activeGeneration != nil
    }

    public var contextLength: Int? { session?.contextLength }

    /// The model file's name, for the header.
    public var modelName: String? {
        switch status {
        case .loading(let p), .ready(let p): (p as NSString).lastPathComponent
        default: nil
        }
    }

    /// Starts loading the model if that has not been tried yet (or the settings changed since).
    public func prepare() {
        guard status == .idle else { return }
        let path: String
        do {
            // An explicit model (AppOptions) beats the setting, which beats LUX_MODEL and the models folder.
            path = try locator.locate(explicit: explicitModel ?? settings.modelPath).path
        } catch let error as ModelNotFound {
            status = .unavailable(error.candidates.isEmpty
                ? "No model found. " + Self.howToGetAModel
                : "\(error.candidates.count) models in the models folder and none is the default: choose one with "
                    + "LUX_MODEL=/path/to/model.gguf or Model path in Settings (o).")
            return
        } catch {
            status = .unavailable("\(error). " + Self.howToGetAModel)
            return
        }
        guard FileManager.default.fileExists(atPath: path) else {
            status = .unavailable("The model \(path) does not exist. " + Self.howToGetAModel)
            return
        }
        status = .loading(path: path)
        let mailbox = self.mailbox
        let threads = settings.threads
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let model = try LanguageModel(path: path, threads: threads)
                mailbox.post(.modelLoaded(path: path, model: model))
            } catch {
                mailbox.post(.modelFailed("\(error)"))
            }
        }
    }

    /// The advice shown in Translate and Chat when there is no model.
    static let howToGetAModel = "To get one, run scripts/fetch-model (it downloads the default model, "
        + "SmolLM2-135M-Instruct, into the data folder), or start lux with LUX_MODEL=/path/to/model.gguf, "
        + "or set Model path in Settings (o)."

    /// Forgets the model (the settings changed); the next `prepare` loads again.
    public func reset(settings: EngineSettings) {
        cancel()
        self.settings = settings
        session = nil
        status = .idle
    }

    /// Takes the mailbox's model events; true if it was one.
    func receive(_ event: BackgroundEvent) -> Bool {
        switch event {
        case let .modelLoaded(path, model):
            guard status == .loading(path: path) else { return true }
            session = ChatSession(model: model, contextLength: settings.contextLength)
            status = .ready(path: path)
            return true
        case let .modelFailed(message):
            status = .unavailable("\(message). " + Self.howToGetAModel)
            return true
        case let .finished(id, _):
            if id == activeGeneration {
                activeGeneration = nil
                activeOwner = nil
                task = nil
            }
            return false
        case .chunk:
            return false
        }
    }

    /// Tokens `messages` take in the model's chat format.
    public func tokenCount(_ messages: [ChatMessage]) throws -> Int {
        guard let session else { throw GenerationError.emptyPrompt }
        return try session.promptTokens(for: messages).count
    }

    /// Streams the reply to `messages`; returns the generation id the mailbox events carry, or
    /// nil when the model is not ready. A generation already running is stopped first.
    public func reply(to messages: [ChatMessage], maxTokens: Int, owner: Mode) -> Int? {
        guard let session else { return nil }
        cancel()
        let id = nextID
        nextID += 1
        let stream = session.reply(to: messages, parameters: settings.parameters(maxTokens: maxTokens))
        let mailbox = self.mailbox
        activeGeneration = id
        activeOwner = owner
        task = Task.detached {
            do {
                for try await chunk in stream {
                    if !chunk.text.isEmpty || chunk.token == nil {
                        mailbox.post(.chunk(id: id, text: chunk.text, stats: chunk.stats))
                    }
                }
                mailbox.post(.finished(id: id, error: nil))
            } catch {
                mailbox.post(.finished(id: id, error: "\(error)"))
            }
        }
        return id
    }

    /// Stops the running generation: its task is cancelled, which ends the stream; the task
    /// still posts `finished` for it, which its screen has stopped listening for.
    public func cancel() {
        guard activeGeneration != nil else { return }
        task?.cancel()
        task = nil
        activeGeneration = nil
        activeOwner = nil
    }
}
