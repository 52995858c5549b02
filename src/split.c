/* split.c: sentence splitting (rules in split.h). */
#include "split.h"

static int is(const char *text, const dyad_token *t, char c) {
    return t->len == 1 && text[t->off] == c;
}

static int push(dyad_ranges *out, size_t a, size_t b) {
    if (b <= a) return 0;
    if (DYAD_VEC_PUSH(out->mem, out->v, out->n, out->cap)) return -1;
    out->v[out->n++] = (dyad_range){(uint32_t)a, (uint32_t)b};
    return 0;
}

int dyad_split(const char *text, const dyad_token *t, size_t from, size_t to, const dyad_lex *lx,
               size_t max_tokens, dyad_ranges *out) {
    size_t start = from;
    for (size_t i = from; i < to; i++) {
        const dyad_token *x = &t[i];
        int stop = 0;
        if (is(text, x, '~')) {
            if (push(out, start, i)) return -1;
            start = i + 1;
            continue;
        }
        if (is(text, x, '.') || is(text, x, '!') || is(text, x, '?')) {
            stop = 1;
            if (is(text, x, '.') && i > from) {
                const dyad_token *p = &t[i - 1];
                if (p->flags & T_WORD) {
                    if (p->id && (lx->words[p->id].flags & W_ABBREV)) stop = 0;
                    /* an initial or a lettered acronym: J. Smith, U.S. officials */
                    if (p->len == 1 && (p->flags & T_CAP)) stop = 0;
                    if (i >= from + 2 && is(text, &t[i - 2], '.') && p->len <= 2) stop = 0;
                }
            }
        }
        if (!stop) {
            if (i - start + 1 >= max_tokens) { if (push(out, start, i + 1)) return -1; start = i + 1; }
            continue;
        }
        size_t j = i + 1;
        while (j < to && (is(text, &t[j], '"') || is(text, &t[j], '\'') || is(text, &t[j], ')')) &&
               !(t[j].flags & T_SPACE))
            j++;
        /* ." followed by more: the quote closes this sentence */
        if (j < to) {
            const dyad_token *nx = &t[j];
            int starts = (nx->flags & (T_CAP | T_NUM)) || is(text, nx, '"') || is(text, nx, '(') ||
                         !(nx->flags & T_WORD);
            if (!starts || !(nx->flags & T_SPACE)) continue;
        }
        if (push(out, start, j)) return -1;
        start = j;
        i = j - 1;
    }
    return push(out, start, to);
}
