/// One weight matrix: a zero-copy view of a GGUF tensor plus the kernels for its type.
/// `rows` outputs, each the dot of a `cols`-long row with the input.
public struct WeightMatrix: @unchecked Sendable {
    public let tensor: GGUFTensor
    public let format: WeightFormat
    /// Where the AVX2 kernels run, Q4_K and Q4_0 rows packed eight side by side and Q6_K rows
    /// regrouped (see MatrixPacking); the kernels read this instead of the file.
    let packed: PackedMatrix?
    public var rows: Int { tensor.rows }
    public var cols: Int { tensor.rowLength }

    /// `pack`: make the packed copy where one is used (for matrices the forward pass multiplies).
    init(_ g: GGUFFile, _ name: String, rows: Int, cols: Int, pack: Bool = true) throws {
        let t = try g.tensor(name)
        guard t.rowLength == cols, t.rows == rows, t.shape.count <= 2 else {
            throw GGUFError(path: g.path, place: "tensor \(name)", message: "shape \(t.shape) does not match the model (expected [\(cols), \(rows)])")
        }
        guard let f = WeightFormat.of(t.type) else {
            throw GGUFError(path: g.path, place: "tensor \(name)", message: "type \(t.type.name) is not supported (F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q4_K, Q5_K, Q6_K are)")
        }
        tensor = t
        format = f
        packed = pack && RowKernels.simd ? PackedMatrix(t) : nil
    }
}

/// A 1-D float vector (norm weights, rope factors), copied out of the file as f32.
func loadVector(_ g: GGUFFile, _ name: String, count: Int) throws -> [Float] {
    let t = try g.tensor(name)
    guard t.shape.reduce(1, *) == count else {
        throw GGUFError(path: g.path, place: "tensor \(name)", message: "has \(t.shape.reduce(1, *)) elements, expected \(count)")
    }
    guard let f = WeightFormat.of(t.type) else {
        throw GGUFError(path: g.path, place: "tensor \(name)", message: "type \(t.type.name) is not supported")
    }
    var out = [Float](repeating: 0, count: count)
    out.withUnsafeMutableBufferPointer { f.dequantize(t.data, $0.baseAddress!, count) }
    return out
}

public struct LlamaLayer: @unchecked Sendable {
    let attnNorm: [Float]
    let wq, wk, wv, wo: WeightMatrix
    let ffnNorm: [Float]
    let wGate, wUp, wDown: WeightMatrix
    /// The matrices that share an input, multiplied in one phase.
    let qkv: [WeightMatrix]
    let gateUp: [WeightMatrix]
    let attnOut: [WeightMatrix]
    let ffnOut: [WeightMatrix]

    init(attnNorm: [Float], wq: WeightMatrix, wk: WeightMatrix, wv: WeightMatrix, wo: WeightMatrix,
         ffnNorm: [Float], wGate: WeightMatrix, wUp: WeightMatrix, wDown: WeightMatrix) {
        self.attnNorm = attnNorm
        self.wq = wq; self.wk = wk; self.wv = wv; self.wo = wo
        self.ffnNorm = ffnNorm
        self.wGate = wGate; self.wUp = wUp; self.wDown = wDown
        qkv = [wq, wk, wv]
        gateUp = [wGate, wUp]
        attnOut = [wo]
        ffnOut = [wDown]
    }
}

/// All weights of a Llama model, as views into the mapped file (norms copied: they are tiny).
public struct LlamaWeights: @unchecked Sendable {
    let embedding: WeightMatrix
    let layers: [LlamaLayer]
    let outputNorm: [Float]
    let output: WeightMatrix        // token_embd when the output is tied
    let outputList: [WeightMatrix]
    let ropeFactors: [Float]?       // Llama 3.1 "llama3" scaling, per rotated pair

    init(gguf g: GGUFFile, config c: LlamaConfig) throws {
        let tied = g.tensors["output.weight"] == nil
        embedding = try WeightMatrix(g, "token_embd.weight", rows: c.vocabSize, cols: c.dim, pack: tied)
        var ls: [LlamaLayer] = []
        for i in 0..<c.layers {
            let p = "blk.\(i)."
            ls.append(LlamaLayer(
                attnNorm: try loadVector(g, p + "attn_norm.weight", count: c.dim),
                wq: try WeightMatrix(g, p + "attn_q.weight", rows: c.dim, cols: c.dim),
                wk: try WeightMatrix(g, p + "attn_k.weight", rows: c.kvDim, cols: c.dim),
                wv: try WeightMatrix(g, p + "attn_v.weight", rows: c.kvDim, cols: c.dim),
                wo: try WeightMatrix(g, p + "attn_output.weight", rows: c.dim, cols: c.dim),
                ffnNorm: try loadVector(g, p + "ffn_norm.weight", count: c.dim),
                wGate: try WeightMatrix(g, p + "ffn_gate.weight", rows: c.ffnDim, cols: c.dim),
                wUp: try WeightMatrix(g, p + "ffn_up.weight", rows: c.ffnDim, cols: c.dim),
                wDown: try WeightMatrix(g, p + "ffn_down.weight", rows: c.dim, cols: c.ffnDim)))
        }
        layers = ls
        outputNorm = try loadVector(g, "output_norm.weight", count: c.dim)
        output = !tied
            ? try WeightMatrix(g, "output.weight", rows: c.vocabSize, cols: c.dim)
            : embedding
        outputList = [output]
        ropeFactors = g.tensors["rope_freqs.weight"] != nil
            ? try loadVector(g, "rope_freqs.weight", count: c.ropeDims / 2) : nil
    }
}
