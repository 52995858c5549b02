/* clean.c: stories, datelines and boilerplate (see clean.h). */
#include "clean.h"

void dyad_clean_init(dyad_clean *c, const dyad_mem *mem) {
    memset(c, 0, sizeof *c);
    c->mem = mem;
    c->toks.mem = mem;
}

void dyad_clean_free(dyad_clean *c) {
    dyad_mem_free(c->mem, c->stories, c->cstories * sizeof *c->stories);
    dyad_mem_free(c->mem, c->segs, c->csegs * sizeof *c->segs);
    dyad_mem_free(c->mem, c->toks.v, c->toks.cap * sizeof *c->toks.v);
    memset(c, 0, sizeof *c);
}

static int starts_ci(const char *s, size_t n, const char *p) {
    size_t k = strlen(p);
    return n >= k && dyad_strncaseeq(s, p, k);
}

static int tok_is(const char *text, const dyad_token *t, const char *w) {
    size_t n = strlen(w);
    return t->len == n && dyad_strncaseeq(text + t->off, w, n);
}

/* Credits and boilerplate that open a line. */
static const char *const credit_prefixes[] = {
    "translated by", "translated on", "translation by", "submitted by", "editing by", "reporting by",
    "writing by", "(reporting by", "additional reporting", "photo:", "photo by", "image:", "source:",
    "follow us", "share this", "click here", "subscribe", "read more", "read also", "see also",
    "related:", "related articles", "related stories", "tags:", "filed under", "advertisement",
    "note:", "disclaimer", "copyright", "all rights reserved", "\xC2\xA9", "(c) ", "posted by",
    "published by", "originally published", "this article", "comments", "leave a comment", NULL};

/* Phrases that mark a disclaimer wherever they stand in a line (each starts with a lower-case
 * letter: has_disclaimer). */
static const char *const disclaimer_phrases[] = {
    "all rights reserved", "of sole responsibility", "do not necessarily", "views expressed",
    "copyright owners", "terms of use", "privacy policy", "cookie", NULL};

/* Whether s[0..n) contains a disclaimer phrase, in any case. One pass over the line, trying at a
 * position only the phrases that start with its letter: this runs on the head of every line of
 * the corpus, and a search per phrase cost 3% of the coding time. */
static int has_disclaimer(const char *s, size_t n) {
    uint32_t firsts = 0;   /* the phrases' first letters, bit c - 'a' */
    for (int k = 0; disclaimer_phrases[k]; k++) firsts |= 1u << (disclaimer_phrases[k][0] - 'a');
    for (size_t i = 0; i < n; i++) {
        int c = dyad_tolower((unsigned char)s[i]);
        if (c < 'a' || c > 'z' || !((firsts >> (c - 'a')) & 1)) continue;
        for (int k = 0; disclaimer_phrases[k]; k++)
            if (disclaimer_phrases[k][0] == c && starts_ci(s + i, n - i, disclaimer_phrases[k])) return 1;
    }
    return 0;
}

enum { L_KEEP, L_DROP, L_SEPARATOR, L_DATELINE };

/* Classifies one line; toks are its tokens. For a dateline prefix, *cut is where the text
 * after it starts (else 0). */
static int classify(dyad_clean *c, const char *text, size_t s, size_t e, dyad_date ref,
                    dyad_date *date, size_t *cut) {
    const char *l = text + s;
    size_t n = e - s;
    const dyad_token *t = c->toks.v;
    size_t nt = c->toks.n;
    *cut = 0;
    size_t words = 0, letters1 = 0;
    int has_letter = 0;
    for (size_t i = 0; i < nt; i++) {
        if (t[i].flags & T_WORD) { words++; has_letter = 1; if (t[i].len == 1) letters1++; }
    }
    if (!has_letter) return L_DROP;                                   /* debris: ", , , ," */
    if (words >= 4 && letters1 * 4 >= words * 3) return L_SEPARATOR;  /* "R E L A T E D :" */
    if (starts_ci(l, n, "related") && n < 40) return L_SEPARATOR;
    for (int i = 0; credit_prefixes[i]; i++) if (starts_ci(l, n, credit_prefixes[i])) return L_DROP;
    /* a disclaimer says so early: only the head of a long paragraph is searched */
    if (has_disclaimer(l, n < 600 ? n : 600)) return L_DROP;
    char last = n ? l[n - 1] : 0;
    int terminal = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'';
    /* Byline: "By Elena Chernenko, Dushanbe; Ivan Safronov" */
    if (starts_ci(l, n, "by ") && words <= 10 && !terminal) return L_DROP;
    /* Label: "Kristina Rus:" */
    if (last == ':' && words <= 4) return L_DROP;
    /* Dates in the line's first dozen tokens. */
    dyad_date_expr de[4];
    size_t head = nt < 14 ? nt : 14;
    size_t nd = dyad_date_scan(text, t, head, ref, de, 4, NULL);
    for (size_t k = 0; k < nd; k++) {
        if (de[k].date.prec != DP_DAY) continue;
        /* A whole short line ending in a full date: "Radio of Armenia, 23 March 2015". */
        size_t b = de[k].b;
        int whole = b == nt || (b + 1 == nt && (t[b].flags & T_PUNCT));
        if (whole && nt <= 12 && !terminal && (de[k].flags & DF_ABSOLUTE)) { *date = de[k].date; return L_DATELINE; }
        /* A prefix may omit the year ("KABUL, Afghanistan (Dec. 21) -"): the reference gives it.
         * A prefix "(SFP 16/7/2014) ~ Text", "KABUL, Afghanistan (Jan. 25, 2013) Text",
         * "MOSCOW, April 3 (Reuters) - Text": only capitalised words, commas and brackets before
         * the date, and the text after a closing mark. */
        int ok = 1;
        for (size_t i = 0; i < de[k].a; i++) {
            const dyad_token *x = &t[i];
            if ((x->flags & T_WORD) && !(x->flags & T_CAP) && !tok_is(text, x, "of")) { ok = 0; break; }
        }
        if (!ok) continue;
        size_t j = b;
        if (j < nt && tok_is(text, &t[j], ")")) j++;
        if (j + 2 < nt && tok_is(text, &t[j], "(")) {     /* "(Reuters)", "(AP)", "(Example wire)" */
            size_t q = j + 1;
            while (q < nt && q < j + 6 && !tok_is(text, &t[q], ")")) q++;
            if (q < nt && tok_is(text, &t[q], ")")) j = q + 1;
        }
        if (j < nt && (tok_is(text, &t[j], "~") || tok_is(text, &t[j], "-") || tok_is(text, &t[j], ":") ||
                       tok_is(text, &t[j], "--")))
            j++;
        int bracketed = de[k].a > 0 && (tok_is(text, &t[de[k].a - 1], "(") || (de[k].a >= 2 && tok_is(text, &t[0], "(")));
        /* the dateline alone on its line, its mark after it: "KABUL, Afghanistan (July 31, 2011) –" */
        if (j == nt && j > b && bracketed && nt <= 14) { *date = de[k].date; return L_DATELINE; }
        /* a whole line "KABUL, Afghanistan (May 24)": the year comes from the reference */
        if (whole && bracketed && nt <= 12 && !terminal) { *date = de[k].date; return L_DATELINE; }
        if (j < nt && (j > b || bracketed) && j <= b + 8) {
            *date = de[k].date;
            *cut = t[j].off;
            return L_DATELINE;
        }
    }
    /* A fragment ending in a preposition ("The real SyrianFreePress.NETwork at"). */
    if (words < 8 && !terminal && nt && (t[nt - 1].flags & T_WORD)) {
        static const char *const preps[] = {"at", "on", "by", "from", "of", "in", "to", "via", NULL};
        for (int i = 0; preps[i]; i++) if (tok_is(text, &t[nt - 1], preps[i])) return L_DROP;
    }
    return L_KEEP;
}

/* Whether the line [a, b) goes on the sentence of the segment before it, the text being wrapped
 * at a width ("... killed a\nsuspected insurgent and detained ..."): the line right after it
 * (one line break between), which ends with no sentence's end, and this line opens in lower
 * case, or that one is long and ends with a comma or a lower-case word. Not a headline: those
 * are short, and end in a capitalised word ("Taliban Leader Captured in Kandahar"). */
static int wrapped(const char *text, const dyad_segment *pv, size_t a) {
    if (a <= pv->end) return 0;
    int nl = 0;
    for (size_t x = pv->end; x < a; x++) {
        if (text[x] == '\n') nl++;
        else if (text[x] != ' ') return 0;
    }
    if (nl != 1) return 0;
    char last = text[pv->end - 1];
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':' || last == ';') return 0;
    if (text[a] >= 'a' && text[a] <= 'z') return 1;
    if (pv->end - pv->start < 50) return 0;
    if (last == ',') return 1;
    size_t w = pv->end;
    while (w > pv->start && ((text[w - 1] >= 'a' && text[w - 1] <= 'z') || (text[w - 1] >= 'A' && text[w - 1] <= 'Z'))) w--;
    return w < pv->end && text[w] >= 'a' && text[w] <= 'z';
}

static int new_story(dyad_clean *c, dyad_date date) {
    if (DYAD_VEC_PUSH(c->mem, c->stories, c->nstories, c->cstories)) return -1;
    c->stories[c->nstories++] = (dyad_story){date, 0, 0};
    return 0;
}

int dyad_clean_run(dyad_clean *c, const char *text, size_t len, dyad_date doc_date) {
    c->nstories = c->nsegs = 0;
    c->dropped = 0;
    if (new_story(c, doc_date)) return -1;
    size_t story_segs = 0;   /* segments in the current story */
    size_t s = 0;
    while (s < len) {
        size_t e = s;
        while (e < len && text[e] != '\n') e++;
        size_t a = s, b = e;
        while (a < b && text[a] == ' ') a++;
        while (b > a && text[b - 1] == ' ') b--;
        if (b > a) {
            c->toks.n = 0;
            /* Only the head of a long line matters for classifying it. */
            size_t lim = b - a > 600 ? a + 600 : b;
            if (dyad_tokenize(text, a, lim, &c->toks)) return -1;
            dyad_date date = doc_date;
            size_t cut = 0;
            int k = classify(c, text, a, lim == b ? b : lim, doc_date, &date, &cut);
            if (k == L_SEPARATOR) {
                if (story_segs && new_story(c, doc_date)) return -1;
                story_segs = 0;
                c->dropped++;
            } else if (k == L_DROP) {
                c->dropped++;
            } else if (k == L_DATELINE) {
                dyad_story *st = &c->stories[c->nstories - 1];
                if (st->dated) {       /* a second dateline: a new story */
                    if (new_story(c, doc_date)) return -1;
                    story_segs = 0;
                    st = &c->stories[c->nstories - 1];
                }
                st->date = date;
                st->dated = 1;
                st->dateline = (uint32_t)a;
                if (cut) {
                    if (DYAD_VEC_PUSH(c->mem, c->segs, c->nsegs, c->csegs)) return -1;
                    c->segs[c->nsegs++] = (dyad_segment){(uint32_t)cut, (uint32_t)b, (uint32_t)(c->nstories - 1), 0};
                    story_segs++;
                } else c->dropped++;
            } else if (story_segs && c->segs[c->nsegs - 1].story == c->nstories - 1 &&
                       wrapped(text, &c->segs[c->nsegs - 1], a)) {
                c->segs[c->nsegs - 1].end = (uint32_t)b;      /* the sentence goes on */
                c->segs[c->nsegs - 1].flags &= ~(uint32_t)SEG_TITLE;
            } else {
                char last = text[b - 1];
                int terminal = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':';
                uint32_t flags = (!story_segs && !terminal) ? SEG_TITLE : 0;
                if (DYAD_VEC_PUSH(c->mem, c->segs, c->nsegs, c->csegs)) return -1;
                c->segs[c->nsegs++] = (dyad_segment){(uint32_t)a, (uint32_t)b, (uint32_t)(c->nstories - 1), flags};
                story_segs++;
            }
        }
        s = e + 1;
    }
    /* A trailing empty story (separator at the end) is dropped. */
    if (c->nstories > 1 && !story_segs) c->nstories--;
    return 0;
}
