import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A packed copy of one Q4_K or Q4_0 matrix (Q4_KPacked, Q4_0Packed), or a regrouped copy of a
/// Q6_K matrix (its rows in the order the kernel walks them: row o + k·S at 8o + k, so a work
/// item reads one sequential stream), made at load for the AVX2 kernels, in anonymous memory asked for as huge pages (the kernels stream through it).
/// Making it drops the original rows from this process's resident set, so the model still costs
/// about one file's worth of memory.
final class PackedMatrix: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let bytes: Int
    let groupBytes: Int
    /// The row spacing within a group (rows / 8).
    let spacing: Int

    init?(_ t: GGUFTensor) {
        guard t.rows % 8 == 0 else { return nil }
        switch t.type {
        case .q4_K where t.rowLength % 256 == 0: groupBytes = Q4_KPacked.groupBytes(cols: t.rowLength)
        case .q4_0 where t.rowLength % 32 == 0: groupBytes = Q4_0Packed.groupBytes(cols: t.rowLength)
        case .q6_K where t.rowLength % 256 == 0: groupBytes = 8 * t.rowBytes
        default: return nil
        }
        spacing = t.rows / 8
        bytes = spacing * groupBytes
        guard let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
            return nil   // no memory for the copy: the kernels read the file's layout instead
        }
        base = p
        _ = madvise(base, bytes, MADV_HUGEPAGE)
        // Every core packs a share: most of the time goes to the kernel handing out (zeroed)
        // pages, and page faults on different cores run side by side.
        let spacing = spacing, groupBytes = groupBytes
        nonisolated(unsafe) let base = base, t = t
        let shares = 4 * ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: shares) { c in
            for o in spacing * c / shares..<spacing * (c + 1) / shares {
                let dst = base + o * groupBytes
                switch t.type {
                case .q4_K: Q4_KPacked.pack(group: o, spacing: spacing, from: t.data, rowBytes: t.rowBytes, cols: t.rowLength, into: dst)
                case .q4_0: Q4_0Packed.pack(group: o, spacing: spacing, from: t.data, rowBytes: t.rowBytes, cols: t.rowLength, into: dst)
                default:
                    for k in 0..<8 { (dst + k * t.rowBytes).copyMemory(from: t.data + (o + k * spacing) * t.rowBytes, byteCount: t.rowBytes) }
                }
            }
        }
        Self.release(t.data, t.byteCount)
    }

    deinit { munmap(base, bytes) }

    /// Drops the whole pages of a read-only file mapping from the resident set (they stay in the
    /// page cache, and come back on a later read).
    static func release(_ data: UnsafeRawPointer, _ count: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: data) + page - 1) / page * page
        let end = (Int(bitPattern: data) + count) / page * page
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    }
}

extension Q6_K {
    /// Copies a matrix (rows a multiple of 8) with row o + k·S at 8o + k (S = rows / 8).
    public static func regroup(_ w: UnsafeRawPointer, rows: Int, rowBytes: Int, into dst: UnsafeMutableRawPointer) {
        let spacing = rows / 8
        for o in 0..<spacing {
            for k in 0..<8 {
                (dst + (8 * o + k) * rowBytes).copyMemory(from: w + (o + k * spacing) * rowBytes, byteCount: rowBytes)
            }
        }
    }
}
