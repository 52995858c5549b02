/* dict.c: loading the dictionary files (grammar: dict/README.md).
 *
 * Order of work: collect the *.txt files below each path (sorted, so loading is deterministic);
 * load words.txt and amounts.txt first (other files' phrases do not depend on them, but the
 * lexicon flags do), then cameo.txt, actors and agents, then the verb files in two passes (word
 * sets first, since a pattern may use a set defined in a later file); last, sort the patterns by
 * lemma so coding finds a verb's patterns as one slice. */
#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "count.h"
#include "date.h"
#include "petrarch.h"
#include "token.h"

enum { F_UNKNOWN = 0, F_ACTORS, F_AGENTS, F_VERBS, F_CAMEO, F_WORDS, F_AMOUNTS, F_RATES, F_OTHER };

typedef struct loadfile { char *path; const char *name; int kind; } loadfile;

typedef struct loader {
    dyad_dict *d;
    loadfile *files;
    size_t nfiles, cfiles;
    const char *file;
    int line;
    dyad_toks toks;
    int failed;
} loader;

static void problem(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(loader *L, const char *fmt, ...) {
    dyad_dict *d = L->d;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->problems++;
    if (d->diag) d->diag(d->diag_ud, L->file, L->line, msg);
    if (!d->check && !L->failed) {
        snprintf(d->err, sizeof d->err, "%s:%d: %s", L->file ? L->file : "?", L->line, msg);
        L->failed = 1;
    }
}

static void warn(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(loader *L, const char *fmt, ...) {
    dyad_dict *d = L->d;
    if (!d->diag || !d->check) return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->problems++;
    d->diag(d->diag_ud, L->file, L->line, msg);
}

int32_t dyad_date_bound(const char *s, size_t n, int end) {
    int y = 0, m = end ? 12 : 1, dd = end ? 31 : 1;
    if (n != 4 && n != 7 && n != 10) return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) { if (s[i] != '-') return -1; }
        else if (!dyad_isdigit((unsigned char)s[i])) return -1;
    }
    y = atoi(s);
    if (n >= 7) m = (s[5] - '0') * 10 + (s[6] - '0');
    if (n >= 10) dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
    return y * 10000 + m * 100 + dd;
}

/* ---- phrases -------------------------------------------------------------------------------- */

/* Tokenizes a phrase and interns its words; fills ids (max 32) and the caps mask. Returns the
 * number of tokens, 0 for an empty phrase, -1 out of memory. */
static int phrase_ids(loader *L, const char *s, size_t n, uint32_t *ids, uint32_t *caps) {
    dyad_dict *d = L->d;
    L->toks.n = 0;
    if (dyad_tokenize(s, 0, n, &L->toks)) return -1;
    if (L->toks.n > 32) { problem(L, "phrase longer than 32 tokens: %.*s", (int)n, s); return 0; }
    *caps = 0;
    for (size_t i = 0; i < L->toks.n; i++) {
        const dyad_token *t = &L->toks.v[i];
        char low[256];
        size_t ln = dyad_lower(s + t->off, t->len, low, sizeof low);
        ids[i] = dyad_lex_add(&d->lex, low, ln);
        if (!ids[i]) return -1;
        if ((t->flags & T_ALLCAPS) && t->len <= 5) *caps |= 1u << i;
    }
    if (L->toks.n && (L->toks.v[0].flags & T_CAP)) *caps |= CAPS_FIRST_UPPER;
    return (int)L->toks.n;
}

/* The next " | "-separated phrase of field from *i (the grammar: a bar with white space around it,
 * so "RFE/RL" or "a|b" inside a phrase stays whole): its trimmed bounds in *a, *b. Returns 0 when
 * the field is done. Every dictionary field of phrases is read with it. */
static int next_phrase(const char *field, size_t flen, size_t *i, size_t *a, size_t *b) {
    while (*i < flen) {
        size_t j = *i;
        while (j < flen && !(field[j] == '|' && (j == 0 || field[j - 1] == ' ') && (j + 1 == flen || field[j + 1] == ' ')))
            j++;
        *a = *i;
        *b = j;
        *i = j + 1;
        while (*a < *b && field[*a] == ' ') (*a)++;
        while (*b > *a && field[*b - 1] == ' ') (*b)--;
        if (*b > *a) return 1;
    }
    return 0;
}

/* Adds every " | "-separated phrase of field to the trie. plural: also the plural of each
 * phrase (of its last word, or of the word before "of": "minister of defence"). */
static int add_phrases(loader *L, const char *field, size_t flen, uint16_t kind, uint32_t payload,
                       int plural) {
    dyad_dict *d = L->d;
    size_t i = 0, a, b;
    while (next_phrase(field, flen, &i, &a, &b)) {
        uint32_t ids[32], caps;
        int n = phrase_ids(L, field + a, b - a, ids, &caps);
        if (n < 0) return -1;
        if (n > 0 && dyad_trie_add(&d->trie, ids, (size_t)n, caps, kind, payload) < 0) return -1;
        if (n > 0) d->lex.words[ids[0]].flags |= W_START;
        if (kind != K_ACTOR || plural) caps &= ~CAPS_FIRST_UPPER;
        int at = n - 1;
        for (int k = 1; k < n; k++)
            if (!strcmp(d->lex.words[ids[k]].s, "of")) { at = k - 1; break; }
        if (n > 0 && kind == K_ACTOR && d->actors[payload].type == AT_AGENT) d->lex.words[ids[at]].flags |= W_ROLE;
        /* no plural of an acronym ("US"), but of the noun after one ("IED facilitators") */
        if (n > 0 && plural && at < 31 && !(caps & (1u << at))) {
            dyad_form forms[4];
            size_t nf = dyad_morph_plurals(&d->morph, d->lex.words[ids[at]].s, forms, 4);
            for (size_t f = 0; f < nf; f++) {
                uint32_t save = ids[at];
                uint32_t pid = dyad_lex_add(&d->lex, forms[f].s, strlen(forms[f].s));
                if (!pid) return -1;
                if (d->lex.words[pid].base == pid && pid != save) d->lex.words[pid].base = save;
                d->lex.words[pid].flags |= W_NOUNISH;
                ids[at] = pid;
                if (dyad_trie_add(&d->trie, ids, (size_t)n, caps, kind, payload) < 0) return -1;
                d->lex.words[ids[0]].flags |= W_START;
                ids[at] = save;
            }
        }
    }
    return 0;
}

/* ---- line splitting ------------------------------------------------------------------------- */

/* Cuts a line's comment ('#' at the start or after white space) and trailing space. */
static size_t strip_comment(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) { n = i; break; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    return n;
}

/* Splits on runs of TABs into at most max fields. */
static int fields(const char *s, size_t n, const char **f, size_t *fl, int max) {
    int k = 0;
    size_t i = 0;
    while (i < n && k < max) {
        size_t j = i;
        while (j < n && s[j] != '\t') j++;
        f[k] = s + i;
        fl[k] = j - i;
        k++;
        while (j < n && s[j] == '\t') j++;
        i = j;
    }
    if (i < n) return max + 1;
    return k;
}

/* ---- key=value attributes ------------------------------------------------------------------- */

typedef struct kv { const char *k, *v; size_t kl, vl; } kv;

static int parse_kvs(loader *L, const char *s, size_t n, kv *out, int max) {
    int k = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t ks = i;
        while (i < n && s[i] != '=' && s[i] != ' ') i++;
        kv e = {s + ks, NULL, i - ks, 0};
        if (i < n && s[i] == '=') {
            i++;
            if (i < n && s[i] == '"') {
                size_t vs = ++i;
                while (i < n && s[i] != '"') i++;
                if (i >= n) { problem(L, "unterminated quote in attributes"); return -1; }
                e.v = s + vs;
                e.vl = i - vs;
                i++;
            } else {
                size_t vs = i;
                while (i < n && s[i] != ' ') i++;
                e.v = s + vs;
                e.vl = i - vs;
            }
        }
        if (k >= max) { problem(L, "too many attributes"); return -1; }
        out[k++] = e;
    }
    return k;
}

static int keyis(const kv *e, const char *k) { return e->kl == strlen(k) && !memcmp(e->k, k, e->kl); }

static const char *dupv(loader *L, const kv *e) {
    return dyad_arena_strndup(&L->d->strings, e->v ? e->v : "", e->v ? e->vl : 0);
}

static const char *const type_names[] = {
    NULL, "country", "capital", "seat", "igo", "ngo", "group", "party", "company", "media",
    "person", "region", "city", "agent"};

static int is_code3(const kv *e) {
    if (!e->v || e->vl != 3) return 0;
    for (size_t i = 0; i < 3; i++) if (!dyad_isupper((unsigned char)e->v[i])) return 0;
    return 1;
}

static int load_actor_line(loader *L, const char *s, size_t n, int agent) {
    dyad_dict *d = L->d;
    const char *f[3];
    size_t fl[3];
    int nf = fields(s, n, f, fl, 3);
    if (nf != 2) { problem(L, "expected PHRASES<TAB>ATTRIBUTES, found %d field(s)", nf); return 0; }
    kv kvs[16];
    int nk = parse_kvs(L, f[1], fl[1], kvs, 16);
    if (nk < 0) return 0;
    dyad_actor_ent a;
    memset(&a, 0, sizeof a);
    a.until = 99999999;
    a.lat = a.lon = 999;
    a.type = agent ? AT_AGENT : 0;
    int plural = agent;   /* agents: dyad adds the plural unless plural=no */
    a.file = L->file;
    a.line = L->line;
    for (int i = 0; i < nk; i++) {
        const kv *e = &kvs[i];
        if (!e->v) {
            problem(L, "attribute '%.*s' has no value (write key=value)", (int)e->kl, e->k);
            return 0;
        }
        if (keyis(e, "type")) {
            int t = 0;
            for (int j = 1; j <= AT_AGENT; j++)
                if (strlen(type_names[j]) == e->vl && !memcmp(type_names[j], e->v, e->vl)) t = j;
            if (!t) { problem(L, "unknown type '%.*s'", (int)e->vl, e->v); return 0; }
            a.type = (uint8_t)t;
        } else if (keyis(e, "country")) {
            if (!is_code3(e)) { problem(L, "country must be three capital letters: '%.*s'", (int)e->vl, e->v); return 0; }
            memcpy(a.country, e->v, 3);
        } else if (keyis(e, "sector")) {
            if (!is_code3(e)) { problem(L, "sector must be three capital letters: '%.*s'", (int)e->vl, e->v); return 0; }
            memcpy(a.sector, e->v, 3);
        } else if (keyis(e, "org")) a.org = dupv(L, e);
        else if (keyis(e, "code")) a.code = dupv(L, e);
        else if (keyis(e, "name")) a.name = dupv(L, e);
        else if (keyis(e, "role")) a.role = dupv(L, e);
        else if (keyis(e, "members")) a.members = dupv(L, e);
        else if (keyis(e, "also")) a.also = dupv(L, e);
        else if (keyis(e, "plural") && agent) {
            if (e->vl != 2 || memcmp(e->v, "no", 2)) { problem(L, "plural= takes 'no'"); return 0; }
            plural = 0;
        }
        else if (keyis(e, "only")) {
            if (e->vl != 6 || memcmp(e->v, "target", 6)) { problem(L, "only= takes 'target'"); return 0; }
            a.target_only = 1;
        }
        else if (keyis(e, "from") || keyis(e, "until")) {
            int end = keyis(e, "until");
            int32_t v = dyad_date_bound(e->v, e->vl, end);
            if (v < 0) { problem(L, "bad date '%.*s' (YYYY, YYYY-MM or YYYY-MM-DD)", (int)e->vl, e->v); return 0; }
            if (end) a.until = v; else a.from = v;
        } else if (keyis(e, "lat") || keyis(e, "lon") || keyis(e, "population") || keyis(e, "geonames")) {
            char num[48];
            if (e->vl >= sizeof num) { problem(L, "value too long for %.*s", (int)e->kl, e->k); return 0; }
            memcpy(num, e->v, e->vl);
            num[e->vl] = 0;
            char *end;
            double v = strtod(num, &end);
            if (*end || end == num) { problem(L, "%.*s must be a number: '%s'", (int)e->kl, e->k, num); return 0; }
            if (keyis(e, "lat")) { if (v < -90 || v > 90) { problem(L, "lat out of range"); return 0; } a.lat = v; }
            else if (keyis(e, "lon")) { if (v < -180 || v > 180) { problem(L, "lon out of range"); return 0; } a.lon = v; }
            else if (keyis(e, "population")) a.population = (int64_t)v;
            else a.geonames = (int64_t)v;
        } else if (keyis(e, "admin1")) a.admin1 = dupv(L, e);
        else if (keyis(e, "src") || keyis(e, "note")) {
            /* provenance, kept in the file only */
        } else {
            problem(L, "unknown attribute '%.*s'", (int)e->kl, e->k);
            return 0;
        }
    }
    if (!a.type) { problem(L, "missing type=..."); return 0; }
    if (a.from > a.until) { problem(L, "from= is after until="); return 0; }
    /* A region or city with no country is allowed: it only blocks shorter phrases inside it
     * ("Latin America" is not America). */
    if (!agent && a.type != AT_REGION && a.type != AT_CITY && !a.country[0] && !a.org && !a.code &&
        !a.sector[0] && !a.name) {
        problem(L, "an actor needs country=, org=, code=, sector= or name=");
        return 0;
    }
    if (agent && !a.sector[0]) { problem(L, "an agent needs sector="); return 0; }
    if (a.type == AT_PERSON && (a.from > 0 || a.until < 99999999) && !a.role)
        warn(L, "a dated person entry should say its office (role=...)");
    size_t cl = 0;
    while (cl < fl[0] && !(f[0][cl] == '|' && cl && f[0][cl - 1] == ' ')) cl++;
    while (cl && f[0][cl - 1] == ' ') cl--;
    a.canon = dyad_arena_strndup(&d->strings, f[0], cl);
    if (!a.canon || DYAD_VEC_PUSH(&d->mem, d->actors, d->nactors, d->cactors)) return -1;
    d->actors[d->nactors] = a;
    uint32_t idx = (uint32_t)d->nactors++;
    return add_phrases(L, f[0], fl[0], K_ACTOR, idx, plural);
}

/* ---- words.txt, amounts.txt ----------------------------------------------------------------- */

static const struct { const char *name; uint32_t flag; } word_classes[] = {
    {"modal-intent", W_MODAL_INTENT}, {"modal-hypo", W_MODAL_HYPO}, {"neg", W_NEG},
    {"aux", W_AUX}, {"be", W_BE | W_AUX}, {"det", W_DET}, {"prep", W_PREP}, {"conj", W_CONJ},
    {"pron-we", W_PRON_WE}, {"pron-he", W_PRON_HE}, {"pron-they", W_PRON_THEY}, {"rel", W_REL},
    {"ready", W_READY}, {"adv", W_ADV}, {"loc-prep", W_LOC_PREP | W_PREP}, {"report", W_REPORT},
    {"abbrev", W_ABBREV}, {"comp", W_COMP}, {"cond", W_HYPO_COND}, {"time", W_TIME},
    {"neg-verb", W_NEG | W_VERBNEG}, {"modal-must", W_MUST}, {"same-past", W_SAMEPAST}, {"title", W_TITLE},
    {"stance", W_STANCE}, {"attrib", 0}};

static int load_words_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    const char *f[3];
    size_t fl[3];
    int nf = fields(s, n, f, fl, 3);
    if (nf != 2) { problem(L, "expected CLASS<TAB>PHRASES"); return 0; }
    int cls = -1;
    for (size_t i = 0; i < sizeof word_classes / sizeof *word_classes; i++)
        if (strlen(word_classes[i].name) == fl[0] && !memcmp(word_classes[i].name, f[0], fl[0])) cls = (int)i;
    if (cls < 0) { problem(L, "unknown word class '%.*s'", (int)fl[0], f[0]); return 0; }
    /* One-word phrases set lexicon flags; longer ones go to the trie (K_PHRASE, class index). */
    size_t i = 0, a, b;
    while (next_phrase(f[1], fl[1], &i, &a, &b)) {
        uint32_t ids[32], caps;
        int k = phrase_ids(L, f[1] + a, b - a, ids, &caps);
        if (k < 0) return -1;
        if (k == 1 && word_classes[cls].flag) d->lex.words[ids[0]].flags |= word_classes[cls].flag;
        else if (k >= 1) {
            if (dyad_trie_add(&d->trie, ids, (size_t)k, caps, K_PHRASE, (uint32_t)cls) < 0) return -1;
            d->lex.words[ids[0]].flags |= W_START;
        }
    }
    return 0;
}

/* Sets flag on the first word of every phrase of field (lets scanners skip other words). */
static int flag_first_words(loader *L, const char *field, size_t flen, uint32_t flag) {
    size_t i = 0, a, b;
    while (next_phrase(field, flen, &i, &a, &b)) {
        uint32_t ids[32], caps;
        int n = phrase_ids(L, field + a, b - a, ids, &caps);
        if (n < 0) return -1;
        if (n > 0) L->d->lex.words[ids[0]].flags |= flag;
    }
    return 0;
}

static int load_amounts_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    const char *f[4];
    size_t fl[4];
    int nf = fields(s, n, f, fl, 4);
    if (nf != 3) { problem(L, "expected KIND<TAB>VALUE<TAB>PHRASES"); return 0; }
    if (fl[0] == 8 && !memcmp(f[0], "currency", 8)) {
        if (fl[1] != 3) { problem(L, "currency code must be ISO 4217 (3 letters)"); return 0; }
        if (DYAD_VEC_PUSH(&d->mem, d->currencies, d->ncurrencies, d->ccurrencies)) return -1;
        memcpy(d->currencies[d->ncurrencies].iso, f[1], 3);
        d->currencies[d->ncurrencies].iso[3] = 0;
        if (add_phrases(L, f[2], fl[2], K_CURRENCY, (uint32_t)d->ncurrencies++, 0)) return -1;
        return flag_first_words(L, f[2], fl[2], W_MONEY);
    }
    int scale = fl[0] == 5 && !memcmp(f[0], "scale", 5);
    int number = fl[0] == 6 && !memcmp(f[0], "number", 6);
    if (!scale && !number) { problem(L, "unknown kind '%.*s' (currency, scale, number)", (int)fl[0], f[0]); return 0; }
    char num[64];
    if (fl[1] >= sizeof num) { problem(L, "value too long"); return 0; }
    memcpy(num, f[1], fl[1]);
    num[fl[1]] = 0;
    char *end;
    double v = strtod(num, &end);
    if (*end || end == num) { problem(L, "bad number '%s'", num); return 0; }
    if (DYAD_VEC_PUSH(&d->mem, d->numbers, d->nnumbers, d->cnumbers)) return -1;
    d->numbers[d->nnumbers] = v;
    if (add_phrases(L, f[2], fl[2], scale ? K_SCALE : K_NUMBER, (uint32_t)d->nnumbers++, 0)) return -1;
    return number ? flag_first_words(L, f[2], fl[2], W_MONEY) : 0;
}

/* ---- rates.txt ------------------------------------------------------------------------------ */

/* A positive decimal such as "52.9227" or "1.2e-05" (what gen-rates writes), quickly: the rate
 * table has a hundred thousand of them, and strtod was a tenth of start-up. 0 if malformed. */
static double fast_decimal(const char *s, size_t n) {
    static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v = 0;
    int frac = 0, seen = 0, dot = 0;
    size_t i = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); seen = 1; if (dot) frac++; }
        else if (c == '.' && !dot) dot = 1;
        else break;
    }
    if (!seen) return 0;
    int e = -frac;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int sign = 1, x = 0, any = 0;
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) { sign = s[i] == '-' ? -1 : 1; i++; }
        for (; i < n && s[i] >= '0' && s[i] <= '9' && x < 400; i++) { x = x * 10 + (s[i] - '0'); any = 1; }
        if (!any) return 0;
        e += sign * x;
    }
    if (i != n) return 0;
    while (e > 22) { v *= 1e22; e -= 22; }
    while (e < -22) { v /= 1e22; e += 22; }
    return e >= 0 ? v * p10[e] : v / p10[-e];
}

static int load_rates_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    const char *f[4];
    size_t fl[4];
    if (fields(s, n, f, fl, 4) != 3 || fl[0] != 3 || fl[1] != 7) { problem(L, "expected CUR<TAB>YYYY-MM<TAB>rates"); return 0; }
    int32_t first = dyad_date_bound(f[1], 7, 0);
    if (first < 0) { problem(L, "bad month '%.*s'", (int)fl[1], f[1]); return 0; }
    uint32_t count = 0;
    for (size_t i = 0; i < fl[2]; i++)
        if (f[2][i] != ' ' && (i == 0 || f[2][i - 1] == ' ')) count++;
    float *v = dyad_arena_alloc(&d->strings, (count ? count : 1) * sizeof *v);
    if (!v) return -1;
    uint32_t k = 0;
    for (size_t i = 0; i < fl[2] && k < count;) {
        while (i < fl[2] && f[2][i] == ' ') i++;
        size_t j = i;
        while (j < fl[2] && f[2][j] != ' ') j++;
        v[k++] = (float)fast_decimal(f[2] + i, j - i);
        i = j;
    }
    if (DYAD_VEC_PUSH(&d->mem, d->rates, d->nrates, d->crates)) return -1;
    dyad_rate *r = &d->rates[d->nrates++];
    memcpy(r->iso, f[0], 3);
    r->iso[3] = 0;
    r->first = (first / 10000) * 12 + (first / 100 % 100) - 1;
    r->n = k;
    r->v = v;
    return 0;
}

static int cmp_rate(const void *a, const void *b) { return strcmp(((const dyad_rate *)a)->iso, ((const dyad_rate *)b)->iso); }

double dyad_dict_rate(const dyad_dict *d, const char *iso, int year, int month, int *at) {
    dyad_rate key;
    memset(&key, 0, sizeof key);
    snprintf(key.iso, sizeof key.iso, "%s", iso);
    const dyad_rate *r = d->nrates ? bsearch(&key, d->rates, d->nrates, sizeof key, cmp_rate) : NULL;
    if (!r) return 0;
    int32_t m = year * 12 + month - 1;
    if (m >= r->first + (int32_t)r->n) m = r->first + (int32_t)r->n - 1;   /* after the series: its last */
    for (int32_t x = m; x >= r->first && x > m - 12; x--) {
        float v = r->v[x - r->first];
        if (v > 0) {
            if (at) *at = (x / 12) * 100 + x % 12 + 1;
            return v;
        }
    }
    return 0;
}

/* ---- cameo.txt ------------------------------------------------------------------------------ */

/* 2 to 4 digits, and after 3 or 4 of them one capital letter (PETRARCH's variants: "174K"). */
static int valid_code(const char *s, size_t n) {
    if (n >= 4 && n <= 5 && s[n - 1] >= 'A' && s[n - 1] <= 'Z') n--;
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++) if (!dyad_isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static int cmp_cameo(const void *a, const void *b) {
    return strcmp(((const dyad_cameo *)a)->code, ((const dyad_cameo *)b)->code);
}

const dyad_cameo *dyad_dict_code(const dyad_dict *d, const char *code) {
    dyad_cameo key;
    memset(&key, 0, sizeof key);
    snprintf(key.code, sizeof key.code, "%s", code);
    if (!d->ncameo) return NULL;
    return bsearch(&key, d->cameo, d->ncameo, sizeof key, cmp_cameo);
}

static int copy_code(loader *L, char out[6], const char *s, size_t n, const char *what) {
    if (n == 1 && s[0] == '-') { out[0] = 0; return 1; }
    if (!valid_code(s, n)) { problem(L, "%s code '%.*s' is not a CAMEO code", what, (int)n, s); return 0; }
    memcpy(out, s, n);
    out[n] = 0;
    return 1;
}

static int load_cameo_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    const char *f[8];
    size_t fl[8];
    int nf = fields(s, n, f, fl, 8);
    if (nf != 7) { problem(L, "expected 7 fields: CODE GOLDSTEIN PLOVER INTENT REQUEST REFUSE LABEL"); return 0; }
    dyad_cameo c;
    memset(&c, 0, sizeof c);
    if (!copy_code(L, c.code, f[0], fl[0], "the") || !c.code[0]) return 0;
    char num[32];
    snprintf(num, sizeof num, "%.*s", (int)(fl[1] < 31 ? fl[1] : 31), f[1]);
    char *end;
    c.goldstein = strtod(num, &end);
    if (*end || end == num || c.goldstein < -10 || c.goldstein > 10) { problem(L, "Goldstein value must be a number from -10 to 10"); return 0; }
    /* PLOVER: EVENT[/mode[/context]] */
    const char *p = f[2];
    size_t pl = fl[2];
    if (!(pl == 1 && p[0] == '-')) {
        size_t a = 0;
        while (a < pl && p[a] != '/') a++;
        c.plover = dyad_arena_strndup(&d->strings, p, a);
        if (a < pl) {
            size_t b = a + 1;
            while (b < pl && p[b] != '/') b++;
            if (b > a + 1) c.plover_mode = dyad_arena_strndup(&d->strings, p + a + 1, b - a - 1);
            if (b + 1 < pl) c.plover_context = dyad_arena_strndup(&d->strings, p + b + 1, pl - b - 1);
        }
    }
    if (!copy_code(L, c.intent, f[3], fl[3], "intent") || !copy_code(L, c.request, f[4], fl[4], "request") ||
        !copy_code(L, c.refuse, f[5], fl[5], "refusal"))
        return 0;
    c.label = dyad_arena_strndup(&d->strings, f[6], fl[6]);
    if (dyad_dict_code(d, c.code)) { problem(L, "code %s defined twice", c.code); return 0; }
    if (DYAD_VEC_PUSH(&d->mem, d->cameo, d->ncameo, d->ccameo)) return -1;
    d->cameo[d->ncameo++] = c;
    qsort(d->cameo, d->ncameo, sizeof c, cmp_cameo); /* small table: keeps lookups valid while loading */
    return 0;
}

/* ---- verbs ---------------------------------------------------------------------------------- */

static int find_set(const dyad_dict *d, const char *s, size_t n) {
    for (size_t i = 0; i < d->nsets; i++)
        if (strlen(d->sets[i]) == n && !memcmp(d->sets[i], s, n)) return (int)i;
    return -1;
}

int dyad_dict_set(const dyad_dict *d, const char *name) { return find_set(d, name, strlen(name)); }

static int load_set_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    size_t i = 1;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '=') i++;
    size_t nl = i - 1;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (nl == 0 || i >= n || s[i] != '=') { problem(L, "expected @NAME = PHRASE | PHRASE ..."); return 0; }
    i++;
    if (find_set(d, s + 1, nl) >= 0) { problem(L, "word set @%.*s defined twice", (int)nl, s + 1); return 0; }
    if (DYAD_VEC_PUSH(&d->mem, d->sets, d->nsets, d->csets)) return -1;
    const char *name = dyad_arena_strndup(&d->strings, s + 1, nl);
    if (!name) return -1;
    d->sets[d->nsets] = name;
    return add_phrases(L, s + i, n - i, K_SET, (uint32_t)d->nsets++, 1);
}

static int find_lemma(dyad_dict *d, uint32_t word) {
    /* a lemma's base form points at it (lex.h): no search over the lemmas */
    int32_t li = d->lex.words[word].lemma;
    if (li >= 0 && d->lemmas[li].word == word) return li;
    for (size_t i = 0; i < d->nlemmas; i++) if (d->lemmas[i].word == word) return (int)i;
    return -1;
}

/* Registers a noun pattern's head ("arrest" in "arrest of +"): the noun and its plural point at
 * the same lemma as the verb of that spelling, marked VF_NOUN. */
static int add_noun_head(loader *L, int li) {
    dyad_dict *d = L->d;
    uint32_t word = d->lemmas[li].word;
    dyad_form forms[4];
    char base[64];
    snprintf(base, sizeof base, "%s", d->lex.words[word].s);
    size_t nf = dyad_morph_plurals(&d->morph, base, forms, 4);
    uint32_t ids[5];
    size_t n = 0;
    ids[n++] = word;
    for (size_t i = 0; i < nf; i++) {
        uint32_t id = dyad_lex_add(&d->lex, forms[i].s, strlen(forms[i].s));
        if (!id) return -1;
        ids[n++] = id;
    }
    for (size_t i = 0; i < n; i++) {
        dyad_word *w = &d->lex.words[ids[i]];
        if (w->lemma >= 0 && w->lemma != li) continue;   /* another lemma's form: leave it */
        w->lemma = li;
        w->vform |= VF_NOUN;
        w->flags |= W_VERB;
    }
    return 0;
}

/* Registers a verb lemma: its forms enter the lexicon pointing at it. */
static int add_lemma(loader *L, uint32_t word, int verb) {
    dyad_dict *d = L->d;
    int li = find_lemma(d, word);
    if (li < 0) {
        if (DYAD_VEC_PUSH(&d->mem, d->lemmas, d->nlemmas, d->clemmas)) return -2;
        li = (int)d->nlemmas++;
        d->lemmas[li] = (dyad_lemma){word, 0, 0, -1, 0, 0};
        dyad_word *w = &d->lex.words[word];
        /* a verb a pattern names is that verb, not another's form: PETRARCH's LEFT beside LEAVE,
         * dyad's "wound" beside "wind" */
        if (w->lemma >= 0 && verb && (w->vform & (VF_PAST | VF_PART))) { w->lemma = -1; w->vform = 0; }
        if (w->lemma < 0) w->lemma = li;
    }
    if (!verb || d->lemmas[li].verb_forms) return li;
    d->lemmas[li].verb_forms = 1;
    dyad_form forms[16];
    char base[64];
    snprintf(base, sizeof base, "%s", d->lex.words[word].s);
    size_t nf = dyad_morph_verb_forms(&d->morph, base, forms, 16);
    for (size_t i = 0; i < nf; i++) {
        uint32_t id = dyad_lex_add(&d->lex, forms[i].s, strlen(forms[i].s));
        if (!id) return -2;
        dyad_word *w = &d->lex.words[id];
        /* A form shared by two lemmas (found: find/found) keeps the first lemma. */
        if (w->lemma < 0) { w->lemma = li; w->vform = forms[i].kind; w->flags |= W_VERB; d->forms++; }
        else if (w->lemma == li) { w->vform |= forms[i].kind; w->flags |= W_VERB; }
    }
    return li;
}

/* The flags field's noun flag, read before the pattern (a noun head gets no verb forms). */
static int pattern_flags(const char **f, const size_t *fl, int nf) {
    if (nf < 3) return 0;
    for (size_t i = 0; i + 4 <= fl[2]; i++)
        if (!memcmp(f[2] + i, "noun", 4) && (i == 0 || f[2][i - 1] == ' ') && (i + 4 == fl[2] || f[2][i + 4] == ' '))
            return PF_NOUN;
    return 0;
}

/* One pattern element: '+' (the target), '?' (any one word), @SET, a word or a|b|c; =word
 * matches that spelling only, not its plural. 1, 0 after a problem, -1 out of memory. */
static int pattern_elem(loader *L, const char *w, size_t wl, dyad_pelem *e) {
    dyad_dict *d = L->d;
    if (wl == 1 && w[0] == '+') { e->kind = PE_TARGET; return 1; }
    if (wl == 1 && w[0] == '?') { e->kind = PE_ANY; return 1; }
    if (w[0] == '@') {
        int si = find_set(d, w + 1, wl - 1);
        if (si < 0) { problem(L, "undefined word set '%.*s'", (int)wl, w); return 0; }
        e->kind = PE_SET;
        e->a = (uint32_t)si;
        return 1;
    }
    if (w[0] == '=' && wl > 1) { e->exact = 1; w++; wl--; }
    /* a word, or a|b|c; each must be one token ("military-technical" only as a set) */
    e->kind = memchr(w, '|', wl) ? PE_ALT : PE_WORD;
    e->a = (uint32_t)d->nalts;
    size_t a = 0;
    while (a < wl) {
        size_t b = a;
        while (b < wl && w[b] != '|') b++;
        uint32_t ids[32], caps;
        int k = phrase_ids(L, w + a, b - a, ids, &caps);
        if (k < 0) return -1;
        if (k != 1) { problem(L, "'%.*s' is not one word: use a @set for phrases", (int)(b - a), w + a); return 0; }
        /* the word's plural matches too ("exercises" for "exercise") */
        dyad_form forms[4];
        size_t npl = dyad_morph_plurals(&d->morph, d->lex.words[ids[0]].s, forms, 4);
        for (size_t q = 0; q < npl; q++) {
            uint32_t pid = dyad_lex_add(&d->lex, forms[q].s, strlen(forms[q].s));
            if (!pid) return -1;
            if (d->lex.words[pid].base == pid && pid != ids[0]) d->lex.words[pid].base = ids[0];
        }
        if (DYAD_VEC_PUSH(&d->mem, d->alts, d->nalts, d->calts)) return -1;
        d->alts[d->nalts++] = ids[0];
        a = b + 1;
    }
    e->n = (uint32_t)(d->nalts - e->a);
    for (uint32_t q = e->a; q < e->a + e->n; q++) e->mask |= 1ull << (d->alts[q] & 63);
    return 1;
}

static int load_pattern_line(loader *L, const char *s, size_t n) {
    dyad_dict *d = L->d;
    const char *f[4];
    size_t fl[4];
    int nf = fields(s, n, f, fl, 4);
    if (nf < 2 || nf > 3) { problem(L, "expected CODE<TAB>PATTERN[<TAB>FLAGS]"); return 0; }
    dyad_pattern p;
    memset(&p, 0, sizeof p);
    /* "---": a pattern that codes nothing, and so stops the shorter ones it wins over ("meet
     * demand" is no meeting), as PETRARCH's null code does */
    int none = fl[0] == 3 && !memcmp(f[0], "---", 3);
    if (!none && !valid_code(f[0], fl[0])) { problem(L, "'%.*s' is not a CAMEO code", (int)fl[0], f[0]); return 0; }
    memcpy(p.code, f[0], fl[0]);
    if (!none && d->ncameo && !dyad_dict_code(d, p.code)) { problem(L, "unknown CAMEO code %s", p.code); return 0; }
    p.file = L->file;
    p.line = L->line;
    p.text = dyad_arena_strndup(&d->strings, f[1], fl[1]);
    if (!p.text) return -1;
    /* Pieces: split on spaces and on '_', which joins pieces that stand side by side in text.
     * The verb lemma is the first piece, or the piece marked '*' ("not_*meet") when elements
     * must come before the verb. */
    const char *s1 = f[1];
    size_t n1 = fl[1], i = 0;
    const char *star = NULL;
    for (size_t q = 0; q < n1 && !star; q++)
        if (s1[q] == '*' && (q == 0 || s1[q - 1] == ' ' || s1[q - 1] == '_')) star = s1 + q;
    int first = 1, adj = 0, pf = pattern_flags(f, fl, nf);
    p.pre = (uint32_t)d->nelems;
    p.elem = (uint32_t)d->nelems;
    while (i < n1) {
        if (s1[i] == ' ' || s1[i] == '_') { adj |= s1[i] == '_'; i++; continue; }
        size_t j = i;
        while (j < n1 && s1[j] != ' ' && s1[j] != '_') j++;
        const char *w = s1 + i;
        size_t wl = j - i;
        int piece_adj = adj;
        adj = 0;
        i = j;
        if (first && (!star || w == star)) {
            if (star) { w++; wl--; p.npre = (uint32_t)(d->nelems - p.pre); if (piece_adj && p.npre) p.flags |= PF_VADJ; }
            uint32_t ids[32], caps;
            int k = phrase_ids(L, w, wl, ids, &caps);
            if (k < 0) return -1;
            if (k != 1) { problem(L, "the pattern must name one verb lemma, found '%.*s'", (int)wl, w); return 0; }
            int li = add_lemma(L, ids[0], !(pf & PF_NOUN));
            if (li < 0) return -1;
            p.lemma = (uint32_t)li;
            p.elem = (uint32_t)d->nelems;
            first = 0;
            continue;
        }
        dyad_pelem e = {0, 0, 0, 0, 0, 0};
        int r = pattern_elem(L, w, wl, &e);
        if (r <= 0) return r;
        if (first && e.kind == PE_TARGET) { problem(L, "the target '+' cannot stand before the verb"); return 0; }
        e.adj = (uint8_t)(piece_adj && (d->nelems > p.pre || !first));
        if (DYAD_VEC_PUSH(&d->mem, d->elems, d->nelems, d->celems)) return -1;
        d->elems[d->nelems++] = e;
    }
    if (first) { problem(L, "empty pattern"); return 0; }
    p.nelem = (uint32_t)(d->nelems - p.elem);
    if (nf == 3) {
        size_t a = 0;
        while (a < fl[2]) {
            while (a < fl[2] && f[2][a] == ' ') a++;
            size_t b = a;
            while (b < fl[2] && f[2][b] != ' ') b++;
            const char *w = f[2] + a;
            size_t wl = b - a;
#define IS(lit) (wl == sizeof(lit) - 1 && !memcmp(w, lit, wl))
            if (!wl) break;
            else if (IS("sym")) p.flags |= PF_SYM;
            else if (IS("recv")) p.flags |= PF_RECV;
            else if (IS("notarget")) p.flags |= PF_NOTARGET;
            else if (IS("noun")) p.flags |= PF_NOUN;
            else if (IS("alone")) p.flags |= PF_ALONE;
            else if (IS("among")) p.flags |= PF_AMONG;
            else if (IS("op=intent")) p.op = OP_INTENT;
            else if (IS("op=request")) p.op = OP_REQUEST;
            else if (IS("op=refuse")) p.op = OP_REFUSE;
            else if (IS("op=say")) p.op = OP_SAY;
            else if (IS("op=deny")) p.op = OP_DENY;
            else if (IS("op=demand")) p.op = OP_DEMAND;
            else if (wl > 4 && !memcmp(w, "rev=", 4) && valid_code(w + 4, wl - 4)) {
                memcpy(p.rev, w + 4, wl - 4);
                if (d->ncameo && !dyad_dict_code(d, p.rev)) { problem(L, "unknown CAMEO code in '%.*s'", (int)wl, w); return 0; }
            }
            else { problem(L, "unknown flag '%.*s'", (int)wl, w); return 0; }
#undef IS
            a = b;
        }
    }
    if ((p.flags & PF_NOUN) && add_noun_head(L, (int)p.lemma)) return -1;
    if (DYAD_VEC_PUSH(&d->mem, d->patterns, d->npatterns, d->cpatterns)) return -1;
    d->patterns[d->npatterns++] = p;
    return 0;
}

static int cmp_pattern(const void *a, const void *b) {
    const dyad_pattern *x = a, *y = b;
    if (x->lemma != y->lemma) return x->lemma < y->lemma ? -1 : 1;
    /* stable: file order (files are sorted, lines ascend) */
    int c = strcmp(x->file, y->file);
    if (c) return c;
    return x->line - y->line;
}

/* ---- files ---------------------------------------------------------------------------------- */

typedef int (*line_fn)(loader *L, const char *s, size_t n);

static int read_lines(loader *L, const char *path, const char *name, line_fn fn, int pass) {
    dyad_dict *d = L->d;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(d->err, sizeof d->err, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    L->file = name;
    L->line = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        L->line++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (memchr(line, 0, n)) { problem(L, "NUL byte in line"); if (L->failed) break; continue; }
        if (L->line == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) { memmove(line, line + 3, n - 3); n -= 3; }
        n = strip_comment(line, n);
        if (!n) continue;
        int is_set = line[0] == '@';
        if (pass == 1 && !is_set) continue;
        if (pass == 2 && is_set) continue;
        if (rc = fn(L, line, n), rc < 0) break;
        if (L->failed) break;
    }
    free(line); /* getline allocates with malloc */
    fclose(f);
    if (rc < 0) { snprintf(d->err, sizeof d->err, "out of memory"); return DYAD_ENOMEM; }
    return L->failed ? DYAD_EDICT : DYAD_OK;
}

struct time_ctx { dyad_dict *d; int oom; };
static void add_time_word(void *ud, const char *w) {
    struct time_ctx *tc = ud;
    uint32_t id = dyad_lex_add(&tc->d->lex, w, strlen(w));
    if (id) tc->d->lex.words[id].flags |= W_TIME;
    else tc->oom = 1;
}

static int set_line(loader *L, const char *s, size_t n) { return load_set_line(L, s, n); }
static int actor_line(loader *L, const char *s, size_t n) { return load_actor_line(L, s, n, 0); }
static int agent_line(loader *L, const char *s, size_t n) { return load_actor_line(L, s, n, 1); }

static int file_kind(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f) {
        char head[128];
        if (fgets(head, sizeof head, f) && !strncmp(head, "#! kind=", 8)) {
            fclose(f);
            const char *k = head + 8;
            if (!strncmp(k, "actors", 6)) return F_ACTORS;
            if (!strncmp(k, "agents", 6)) return F_AGENTS;
            if (!strncmp(k, "verbs", 5)) return F_VERBS;
            if (!strncmp(k, "cameo", 5)) return F_CAMEO;
            if (!strncmp(k, "words", 5)) return F_WORDS;
            if (!strncmp(k, "amounts", 7)) return F_AMOUNTS;
            if (!strncmp(k, "rates", 5)) return F_RATES;
            if (!strncmp(k, "counts", 6)) return F_OTHER;    /* read by count.c */
            return F_UNKNOWN;
        }
        fclose(f);
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!strcmp(base, "cameo.txt")) return F_CAMEO;
    if (!strcmp(base, "words.txt")) return F_WORDS;
    if (!strcmp(base, "amounts.txt")) return F_AMOUNTS;
    if (!strcmp(base, "rates.txt")) return F_RATES;
    if (!strcmp(base, "counts.txt")) return F_OTHER;    /* read by count.c */
    if (!strcmp(base, "agents.txt")) return F_AGENTS;
    if (!strncmp(base, "countries", 9) || !strncmp(base, "places", 6)) return F_ACTORS;
    size_t bl = (size_t)(base - path);
    if (bl >= 7 && !strncmp(base - 7, "actors/", 7)) return F_ACTORS;
    if (bl >= 6 && !strncmp(base - 6, "verbs/", 6)) return F_VERBS;
    return F_UNKNOWN;
}

/* Files are named in messages and evidence by their path below the folder given, with that
 * folder's own name in front ("dict/verbs/07-aid.txt"), so output does not depend on where the
 * tree was checked out. */
static int add_file(loader *L, const char *path, const char *top) {
    dyad_dict *d = L->d;
    if (DYAD_VEC_PUSH(&d->mem, L->files, L->nfiles, L->cfiles)) return DYAD_ENOMEM;
    size_t n = strlen(path), tl = strlen(top);
    while (tl > 1 && top[tl - 1] == '/') tl--;
    size_t base = tl;
    while (base > 0 && top[base - 1] != '/') base--;
    const char *name = path + base;
    if (strncmp(path, top, tl) != 0) name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *p = dyad_arena_strndup(&d->strings, path, n);
    char *nm = dyad_arena_strndup(&d->strings, name, strlen(name));
    if (!p || !nm) return DYAD_ENOMEM;
    L->files[L->nfiles++] = (loadfile){p, nm, file_kind(path)};
    return 0;
}

static int walk(loader *L, const char *path, const char *top) {
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(L->d->err, sizeof L->d->err, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (path == top || (n > 4 && !strcmp(path + n - 4, ".txt"))) return add_file(L, path, top);
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        snprintf(L->d->err, sizeof L->d->err, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dir)) && !rc) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= sizeof sub) continue;
        rc = walk(L, sub, top);
    }
    closedir(dir);
    return rc;
}

static int cmp_file(const void *a, const void *b) {
    return strcmp(((const loadfile *)a)->path, ((const loadfile *)b)->path);
}

/* dyad dict check's deeper look, once everything is loaded: a phrase that names two different
 * actors with no dates to tell them apart (the later one can never be chosen), and one actor's
 * dated lines for the same office whose dates overlap. */
typedef struct pair32 { uint32_t a, b; } pair32;
static int cmp_pair(const void *x, const void *y) {
    const pair32 *p = x, *q = y;
    return p->a != q->a ? (p->a < q->a ? -1 : 1) : p->b != q->b ? (p->b < q->b ? -1 : 1) : 0;
}

static void check_entries(dyad_dict *d) {
    char msg[512];
    pair32 *seen = NULL;
    size_t nseen = 0, cseen = 0;
    for (size_t node = 1; node < d->trie.nnodes; node++) {
        for (int32_t e = d->trie.node_first[node]; e >= 0; e = d->trie.entries[e].next) {
            const dyad_trie_entry *x = &d->trie.entries[e];
            if (x->kind != K_ACTOR) continue;
            const dyad_actor_ent *a = &d->actors[x->payload];
            for (int32_t f = x->next; f >= 0; f = d->trie.entries[f].next) {
                const dyad_trie_entry *y = &d->trie.entries[f];
                if (y->kind != K_ACTOR || y->caps != x->caps || y->payload == x->payload) continue;
                const dyad_actor_ent *b = &d->actors[y->payload];
                if ((a->type == AT_AGENT) != (b->type == AT_AGENT)) continue;
                /* the same person's name and lasting office: intended */
                if (a->type == AT_PERSON && b->type == AT_PERSON && a->name && b->name && !strcmp(a->name, b->name) &&
                    (!a->role || !b->role))
                    continue;
                /* each pair once, whatever the phrase */
                pair32 pr = {x->payload < y->payload ? x->payload : y->payload, x->payload < y->payload ? y->payload : x->payload};
                int dup = 0;
                for (size_t i = 0; i < nseen && !dup; i++) dup = !cmp_pair(&seen[i], &pr);
                if (dup) continue;
                if (DYAD_VEC_PUSH(&d->mem, seen, nseen, cseen)) break;
                seen[nseen++] = pr;
                int adated = a->from > 0 || a->until < 99999999, bdated = b->from > 0 || b->until < 99999999;
                if (!adated && !bdated) {
                    if (!strcmp(a->country, b->country) && !strcmp(a->sector, b->sector) &&
                        ((!a->org && !b->org) || (a->org && b->org && !strcmp(a->org, b->org))))
                        continue;   /* the same actor written twice: harmless */
                    if (a->type == AT_CITY || b->type == AT_CITY || a->type == AT_REGION || b->type == AT_REGION) continue;
                    snprintf(msg, sizeof msg, "\"%s\" also names another actor without dates (%s:%d), which is never chosen",
                             a->canon, b->file, b->line);
                    d->problems++;
                    if (d->diag) d->diag(d->diag_ud, a->file, a->line, msg);
                } else if (adated && bdated && a->role && b->role && !strcmp(a->role, b->role) &&
                           a->from <= b->until && b->from <= a->until && !strcmp(a->country, b->country)) {
                    snprintf(msg, sizeof msg, "\"%s\" as %s: dates overlap with %s:%d", a->canon, a->role, b->file, b->line);
                    d->problems++;
                    if (d->diag) d->diag(d->diag_ud, a->file, a->line, msg);
                }
            }
        }
    }
    dyad_mem_free(&d->mem, seen, cseen * sizeof *seen);
}

/* The countries a misspelt word may name (parse.c): one-word canonical names of seven letters or
 * more, in ASCII letters ("Afghanistan", "Ethiopia"). */
static int fuzzy_names(dyad_dict *d) {
    for (size_t i = 0; i < d->nactors; i++) {
        const dyad_actor_ent *a = &d->actors[i];
        if (a->type != AT_COUNTRY || !a->canon) continue;
        size_t n = strlen(a->canon);
        int ok = n >= 7;
        for (size_t k = 0; k < n && ok; k++) ok = dyad_isalpha((unsigned char)a->canon[k]);
        if (!ok) continue;
        if (DYAD_VEC_PUSH(&d->mem, d->fuzzy, d->nfuzzy, d->cfuzzy)) return -1;
        d->fuzzy[d->nfuzzy++] = (uint32_t)i;
    }
    /* by first letter (a stable insertion sort: a hundred or so names), so that an unknown
     * word is compared with the names of its own letter only */
    for (size_t i = 1; i < d->nfuzzy; i++)
        for (size_t j = i; j > 0 && (d->actors[d->fuzzy[j - 1]].canon[0] | 0x20) > (d->actors[d->fuzzy[j]].canon[0] | 0x20); j--) {
            uint32_t x = d->fuzzy[j];
            d->fuzzy[j] = d->fuzzy[j - 1];
            d->fuzzy[j - 1] = x;
        }
    size_t k = 0;
    for (int c = 0; c < 27; c++) {
        while (k < d->nfuzzy && (d->actors[d->fuzzy[k]].canon[0] | 0x20) < 'a' + c) k++;
        d->fuzzy_at[c] = (uint32_t)k;
    }
    return 0;
}

int dyad_dict_load(dyad_dict **out, const char *const *paths, size_t npaths,
                   const dyad_dict_options *opts) {
    dyad_mem mem = {opts ? opts->alloc : NULL, opts ? opts->alloc_ud : NULL};
    *out = NULL;
    dyad_dict *d = dyad_mem_calloc(&mem, sizeof *d);
    if (!d) return DYAD_ENOMEM;
    *out = d;
    d->mem = mem;
    d->check = opts ? opts->check : 0;
    d->diag = opts ? opts->diag : NULL;
    d->diag_ud = opts ? opts->diag_ud : NULL;
    dyad_arena_init(&d->strings, &d->mem, 1 << 16);
    if (dyad_lex_init(&d->lex, &d->mem) || dyad_trie_init(&d->trie, &d->mem)) goto oom;
    const char *wn = opts && opts->wordnet_dir ? opts->wordnet_dir : getenv("WNSEARCHDIR");
    if (!wn) wn = "/usr/share/wordnet";
    int mr = dyad_morph_load(&d->morph, &d->mem, wn);
    if (mr < 0) goto oom;
    if (mr > 0 && d->diag)
        d->diag(d->diag_ud, wn, 0, "WordNet exception lists not found: irregular verb forms are missing");

    loader L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.toks.mem = &d->mem;
    int rc = DYAD_OK;
    for (size_t i = 0; i < npaths && !rc; i++) {
        rc = walk(&L, paths[i], paths[i]);
        char mk[4096];
        struct stat st;
        snprintf(mk, sizeof mk, "%s/%s", paths[i], DYAD_PETRARCH_MARKER);
        if (stat(mk, &st) == 0) d->petrarch = 1;
    }
    if (!rc) {
        if (L.nfiles) qsort(L.files, L.nfiles, sizeof *L.files, cmp_file);
        d->files = L.nfiles;
        /* words and amounts, cameo, actors and agents, verb sets, verb patterns */
        static const int order[] = {F_WORDS, F_AMOUNTS, F_CAMEO, F_ACTORS, F_AGENTS, F_RATES};
        for (size_t o = 0; o < sizeof order / sizeof *order && !rc; o++)
            for (size_t i = 0; i < L.nfiles && !rc; i++) {
                if (L.files[i].kind != order[o]) continue;
                line_fn fn = order[o] == F_WORDS ? load_words_line : order[o] == F_AMOUNTS ? load_amounts_line
                           : order[o] == F_CAMEO ? load_cameo_line : order[o] == F_ACTORS ? actor_line
                           : order[o] == F_RATES ? load_rates_line : agent_line;
                rc = read_lines(&L, L.files[i].path, L.files[i].name, fn, 0);
            }
        /* date words, for the date scanner's fast path */
        if (!rc) {
            struct time_ctx tc = {d, 0};
            dyad_date_words(add_time_word, &tc);
            if (tc.oom) rc = DYAD_ENOMEM;
        }
        /* @money is built in: it matches a sum of money found by the amount scanner. */
        if (!rc) {
            if (DYAD_VEC_PUSH(&d->mem, d->sets, d->nsets, d->csets)) rc = DYAD_ENOMEM;
            else { d->money_set = (int32_t)d->nsets; d->sets[d->nsets++] = "money"; }
        }
        for (int pass = 1; pass <= 2 && !rc; pass++)
            for (size_t i = 0; i < L.nfiles && !rc; i++)
                if (L.files[i].kind == F_VERBS)
                    rc = read_lines(&L, L.files[i].path, L.files[i].name, pass == 1 ? set_line : load_pattern_line, pass);
        /* counts.txt is read by count.c, with the lexicon and trie this load built */
        for (size_t i = 0; i < L.nfiles && !rc; i++) {
            const char *base = strrchr(L.files[i].path, '/');
            base = base ? base + 1 : L.files[i].path;
            if (L.files[i].kind != F_OTHER || strcmp(base, "counts.txt") || d->counts) continue;
            rc = dyad_counts_load(&d->counts, d, L.files[i].path, d->err, sizeof d->err);
            if (rc == DYAD_EDICT && d->check) { d->problems++; if (d->diag) d->diag(d->diag_ud, L.files[i].name, 0, d->err); rc = 0; }
        }
        for (size_t i = 0; i < L.nfiles && !rc; i++)
            if (L.files[i].kind == F_UNKNOWN && d->diag)
                d->diag(d->diag_ud, L.files[i].path, 0, "not a dictionary file dyad knows (ignored); name it or start it with '#! kind=...'");
    }
    dyad_mem_free(&d->mem, L.toks.v, L.toks.cap * sizeof *L.toks.v);
    dyad_mem_free(&d->mem, L.files, L.cfiles * sizeof *L.files);
    if (rc == DYAD_ENOMEM) goto oom;
    if (rc) return rc;
    if (d->npatterns) qsort(d->patterns, d->npatterns, sizeof *d->patterns, cmp_pattern);
    if (d->nrates) qsort(d->rates, d->nrates, sizeof *d->rates, cmp_rate);
    for (size_t i = 0; i < d->npatterns; i++) {
        dyad_lemma *lm = &d->lemmas[d->patterns[i].lemma];
        if (!lm->n) lm->first = (uint32_t)i;
        lm->n++;
        if (lm->op_pattern < 0 && d->patterns[i].op) lm->op_pattern = (int32_t)i;
        if ((d->patterns[i].flags & PF_VADJ) && d->patterns[i].npre) lm->vadj = 1;
    }
    if (fuzzy_names(d)) goto oom;
    if (d->check) check_entries(d);
    if (d->check && d->problems) {
        snprintf(d->err, sizeof d->err, "%d problem(s) found", d->problems);
        return DYAD_EDICT;
    }
    return DYAD_OK;
oom:
    snprintf(d->err, sizeof d->err, "out of memory while loading dictionaries");
    return DYAD_ENOMEM;
}

const char *dyad_dict_errmsg(const dyad_dict *d) {
    return d ? d->err : "out of memory";
}

void dyad_dict_free(dyad_dict *d) {
    if (!d) return;
    dyad_mem m = d->mem;
    dyad_counts_free(d->counts);
    dyad_lex_free(&d->lex);
    dyad_trie_free(&d->trie);
    dyad_morph_free(&d->morph);
    dyad_arena_free(&d->strings);
    dyad_mem_free(&m, d->actors, d->cactors * sizeof *d->actors);
    dyad_mem_free(&m, d->patterns, d->cpatterns * sizeof *d->patterns);
    dyad_mem_free(&m, d->elems, d->celems * sizeof *d->elems);
    dyad_mem_free(&m, d->alts, d->calts * sizeof *d->alts);
    dyad_mem_free(&m, d->lemmas, d->clemmas * sizeof *d->lemmas);
    dyad_mem_free(&m, d->sets, d->csets * sizeof *d->sets);
    dyad_mem_free(&m, d->cameo, d->ccameo * sizeof *d->cameo);
    dyad_mem_free(&m, d->numbers, d->cnumbers * sizeof *d->numbers);
    dyad_mem_free(&m, d->currencies, d->ccurrencies * sizeof *d->currencies);
    dyad_mem_free(&m, d->rates, d->crates * sizeof *d->rates);
    dyad_mem_free(&m, d->fuzzy, d->cfuzzy * sizeof *d->fuzzy);
    dyad_mem_free(&m, d, sizeof *d);
}

void dyad_dict_stats_get(const dyad_dict *d, dyad_dict_stats *s) {
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < d->nactors; i++) {
        if (d->actors[i].type == AT_AGENT) s->agents++; else s->actors++;
    }
    s->files = d->files;
    s->verb_patterns = d->npatterns;
    s->verb_lemmas = d->nlemmas;
    s->verb_forms = d->forms;
    s->codes = d->ncameo;
    s->words = d->lex.n - 1;
    s->trie_nodes = d->trie.nnodes;
}

int dyad_dict_cameo(const dyad_dict *d, const char *code, const char **label, double *goldstein,
                    int *quad_class) {
    const dyad_cameo *c = dyad_dict_code(d, code);
    if (!c) return 0;
    if (label) *label = c->label;
    if (goldstein) *goldstein = c->goldstein;
    if (quad_class) {
        int root = atoi((char[3]){c->code[0], c->code[1], 0});
        *quad_class = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    }
    return 1;
}

/* ---- lookup --------------------------------------------------------------------------------- */

static const char *const kind_names[] = {NULL, "actor", "word set", "phrase", "currency", "scale", "number"};

int dyad_dict_lookup(const dyad_dict *d, const char *phrase, void (*out)(void *ud, const char *line), void *ud) {
    dyad_mem mem = d->mem;
    dyad_toks toks = {NULL, 0, 0, &mem};
    if (dyad_tokenize(phrase, 0, strlen(phrase), &toks)) return DYAD_ENOMEM;
    int lines = 0;
    char buf[1024];
    uint32_t node = 0;
    for (size_t i = 0; i < toks.n && (i == 0 || node); i++) {
        char low[256];
        size_t ln = dyad_lower(phrase + toks.v[i].off, toks.v[i].len, low, sizeof low);
        uint32_t id = dyad_lex_find(&d->lex, low, ln);
        node = id ? dyad_trie_step(&d->trie, node, id) : 0;
    }
    if (node)
        for (int32_t e = dyad_trie_first(&d->trie, node); e >= 0; e = d->trie.entries[e].next) {
            const dyad_trie_entry *en = &d->trie.entries[e];
            if (en->kind == K_ACTOR) {
                const dyad_actor_ent *a = &d->actors[en->payload];
                char from[24] = "", until[24] = "";
                if (a->from > 0) snprintf(from, sizeof from, " from=%d", a->from);
                if (a->until < 99999999) snprintf(until, sizeof until, " until=%d", a->until);
                snprintf(buf, sizeof buf, "%s \"%s\": type=%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s (%s:%d)",
                         a->type == AT_AGENT ? "agent" : "actor", a->canon, type_names[a->type],
                         a->country[0] ? " country=" : "", a->country, a->org ? " org=" : "", a->org ? a->org : "",
                         a->sector[0] ? " sector=" : "", a->sector, a->code ? " code=" : "", a->code ? a->code : "",
                         a->role ? " role=" : "", a->role ? a->role : "", a->name ? " name=" : "", a->name ? a->name : "",
                         from, until, a->file, a->line);
            } else if (en->kind == K_SET) {
                snprintf(buf, sizeof buf, "in word set @%s", d->sets[en->payload]);
            } else if (en->kind == K_CURRENCY) {
                snprintf(buf, sizeof buf, "currency %s", d->currencies[en->payload].iso);
            } else {
                snprintf(buf, sizeof buf, "%s%s", en->kind < 7 ? kind_names[en->kind] : "entry",
                         en->kind == K_SCALE || en->kind == K_NUMBER ? "" : "");
            }
            out(ud, buf);
            lines++;
        }
    if (toks.n == 1) {
        char low[256];
        size_t ln = dyad_lower(phrase + toks.v[0].off, toks.v[0].len, low, sizeof low);
        uint32_t id = dyad_lex_find(&d->lex, low, ln);
        const dyad_word *w = &d->lex.words[id];
        if (id && w->lemma >= 0) {
            const dyad_lemma *lm = &d->lemmas[w->lemma];
            snprintf(buf, sizeof buf, "verb form of \"%s\": %u pattern(s)", d->lex.words[lm->word].s, lm->n);
            out(ud, buf);
            lines++;
            for (uint32_t i = 0; i < lm->n; i++) {
                const dyad_pattern *p = &d->patterns[lm->first + i];
                const dyad_cameo *c = dyad_dict_code(d, p->code);
                snprintf(buf, sizeof buf, "  %-5s %-50s %s (%s:%d)", p->code, p->text, c ? c->label : "", p->file, p->line);
                out(ud, buf);
                lines++;
            }
        }
    }
    dyad_mem_free(&mem, toks.v, toks.cap * sizeof *toks.v);
    return lines;
}
