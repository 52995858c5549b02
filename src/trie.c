/* trie.c: token trie with hashed edges. */
#include "trie.h"

static inline uint32_t edge_hash(uint32_t parent, uint32_t tok) {
    uint64_t k = ((uint64_t)parent << 32) | tok;
    k *= 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> 32);
}

int dyad_trie_init(dyad_trie *t, const dyad_mem *mem) {
    memset(t, 0, sizeof *t);
    t->mem = mem;
    t->edges_cap = 1024;
    t->edges = dyad_mem_calloc(mem, t->edges_cap * sizeof *t->edges);
    if (!t->edges) return -1;
    if (DYAD_VEC_PUSH(mem, t->node_first, t->nnodes, t->nodes_cap)) return -1;
    t->node_first[t->nnodes++] = -1;
    return 0;
}

void dyad_trie_free(dyad_trie *t) {
    dyad_mem_free(t->mem, t->node_first, t->nodes_cap * sizeof *t->node_first);
    dyad_mem_free(t->mem, t->root, t->nroot * sizeof *t->root);
    dyad_mem_free(t->mem, t->edges, t->edges_cap * sizeof *t->edges);
    dyad_mem_free(t->mem, t->entries, t->entries_cap * sizeof *t->entries);
    memset(t, 0, sizeof *t);
}

uint32_t dyad_trie_step(const dyad_trie *t, uint32_t node, uint32_t tok) {
    if (!node) return tok < t->nroot ? t->root[tok] : 0;
    size_t mask = t->edges_cap - 1;
    for (size_t i = edge_hash(node, tok) & mask;; i = (i + 1) & mask) {
        const dyad_trie_edge *e = &t->edges[i];
        if (!e->child) return 0;
        if (e->parent == node && e->tok == tok) return e->child;
    }
}

static int grow_edges(dyad_trie *t) {
    size_t nc = t->edges_cap * 2;
    dyad_trie_edge *ne = dyad_mem_calloc(t->mem, nc * sizeof *ne);
    if (!ne) return -1;
    for (size_t i = 0; i < t->edges_cap; i++) {
        dyad_trie_edge e = t->edges[i];
        if (!e.child) continue;
        size_t j = edge_hash(e.parent, e.tok) & (nc - 1);
        while (ne[j].child) j = (j + 1) & (nc - 1);
        ne[j] = e;
    }
    dyad_mem_free(t->mem, t->edges, t->edges_cap * sizeof *t->edges);
    t->edges = ne;
    t->edges_cap = nc;
    return 0;
}

/* Makes room in the root array for token id tok. 0 or -1 (OOM). */
static int root_room(dyad_trie *t, uint32_t tok) {
    if (tok < t->nroot) return 0;
    size_t n = t->nroot ? t->nroot : 1024;
    while (n <= tok) n *= 2;
    uint32_t *r = dyad_mem_calloc(t->mem, n * sizeof *r);
    if (!r) return -1;
    if (t->nroot) memcpy(r, t->root, t->nroot * sizeof *r);
    dyad_mem_free(t->mem, t->root, t->nroot * sizeof *t->root);
    t->root = r;
    t->nroot = n;
    return 0;
}

int32_t dyad_trie_add(dyad_trie *t, const uint32_t *toks, size_t n, uint32_t caps, uint16_t kind,
                      uint32_t payload) {
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = dyad_trie_step(t, node, toks[i]);
        if (!c) {
            /* Below the root, load the edge table at most 1/2, not 3/4: most steps of the
             * matcher there miss (a word that continues no phrase), and a miss probes to the
             * next empty slot, about 2.5 probes at 1/2 against 8.5 at 3/4. The table costs 12
             * bytes a slot. */
            if (!node ? root_room(t, toks[i]) : ((t->nedges + 1) * 2 > t->edges_cap && grow_edges(t))) return -1;
            if (DYAD_VEC_PUSH(t->mem, t->node_first, t->nnodes, t->nodes_cap)) return -1;
            c = (uint32_t)t->nnodes;
            t->node_first[t->nnodes++] = -1;
            if (!node) {
                t->root[toks[i]] = c;
            } else {
                size_t mask = t->edges_cap - 1, j = edge_hash(node, toks[i]) & mask;
                while (t->edges[j].child) j = (j + 1) & mask;
                t->edges[j] = (dyad_trie_edge){node, toks[i], c};
                t->nedges++;
            }
        }
        node = c;
    }
    if (DYAD_VEC_PUSH(t->mem, t->entries, t->nentries, t->entries_cap)) return -1;
    int32_t idx = (int32_t)t->nentries++;
    t->entries[idx] = (dyad_trie_entry){-1, kind, (uint16_t)n, caps, payload};
    /* Append, so entries keep file order at a node (the earlier line wins ties). */
    int32_t *p = &t->node_first[node];
    while (*p >= 0) p = &t->entries[*p].next;
    *p = idx;
    return idx;
}
