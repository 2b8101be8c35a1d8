#if arch(x86_64)
/// x86's `pause`, taken straight from LLVM (Swift has no spelling for it, and clang's _mm_pause
/// is declared, not inlined, in the headers Swift imports).
@_silgen_name("llvm.x86.sse2.pause")
private func llvmPause()

/// One step of a spin-wait: `pause` saves power and frees the core's shared resources.
@inline(__always) func cpuRelax() { llvmPause() }
#else
@inline(__always) func cpuRelax() {}
#endif
