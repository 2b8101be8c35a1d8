/// One product of weight rows with token rows: out[t · outStride + r] = (or +=, with
/// `accumulate`) dot(weight row r, input row t) for t < tokens. The inputs are quantized in the
/// weight format's partner format, `inputBytes` apart.
public struct RowProduct {
    public let weights: UnsafeRawPointer
    public let rowBytes: Int
    public let cols: Int
    public let input: UnsafeRawPointer
    public let inputBytes: Int
    public let tokens: Int
    public let out: UnsafeMutablePointer<Float>
    public let outStride: Int
    public let accumulate: Bool

    public init(weights: UnsafeRawPointer, rowBytes: Int, cols: Int, input: UnsafeRawPointer, inputBytes: Int,
                tokens: Int, out: UnsafeMutablePointer<Float>, outStride: Int, accumulate: Bool) {
        self.weights = weights
        self.rowBytes = rowBytes
        self.cols = cols
        self.input = input
        self.inputBytes = inputBytes
        self.tokens = tokens
        self.out = out
        self.outStride = outStride
        self.accumulate = accumulate
    }

    /// The same product restricted to tokens `range`.
    public func tokens(_ range: Range<Int>) -> RowProduct {
        RowProduct(weights: weights, rowBytes: rowBytes, cols: cols, input: input + range.lowerBound * inputBytes,
                   inputBytes: inputBytes, tokens: range.count, out: out + range.lowerBound * outStride,
                   outStride: outStride, accumulate: accumulate)
    }

    @inline(__always) func store(_ v: Float, token t: Int, row r: Int) {
        let o = out + t * outStride + r
        o.pointee = accumulate ? o.pointee + v : v
    }
}
