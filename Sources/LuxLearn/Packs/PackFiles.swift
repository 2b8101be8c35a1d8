import Foundation

/// The files of a pack, read from a folder or a .zip: paths relative to the pack's root, with
/// "/" between folders, sorted. Only the files a pack is made of (.toml, .tsv, .csv) are read;
/// anything else (a README, pictures) is left alone.
public struct PackFiles: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    public var files: [File]

    public init(files: [File]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    public subscript(path: String) -> Data? {
        files.first { $0.path == path }?.data
    }

    static let extensions: Set<String> = ["toml", "tsv", "csv"]

    static func isPackFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard !name.hasPrefix(".") else { return false }
        return extensions.contains((name as NSString).pathExtension.lowercased())
    }
}

/// Bounds on what a pack may hold, so a hostile or broken archive cannot exhaust memory.
public enum PackLimits {
    public static let maxFiles = 1_000
    public static let maxFileBytes = 4 << 20
    public static let maxTotalBytes = 32 << 20
    /// Folder depth below the pack's root.
    public static let maxDepth = 8
}

/// Keeps paths inside the pack: no absolute paths, no "..", no backslashes or NUL.
enum PackPaths {
    /// The path with "." parts removed, or nil if it could point outside the pack.
    static func safe(_ raw: String) -> String? {
        guard !raw.isEmpty, !raw.hasPrefix("/"), !raw.contains("\\"), !raw.contains("\0") else { return nil }
        if raw.count >= 2, raw.dropFirst().first == ":" { return nil }  // "C:..."
        var parts: [Substring] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

/// Reads a pack's files from a folder or a .zip.
public enum PackReader {
    /// The files at `path`; problems (missing, too big, unsafe archive) are thrown as `PackProblems`.
    public static func read(_ path: String) throws -> PackFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PackProblems([PackProblem(file: "", line: nil, message: "no such file or folder")], source: path)
        }
        if isDirectory.boolValue {
            return try readFolder(path)
        }
        return try PackZip.read(path)
    }

    static func readFolder(_ root: String) throws -> PackFiles {
        var files: [PackFiles.File] = []
        var problems: [PackProblem] = []
        var total = 0
        func walk(_ relative: String, depth: Int) {
            let folder = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                problems.append(PackProblem(file: relative, line: nil, message: "cannot read this folder"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                let full = (root as NSString).appendingPathComponent(path)
                let attributes = try? FileManager.default.attributesOfItem(atPath: full)
                let type = attributes?[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    var pointsAtFolder: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: full, isDirectory: &pointsAtFolder)
                    if PackFiles.isPackFile(path) || pointsAtFolder.boolValue {
                        problems.append(PackProblem(file: path, line: nil,
                                                    message: "is a symbolic link; a pack holds plain files only"))
                    }
                } else if type == .typeDirectory {
                    if depth + 1 > PackLimits.maxDepth {
                        problems.append(PackProblem(file: path, line: nil,
                                                    message: "folders nest deeper than \(PackLimits.maxDepth) levels"))
                    } else {
                        walk(path, depth: depth + 1)
                    }
                } else if type == .typeRegular, PackFiles.isPackFile(path) {
                    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                    if let reason = PackZip.sizeProblem(size: size, total: total, count: files.count) {
                        problems.append(PackProblem(file: path, line: nil, message: reason))
                        continue
                    }
                    guard let data = FileManager.default.contents(atPath: full) else {
                        problems.append(PackProblem(file: path, line: nil, message: "cannot read this file"))
                        continue
                    }
                    total += data.count
                    files.append(PackFiles.File(path: path, data: data))
                }
            }
        }
        walk("", depth: 0)
        if !problems.isEmpty { throw PackProblems(problems, source: root) }
        return PackFiles(files: files)
    }
}
