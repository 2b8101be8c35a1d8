/// Many-row kernels of the K-quant dots the forward pass runs (see RowKernels and RowProduct).
/// Each is bit-identical to the one-row dot it names; tests compare them.

extension Q4_K {
    /// `dotInterleaved` (llama.cpp's repacked GEMV) for many rows and tokens. The AVX2 path takes
    /// eight rows at once (lanes == 8), one row per float lane.
    public static func dotRowsInterleaved(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd && lanes == 8 { KQuantAVX2.q4KInterleaved(p, rows: rows, spacing: spacing, grouped: false); return }
        #elseif arch(arm64)
        if RowKernels.neon { RowKernels.portable(KQuantNEON.q4KInterleaved, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dotInterleaved, p, rows: rows, spacing: spacing, lanes: lanes)
    }

    /// `dotInterleavedGroup` (llama.cpp's repacked GEMM, for tokens in groups of four) for many
    /// rows and tokens; the AVX2 path takes eight rows at once (lanes == 8).
    public static func dotRowsInterleavedGroup(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd && lanes == 8 { KQuantAVX2.q4KInterleaved(p, rows: rows, spacing: spacing, grouped: true); return }
        #elseif arch(arm64)
        if RowKernels.neon { RowKernels.portable(KQuantNEON.q4KInterleavedGroup, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dotInterleavedGroup, p, rows: rows, spacing: spacing, lanes: lanes)
    }
}

extension Q4_K {
    /// The same two kernels over a packed copy (Q4_KPacked, made only where these AVX2 paths
    /// run): `grouped` picks dotInterleavedGroup's sums, else dotInterleaved's. Computes the rows
    /// o + k·spacing of each group o in `groups`, k < 8.
    public static func dotRowsPacked(_ p: RowProduct, groups: Range<Int>, spacing: Int, grouped: Bool) {
        #if arch(x86_64)
        if grouped { KQuantAVX2.q4KGemm(p, rows: groups, spacing: spacing, packed: true) }
        else { KQuantAVX2.q4KPackedGemv(p, groups: groups, spacing: spacing) }
        #else
        preconditionFailure("packed Q4_K matrices exist only for the AVX2 kernels")
        #endif
    }
}

extension Q6_K {
    /// `dotFast` (ggml_vec_dot_q6_K_q8_K's lane order) for many rows and tokens.
    public static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd { KQuantAVX2.q6K(p, rows: rows, spacing: spacing, lanes: lanes, tiled: false); return }
        #elseif arch(arm64)
        if RowKernels.neon { RowKernels.portable(KQuantNEON.q6KDot, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dotFast, p, rows: rows, spacing: spacing, lanes: lanes)
    }

    /// `dotFast` (tokens < 8) or `dotTiled` over a regrouped copy (PackedMatrix, made only where
    /// the AVX2 path runs): the rows o + k·spacing of each group o in `groups`, k < 8.
    public static func dotRowsRegrouped(_ p: RowProduct, groups: Range<Int>, spacing: Int) {
        #if arch(x86_64)
        KQuantAVX2.q6K(p, rows: groups, spacing: spacing, lanes: 8, tiled: p.tokens >= 8, regrouped: true)
        #else
        preconditionFailure("regrouped Q6_K matrices exist only for the AVX2 kernels")
        #endif
    }

    /// `dotTiled` (llama.cpp's tiled prompt kernel) for many rows and tokens.
    public static func dotRowsTiled(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd { KQuantAVX2.q6K(p, rows: rows, spacing: spacing, lanes: lanes, tiled: true); return }
        #elseif arch(arm64)
        if RowKernels.neon { RowKernels.portable(KQuantNEON.q6KTiled, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dotTiled, p, rows: rows, spacing: spacing, lanes: lanes)
    }
}
