import Foundation

/// The bytes an XML file is read through. One is reused for every file of an import; it grows
/// only when a single token (a long text) does not fit.
final class XMLReadBuffer {
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = max(capacity, 8)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Doubles the capacity, keeping the first `keeping` bytes.
    func grow(keeping: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: storage, count: keeping)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }
}

enum XMLFileReader {
    /// Streams the XML file at `path` through `handler`, reusing `scanner` (and the names it has
    /// already interned). `displayName` names the file in errors;
    /// `progress` is told how many more bytes were read after each read.
    static func read<H: XMLEventHandler>(path: String, displayName: String, buffer: XMLReadBuffer,
                                         scanner: inout XMLScanner<H>, handler: inout H,
                                         progress: (Int) -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DictionaryImportError.cannotRead(path: displayName, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        scanner.restart(file: displayName)
        var filled = 0
        while true {
            if filled == buffer.capacity { buffer.grow(keeping: filled) }
            let got = Foundation.read(fd, buffer.storage + filled, buffer.capacity - filled)
            if got < 0 {
                if errno == EINTR { continue }
                throw DictionaryImportError.cannotRead(path: displayName, reason: String(cString: strerror(errno)))
            }
            filled += got
            progress(got)
            let final = got == 0
            let used = try scanner.scan(UnsafeBufferPointer(start: buffer.storage, count: filled), final: final,
                                        handler: &handler)
            if final { break }
            if used > 0 {
                memmove(buffer.storage, buffer.storage + used, filled - used) // regions may overlap
                filled -= used
            }
        }
        try scanner.finish()
    }
}
