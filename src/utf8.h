/* utf8.h: decode, repair and normalise text, keeping a map back to the original bytes. */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include "util.h"

/* Normalised text: valid UTF-8, NFKC, plain quotes ("'), plain dashes (-), one kind of space,
 * '\n' line ends, no control characters. map[i] is the offset in the original of out[i]'s byte
 * (map[len] = original length), so a span of the normalised text cites the original bytes. */
typedef struct dyad_norm {
    dyad_buf out;
    uint32_t *map;
    size_t map_cap;
    size_t bad;            /* invalid UTF-8 sequences replaced with U+FFFD */
} dyad_norm;

void dyad_norm_init(dyad_norm *n, const dyad_mem *mem);
void dyad_norm_free(dyad_norm *n);
/* Returns 0, or -1 when out of memory. Input up to 4 GiB (offsets are 32-bit). */
int dyad_norm_run(dyad_norm *n, const char *s, size_t len);

/* Decodes one code point at s (len > 0); returns its length, and -1 in *cp for an invalid
 * sequence (length 1 then). */
size_t dyad_utf8_decode(const char *s, size_t len, int32_t *cp);
/* Number of bytes that make s[0..len) a valid prefix ending on a code point boundary. */
size_t dyad_utf8_encode(int32_t cp, char out[4]);

#endif
