/// The hyperparameters of a Llama-architecture model, read from `<arch>.*` GGUF keys.
public struct LlamaConfig: Sendable, Equatable {
    public var architecture: String
    public var dim: Int
    public var layers: Int
    public var heads: Int
    public var kvHeads: Int
    public var ffnDim: Int
    public var vocabSize: Int
    public var contextLength: Int
    public var ropeBase: Float
    public var ropeDims: Int
    public var rmsEps: Float
    public var headDim: Int { dim / heads }
    public var kvDim: Int { kvHeads * headDim }

    /// Architectures that share the Llama graph (RMSNorm, RoPE, GQA, SwiGLU).
    public static let supportedArchitectures: Set<String> = ["llama", "mistral"]

    public init(gguf g: GGUFFile) throws {
        let fail = { (key: String, msg: String) in GGUFError(path: g.path, place: "key \(key)", message: msg) }
        guard let arch = g.architecture else { throw fail("general.architecture", "required key is missing") }
        guard Self.supportedArchitectures.contains(arch) else {
            throw fail("general.architecture", "architecture \"\(arch)\" is not supported (llama is)")
        }
        architecture = arch
        dim = try g.requireInt("\(arch).embedding_length")
        layers = try g.requireInt("\(arch).block_count")
        heads = try g.requireInt("\(arch).attention.head_count")
        kvHeads = g.int("\(arch).attention.head_count_kv") ?? heads
        ffnDim = try g.requireInt("\(arch).feed_forward_length")
        contextLength = try g.requireInt("\(arch).context_length")
        ropeBase = Float(g.double("\(arch).rope.freq_base") ?? 10000)
        rmsEps = Float(g.double("\(arch).attention.layer_norm_rms_epsilon") ?? 1e-5)
        guard dim > 0, heads > 0, kvHeads > 0, dim % heads == 0, heads % kvHeads == 0, layers > 0, layers <= 1024,
              dim <= 1 << 16, ffnDim > 0, ffnDim <= 1 << 18 else {
            throw fail("\(arch).attention.head_count", "inconsistent shape: dim \(dim), heads \(heads), kv heads \(kvHeads), layers \(layers), ffn \(ffnDim)")
        }
        ropeDims = g.int("\(arch).rope.dimension_count") ?? dim / heads
        guard ropeDims > 0, ropeDims <= dim / heads, ropeDims % 2 == 0 else {
            throw fail("\(arch).rope.dimension_count", "rope dimension \(ropeDims) does not fit head size \(dim / heads)")
        }
        let embd = try g.tensor("token_embd.weight")
        vocabSize = embd.rows
    }
}
