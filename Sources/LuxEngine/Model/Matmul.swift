/// Matrix products of the forward pass: which code computes the kernel llama.cpp runs for a
/// matrix (Tensors/KernelChoice), how the rows are dealt out to the workers, and how a phase's
/// inputs are quantized.

/// How the rows of a matrix are dealt out: `lanes` segments of `segment` consecutive rows (the
/// last may be shorter), and work item c takes rows c·group..<(c+1)·group of every segment.
/// A kernel walks the segments side by side, so each lane reads one long sequential stream
/// and the streams lie a segment apart (see RowKernels).
struct RowPlan {
    let rows: Int
    let lanes: Int
    let segment: Int
    let group: Int

    init(rows: Int, lanes: Int, itemsWanted: Int) {
        self.rows = rows
        self.lanes = max(1, min(lanes, rows))
        segment = (rows + self.lanes - 1) / self.lanes
        group = max(1, (segment + itemsWanted - 1) / max(1, itemsWanted))
    }

    var items: Int { (segment + group - 1) / group }

    /// Calls body(offsets, lanes) for item c: rows o + k·segment for o in offsets, k < lanes.
    /// Offsets near the end, where the last segment has run out, come with fewer lanes.
    func forEach(item c: Int, _ body: (Range<Int>, Int) -> Void) {
        let lo = c * group, hi = min(segment, lo + group)
        var j = lo
        while j < hi {
            let v = min(lanes, (rows - j + segment - 1) / segment)
            var e = j + 1
            while e < hi && min(lanes, (rows - e + segment - 1) / segment) == v { e += 1 }
            if v > 0 { body(j..<e, v) }
            j = e
        }
    }
}

extension WeightMatrix {
    /// Rows the fast kernel for this matrix walks at once.
    var kernelLanes: Int {
        switch format.type {
        case .q4_0 where rows % 8 == 0, .q4_K where rows % 8 == 0, .q6_K: return 8
        default: return 4
        }
    }

    /// The rows o + k·spacing (o in `offsets`, k < lanes) of W times `n` input rows.
    /// Q4_1, Q8_0, Q4_0, Q4_K (repacked) and Q6_K run the formats' many-row kernels, which
    /// compute the same sums as the one-row kernels KernelChoice names for them (mirrored here:
    /// keep the two in step); other formats call KernelChoice's kernels row by row.
    func multiply(_ offsets: Range<Int>, spacing: Int, lanes: Int, input: UnsafeRawPointer, tokens n: Int,
                  kernels k: MatmulKernels, into target: MatmulTarget) {
        if let packed {
            multiplyPacked(packed, groups: offsets, spacing: spacing, lanes: lanes, input: input, tokens: n, kernels: k, into: target)
            return
        }
        let p = RowProduct(weights: tensor.data, rowBytes: tensor.rowBytes, cols: cols, input: input,
                           inputBytes: format.activationBytes(cols), tokens: n, out: target.base,
                           outStride: target.stride, accumulate: target.accumulate)
        switch format.type {
        case .q4_1: Q4_1.dotRows(p, rows: offsets, spacing: spacing, lanes: lanes)
        case .q8_0: Q8_0.dotRows(p, rows: offsets, spacing: spacing, lanes: lanes)
        case .q4_0 where rows % 8 == 0: Q4_0.dotRowsInterleaved(p, rows: offsets, spacing: spacing, lanes: lanes)
        case .q4_0: Q4_0.dotRows(p, rows: offsets, spacing: spacing, lanes: lanes)
        case .q4_K where rows % 8 == 0:
            // Whole groups of four tokens take the GEMM's sums, the rest the GEMV's.
            if k.grouped > 0 { Q4_K.dotRowsInterleavedGroup(p.tokens(0..<k.grouped), rows: offsets, spacing: spacing, lanes: lanes) }
            if n > k.grouped { Q4_K.dotRowsInterleaved(p.tokens(k.grouped..<n), rows: offsets, spacing: spacing, lanes: lanes) }
        case .q6_K where n >= 8: Q6_K.dotRowsTiled(p, rows: offsets, spacing: spacing, lanes: lanes)
        case .q6_K: Q6_K.dotRows(p, rows: offsets, spacing: spacing, lanes: lanes)
        default:
            for o in offsets {
                for lane in 0..<lanes {
                    let r = o + lane * spacing
                    let wr = p.weights + r * p.rowBytes
                    for t in 0..<n {
                        let dot = t < k.grouped ? k.groupDot : k.dot
                        p.store(dot(wr, input + t * p.inputBytes, cols), token: t, row: r)
                    }
                }
            }
        }
    }

    /// The same product from the packed copy (MatrixPacking): group o holds the rows
    /// o + k·spacing, k < 8, so the row plan's offsets are its groups.
    private func multiplyPacked(_ q: PackedMatrix, groups: Range<Int>, spacing: Int, lanes: Int, input: UnsafeRawPointer,
                                tokens n: Int, kernels k: MatmulKernels, into target: MatmulTarget) {
        precondition(lanes == 8 && spacing == q.spacing, "a packed matrix is walked by its groups")
        // Q6_K is only regrouped: its kernel still steps one whole row at a time.
        let p = RowProduct(weights: q.base, rowBytes: format.type == .q6_K ? tensor.rowBytes : q.groupBytes, cols: cols,
                           input: input, inputBytes: format.activationBytes(cols), tokens: n, out: target.base,
                           outStride: target.stride, accumulate: target.accumulate)
        switch format.type {
        case .q4_0: Q4_0.dotRowsPacked(p, groups: groups, spacing: spacing)
        case .q6_K: Q6_K.dotRowsRegrouped(p, groups: groups, spacing: spacing)
        default:
            // Q4_K: whole groups of four tokens take the GEMM's sums, the rest the GEMV's.
            if k.grouped > 0 { Q4_K.dotRowsPacked(p.tokens(0..<k.grouped), groups: groups, spacing: spacing, grouped: true) }
            if n > k.grouped { Q4_K.dotRowsPacked(p.tokens(k.grouped..<n), groups: groups, spacing: spacing, grouped: false) }
        }
    }

    /// Quantizes elements lo..<hi (block-aligned) of input row t of an n-token product for this
    /// matrix into row t of `buffer`.
    func quantizeInput(_ x: UnsafePointer<Float>, row t: Int, elements lo: Int, _ hi: Int,
                       kernels k: MatmulKernels, into buffer: UnsafeMutableRawPointer) {
        let type = format.activationType
        let dst = buffer + t * type.rowBytes(cols) + type.rowBytes(lo)
        let quantize = t < k.grouped ? k.groupQuantize : format.quantizeActivation
        quantize(x + lo, dst, hi - lo)
    }

    /// Elements of the input that quantize together (a block of the activation format).
    var inputBlock: Int { format.activationType.layout.blockSize }
}

/// Where a product goes: element (token t, row r) at base[t * stride + r]; with `accumulate` the
/// product is added to what is there (the residual connection: x + W·h, as ggml adds them).
struct MatmulTarget {
    let base: UnsafeMutablePointer<Float>
    let stride: Int
    let accumulate: Bool
}

/// The matrices of one phase (sharing an input), their kernels for n tokens, and their rows as
/// work items. Matrices whose inputs quantize the same way share a buffer: `source(m)` is the
/// matrix whose buffer m reads.
struct MatmulPhase {
    let matrices: [WeightMatrix]
    let n: Int
    private var kernels: (MatmulKernels, MatmulKernels, MatmulKernels)
    private var first: (Int, Int, Int) = (0, 1, 2)
    private var plans: (RowPlan, RowPlan, RowPlan)

    /// `itemsWanted`: work items per matrix (enough for the workers to even out).
    init(_ matrices: [WeightMatrix], tokens n: Int, itemsWanted: Int) {
        self.matrices = matrices
        self.n = n
        func kern(_ m: Int) -> MatmulKernels { matrices[min(m, matrices.count - 1)].kernels(tokens: n) }
        func plan(_ m: Int) -> RowPlan {
            let w = matrices[min(m, matrices.count - 1)]
            return RowPlan(rows: m < matrices.count ? w.rows : 0, lanes: w.kernelLanes, itemsWanted: itemsWanted)
        }
        kernels = (kern(0), kern(1), kern(2))
        plans = (plan(0), plan(1), plan(2))
        func same(_ a: Int, _ b: Int) -> Bool {
            matrices[a].format.activationType == matrices[b].format.activationType && kernel(a).grouped == kernel(b).grouped
        }
        if matrices.count > 1, same(1, 0) { first.1 = 0 }
        if matrices.count > 2 { first.2 = same(2, 0) ? 0 : (same(2, 1) ? first.1 : 2) }
    }

    func kernel(_ m: Int) -> MatmulKernels { m == 0 ? kernels.0 : (m == 1 ? kernels.1 : kernels.2) }
    func source(_ m: Int) -> Int { m == 0 ? first.0 : (m == 1 ? first.1 : first.2) }
    func plan(_ m: Int) -> RowPlan { m == 0 ? plans.0 : (m == 1 ? plans.1 : plans.2) }

    /// Quantizes input row t into the buffers of the matrices that own one.
    func quantize(_ x: UnsafePointer<Float>, row t: Int, buffers: [UnsafeMutableRawPointer]) {
        for m in 0..<matrices.count where source(m) == m {
            matrices[m].quantizeInput(x, row: t, elements: 0, matrices[m].cols, kernels: kernel(m), into: buffers[m])
        }
    }

    /// Work items of all matrices, numbered across them.
    var items: Int {
        var c = 0
        for m in 0..<matrices.count { c += plan(m).items }
        return c
    }

    /// Runs work item c; `target(m)` says where matrix m's products go.
    func run(item c: Int, buffers: [UnsafeMutableRawPointer], _ target: (Int) -> MatmulTarget) {
        var c = c
        for m in 0..<matrices.count {
            let plan = plan(m)
            if c < plan.items {
                let w = matrices[m], k = kernel(m), input = UnsafeRawPointer(buffers[source(m)]), t = target(m)
                plan.forEach(item: c) { offsets, lanes in
                    w.multiply(offsets, spacing: plan.segment, lanes: lanes, input: input, tokens: n, kernels: k, into: t)
                }
                return
            }
            c -= plan.items
        }
    }
}
