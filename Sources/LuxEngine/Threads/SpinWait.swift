#if arch(x86_64)
/// x86's `pause`, taken straight from LLVM (Swift has no spelling for it, and clang's _mm_pause
/// is declared, not inlined, in the headers Swift imports).
@_silgen_name("llvm.x86.sse2.pause")
private func llvmPause()

/// One step of a spin-wait: `pause` saves power and frees the core's shared resources.
@inline(__always) func cpuRelax() { llvmPause() }
#elseif arch(arm64)
/// The AArch64 hint instructions (1 is `yield`), straight from LLVM.
@_silgen_name("llvm.aarch64.hint")
private func llvmHint(_ hint: Int32)

/// One step of a spin-wait: `yield` tells the core (and a hypervisor) that this thread is spinning.
@inline(__always) func cpuRelax() { llvmHint(1) }
#else
@inline(__always) func cpuRelax() {}
#endif
