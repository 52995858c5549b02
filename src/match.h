/* match.h: one left-to-right pass of the phrase trie over a sentence's tokens.
 *
 * At each token the trie is walked as far as the text allows; the longest phrase that ends on
 * an entry (whose case constraints the text meets) becomes a mention, and matching resumes after
 * it. Word sets of the verb patterns are matched later, on demand, by the pattern matcher. */
#ifndef DYAD_MATCH_H
#define DYAD_MATCH_H

#include "dict.h"
#include "token.h"

typedef struct dyad_mention {
    uint32_t a, b;         /* token range */
    int32_t entry;         /* first trie entry at the node (a chain: see dyad_trie_entry.next) */
    uint16_t kind;         /* kind of the first entry that qualified */
} dyad_mention;

typedef struct dyad_mentions {
    dyad_mention *v;
    size_t n, cap;
    const dyad_mem *mem;
} dyad_mentions;

/* Whether entry e's case constraints hold for tokens starting at t. */
int dyad_match_caps(const dyad_trie_entry *e, const dyad_token *t);
/* Appends the mentions of t[a..b). Returns 0 or -1 (OOM). */
int dyad_match(const dyad_dict *d, const dyad_token *t, size_t a, size_t b, dyad_mentions *out);
/* The longest phrase of kind at t[i..b) (payload must equal payload unless payload is -1);
 * returns its length in tokens (0: none) and the entry in *entry. */
size_t dyad_match_kind_at(const dyad_dict *d, const dyad_token *t, size_t i, size_t b, int kind,
                          int64_t payload, int32_t *entry);

#endif
