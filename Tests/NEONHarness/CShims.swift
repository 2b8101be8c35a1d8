// The C library functions the harness and the engine files it compiles call (Embedded Swift
// imports no Glibc module for this target; the program is linked against the aarch64 glibc).
@_extern(c, "getenv") func getenv(_ name: UnsafePointer<CChar>) -> UnsafeMutablePointer<CChar>?
@_extern(c, "expf") func expf(_ x: Float) -> Float
@_extern(c, "printf") func printf(_ format: UnsafePointer<CChar>, _ a: Int32, _ b: Int32) -> Int32
@_extern(c, "puts") func puts(_ s: UnsafePointer<CChar>) -> Int32
@_extern(c, "exit") func exit(_ status: Int32)
