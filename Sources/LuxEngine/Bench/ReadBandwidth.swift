import Foundation
import Synchronization

/// How fast the pool's threads stream bytes from memory: each worker sums its share of a buffer
/// far larger than the caches (wide loads, four independent sums), and the median of a few
/// passes counts (on a shared machine the best pass catches moments when the neighbours are
/// idle, which decode, running for seconds, does not see). This is the ceiling for decode, which
/// reads every weight once per token.
public enum ReadBandwidth {
    /// Bytes per second. `bytes` should be many times the last-level cache (default 512 MiB).
    public static func measure(pool: WorkerPool, bytes: Int = 512 << 20, passes: Int = 7) -> Double {
        let count = bytes / 64 * 64
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 64)
        defer { buffer.deallocate() }
        // Touch every page with distinct data so nothing is shared or compressed away.
        let words = buffer.bindMemory(to: UInt64.self, capacity: count / 8)
        for i in 0..<count / 8 { words[i] = UInt64(i) &* 0x9E37_79B9_7F4A_7C15 }
        let sink = Atomic<UInt64>(0)
        let chunks = count / 64
        var times: [Double] = []
        for _ in 0..<max(1, passes) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let base = UnsafeRawPointer(buffer)
            pool.parallelFor(chunks) { range in
                var s0 = SIMD8<UInt32>(), s1 = SIMD8<UInt32>(), s2 = SIMD8<UInt32>(), s3 = SIMD8<UInt32>()
                var i = range.lowerBound
                while i + 4 <= range.upperBound {
                    let p = base + i * 64
                    s0 &+= p.load(fromByteOffset: 0, as: SIMD8<UInt32>.self) &+ p.load(fromByteOffset: 32, as: SIMD8<UInt32>.self)
                    s1 &+= p.load(fromByteOffset: 64, as: SIMD8<UInt32>.self) &+ p.load(fromByteOffset: 96, as: SIMD8<UInt32>.self)
                    s2 &+= p.load(fromByteOffset: 128, as: SIMD8<UInt32>.self) &+ p.load(fromByteOffset: 160, as: SIMD8<UInt32>.self)
                    s3 &+= p.load(fromByteOffset: 192, as: SIMD8<UInt32>.self) &+ p.load(fromByteOffset: 224, as: SIMD8<UInt32>.self)
                    i += 4
                }
                while i < range.upperBound {
                    s0 &+= (base + i * 64).load(as: SIMD8<UInt32>.self) &+ (base + i * 64).load(fromByteOffset: 32, as: SIMD8<UInt32>.self)
                    i += 1
                }
                sink.wrappingAdd(UInt64((s0 &+ s1 &+ s2 &+ s3).wrappedSum()), ordering: .relaxed)
            }
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            times.append(t)
        }
        return Double(count) / times.sorted()[times.count / 2]
    }
}
