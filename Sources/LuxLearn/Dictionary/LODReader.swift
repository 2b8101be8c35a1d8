import Foundation

/// How far a read has got, for a progress bar.
public struct LODReadProgress: Sendable, Equatable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var entries: Int

    public init(bytesRead: Int, totalBytes: Int, entries: Int) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.entries = entries
    }
}

/// Reads the LOD open data (CC0): either the folder of per-entry files (`XML/GOEN1.xml`, ...)
/// or the single file as published, one `<lod:LOD>` root holding every `<lod:ITEM>`. Entries
/// stream out one at a time; memory stays small whatever the input's size.
public enum LODReader {
    /// The XML files at `path`: the file itself, or the `.xml` files of a folder by name.
    public static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DictionaryImportError.missingPath(path)
        }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw DictionaryImportError.cannotRead(path: path, reason: "cannot list the folder")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw DictionaryImportError.noXMLFiles(directory: path) }
        return files
    }

    /// Reads every entry at `path` in file order, giving each to `each` as it is read.
    /// A repeated entry id is an error. Returns the number of entries. Files are read through a
    /// buffer of `readBufferSize` bytes (it grows only for a longer single token).
    @discardableResult
    public static func read(_ path: String, readBufferSize: Int = 1 << 20, progress: ((LODReadProgress) -> Void)? = nil,
                            each: (DictionaryEntry) throws -> Void) throws -> Int {
        let files = try files(at: path)
        var state = LODReadProgress(bytesRead: 0, totalBytes: files.reduce(0) { $0 + fileSize($1) }, entries: 0)
        var firstFile: [String: String] = [:]
        let buffer = XMLReadBuffer(capacity: readBufferSize)
        var scanner = XMLScanner<LODEntryBuilder>(file: path)
        try withoutActuallyEscaping(each) { each in
            for file in files {
                let entriesBefore = state.entries
                var builder = LODEntryBuilder(file: file) { entry, line in
                    if let other = firstFile.updateValue(file, forKey: entry.id) {
                        throw DictionaryImportError.badEntry(file: file, line: line,
                                                             message: "entry id \(entry.id) is repeated (first in \(other))")
                    }
                    state.entries += 1
                    try each(entry)
                }
                try XMLFileReader.read(path: file, displayName: file, buffer: buffer, scanner: &scanner,
                                       handler: &builder) { bytes in
                    state.bytesRead += bytes
                    progress?(state)
                }
                if files.count == 1, state.entries == entriesBefore { throw DictionaryImportError.noEntries(path: file) }
            }
        }
        if state.entries == 0 { throw DictionaryImportError.noEntries(path: path) }
        return state.entries
    }

    /// Every entry at `path`, in file order.
    public static func entries(at path: String) throws -> [DictionaryEntry] {
        var entries: [DictionaryEntry] = []
        try read(path) { entries.append($0) }
        return entries
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
