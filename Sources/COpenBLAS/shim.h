// OpenBLAS's C interface: sgemm for batched prefill, and its configuration queries for `lux doctor`.
#ifndef LUX_COPENBLAS_SHIM_H
#define LUX_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
