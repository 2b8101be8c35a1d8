import Foundation
import LuxLearn
import LuxStore

/// Where `lux eval` finds the question set, and file facts for the run's key.
enum EvalAssets {
    /// `Assets/eval` in the current folder, else beside the binary or a folder above it (a build
    /// tree: `.build/release/lux`), else `../share/lux/eval` from the binary (an install).
    static func defaultFolder() -> String {
        let fm = FileManager.default
        let local = LuxPaths.join(fm.currentDirectoryPath, "Assets/eval")
        if isFolder(local) { return local }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "lux").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/lux/eval").path
        for _ in 0 ..< 5 {
            let candidate = dir.appendingPathComponent("Assets/eval").path
            if isFolder(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return isFolder(installed) ? installed : local
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? -1
    }
}
