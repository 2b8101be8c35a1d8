import Foundation

/// The most resident memory the process has had so far (getrusage's ru_maxrss).
public enum PeakMemory {
    public static var residentBytes: Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024   // kilobytes on Linux
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)          // bytes on macOS
        #endif
    }
}
