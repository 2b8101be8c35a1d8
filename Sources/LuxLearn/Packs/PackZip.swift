import Foundation
import ZIPFoundation

/// Lesson packs as .zip archives. Reading never writes to disk: each entry is inflated into
/// memory, entries that could escape the pack ("../", absolute paths, symbolic links) refuse the
/// whole archive, and sizes are counted as bytes arrive, so an entry lying about its size
/// (a zip bomb) is stopped at the limit.
enum PackZip {
    static func read(_ path: String) throws -> PackFiles {
        func fail(_ message: String, entry: String = "") -> PackProblems {
            PackProblems([PackProblem(file: entry, line: nil, message: message)], source: path)
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw fail("not a pack folder or a readable .zip archive")
        }
        var entries: [(path: String, entry: Entry)] = []
        var count = 0
        for entry in archive {
            count += 1
            guard count <= PackLimits.maxFiles * 4 else {
                throw fail("the archive holds more than \(PackLimits.maxFiles * 4) entries")
            }
            let raw = entry.path
            guard let safe = PackPaths.safe(raw) else {
                throw fail("archive entry \"\(raw)\" points outside the pack; the archive is refused")
            }
            if entry.type == .symlink {
                throw fail("archive entry \"\(raw)\" is a symbolic link; the archive is refused")
            }
            guard entry.type == .file, !safe.hasPrefix("__MACOSX/") else { continue }
            entries.append((safe, entry))
        }
        let prefix = rootPrefix(entries.map(\.path))
        var files: [PackFiles.File] = []
        var total = 0
        for (entryPath, entry) in entries {
            let path = String(entryPath.dropFirst(prefix.count))
            guard PackFiles.isPackFile(path) else { continue }
            if path.split(separator: "/").count > PackLimits.maxDepth + 1 {
                throw fail("folders nest deeper than \(PackLimits.maxDepth) levels", entry: path)
            }
            let declared = Int(clamping: entry.uncompressedSize)
            if let reason = sizeProblem(size: declared, total: total, count: files.count) {
                throw fail(reason, entry: path)
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if data.count > PackLimits.maxFileBytes || total + data.count > PackLimits.maxTotalBytes {
                        throw SizeExceeded()
                    }
                }
            } catch is SizeExceeded {
                throw fail("inflates to more than its size limit (\(PackLimits.maxFileBytes >> 20) MiB a file, "
                           + "\(PackLimits.maxTotalBytes >> 20) MiB in all)", entry: path)
            } catch {
                throw fail("cannot be read from the archive (damaged?)", entry: path)
            }
            total += data.count
            files.append(PackFiles.File(path: path, data: data))
        }
        return PackFiles(files: files)
    }

    private struct SizeExceeded: Error {}

    /// Why a file of `size` bytes cannot be added after `count` files of `total` bytes, or nil.
    static func sizeProblem(size: Int, total: Int, count: Int) -> String? {
        if count >= PackLimits.maxFiles { return "the pack has more than \(PackLimits.maxFiles) files" }
        if size > PackLimits.maxFileBytes { return "is larger than \(PackLimits.maxFileBytes >> 20) MiB" }
        if total + size > PackLimits.maxTotalBytes { return "the pack's files add up to more than \(PackLimits.maxTotalBytes >> 20) MiB" }
        return nil
    }

    /// "" when pack.toml is at the archive's root; "name/" when everything sits in one folder
    /// that holds it (as zipping a folder does).
    static func rootPrefix(_ paths: [String]) -> String {
        if paths.contains(PackManifest.fileName) { return "" }
        let tops = Set(paths.compactMap { $0.split(separator: "/").first.map(String.init) })
        if tops.count == 1, let top = tops.first, paths.contains("\(top)/\(PackManifest.fileName)") {
            return "\(top)/"
        }
        return ""
    }

    /// Writes `files` as a new .zip at `path` (deflated).
    static func write(_ files: PackFiles, to path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for file in files.files {
            let data = file.data
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start ..< min(data.count, start + size))
            }
        }
    }
}
