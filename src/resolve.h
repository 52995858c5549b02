/* resolve.h: document-level resolution after every sentence is coded: amounts in USD from the
 * text's own conversions, and conflicts between reports of the same dyad and kind of event. */
#ifndef DYAD_RESOLVE_H
#define DYAD_RESOLVE_H

#include "code.h"

/* Fills usd for amounts in a currency the document converts elsewhere ("70 billion rubles
 * (about $1.23 billion)"): the rate the text gives holds for the whole document. */
void dyad_resolve_usd(const dyad_dict *d, dyad_evs *evs);

/* A conflict: events i and j report the same dyad and root with figures that disagree. */
typedef struct dyad_conflict { size_t i, j; } dyad_conflict;

/* Finds pairs that disagree; writes at most max, returns how many. Amounts disagree when their
 * USD values differ by more than half, or, with no USD known, the same number is given in two
 * currencies. Each distinct claim appears once per dyad. */
size_t dyad_resolve_conflicts(const dyad_evs *evs, dyad_conflict *out, size_t max);

/* The rule both use, and the store for reports in two documents: two sums disagree when their
 * USD values (usd > 0 when known) differ by more than half, or, with either unknown, the same
 * number (within 2%) is given in two currencies. */
int dyad_amounts_disagree(double usd_a, const char *cur_a, double val_a, double usd_b, const char *cur_b, double val_b);

#endif
