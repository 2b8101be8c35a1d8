/// "context ▰▰▰▱▱▱▱▱▱▱ 470/2048 (23%)": how much of the model's context the conversation uses.
enum ContextGauge {
    static func text(used: Int, capacity: Int, cells: Int = 10) -> String {
        guard capacity > 0 else { return "context –" }
        let ratio = min(1, Double(used) / Double(capacity))
        let filled = Int((ratio * Double(cells)).rounded())
        let bar = String(repeating: "▰", count: filled) + String(repeating: "▱", count: cells - filled)
        return "context \(bar) \(used)/\(capacity) (\(Int((ratio * 100).rounded()))%)"
    }

    /// Warning colour from 80% on.
    static func role(used: Int, capacity: Int) -> Role {
        capacity > 0 && used * 5 >= capacity * 4 ? .warning : .dim
    }
}
