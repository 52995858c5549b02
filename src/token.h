/* token.h: tokens are spans into the normalised document; nothing is copied.
 *
 *   "Russia's aid, worth $1.23 billion."
 *    Russia ' s aid , worth $ 1.23 billion .
 *    [0,6) [6,7) [7,8) [9,12) ...
 *
 * Words run over letters, digits and combining marks; a number runs over digits and the
 * separators . , : / between digits ("1,350", "1.23", "21:10", "16/7/2014"); hyphens and
 * apostrophes are tokens of their own, so "military-technical" is three tokens in text and
 * in the dictionaries alike; "n't" is one token (a negation). */
#ifndef DYAD_TOKEN_H
#define DYAD_TOKEN_H

#include "util.h"

enum {
    T_WORD = 1u << 0,
    T_NUM = 1u << 1,
    T_PUNCT = 1u << 2,
    T_CAP = 1u << 3,       /* first letter upper case */
    T_ALLCAPS = 1u << 4,   /* every letter upper case, at least two letters */
    T_SPACE = 1u << 5,     /* white space before it */
    T_NL = 1u << 6         /* a line break before it */
};

typedef struct dyad_token {
    uint32_t off, len;     /* span in the normalised text */
    uint32_t id;           /* lexicon id of the lower-cased form, 0 if unknown */
    uint16_t flags;        /* T_* */
    uint16_t pad;
} dyad_token;

typedef struct dyad_toks {
    dyad_token *v;
    size_t n, cap;
    const dyad_mem *mem;
} dyad_toks;

/* Appends the tokens of s[start..end) to out; ids are left 0. Returns 0 or -1 (out of memory). */
int dyad_tokenize(const char *s, size_t start, size_t end, dyad_toks *out);

#endif
