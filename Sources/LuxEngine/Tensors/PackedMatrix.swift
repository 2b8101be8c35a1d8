import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The copies the AVX2 kernels read instead of the file's layout, eight rows o + k·S (k < 8,
/// S = rows / 8) per group: Q4_K and Q4_0 packed side by side (Q4_KPacked, Q4_0Packed), Q6_K
/// regrouped (row o + k·S whole at 8o + k, so a work item reads one sequential stream).
public enum MatrixPacking {
    /// Bytes per group of eight rows, or nil for a matrix that is not packed.
    public static func groupBytes(type: GGMLType, rows: Int, cols: Int) -> Int? {
        guard rows % 8 == 0 else { return nil }
        switch type {
        case .q4_K where cols % 256 == 0: return Q4_KPacked.groupBytes(cols: cols)
        case .q4_0 where cols % 32 == 0: return Q4_0Packed.groupBytes(cols: cols)
        case .q6_K where cols % 256 == 0: return 8 * type.rowBytes(cols)
        default: return nil
        }
    }

    /// Writes groups `groups` of the matrix at `w` to `dst` (which holds all groups).
    public static func pack(type: GGMLType, _ w: UnsafeRawPointer, rows: Int, cols: Int, groups: Range<Int>? = nil,
                            into dst: UnsafeMutableRawPointer) {
        guard let groupBytes = groupBytes(type: type, rows: rows, cols: cols) else { return }
        let spacing = rows / 8, rowBytes = type.rowBytes(cols)
        for o in groups ?? 0..<spacing {
            let out = dst + o * groupBytes
            switch type {
            case .q4_K: Q4_KPacked.pack(group: o, spacing: spacing, from: w, rowBytes: rowBytes, cols: cols, into: out)
            case .q4_0: Q4_0Packed.pack(group: o, spacing: spacing, from: w, rowBytes: rowBytes, cols: cols, into: out)
            default:
                for k in 0..<8 { (out + k * rowBytes).copyMemory(from: w + (o + k * spacing) * rowBytes, byteCount: rowBytes) }
            }
        }
    }
}

/// A packed copy of one matrix (MatrixPacking), made at load, in anonymous memory asked for as
/// huge pages (the kernels stream through it: measured about 10% faster decode than small
/// pages). Making it drops the original rows from this process's resident set, so the model
/// still costs about one file's worth of memory.
final class PackedMatrix: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let bytes: Int
    let groupBytes: Int
    /// The row spacing within a group (rows / 8).
    let spacing: Int

    init?(_ t: GGUFTensor) {
        guard let groupBytes = MatrixPacking.groupBytes(type: t.type, rows: t.rows, cols: t.rowLength) else { return nil }
        self.groupBytes = groupBytes
        spacing = t.rows / 8
        bytes = spacing * groupBytes
        guard let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
            return nil   // no memory for the copy: the kernels read the file's layout instead
        }
        base = p
        _ = madvise(base, bytes, MADV_HUGEPAGE)
        // Every core packs a share: most of the time goes to the kernel handing out (zeroed)
        // pages, and page faults on different cores run side by side.
        let spacing = spacing
        nonisolated(unsafe) let base = base
        let shares = 4 * ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: shares) { c in
            MatrixPacking.pack(type: t.type, t.data, rows: t.rows, cols: t.rowLength,
                               groups: spacing * c / shares..<spacing * (c + 1) / shares, into: base)
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
