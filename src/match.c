/* match.c: longest-match phrase lookup. This is the hot path: no allocation per token (the
 * mention vector grows only when a sentence has more mentions than any before it). */
#include "match.h"

int dyad_match_caps(const dyad_trie_entry *e, const dyad_token *t) {
    uint32_t caps = e->caps;
    if ((caps & CAPS_FIRST_UPPER) && !(t[0].flags & (T_CAP | T_NUM))) return 0;
    caps &= ~CAPS_FIRST_UPPER;
    for (uint32_t i = 0; caps; i++, caps >>= 1)
        if ((caps & 1) && !(t[i].flags & T_ALLCAPS)) return 0;
    return 1;
}

static int wanted(uint16_t kind) { return kind != K_SET; }

int dyad_match(const dyad_dict *d, const dyad_token *t, size_t a, size_t b, dyad_mentions *out) {
    const dyad_trie *tr = &d->trie;
    size_t i = a;
    while (i < b) {
        if (!(d->lex.words[t[i].id].flags & W_START)) { i++; continue; }   /* most words start nothing */
        uint32_t node = 0;
        size_t best_len = 0;
        int32_t best = -1;
        uint16_t best_kind = 0;
        for (size_t j = i; j < b; j++) {
            if (!t[j].id) break;
            node = dyad_trie_step(tr, node, t[j].id);
            if (!node) break;
            for (int32_t e = dyad_trie_first(tr, node); e >= 0; e = tr->entries[e].next) {
                const dyad_trie_entry *en = &tr->entries[e];
                if (!wanted(en->kind) || !dyad_match_caps(en, &t[i])) continue;
                best_len = j - i + 1;
                best = dyad_trie_first(tr, node);
                best_kind = en->kind;
                break;
            }
        }
        if (best_len) {
            if (DYAD_VEC_PUSH(out->mem, out->v, out->n, out->cap)) return -1;
            out->v[out->n++] = (dyad_mention){(uint32_t)i, (uint32_t)(i + best_len), best, best_kind};
            i += best_len;
        } else i++;
    }
    return 0;
}

size_t dyad_match_kind_at(const dyad_dict *d, const dyad_token *t, size_t i, size_t b, int kind,
                          int64_t payload, int32_t *entry) {
    const dyad_trie *tr = &d->trie;
    uint32_t node = 0;
    size_t best = 0;
    if (!(d->lex.words[t[i].id].flags & W_START)) return 0;
    for (size_t j = i; j < b; j++) {
        if (!t[j].id) break;
        node = dyad_trie_step(tr, node, t[j].id);
        if (!node) break;
        for (int32_t e = dyad_trie_first(tr, node); e >= 0; e = tr->entries[e].next) {
            const dyad_trie_entry *en = &tr->entries[e];
            if (en->kind != kind || (payload >= 0 && en->payload != (uint32_t)payload)) continue;
            if (!dyad_match_caps(en, &t[i])) continue;
            best = j - i + 1;
            if (entry) *entry = e;
            break;
        }
    }
    return best;
}
