/// Why a LOD import could not be done, in one line that names the file (and line) at fault.
public enum DictionaryImportError: Error, CustomStringConvertible, Sendable, Equatable {
    case missingPath(String)
    case cannotRead(path: String, reason: String)
    /// A folder without any `.xml` file.
    case noXMLFiles(directory: String)
    /// Well-formed XML that is not a usable LOD entry (no id, no headword, a repeated id).
    case badEntry(file: String, line: Int, message: String)
    /// Well-formed XML without a single `<lod:ITEM>`.
    case noEntries(path: String)

    public var description: String {
        switch self {
        case let .missingPath(path):
            "\(path): no such file or directory"
        case let .cannotRead(path, reason):
            "\(path): cannot read: \(reason)"
        case let .noXMLFiles(directory):
            "\(directory): no .xml files in this folder (expected the LOD's XML folder or its single XML file)"
        case let .badEntry(file, line, message):
            "\(file):\(line): \(message)"
        case let .noEntries(path):
            "\(path): no <lod:ITEM> entries found; is this the LOD XML?"
        }
    }
}
