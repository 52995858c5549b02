/* coder.c: the pipeline, in the order it runs on each document:
 *
 *   normalise (utf8.c) -> stories and segments (clean.c) -> tokens (token.c) -> lexicon ids
 *   -> sentences (split.c) -> for each sentence: dates (date.c), mentions and parse (match.c,
 *   parse.c), events (code.c) -> per document: USD and conflicts (resolve.c) -> records and
 *   JSON (emit.c) -> the caller's sink.
 *
 * A coder keeps its buffers between documents: once warm it allocates only when a document is
 * larger than any before it. */
#include <stdio.h>
#include <stdlib.h>
#include "clean.h"
#include "code.h"
#include "dict.h"
#include "emit.h"
#include "parse.h"
#include "records.h"
#include "resolve.h"
#include "split.h"
#include "token.h"
#include "utf8.h"

#define MAX_SENT_TOKENS 200

typedef struct sentinfo { uint32_t a, b, story; int title; } sentinfo;

struct dyad_coder {
    dyad_mem mem;
    const dyad_dict *d;
    char date[11];
    int stories, merge;
    dyad_norm norm;
    dyad_clean clean;
    dyad_toks toks, dtoks;       /* dtoks: a dateline's words, to find its place */
    dyad_ranges ranges;
    sentinfo *sents;
    size_t nsents, csents;
    dyad_sent sent;
    dyad_evs evs;
    dyad_memberships members;
    dyad_arena arena;
    dyad_buf json, tmp, explain;
    int heavy;                   /* the working memory is to be given back before the next document */
    dyad_coder_stats stats;
    char err[256];
};

/* The working memory of one document: it grows to the largest document coded, and goes back
 * to nothing after a document that failed (out of memory) or was larger than WORK_KEEP bytes, so
 * a long run's memory is bounded by its largest document, not kept at it. */
#define WORK_KEEP (4u << 20)
static void work_init(dyad_coder *c) {
    dyad_norm_init(&c->norm, &c->mem);
    dyad_clean_init(&c->clean, &c->mem);
    memset(&c->toks, 0, sizeof c->toks);
    memset(&c->dtoks, 0, sizeof c->dtoks);
    c->dtoks.mem = &c->mem;
    memset(&c->ranges, 0, sizeof c->ranges);
    memset(&c->evs, 0, sizeof c->evs);
    memset(&c->members, 0, sizeof c->members);
    c->sents = NULL;
    c->nsents = c->csents = 0;
    c->toks.mem = &c->mem;
    c->ranges.mem = &c->mem;
    dyad_sent_init(&c->sent, &c->mem);
    c->evs.mem = &c->mem;
    c->members.mem = &c->mem;
    dyad_arena_init(&c->arena, &c->mem, 1 << 16);
    dyad_buf_init(&c->json, &c->mem);
    dyad_buf_init(&c->tmp, &c->mem);
    dyad_buf_init(&c->explain, &c->mem);
    c->heavy = 0;
}
static void work_free(dyad_coder *c) {
    const dyad_mem *m = &c->mem;
    dyad_norm_free(&c->norm);
    dyad_clean_free(&c->clean);
    dyad_mem_free(m, c->toks.v, c->toks.cap * sizeof *c->toks.v);
    dyad_mem_free(m, c->dtoks.v, c->dtoks.cap * sizeof *c->dtoks.v);
    dyad_mem_free(m, c->ranges.v, c->ranges.cap * sizeof *c->ranges.v);
    dyad_mem_free(m, c->sents, c->csents * sizeof *c->sents);
    dyad_sent_free(&c->sent, m);
    dyad_mem_free(m, c->evs.v, c->evs.cap * sizeof *c->evs.v);
    dyad_mem_free(m, c->members.v, c->members.cap * sizeof *c->members.v);
    dyad_arena_free(&c->arena);
    dyad_buf_free(&c->json);
    dyad_buf_free(&c->tmp);
    dyad_buf_free(&c->explain);
}

int dyad_coder_new(dyad_coder **out, const dyad_dict *d, const dyad_code_options *opts) {
    *out = NULL;
    if (!d) return DYAD_EARG;
    dyad_coder *c = dyad_mem_calloc(&d->mem, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    c->mem = d->mem;
    c->d = d;
    if (opts && opts->date) snprintf(c->date, sizeof c->date, "%s", opts->date);
    c->stories = opts ? opts->stories : 0;
    c->merge = opts ? opts->merge : 0;
    work_init(c);
    *out = c;
    return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c) {
    if (!c) return;
    dyad_mem m = c->mem;
    work_free(c);
    dyad_mem_free(&m, c, sizeof *c);
}

const char *dyad_coder_errmsg(const dyad_coder *c) { return c ? c->err : "out of memory"; }
void dyad_coder_stats_get(const dyad_coder *c, dyad_coder_stats *out) { *out = c->stats; }

/* Lower-cases each token and looks it up; unknown words keep id 0. */
static void assign_ids(const dyad_dict *d, const char *text, dyad_token *t, size_t n) {
    char low[256];
    for (size_t i = 0; i < n; i++) {
        if (t[i].len >= sizeof low / 2) { t[i].id = 0; continue; }
        /* An ASCII token, nearly every one, is lower-cased and hashed in one pass (this runs
         * on every token of the corpus); any other goes through dyad_lower. */
        const unsigned char *w = (const unsigned char *)text + t[i].off;
        uint32_t h = DYAD_HASH_INIT;
        size_t k = 0;
        for (; k < t[i].len && w[k] < 0x80; k++) {
            unsigned char c = (unsigned char)dyad_tolower(w[k]);
            low[k] = (char)c;
            h = dyad_hash_byte(h, c);
        }
        if (k == t[i].len) { t[i].id = dyad_lex_find_hashed(&d->lex, low, k, h); continue; }
        size_t ln = dyad_lower(text + t[i].off, t[i].len, low, sizeof low);
        t[i].id = dyad_lex_find(&d->lex, low, ln);
    }
}

static int32_t ymd(dyad_date d) { return d.prec == DP_DAY ? d.y * 10000 + d.m * 100 + d.d : d.prec == DP_MONTH ? d.y * 10000 + d.m * 100 + 15 : d.prec == DP_YEAR ? d.y * 10000 + 701 : 0; }

/* The sentence's event date: its first date outside brackets that dates no noun (date.h's
 * DF_MODIFIER), else the story's. *own says whether the sentence gave one (may be NULL). The
 * dates found go to de[0..*nde) when de is not NULL (room for 8). */
static dyad_date sentence_date(const char *text, const dyad_token *t, uint32_t a, uint32_t b, dyad_date story,
                               const dyad_lex *lx, int *own, dyad_date_expr *de, size_t *nde) {
    dyad_date_expr local[8];
    if (!de) de = local;
    size_t n = dyad_date_scan(text, t + a, b - a, story, de, 8, lx);
    if (nde) *nde = n;
    if (own) *own = 0;
    for (size_t i = 0; i < n; i++)
        if (!(de[i].flags & (DF_PAREN | DF_MODIFIER))) { if (own) *own = 1; return de[i].date; }
    return story;
}

/* A report's narrative time: once a sentence dates what happened to a day near the story's date
 * ("... detained two men in Khost yesterday."), the sentences after it that give no date of their
 * own tell the same incident ("During the search the force seized a cache."), so they take that
 * day rather than the story's. A date more than a month before the story is history, not the
 * incident, and a later one a plan: neither carries forward, and after one the sentences
 * without a date are the story's again. */
static int narrative_day(dyad_date d, dyad_date story) {
    if (d.prec != DP_DAY || story.prec != DP_DAY) return 0;
    long gap = dyad_days(story.y, story.m, story.d) - dyad_days(d.y, d.m, d.d);
    return gap >= 0 && gap <= 31;
}

/* The value of the n ASCII digits at s; -1 if any is not a digit ("4,67" is a number token too). */
static int digits(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!dyad_isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The flags of the tokens t[a, b) together: whether a date expression has a number, a word. */
static unsigned span_flags(const dyad_token *t, size_t a, size_t b) {
    unsigned f = 0;
    for (size_t i = a; i < b; i++) f |= t[i].flags;
    return f;
}

/* A document without a date often says it near its top: "Operational Update, March 12, 2011",
 * a release number "2011-03-S-038", a dateline. The first absolute date (or year and month) in
 * its first lines then anchors datelines without a year ("KABUL, Afghanistan (Dec. 21)"). */
static dyad_date guess_date(dyad_coder *c, const char *text, size_t len) {
    dyad_date none = {0, 0, 0, DP_NONE};
    size_t head = len < 1200 ? len : 1200;
    while (head < len && head > 0 && ((unsigned char)text[head] & 0xC0) == 0x80) head--;
    c->toks.n = 0;
    if (dyad_tokenize(text, 0, head, &c->toks)) return none;
    dyad_date_expr de[16];
    size_t n = dyad_date_scan(text, c->toks.v, c->toks.n, none, de, 16, NULL);
    dyad_date best = none;
    size_t at = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if ((de[i].flags & DF_ABSOLUTE) && de[i].date.prec >= DP_MONTH) { best = de[i].date; at = de[i].a; break; }
    /* "2011-03-S-038": a year and a month joined by hyphens; the earlier of the two wins, but a
     * day of that month or the next after it says more ("2011-01-S-131 ... KABUL, Afghanistan
     * (Jan. 12, 2011)") */
    const dyad_token *t = c->toks.v;
    for (size_t i = 0; i + 2 < c->toks.n && i < at; i++) {
        if (!(t[i].flags & T_NUM) || t[i].len != 4 || !(t[i + 2].flags & T_NUM) || t[i + 2].len != 2) continue;
        if (t[i + 1].len != 1 || text[t[i + 1].off] != '-' || (t[i + 1].flags & T_SPACE)) continue;
        /* the text is not NUL-terminated: read exactly the token's digits, never atoi */
        int y = digits(text + t[i].off, 4), m = digits(text + t[i + 2].off, 2);
        if (y < 1900 || y > 2100 || m < 1 || m > 12) continue;
        int months = (best.y - y) * 12 + (best.m - m);
        if (best.prec == DP_DAY && months >= 0 && months <= 1) return best;
        /* a day with no year near it, of that month or the next, says which day: "June 17:
         * Afghan-ISAF Operations ... 2010-06-CA-063", "IJC Operational Update, July 16 ...
         * 2010-07-CA-097" (not a period's start: "since July 1") */
        dyad_date ref = {y, m, 15, DP_DAY};
        size_t nd = dyad_date_scan(text, t, c->toks.n, ref, de, 16, NULL);
        for (size_t k = 0; k < nd && de[k].a < i + 40; k++) {
            const dyad_date_expr *e = &de[k];
            if ((e->flags & (DF_ABSOLUTE | DF_MODIFIER | DF_PAREN)) || e->date.prec != DP_DAY) continue;
            unsigned f = span_flags(t, e->a, e->b);
            int later = (e->date.y - y) * 12 + (e->date.m - m);
            if ((f & T_NUM) && (f & T_WORD) && later >= 0 && later <= 1) return e->date;
        }
        return (dyad_date){y, m, 0, DP_MONTH};
    }
    /* "KABUL, Afghanistan (Jan. 13) ... an attack in June 2011": a month the story mentions is
     * past, so a day with no year above it (its dateline) is on or after it: 2012-01-13 */
    if (best.prec == DP_MONTH && at != SIZE_MAX) {
        dyad_date ref = {best.y, best.m, 1, DP_DAY};
        n = dyad_date_scan(text, c->toks.v, c->toks.n, ref, de, 16, NULL);
        for (size_t i = 0; i < n && de[i].a < at; i++) {
            if ((de[i].flags & DF_ABSOLUTE) || de[i].date.prec != DP_DAY) continue;
            if (!(span_flags(t, de[i].a, de[i].b) & T_NUM)) continue;   /* "yesterday", "Monday" */
            dyad_date d = de[i].date;
            d.y = best.y + (d.m < best.m);
            return d;
        }
    }
    return best;
}

/* Normalise, clean, tokenize and split: fills c->toks and c->sents. */
static int prepare(dyad_coder *c, const char *text, size_t len, dyad_date docdate) {
    if (dyad_norm_run(&c->norm, text, len)) return DYAD_ENOMEM;
    const char *s = c->norm.out.data ? c->norm.out.data : "";
    size_t n = c->norm.out.len;
    c->stats.bad_utf8 += c->norm.bad;
    if (dyad_clean_run(&c->clean, s, n, docdate)) return DYAD_ENOMEM;
    c->toks.n = 0;
    c->nsents = 0;
    for (size_t g = 0; g < c->clean.nsegs; g++) {
        const dyad_segment *sg = &c->clean.segs[g];
        size_t from = c->toks.n;
        if (dyad_tokenize(s, sg->start, sg->end, &c->toks)) return DYAD_ENOMEM;
        assign_ids(c->d, s, c->toks.v + from, c->toks.n - from);
        c->ranges.n = 0;
        if (dyad_split(s, c->toks.v, from, c->toks.n, &c->d->lex, MAX_SENT_TOKENS, &c->ranges)) return DYAD_ENOMEM;
        for (size_t r = 0; r < c->ranges.n; r++) {
            if (DYAD_VEC_PUSH(&c->mem, c->sents, c->nsents, c->csents)) return DYAD_ENOMEM;
            c->sents[c->nsents++] = (sentinfo){c->ranges.v[r].a, c->ranges.v[r].b, sg->story, (sg->flags & SEG_TITLE) != 0};
        }
    }
    c->stats.tokens += c->toks.n;
    c->stats.sentences += c->nsents;
    c->stats.stories += c->clean.nstories;
    return DYAD_OK;
}

/* The place a story's dateline names ("KABUL, Afghanistan (Jan. 25, 2013)", "DUSHANBE, April
 * 2"): its first words, when they are a city, capital or region; NULL otherwise. */
static const dyad_actor_ent *dateline_place(dyad_coder *c, uint32_t story) {
    const dyad_story *st = &c->clean.stories[story];
    const char *s = c->norm.out.data;
    size_t len = c->norm.out.len;
    if (!st->dated || !s || st->dateline >= len) return NULL;
    size_t end = st->dateline;
    while (end < len && end - st->dateline < 64 && s[end] != ',' && s[end] != '(' && s[end] != '\n') end++;
    c->dtoks.n = 0;
    if (end == st->dateline || dyad_tokenize(s, st->dateline, end, &c->dtoks) || !c->dtoks.n) return NULL;
    assign_ids(c->d, s, c->dtoks.v, c->dtoks.n);
    int32_t e = -1;
    size_t n = dyad_match_kind_at(c->d, c->dtoks.v, 0, c->dtoks.n, K_ACTOR, -1, &e);
    if (!n || n != c->dtoks.n || e < 0) return NULL;   /* the whole name before the comma */
    const dyad_actor_ent *o = &c->d->actors[c->d->trie.entries[e].payload];
    return o->type == AT_CITY || o->type == AT_CAPITAL || o->type == AT_REGION ? o : NULL;
}

static int code_all(dyad_coder *c) {
    const char *s = c->norm.out.data ? c->norm.out.data : "";
    c->evs.n = 0;
    c->members.n = 0;
    dyad_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    uint32_t story = UINT32_MAX;
    dyad_date told = {0, 0, 0, DP_NONE};           /* the story's narrative day, once given */
    for (size_t i = 0; i < c->nsents; i++) {
        const sentinfo *si = &c->sents[i];
        if (si->story != story) {
            memset(&ctx, 0, sizeof ctx);
            story = si->story;
            ctx.place = dateline_place(c, story);   /* until the story names a place of its own */
            ctx.place_dateline = ctx.place != NULL;
            told.prec = DP_NONE;
        }
        dyad_date sd = c->clean.stories[si->story].date;
        int own = 0;
        dyad_date_expr de[8];
        size_t nde = 0;
        dyad_date date = si->title ? sd : sentence_date(s, c->toks.v, si->a, si->b, sd, &c->d->lex, &own, de, &nde);
        ctx.dates = de;
        ctx.ndates = nde;
        if (own) told = narrative_day(date, sd) ? date : (dyad_date){0, 0, 0, DP_NONE};
        else if (told.prec == DP_DAY) date = told;
        int32_t when = ymd(date) ? ymd(date) : ymd(sd);
        c->sent.aliases = &ctx.aliases;
        if (dyad_parse(&c->sent, c->d, s, c->toks.v, si->a, si->b, when)) return DYAD_ENOMEM;
        size_t before = c->evs.n;
        if (dyad_code_memberships(&c->sent, &ctx, si->story, (uint32_t)i, &c->members)) return DYAD_ENOMEM;
        int failed = dyad_code_sentence(&c->sent, &ctx, date, si->story, (uint32_t)i, &c->evs);
        ctx.dates = NULL;   /* this sentence's, on the stack */
        ctx.ndates = 0;
        c->sent.aliases = NULL;   /* ctx's, on the stack */
        if (failed) return DYAD_ENOMEM;
        for (size_t e = before; e < c->evs.n; e++) c->evs.v[e].headline = si->title;
    }
    dyad_resolve_usd(c->d, &c->evs);
    return DYAD_OK;
}

/* ---- records -------------------------------------------------------------------------------- */

static const char *dup(dyad_coder *c, const char *s, size_t n) {
    return dyad_arena_strndup(&c->arena, s, n);
}

static const char *span_text(dyad_coder *c, uint32_t a, uint32_t b) {
    if (b <= a) return NULL;
    const dyad_token *t = c->toks.v;
    const char *s = c->norm.out.data;
    uint32_t x = a, y = b;
    /* drop quotes around a name */
    while (x < y && t[x].len == 1 && s[t[x].off] == '"') x++;
    while (y > x && t[y - 1].len == 1 && s[t[y - 1].off] == '"') y--;
    if (y <= x) return NULL;
    return dup(c, s + t[x].off, t[y - 1].off + t[y - 1].len - t[x].off);
}

static void fill_actor(dyad_coder *c, const dyad_av *v, dyad_actor *a) {
    memset(a, 0, sizeof *a);
    if (!v->b && !v->country[0] && !v->org) return;
    a->text = span_text(c, v->a, v->b);
    char code[48];
    dyad_av_code(v, code, sizeof code);
    /* PETRARCH writes an agent with no country as "---GOV" (its null actor, then the agent) */
    if (c->d->petrarch && !v->country[0] && !v->org && v->sector[0] && !(v->xcode && v->xcode[0]))
        snprintf(code, sizeof code, "---%s", v->sector);
    if (code[0]) a->code = dup(c, code, strlen(code));
    if (v->country[0]) a->country = dup(c, v->country, 3);
    a->org = v->org;
    if (v->sector[0]) a->sector = dup(c, v->sector, 3);
    a->name = v->name;
    a->role = v->role;
}

static const char *const mode_names[] = {"actual", "intent", "negated", "hypothetical", "reported"};

static void sentence_span(dyad_coder *c, uint32_t a, uint32_t b, size_t span[2], const char **text) {
    const dyad_token *t = c->toks.v;
    size_t s = t[a].off, e = t[b - 1].off + t[b - 1].len;
    span[0] = c->norm.map[s];
    span[1] = c->norm.map[e];
    *text = dup(c, c->norm.out.data + s, e - s);
}

/* Two reports of one event: the same parties, the same kind of act (an aid and its promise are
 * one kind), the same mode family, and dates that agree at the coarser precision. */
static int party_eq(const dyad_av *x, const dyad_av *y) {
    if (x->country[0] || y->country[0]) return !strcmp(x->country, y->country) && !strcmp(x->sector, y->sector);
    if (x->org || y->org) return x->org && y->org && !strcmp(x->org, y->org);
    return !strcmp(x->sector, y->sector);
}
static int same_event(const dyad_ev *a, const dyad_ev *b) {
    if (!party_eq(&a->src, &b->src) || !party_eq(&a->tgt, &b->tgt)) return 0;
    int ra = (a->cameo[0] - '0') * 10 + (a->cameo[1] - '0'), rb = (b->cameo[0] - '0') * 10 + (b->cameo[1] - '0');
    if (ra == 3) ra = 7;
    if (rb == 3) rb = 7;
    if (ra != rb || (a->mode == MODE_NEGATED) != (b->mode == MODE_NEGATED) || a->tally != b->tally) return 0;
    int p = a->date.prec < b->date.prec ? a->date.prec : b->date.prec;
    if (p >= DP_YEAR && a->date.y != b->date.y) return 0;
    if (p >= DP_MONTH && a->date.m != b->date.m) return 0;
    if (p >= DP_DAY && a->date.d != b->date.d) return 0;
    return 1;
}

/* A hash of what same_event() compares exactly, the signature the store indexes too (records.h
 * dyad_event_key): events it calls the same fall in one bucket. */
static uint32_t event_key(const dyad_ev *e) {
    char key[192];
    const dyad_av *a = &e->src, *b = &e->tgt;
    dyad_event_key((dyad_party){a->country, a->org, a->sector}, (dyad_party){b->country, b->org, b->sector}, e->cameo,
                   (e->mode == MODE_NEGATED) | (e->tally ? 2 : 0), key, sizeof key);
    return dyad_hash(key, strlen(key), 0);
}

/* With --merge a cluster's first record stands for all its reports, so its counts become the
 * cluster's: the largest figure of the reports that restate it, plus those of further people
 * (counts_added: "two more were detained"). Events come in document order, a cluster's first
 * before its others. */
static void merge_counts(dyad_record *recs, const size_t *root, size_t n) {
    for (size_t i = 0; i < n; i++) {
        dyad_record *h = &recs[root[i]], *r = &recs[i];
        if (h == r) continue;
        double *hv[5] = {&h->dead, &h->injured, &h->arrested, &h->size, &h->displaced};
        const double rv[5] = {r->dead, r->injured, r->arrested, r->size, r->displaced};
        for (int k = 0; k < 5; k++) {
            if (rv[k] < 0) continue;
            if (*hv[k] < 0) *hv[k] = rv[k];
            else if (r->counts_added) *hv[k] += rv[k];
            else if (rv[k] > *hv[k]) *hv[k] = rv[k];
        }
    }
}

/* Several reports of one event: each event joins the cluster of the first earlier event that
 * same_event() matches, and the cluster's first report names it; every record then carries the
 * cluster's number of reports (mentions) and of stories (sources). Linear in the events (hash
 * buckets, then a sort of cluster-story pairs) but for the scan inside a bucket, which stops at
 * MAX_SCAN candidates: a document repeating one dyad on many dates cannot make this quadratic. */
#define MAX_SCAN 256

static int by_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}
static int cluster_events(dyad_coder *c, dyad_record *recs) {
    size_t n = c->evs.n, nb = 16;
    if (!n) return 0;
    while (nb < 2 * n) nb *= 2;
    size_t *head = dyad_arena_alloc(&c->arena, nb * sizeof *head), *next = dyad_arena_alloc(&c->arena, n * sizeof *next),
           *root = dyad_arena_alloc(&c->arena, n * sizeof *root), *count = dyad_arena_alloc(&c->arena, n * sizeof *count);
    uint32_t *key = dyad_arena_alloc(&c->arena, n * sizeof *key);
    uint64_t *pairs = dyad_arena_alloc(&c->arena, n * sizeof *pairs);
    if (!head || !next || !root || !count || !key || !pairs) return DYAD_ENOMEM;
    for (size_t b = 0; b < nb; b++) head[b] = SIZE_MAX;
    size_t *tail = dyad_arena_alloc(&c->arena, nb * sizeof *tail);
    if (!tail) return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        key[i] = event_key(&c->evs.v[i]);
        size_t b = key[i] & (nb - 1), first = i, scanned = 0;
        for (size_t j = head[b]; j != SIZE_MAX && scanned < MAX_SCAN; j = next[j], scanned++)
            if (key[j] == key[i] && same_event(&c->evs.v[j], &c->evs.v[i])) { first = j; break; }
        root[i] = first == i ? i : root[first];
        count[i] = 0;
        next[i] = SIZE_MAX;   /* appended: a bucket's chain runs in document order */
        if (head[b] == SIZE_MAX) head[b] = i;
        else next[tail[b]] = i;
        tail[b] = i;
    }
    for (size_t i = 0; i < n; i++) {
        count[root[i]]++;
        pairs[i] = (uint64_t)root[i] << 32 | recs[i].story;
    }
    qsort(pairs, n, sizeof *pairs, by_u64);
    for (size_t i = 0; i < n; i++) next[i] = 0;   /* now: stories a cluster was reported in */
    for (size_t i = 0; i < n; i++)
        if (!i || pairs[i] != pairs[i - 1]) next[pairs[i] >> 32]++;
    for (size_t i = 0; i < n; i++) {
        recs[i].cluster = recs[root[i]].id;
        recs[i].mentions = (int)count[root[i]];
        recs[i].sources = (int)next[root[i]];
    }
    if (c->merge) merge_counts(recs, root, n);
    return 0;
}

static void event_id(dyad_coder *c, const char *doc, const dyad_ev *e, size_t k, char *out, size_t cap) {
    (void)c;
    snprintf(out, cap, "%s-%u-%u-%zu", doc, e->story, e->sentence, k);
}

static int emit_record(dyad_coder *c, dyad_record *r, dyad_sink sink, void *ud) {
    dyad_buf_clear(&c->json);
    dyad_emit_json(r, &c->json);
    if (c->json.oom) { snprintf(c->err, sizeof c->err, "out of memory"); return DYAD_ENOMEM; }
    r->json = c->json.data;
    return sink ? sink(ud, r) : 0;
}

static void build_event(dyad_coder *c, const dyad_doc *doc, const dyad_ev *e, size_t k, dyad_record *r) {
    const dyad_dict *d = c->d;
    memset(r, 0, sizeof *r);
    r->type = DYAD_REC_EVENT;
    char id[256];
    event_id(c, doc->id, e, k, id, sizeof id);
    r->id = dup(c, id, strlen(id));
    r->doc = doc->id;
    r->story = (int)e->story;
    r->sentence = (int)e->sentence;
    r->headline = e->headline;
    sentence_span(c, e->sa, e->sb, r->span, &r->text);
    char buf[11];
    dyad_date_format(e->date, buf);
    r->date = buf[0] ? dup(c, buf, strlen(buf)) : NULL;
    dyad_date_format(c->clean.stories[e->story].date, buf);
    r->story_date = buf[0] ? dup(c, buf, strlen(buf)) : NULL;
    fill_actor(c, &e->src, &r->source);
    fill_actor(c, &e->tgt, &r->target);
    if (e->attr.b || e->attr.country[0]) fill_actor(c, &e->attr, &r->attribution);
    r->cameo = dup(c, e->cameo, strlen(e->cameo));
    const dyad_cameo *cm = dyad_dict_code(d, e->cameo);
    if (cm) {
        r->cameo_label = cm->label;
        r->goldstein = cm->goldstein;
        dyad_dict_cameo(d, e->cameo, NULL, NULL, &r->quad_class);
        r->plover_event = cm->plover;
        r->plover_mode = cm->plover_mode;
        r->plover_context = cm->plover_context;
    }
    r->mode = mode_names[e->mode];
    r->dead = e->counts[1];
    r->injured = e->counts[2];
    r->arrested = e->counts[3];
    r->size = e->counts[4];
    r->displaced = e->counts[5];
    r->counts_added = e->counts_added;
    r->tally = e->tally;
    r->location = e->location;
    static const char *const from[] = {"sentence", "story", "dateline"};
    r->location_from = e->location ? from[e->loc_from] : NULL;
    r->location_country = e->loc_country[0] ? dup(c, e->loc_country, 3) : NULL;
    r->lat = r->lon = 999;
    if (e->place) {
        r->location_admin1 = e->place->admin1;
        r->lat = e->place->lat;
        r->lon = e->place->lon;
        r->geonames = e->place->geonames;
    }
    if (e->has_money) {
        r->amount.present = 1;
        r->amount.value = e->money.value;
        memcpy(r->amount.currency, e->money.currency, 4);
        r->amount.usd = e->usd;
        r->amount.usd_source = e->usd_src == 1 ? "text" : e->usd_src == 2 ? "derived" : e->usd_src == 3 ? "rate" : NULL;
        if (e->usd_src == 3) {
            char m[16];
            snprintf(m, sizeof m, "%04d-%02d", (e->rate_month / 100) % 10000, e->rate_month % 100);
            r->amount.rate = e->rate;
            r->amount.rate_date = dup(c, m, strlen(m));
        }
        r->amount.text = span_text(c, e->money.a, e->money.b);
    }
    /* evidence: the pattern, where it is written, and the words that fired */
    dyad_buf_clear(&c->tmp);
    const char *verb = span_text(c, e->verb, e->verb + 1);
    dyad_buf_printf(&c->tmp, "%s \"%s\" (%s:%d) on verb \"%s\"", e->pat->code, e->pat->text, e->pat->file,
                    e->pat->line, verb ? verb : "");
    if (r->source.text) dyad_buf_printf(&c->tmp, "; source \"%s\"", r->source.text);
    if (r->target.text) dyad_buf_printf(&c->tmp, "; target \"%s\"", r->target.text);
    if (e->mode_why) dyad_buf_printf(&c->tmp, "; %s", e->mode_why);
    static const char *const kinds[] = {"", "dead", "injured", "arrested", "size", "displaced"};
    for (int q = 1; q < 6; q++)
        if (e->counts[q] >= 0) {
            const char *w = span_text(c, e->count_a[q], e->count_b[q]);
            dyad_buf_printf(&c->tmp, "; %s %.0f from \"%s\"", kinds[q], e->counts[q], w ? w : "");
        }
    if (strcmp(e->cameo, e->pat->code)) dyad_buf_printf(&c->tmp, " -> %s", e->cameo);
    r->evidence = dup(c, c->tmp.data ? c->tmp.data : "", c->tmp.len);
}

static int code_doc(dyad_coder *c, const dyad_doc *doc, dyad_sink sink, void *ud);

int dyad_coder_code(dyad_coder *c, const dyad_doc *doc, dyad_sink sink, void *ud) {
    if (c->heavy) {
        work_free(c);
        work_init(c);
    }
    c->heavy = 1;   /* until this document is done, and after it when it was large */
    int rc = code_doc(c, doc, sink, ud);
    if (!rc && doc->len <= WORK_KEEP) c->heavy = 0;
    return rc;
}

static int code_doc(dyad_coder *c, const dyad_doc *doc, dyad_sink sink, void *ud) {
    dyad_arena_reset(&c->arena);
    c->stats.docs++;
    c->stats.bytes += doc->len;
    dyad_date docdate = {0, 0, 0, DP_NONE};
    if (doc->date && dyad_date_parse_iso(doc->date, &docdate)) docdate.prec = DP_NONE;
    if (docdate.prec == DP_NONE && c->date[0] && dyad_date_parse_iso(c->date, &docdate)) docdate.prec = DP_NONE;
    if (docdate.prec == DP_NONE) docdate = guess_date(c, doc->text ? doc->text : "", doc->len);
    int rc = prepare(c, doc->text ? doc->text : "", doc->len, docdate);
    if (!rc) rc = code_all(c);
    if (rc) { snprintf(c->err, sizeof c->err, "%s: out of memory", doc->id ? doc->id : "document"); return rc; }
    dyad_doc named = *doc;
    if (!named.id) named.id = "doc";
    if (c->stories) {
        for (size_t i = 0; i < c->clean.nstories; i++) {
            dyad_record r;
            memset(&r, 0, sizeof r);
            r.type = DYAD_REC_STORY;
            r.doc = named.id;
            r.story = (int)i;
            char buf[11];
            dyad_date_format(c->clean.stories[i].date, buf);
            r.story_date = dup(c, buf, strlen(buf));
            for (size_t k = 0; k < c->nsents; k++)
                if (c->sents[k].story == i) { sentence_span(c, c->sents[k].a, c->sents[k].b, r.span, &r.text); break; }
            if ((rc = emit_record(c, &r, sink, ud))) return rc;
        }
    }
    dyad_record *recs = c->evs.n ? dyad_arena_alloc(&c->arena, c->evs.n * sizeof *recs) : NULL;
    if (c->evs.n && !recs) return DYAD_ENOMEM;
    /* the k-th event of its sentence: events come sentence by sentence */
    for (size_t i = 0, k = 0; i < c->evs.n; i++) {
        k = i && c->evs.v[i - 1].sentence == c->evs.v[i].sentence ? k + 1 : 0;
        build_event(c, &named, &c->evs.v[i], k, &recs[i]);
    }
    if ((rc = cluster_events(c, recs))) return rc;
    for (size_t i = 0; i < c->evs.n; i++) {
        if (c->merge && recs[i].cluster != recs[i].id) continue;
        c->stats.events++;
        if ((rc = emit_record(c, &recs[i], sink, ud))) return rc;
    }
    dyad_conflict cf[32];
    size_t ncf = dyad_resolve_conflicts(&c->evs, cf, 32);
    for (size_t q = 0; q < ncf; q++) {
        const dyad_record *x = &recs[cf[q].i], *y = &recs[cf[q].j];
        dyad_claim *cl = dyad_arena_alloc(&c->arena, 2 * sizeof *cl);
        if (!cl) return DYAD_ENOMEM;
        const dyad_record *two[2] = {x, y};
        memset(cl, 0, 2 * sizeof *cl);
        for (int k = 0; k < 2; k++) {
            cl[k].value = two[k]->amount.value;
            cl[k].usd = two[k]->amount.usd;
            memcpy(cl[k].currency, two[k]->amount.currency, 4);
            cl[k].text = two[k]->amount.text;
            cl[k].event = two[k]->id;
            cl[k].sentence = two[k]->text;
            cl[k].span[0] = two[k]->span[0];
            cl[k].span[1] = two[k]->span[1];
        }
        dyad_record r;
        memset(&r, 0, sizeof r);
        r.type = DYAD_REC_CONFLICT;
        char id[256];
        snprintf(id, sizeof id, "%s-conflict-%zu", named.id, q);
        r.id = dup(c, id, strlen(id));
        r.doc = named.id;
        r.story = x->story;
        r.kind = "amount";
        r.source = x->source;
        r.target = x->target;
        r.cameo = x->cameo;
        r.claims = cl;
        r.nclaims = 2;
        c->stats.conflicts++;
        if ((rc = emit_record(c, &r, sink, ud))) return rc;
    }
    /* statements of one organisation's members that disagree */
    size_t nconf = ncf;
    for (size_t i = 0; i < c->members.n; i++)
        for (size_t j = i + 1; j < c->members.n; j++) {
            const dyad_membership *x = &c->members.v[i], *y = &c->members.v[j];
            if (strcmp(x->org, y->org) || !strcmp(x->members, y->members)) continue;
            int seen = 0;    /* each pair of distinct lists once */
            for (size_t k = 0; k < i && !seen; k++)
                if (!strcmp(c->members.v[k].org, x->org) && !strcmp(c->members.v[k].members, x->members)) seen = 1;
            for (size_t k = i + 1; k < j && !seen; k++)
                if (!strcmp(c->members.v[k].org, y->org) && !strcmp(c->members.v[k].members, y->members)) seen = 1;
            if (seen) continue;
            dyad_claim *cl = dyad_arena_alloc(&c->arena, 2 * sizeof *cl);
            if (!cl) return DYAD_ENOMEM;
            const dyad_membership *two[2] = {x, y};
            for (int k = 0; k < 2; k++) {
                memset(&cl[k], 0, sizeof cl[k]);
                cl[k].usd = -1;
                cl[k].value = (double)((strlen(two[k]->members) + 1) / 4);
                cl[k].text = span_text(c, two[k]->a, two[k]->b);
                cl[k].members = dup(c, two[k]->members, strlen(two[k]->members));
                sentence_span(c, two[k]->sa, two[k]->sb, cl[k].span, &cl[k].sentence);
            }
            dyad_record r;
            memset(&r, 0, sizeof r);
            r.type = DYAD_REC_CONFLICT;
            char id[256];
            snprintf(id, sizeof id, "%s-conflict-%zu", named.id, nconf++);
            r.id = dup(c, id, strlen(id));
            r.doc = named.id;
            r.story = (int)x->story;
            r.kind = "membership";
            r.source.text = x->org;
            r.source.org = x->org;
            r.source.code = x->org;
            r.claims = cl;
            r.nclaims = 2;
            c->stats.conflicts++;
            if ((rc = emit_record(c, &r, sink, ud))) return rc;
        }
    return DYAD_OK;
}

/* ---- explain -------------------------------------------------------------------------------- */

static int explain_sink(void *ud, const dyad_record *r) {
    dyad_coder *c = ud;
    dyad_buf_printf(&c->explain, "event: %s %s -> %s  cameo %s (%s)  mode %s  date %s\n       evidence: %s\n",
                    r->source.code ? r->source.code : "-", r->source.text ? r->source.text : "",
                    r->target.code ? r->target.code : "-", r->cameo, r->cameo_label ? r->cameo_label : "",
                    r->mode, r->date ? r->date : "-", r->evidence ? r->evidence : "");
    return 0;
}

int dyad_coder_explain(dyad_coder *c, const char *sentence, const char *date, const char **out) {
    dyad_buf_clear(&c->explain);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "explain";
    doc.text = sentence;
    doc.len = strlen(sentence);
    doc.date = date;
    dyad_date docdate = {0, 0, 0, DP_NONE};
    if (date) dyad_date_parse_iso(date, &docdate);
    int rc = prepare(c, sentence, doc.len, docdate);
    if (rc) return rc;
    const char *s = c->norm.out.data ? c->norm.out.data : "";
    const dyad_dict *d = c->d;
    dyad_aliases al;   /* what the coder's story context keeps of them: "the force" */
    uint32_t story = UINT32_MAX;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentinfo *si = &c->sents[i];
        if (si->story != story) { memset(&al, 0, sizeof al); story = si->story; }
        dyad_buf_printf(&c->explain, "sentence %zu (story %u):\n  tokens:", i, si->story);
        for (uint32_t k = si->a; k < si->b; k++) {
            const dyad_token *t = &c->toks.v[k];
            dyad_buf_printf(&c->explain, " %.*s", (int)t->len, s + t->off);
            const dyad_word *w = &d->lex.words[t->id];
            if (w->lemma >= 0) dyad_buf_printf(&c->explain, "/V:%s", d->lex.words[d->lemmas[w->lemma].word].s);
        }
        dyad_buf_adds(&c->explain, "\n");
        dyad_date sd = c->clean.stories[si->story].date;
        dyad_date dt = sentence_date(s, c->toks.v, si->a, si->b, sd, &c->d->lex, NULL, NULL, NULL);
        char db[11];
        dyad_date_format(dt, db);
        dyad_buf_printf(&c->explain, "  date: %s\n", db[0] ? db : "-");
        c->sent.aliases = &al;
        if (dyad_parse(&c->sent, d, s, c->toks.v, si->a, si->b, ymd(dt))) return DYAD_ENOMEM;
        c->sent.aliases = NULL;
        dyad_aliases_note(&c->sent, &al);
        for (size_t q = 0; q < c->sent.nnps; q++) {
            const dyad_np *np = &c->sent.nps[q];
            dyad_av v;
            dyad_av_from_np(&c->sent, np, &v);
            char code[48];
            dyad_av_code(&v, code, sizeof code);
            const dyad_token *ta = &c->toks.v[np->a], *tb = &c->toks.v[np->b - 1];
            dyad_buf_printf(&c->explain, "  actor: \"%.*s\" -> %s%s%s%s%s%s\n", (int)(tb->off + tb->len - ta->off), s + ta->off,
                            code[0] ? code : "?", np->loc ? " (place)" : "", np->by ? " (by)" : "",
                            np->next >= 0 ? " (and ...)" : "", np->pron ? " (pronoun)" : "",
                            np->coref ? " (named before)" : "");
        }
        for (size_t q = 0; q < c->sent.nanchors; q++) {
            const dyad_anchor *an = &c->sent.anchors[q];
            const dyad_token *t = &c->toks.v[an->tok];
            dyad_buf_printf(&c->explain, "  verb: \"%.*s\" lemma %s%s%s%s%s%s%s\n", (int)t->len, s + t->off,
                            d->lex.words[d->lemmas[an->lemma].word].s, an->passive ? " passive" : "",
                            an->neg ? " negated" : "", an->intent ? " intent" : "", an->hypo ? " hypothetical" : "",
                            an->governor >= 0 ? " governed" : "", an->governs ? " governs" : "");
        }
    }
    c->evs.n = 0;
    if ((rc = code_all(c))) return rc;
    dyad_arena_reset(&c->arena);
    for (size_t i = 0; i < c->evs.n; i++) {
        dyad_record r;
        build_event(c, &doc, &c->evs.v[i], i, &r);
        explain_sink(c, &r);
    }
    if (!c->evs.n) dyad_buf_adds(&c->explain, "no event\n");
    *out = c->explain.data ? c->explain.data : "";
    return c->explain.oom ? DYAD_ENOMEM : DYAD_OK;
}
