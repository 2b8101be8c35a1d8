#if arch(arm64)
import _Builtin_intrinsics.arm.neon

/// The NEON paths of the K-quant dots (arm64). Each super-block's exact integers come from
/// int8 products (smull, then pairwise adds: LegacyQuantNEON.quadSums); the float part of each
/// is then the reference's, operation for operation, so the results are bit-identical to
/// Q4_K/Q5_K/Q6_K's `dotFast`, `dotTiled`, `dotInterleaved` and `dotInterleavedGroup`
/// (scripts/test-neon checks them under qemu).
enum KQuantNEON {
    // MARK: Integer sums of one super-block

    /// Q4_K (or, with `fifthBit`, Q5_K): the lane sums s_j·q·q8 (lane (i % 32) / 4) as two
    /// halves, and per sub-block pair p the whole sum s_2p·(q·q8)_2p + s_2p+1·(q·q8)_2p+1.
    @inline(__always)
    static func q4KSums(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, fifthBit: Bool)
        -> (lo: SIMD4<Int32>, hi: SIMD4<Int32>, pairs: SIMD4<Int32>) {
        let (scales, _) = KQuantScales.unpack(x + Q4_K.scalesOffset)
        let qs = fifthBit ? Q5_K.qsOffset : Q4_K.qsOffset
        var h0 = SIMD16<UInt8>(), h1 = SIMD16<UInt8>()
        if fifthBit {
            h0 = x.loadUnaligned(fromByteOffset: Q5_K.qhOffset, as: SIMD16<UInt8>.self)
            h1 = x.loadUnaligned(fromByteOffset: Q5_K.qhOffset + 16, as: SIMD16<UInt8>.self)
        }
        var lo = SIMD4<Int32>(), hi = SIMD4<Int32>(), pairs = SIMD4<Int32>()
        for p in 0..<4 {
            let v0 = x.loadUnaligned(fromByteOffset: qs + 32 * p, as: SIMD16<UInt8>.self)
            let v1 = x.loadUnaligned(fromByteOffset: qs + 32 * p + 16, as: SIMD16<UInt8>.self)
            // Sub-block 2p in the low nibbles, 2p+1 in the high ones (elements 0..15 from v0, 16..31 from v1).
            var a0 = v0 & 0x0F, a1 = v1 & 0x0F, b0 = v0 &>> 4, b1 = v1 &>> 4
            if fifthBit {
                let sa = UInt8(2 * p), sb = UInt8(2 * p + 1)
                a0 |= ((h0 &>> sa) & 1) &<< 4
                a1 |= ((h1 &>> sa) & 1) &<< 4
                b0 |= ((h0 &>> sb) & 1) &<< 4
                b1 |= ((h1 &>> sb) & 1) &<< 4
            }
            let yo = Q8_K.qsOffset + 64 * p
            let s0 = SIMD4<Int32>(repeating: Int32(scales[2 * p])), s1 = SIMD4<Int32>(repeating: Int32(scales[2 * p + 1]))
            let pLo = s0 &* quads(a0, y, yo) &+ s1 &* quads(b0, y, yo + 32)
            let pHi = s0 &* quads(a1, y, yo + 16) &+ s1 &* quads(b1, y, yo + 48)
            lo &+= pLo
            hi &+= pHi
            pairs[p] = vaddvq_s32(pLo &+ pHi)
        }
        return (lo, hi, pairs)
    }

    /// Q6_K's lanes, as Q6_K.blockSums: scale·q·q8 per lane, then 32·scale·bsum taken off.
    @inline(__always)
    static func q6KLanes(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> SIMD8<Int32> {
        let scales = x.loadUnaligned(fromByteOffset: Q6_K.scalesOffset, as: SIMD16<Int8>.self)
        var lo = SIMD4<Int32>(), hi = SIMD4<Int32>()
        for half in 0..<2 {
            let qho = Q6_K.qhOffset + 32 * half
            let h0 = x.loadUnaligned(fromByteOffset: qho, as: SIMD16<UInt8>.self)
            let h1 = x.loadUnaligned(fromByteOffset: qho + 16, as: SIMD16<UInt8>.self)
            for quarter in 0..<4 {
                let c = 4 * half + quarter, shift = UInt8(2 * quarter)
                let qlo = 64 * half + 32 * (quarter % 2)
                let l0 = x.loadUnaligned(fromByteOffset: qlo, as: SIMD16<UInt8>.self)
                let l1 = x.loadUnaligned(fromByteOffset: qlo + 16, as: SIMD16<UInt8>.self)
                let q0 = (quarter < 2 ? l0 & 0x0F : l0 &>> 4) | ((h0 &>> shift) & 3) &<< 4
                let q1 = (quarter < 2 ? l1 & 0x0F : l1 &>> 4) | ((h1 &>> shift) & 3) &<< 4
                let yo = Q8_K.qsOffset + 32 * c
                lo &+= quads(q0, y, yo) &* Int32(scales[2 * c])
                hi &+= quads(q1, y, yo + 16) &* Int32(scales[2 * c + 1])
            }
        }
        let bs = y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: SIMD16<Int16>.self)
        let sc16 = widenToInt16(scales)
        let offsets = widenToInt32(sc16.evenHalf) &* widenToInt32(bs.evenHalf) &+ widenToInt32(sc16.oddHalf) &* widenToInt32(bs.oddHalf)
        return SIMD8(lowHalf: lo, highHalf: hi) &- 32 &* offsets
    }

    /// Quad sums of 16 quants (0...63) with the 16 activations at y + offset.
    @inline(__always)
    static func quads(_ q: SIMD16<UInt8>, _ y: UnsafeRawPointer, _ offset: Int) -> SIMD4<Int32> {
        LegacyQuantNEON.quadSums(SIMD16<Int8>(truncatingIfNeeded: q), y.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
    }

    /// m_j · (sum of sub-block j's activations), as the references form it.
    @inline(__always)
    static func minSums(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> SIMD8<Int32> {
        widenToInt32(KQuantScales.unpack(x + Q4_K.scalesOffset).mins) &* subBlockSums(y)
    }

    // MARK: The dots (float parts as in the references)

    /// Q4_K.dotFast.
    static func q4KDot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), accMin = SIMD4<Float>()
        for b in 0..<count / 256 {
            let x = w + b * Q4_K.blockBytes, y = a + b * Q8_K.blockBytes
            let s = q4KSums(x, y, fifthBit: false), m = minSums(x, y)
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(SIMD8(repeating: dy * loadHalf(x)), SIMD8<Float>(SIMD8(lowHalf: s.lo, highHalf: s.hi)))
            accMin = accMin.addingProduct(SIMD4(repeating: -dy * loadHalf(x, 2)), SIMD4<Float>(m.evenHalf &+ m.oddHalf))
        }
        return VecMath.hsum(acc) + ((accMin[0] + accMin[2]) + (accMin[1] + accMin[3]))
    }

    /// Q4_K.dotInterleaved (llama.cpp's repacked GEMV).
    static func q4KInterleaved(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * Q4_K.blockBytes, y = a + b * Q8_K.blockBytes
            let s = q4KSums(x, y, fifthBit: false)
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(Float(s.pairs.wrappedSum()), loadHalf(x) * dy)
            accMin = accMin.addingProduct(Float(minSums(x, y).wrappedSum()), loadHalf(x, 2) * dy)
        }
        return acc - accMin
    }

    /// Q4_K.dotInterleavedGroup (llama.cpp's repacked GEMM): one fused add per sub-block pair.
    static func q4KInterleavedGroup(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * Q4_K.blockBytes, y = a + b * Q8_K.blockBytes
            let s = q4KSums(x, y, fifthBit: false), m = minSums(x, y)
            let dy = Q8_K.scale(y)
            let d = loadHalf(x) * dy, dmin = loadHalf(x, 2) * dy
            for p in 0..<4 {
                acc = acc.addingProduct(Float(s.pairs[p]), d)
                accMin = accMin.addingProduct(Float(m[2 * p] &+ m[2 * p + 1]), dmin)
            }
        }
        return acc - accMin
    }

    /// Q4_K.dotTiled and Q5_K.dotTiled (llama.cpp's tiled prompt kernel): the shared float part
    /// over these integer sums.
    static func q4KTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        KQuantTiled.withMins(w, a, count: count, blockBytes: Q4_K.blockBytes) { x, y in lanesAndMins(x, y, fifthBit: false) }
    }

    static func q5KTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        KQuantTiled.withMins(w, a, count: count, blockBytes: Q5_K.blockBytes) { x, y in lanesAndMins(x, y, fifthBit: true) }
    }

    @inline(__always)
    static func lanesAndMins(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, fifthBit: Bool) -> (lanes: SIMD8<Int32>, mins: SIMD8<Int32>) {
        let s = q4KSums(x, y, fifthBit: fifthBit)
        return (SIMD8(lowHalf: s.lo, highHalf: s.hi), minSums(x, y))
    }

    /// Q5_K.dotFast.
    static func q5KDot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), summs: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * Q5_K.blockBytes, y = a + b * Q8_K.blockBytes
            let s = q4KSums(x, y, fifthBit: true)
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(SIMD8(repeating: dy * loadHalf(x)), SIMD8<Float>(SIMD8(lowHalf: s.lo, highHalf: s.hi)))
            summs = summs.addingProduct(-dy * loadHalf(x, 2), Float(minSums(x, y).wrappedSum()))
        }
        return VecMath.hsum(acc) + summs
    }

    /// Q6_K.dotFast.
    static func q6KDot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<count / 256 {
            let x = w + b * Q6_K.blockBytes, y = a + b * Q8_K.blockBytes
            acc = acc.addingProduct(SIMD8(repeating: loadHalf(x, Q6_K.dOffset) * Q8_K.scale(y)), SIMD8<Float>(q6KLanes(x, y)))
        }
        return VecMath.hsum(acc)
    }

    /// Q6_K.dotTiled.
    static func q6KTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * Q6_K.blockBytes, y = a + b * Q8_K.blockBytes
            let r = loadHalf(x, Q6_K.dOffset) * Float(q6KLanes(x, y).wrappedSum())
            acc = acc.addingProduct(r, Q8_K.scale(y))
        }
        return acc
    }
}
#endif
