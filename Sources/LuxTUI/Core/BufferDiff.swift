/// A row segment to send to the terminal: cells from (x, y) rightwards, continuations included
/// so that the segment's width equals its cell count.
public struct CellRun: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// The writes that turn the `previous` screen into `next` (ratatui's approach: only cells that
/// changed are sent). A run never starts on the right half of a wide character, and a changed
/// wide character is always sent whole.
public enum BufferDiff {
    public static func runs(from previous: CellBuffer?, to next: CellBuffer) -> [CellRun] {
        let w = next.size.width
        guard let previous, previous.size == next.size else {
            return (0 ..< next.size.height).map { y in
                CellRun(x: 0, y: y, cells: (0 ..< w).map { next[$0, y] })
            }
        }
        var runs: [CellRun] = []
        for y in 0 ..< next.size.height {
            var x = 0
            while x < w {
                guard previous[x, y] != next[x, y] else { x += 1; continue }
                var start = x
                if next[start, y].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                // Extend over neighbouring changes; gaps of up to 3 unchanged cells are cheaper
                // to resend than to skip with a cursor move.
                var gap = 0
                var probe = end
                while probe < w {
                    if previous[probe, y] != next[probe, y] || next[probe, y].isContinuation {
                        end = probe + 1
                        gap = 0
                    } else {
                        gap += 1
                        if gap > 3 { break }
                    }
                    probe += 1
                }
                if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                    runs[runs.count - 1].cells += (last.x + last.cells.count ..< end).map { next[$0, y] }
                } else {
                    runs.append(CellRun(x: start, y: y, cells: (start ..< end).map { next[$0, y] }))
                }
                x = end
            }
        }
        return runs
    }
}
