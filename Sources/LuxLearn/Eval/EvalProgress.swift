import Foundation

/// The progress line of a run: a bar, the count, the elapsed time and an ETA from this
/// session's pace (questions done before a resume are not timed, so they do not skew it).
public struct EvalProgress: Sendable {
    public var total: Int
    public var doneAtStart: Int
    public var start: Date

    public init(total: Int, doneAtStart: Int, start: Date = Date()) {
        self.total = total
        self.doneAtStart = doneAtStart
        self.start = start
    }

    /// "[########------------] 7/16  44%  0:12 elapsed  ETA 0:15  grammar/beginner".
    public func line(done: Int, now: Date = Date(), current: String? = nil, width: Int = 20) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let elapsed = now.timeIntervalSince(start)
        var text = "[\(bar)] \(done)/\(total)  \(Int((fraction * 100).rounded(.down)))%  \(Self.duration(elapsed)) elapsed"
        if let eta = eta(done: done, elapsed: elapsed) { text += "  ETA \(Self.duration(eta))" }
        if let current { text += "  \(current)" }
        return text
    }

    /// Seconds left at this session's pace; nil until this session has finished a question.
    public func eta(done: Int, elapsed: TimeInterval) -> TimeInterval? {
        let timed = done - doneAtStart
        guard timed > 0 else { return nil }
        return elapsed / Double(timed) * Double(max(0, total - done))
    }

    /// "0:07", "3:05", "1:02:09".
    public static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
