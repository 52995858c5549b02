/* date.h: dates in text ("On April 2", "16/7/2014", "in the summer of 2014", "yesterday",
 * "last October", "Monday") found in a token range and resolved against a reference date. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include "lex.h"
#include "token.h"

enum { DP_NONE = 0, DP_YEAR = 1, DP_MONTH = 2, DP_DAY = 3 };

typedef struct dyad_date {
    int y, m, d;
    int prec;              /* DP_* */
} dyad_date;

enum { DF_RELATIVE = 1, DF_PAREN = 2, DF_UNTIL = 4, DF_ABSOLUTE = 8, DF_MODIFIER = 16 };

typedef struct dyad_date_expr {
    uint32_t a, b;         /* token range [a, b) */
    dyad_date date;
    int flags;             /* DF_* */
} dyad_date_expr;

/* Scans tokens t[0..n) of text for date expressions, resolving relative ones against ref (a day).
 * Writes at most max; returns how many were found. With a lexicon (lx may be NULL), words
 * without W_TIME are skipped at once: dates are rare, and this runs on every sentence. */
size_t dyad_date_scan(const char *text, const dyad_token *t, size_t n, dyad_date ref,
                      dyad_date_expr *out, size_t max, const dyad_lex *lx);
/* The words that can start a date expression (months, weekdays, "yesterday", "last"...), for
 * dyad_date_scan's fast path; calls add for each. */
void dyad_date_words(void (*add)(void *ud, const char *w), void *ud);

/* Formats at its precision: "2014", "2014-07", "2014-07-02" (buffer of 11). */
void dyad_date_format(dyad_date d, char out[11]);
/* Parses YYYY-MM-DD (also YYYY-MM, YYYY); returns 0 on success. */
int dyad_date_parse_iso(const char *s, dyad_date *out);
/* Days since 1970-01-01 of a full date, and back. */
long dyad_days(int y, int m, int d);
void dyad_civil(long days, int *y, int *m, int *d);

#endif
