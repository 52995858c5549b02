/* parse.c: actor phrases, verb anchors and verb groups (see parse.h). */
#include "parse.h"
#include "count.h"

void dyad_sent_init(dyad_sent *s, const dyad_mem *mem) {
    memset(s, 0, sizeof *s);
    s->ments.mem = mem;
}

void dyad_sent_free(dyad_sent *s, const dyad_mem *mem) {
    dyad_mem_free(mem, s->ments.v, s->ments.cap * sizeof *s->ments.v);
    dyad_mem_free(mem, s->tflags, s->tcap * sizeof *s->tflags);
    dyad_mem_free(mem, s->tnp, s->tcap * sizeof *s->tnp);
    dyad_mem_free(mem, s->nps, s->cnps * sizeof *s->nps);
    dyad_mem_free(mem, s->anchors, s->canchors * sizeof *s->anchors);
    dyad_mem_free(mem, s->stamp, s->nstamp * sizeof *s->stamp);
    memset(s, 0, sizeof *s);
}

int32_t dyad_actor_at(const dyad_dict *d, int32_t e, int32_t date, int agent) {
    int32_t dated = -1, open = -1, any = -1;
    for (; e >= 0; e = d->trie.entries[e].next) {
        const dyad_trie_entry *en = &d->trie.entries[e];
        if (en->kind != K_ACTOR) continue;
        const dyad_actor_ent *a = &d->actors[en->payload];
        if ((a->type == AT_AGENT) != (agent != 0)) continue;
        int bounded = a->from > 0 || a->until < 99999999;
        if (any < 0) any = (int32_t)en->payload;
        if (bounded) {
            if (date > 0 && date >= a->from && date <= a->until && dated < 0) dated = (int32_t)en->payload;
        } else if (open < 0 || (a->type == AT_PERSON && a->role && !d->actors[open].role)) {
            open = (int32_t)en->payload;   /* a person's lasting office over the bare name */
        }
    }
    if (dated >= 0) return dated;
    if (open >= 0) return open;
    /* Only dated entries, none covering the date: a former state outside its life still names
     * the place; a person outside their offices is not an office holder (handled by caller). */
    if (any >= 0 && d->actors[any].type != AT_PERSON) return any;
    return -1;
}

static int lemma_has_op(const dyad_dict *d, uint32_t lemma) { return d->lemmas[lemma].op_pattern >= 0; }

static uint32_t wflags(const dyad_sent *s, uint32_t i) {
    return s->d->lex.words[s->t[i].id].flags;
}
static inline int is(const dyad_sent *s, uint32_t i, const char *w) { return dyad_tok_is(s->text, &s->t[i], w); }

/* The mention starting at token i, or NULL. mention_at is fast because the sentence's mentions
 * are in token order: tnp is used as a scratch map before NPs fill it. */
static const dyad_mention *mention_at(const dyad_sent *s, uint32_t i, const int32_t *mstart) {
    if (i < s->a || i >= s->b) return NULL;
    int32_t m = mstart[i - s->a];
    return m >= 0 ? &s->ments.v[m] : NULL;
}

typedef struct npb { int32_t owner, agent, person, place, agent2; } npb;

/* Whether the sentence names country c itself ("The country's president thanked Russia" after
 * a sentence about Russia is not Russia's), or any country before token i ("the use of force
 * against Libya ... pushed the country": that one). */
static int country_named(const dyad_sent *s, const char *c, uint32_t i) {
    for (size_t m = 0; m < s->ments.n; m++) {
        if (s->ments.v[m].kind != K_ACTOR) continue;
        int32_t e = dyad_actor_at(s->d, s->ments.v[m].entry, s->date, 0);
        if (e < 0 || !s->d->actors[e].country[0]) continue;
        if (!strcmp(s->d->actors[e].country, c) || s->ments.v[m].a < i) return 1;
    }
    return 0;
}

/* A capitalised word of no class but a phrase's first word or a derived plural: a word of a
 * name ("Shabeer", "Code"). */
static int plain_cap(const dyad_sent *s, uint32_t k) {
    const dyad_token *t = &s->t[k];
    return (t->flags & T_WORD) && (t->flags & T_CAP) && !(wflags(s, k) & ~(W_START | W_NOUNISH));
}

/* The role noun at token k, singular ("forces": force), or 0. */
static uint32_t role_word(const dyad_sent *s, uint32_t k) {
    if (!(s->t[k].flags & T_WORD) || !s->t[k].id) return 0;
    uint32_t w = s->d->lex.words[s->t[k].id].base;
    return s->d->lex.words[w].flags & W_ROLE ? w : 0;
}

/* The actor the story named before by the role noun at token k ("force", "patrol"), newest
 * first; NULL when none (or when no story context is given, or PETRARCH's dictionaries rule). */
static const dyad_alias *alias_at(const dyad_sent *s, uint32_t k) {
    const dyad_aliases *al = s->aliases;
    uint32_t w = role_word(s, k);
    if (!al || !w || s->d->petrarch) return NULL;
    for (size_t i = 0; i < al->n && i < DYAD_ALIASES; i++) {
        const dyad_alias *x = &al->v[(al->n - 1 - i) % DYAD_ALIASES];
        /* (named in one of the last three sentences: "the main motivating force" in a speech
         * is no force named pages before) */
        if (al->sentences - x->sentence > 3) break;
        if (x->word == w) return x;
    }
    return NULL;
}

uint32_t dyad_and_quantity(const dyad_sent *s, uint32_t g) {
    static const char *const qw[] = {"others", "other", "more", "another", "several", "many", "some", "few", "a",
                                     "dozens", "scores", "numerous", "multiple", NULL};
    uint32_t q = g;
    while (q > s->a && q + 3 > g) {
        const dyad_token *t = &s->t[q - 1];
        int ok = (t->flags & T_NUM) || (wflags(s, q - 1) & W_NUMWORD);
        for (int k = 0; qw[k] && !ok; k++) ok = is(s, q - 1, qw[k]);
        if (!ok) break;
        q--;
    }
    return q < g && q > s->a && is(s, q - 1, "and") ? q : g;
}

/* (parse.h) */
int dyad_np_name(const dyad_sent *s, const dyad_np *p, uint32_t *x, uint32_t *y) {
    const dyad_token *t = s->t;
    if (p->person >= 0 || (p->owner < 0 && p->agent < 0) || !s->d->counts) return 0;
    uint32_t k = p->b, head = p->b - 1;
    if (p->titled) {   /* the name is the phrase's end, after its title */
        uint32_t tl = p->a;
        while (tl < p->b && !(wflags(s, tl) & W_TITLE)) tl++;
        if (tl + 1 >= p->b) return 0;
        head = tl;
        k = tl + 1;
    }
    if (!dyad_count_person(s->d->counts, s->text, &t[head])) return 0;
    int comma = 0;
    if (!p->titled && k + 1 < s->b && (is(s, k, "named") || is(s, k, "called"))) k++;
    else if (!p->titled && k + 1 < s->b && is(s, k, ",")) { k++; comma = 1; }
    else if (!p->titled && !(wflags(s, head) & W_TITLE)) return 0;   /* "Haqqani leader Shabeer", not "volunteer Day" */
    uint32_t e = k;
    while (e < s->b && e < k + 3 && plain_cap(s, e)) e++;
    if (e == k || (p->titled && e != p->b)) return 0;
    if (comma && !(e < s->b && is(s, e, ","))) return 0;   /* "the leader, Mullah Omar," */
    if (e < s->b && (t[e].flags & T_WORD) && (t[e].flags & T_CAP)) return 0;   /* a longer name of some class */
    *x = k;
    *y = e;
    return 1;
}

/* The end of the name a story gave before (dyad_name) that stands at token i, and the name; i
 * when none. */
static uint32_t name_at(const dyad_sent *s, uint32_t i, const dyad_name **out) {
    const dyad_aliases *al = s->aliases;
    if (!al || !al->nnames || s->d->petrarch || !(s->t[i].flags & T_CAP)) return i;
    for (size_t q = 0; q < al->nnames && q < DYAD_NAMES; q++) {
        const dyad_name *nm = &al->names[(al->nnames - 1 - q) % DYAD_NAMES];
        uint32_t e = i;
        while (e < s->b && s->t[e].off + s->t[e].len < s->t[i].off + nm->len) e++;
        if (e >= s->b || s->t[e].off + s->t[e].len != s->t[i].off + nm->len) continue;
        if (memcmp(s->text + s->t[i].off, s->text + nm->off, nm->len)) continue;
        *out = nm;
        return e + 1;
    }
    return i;
}

void dyad_aliases_note(const dyad_sent *s, dyad_aliases *al) {
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        uint32_t x, y;
        if (!p->pron && !p->loc && s->d->counts && !s->d->petrarch && dyad_np_name(s, p, &x, &y))
            al->names[al->nnames++ % DYAD_NAMES] = (dyad_name){s->t[x].off, s->t[y - 1].off + s->t[y - 1].len - s->t[x].off, p->owner, p->agent};
    }
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p->pron || p->loc || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        if (p->owner < 0 && p->person < 0 && (p->agent < 0 || s->d->actors[p->agent].target_only)) continue;
        /* its own last word ("security force"), or a role noun right after it that no phrase
         * of ours took ("a coalition forces patrol", "a Taliban facilitator") */
        for (uint32_t h = p->b - 1; h <= p->b && h < s->b; h++) {
            uint32_t w = role_word(s, h);
            if (w && !(h == p->b && s->tnp[h - s->a] >= 0))
                al->v[al->n++ % DYAD_ALIASES] = (dyad_alias){w, al->sentences, p->owner, p->agent, p->person};
        }
    }
    /* the sentence's first actor phrase, when it is a country and no place or object: what
     * "the country" in the next sentences is */
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p->pron || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        if (!p->loc && !p->by && !p->from && !p->to_with && p->owner >= 0 && p->agent < 0 && p->person < 0 &&
            s->d->actors[p->owner].type == AT_COUNTRY) {
            al->country = p->owner;
            al->country_sentence = al->sentences;
            al->has_country = 1;
        }
        break;
    }
    al->sentences++;
}

/* Takes what a mention gives: an actor valid at the date, else an agent. */
static int absorb(dyad_sent *s, const dyad_mention *m, npb *np, int only_agent) {
    int32_t act = only_agent ? -1 : dyad_actor_at(s->d, m->entry, s->date, 0);
    if (act >= 0 && (s->d->actors[act].type == AT_CITY || (s->d->actors[act].type == AT_REGION && s->d->actors[act].admin1))) {
        /* a city or a province from the gazetteer: where something happens, not who acts */
        if (np->place < 0) np->place = act;
        return 1;
    }
    if (act >= 0) {
        const dyad_actor_ent *a = &s->d->actors[act];
        if (np->owner < 0) np->owner = act;
        if (a->type == AT_PERSON && np->person < 0) np->person = act;
        return 1;
    }
    int32_t ag = dyad_actor_at(s->d, m->entry, s->date, 1);
    if (ag >= 0) {
        if (np->agent < 0) np->agent = ag;
        else if (np->agent2 < 0 && ag != np->agent) np->agent2 = ag;   /* "Islamist media" */
        return 1;
    }
    /* a person outside their dated offices: still the person, without an office */
    for (int32_t e = m->entry; e >= 0; e = s->d->trie.entries[e].next) {
        const dyad_trie_entry *en = &s->d->trie.entries[e];
        if (en->kind == K_ACTOR && s->d->actors[en->payload].type == AT_PERSON) {
            if (np->person < 0) np->person = (int32_t)en->payload;
            return 1;
        }
    }
    return 0;
}

static int has_actor(const dyad_sent *s, const dyad_mention *m) {
    for (int32_t e = m->entry; e >= 0; e = s->d->trie.entries[e].next)
        if (s->d->trie.entries[e].kind == K_ACTOR) return 1;
    return 0;
}

static int add_np(dyad_sent *s, dyad_np np) {
    if (DYAD_VEC_PUSH(s->ments.mem, s->nps, s->nnps, s->cnps)) return -1;
    s->nps[s->nnps++] = np;
    for (uint32_t i = np.a; i < np.b; i++) s->tnp[i - s->a] = (int32_t)(s->nnps - 1);
    return 0;
}

/* What the next of two coordinated actor phrases takes from the first: "the ambassadors of
 * Arnor, Osgiliath and Gondor" are each country's ambassadors; "Danish media and government"
 * are both Danish. */
static void share_coordinated(dyad_sent *s, dyad_np *x, dyad_np *y) {
    const dyad_dict *d = s->d;
    if (x->agent < 0 || x->owner < 0 || x->pron || y->pron) return;
    if (x->agent_lead && y->agent < 0 && y->owner >= 0 && d->actors[y->owner].type == AT_COUNTRY &&
        d->actors[x->owner].type == AT_COUNTRY) {
        y->agent = x->agent;
        y->agent_lead = 1;
    } else if (!x->agent_lead && y->owner < 0 && y->person < 0 && y->agent >= 0 && y->a - x->b == 1 &&
               d->actors[x->owner].type == AT_COUNTRY && !d->actors[y->agent].target_only) {
        y->owner = x->owner;
        /* PETRARCH: "Danish Islamist media and government" share all but the last agent too */
        if (d->petrarch && x->agent2 >= 0 && y->agent2 < 0) { y->agent2 = y->agent; y->agent = x->agent; }
    }
}

int dyad_adverb(const dyad_sent *s, uint32_t i) {
    if (wflags(s, i) & W_ADV) return 1;
    const dyad_token *t = &s->t[i];
    if (t->len < 6 || !(t->flags & T_WORD) || (t->flags & T_CAP) || s->tnp[i - s->a] >= 0 || (wflags(s, i) & W_VERB)) return 0;
    const char *w = s->text + t->off;
    return w[t->len - 2] == 'l' && w[t->len - 1] == 'y';
}

/* Token i - 1 is the word a pattern of the lemma joins right before its verb ("wire_*tap"). */
static int joined_verb(const dyad_sent *s, uint32_t i, uint32_t lemma) {
    const dyad_dict *d = s->d;
    const dyad_lemma *lm = &d->lemmas[lemma];
    if (!lm->vadj) return 0;   /* (most lemmas have no such pattern: no scan of their patterns) */
    uint32_t id = s->t[i - 1].id;
    /* a content word: "to", "not" or "will" before a verb are read as such already */
    if (!id || (wflags(s, i - 1) & (W_PREP | W_AUX | W_DET | W_NEG | W_MODAL_INTENT | W_MODAL_HYPO | W_MUST | W_ADV)) ||
        is(s, i - 1, "to"))
        return 0;
    for (uint32_t k = 0; k < lm->n; k++) {
        const dyad_pattern *p = &d->patterns[lm->first + k];
        if (!(p->flags & PF_VADJ) || !p->npre) continue;
        const dyad_pelem *e = &d->elems[p->pre + p->npre - 1];
        if (e->kind != PE_WORD && e->kind != PE_ALT) continue;
        for (uint32_t q = 0; q < e->n; q++)
            if (d->alts[e->a + q] == id || d->alts[e->a + q] == d->lex.words[id].base) return 1;
    }
    return 0;
}

/* A word that joins two actor phrases: and, or, nor ("neither Galadriel nor Gollum"). */
static int coord_word(const dyad_sent *s, uint32_t i) {
    return is(s, i, "and") || is(s, i, "or") || is(s, i, "nor");
}

/* x and y (lower case) differ by one typing slip: a letter left out, added or changed, or two
 * letters next to each other swapped. */
static int one_slip(const char *x, size_t n, const char *y, size_t m) {
    if (n + 1 < m || m + 1 < n || !n || !m) return 0;
    if (n < m) { const char *t = x; x = y; y = t; size_t k = n; n = m; m = k; }
    size_t i = 0;
    while (i < m && x[i] == y[i]) i++;
    if (i == m) return n != m;                       /* one letter added at the end */
    if (n > m) return !memcmp(x + i + 1, y + i, m - i);   /* one letter added */
    if (!memcmp(x + i + 1, y + i + 1, n - i - 1)) return 1;   /* one changed */
    return i + 1 < n && x[i] == y[i + 1] && x[i + 1] == y[i] && !memcmp(x + i + 2, y + i + 2, n - i - 2);
}

/* "Afganistan", "Ethopia": a capitalised word of six letters or more that no dictionary knows and
 * that is one typing slip from the one-word name of exactly one country (dict.c's fuzzy list:
 * names of seven letters or more, so "Maulawi", an honorific, is no Malawi), with the same first
 * letter, is that country. Returns the trie entry of the country's name, or -1. */
static int32_t misspelt_country(const dyad_sent *s, uint32_t i) {
    const dyad_dict *d = s->d;
    const dyad_token *t = &s->t[i];
    if (t->id || !(t->flags & T_WORD) || !(t->flags & T_CAP) || (t->flags & T_ALLCAPS) || t->len < 6 || t->len > 40) return -1;
    char w[64], c[64], best[64];
    size_t n = dyad_lower(s->text + t->off, t->len, w, sizeof w), bn = 0;
    const dyad_actor_ent *hit = NULL;
    if (w[0] < 'a' || w[0] > 'z') return -1;
    for (size_t k = d->fuzzy_at[w[0] - 'a']; k < d->fuzzy_at[w[0] - 'a' + 1]; k++) {
        const dyad_actor_ent *a = &d->actors[d->fuzzy[k]];
        /* the names are ASCII letters (dict.c fuzzy_names): the first letter and the length
         * rule most out before any copying; this runs on every unknown capitalised word */
        if ((a->canon[0] | 0x20) != w[0]) continue;
        size_t cl = strlen(a->canon);
        if (cl + 1 < n || cl > n + 1) continue;
        size_t m = dyad_lower(a->canon, cl, c, sizeof c);
        if (c[0] != w[0] || !one_slip(w, n, c, m)) continue;
        if (hit && strcmp(hit->country, a->country)) return -1;   /* two countries: no guess */
        hit = a;
        memcpy(best, c, m);
        bn = m;
    }
    if (!hit) return -1;
    uint32_t id = dyad_lex_find(&d->lex, best, bn);
    uint32_t node = id ? dyad_trie_step(&d->trie, 0, id) : 0;
    return node ? dyad_trie_first(&d->trie, node) : -1;
}

/* Mentions of misspelt country names (misspelt_country), after those the dictionaries found. */
static int add_misspelt(dyad_sent *s) {
    size_t n0 = s->ments.n;
    enum { COVERED = 0x80 };   /* a scratch bit of tflags (zero before and after): in a mention */
    for (size_t m = 0; m < n0; m++)
        for (uint32_t x = s->ments.v[m].a; x < s->ments.v[m].b; x++) s->tflags[x - s->a] |= COVERED;
    for (uint32_t i = s->a; i < s->b; i++) {
        int covered = (s->tflags[i - s->a] & COVERED) != 0;
        s->tflags[i - s->a] &= (uint8_t)~COVERED;
        int32_t e = covered ? -1 : misspelt_country(s, i);
        if (e < 0) continue;
        if (DYAD_VEC_PUSH(s->ments.mem, s->ments.v, s->ments.n, s->ments.cap)) return -1;
        s->ments.v[s->ments.n++] = (dyad_mention){i, i + 1, e, K_ACTOR};
    }
    return 0;
}

/* A name particle written in lower case inside a name: "dos" in "Jose Eduardo dos Santos". */
static int name_particle(const dyad_sent *s, uint32_t i) {
    static const char *const w[] = {"dos", "da", "de", "do", "das", "del", "della", "di", "du", "van", "von", "der", "al",
                                    "el", "bin", "ben", "ibn", "bint", "la", "le", NULL};
    for (int k = 0; w[k]; k++) if (is(s, i, w[k])) return 1;
    return 0;
}

/* A capitalised word that may be part of a person's name: no acronym, function word, date word
 * or verb form, and no dictionary actor other than a place ("Rivera" is a town too). With last,
 * the name's last word: a word no dictionary knows, or a place ("Santos"), so that a name is no
 * "Youth Forum", "Criminal Code" or "Military Glory". */
static int name_word(const dyad_sent *s, uint32_t i, const int32_t *mstart, int last) {
    const dyad_token *t = &s->t[i];
    if (!(t->flags & T_WORD) || !(t->flags & T_CAP) || (t->flags & T_NL)) return 0;
    if (t->len >= 2 && dyad_isupper((unsigned char)s->text[t->off + 1])) return 0;   /* "CTK" */
    if ((wflags(s, i) & W_VERB) && last) return 0;   /* "Prosper Avril", but not "Minister Resigns" */
    if (wflags(s, i) & (W_FUNCTION | W_TIME | W_NUMWORD | W_PRON_WE | W_PRON_HE | W_PRON_THEY | W_MODAL_INTENT | W_MODAL_HYPO))
        return 0;
    const dyad_mention *m = mention_at(s, i, mstart);
    if (!m) return !last || !t->id;
    int32_t act = dyad_actor_at(s->d, m->entry, s->date, 0);
    return act >= 0 && (s->d->actors[act].type == AT_CITY || s->d->actors[act].type == AT_REGION) && m->b == i + 1;
}

/* "President Dos Santos", "Judge Alejandro Rivera", "Vice-President Moody Awori": after a title
 * (an agent whose last word is of the words.txt class title, singular), a name of up to four capitalised words that no dictionary knows, joined by
 * hyphens ("Zia-Ul-Haq") or lower-case particles ("dos"). A title in lower case needs two words
 * ("prime minister Andreas Papandreou", not "the official CTK"). Returns the token after the
 * name, or j when there is none. */
static uint32_t unknown_name(const dyad_sent *s, uint32_t title, uint32_t j, const int32_t *mstart) {
    uint32_t k = j, words = 0, end = j;
    while (k < s->b && words < 4) {
        if (name_word(s, k, mstart, 0)) { words++; k++; end = k; }
        else if (k > j && k + 1 < s->b && is(s, k, "-") && !(s->t[k].flags & T_SPACE) && !(s->t[k + 1].flags & T_SPACE)) k++;
        else if (k > j && k + 1 < s->b && name_particle(s, k) && name_word(s, k + 1, mstart, 0)) k++;
        else break;
    }
    if (!words || !name_word(s, end - 1, mstart, 1)) return j;
    return words >= 2 || (s->t[title].flags & T_CAP) ? end : j;
}

/* Tokens [a, b) are words that describe an actor phrase after them: adjectives and other plain
 * words, a determiner ("the evil awful"), no preposition, conjunction, auxiliary or verb. */
static int describing(const dyad_sent *s, uint32_t a, uint32_t b) {
    int words = 0;
    /* "the commander and other suspected insurgents": after a word of quantity a participle
     * describes the noun ("suspected"); elsewhere it is a verb ("and accused Rohan") */
    int quantity = a < b && (is(s, a, "other") || is(s, a, "additional") || is(s, a, "several") || is(s, a, "numerous") ||
                             is(s, a, "multiple") || (s->t[a].flags & T_NUM) || (wflags(s, a) & W_NUMWORD));
    for (uint32_t q = a; q < b; q++) {
        uint32_t f = wflags(s, q);
        if (!(s->t[q].flags & T_WORD) || (f & (W_PREP | W_CONJ | W_AUX | W_REL | W_COMP)) || is(s, q, "that") ||
            ((f & W_VERB) && !(s->t[q].flags & T_CAP) && !(quantity && q > a)))
            return 0;
        if (!(f & W_DET) && ++words > 3) return 0;
    }
    return 1;
}

static void mark_attribution(dyad_sent *s) {
    uint32_t a = s->a, b = s->b;
    for (uint32_t i = a; i + 1 < b; i++) {
        int start = i == a || is(s, i - 1, ",") || is(s, i - 1, "\"");
        if (!start) continue;
        uint32_t j = 0;
        if (is(s, i, "according") && is(s, i + 1, "to")) j = i + 2;
        else if (i == a && is(s, i, "as") && i + 2 < b && (s->t[i + 1].flags & (T_CAP)) ) j = i + 1;
        else if (i == a && is(s, i, "as") && i + 2 < b && is(s, i + 1, "\"")) j = i + 1;
        if (!j) continue;
        uint32_t k = j;
        while (k < b && !is(s, k, ",")) k++;
        if (k >= b || k - i > 16) continue;    /* no closing comma near: not an aside */
        for (uint32_t x = i; x <= k; x++) s->tflags[x - a] |= TOK_SKIP;
        s->attrib_a = j;
        s->attrib_b = k;
        /* "As Kommersant had learned": the source is the words before the verb */
        if (is(s, i, "as")) {
            uint32_t e = j;
            while (e < k && !(wflags(s, e) & (W_AUX | W_VERB))) e++;
            s->attrib_b = e;
        }
        i = k;
    }
}

/* The actor phrase k (the first of its coordination) is an object, so no subject: after the
 * clause's verb, with no determiner, a preposition opens it ("about Russian raids", "with
 * military strikes"; not "after" or "since", which may open a clause), or a verb form that is
 * no verb of the clause ("reject proposed Israeli changes"). */
static int object_np(const dyad_sent *s, int32_t k) {
    uint32_t x = s->nps[k].a;
    if (x <= s->a || (wflags(s, x) & W_DET)) return 0;
    /* only in a clause whose verb came already ("talks with Iran continue" is a subject) */
    int32_t v = -1;
    for (size_t q = 0; q < s->nanchors; q++) if (!s->anchors[q].noun && s->anchors[q].tok < x) v = (int32_t)q;
    if (v < 0) return 0;
    for (uint32_t y = s->anchors[v].tok + 1; y < x; y++)
        if (is(s, y, ",") || is(s, y, "that") || (s->tflags[y - s->a] & TOK_BOUND) || (wflags(s, y) & (W_COMP | W_REL | W_CONJ)))
            return 0;
    static const char *const preps[] = {"of", "by", "about", "with", "against", "on", "over", "into", "toward", "towards",
                                        "at", "for", "from", "to", "among", NULL};
    for (int q = 0; preps[q]; q++) if (is(s, x - 1, preps[q])) return 1;
    if (!(wflags(s, x - 1) & W_VERB) || (wflags(s, x - 1) & W_AUX) || (s->t[x - 1].flags & T_CAP)) return 0;
    for (size_t q = 0; q < s->nanchors; q++) if (s->anchors[q].tok == x - 1) return 0;
    return 1;
}

/* The op (say, request or demand) of the verb whose that-clause opens right before token f
 * ("insisted on Monday that Libya ..."), or 0. */
static int that_clause_op(const dyad_sent *s, uint32_t f) {
    if (f < s->a + 2 || !is(s, f - 1, "that") || !s->nanchors) return 0;
    const dyad_anchor *gv = &s->anchors[s->nanchors - 1];
    if (gv->noun || gv->tok + 6 < f - 1) return 0;
    for (uint32_t x = gv->tok + 1; x + 1 < f; x++)
        if (is(s, x, ",") || (s->tflags[x - s->a] & TOK_BOUND) || (wflags(s, x) & (W_VERB | W_COMP | W_CONJ))) return 0;
    int32_t opp = s->d->lemmas[gv->lemma].op_pattern;
    int op = opp >= 0 ? s->d->patterns[opp].op : 0;
    return op == OP_SAY || op == OP_REQUEST || op == OP_DEMAND ? op : 0;
}

/* The actor phrase k names several: its last word a plural ("US" is one) or a word such as
 * "police", part of a coordination, or "we" / "they". */
static int plural_np(const dyad_sent *s, int32_t k) {
    const dyad_np *np = &s->nps[k];
    uint32_t last = np->b - 1;
    const dyad_token *t = &s->t[last];
    return (wflags(s, last) & W_NOUNISH) || np->next >= 0 || np->first != k || np->pron == PRON_WE ||
           np->pron == PRON_THEY || (t->len > 1 && s->text[t->off + t->len - 1] == 's');
}

/* "re-open", "co-sponsored": a verb form right after the prefix re- or co- and its hyphen, with
 * no space between, is the prefixed verb. Returns the prefixed word's lexicon entry when the
 * dictionaries know it as a verb ("reopen"), else the verb's own; NULL when i is no such form. */
static const dyad_word *prefixed_verb(const dyad_sent *s, uint32_t i) {
    if (i < s->a + 2 || !is(s, i - 1, "-") || (s->t[i].flags & T_SPACE) || (s->t[i - 1].flags & T_SPACE)) return NULL;
    if (!is(s, i - 2, "re") && !is(s, i - 2, "co")) return NULL;
    const dyad_word *w = &s->d->lex.words[s->t[i].id];
    char buf[64], low[128];
    const dyad_token *x = &s->t[i];
    if (x->len + 2 >= sizeof buf) return w;
    memcpy(buf, s->text + s->t[i - 2].off, 2);
    memcpy(buf + 2, s->text + x->off, x->len);
    size_t ln = dyad_lower(buf, x->len + 2, low, sizeof low);
    uint32_t id = dyad_lex_find(&s->d->lex, low, ln);
    const dyad_word *jw = id ? &s->d->lex.words[id] : NULL;
    return jw && (jw->flags & W_VERB) && jw->lemma >= 0 ? jw : w;
}

int dyad_parse(dyad_sent *s, const dyad_dict *d, const char *text, const dyad_token *t, uint32_t a,
               uint32_t b, int32_t date) {
    const dyad_mem *mem = s->ments.mem;
    s->d = d;
    s->text = text;
    s->t = t;
    s->a = a;
    s->b = b;
    s->date = date;
    s->ments.n = s->nnps = s->nanchors = 0;
    s->attrib_np = -1;
    s->attrib_a = s->attrib_b = 0;
    size_t n = b - a;
    if (n + 1 > s->tcap) {
        size_t cap = s->tcap, cap2 = s->tcap;
        if (dyad_vec_grow(mem, (void **)&s->tflags, sizeof *s->tflags, &cap, n + 1)) return -1;
        if (dyad_vec_grow(mem, (void **)&s->tnp, sizeof *s->tnp, &cap2, n + 1)) return -1;
        s->tcap = cap < cap2 ? cap : cap2;
    }
    memset(s->tflags, 0, n + 1);
    if (s->nstamp < d->lex.n) {
        dyad_mem_free(mem, s->stamp, s->nstamp * sizeof *s->stamp);
        s->stamp = dyad_mem_calloc(mem, d->lex.n * sizeof *s->stamp);
        if (!s->stamp) { s->nstamp = 0; return -1; }
        s->nstamp = d->lex.n;
        s->serial = 0;
    }
    if (dyad_match(d, t, a, b, &s->ments) || (d->nfuzzy && !d->petrarch && add_misspelt(s))) return -1;

    /* brackets and quotes */
    int depth = 0, inq = 0;
    for (uint32_t i = a; i < b; i++) {
        if (is(s, i, "(")) depth++;
        if (depth) s->tflags[i - a] |= TOK_PAREN;
        if (is(s, i, ")") && depth) depth--;
        /* a name in quotes is a title, no quotation: 'sources of "Kommersant"', '"Sputnik" said' */
        if (!inq && is(s, i, "\"")) {
            uint32_t q = i + 1;
            while (q < b && q < i + 5 && (t[q].flags & T_WORD) && ((t[q].flags & T_CAP) || is(s, q, "of") || is(s, q, "the"))) q++;
            if (q > i + 1 && q < b && is(s, q, "\"") && (t[i + 1].flags & T_CAP)) {
                if (depth) for (uint32_t x = i + 1; x <= q; x++) s->tflags[x - a] |= TOK_PAREN;
                i = q;
                continue;
            }
        }
        if (is(s, i, "\"")) { inq = !inq; s->tflags[i - a] |= TOK_BOUND; }
        else if (inq) s->tflags[i - a] |= TOK_QUOTE;
        if (is(s, i, ";") || is(s, i, ":")) s->tflags[i - a] |= TOK_BOUND;
    }
    mark_attribution(s);

    /* mention index by start token (scratch in tnp) */
    for (size_t i = 0; i < n; i++) s->tnp[i] = -1;
    for (size_t m = 0; m < s->ments.n; m++)
        if (s->ments.v[m].kind == K_ACTOR) s->tnp[s->ments.v[m].a - a] = (int32_t)m;
    int32_t *mstart = s->tnp;
    /* Build NPs into a temporary list first, since tnp is the mention map until then. */
    typedef struct { uint32_t a, b; npb v; int pron, lead, titled, ethnic, coref; } rawnp;
    rawnp raw[256];
    size_t nraw = 0;
    for (uint32_t i = a; i < b && nraw < 256;) {
        /* "... a Taliban leader named Malawi Sahib ... killing Malawi Sahib": a name the story
         * gave one person known by a role word names that person */
        const dyad_name *nm = NULL;
        uint32_t ne = name_at(s, i, &nm);
        if (ne > i) {
            raw[nraw++] = (rawnp){i, ne, {nm->owner, nm->agent, -1, -1, -1}, PRON_NONE, 0, 0, 0, 1};
            i = ne;
            continue;
        }
        const dyad_mention *m = mention_at(s, i, mstart);
        uint32_t wf = wflags(s, i);
        if (!m || !has_actor(s, m)) {
            /* "The force detained", "the joint patrol": a role noun no phrase of ours takes
             * alone, after "the" and up to two describing words, is the actor the story named
             * before by it (not "the force of the blast") */
            const dyad_alias *al = NULL;
            uint32_t h = i + 1;
            if (s->aliases && (is(s, i, "the") || is(s, i, "this")))
                for (; h < b && h < i + 4 && (t[h].flags & T_WORD) && !mention_at(s, h, mstart); h++) {
                    if ((al = alias_at(s, h))) break;
                    if (wflags(s, h) & (W_FUNCTION | W_VERB | W_TIME | W_ROLE)) break;
                    if (t[h].len > 4 && dyad_strncaseeq(s->text + t[h].off + t[h].len - 3, "ing", 3)) break;   /* "motivating" */
                }
            if (al && !(h + 1 < b && (is(s, h + 1, "of") || is(s, h + 1, "'") || is(s, h + 1, "-") ||
                                      role_word(s, h + 1) || mention_at(s, h + 1, mstart)))) {
                raw[nraw++] = (rawnp){i, h + 1, {al->owner, al->agent, al->person, -1, -1}, PRON_NONE, 0, 0, 0, 1};
                i = h + 1;
                continue;
            }
            /* "Tajikistan has asked Russia for help. The country will receive ...": the country a
             * sentence shortly before had as its subject */
            if (s->aliases && s->aliases->has_country && !d->petrarch && i + 1 < b && is(s, i, "the") &&
                (is(s, i + 1, "country") || is(s, i + 1, "nation") || is(s, i + 1, "republic")) &&
                s->aliases->sentences - s->aliases->country_sentence <= 3 && !mention_at(s, i + 1, mstart) &&
                !(i + 2 < b && is(s, i + 2, "of")) && !(i > a && (wflags(s, i - 1) & W_PREP)) &&
                !country_named(s, d->actors[s->aliases->country].country, i)) {
                raw[nraw++] = (rawnp){i, i + 2, {s->aliases->country, -1, -1, -1, -1}, PRON_NONE, 0, 0, 0, 1};
                i += 2;
                continue;
            }
            if (wf & (W_PRON_WE | W_PRON_HE | W_PRON_THEY)) {
                int pron = (wf & W_PRON_WE) ? PRON_WE : (wf & W_PRON_HE) ? PRON_HE : PRON_THEY;
                raw[nraw++] = (rawnp){i, i + 1, {-1, -1, -1, -1, -1}, pron, 0, 0, 0, 0};
            }
            i++;
            continue;
        }
        /* "the pro-Iranian Hizbollah", "an anti-Syria journalist": a country after pro- or anti-
         * says whom the phrase is for or against, not whose it is */
        if (i >= a + 2 && is(s, i - 1, "-") && !(t[i].flags & T_SPACE) && !(t[i - 1].flags & T_SPACE) &&
            (is(s, i - 2, "pro") || is(s, i - 2, "anti"))) {
            i = m->b;
            continue;
        }
        uint32_t start = i;
        while (start > a && (wflags(s, start - 1) & W_DET) && !is(s, start - 1, "that")) start--;
        npb v = {-1, -1, -1, -1, -1};
        if (!absorb(s, m, &v, 0)) { i = m->b; continue; }
        int lead = v.agent >= 0 && v.owner < 0;
        uint32_t j = m->b;
        /* a city naming something else: "the Minsk Agreements", "the Astana Process", "the Minsk
         * agreements", "the Normandy format" */
        static const char *const named_after[] = {"agreement", "agreements", "accord", "accords", "process", "format",
                                                  "protocol", "protocols", "declaration", "formula", NULL};
        int after = 0;
        for (int k = 0; named_after[k] && !after && j < b; k++) after = is(s, j, named_after[k]);
        /* (not a day or the word "City": "in Kandahar Saturday", "In Kandahar City, ...") */
        int named_cap = j < b && (t[j].flags & T_CAP) && (t[j].flags & T_WORD) && !(wflags(s, j) & W_TIME) && !is(s, j, "city");
        if (v.owner >= 0 && (d->actors[v.owner].type == AT_CAPITAL || d->actors[v.owner].type == AT_CITY) &&
            (named_cap || after) && !mention_at(s, j, mstart)) {
            i = j;
            continue;
        }
        if (v.owner >= 0 && d->actors[v.owner].type == AT_CITY && j < b && is(s, j, "city") && (t[j].flags & T_CAP)) j++;
        /* "amendments to the Criminal Code": a capitalised agent word that opens a longer
         * capitalised name (a capitalised word of no class after it, mid-sentence) names a thing,
         * no one */
        int title_word = 0;   /* (not a title before a name: "President Halbarad Torvane") */
        for (uint32_t x = i; x < j && !title_word; x++) title_word = (wflags(s, x) & W_TITLE) != 0;
        if (v.agent >= 0 && v.owner < 0 && v.person < 0 && !title_word && (t[i].flags & T_CAP) && i > a + 1 &&
            !(t[i - 1].flags & T_PUNCT) && j < b && plain_cap(s, j) && !mention_at(s, j, mstart)) {
            i = j;
            continue;
        }
        /* "killing Malawi Sahib", "met Jordan Peterson": a country's own name (not its adjective:
         * "the Russian Empire") that opens a person's name (a capitalised word of no class after
         * it, then the name ends) mid-sentence is no country */
        if (v.owner >= 0 && v.agent < 0 && v.person < 0 && d->actors[v.owner].type == AT_COUNTRY && m->b == i + 1 &&
            i > a && (t[i - 1].flags & T_WORD) && !(t[i - 1].flags & T_CAP) && j + 1 < b && (t[j].flags & T_WORD) &&
            (t[j].flags & T_CAP) && !wflags(s, j) && !mention_at(s, j, mstart) && !(t[j + 1].flags & T_CAP) &&
            strlen(d->actors[v.owner].canon) == t[i].len && dyad_strncaseeq(d->actors[v.owner].canon, s->text + t[i].off, t[i].len)) {
            i = j + 1;
            continue;
        }
        for (;;) {
            const dyad_mention *m2;
            if (j + 2 < b && is(s, j, "(") && (m2 = mention_at(s, j + 1, mstart)) && m2->b < b && is(s, m2->b, ")")) {
                absorb(s, m2, &v, 0);
                j = m2->b + 1;
                continue;
            }
            if ((m2 = mention_at(s, j, mstart)) && !(s->t[j].flags & T_NL)) {
                absorb(s, m2, &v, 0);
                j = m2->b;
                continue;
            }
            /* "the military-political bloc": a hyphenated compound before the head noun, which
             * then gives the sector */
            if (j + 2 < b && is(s, j, "-") && !(t[j].flags & T_SPACE) && !(t[j + 1].flags & T_SPACE) && (t[j + 1].flags & T_WORD)) {
                uint32_t k = j + 2;
                while (k < b && k < j + 5 && (t[k].flags & T_WORD) && !mention_at(s, k, mstart) &&
                       !(wflags(s, k) & (W_DET | W_PREP | W_CONJ | W_AUX | W_VERB | W_REL | W_COMP)))
                    k++;
                if ((m2 = mention_at(s, k, mstart)) && dyad_actor_at(d, m2->entry, date, 1) >= 0) {
                    v.agent = v.agent2 = -1;
                    absorb(s, m2, &v, 1);
                    j = m2->b;
                    continue;
                }
                /* "domestic radio-electronic products": an agent word alone that opens a compound
                 * with no actor after it describes a thing, no one */
                if (v.agent >= 0 && v.owner < 0 && v.person < 0 && j == m->b && m->b == i + 1) {
                    v.agent = v.agent2 = -1;
                    break;
                }
            }
            /* "Russian military base", "the 201st Russian military base", "a Taliban senior
             * leader": a describing word or two before an agent, when the phrase has an owner and
             * no agent yet */
            if (v.owner >= 0 && v.agent < 0) {
                uint32_t k = j;
                while (k < b && k < j + 2 && (s->t[k].flags & T_WORD) && !mention_at(s, k, mstart) &&
                       (!s->t[k].id || !(wflags(s, k) & (W_FUNCTION | W_VERB | W_TIME | W_MODAL_INTENT | W_MODAL_HYPO |
                                                         W_PRON_WE | W_PRON_HE | W_PRON_THEY))))
                    k++;
                if (k > j && (m2 = mention_at(s, k, mstart)) && dyad_actor_at(d, m2->entry, date, 1) >= 0) {
                    absorb(s, m2, &v, 1);
                    j = m2->b;
                    continue;
                }
            }
            uint32_t k = 0;
            if (j + 1 < b && is(s, j, "of")) k = j + 1;
            else if (j + 2 < b && is(s, j, "'") && is(s, j + 1, "s")) k = j + 2;
            else if (j + 1 < b && is(s, j, "from") && v.owner < 0 && v.agent >= 0) k = j + 1;
            if (k) {
                while (k < b && (wflags(s, k) & W_DET) && !is(s, k, "that")) k++;
                if (k < b && is(s, k, "\"")) k++;
                /* up to two describing words before the mention: "Taiwan's Vice Foreign
                 * Minister", "Algeria's leading human rights activist" */
                uint32_t k0 = k;
                int joined = 0;   /* "Ithilen's awful and evil minister": one "and" between two of them */
                while (k < b && k < k0 + 2 + joined && (s->t[k].flags & T_WORD) && !mention_at(s, k, mstart)) {
                    if (!joined && k > k0 && is(s, k, "and") && k + 1 < b && !mention_at(s, k + 1, mstart)) { joined = 1; k++; continue; }
                    if (wflags(s, k) & (W_FUNCTION | W_MODAL_INTENT | W_MODAL_HYPO)) break;
                    k++;
                }
                if (k > k0 && !mention_at(s, k, mstart)) k = k0;
                if ((m2 = mention_at(s, k, mstart)) && has_actor(s, m2)) {
                    /* "the Albanians of southern Serbia", "the Kurds of northern Iraq": a people,
                     * named by a country's plural demonym, of another country are that country's
                     * (as CAMEO codes minorities); the country's name itself ("the United States
                     * of America") and any agent ("the Albanian minister of ...") stay */
                    /* (a place named, not described: "Americans of Japanese descent" stay) */
                    int32_t pl = dyad_actor_at(d, m2->entry, s->date, 0);
                    const dyad_token *pt = &t[j - 1];
                    int named_place = m2->b >= b || !(t[m2->b].flags & T_WORD) || (t[m2->b].flags & T_CAP) ||
                                      (wflags(s, m2->b) & (W_FUNCTION | W_VERB | W_ADV | W_MODAL_INTENT | W_MODAL_HYPO | W_TIME));
                    if (named_place && is(s, j, "of") && v.owner >= 0 && v.agent < 0 && v.person < 0 && d->actors[v.owner].type == AT_COUNTRY &&
                        (pt->flags & T_WORD) && (pt->flags & T_CAP) && pt->len > 4 && s->text[pt->off + pt->len - 1] == 's' &&
                        !dyad_tok_is(s->text, pt, d->actors[v.owner].canon) &&
                        pl >= 0 && (d->actors[pl].type == AT_COUNTRY || (d->actors[pl].type == AT_REGION && !d->actors[pl].admin1)) &&
                        d->actors[pl].country[0] && strcmp(d->actors[pl].country, d->actors[v.owner].country))
                        v.owner = -1;
                    int poss = is(s, j, "'");
                    int32_t own0 = v.owner;
                    absorb(s, m2, &v, 0);
                    j = m2->b;
                    if (j < b && is(s, j, "\"")) j++;
                    /* "the deputy chief of Israel's militia ally in southern Lebanon": the possessor
                     * says whose ally or proxy the armed body is, not whose it is */
                    if (poss && own0 >= 0 && v.owner == own0 && v.agent >= 0 && v.person < 0 && j < b &&
                        (is(s, j, "ally") || is(s, j, "allies") || is(s, j, "proxy") || is(s, j, "proxies"))) {
                        v.owner = -1;
                        j++;
                    }
                    continue;
                }
            }
            /* apposition: "the President of Tajikistan, Emomali Rahmon," (a role before the
             * comma, not a place: "to protect Donbass, Recep Tayyip Erdogan expressed") */
            if (j + 1 < b && is(s, j, ",") && (v.agent >= 0 || v.person >= 0) && (m2 = mention_at(s, j + 1, mstart))) {
                npb w = {-1, -1, -1, -1, -1};
                if (absorb(s, m2, &w, 0) && w.person >= 0 &&
                    (m2->b >= b || is(s, m2->b, ",") || (wflags(s, m2->b) & (W_VERB | W_AUX)))) {
                    if (v.person < 0) v.person = w.person;
                    if (v.owner < 0) v.owner = w.owner;
                    j = m2->b;
                    continue;
                }
            }
            break;
        }
        if (v.owner < 0 && v.agent < 0 && v.person < 0 && v.place < 0) { i = j; continue; }   /* (a compound's word, above) */
        int titled = 0;
        uint32_t tl = j;   /* the title word: "President", "Gen." , "Governor of Eastfold Province" */
        for (uint32_t x = start; x < j && tl == j; x++) if (wflags(s, x) & W_TITLE) tl = x;
        if (v.agent >= 0 && v.owner < 0 && v.person < 0 && tl < j) {
            uint32_t e = unknown_name(s, tl, j, mstart);
            titled = e > j;
            j = e;
        }
        /* "the parties to the conflict", "a party to the treaty": those taking part, no political party */
        if (v.agent >= 0 && v.owner < 0 && v.person < 0 && j < b && is(s, j, "to") &&
            (is(s, j - 1, "party") || is(s, j - 1, "parties"))) {
            i = j;
            continue;
        }
        /* "ethnic Albanians", "ethnic Albanian guerrillas": a people, of the country where they are */
        int ethnic = v.owner >= 0 && d->actors[v.owner].type == AT_COUNTRY && i > a && is(s, i - 1, "ethnic") && v.person < 0;
        if (ethnic) v.owner = -1;
        /* "The leader" after "a Haqqani leader", "the security force" after "an Afghan and
         * coalition security force": a definite agent alone is whose the story said it was */
        const dyad_alias *al = NULL;
        uint32_t def = start;   /* "the senior leader": describing words after "the" */
        while (def > a && def + 2 > start && !is(s, def, "the") && !is(s, def, "this") && (t[def - 1].flags & T_WORD) &&
               !mention_at(s, def - 1, mstart) &&
               (is(s, def - 1, "the") || is(s, def - 1, "this") ||
                (!(t[def - 1].flags & T_CAP) &&
                 !(wflags(s, def - 1) & (W_FUNCTION | W_VERB | W_TIME)))))
            def--;
        int coref = v.owner < 0 && v.person < 0 && v.agent >= 0 && (is(s, def, "the") || is(s, def, "this")) &&
                    (al = alias_at(s, j - 1)) && al->owner >= 0;
        /* (a government's own bodies, "the Government", "the ministry", are the last country's:
         * code.c resolve_pron; an armed group's, a party's, an organisation's are theirs) */
        if (coref && (d->actors[al->owner].type == AT_COUNTRY || d->actors[al->owner].type == AT_CAPITAL ||
                      d->actors[al->owner].type == AT_SEAT))
            coref = 0;
        if (coref) v.owner = al->owner;
        raw[nraw++] = (rawnp){start, j, v, PRON_NONE, lead && v.owner >= 0, titled, ethnic, coref};
        i = j;
    }
    for (size_t i = 0; i < n; i++) s->tnp[i] = -1;
    for (size_t r = 0; r < nraw; r++) {
        dyad_np np;
        memset(&np, 0, sizeof np);
        np.a = raw[r].a;
        np.b = raw[r].b;
        np.owner = raw[r].v.owner;
        np.agent = raw[r].v.agent;
        np.agent2 = raw[r].v.agent2;
        np.person = raw[r].v.person;
        np.place = raw[r].v.place;
        np.pron = raw[r].pron;
        np.agent_lead = raw[r].lead;
        np.titled = raw[r].titled;
        np.ethnic = raw[r].ethnic;
        np.coref = raw[r].coref;
        np.body = np.agent >= 0 && np.owner < 0 && np.person < 0 && d->actors[np.agent].code && d->actors[np.agent].org;
        np.next = -1;
        np.first = (int32_t)s->nnps;
        np.definite = is(s, np.a, "the");
        if (np.a > a) {
            uint32_t p = np.a - 1;
            if (is(s, p, "\"") && p > a) p--;
            /* "in eastern Beirut", "in central Baghdad", "in south Lebanon": a direction between */
            static const char *const compass[] = {"eastern", "western", "northern", "southern", "central", "east", "west",
                                                  "north", "south", "northeastern", "northwestern", "southeastern",
                                                  "southwestern", "northeast", "northwest", "southeast", "southwest",
                                                  "downtown", NULL};
            if (p > a && !(t[p].flags & T_CAP) && (t[p].flags & T_WORD) && (wflags(s, p - 1) & W_LOC_PREP))
                for (int k = 0; compass[k]; k++)
                    if (is(s, p, compass[k])) { p--; break; }
            /* "near the town of Samarra", "in the Iraqi city of Basra": a place named after a
             * word for a settlement or division and "of" stands where that phrase stands */
            static const char *const settlement[] = {"town", "city", "village", "province", "district", "region",
                                                     "port", "capital", "area", "state", NULL};
            int settled = 0;   /* (a capital is its government too: "blocked roads in the capital city of Algiers") */
            for (int k = 0; settlement[k] && !settled && np.owner < 0 && is(s, p, "of") && p > a + 2; k++) settled = is(s, p - 1, settlement[k]);
            /* but a capital right after the word: "exploded bombs in the capital Kabul" is where */
            int capital = np.owner >= 0 && (d->actors[np.owner].type == AT_CAPITAL || d->actors[np.owner].type == AT_CITY) &&
                          np.agent < 0 && np.person < 0;
            if (capital && !settled && p > a + 1 && is(s, p, "capital")) {
                for (uint32_t q = p; q > a + 1 && q + 5 > p; q--)
                    if (wflags(s, q - 1) & W_LOC_PREP) { p = q - 1; break; }
            }
            for (uint32_t q = p - 1; settled && q > a + 1 && q + 5 > p; q--) {
                if (!(wflags(s, q - 1) & W_DET)) continue;
                p = q - 2;
                break;
            }
            uint32_t pf = wflags(s, p);
            np.loc = (pf & W_LOC_PREP) != 0;
            np.by = is(s, p, "by");
            np.from = is(s, p, "from");
            np.to_with = is(s, p, "to") || is(s, p, "with") || is(s, p, "against") || is(s, p, "on") ||
                         is(s, p, "into") || is(s, p, "toward") || is(s, p, "towards") || is(s, p, "for");
        }
        if (add_np(s, np)) return -1;
    }
    /* coordination: NP (, NP)* and NP. A comma links only inside a list that an "and" or "or"
     * closes ("Tajikistan, Moscow and Dushanbe"), never across an aside. */
    int8_t link[256];
    size_t nl = s->nnps < 256 ? s->nnps : 256;
    for (size_t k = 0; k + 1 < nl; k++) {
        dyad_np *x = &s->nps[k], *y = &s->nps[k + 1];
        link[k] = 0;
        if (x->pron || y->pron) continue;
        if ((s->tflags[x->b - a] | s->tflags[y->a - a] | s->tflags[x->a - a]) & TOK_SKIP) continue;
        uint32_t g = y->a - x->b;
        /* "Afghan and International Security Forces", "and the evil Gondor", ", and good Gondor":
         * describing words (and a determiner) after the "and" */
        uint32_t c = x->b + (is(s, x->b, ",") && g >= 2);
        if (g >= 2 && g <= 5 && coord_word(s, c) && y->a - c <= 4 && describing(s, c + 1, y->a)) {
            link[k] = 2;
            continue;
        }
        /* ", the awful Fornost, and": describing words in a list a comma links */
        if (g >= 2 && g <= 4 && is(s, x->b, ",") && !x->loc && describing(s, x->b + 1, y->a)) { link[k] = 1; continue; }
        if ((g == 1 && coord_word(s, x->b)) || (g == 2 && is(s, x->b, ",") && coord_word(s, x->b + 1)))
            link[k] = 2;
        else if (g == 1 && is(s, x->b, ",") &&
                 /* "In Logar province, an Afghan and coalition force detained": the comma closes
                  * an opening place phrase, it lists nothing */
                 !(x->loc && ((t[y->a].flags & T_WORD) && (wflags(s, y->a) & W_DET))) &&
                 !(x->loc && x->a == a + 1))
            link[k] = 1;
    }
    /* "was confiscated by Afghan police and one person was detained": a passive's agent is no
     * partner of a phrase that has a verb group of its own (but "travelled from the DNR and
     * LNR will receive": a relative clause's place phrase may end before the main verb) */
    for (size_t k = 0; k + 1 < nl; k++) {
        const dyad_np *x = &s->nps[k], *y = &s->nps[k + 1];
        if (link[k] && x->by && y->b < b &&
            (wflags(s, y->b) & (W_BE | W_AUX | W_MODAL_INTENT | W_MODAL_HYPO)))
            link[k] = 0;
    }
    for (size_t k = nl ? nl - 1 : 0; k-- > 0;)     /* a comma link needs an and-link after it */
        if (link[k] == 1 && !(k + 1 < nl - 1 && link[k + 1] >= 1 && (link[k + 1] == 2 || link[k + 1] == 3))) link[k] = 0;
        else if (link[k] == 1) link[k] = 3;        /* 3: a comma link confirmed */
    for (size_t k = 0; k + 1 < nl; k++) {
        if (!link[k]) continue;
        dyad_np *x = &s->nps[k], *y = &s->nps[k + 1];
        x->next = (int32_t)(k + 1);
        y->first = x->first;
        y->loc = x->loc; y->by = x->by; y->from = x->from; y->to_with = x->to_with;
        /* "Senior Hungarian and Romanian officials": the first shares the last's agent */
        if (x->agent < 0 && y->agent >= 0 && y->a - x->b == 1 && !d->actors[y->agent].target_only && !y->agent_lead)
            x->agent = y->agent;   /* (not "Ithilen and the government of Gondor") */
        share_coordinated(s, x, y);
    }
    /* "fought the enemy outside Moscow and Leningrad, Kiev and Minsk": a city right after a
     * comma that ends a list of places is one more of them */
    for (size_t k = 0; k + 1 < nl; k++) {
        dyad_np *x = &s->nps[k], *y = &s->nps[k + 1];
        if (link[k] || y->loc || !s->nps[x->first].loc || y->a <= x->b || !is(s, y->a - 1, ",") || y->owner < 0 ||
            y->agent >= 0 || y->person >= 0 || x->owner < 0)
            continue;
        int names = 1;   /* (between them only names, commas and "and": "Moscow and Leningrad, Kiev") */
        for (uint32_t q = x->b; q < y->a && names; q++)
            names = is(s, q, ",") || is(s, q, "and") || ((t[q].flags & T_WORD) && (t[q].flags & T_CAP));
        int32_t last = (int32_t)(k + 1);   /* (the list goes on or ends there: not "in Moscow, Kiev said") */
        while (s->nps[last].next >= 0) last = s->nps[last].next;
        uint32_t after = s->nps[last].b;
        if (!names || (after < b && !is(s, after, ",") && !is(s, after, "and") && !(t[after].flags & T_PUNCT))) continue;
        uint8_t ty = d->actors[y->owner].type, tx = d->actors[x->owner].type;
        if ((ty == AT_CAPITAL || ty == AT_CITY || ty == AT_REGION) && (tx == AT_CAPITAL || tx == AT_CITY || tx == AT_REGION))
            for (int32_t q = (int32_t)(k + 1); q >= 0; q = s->nps[q].next) s->nps[q].loc = 1;
    }
    if (s->attrib_b > s->attrib_a)
        for (size_t k = 0; k < s->nnps; k++)
            if (s->nps[k].a >= s->attrib_a && s->nps[k].b <= s->attrib_b) { s->attrib_np = (int32_t)k; break; }

    /* verb anchors */
    for (uint32_t i = a; i < b; i++) {
        const dyad_word *w = &d->lex.words[t[i].id];
        const dyad_word *pw = (w->flags & W_VERB) ? prefixed_verb(s, i) : NULL;
        uint32_t pre = pw ? 2 : 0;   /* the prefix and its hyphen stand before the verb */
        if (pw) w = pw;
        if (!(w->flags & W_VERB) || w->lemma < 0) continue;
        if (s->tflags[i - a] & (TOK_SKIP | TOK_PAREN)) continue;
        if (s->tnp[i - a] >= 0) continue;
        uint8_t vf = w->vform;
        uint32_t p = i - pre;
        while (p > a && (wflags(s, p - 1) & W_ADV)) p--;
        int has_prev = p > a;
        uint32_t pf = has_prev ? wflags(s, p - 1) : 0;
        int prev_be = has_prev && (pf & W_BE);
        /* "wire tap": a word a pattern joins to the verb before it ("wire_*tap") makes it a verb */
        int joined = i > a && p == i && joined_verb(s, i, (uint32_t)w->lemma);
        int prev_aux = has_prev && ((pf & (W_AUX | W_NEG | W_MODAL_INTENT | W_MODAL_HYPO | W_MUST)) || joined);
        /* "is committed to opening", "remains committed to providing": after a "ready" word and
         * "to", an -ing form is the verb of the infinitive */
        int ready_ing = vf == VF_ING && has_prev && p - 1 > a && is(s, p - 1, "to") && (wflags(s, p - 2) & W_READY);
        int prev_to = has_prev && is(s, p - 1, "to") && ((vf & VF_BASE) || ready_ing);   /* "to talks" is no infinitive */
        /* "began collecting signatures", "continued shelling the town": an -ing form after a verb
         * of beginning or going on is the act */
        int aspect_ing = 0;
        if (vf == VF_ING && has_prev && s->nanchors && s->anchors[s->nanchors - 1].tok == p - 1 &&
            !lemma_has_op(d, w->lemma)) {   /* not "starts preparing for", an operator's own form */
            aspect_ing = is(s, p - 1, "began") || is(s, p - 1, "begun") || is(s, p - 1, "begins") || is(s, p - 1, "begin") ||
                         is(s, p - 1, "started") || is(s, p - 1, "starts") || is(s, p - 1, "start") ||
                         is(s, p - 1, "continued") || is(s, p - 1, "continues") || is(s, p - 1, "continue") ||
                         is(s, p - 1, "resumed") || is(s, p - 1, "resumes") || is(s, p - 1, "resume") ||
                         is(s, p - 1, "kept") || is(s, p - 1, "keeps") || is(s, p - 1, "keep");
        }
        int prev_det = has_prev && ((pf & W_DET) || (p - 1 > a && is(s, p - 1, "s") && is(s, p - 2, "'")));
        int next_of = i + 1 < b && is(s, i + 1, "of");
        if (prev_det || (vf == VF_NOUN && has_prev && !prev_aux && !prev_to)) {
            /* after a determiner, a noun: an event only as the head of a noun pattern ("the
             * capture of", "Arnor's visit to") */
            if (!(vf & VF_NOUN)) continue;
            dyad_anchor an;
            memset(&an, 0, sizeof an);
            an.tok = i;
            an.noun = 1;
            an.lemma = (uint32_t)w->lemma;
            an.governor = -1;
            an.gov_np = -1;
            an.group = i;
            if (DYAD_VEC_PUSH(mem, s->anchors, s->nanchors, s->canchors)) return -1;
            s->anchors[s->nanchors++] = an;
            continue;
        }
        if (vf == VF_NOUN) continue;
        /* "a coalition force patrol detained", "the talks ended": a present form right before a
         * past one is a noun, the head of the subject, and the past form is the verb; but after
         * a plural people's name a base form is its verb and the past form describes the object
         * ("the Palestinians reject proposed changes"; not "an Afghan and coalition force patrol
         * killed", "coalition forces patrol detained") */
        int32_t sj = has_prev && p == i ? s->tnp[p - 1 - a] : -1;
        int after_plural = (vf & VF_BASE) && sj >= 0 && s->nps[sj].b == p && s->nps[sj].agent < 0 &&
                           s->nps[sj].next < 0 && s->nps[sj].first == sj && plural_np(s, sj);
        if ((vf & (VF_BASE | VF_3SG)) && !(vf & (VF_PAST | VF_PART | VF_ING)) && !prev_aux && !prev_to && !after_plural && i + 1 < b &&
            (t[i + 1].flags & T_WORD) && (d->lex.words[t[i + 1].id].flags & W_VERB) &&
            (d->lex.words[t[i + 1].id].vform & VF_PAST) && !(d->lex.words[t[i + 1].id].vform & (VF_BASE | VF_3SG)))
            continue;
        /* "Afghan-led", "fast-track": a verb form inside a hyphenated word is no verb */
        if ((has_prev && !pre && is(s, i - 1, "-") && !(t[i].flags & T_SPACE)) ||
            (i + 2 < b && is(s, i + 1, "-") && !(t[i + 1].flags & T_SPACE) && !(t[i + 2].flags & T_SPACE)))
            continue;
        /* "two suspected insurgents", "one additional wounded soldier": a participle between a
         * number or quantity word and an actor describes the actor */
        if (has_prev && p == i && (vf & (VF_PAST | VF_PART)) && !(vf & (VF_BASE | VF_3SG)) && !prev_aux &&
            s->tnp[i - 1 - a] < 0 && !(pf & (W_PRON_WE | W_PRON_HE | W_PRON_THEY | W_REL)) &&
            i + 1 < b && s->tnp[i + 1 - a] >= 0 && s->nps[s->tnp[i + 1 - a]].a == i + 1 &&
            ((t[i - 1].flags & T_NUM) || (pf & (W_MONEY | W_DET)) || is(s, i - 1, "additional") || is(s, i - 1, "other") ||
             is(s, i - 1, "more") || is(s, i - 1, "several") || is(s, i - 1, "multiple") || is(s, i - 1, "numerous") ||
             is(s, i - 1, "many") || is(s, i - 1, "few")))
            continue;
        /* "Arnorian and Allied Security Forces": a participle between "and" and an actor describes
         * it (not "identified and detained the facilitator": a determiner opens an object) */
        if (has_prev && (is(s, i - 1, "and") || is(s, i - 1, "or")) && !(vf & (VF_BASE | VF_3SG)) && i + 1 < b &&
            s->tnp[i + 1 - a] >= 0 && !(wflags(s, i + 1) & W_DET))
            continue;
        /* ", supported by coalition troops,": an aside that describes the subject */
        if (has_prev && is(s, i - 1, ",") && (vf & VF_PART) && !(vf & VF_BASE) && i + 1 < b && is(s, i + 1, "by")) continue;
        /* "before detaining them", "while detaining several others": after a preposition of time
         * an -ing form is the main clause's subject's act */
        int result_ing = vf == VF_ING && has_prev && s->nanchors && !s->anchors[s->nanchors - 1].noun &&
                         dyad_count_word(d->counts, s->text, &t[i]);   /* "killing", "detaining" */
        int when_ing = result_ing &&
                       (is(s, p - 1, "before") || is(s, p - 1, "after") || is(s, p - 1, "while") || is(s, p - 1, "by"));
        /* "for exported grain", "with armed groups": a participle after a preposition describes */
        if (has_prev && !prev_to && !when_ing && (pf & W_PREP) && !(pf & W_AUX) && !(vf & (VF_BASE | VF_3SG))) continue;
        /* "A Taliban commander was confirmed killed", "was reported killed": a participle right
         * after the passive of a speech verb is the verb, a passive in that verb's group; the
         * speech verb only says the act is known */
        dyad_anchor said = {0};
        if (has_prev && p == i && (vf & VF_PART) && !prev_aux && s->nanchors) {
            const dyad_anchor *pa = &s->anchors[s->nanchors - 1];
            int32_t opp = d->lemmas[pa->lemma].op_pattern;
            if (pa->tok == p - 1 && pa->passive && !pa->noun && !pa->governs && opp >= 0 && d->patterns[opp].op == OP_SAY) {
                said = *pa;
                s->nanchors--;
            }
        }
        /* "in a statement posted on the internet", "a video released on Friday": a participle
         * after a noun that a determiner opens, before a preposition, describes the noun */
        if (has_prev && p == i && p >= a + 2 && (vf & VF_PART) && !(vf & VF_BASE) && !prev_aux && s->tnp[p - 1 - a] < 0 &&
            (t[p - 1].flags & T_WORD) && !(t[p - 1].flags & T_CAP) && !(pf & (W_VERB | W_PREP | W_CONJ | W_REL | W_COMP | W_DET)) &&
            (wflags(s, p - 2) & W_DET) && !(wflags(s, p - 2) & (W_PRON_WE | W_PRON_HE | W_PRON_THEY)) &&
            i + 1 < b && (wflags(s, i + 1) & W_PREP) && dyad_and_quantity(s, i) == i)   /* (not "and several others detained in") */
            continue;
        /* "by providing targeted social support": a participle right after an -ing form of a
         * verb of ours describes what follows */
        if (has_prev && p == i && (vf & (VF_PAST | VF_PART)) && !(vf & VF_BASE) && !prev_aux && (pf & W_VERB) &&
            d->lex.words[t[p - 1].id].vform == VF_ING && i + 1 < b && (t[i + 1].flags & T_WORD) && !(wflags(s, i + 1) & (W_DET | W_PREP)))
            continue;
        /* a verb-looking word right after a verb is its object or describes it: "conducted
         * exercises", "rejected proposed changes" */
        if (!said.passive && has_prev && !(vf & VF_ING) && !prev_aux && !prev_to && s->nanchors &&
            s->anchors[s->nanchors - 1].tok == p - 1 && !s->anchors[s->nanchors - 1].noun)
            continue;
        if (next_of && !(vf & VF_PAST) && !prev_aux && !prev_to) continue;
        /* an -ing form is a verb after "be", or opening a participle clause after a comma
         * ("..., killing two insurgents"), whose subject is the main clause's */
        int participle = vf == VF_ING && !prev_be && has_prev && is(s, p - 1, ",") && s->nanchors;
        /* and with no comma, a word of what force and arrest leave ("killing", "detaining")
         * after a word that is no actor, function word or name, once the sentence has a verb:
         * "returned fire killing two insurgents", "during security operations detaining more
         * than 10 suspected insurgents" (not "countries providing aid", "freight shipping") */
        if (result_ing && !participle && !prev_be && p == i &&
            (t[p - 1].flags & T_WORD) && !(t[p - 1].flags & T_CAP) &&
            (s->tnp[p - 1 - a] < 0 || s->nps[s->tnp[p - 1 - a]].pron) &&
            !(pf & (W_FUNCTION | W_MODAL_INTENT | W_MODAL_HYPO | W_READY | W_VERB)))
            participle = 1;
        participle |= when_ing;
        /* (after a modal too: "would acting now", a typo's verb) */
        if (vf == VF_ING && !prev_be && !participle && !ready_ing && !aspect_ing && !(has_prev && (pf & (W_MODAL_INTENT | W_MODAL_HYPO))))
            continue;
        if ((vf & (VF_PAST | VF_PART)) == VF_PART && !prev_aux) continue;
        /* A present-tense form needs something a verb can follow: its subject (an actor phrase, a
         * pronoun, a relative), an auxiliary, modal or "to", or nothing (a headline's start).
         * After any other word it is a noun: "imposed new sanctions", "the talks". */
        if (!(vf & (VF_PAST | VF_ING)) && has_prev && !prev_aux && !prev_to && s->tnp[p - 1 - a] < 0 &&
            !(pf & (W_PRON_WE | W_PRON_HE | W_PRON_THEY | W_REL)) && !is(s, p - 1, "\"") && !is(s, p - 1, ")"))
            continue;
        /* nor can an actor phrase that is an object be its subject: "complained about Russian
         * raids", "threatened Iraq with military strikes", "reject proposed Israeli changes" */
        if (!(vf & (VF_PAST | VF_ING)) && has_prev && p == i && !prev_aux && !prev_to && s->tnp[p - 1 - a] >= 0 &&
            object_np(s, s->nps[s->tnp[p - 1 - a]].first))
            continue;
        /* agreement: after "a terrorist" or "Russia" a bare base form is a noun ("a terrorist
         * attack"); a verb would be "attacks" */
        int subj_op = 0;
        if (vf == VF_BASE && has_prev && !prev_aux && !prev_to && p == i && s->tnp[p - 1 - a] >= 0 &&
            !(w->flags & W_SAMEPAST)) {
            const dyad_np *np = &s->nps[s->tnp[p - 1 - a]];
            uint32_t f0 = s->nps[np->first].a;
            /* an inverted question keeps its verb: "Will Arnor provide ...?", "Did Russia send ...?" */
            int inverted = f0 > a && (wflags(s, f0 - 1) & (W_AUX | W_MODAL_INTENT | W_MODAL_HYPO | W_MUST));
            /* "insisted that Libya hand over": after a speech, request or demand verb and "that", a
             * singular subject's base form is a subjunctive, the verb of what is asked for */
            int singular = !plural_np(s, s->tnp[p - 1 - a]) && !inverted && np->pron != PRON_HE;
            subj_op = singular && !(i + 1 < b && (wflags(s, i + 1) & (W_AUX | W_MODAL_INTENT | W_MODAL_HYPO | W_MUST))) ?
                          that_clause_op(s, f0) : 0;
            if (singular && !subj_op) continue;
        }
        /* "Kommersant first reported on", "the CSTO said in a statement" are fine; a capitalised
         * verb form mid-sentence in title case is still taken. */
        dyad_anchor an;
        memset(&an, 0, sizeof an);
        an.tok = i;
        an.participle = participle;
        an.lemma = (uint32_t)w->lemma;
        an.governor = -1;
        an.gov_np = -1;
        an.must = subj_op == OP_SAY;   /* "Britain insisted that Libya hand over": a demand */
        if (aspect_ing) {   /* the aspect verb governs: its subject and modality count */
            an.governor = (int32_t)s->nanchors - 1;
            s->anchors[s->nanchors - 1].governs = 1;
        }
        uint32_t g = i;
        /* walk back over the verb group */
        uint32_t q = i - (uint32_t)joined - pre;
        while (q > a) {
            uint32_t f = wflags(s, q - 1);
            if (f & W_NEG) { an.neg = 1; q--; continue; }
            if (dyad_adverb(s, q - 1)) { q--; continue; }
            if (f & W_MODAL_INTENT) { an.intent = 1; q--; continue; }
            if (f & W_MODAL_HYPO) { an.hypo = 1; q--; continue; }
            if (f & W_MUST) { an.must = 1; q--; continue; }
            if (f & W_AUX) {
                if ((f & W_BE) && (vf & VF_PART) && q == i) an.passive = 1;
                if ((f & W_BE) && (vf & VF_PART) && q < i && !an.passive) {
                    /* "was not signed", "has been signed" */
                    int only_adv = 1;
                    for (uint32_t x = q; x < i; x++) if (!(wflags(s, x) & (W_ADV | W_NEG | W_AUX)) && !dyad_adverb(s, x)) only_adv = 0;
                    if (only_adv) an.passive = 1;
                }
                q--;
                continue;
            }
            break;
        }
        if (said.passive) {
            an.passive = 1;
            an.neg = said.neg;
            an.intent = said.intent;
            an.hypo = said.hypo;
            an.must = said.must;
            an.governor = said.governor;
            an.gov_np = said.gov_np;
            q = said.group;
        }
        /* "Two insurgents were killed and several others detained": after "and" and a quantity,
         * a participle with no auxiliary is a passive like the verb before it */
        if (!an.passive && q == i && (vf & VF_PART) && s->nanchors && s->anchors[s->nanchors - 1].passive &&
            dyad_and_quantity(s, i) < i)
            an.passive = 1;
        /* "The engagement resulted in 14 insurgents killed and one wounded": after "resulted
         * in" (or "resulting in") and counted people, a participle with no auxiliary and no
         * object is what befell them */
        if (!an.passive && q == i && (vf & VF_PART) && i > a && s->tnp[i - 1 - a] >= 0) {
            const dyad_np *pp = &s->nps[s->nps[s->tnp[i - 1 - a]].first];
            uint32_t x = pp->a;   /* the count before the people: "14 insurgents", "several militants" */
            while (x > a + 2 && x + 3 > pp->a && ((t[x - 1].flags & T_NUM) || (wflags(s, x - 1) & (W_NUMWORD | W_DET))))
                x--;
            if (pp->b == i && x < pp->a && x >= a + 2 && is(s, x - 1, "in") &&
                (is(s, x - 2, "resulted") || is(s, x - 2, "resulting") || is(s, x - 2, "result")) &&
                !(i + 1 < b && s->tnp[i + 1 - a] >= 0))
                an.passive = 1;
        }
        /* "Israel is opposed to French mediation": a stance, the subject's own act, not a passive */
        if (an.passive && (w->flags & W_STANCE) && i + 1 < b && is(s, i + 1, "to")) an.passive = 0;
        /* "troops were engaged in heavy fighting": doing it, not having it done to them */
        if (an.passive && is(s, i, "engaged") && i + 1 < b && is(s, i + 1, "in")) an.passive = 0;
        g = q;
        /* (a passive infinitive too: "a call for its forces to be deployed") */
        int passive_inf = an.passive && g < i && is(s, g, "be");
        if (g > a && is(s, g - 1, "to") && ((vf & VF_BASE) || ready_ing || passive_inf)) {
            an.to_inf = 1;
            uint32_t r = g - 1;
            while (r > a && (wflags(s, r - 1) & W_ADV)) r--;
            if (r > a && (wflags(s, r - 1) & W_VERBNEG)) {
                /* "failed to deliver": not done; the failing verb governs and stays silent */
                an.neg = 1;
                an.verbneg = 1;
                if (s->nanchors && s->anchors[s->nanchors - 1].tok == r - 1) {
                    an.governor = (int32_t)s->nanchors - 1;
                    s->anchors[s->nanchors - 1].governs = 1;
                }
                g = r - 1;
            } else if (r > a && (wflags(s, r - 1) & W_READY)) {
                /* "is ready to", "are prepared to", "expressed readiness to" */
                an.intent = 1;
                r--;
                while (r > a && (wflags(s, r - 1) & (W_ADV | W_NEG | W_AUX | W_MODAL_INTENT | W_MODAL_HYPO | W_DET | W_MUST))) {
                    if (wflags(s, r - 1) & W_NEG) an.neg = 1;
                    if (wflags(s, r - 1) & W_MUST) an.must = 1;   /* "Y must be ready to mediate" */
                    r--;
                }
                /* a verb before the noun governs: "expressed readiness to", "announced plans to" */
                if (r > a && s->nanchors && s->anchors[s->nanchors - 1].tok == r - 1) {
                    an.governor = (int32_t)s->nanchors - 1;
                    s->anchors[s->nanchors - 1].governs = 1;
                }
                g = r;
            } else {
                /* a governing verb: "intends to", "agreed to", "asked Damascus to" (the
                 * nearest anchor before, directly or with one actor phrase between) */
                if (s->nanchors) {
                    int k = (int)s->nanchors - 1;
                    dyad_anchor *gv = &s->anchors[k];
                    /* the asked party right after the verb, or after a preposition ("call on X
                     * to", "appeal to X to", "plead with X to") */
                    uint32_t at = gv->tok + 1;
                    if (at < b && (wflags(s, at) & W_PREP) && at + 1 < b && s->tnp[at + 1 - a] >= 0) at++;
                    int32_t np = at < b ? s->tnp[at - a] : -1;
                    if (np < 0 && at + 1 < b && (wflags(s, at) & W_DET)) np = s->tnp[at + 1 - a];
                    uint32_t end = 0;
                    if (np >= 0) {
                        int32_t last = np;
                        while (s->nps[last].next >= 0) last = s->nps[last].next;
                        end = s->nps[last].b;
                    }
                    /* or a few words between an operator and its "to": "agreed in principle on
                     * Saturday to provide" (no verb, no clause boundary among them) */
                    int near = 0;
                    if (gv->tok + 1 < r && r - gv->tok <= 7 && lemma_has_op(d, gv->lemma)) {
                        near = 1;
                        for (uint32_t x = gv->tok + 1; x < r; x++)
                            if ((s->tflags[x - a] & TOK_BOUND) || is(s, x, ",") || (wflags(s, x) & (W_VERB | W_COMP))) near = 0;
                        if (np >= 0) near = 0;
                    }
                    /* with an actor between, only an operator governs ("asked X to"): "transferred
                     * to Iraq to join" is a purpose */
                    if (gv->tok + 1 == r || (np >= 0 && end == r && lemma_has_op(d, gv->lemma)) || near) {
                        an.governor = k;
                        an.gov_np = gv->tok + 1 == r ? -1 : np;
                        gv->governs = 1;
                    }
                }
            }
        }
        /* "demanded that Hamas renounce", "urged that the US cancel": a request or demand
         * governs the verb of its that-clause, whose subject is the party asked */
        if (!an.to_inf && an.governor < 0 && (vf & (VF_BASE | VF_3SG)) && !(vf & VF_PAST) && g > a && s->nanchors &&
            s->tnp[g - 1 - a] >= 0) {
            int32_t np = s->nps[s->tnp[g - 1 - a]].first;
            uint32_t that = s->nps[np].a;
            int k = (int)s->nanchors - 1;
            dyad_anchor *gv = &s->anchors[k];
            int32_t opp = d->lemmas[gv->lemma].op_pattern;
            int op = opp >= 0 ? d->patterns[opp].op : 0;
            if (that > a + 1 && is(s, that - 1, "that") && gv->tok < that - 1 && (op == OP_REQUEST || op == OP_DEMAND)) {
                int near = 1;
                for (uint32_t x = gv->tok + 1; x + 1 < that; x++)
                    if (!(wflags(s, x) & (W_ADV | W_TIME)) && !is(s, x, "on")) near = 0;
                if (near) {
                    an.governor = k;
                    an.gov_np = np;
                    gv->governs = 1;
                }
            }
        }
        /* "to" with no operator and no "ready" before it: a headline's future ("Chisinau to
         * strengthen its border police", right after the subject) or else a purpose clause ("funds
         * to strengthen the borders"), which is not an event of its own */
        if (an.to_inf && an.governor < 0 && !an.intent && !an.verbneg) {
            uint32_t before = g - 1;            /* the "to" */
            int32_t np = before > a ? s->tnp[before - 1 - a] : -1;
            int headline = np >= 0;
            for (uint32_t x = a; headline && x < s->nps[s->nps[np].first].a; x++)
                if (!(s->tflags[x - a] & TOK_SKIP) && (wflags(s, x) & (W_VERB | W_AUX))) headline = 0;
            if (!headline && !d->petrarch) continue;   /* PETRARCH codes a purpose's verb too */
            an.intent = headline;
            an.purpose = !headline;
        }
        /* a conditional in the clause before the verb: "if requested by" */
        for (uint32_t x = g; x > a && x + 6 > g; x--) {
            if (is(s, x - 1, ",") || (s->tflags[x - 1 - a] & TOK_BOUND)) break;
            if (wflags(s, x - 1) & W_HYPO_COND) { an.hypo = 1; break; }
        }
        an.group = g;
        if (DYAD_VEC_PUSH(mem, s->anchors, s->nanchors, s->canchors)) return -1;
        s->anchors[s->nanchors++] = an;
    }
    return 0;
}
