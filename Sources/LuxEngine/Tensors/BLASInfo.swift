import COpenBLAS
import Foundation

/// What OpenBLAS says about itself, for `lux doctor`.
public enum BLASInfo {
    /// E.g. "OpenBLAS 0.3.26 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "OpenBLAS (no configuration string)" }
        return String(cString: text).trimmingCharacters(in: .whitespaces)
    }

    public static var coreName: String {
        guard let text = openblas_get_corename() else { return "unknown" }
        return String(cString: text)
    }
}
