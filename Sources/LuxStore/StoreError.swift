import Foundation
import GRDB

/// Every failure the store reports: one line that names the database file (or directory) and
/// says what went wrong in words a learner can act on. SQLite's own codes never reach the user.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The data directory could not be made (a file is in the way, no permission, ...).
    case cannotCreateDirectory(path: String, reason: String)
    /// The database was migrated by a lux that knows migrations this one does not.
    case newerDatabase(path: String, migrations: [String])
    /// The disk (or the file size limit) is full.
    case diskFull(path: String)
    /// The file or its directory cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file or its directory is read-only.
    case readOnly(path: String)
    /// Another process held the write lock for longer than the busy timeout.
    case busy(path: String, waited: TimeInterval)
    /// Not an SQLite file, or a damaged one.
    case damaged(path: String, reason: String)
    /// A read or write failed at the operating-system level.
    case io(path: String, reason: String)
    /// A row the caller named does not exist.
    case notFound(path: String, what: String)
    /// The caller passed data the store refuses (bad JSON, duplicate ids, a broken constraint).
    case invalid(path: String, reason: String)
    /// Any other SQLite failure.
    case sqlite(path: String, code: Int32, message: String)

    public var description: String {
        let text: String
        switch self {
        case let .cannotCreateDirectory(path, reason):
            text = "cannot create the data directory \(path): \(reason) (set LUX_HOME to use another place)"
        case let .newerDatabase(path, migrations):
            text = "\(path) was written by a newer lux (migration \(migrations.joined(separator: ", "))); update lux"
        case let .diskFull(path):
            text = "\(path): the disk is full; free some space and try again"
        case let .cannotOpen(path, reason):
            text = "\(path): cannot open the database: \(reason)"
        case let .readOnly(path):
            text = "\(path): the database or its directory is read-only"
        case let .busy(path, waited):
            text = "\(path): another lux kept the database busy for more than \(Int(waited)) s; try again"
        case let .damaged(path, reason):
            text = "\(path): the database is damaged or not a lux database (\(reason))"
        case let .io(path, reason):
            text = "\(path): disk I/O error: \(reason)"
        case let .notFound(path, what):
            text = "\(path): \(what) does not exist"
        case let .invalid(path, reason):
            text = "\(path): \(reason)"
        case let .sqlite(path, code, message):
            text = "\(path): SQLite error \(code): \(message)"
        }
        // One line, whatever the pieces contained.
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// Turns any error thrown while using the database at `path` into a `StoreError`.
    public init(_ error: any Error, path: String, busyTimeout: TimeInterval = LuxDatabase.defaultBusyTimeout) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .invalid(path: path, reason: String(describing: error))
            return
        }
        let message = error.message ?? "unknown error"
        switch error.resultCode {
        case .SQLITE_FULL:
            self = .diskFull(path: path)
        case .SQLITE_CANTOPEN:
            self = .cannotOpen(path: path, reason: Self.cantOpenReason(path))
        case .SQLITE_READONLY, .SQLITE_PERM:
            self = .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path, waited: busyTimeout)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .damaged(path: path, reason: message)
        case .SQLITE_IOERR:
            // A failed write is most often a full disk or a file-size limit (SQLite says
            // SQLITE_FULL only for ENOSPC; EFBIG and quota errors arrive as IOERR_WRITE).
            let writing: [ResultCode] = [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE]
            self = .io(path: path, reason: writing.contains(error.extendedResultCode)
                ? "a write failed; the disk may be full or the file too large" : message)
        case .SQLITE_CONSTRAINT:
            self = .invalid(path: path, reason: message)
        default:
            self = .sqlite(path: path, code: error.extendedResultCode.rawValue, message: message)
        }
    }

    /// SQLite only says "unable to open database file"; look at the directory to say why.
    private static func cantOpenReason(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory) {
            return "the directory \(directory) does not exist"
        }
        if !isDirectory.boolValue {
            return "\(directory) is not a directory"
        }
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        return "the directory \(directory.isEmpty ? "." : directory) is not writable"
    }
}
