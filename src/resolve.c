/* resolve.c: see resolve.h. */
#include "resolve.h"

#include <math.h>

void dyad_resolve_usd(const dyad_dict *d, dyad_evs *evs) {
    /* A currency's rate is the first conversion the text gives for it; the other sums in that
     * currency take it. One pass to find the rates, one to apply them: linear in the events. */
    struct rate { const char *cur; double rate; } rates[16];
    size_t nr = 0;
    for (size_t i = 0; i < evs->n && nr < 16; i++) {
        const dyad_ev *a = &evs->v[i];
        if (!a->has_money || a->usd_src != 1 || !strcmp(a->money.currency, "USD") || a->money.value <= 0) continue;
        size_t q = 0;
        while (q < nr && strcmp(rates[q].cur, a->money.currency)) q++;
        if (q == nr) rates[nr++] = (struct rate){a->money.currency, a->usd / a->money.value};
    }
    for (size_t j = 0; j < evs->n && nr; j++) {
        dyad_ev *b = &evs->v[j];
        if (!b->has_money || b->usd >= 0) continue;
        for (size_t q = 0; q < nr; q++)
            if (!strcmp(b->money.currency, rates[q].cur)) {
                b->usd = b->money.value * rates[q].rate;
                b->usd_src = 2;
                break;
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

int dyad_amounts_disagree(double usd_a, const char *cur_a, double val_a, double usd_b, const char *cur_b, double val_b) {
    if (usd_a > 0 && usd_b > 0) {
        double r = usd_a > usd_b ? usd_a / usd_b : usd_b / usd_a;
        return r > 1.5;
    }
    return strcmp(cur_a, cur_b) != 0 && fabs(val_a - val_b) <= 0.02 * fabs(val_a);
}

static int disagree(const dyad_ev *a, const dyad_ev *b) {
    return dyad_amounts_disagree(a->usd, a->money.currency, a->money.value, b->usd, b->money.currency, b->money.value);
}

static int same_claim(const dyad_ev *a, const dyad_ev *b) {
    return !strcmp(a->money.currency, b->money.currency) &&
           fabs(a->money.value - b->money.value) <= 0.02 * fabs(a->money.value);
}

/* Each distinct claim (a dyad, a kind of event, a sum) is compared once: an event that repeats
 * an earlier claim adds no pair. With at most MAX_CLAIMS claims a document this stays linear in
 * its events however long it is; claims past that are not compared. */
#define MAX_CLAIMS 256
size_t dyad_resolve_conflicts(const dyad_evs *evs, dyad_conflict *out, size_t max) {
    size_t k = 0, claims[MAX_CLAIMS], nc = 0;
    for (size_t j = 0; j < evs->n && k < max; j++) {
        const dyad_ev *b = &evs->v[j];
        if (!b->has_money) continue;
        int repeat = 0;
        for (size_t q = 0; q < nc && !repeat; q++) {
            const dyad_ev *a = &evs->v[claims[q]];
            repeat = same_dyad(a, b) && same_kind(a->cameo, b->cameo) && same_claim(a, b);
        }
        if (repeat) continue;
        for (size_t q = 0; q < nc && k < max; q++) {
            const dyad_ev *a = &evs->v[claims[q]];
            if (same_dyad(a, b) && same_kind(a->cameo, b->cameo) && disagree(a, b)) out[k++] = (dyad_conflict){claims[q], j};
        }
        if (nc < MAX_CLAIMS) claims[nc++] = j;
    }
    return k;
}
