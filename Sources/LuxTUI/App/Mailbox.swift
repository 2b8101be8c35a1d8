import Foundation
import LuxEngine

/// What background work reports to the UI thread.
public enum BackgroundEvent: Sendable {
    case modelLoaded(path: String, model: LanguageModel)
    case modelFailed(String)
    /// A piece of streamed text of generation `id`, with the running figures.
    case chunk(id: Int, text: String, stats: GenerationStats)
    /// Generation `id` ended: normally, stopped (Esc), or with an error message.
    case finished(id: Int, error: String?)
}

/// Background tasks post here; the event loop drains it between key reads. It is the only thing
/// the UI shares with other threads.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BackgroundEvent] = []

    public init() {}

    public func post(_ event: BackgroundEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    public func drain() -> [BackgroundEvent] {
        lock.lock()
        defer { lock.unlock() }
        let out = events
        events = []
        return out
    }
}
