/* resolve.c: see resolve.h. */
#include "resolve.h"

#include <math.h>

void dyad_resolve_usd(const dyad_dict *d, dyad_evs *evs) {
    for (size_t i = 0; i < evs->n; i++) {
        const dyad_ev *a = &evs->v[i];
        if (!a->has_money || a->usd_src != 1 || !strcmp(a->money.currency, "USD") || a->money.value <= 0) continue;
        double rate = a->usd / a->money.value;
        for (size_t j = 0; j < evs->n; j++) {
            dyad_ev *b = &evs->v[j];
            if (b->has_money && b->usd < 0 && !strcmp(b->money.currency, a->money.currency)) {
                b->usd = b->money.value * rate;
                b->usd_src = 2;
            }
        }
    }
    /* Else the month's rate from the packaged series (rates.txt), at the event's date. */
    for (size_t j = 0; j < evs->n; j++) {
        dyad_ev *b = &evs->v[j];
        if (!b->has_money || b->usd >= 0 || b->date.prec < DP_YEAR) continue;
        int at = 0;
        double r = dyad_dict_rate(d, b->money.currency, b->date.y, b->date.prec >= DP_MONTH ? b->date.m : 7, &at);
        if (r > 0) {
            b->usd = b->money.value / r;
            b->usd_src = 3;
            b->rate = r;
            b->rate_month = at;
        }
    }
}

static int same_dyad(const dyad_ev *a, const dyad_ev *b) {
    const char *ka = a->src.country[0] ? a->src.country : (a->src.org ? a->src.org : "");
    const char *kb = b->src.country[0] ? b->src.country : (b->src.org ? b->src.org : "");
    const char *ta = a->tgt.country[0] ? a->tgt.country : (a->tgt.org ? a->tgt.org : "");
    const char *tb = b->tgt.country[0] ? b->tgt.country : (b->tgt.org ? b->tgt.org : "");
    return *ka && *ta && !strcmp(ka, kb) && !strcmp(ta, tb);
}

/* Aid and its promise are the same kind of event for figures: 03 (intent) and 07 (aid). */
static int same_kind(const char *x, const char *y) {
    int rx = (x[0] - '0') * 10 + (x[1] - '0'), ry = (y[0] - '0') * 10 + (y[1] - '0');
    if (rx == 3 || rx == 7) rx = 7;
    if (ry == 3 || ry == 7) ry = 7;
    return rx == ry;
}

static int disagree(const dyad_ev *a, const dyad_ev *b) {
    if (a->usd > 0 && b->usd > 0) {
        double r = a->usd > b->usd ? a->usd / b->usd : b->usd / a->usd;
        return r > 1.5;
    }
    return strcmp(a->money.currency, b->money.currency) != 0 &&
           fabs(a->money.value - b->money.value) <= 0.02 * fabs(a->money.value);
}

static int same_claim(const dyad_ev *a, const dyad_ev *b) {
    return !strcmp(a->money.currency, b->money.currency) &&
           fabs(a->money.value - b->money.value) <= 0.02 * fabs(a->money.value);
}

size_t dyad_resolve_conflicts(const dyad_evs *evs, dyad_conflict *out, size_t max) {
    size_t k = 0;
    for (size_t i = 0; i < evs->n && k < max; i++) {
        const dyad_ev *a = &evs->v[i];
        if (!a->has_money) continue;
        for (size_t j = i + 1; j < evs->n && k < max; j++) {
            const dyad_ev *b = &evs->v[j];
            if (!b->has_money || !same_dyad(a, b) || !same_kind(a->cameo, b->cameo) || !disagree(a, b)) continue;
            /* one record per pair of distinct claims */
            int seen = 0;
            for (size_t q = 0; q < k; q++) {
                const dyad_ev *x = &evs->v[out[q].i], *y = &evs->v[out[q].j];
                if (same_dyad(x, a) && ((same_claim(x, a) && same_claim(y, b)) || (same_claim(x, b) && same_claim(y, a)))) seen = 1;
            }
            if (!seen) out[k++] = (dyad_conflict){i, j};
        }
    }
    return k;
}
