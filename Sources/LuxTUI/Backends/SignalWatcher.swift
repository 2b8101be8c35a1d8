import Foundation

/// Turns SIGTERM, SIGINT and SIGHUP into a flag the event loop checks between key reads, so the
/// app leaves through its normal path: stop generation, save, restore the terminal.
/// (SIGWINCH is left to curses, which reports it as KEY_RESIZE.)
public final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    public init(signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]) {
        let queue = DispatchQueue(label: "lux.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.record(number) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    private func record(_ number: Int32) {
        lock.lock()
        received = received ?? number
        lock.unlock()
    }

    /// The first signal received, if any.
    public var signalReceived: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
}
