#ifndef MUAVU_CLAPACK_SHIM_H
#define MUAVU_CLAPACK_SHIM_H
// The only C that muavu sees: OpenBLAS's CBLAS and the reference LAPACKE interface
// (Debian: libopenblas-dev, liblapacke-dev). Only the LinearAlgebra target imports this module.
#include <cblas.h>
#include <lapacke.h>

// OpenBLAS extension (declared in OpenBLAS's cblas.h; repeated so the shim does not depend on
// which cblas.h the alternatives system selected).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
