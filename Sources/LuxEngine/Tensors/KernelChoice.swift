/// Which dot product llama.cpp's CPU backend (AVX2 build) runs for a weight matrix, by type,
/// shape and the number of tokens multiplied at once. Different kernels add the same products in
/// different orders, and the order decides the last bits of every activation.
///   - F32/F16: one token uses ggml_vec_dot_*; two or more use llamafile's tinyBLAS (when the
///     row length is a multiple of 8).
///   - Q4_0 with a row count divisible by 8 is repacked at load and runs the 8x8 gemv/gemm.
///   - Everything else runs the format's own dot, whose order tinyBLAS's Q8_0/Q4_0 paths share.
extension WeightMatrix {
    func dotKernel(tokens: Int) -> WeightFormat.Dot {
        switch format.type {
        case .f32 where tokens >= 2 && cols % 8 == 0: return F32.dotTiled
        case .f16 where tokens >= 2 && cols % 8 == 0: return F16.dotTiled
        case .q4_0 where rows % 8 == 0: return Q4_0.dotInterleaved
        default: return format.dot
        }
    }
}
