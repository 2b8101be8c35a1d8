/// Which dot product llama.cpp's CPU backend (AVX2 build) runs for a weight matrix, by type,
/// shape and the number of tokens multiplied at once. Different kernels add the same products in
/// different orders, and the order decides the last bits of every activation.
///   - F32/F16: one token uses ggml_vec_dot_*; two or more use llamafile's tinyBLAS (when the
///     row length is a multiple of 8).
///   - Q4_0 with a row count divisible by 8 is repacked at load and runs the 8x8 gemv/gemm.
///   - Q4_K with a row count divisible by 8 is repacked too: whole groups of four tokens run the
///     8x8 GEMM (on activations quantized four rows at a time), the one to three tokens left
///     over, and a lone token, run the 8x8 GEMV. Q5_K and Q6_K are not repacked on x86.
///   - Q4_K (not repacked), Q5_K and Q6_K with 8 or more tokens run the tiled prompt kernel
///     (ggml-cpu/tiled), fewer tokens the format's vec_dot.
///   - Everything else runs the format's own dot, whose order tinyBLAS's Q8_0/Q4_0 paths share.
struct MatmulKernels {
    /// Token rows 0..<grouped use `groupDot` on activations quantized by `groupQuantize`.
    let grouped: Int
    let groupDot: WeightFormat.Dot
    let groupQuantize: WeightFormat.Quantize
    /// The remaining rows use `dot` on activations quantized by the format's own quantizer.
    let dot: WeightFormat.Dot
}

extension WeightMatrix {
    func dotKernel(tokens: Int) -> WeightFormat.Dot {
        #if arch(arm64)
        if RowKernels.neon, let neon = neonDotKernel(tokens: tokens) { return neon }
        #endif
        switch format.type {
        case .f32 where tokens >= 2 && cols % 8 == 0: return F32.dotTiled
        case .f16 where tokens >= 2 && cols % 8 == 0: return F16.dotTiled
        case .q4_0 where rows % 8 == 0: return Q4_0.dotInterleaved
        case .q4_K where rows % 8 == 0: return Q4_K.dotInterleaved
        case .q4_K where tokens >= 8: return Q4_K.dotTiled
        case .q5_K where tokens >= 8: return Q5_K.dotTiled
        case .q6_K where tokens >= 8: return Q6_K.dotTiled
        default: return format.dot
        }
    }

    /// The kernels for a batch of `tokens` rows, including the token-dependent split of the
    /// repacked Q4_K path.
    func kernels(tokens: Int) -> MatmulKernels {
        let dot = dotKernel(tokens: tokens)
        if format.type == .q4_K && rows % 8 == 0 && tokens >= 4 {
            #if arch(arm64)
            let groupDot: WeightFormat.Dot = RowKernels.neon ? KQuantNEON.q4KInterleavedGroup : Q4_K.dotInterleavedGroup
            #else
            let groupDot: WeightFormat.Dot = Q4_K.dotInterleavedGroup
            #endif
            return MatmulKernels(grouped: tokens - tokens % 4, groupDot: groupDot,
                                 groupQuantize: Q8_K.quantizeForGroups, dot: dot)
        }
        return MatmulKernels(grouped: 0, groupDot: dot, groupQuantize: format.quantizeActivation, dot: dot)
    }

    #if arch(arm64)
    /// The NEON twins of the K-quant kernels `dotKernel` names (the same bits).
    private func neonDotKernel(tokens: Int) -> WeightFormat.Dot? {
        switch format.type {
        case .q4_K where rows % 8 == 0: return KQuantNEON.q4KInterleaved
        case .q4_K where tokens >= 8: return KQuantNEON.q4KTiled
        case .q5_K where tokens >= 8: return KQuantNEON.q5KTiled
        case .q6_K where tokens >= 8: return KQuantNEON.q6KTiled
        case .q4_K: return KQuantNEON.q4KDot
        case .q5_K: return KQuantNEON.q5KDot
        case .q6_K: return KQuantNEON.q6KDot
        default: return nil
        }
    }
    #endif
}
