/* util.h: allocation through the user's hook, growable byte buffers, arenas, hashing. */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dyad.h"

/* The allocator every module uses: the hook from dyad.h, or the C library's. */
typedef struct dyad_mem {
    dyad_alloc_fn fn;
    void *ud;
} dyad_mem;

void *dyad_mem_alloc(const dyad_mem *m, size_t n);
void *dyad_mem_realloc(const dyad_mem *m, void *p, size_t old, size_t n);
void dyad_mem_free(const dyad_mem *m, void *p, size_t n);
void *dyad_mem_calloc(const dyad_mem *m, size_t n);

/* A growable byte string. Invariant: when data != NULL, data[len] == 0 (always NUL-terminated). */
typedef struct dyad_buf {
    char *data;
    size_t len, cap;
    const dyad_mem *mem;
    int oom;               /* sticky: a failed append leaves the buffer as it was and sets this */
} dyad_buf;

void dyad_buf_init(dyad_buf *b, const dyad_mem *mem);
void dyad_buf_free(dyad_buf *b);
int dyad_buf_reserve(dyad_buf *b, size_t extra);
void dyad_buf_add(dyad_buf *b, const void *p, size_t n);
void dyad_buf_addc(dyad_buf *b, char c);
void dyad_buf_adds(dyad_buf *b, const char *s);
void dyad_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dyad_buf_json_str(dyad_buf *b, const char *s, size_t n); /* "..." with JSON escapes */
static inline void dyad_buf_clear(dyad_buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

/* A bump allocator for things that live as long as their owner (dictionary strings, per-document
 * records). Blocks are chained; dyad_arena_reset keeps the first block for reuse. */
typedef struct dyad_arena_block dyad_arena_block;
typedef struct dyad_arena {
    dyad_arena_block *head;
    const dyad_mem *mem;
    size_t block_size;
} dyad_arena;

void dyad_arena_init(dyad_arena *a, const dyad_mem *mem, size_t block_size);
void *dyad_arena_alloc(dyad_arena *a, size_t n);          /* 8-byte aligned, NULL on OOM */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
void dyad_arena_reset(dyad_arena *a);
void dyad_arena_free(dyad_arena *a);

/* Growable arrays of fixed-size elements: DYAD_VEC_PUSH(mem, ptr, len, cap) yields 0 or -1. */
int dyad_vec_grow(const dyad_mem *m, void **p, size_t elem, size_t *cap, size_t need);
#define DYAD_VEC_PUSH(mem, ptr, len, cap)                                                       \
    (((len) < (cap) || dyad_vec_grow((mem), (void **)&(ptr), sizeof *(ptr), &(cap), (len) + 1) == 0) \
         ? 0 : -1)

/* FNV-1a: short keys (tokens), where its speed matters more than its spread. A caller that
 * makes the key byte by byte can hash it as it goes: h = DYAD_HASH_INIT, then
 * h = dyad_hash_byte(h, c) for each byte gives dyad_hash(key, n, 0). */
#define DYAD_HASH_INIT 2166136261u
static inline uint32_t dyad_hash_byte(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
static inline uint32_t dyad_hash(const void *p, size_t n, uint32_t seed) {
    const unsigned char *s = p;
    uint32_t h = DYAD_HASH_INIT ^ seed;
    for (size_t i = 0; i < n; i++) h = dyad_hash_byte(h, s[i]);
    return h;
}

/* ASCII helpers that do not depend on the locale. */
static inline int dyad_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int dyad_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int dyad_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int dyad_isalpha(int c) { return dyad_isupper(c) || dyad_islower(c); }
static inline int dyad_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int dyad_tolower(int c) { return dyad_isupper(c) ? c + 32 : c; }
static inline int dyad_strncaseeq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (dyad_tolower((unsigned char)a[i]) != dyad_tolower((unsigned char)b[i])) return 0;
    return 1;
}

#endif
