/* utf8.c: normalisation of document text.
 *
 * Why by hand around utf8proc: utf8proc_map() normalises a whole string but loses the offsets,
 * and every event must cite the original bytes. So ASCII (the bulk of news) is copied through
 * with a 1:1 map, the punctuation news is full of is folded here, and only runs of other
 * non-ASCII code points go through utf8proc's NFKC, each output byte mapped to the run's start. */
#include "utf8.h"

#include <utf8proc.h>

void dyad_norm_init(dyad_norm *n, const dyad_mem *mem) {
    dyad_buf_init(&n->out, mem);
    n->map = NULL;
    n->map_cap = 0;
    n->bad = 0;
}

void dyad_norm_free(dyad_norm *n) {
    dyad_mem_free(n->out.mem, n->map, n->map_cap * sizeof *n->map);
    dyad_buf_free(&n->out);
    n->map = NULL;
    n->map_cap = 0;
}

size_t dyad_utf8_decode(const char *s, size_t len, int32_t *cp) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
    if (k <= 0) { *cp = -1; return 1; }
    *cp = c;
    return (size_t)k;
}

size_t dyad_utf8_encode(int32_t cp, char out[4]) {
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

static int emit(dyad_norm *n, const char *p, size_t k, size_t from) {
    const dyad_mem *m = n->out.mem;
    if (n->out.len + k + 1 > n->map_cap) {
        size_t cap = n->map_cap;
        if (dyad_vec_grow(m, (void **)&n->map, sizeof *n->map, &cap, n->out.len + k + 1)) return -1;
        n->map_cap = cap;
    }
    for (size_t i = 0; i < k; i++) n->map[n->out.len + i] = (uint32_t)from;
    dyad_buf_add(&n->out, p, k);
    return n->out.oom ? -1 : 0;
}

/* The folds news needs before matching: one space, one apostrophe, one quote, one dash. */
static const char *fold(int32_t c) {
    switch (c) {
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: case '\t': case '\f': case '\v':
        return " ";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: return "-";
    case 0x2013: case 0x2014: case 0x2015: return " - ";
    case 0x2026: return "...";
    case 0x2028: case 0x2029: case 0x0085: return "\n";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return "";
    default: return NULL;
    }
}

int dyad_norm_run(dyad_norm *n, const char *s, size_t len) {
    dyad_buf_clear(&n->out);
    n->bad = 0;
    if (dyad_buf_reserve(&n->out, len + len / 8 + 16)) return -1;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f) {
            /* a run of printable ASCII, the bulk of news: copied at once, mapped 1:1 */
            size_t j = i + 1;
            while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f && s[j] != '`') j++;
            if (c == '`') j = i + 1;
            else {
                size_t k = j - i;
                if (n->out.len + k + 1 > n->map_cap) {
                    size_t cap = n->map_cap;
                    if (dyad_vec_grow(n->out.mem, (void **)&n->map, sizeof *n->map, &cap, n->out.len + k + 1)) return -1;
                    n->map_cap = cap;
                }
                uint32_t *m = n->map + n->out.len;
                for (size_t q = 0; q < k; q++) m[q] = (uint32_t)(i + q);
                dyad_buf_add(&n->out, s + i, k);
                if (n->out.oom) return -1;
                i = j;
                continue;
            }
        }
        if (c < 0x80) {
            if (c == '\r') {                       /* \r\n and lone \r become \n */
                if (i + 1 < len && s[i + 1] == '\n') { i++; continue; }
                c = '\n';
            }
            if (c < 0x20 && c != '\n') c = (c == '\t' || c == '\f' || c == '\v') ? ' ' : 0;
            if (c && c != 0x7f && emit(n, (const char *)&c, 1, i)) return -1;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dyad_utf8_decode(s + i, len - i, &cp);
        if (cp < 0) {
            n->bad++;
            if (emit(n, "\xEF\xBF\xBD", 3, i)) return -1;
            i += k;
            continue;
        }
        const char *f = fold(cp);
        if (f) {
            if (emit(n, f, strlen(f), i)) return -1;
            i += k;
            continue;
        }
        if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0xD800 && cp < 0xE000)) { i += k; continue; }
        /* A run of non-ASCII code points without folds: NFKC it as one piece. */
        size_t start = i, j = i;
        while (j < len && (unsigned char)s[j] >= 0x80) {
            int32_t c2;
            size_t k2 = dyad_utf8_decode(s + j, len - j, &c2);
            if (c2 < 0 || fold(c2) || (c2 >= 0x80 && c2 < 0xA0)) break;
            j += k2;
        }
        utf8proc_uint8_t *outp = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(j - start),
                                          &outp, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
        int rc = 0;
        if (r >= 0) rc = emit(n, (const char *)outp, (size_t)r, start);
        else rc = emit(n, s + start, j - start, start);
        free(outp); /* utf8proc allocates with malloc: its memory is freed with free */
        if (rc) return -1;
        i = j;
    }
    if (emit(n, "", 0, len)) return -1;
    if (n->map_cap < n->out.len + 1) return -1;
    n->map[n->out.len] = (uint32_t)len;
    return 0;
}
