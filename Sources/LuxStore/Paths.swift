import Foundation

/// Where lux keeps its files.
///
/// - data: `$LUX_HOME` if set, else `$XDG_DATA_HOME/lux`, else `~/.local/share/lux`;
///   it holds `lux.sqlite` (progress, packs, settings, chats, dictionary) and `models/`.
///
/// A relative XDG_DATA_HOME is ignored, as the XDG spec asks; a relative `LUX_HOME` is taken
/// from the current directory.
public struct LuxPaths: Sendable, Equatable {
    public let dataDirectory: String

    public var database: String { Self.join(dataDirectory, "lux.sqlite") }
    public var models: String { Self.join(dataDirectory, "models") }

    public init(dataDirectory: String) {
        self.dataDirectory = Self.absolute(dataDirectory)
    }

    /// The paths the environment asks for (by default, this process's environment).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ name: String) -> String? {
            guard let v = environment[name], !v.isEmpty else { return nil }
            return v
        }
        func xdg(_ name: String) -> String? {
            value(name).flatMap { $0.hasPrefix("/") ? $0 : nil }
        }
        let home = value("HOME") ?? NSHomeDirectory()
        let data = value("LUX_HOME")
            ?? Self.join(xdg("XDG_DATA_HOME") ?? Self.join(home, ".local/share"), "lux")
        self.init(dataDirectory: data)
    }

    /// Makes the data directory and its `models/` folder (and any missing parents).
    public func createDataDirectory() throws {
        try Self.makeDirectory(dataDirectory)
        try Self.makeDirectory(models)
    }

    /// `mkdir -p`; the error names the component that could not be made and why.
    static func makeDirectory(_ path: String) throws {
        if let reason = create(path) {
            throw StoreError.cannotCreateDirectory(path: path, reason: reason)
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw StoreError.cannotCreateDirectory(path: path, reason: "it is not writable")
        }
    }

    /// Creates `path` and its missing parents; nil on success, else why not.
    private static func create(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : "\(path) is a file, not a directory"
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let reason = create(parent) {
            return reason
        }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code != EEXIST { return "\(path): \(String(cString: strerror(code)))" }
        }
        return nil
    }

    public static func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
