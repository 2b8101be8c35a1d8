/// One mode's screen. It draws itself into the body area, handles the keys it knows, and
/// receives the background events (streamed text) meant for it. Everything runs on the UI thread.
public protocol Screen: AnyObject {
    var mode: Mode { get }
    /// The keys that work now, most useful first, for the footer.
    var hints: [KeyHint] { get }
    /// Every key of the screen, for the help overlay.
    var helpKeys: [KeyHint] { get }
    /// A short status for the header's right side (e.g. "12.4 tok/s"), if any.
    var status: String? { get }
    /// True while background work for this screen is running (the loop polls faster).
    var isBusy: Bool { get }
    func render(_ frame: Frame, in area: Rect)
    /// True if the screen used the key; unused keys go to the app (Esc: Home, q: quit, ...).
    func handle(_ key: Key) -> Bool
    func receive(_ event: BackgroundEvent)
    /// Shown (again): reload what may have changed.
    func activate()
    /// The app is closing: stop work and save what is unsaved.
    func close()
}

extension Screen {
    public var status: String? { nil }
    public var isBusy: Bool { false }
    public func receive(_ event: BackgroundEvent) {}
    public func activate() {}
    public func close() {}
}
