/* lex.c: interning of dictionary words (open addressing, linear probing, load <= 1/2). */
#include "lex.h"

#include <utf8proc.h>
#include "utf8.h"

int dyad_lex_init(dyad_lex *lx, const dyad_mem *mem) {
    memset(lx, 0, sizeof *lx);
    lx->mem = mem;
    dyad_arena_init(&lx->strings, mem, 1 << 16);
    lx->nslots = 1024;
    lx->slots = dyad_mem_calloc(mem, lx->nslots * sizeof *lx->slots);
    if (!lx->slots) return -1;
    if (DYAD_VEC_PUSH(mem, lx->words, lx->n, lx->cap)) return -1;
    memset(&lx->words[0], 0, sizeof lx->words[0]);
    lx->words[0].s = "";
    lx->words[0].lemma = -1;
    lx->n = 1;
    return 0;
}

void dyad_lex_free(dyad_lex *lx) {
    dyad_mem_free(lx->mem, lx->words, lx->cap * sizeof *lx->words);
    dyad_mem_free(lx->mem, lx->slots, lx->nslots * sizeof *lx->slots);
    dyad_arena_free(&lx->strings);
    memset(lx, 0, sizeof *lx);
}

uint32_t dyad_lex_find(const dyad_lex *lx, const char *s, size_t n) {
    return dyad_lex_find_hashed(lx, s, n, dyad_hash(s, n, 0));
}

uint32_t dyad_lex_find_hashed(const dyad_lex *lx, const char *s, size_t n, uint32_t h) {
    size_t mask = lx->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t id = lx->slots[i];
        if (!id) return 0;
        const dyad_word *w = &lx->words[id];
        if (w->hash == h && w->len == n && memcmp(w->s, s, n) == 0) return id;
    }
}

static int rehash(dyad_lex *lx) {
    size_t ns = lx->nslots * 2;
    uint32_t *slots = dyad_mem_calloc(lx->mem, ns * sizeof *slots);
    if (!slots) return -1;
    for (size_t id = 1; id < lx->n; id++) {
        size_t i = lx->words[id].hash & (ns - 1);
        while (slots[i]) i = (i + 1) & (ns - 1);
        slots[i] = (uint32_t)id;
    }
    dyad_mem_free(lx->mem, lx->slots, lx->nslots * sizeof *lx->slots);
    lx->slots = slots;
    lx->nslots = ns;
    return 0;
}

uint32_t dyad_lex_add(dyad_lex *lx, const char *s, size_t n) {
    uint32_t id = dyad_lex_find(lx, s, n);
    if (id) return id;
    if ((lx->n + 1) * 2 > lx->nslots && rehash(lx)) return 0;
    if (DYAD_VEC_PUSH(lx->mem, lx->words, lx->n, lx->cap)) return 0;
    char *copy = dyad_arena_strndup(&lx->strings, s, n);
    if (!copy) return 0;
    id = (uint32_t)lx->n++;
    dyad_word *w = &lx->words[id];
    memset(w, 0, sizeof *w);
    w->s = copy;
    w->len = (uint32_t)n;
    w->hash = dyad_hash(s, n, 0);
    w->lemma = -1;
    w->base = id;
    size_t i = w->hash & (lx->nslots - 1);
    while (lx->slots[i]) i = (i + 1) & (lx->nslots - 1);
    lx->slots[i] = id;
    return id;
}

size_t dyad_lower(const char *s, size_t n, char *out, size_t cap) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 > cap) break;
            out[o++] = (char)dyad_tolower(c);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dyad_utf8_decode(s + i, n - i, &cp);
        if (cp < 0) { i += k; continue; }
        char enc[4];
        size_t e = dyad_utf8_encode(utf8proc_tolower(cp), enc);
        if (o + e > cap) break;
        memcpy(out + o, enc, e);
        o += e;
        i += k;
    }
    return o;
}
