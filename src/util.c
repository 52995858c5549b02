/* util.c: allocation hook, buffers, arenas. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void *dyad_mem_realloc(const dyad_mem *m, void *p, size_t old, size_t n) {
    if (m && m->fn) return m->fn(m->ud, p, old, n);
    if (n == 0) { free(p); return NULL; }
    return realloc(p, n);
}
void *dyad_mem_alloc(const dyad_mem *m, size_t n) { return dyad_mem_realloc(m, NULL, 0, n ? n : 1); }
void dyad_mem_free(const dyad_mem *m, void *p, size_t n) { if (p) dyad_mem_realloc(m, p, n, 0); }
void *dyad_mem_calloc(const dyad_mem *m, size_t n) {
    void *p = dyad_mem_alloc(m, n);
    if (p) memset(p, 0, n);
    return p;
}

int dyad_vec_grow(const dyad_mem *m, void **p, size_t elem, size_t *cap, size_t need) {
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return -1;
        nc *= 2;
    }
    void *q = dyad_mem_realloc(m, *p, *cap * elem, nc * elem);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

void dyad_buf_init(dyad_buf *b, const dyad_mem *mem) {
    b->data = NULL;
    b->len = b->cap = 0;
    b->mem = mem;
    b->oom = 0;
}
void dyad_buf_free(dyad_buf *b) {
    dyad_mem_free(b->mem, b->data, b->cap);
    dyad_buf_init(b, b->mem);
}
int dyad_buf_reserve(dyad_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    if (extra > SIZE_MAX / 4) { b->oom = 1; return -1; }
    size_t nc = b->cap ? b->cap : 64;
    while (nc < b->len + extra + 1) nc *= 2;
    char *q = dyad_mem_realloc(b->mem, b->data, b->cap, nc);
    if (!q) { b->oom = 1; return -1; }
    b->data = q;
    b->cap = nc;
    return 0;
}
void dyad_buf_add(dyad_buf *b, const void *p, size_t n) {
    if (dyad_buf_reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}
void dyad_buf_addc(dyad_buf *b, char c) { dyad_buf_add(b, &c, 1); }
void dyad_buf_adds(dyad_buf *b, const char *s) { dyad_buf_add(b, s, strlen(s)); }
void dyad_buf_printf(dyad_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) { dyad_buf_add(b, tmp, (size_t)n); return; }
    if (dyad_buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
/* The length of a valid UTF-8 sequence at s (n > 0, s[0] >= 0x80), or 0 if it is not one. */
static size_t utf8_valid(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    size_t k = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (!k || k > n || (c >= 0xE0 && c < 0xF0 && k != 3)) return 0;
    for (size_t i = 1; i < k; i++) if ((s[i] & 0xC0) != 0x80) return 0;
    if (k == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))) return 0;   /* overlong, surrogate */
    if (k == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))) return 0;   /* overlong, > U+10FFFF */
    return k;
}

void dyad_buf_json_str(dyad_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    dyad_buf_addc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* output is always valid UTF-8: ids, urls and titles come as the input gave them */
            size_t k = utf8_valid((const unsigned char *)s + i, n - i);
            if (k) { i += k - 1; continue; }
            dyad_buf_add(b, s + run, i - run);
            dyad_buf_add(b, "\xEF\xBF\xBD", 3);
            run = i + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        dyad_buf_add(b, s + run, i - run);
        run = i + 1;
        char esc[7] = {'\\', 0};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0'; esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
        }
        dyad_buf_add(b, esc, esc[1] == 'u' ? 6 : 2);
    }
    dyad_buf_add(b, s + run, n - run);
    dyad_buf_addc(b, '"');
}

struct dyad_arena_block {
    dyad_arena_block *next;
    size_t size, used;
    _Alignas(8) unsigned char data[];
};

void dyad_arena_init(dyad_arena *a, const dyad_mem *mem, size_t block_size) {
    a->head = NULL;
    a->mem = mem;
    a->block_size = block_size ? block_size : 65536;
}
void *dyad_arena_alloc(dyad_arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    dyad_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = n > a->block_size ? n : a->block_size;
        b = dyad_mem_alloc(a->mem, sizeof *b + sz);
        if (!b) return NULL;
        b->size = sz;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n) {
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
void dyad_arena_reset(dyad_arena *a) {
    /* Keep the last block in the chain (the first allocated, usually the standard size) so a
     * per-document arena stops calling the allocator once warm. */
    dyad_arena_block *b = a->head, *keep = NULL;
    while (b) {
        dyad_arena_block *n = b->next;
        if (!n && b->size == a->block_size) keep = b;
        else dyad_mem_free(a->mem, b, sizeof *b + b->size);
        b = n;
    }
    a->head = keep;
    if (keep) { keep->used = 0; keep->next = NULL; }
}
void dyad_arena_free(dyad_arena *a) {
    dyad_arena_block *b = a->head;
    while (b) {
        dyad_arena_block *n = b->next;
        dyad_mem_free(a->mem, b, sizeof *b + b->size);
        b = n;
    }
    a->head = NULL;
}

