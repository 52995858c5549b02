/* split.h: sentence boundaries over a segment's tokens.
 *
 * A boundary follows . ! ? (and any closing quote or bracket after them) when the next token
 * starts a sentence (a capital, a quote, a digit) and the token before the stop is not an
 * abbreviation (words.txt class abbrev: "Gen.", "Jan."), an initial ("J. Smith") or a lettered
 * acronym ("U.S."); "~" joins headline parts and is a boundary too. Numbers keep their points
 * ("$1.23 billion", "21:10") because the tokenizer made them one token. */
#ifndef DYAD_SPLIT_H
#define DYAD_SPLIT_H

#include "lex.h"
#include "token.h"

/* Appends to out (token index pairs [a, b)) the sentences of t[from..to). Sentences longer than
 * max_tokens are cut. Returns 0 or -1 (OOM). */
typedef struct dyad_range { uint32_t a, b; } dyad_range;
typedef struct dyad_ranges { dyad_range *v; size_t n, cap; const dyad_mem *mem; } dyad_ranges;

int dyad_split(const char *text, const dyad_token *t, size_t from, size_t to, const dyad_lex *lx,
               size_t max_tokens, dyad_ranges *out);

#endif
