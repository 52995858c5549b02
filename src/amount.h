/* amount.h: sums of money in a sentence: "$70 billion", "70 billion rubles", "about $1.23
 * billion", "40 bn roubles", "€3m", "1.5 trillion yen". Currency words, symbols and scale words
 * come from dict/amounts.txt. */
#ifndef DYAD_AMOUNT_H
#define DYAD_AMOUNT_H

#include "dict.h"
#include "token.h"

typedef struct dyad_money {
    uint32_t a, b;         /* token range, including "about" */
    double value;
    char currency[4];
    int approx, paren;     /* "about ..."; inside brackets */
} dyad_money;

/* Parses a number token ("1,350", "1.23"); returns 0 and the value, or -1. */
int dyad_number(const char *s, size_t n, double *out);
/* Finds sums of money in t[a..b); returns how many (at most max). */
size_t dyad_money_scan(const dyad_dict *d, const char *text, const dyad_token *t, size_t a,
                       size_t b, dyad_money *out, size_t max);

#endif
