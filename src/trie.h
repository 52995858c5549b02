/* trie.h: a trie over token ids, holding every dictionary phrase (actors, agents, places,
 * currencies, function-word phrases) so that matching is one left-to-right pass.
 *
 *   root ──"collective"──▶ n1 ──"security"──▶ n2 ──"treaty"──▶ n3 ──"organization"──▶ n4 [CSTO]
 *     │
 *     ├──"russian"──▶ n5 [RUS adj] ──"federation"──▶ n6 [RUS]
 *     └──"csto"──▶ n7 [CSTO]
 *
 * Edges live in one hash table keyed by (parent node, token id), not in per-node arrays: a step
 * is one probe, and the trie costs 12 bytes an edge. The root's edges, where every match starts,
 * are an array indexed by token id instead (4 bytes a lexicon word): a step there is one load.
 * Nodes carry a chain of entries (a phrase may mean several things: "Georgia" is a country;
 * "Jordan" a country and a person's name). */
#ifndef DYAD_TRIE_H
#define DYAD_TRIE_H

#include "util.h"

typedef struct dyad_trie_entry {
    int32_t next;          /* next entry at the same node, or -1 */
    uint16_t kind;         /* what the payload indexes (dictionary-defined) */
    uint16_t len;          /* phrase length in tokens */
    uint32_t caps;         /* bit i: token i must be written in capitals (acronyms: US, IS) */
    uint32_t payload;
} dyad_trie_entry;

/* caps bit 31: the first token must start with a capital ("Turkey" the country, not the bird). */
#define CAPS_FIRST_UPPER (1u << 31)

typedef struct dyad_trie_edge {
    uint32_t parent, tok, child;
} dyad_trie_edge;

typedef struct dyad_trie {
    int32_t *node_first;   /* per node: first entry or -1; node 0 is the root */
    size_t nnodes, nodes_cap;
    uint32_t *root;        /* the root's children by token id (0: none), nroot of them */
    size_t nroot;
    dyad_trie_edge *edges; /* open addressing; child 0 = empty slot; the root's edges are in root */
    size_t nedges, edges_cap;
    dyad_trie_entry *entries;
    size_t nentries, entries_cap;
    const dyad_mem *mem;
} dyad_trie;

int dyad_trie_init(dyad_trie *t, const dyad_mem *mem);
void dyad_trie_free(dyad_trie *t);
/* Adds a phrase of n token ids; returns the entry index or -1 when out of memory. */
int32_t dyad_trie_add(dyad_trie *t, const uint32_t *toks, size_t n, uint32_t caps, uint16_t kind,
                      uint32_t payload);
/* The child of node by token, or 0 (the root is never a child). A step from the root, the
 * matcher's first at each word that starts a phrase, indexes the root array by token id; deeper
 * steps probe the edges' table. */
uint32_t dyad_trie_step(const dyad_trie *t, uint32_t node, uint32_t tok);
static inline int32_t dyad_trie_first(const dyad_trie *t, uint32_t node) { return t->node_first[node]; }

#endif
