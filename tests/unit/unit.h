/* unit.h: what every unit test includes: cmocka and a few helpers. */
#ifndef DYAD_UNIT_H
#define DYAD_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* An allocator that fails after `budget` successful allocations (budget < 0: never fails). */
typedef struct failing_alloc { long budget; long count; } failing_alloc;
static inline void *failing_alloc_fn(void *ud, void *p, size_t old, size_t n) {
    failing_alloc *f = ud;
    (void)old;
    if (n == 0) { free(p); return NULL; }
    if (f->budget >= 0 && f->count >= f->budget) return NULL;
    f->count++;
    return realloc(p, n);
}
#endif
