/* count.c: counts of people (count.h).
 *
 * Two shapes, tried at each token left to right:
 *   after:  [qualifier] NUMBER [of [the]] [words ... NOUN] [aux/be/adverbs] [COUNT-WORD]
 *           "at least 15 people were killed", "dozens were wounded", "1,000 Tajik fighters"
 *   before: COUNT-WORD [or COUNT-WORD] [bridges] [qualifier] NUMBER [of [the]] [words ... NOUN]
 *           "killed 5 insurgents", "the death toll rose to 20", "arrested a Taliban leader"
 * A count word met first takes the number after it; a number met first takes the count word
 * after it. The words are dict/counts.txt's, held in a small table: its first words are found
 * through the dictionary's lexicon id (a 4096-bit filter, then a hash probe) or, for words the
 * dictionary does not know (id 0), through a (first letter, length) filter and a binary search. */
#include "count.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "amount.h"
#include "match.h"

/* Classes of counts.txt phrases. */
enum { CC_COUNT = 1, CC_NOUN, CC_VAGUE, CC_NUMBER, CC_SCALE, CC_ARTICLE, CC_SINGLE, CC_AUX, CC_MORE, CC_LESS, CC_ABOUT,
       CC_BRIDGE, CC_ABOVE };
#define BIT(c) (1u << (c))
#define QUALIFIERS (BIT(CC_MORE) | BIT(CC_LESS) | BIT(CC_ABOUT) | BIT(CC_ABOVE))
#define MAXTOK 8           /* tokens in a phrase */
#define MAXRUN 5           /* words between a number and its noun, the noun included */
#define MAXAUX 4           /* auxiliaries and adverbs between a noun and its count word */
#define MAXBRIDGE 4        /* bridge words between a count word and its number */

typedef struct ctok { const char *s; uint32_t len; } ctok;

typedef struct cphrase {
    const char *w0;        /* first token, lower case */
    uint32_t w0len, tok;   /* tokens: toks[tok .. tok + ntok) */
    uint8_t cls, kind, ntok;
    double value;
    int line;
} cphrase;

typedef struct cword {
    const char *s;
    uint32_t len;
    uint32_t first, n;     /* phrases[first .. first + n), longest first */
    uint32_t classes;      /* BIT(cls) of each */
} cword;

typedef struct cslot { uint32_t id, word; } cslot;   /* word: index + 1; id 0: empty */

struct dyad_counts {
    const dyad_dict *d;
    dyad_mem mem;
    dyad_arena strings;
    ctok *toks;
    size_t ntoks, ctoks;
    cphrase *phrases;
    size_t nphrases, cphrases;
    cword *words;          /* sorted by s */
    size_t nwords, cwords;
    cslot *slots;          /* lexicon id -> word; open addressing, a power of two */
    size_t nslots;
    uint64_t bloom[64];    /* bit (id % 4096) set: a word of ours, or a number word of the
                              dictionary (W_MONEY), may have this id */
    uint32_t lenmask[26];  /* bit n of [c - 'a']: a word of ours that the dictionary does not know
                              starts with c and has n bytes */
};

static const char *const kind_names[] = {"", "dead", "injured", "arrested", "size", "displaced"};

const char *dyad_count_kind_name(int kind) {
    return kind > 0 && kind <= DYAD_COUNT_DISPLACED ? kind_names[kind] : "";
}

/* ---- loading ------------------------------------------------------------------------------ */

static const struct { const char *name; uint8_t cls, kind, nf; } line_kinds[] = {
    {"dead", CC_COUNT, DYAD_COUNT_DEAD, 2}, {"injured", CC_COUNT, DYAD_COUNT_INJURED, 2},
    {"arrested", CC_COUNT, DYAD_COUNT_ARRESTED, 2}, {"size", CC_COUNT, DYAD_COUNT_SIZE, 2},
    {"displaced", CC_COUNT, DYAD_COUNT_DISPLACED, 2}, {"noun", CC_NOUN, 0, 3}, {"noun1", CC_NOUN, 1, 3},
    {"vague", CC_VAGUE, 0, 3}, {"number", CC_NUMBER, 0, 3}, {"scale", CC_SCALE, 0, 3},
    {"article", CC_ARTICLE, 0, 2}, {"single", CC_SINGLE, 0, 2}, {"aux", CC_AUX, 0, 2}, {"more", CC_MORE, 0, 2}, {"less", CC_LESS, 0, 2},
    {"about", CC_ABOUT, 0, 2}, {"bridge", CC_BRIDGE, 0, 2}, {"above", CC_ABOVE, 0, 2}};

typedef struct loader {
    dyad_counts *c;
    const char *path;
    int line;
    char *err;
    size_t errlen;
    dyad_toks tk;
} loader;

static int problem(loader *L, const char *msg, const char *s, size_t n) {
    if (L->err && L->errlen)
        snprintf(L->err, L->errlen, "%s:%d: %s%s%.*s%s", L->path, L->line, msg, n ? " '" : "",
                 (int)n, s ? s : "", n ? "'" : "");
    return DYAD_EDICT;
}

static int fieldeq(const char *f, size_t n, const char *w) { return strlen(w) == n && !memcmp(f, w, n); }

static int add_phrase(loader *L, uint8_t cls, uint8_t kind, double value, const char *s, size_t n) {
    dyad_counts *c = L->c;
    L->tk.n = 0;
    if (dyad_tokenize(s, 0, n, &L->tk)) return DYAD_ENOMEM;
    if (!L->tk.n) return 0;
    if (L->tk.n > MAXTOK) return problem(L, "phrase too long", s, n);
    cphrase p = {NULL, 0, (uint32_t)c->ntoks, cls, kind, (uint8_t)L->tk.n, value, L->line};
    for (size_t i = 0; i < L->tk.n; i++) {
        const dyad_token *t = &L->tk.v[i];
        char *low = dyad_arena_alloc(&c->strings, (size_t)t->len * 2 + 5);
        if (!low) return DYAD_ENOMEM;
        size_t ln = dyad_lower(s + t->off, t->len, low, (size_t)t->len * 2 + 4);
        low[ln] = 0;
        if (DYAD_VEC_PUSH(&c->mem, c->toks, c->ntoks, c->ctoks)) return DYAD_ENOMEM;
        c->toks[c->ntoks++] = (ctok){low, (uint32_t)ln};
        if (!i) { p.w0 = low; p.w0len = (uint32_t)ln; }
    }
    if (DYAD_VEC_PUSH(&c->mem, c->phrases, c->nphrases, c->cphrases)) return DYAD_ENOMEM;
    c->phrases[c->nphrases++] = p;
    return 0;
}

static int load_line(loader *L, char *s, size_t n) {
    /* comments: '#' at the start or after white space */
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) { n = i; break; }
    while (n && dyad_isspace((unsigned char)s[n - 1])) n--;
    size_t i0 = 0;
    while (i0 < n && dyad_isspace((unsigned char)s[i0])) i0++;
    if (i0 == n) return 0;
    const char *f[4];
    size_t fl[4], nf = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\t') j++;
        if (nf == 4) return problem(L, "too many fields", NULL, 0);
        f[nf] = s + i;
        fl[nf++] = j - i;
        while (j < n && s[j] == '\t') j++;
        i = j;
    }
    int lk = -1;
    for (size_t k = 0; k < sizeof line_kinds / sizeof *line_kinds; k++)
        if (fieldeq(f[0], fl[0], line_kinds[k].name)) lk = (int)k;
    if (lk < 0) return problem(L, "unknown kind", f[0], fl[0]);
    if (nf != line_kinds[lk].nf)
        return problem(L, line_kinds[lk].nf == 2 ? "expected KIND<TAB>PHRASES" : "expected KIND<TAB>VALUE<TAB>PHRASES",
                       NULL, 0);
    uint8_t cls = line_kinds[lk].cls, kind = cls == CC_COUNT ? line_kinds[lk].kind : 0;
    double value = cls == CC_NOUN ? line_kinds[lk].kind : 0;   /* nouns: 1 for one person (noun1) */
    if (cls == CC_NOUN) {
        if (!fieldeq(f[1], fl[1], "-")) {
            int k = -1;
            for (int q = 1; q <= DYAD_COUNT_DISPLACED; q++) if (fieldeq(f[1], fl[1], kind_names[q])) k = q;
            if (k < 0) return problem(L, "unknown count kind (dead, injured, arrested, size, displaced, -)", f[1], fl[1]);
            kind = (uint8_t)k;
        }
    } else if (nf == 3) {
        char num[64];
        if (fl[1] >= sizeof num) return problem(L, "bad number", f[1], fl[1]);
        memcpy(num, f[1], fl[1]);
        num[fl[1]] = 0;
        char *end;
        value = strtod(num, &end);
        if (*end || end == num || !(value > 0) || !isfinite(value)) return problem(L, "bad number", f[1], fl[1]);
    }
    const char *ph = f[nf - 1];
    size_t pl = fl[nf - 1];
    for (size_t i = 0; i < pl;) {
        size_t j = i;
        while (j < pl && ph[j] != '|') j++;
        size_t x = i, y = j;
        while (x < y && ph[x] == ' ') x++;
        while (y > x && ph[y - 1] == ' ') y--;
        if (y > x) {
            int rc = add_phrase(L, cls, kind, value, ph + x, y - x);
            if (rc) return rc;
        }
        i = j + 1;
    }
    return 0;
}

/* Phrases by first word, then longest first, then file order. */
static int cmp_phrase(const void *a, const void *b) {
    const cphrase *x = a, *y = b;
    int r = strcmp(x->w0, y->w0);
    if (r) return r;
    if (x->ntok != y->ntok) return x->ntok > y->ntok ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static uint32_t slot_hash(uint32_t id, size_t nslots) { return (uint32_t)((id * 2654435761u) & (nslots - 1)); }

static int build(dyad_counts *c) {
    if (c->nphrases) qsort(c->phrases, c->nphrases, sizeof *c->phrases, cmp_phrase);
    for (size_t i = 0; i < c->nphrases;) {
        size_t j = i;
        uint32_t classes = 0;
        while (j < c->nphrases && !strcmp(c->phrases[j].w0, c->phrases[i].w0)) classes |= BIT(c->phrases[j++].cls);
        if (DYAD_VEC_PUSH(&c->mem, c->words, c->nwords, c->cwords)) return DYAD_ENOMEM;
        c->words[c->nwords++] = (cword){c->phrases[i].w0, c->phrases[i].w0len, (uint32_t)i, (uint32_t)(j - i), classes};
        i = j;
    }
    c->nslots = 16;
    while (c->nslots < c->nwords * 2) c->nslots *= 2;
    c->slots = dyad_mem_calloc(&c->mem, c->nslots * sizeof *c->slots);
    if (!c->slots) return DYAD_ENOMEM;
    for (size_t w = 0; w < c->nwords; w++) {
        const cword *cw = &c->words[w];
        unsigned char ch = (unsigned char)cw->s[0];
        uint32_t id = dyad_lex_find(&c->d->lex, cw->s, cw->len);
        if (!id) {   /* unknown to the dictionary: text tokens of it have id 0 */
            if (dyad_islower(ch) && cw->len < 32) c->lenmask[ch - 'a'] |= 1u << cw->len;
            continue;
        }
        c->bloom[(id >> 6) & 63] |= 1ull << (id & 63);
        uint32_t h = slot_hash(id, c->nslots);
        while (c->slots[h].id) h = (uint32_t)((h + 1) & (c->nslots - 1));
        c->slots[h] = (cslot){id, (uint32_t)w + 1};
    }
    for (uint32_t id = 1; id < c->d->lex.n; id++)
        if (c->d->lex.words[id].flags & W_MONEY) c->bloom[(id >> 6) & 63] |= 1ull << (id & 63);
    return 0;
}

void dyad_counts_free(dyad_counts *c) {
    if (!c) return;
    dyad_mem m = c->mem;
    dyad_arena_free(&c->strings);
    dyad_mem_free(&m, c->toks, c->ctoks * sizeof *c->toks);
    dyad_mem_free(&m, c->phrases, c->cphrases * sizeof *c->phrases);
    dyad_mem_free(&m, c->words, c->cwords * sizeof *c->words);
    dyad_mem_free(&m, c->slots, c->nslots * sizeof *c->slots);
    dyad_mem_free(&m, c, sizeof *c);
}

int dyad_counts_load(dyad_counts **out, const dyad_dict *d, const char *path, char *err, size_t errlen) {
    *out = NULL;
    if (err && errlen) err[0] = 0;
    if (!d || !path) {
        if (err && errlen) snprintf(err, errlen, "dyad_counts_load: no dictionary or path");
        return DYAD_EARG;
    }
    dyad_counts *c = dyad_mem_calloc(&d->mem, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    c->d = d;
    c->mem = d->mem;
    dyad_arena_init(&c->strings, &c->mem, 1 << 12);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err && errlen) snprintf(err, errlen, "%s: %s", path, strerror(errno));
        dyad_counts_free(c);
        return DYAD_EIO;
    }
    loader L = {c, path, 0, err, errlen, {NULL, 0, 0, &c->mem}};
    char line[8192];
    int rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        L.line++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n' && !feof(f)) { rc = problem(&L, "line too long", NULL, 0); break; }
        rc = load_line(&L, line, n);
    }
    if (!rc && ferror(f)) {
        if (err && errlen) snprintf(err, errlen, "%s: read error", path);
        rc = DYAD_EIO;
    }
    fclose(f);
    dyad_mem_free(&c->mem, L.tk.v, L.tk.cap * sizeof *L.tk.v);
    if (!rc) rc = build(c);
    if (rc) {
        if (rc == DYAD_ENOMEM && err && errlen) snprintf(err, errlen, "%s: out of memory", path);
        dyad_counts_free(c);
        return rc;
    }
    *out = c;
    return DYAD_OK;
}

/* ---- scanning ----------------------------------------------------------------------------- */

typedef struct scan {
    const dyad_dict *d;
    const dyad_counts *c;
    const char *text;
    const dyad_token *t;
    size_t a, b;
    int articles;          /* read "a", "an" as one person (only with a count word near) */
} scan;

/* Our word for token t, or NULL. */
static const cword *word_of(const dyad_counts *c, const char *text, const dyad_token *t) {
    uint32_t id = t->id;
    if (id) {
        if (!((c->bloom[(id >> 6) & 63] >> (id & 63)) & 1)) return NULL;
        for (uint32_t h = slot_hash(id, c->nslots); c->slots[h].id; h = (uint32_t)((h + 1) & (c->nslots - 1)))
            if (c->slots[h].id == id) return &c->words[c->slots[h].word - 1];
        return NULL;
    }
    if (!(t->flags & T_WORD) || t->len >= 32) return NULL;
    int ch = dyad_tolower((unsigned char)text[t->off]);
    if (!dyad_islower(ch) || !((c->lenmask[ch - 'a'] >> t->len) & 1)) return NULL;
    size_t lo = 0, hi = c->nwords;
    const char *s = text + t->off;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const cword *w = &c->words[mid];
        int r = 0;
        for (size_t i = 0; i < t->len && i < w->len && !r; i++)
            r = dyad_tolower((unsigned char)s[i]) - (unsigned char)w->s[i];
        if (!r) r = (t->len > w->len) - (t->len < w->len);
        if (!r) return w;
        if (r < 0) hi = mid; else lo = mid + 1;
    }
    return NULL;
}

/* The longest phrase of the classes in mask at t[i]; its length (0: none) and *out. */
static size_t phrase_at(const scan *s, size_t i, uint32_t mask, const cphrase **out) {
    if (i >= s->b) return 0;
    const cword *w = word_of(s->c, s->text, &s->t[i]);
    if (!w || !(w->classes & mask)) return 0;
    for (uint32_t k = 0; k < w->n; k++) {
        const cphrase *p = &s->c->phrases[w->first + k];
        if (!(BIT(p->cls) & mask) || i + p->ntok > s->b) continue;
        size_t m = 1;
        for (; m < p->ntok; m++) {
            const ctok *ct = &s->c->toks[p->tok + m];
            const dyad_token *tk = &s->t[i + m];
            if (tk->len != ct->len || !dyad_strncaseeq(s->text + tk->off, ct->s, ct->len)) break;
        }
        if (m == p->ntok) {
            if (out) *out = p;
            return p->ntok;
        }
    }
    return 0;
}

static uint32_t lexf(const scan *s, size_t i) { return s->d->lex.words[s->t[i].id].flags; }
static int is_punct(const scan *s, size_t i, char ch) {
    return i < s->b && (s->t[i].flags & T_PUNCT) && s->t[i].len == 1 && s->text[s->t[i].off] == ch;
}
static int is_word(const scan *s, size_t i, const char *w) {
    size_t n = strlen(w);
    return i < s->b && s->t[i].len == n && dyad_strncaseeq(s->text + s->t[i].off, w, n);
}

/* People in addition to those a report named before: a word of addition in the count's words
 * ("two additional suspects", "one other insurgent", "several others", "two more", not "more
 * than") or "also" just before them ("also detained two"). */
static int additive(const scan *s, size_t a, size_t b) {
    static const char *const words[] = {"additional", "other", "others", "another", "further", NULL};
    for (size_t i = a > s->a + 2 ? a - 2 : s->a; i < a; i++) if (is_word(s, i, "also")) return 1;
    for (size_t i = a; i < b; i++) {
        for (int w = 0; words[w]; w++) if (is_word(s, i, words[w])) return 1;
        if (is_word(s, i, "also") || (is_word(s, i, "more") && !is_word(s, i + 1, "than"))) return 1;
    }
    return 0;
}

/* A number word at t[i] (amounts.txt's through the trie, or ours): its value, *len tokens. */
static double number_word(const scan *s, size_t i, size_t *len) {
    *len = 0;
    if (i >= s->b) return 0;
    int32_t e;
    size_t n = dyad_match_kind_at(s->d, s->t, i, s->b, K_NUMBER, -1, &e);
    if (n) { *len = n; return s->d->numbers[s->d->trie.entries[e].payload]; }
    const cphrase *p;
    n = phrase_at(s, i, BIT(CC_NUMBER), &p);
    *len = n;
    return n ? p->value : 0;
}

static double scale_word(const scan *s, size_t i, size_t *len) {
    *len = 0;
    if (i >= s->b) return 0;
    int32_t e;
    size_t n = dyad_match_kind_at(s->d, s->t, i, s->b, K_SCALE, -1, &e);
    if (n) { *len = n; return s->d->numbers[s->d->trie.entries[e].payload]; }
    const cphrase *p;
    n = phrase_at(s, i, BIT(CC_SCALE), &p);
    *len = n;
    return n ? p->value : 0;
}

typedef struct num {
    size_t end;
    double v;
    int min, article;
} num;

/* A number at t[i]: digits ("1,000", "1.5 million"), number words ("twenty-five", "two hundred",
 * "a thousand"), a vague word ("several", "dozens", "several hundred") or an article. */
static int read_number(const scan *s, size_t i, num *o) {
    const dyad_token *t = s->t;
    memset(o, 0, sizeof *o);
    size_t j, n;
    const cphrase *p;
    int digits = 0;
    if (t[i].flags & T_NUM) {
        if (dyad_number(s->text + t[i].off, t[i].len, &o->v)) return 0;   /* "21:10", "16/7/2014" */
        /* glued to a symbol before it: "$70", "#5" */
        if (i > s->a && !(t[i].flags & T_SPACE) && (t[i - 1].flags & T_PUNCT) && !is_punct(s, i - 1, '(')) return 0;
        /* a date: "March 24", "in 2013" */
        if (i > s->a && (lexf(s, i - 1) & W_TIME)) return 0;
        if (t[i].len == 4 && o->v >= 1800 && o->v <= 2100 && i > s->a && (lexf(s, i - 1) & W_PREP)) return 0;
        j = i + 1;
        digits = 1;
    } else if ((o->v = number_word(s, i, &n)) > 0 && n) {
        j = i + n;
    } else if ((n = phrase_at(s, i, BIT(CC_VAGUE), &p))) {
        o->v = p->value;
        o->min = 1;
        j = i + n;
    } else if (s->articles && (n = phrase_at(s, i, BIT(CC_ARTICLE), &p))) {
        o->v = 1;
        o->article = 1;
        o->end = i + n;
        return 1;
    } else return 0;
    double u;
    /* twenty-five, twenty five */
    if (!digits && !o->min && o->v >= 20 && o->v <= 90 && fmod(o->v, 10) == 0) {
        if (is_punct(s, j, '-') && !(t[j].flags & T_SPACE) && (u = number_word(s, j + 1, &n)) >= 1 && u <= 9 && n) {
            o->v += u;
            j += 1 + n;
        } else if ((u = number_word(s, j, &n)) >= 1 && u <= 9 && n) {
            o->v += u;
            j += n;
        }
    }
    /* two hundred, several hundred */
    if (!digits && o->v < 100 && j < s->b && is_word(s, j, "hundred")) {
        o->v *= 100;
        j++;
    }
    /* 1.5 million, several thousand, two dozen */
    if ((u = scale_word(s, j, &n)) > 0 && n) {
        o->v *= u;
        j += n;
    }
    /* glued to a word or sign after it: "201st", "5km", "10-member", "15%" */
    if (digits && j == i + 1 && j < s->b && !(t[j].flags & T_SPACE) &&
        ((t[j].flags & T_WORD) || is_punct(s, j, '-') || is_punct(s, j, '%')))
        return 0;
    o->end = j;
    return 1;
}

/* What a qualifier says of the number after it: 1 at least ("at least"), 2 more than it ("more
 * than", "over": the least whole number above it), -1 at most ("up to"), 0 about. */
static int qualifier_min(const cphrase *p) {
    return p->cls == CC_MORE ? 1 : p->cls == CC_ABOVE ? 2 : p->cls == CC_LESS ? -1 : 0;
}

/* A qualifier ("at least", "up to", "about") ending just before t[i]: its start, or i. */
static size_t qualifier_before(const scan *s, size_t i, int *min) {
    for (size_t k = 4; k >= 1; k--) {
        if (i < s->a + k) continue;
        const cphrase *p;
        if (phrase_at(s, i - k, QUALIFIERS, &p) == k) {
            *min = qualifier_min(p);
            return i - k;
        }
    }
    return i;
}

static size_t qualifier_at(const scan *s, size_t i, int *min) {
    const cphrase *p;
    size_t n = phrase_at(s, i, QUALIFIERS, &p);
    if (n) *min = qualifier_min(p);
    return n;
}

typedef struct np {
    size_t end;
    int head;              /* ends in a noun for people */
    int kind;              /* that noun's kind, 0 for none */
    int one;               /* that noun is singular (noun1) */
} np;

/* Words that close a run of words after a number. */
#define STOP_FLAGS (W_AUX | W_BE | W_CONJ | W_PREP | W_DET | W_REL | W_TIME | W_MODAL_INTENT | W_MODAL_HYPO | \
                    W_NEG | W_PRON_WE | W_PRON_HE | W_PRON_THEY | W_COMP | W_ADV | W_REPORT)

/* What follows a number: a run of words ending in a noun for people ("suspected insurgents"),
 * a run of names ("Taliban"), or nothing the run could be (a bare number: "killed 5 in", "5 were",
 * "5 killed"). "15 years", "2 April", "5 a.m." are none of these. */
static int read_np(const scan *s, size_t j, np *o) {
    const dyad_token *t = s->t;
    o->end = j;
    o->head = 0;
    o->kind = 0;
    o->one = 0;
    size_t k = j;
    int need_head = 0;
    if (is_word(s, k, "of")) {            /* "dozens of civilians", "five of the soldiers", "two of them" */
        k++;
        if (k < s->b && (lexf(s, k) & W_PRON_THEY) && is_word(s, k, "them")) { o->end = k + 1; o->head = 1; return 1; }
        if (k < s->b && ((lexf(s, k) & W_DET) || is_word(s, k, "his") || is_word(s, k, "her")) && !(t[k].flags & T_NUM)) k++;
        need_head = 1;                    /* "three of his associates" */
    }
    size_t last = 0, nw = 0;
    int caps = 1;
    while (k < s->b && nw < MAXRUN) {
        /* a hyphen inside a word ("a high-level facilitator") */
        if (nw && k + 1 < s->b && is_punct(s, k, '-') && t[k - 1].off + t[k - 1].len == t[k].off &&
            t[k + 1].off == t[k].off + 1 && (t[k + 1].flags & T_WORD)) {
            k++;
            continue;
        }
        /* "an Islamic Movement of Uzbekistan (IMU) leader": a name's acronym in brackets */
        if (nw && k + 2 < s->b && is_punct(s, k, '(') && (t[k + 1].flags & T_WORD) && (t[k + 1].flags & T_CAP) &&
            is_punct(s, k + 2, ')')) {
            k += 3;
            continue;
        }
        if (!(t[k].flags & T_WORD)) break;
        const cphrase *p;
        size_t n = phrase_at(s, k, BIT(CC_NOUN), &p);
        if (n) {
            last = k + n;
            o->kind = p->kind;
            o->one = p->value == 1;
            k += n;
            nw++;
            continue;
        }
        /* "Islamic Movement of Uzbekistan insurgents": "of" inside a name */
        if (nw && is_word(s, k, "of") && k + 1 < s->b && (t[k - 1].flags & T_CAP) && (t[k + 1].flags & T_CAP) &&
            (t[k + 1].flags & T_WORD)) {
            k++;
            continue;
        }
        if ((lexf(s, k) & STOP_FLAGS) && !is_word(s, k, "other") && !is_word(s, k, "more")) break;   /* "several other insurgents" */
        if (phrase_at(s, k, BIT(CC_COUNT) | BIT(CC_VAGUE) | BIT(CC_NUMBER) | QUALIFIERS, NULL)) break;
        if (!(t[k].flags & T_CAP)) caps = 0;
        k++;
        nw++;
    }
    if (last) { o->end = last; o->head = 1; return 1; }
    if (need_head) return 0;
    if (nw) {
        if (!caps) return 0;                      /* "15 years", "3 meetings" */
        o->end = k;                               /* "5 Taliban", "20 Uighurs" */
        return 1;
    }
    /* a bare number: only before punctuation, a conjunction, a preposition, an auxiliary, an
     * adverb, a relative, or a count word; not before a date, a determiner or "am"/"pm" */
    if (k >= s->b || (t[k].flags & T_PUNCT)) return 1;
    if (is_word(s, k, "am") || is_word(s, k, "pm")) return 0;
    uint32_t f = lexf(s, k);
    if (f & (W_TIME | W_DET | W_NEG | W_MODAL_INTENT | W_MODAL_HYPO | W_PRON_WE | W_PRON_HE | W_PRON_THEY)) return 0;
    if (f & (W_CONJ | W_PREP | W_AUX | W_BE | W_ADV | W_REPORT | W_REL)) return 1;
    return phrase_at(s, k, BIT(CC_COUNT), NULL) ? 1 : 0;
}

/* Auxiliaries, forms of be and adverbs from t[k]: where they end; *be if a form of be was among
 * them, *neg if a negation. */
static size_t skip_aux(const scan *s, size_t k, int *be, int *neg) {
    *be = 0;
    *neg = 0;
    for (size_t n = 0; k < s->b && n < MAXAUX; n++) {
        uint32_t f = lexf(s, k);
        size_t l;
        if (f & W_BE) *be = 1;
        else if (f & W_NEG) *neg = 1;
        else if ((l = phrase_at(s, k, BIT(CC_AUX), NULL))) { k += l; continue; }   /* "confirmed", "feared" */
        else if (!(f & (W_AUX | W_ADV | W_REPORT))) break;
        k++;
    }
    return k;
}

/* "or wounded", "and wounded" after a count word of kind: tokens taken, the other kind in *ok. */
static size_t or_kind_at(const scan *s, size_t j, int kind, int *ok) {
    if (!(is_word(s, j, "or") || is_word(s, j, "and") || is_punct(s, j, '/'))) return 0;
    const cphrase *p;
    size_t n = phrase_at(s, j + 1, BIT(CC_COUNT), &p);
    if (!n || p->kind == kind) return 0;
    *ok = p->kind;
    return 1 + n;
}

/* Whether people stand at t[k] as an object: "killed 3 civilians", "killed the commander",
 * "killed them"; not "fled the fighting", "fled their homes". */
static int people_at(const scan *s, size_t k) {
    if (k >= s->b) return 0;
    num n;
    np p;
    if (read_number(s, k, &n)) return read_np(s, n.end, &p) && (p.head || !n.article);
    uint32_t f = lexf(s, k);
    if (f & (W_PRON_HE | W_PRON_THEY)) return !is_word(s, k, "it");
    return (f & W_DET) && read_np(s, k + 1, &p) && p.head;
}

typedef struct sink {
    dyad_count *out;
    size_t n, max;
    int depth;
} sink;

static void emit(sink *k, size_t a, size_t b, int kind, double v, int min, int or_kind) {
    if (min == 2) {   /* "more than 10": at least 11 */
        v = floor(v) + 1;
        min = 1;
    }
    if (k->n < k->max)
        k->out[k->n++] = (dyad_count){(uint32_t)a, (uint32_t)b, kind, v, min, k->depth > 0, or_kind, 0};
}

/* What may stand between people and their passive verb, at t[k]: a place ("in Andar district,
 * Ghazni province," "near the village of Sayyidabad": names, words for divisions, "the", "of",
 * commas and hyphens), or a participle and its phrase ("associated with the compound"), up to
 * a form of "be". Where it ends, or k. */
static size_t aside_before_verb(const scan *s, size_t k) {
    static const char *const div[] = {"district", "province", "village", "city", "area", "region", "town", "the", "of", NULL};
    if (k < s->b && (s->t[k].flags & T_WORD) && !(s->t[k].flags & T_CAP) && s->t[k].len > 4 &&
        dyad_strncaseeq(s->text + s->t[k].off + s->t[k].len - 2, "ed", 2) && !(lexf(s, k) & (STOP_FLAGS | W_BE | W_AUX))) {
        for (size_t x = k + 1; x < s->b && x < k + 9; x++) {
            if (lexf(s, x) & W_BE) return x;
            if ((s->t[x].flags & T_PUNCT) || (lexf(s, x) & (W_REL | W_CONJ | W_COMP | W_MODAL_INTENT | W_MODAL_HYPO))) break;
        }
        return k;
    }
    /* "with suspected ties to the Taliban", "of the Haqqani network": a phrase of words up to
     * a form of "be" */
    if (is_word(s, k, "with") || is_word(s, k, "of") || is_word(s, k, "from")) {
        for (size_t x = k + 1; x < s->b && x < k + 11; x++) {
            if (lexf(s, x) & W_BE) return x > k + 1 ? x : k;
            if ((s->t[x].flags & T_PUNCT) && !is_punct(s, x, '-') && !is_punct(s, x, '\'')) break;
            if (lexf(s, x) & (W_REL | W_CONJ | W_COMP | W_MODAL_INTENT | W_MODAL_HYPO | W_AUX)) break;
        }
        return k;
    }
    if (!(is_word(s, k, "in") || is_word(s, k, "near"))) return k;
    size_t x = k + 1, last = k;
    for (; x < s->b && x < k + 14; x++) {
        const dyad_token *t = &s->t[x];
        if (t->flags & T_PUNCT) {
            if (t->len == 1 && (s->text[t->off] == ',' || s->text[t->off] == '-' || s->text[t->off] == '\'')) continue;
            break;
        }
        if (!(t->flags & T_WORD)) break;
        int ok = (t->flags & T_CAP) || is_punct(s, x - 1, '-');   /* "Pul-e Alam" */
        for (int d = 0; div[d] && !ok; d++) ok = is_word(s, x, div[d]);
        if (!ok) break;
        last = x + 1;
    }
    if (last == k) return k;
    while (x > last && is_punct(s, x - 1, '-')) x--;
    return x;
}

/* A number at t[i] and what follows it; returns where the count ends, or 0 (nothing here). */
static size_t count_after(const scan *s, size_t i, sink *out, size_t *skip) {
    num n;
    *skip = 0;
    if (!read_number(s, i, &n)) return 0;
    *skip = n.end;
    if (i > s->a && (lexf(s, i - 1) & W_NEG) && !(s->t[i].flags & T_NUM)) return 0;  /* "no one" */
    int min = n.min;
    size_t start = n.article ? i : qualifier_before(s, i, &min);
    if (n.min && min < 1) min = 1;
    np p;
    if (!read_np(s, n.end, &p)) return 0;
    if (n.article && !p.head) return 0;
    int be, neg;
    size_t k = skip_aux(s, p.end, &be, &neg);
    const cphrase *cw = NULL;
    size_t cl = phrase_at(s, k, BIT(CC_COUNT), &cw);
    if (!cl && p.head && !n.article) {
        /* "took the two occupants of the vehicle into custody" */
        size_t q = p.end;
        if (is_word(s, q, "of")) for (q++; q < s->b && q < p.end + 5 && (s->t[q].flags & T_WORD) && !is_word(s, q, "into"); q++) {}
        if (is_word(s, q, "into") && is_word(s, q + 1, "custody")) {
            emit(out, start, q + 2, DYAD_COUNT_ARRESTED, n.v, min, 0);
            return q + 2;
        }
    }
    if (!cl && p.head) {
        /* "A Haqqani leader in Pul-e Alam district, Logar province, was arrested": a place
         * between the people and their passive verb */
        size_t pe = aside_before_verb(s, p.end);
        int be2, neg2;
        size_t k2 = pe > p.end ? skip_aux(s, pe, &be2, &neg2) : 0;
        const cphrase *cw2;
        size_t cl2 = k2 ? phrase_at(s, k2, BIT(CC_COUNT), &cw2) : 0;
        if (cl2 && be2) { k = k2; cl = cl2; cw = cw2; be = be2; neg = neg2; }
    }
    size_t end = k + cl;
    if (cl && !be) {
        /* active voice: "5 gunmen killed 3 people": the count word's object is not these */
        if (people_at(s, end)) cl = 0;
        else {
            np q;
            if (read_np(s, end, &q) && q.head) {
                if (p.head) cl = 0;   /* "a soldier killed civilians" */
                else {
                    /* "5 protest leaders were arrested" (a later count word wins) or
                     * "5 wounded soldiers" (the word before the noun is the count) */
                    int be2, neg2;
                    size_t k2 = skip_aux(s, q.end, &be2, &neg2);
                    const cphrase *cw2;
                    size_t cl2 = phrase_at(s, k2, BIT(CC_COUNT), &cw2);
                    if (cl2 && be2 && !neg2) { cw = cw2; end = k2 + cl2; }
                    else end = q.end;
                }
            }
        }
    }
    if (cl && neg) return 0;
    if (cl) {
        int ok = 0;
        end += or_kind_at(s, end, cw->kind, &ok);
        emit(out, start, end, cw->kind, n.v, min, ok);
        return end;
    }
    if (n.article || !p.head) return 0;
    emit(out, start, p.end, p.kind ? p.kind : DYAD_COUNT_SIZE, n.v, min, 0);
    return p.end;
}

/* A count word at t[i] and the number after it; returns where the count ends, or 0. */
static size_t more_people(const scan *s, size_t e, int kind, int ok, sink *out);

static size_t count_before(const scan *s0, size_t i, sink *out) {
    scan s1 = *s0;
    s1.articles = 1;       /* "arrested a Taliban leader" */
    const scan *s = &s1;
    const cphrase *cw;
    size_t cl = phrase_at(s, i, BIT(CC_COUNT), &cw);
    if (!cl || (lexf(s, i) & W_TIME)) return 0;     /* "March 24" */
    size_t j = i + cl;
    int ok = 0;
    j += or_kind_at(s, j, cw->kind, &ok);
    /* bridges up to a qualifier or the number: "rose to at least 20" ("at" is a bridge too) */
    for (size_t q = 0, n; q < MAXBRIDGE && !phrase_at(s, j, QUALIFIERS, NULL) && (n = phrase_at(s, j, BIT(CC_BRIDGE), NULL)); q++) j += n;
    int min = 0;
    j += qualifier_at(s, j, &min);
    num n;
    np p;
    if (j >= s->b) return 0;
    /* "detained the two suspects": a number behind "the" (not "the one who"); "killing all
     * three" */
    if ((is_word(s, j, "the") || is_word(s, j, "these") || is_word(s, j, "those") || is_word(s, j, "all")) && j + 1 < s->b &&
        read_number(s, j + 1, &n) && !n.article)
        j++;
    /* "killed between three and six insurgents": at least the first */
    if (is_word(s, j, "between") && j + 1 < s->b && read_number(s, j + 1, &n) && !n.article && !n.min &&
        is_word(s, n.end, "and") && n.end + 1 < s->b) {
        num n2;
        if (read_number(s, n.end + 1, &n2) && !n2.article && n2.v >= n.v && read_np(s, n2.end, &p)) {
            emit(out, i, p.end, cw->kind, n.v, 1, ok);
            return more_people(s, p.end, cw->kind, ok, out);
        }
    }
    if (!read_number(s, j, &n) || !read_np(s, n.end, &p) || (n.article && !p.head)) {
        /* one person: "killing him", "captured another", "killed the Taliban leader" */
        size_t l = phrase_at(s, j, BIT(CC_SINGLE), NULL);
        if (l && !(j + l < s->b && (read_number(s, j + l, &n) || ((s->t[j + l].flags & T_WORD) && read_np(s, j + l, &p) && p.head)))) {
            emit(out, i, j + l, cw->kind, 1, min, ok);
            return more_people(s, j + l, cw->kind, ok, out);   /* "detaining them along with one other" */
        }
        if (!min && (is_word(s, j, "the") || is_word(s, j, "this") || is_word(s, j, "that")) && read_np(s, j + 1, &p) && p.head && p.one) {
            emit(out, i, p.end, cw->kind, 1, 0, ok);
            return more_people(s, p.end, cw->kind, ok, out);
        }
        /* "the death of Haqqani leader Shabeer": after "of", one person with no article */
        if (!min && j > i + cl && is_word(s, j - 1, "of") && (s->t[j].flags & T_CAP) && read_np(s, j, &p) && p.head && p.one) {
            emit(out, i, p.end, cw->kind, 1, 0, ok);
            return more_people(s, p.end, cw->kind, ok, out);
        }
        return 0;
    }
    if (n.min && min < 1) min = 1;
    emit(out, i, p.end, cw->kind, n.v, min, ok);
    return more_people(s, p.end, cw->kind, ok, out);
}

/* What joins a further group of people to a count: "and", a comma, "along with", "together
 * with", "as well as"; its length in tokens, or 0. */
static size_t joiner(const scan *s, size_t e) {
    if (is_word(s, e, "and") || is_punct(s, e, ',')) return 1;
    if ((is_word(s, e, "along") || is_word(s, e, "together")) && is_word(s, e + 1, "with")) return 2;
    if (is_word(s, e, "as") && is_word(s, e + 1, "well") && is_word(s, e + 2, "as")) return 3;
    return 0;
}

/* Further groups after a count ending at e ("killed 5 soldiers and 3 civilians", "detained the
 * leader along with three other suspects"), unless a verb of their own follows ("and 3 were
 * wounded"); returns where the last ends. */
static size_t more_people(const scan *s, size_t e, int kind, int ok, sink *out) {
    size_t jn;
    while (e + 1 < s->b && (jn = joiner(s, e))) {
        size_t m = e + jn;
        int min2 = 0;
        m += qualifier_at(s, m, &min2);
        num n2;
        np p2;
        /* "and a facilitator": one person, when "a" stands before a noun for one; "the commander,
         * facilitator and two associates", "a commander and facilitator": a noun for one person
         * with no article shares the one before it, one more; "the leader and other suspected
         * insurgents": others with no number are two at least */
        if (m < s->b && !min2 && !(s->t[m].flags & T_NUM) && !read_number(s, m, &n2)) {
            int other = is_word(s, m, "other");
            if (read_np(s, m + other, &p2) && p2.head && (other ? !p2.one : p2.one && p2.end == m + 1)) {
                int be, neg;
                size_t k = skip_aux(s, p2.end, &be, &neg);
                if (be || neg || phrase_at(s, k, BIT(CC_COUNT), NULL)) break;
                emit(out, e + jn, p2.end, kind, other ? 2 : 1, other, ok);
                e = p2.end;
                continue;
            }
        }
        if (m >= s->b || !read_number(s, m, &n2) || !read_np(s, n2.end, &p2) || !p2.head || (n2.article && !p2.one)) break;
        int be, neg;
        size_t k = skip_aux(s, p2.end, &be, &neg);
        /* a verb group of their own ends the list; adverbs alone do not ("and 3 civilians
         * yesterday") */
        int group = be || neg;
        for (size_t x = p2.end; x < k && !group; x++) if (!(lexf(s, x) & W_ADV)) group = 1;
        if (group || phrase_at(s, k, BIT(CC_COUNT), NULL)) break;
        if (n2.min && min2 < 1) min2 = 1;
        emit(out, e + jn, p2.end, kind, n2.v, min2, ok);
        e = p2.end;
    }
    return e;
}

int dyad_count_word(const dyad_counts *c, const char *text, const dyad_token *t) {
    const cword *w = c ? word_of(c, text, t) : NULL;
    return w && (w->classes & BIT(CC_COUNT));
}

int dyad_count_kind(const dyad_counts *c, const char *text, const dyad_token *t) {
    const cword *w = c ? word_of(c, text, t) : NULL;
    if (!w || !(w->classes & BIT(CC_COUNT))) return 0;
    for (uint32_t k = 0; k < w->n; k++) {
        const cphrase *p = &c->phrases[w->first + k];
        if (p->cls == CC_COUNT && p->ntok == 1) return p->kind;
    }
    return 0;
}

int dyad_count_person(const dyad_counts *c, const char *text, const dyad_token *t) {
    const cword *w = c ? word_of(c, text, t) : NULL;
    if (!w || !(w->classes & BIT(CC_NOUN))) return 0;
    for (uint32_t k = 0; k < w->n; k++) {
        const cphrase *p = &c->phrases[w->first + k];
        if (p->cls == CC_NOUN && p->ntok == 1 && p->value == 1) return 1;
    }
    return 0;
}

size_t dyad_count_scan(const dyad_dict *d, const dyad_counts *c, const char *text, const dyad_token *t,
                       size_t a, size_t b, dyad_count *out, size_t max) {
    if (!c || c->d != d || !max) return 0;
    scan s = {d, c, text, t, a, b, 0};
    sink k = {out, 0, max, 0};
    size_t next_count = a;     /* the next count word at or after i (b: none); found lazily */
    int known = 0;
    for (size_t i = a; i < b && k.n < max; i++) {
        const dyad_token *tk = &t[i];
        if (tk->flags & T_PUNCT) {
            if (tk->len == 1 && text[tk->off] == '(') k.depth++;
            else if (tk->len == 1 && text[tk->off] == ')' && k.depth) k.depth--;
            continue;
        }
        /* the fast path: most tokens are neither numbers, number words nor words of ours */
        const cword *w = NULL;
        if (!(tk->flags & T_NUM)) {
            if (tk->id && !((c->bloom[(tk->id >> 6) & 63] >> (tk->id & 63)) & 1)) continue;
            w = word_of(c, text, tk);
            if (!w && !(d->lex.words[tk->id].flags & W_MONEY)) continue;
        }
        if (w && (w->classes & BIT(CC_COUNT))) {
            size_t e = count_before(&s, i, &k);
            if (e) { i = e - 1; continue; }
        }
        /* "He was subsequently killed", "He was engaged and killed": one person, the subject of
         * a passive count word */
        if (w && (w->classes & BIT(CC_SINGLE)) && (is_word(&s, i, "he") || is_word(&s, i, "she"))) {
            int be, neg;
            size_t q = skip_aux(&s, i + 1, &be, &neg);
            if (be && q + 2 < b && (lexf(&s, q) & W_VERB) && !phrase_at(&s, q, BIT(CC_COUNT), NULL) && is_word(&s, q + 1, "and")) q += 2;
            const cphrase *cw;
            size_t cl = be && !neg ? phrase_at(&s, q, BIT(CC_COUNT), &cw) : 0;
            if (cl) {
                emit(&k, i, q + cl, cw->kind, 1, 0, 0);
                i = q + cl - 1;
                continue;
            }
        }
        if ((tk->flags & T_NUM) || !w || (w->classes & (BIT(CC_VAGUE) | BIT(CC_NUMBER) | BIT(CC_ARTICLE)))) {
            /* "a", "an" are everywhere, and one person needs a count word within reach: find the
             * next count word once, not a noun phrase at every article */
            s.articles = 0;
            if (w && (w->classes & BIT(CC_ARTICLE))) {
                if (!known || next_count < i) {
                    next_count = i;
                    while (next_count < b && !phrase_at(&s, next_count, BIT(CC_COUNT), NULL)) next_count++;
                    known = 1;
                }
                s.articles = next_count < b && next_count - i <= MAXRUN + MAXAUX + MAXTOK;
            }
            size_t skip;
            size_t e = count_after(&s, i, &k, &skip);
            if (e) i = e - 1;
            else if (skip > i + 1) i = skip - 1;
        }
    }
    for (size_t j = 0; j < k.n; j++) out[j].added = additive(&s, out[j].a, out[j].b);
    return k.n;
}
