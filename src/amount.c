/* amount.c: money expressions. */
#include "amount.h"

#include <stdlib.h>
#include "match.h"

int dyad_number(const char *s, size_t n, double *out) {
    char buf[64];
    size_t k = 0;
    if (!n || n >= sizeof buf) return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (dyad_isdigit((unsigned char)c) || c == '.') buf[k++] = c;
        else if (c == ',') {
            /* a thousands separator has three digits after it */
            if (!(i + 3 < n + 1 && i + 3 <= n && (i + 4 > n || !dyad_isdigit((unsigned char)s[i + 4])))) return -1;
        } else return -1;
    }
    buf[k] = 0;
    char *end;
    *out = strtod(buf, &end);
    return (*end || end == buf) ? -1 : 0;
}

static int word_is(const char *text, const dyad_token *t, const char *w) {
    size_t n = strlen(w);
    return t->len == n && dyad_strncaseeq(text + t->off, w, n);
}

static const char *const approx_words[] = {"about", "around", "nearly", "approximately", "some",
                                           "almost", "roughly", "over", "under", "than", "to", NULL};

static size_t number_at(const dyad_dict *d, const char *text, const dyad_token *t, size_t i, size_t b,
                        double *v) {
    if (t[i].flags & T_NUM) return dyad_number(text + t[i].off, t[i].len, v) == 0 ? 1 : 0;
    int32_t e;
    size_t n = dyad_match_kind_at(d, t, i, b, K_NUMBER, -1, &e);
    if (n) *v = d->numbers[d->trie.entries[e].payload];
    return n;
}

size_t dyad_money_scan(const dyad_dict *d, const char *text, const dyad_token *t, size_t a,
                       size_t b, dyad_money *out, size_t max) {
    size_t k = 0;
    int depth = 0;
    for (size_t i = a; i < b && k < max; i++) {
        if (t[i].len == 1 && text[t[i].off] == '(') { depth++; continue; }
        if (t[i].len == 1 && text[t[i].off] == ')') { if (depth) depth--; continue; }
        /* only a number, a number word or a currency can start a sum */
        if (!(t[i].flags & T_NUM) && !(d->lex.words[t[i].id].flags & W_MONEY)) continue;
        int32_t ce = -1;
        size_t start = i, j = i;
        double v = 0;
        char cur[4] = {0};
        size_t cl = dyad_match_kind_at(d, t, i, b, K_CURRENCY, -1, &ce);
        if (cl && j + cl < b) {                         /* symbol first: $70 billion */
            size_t nl = number_at(d, text, t, j + cl, b, &v);
            if (!nl) continue;
            memcpy(cur, d->currencies[d->trie.entries[ce].payload].iso, 4);
            j += cl + nl;
        } else {
            size_t nl = number_at(d, text, t, j, b, &v);
            if (!nl) continue;
            j += nl;
        }
        int32_t se;
        size_t sl = j < b ? dyad_match_kind_at(d, t, j, b, K_SCALE, -1, &se) : 0;
        if (sl) { v *= d->numbers[d->trie.entries[se].payload]; j += sl; }
        if (!cur[0]) {
            cl = j < b ? dyad_match_kind_at(d, t, j, b, K_CURRENCY, -1, &ce) : 0;
            if (!cl) { i = j - 1; continue; }
            memcpy(cur, d->currencies[d->trie.entries[ce].payload].iso, 4);
            j += cl;
        }
        /* "about $1.23 billion", "more than 40 billion rubles", "up to €3m" */
        int approx = 0;
        size_t s = start;
        if (s > a && (t[s - 1].flags & T_WORD)) {
            for (int q = 0; approx_words[q]; q++)
                if (word_is(text, &t[s - 1], approx_words[q])) { approx = 1; s--; break; }
            if (approx && s > a && (word_is(text, &t[s], "than") || word_is(text, &t[s], "to")) &&
                (word_is(text, &t[s - 1], "more") || word_is(text, &t[s - 1], "less") || word_is(text, &t[s - 1], "up")))
                s--;
        }
        out[k++] = (dyad_money){(uint32_t)s, (uint32_t)j, v, {cur[0], cur[1], cur[2], 0}, approx, depth > 0};
        i = j - 1;
    }
    return k;
}
