/* date.c: English date expressions over tokens.
 *
 * Month, weekday and season names are a closed class of English and are kept here rather than
 * in a dictionary file; what varies between users (the words that anchor a date to an event) is
 * in the parser. Ambiguous numeric dates are read day first (16/7/2014) unless the second number
 * cannot be a month (7/16/2014). */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};
static const char *const mon3[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                   "oct", "nov", "dec"};
static const char *const wdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                    "saturday", "sunday"};

long dyad_days(int y, int m, int d) {
    /* days from civil (proleptic Gregorian), after H. Hinnant's algorithm */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dyad_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

void dyad_date_format(dyad_date d, char out[11]) {
    d.y = ((d.y % 10000) + 10000) % 10000;
    d.m = ((d.m % 100) + 100) % 100;
    d.d = ((d.d % 100) + 100) % 100;
    if (d.prec == DP_YEAR) snprintf(out, 11, "%04d", d.y);
    else if (d.prec == DP_MONTH) snprintf(out, 11, "%04d-%02d", d.y, d.m);
    else if (d.prec == DP_DAY) snprintf(out, 11, "%04d-%02d-%02u", d.y, d.m, (unsigned)d.d % 100u);
    else out[0] = 0;
}

int dyad_date_parse_iso(const char *s, dyad_date *out) {
    size_t n = strlen(s);
    memset(out, 0, sizeof *out);
    if (n < 4) return -1;
    for (size_t i = 0; i < n && i < 10; i++)
        if (i == 4 || i == 7) { if (s[i] != '-') return -1; }
        else if (!dyad_isdigit((unsigned char)s[i])) return -1;
    out->y = atoi(s);
    out->prec = DP_YEAR;
    if (n >= 7) { out->m = atoi(s + 5); out->prec = DP_MONTH; }
    if (n >= 10) { out->d = atoi(s + 8); out->prec = DP_DAY; }
    if ((out->prec >= DP_MONTH && (out->m < 1 || out->m > 12)) || (out->prec == DP_DAY && (out->d < 1 || out->d > 31)))
        return -1;
    return 0;
}

static int tok_is(const char *text, const dyad_token *t, const char *w) {
    size_t n = strlen(w);
    return t->len == n && dyad_strncaseeq(text + t->off, w, n);
}

static int month_of(const char *text, const dyad_token *t) {
    /* (a name or abbreviation of 3 to 9 letters, and of these first letters: most words are
     * ruled out before 25 comparisons, on every word the cleaner's lines start with) */
    if (t->len < 3 || t->len > 9) return 0;
    switch (text[t->off] | 0x20) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
    }
    for (int i = 0; i < 12; i++)
        if (tok_is(text, t, months[i]) || tok_is(text, t, mon3[i])) return i + 1;
    if (tok_is(text, t, "sept")) return 9;
    return 0;
}

static int weekday_of(const char *text, const dyad_token *t) {
    if (t->len < 6 || t->len > 9) return -1;   /* "friday" to "wednesday" */
    for (int i = 0; i < 7; i++) if (tok_is(text, t, wdays[i])) return i;
    return -1;
}

/* A number token's value if it is a plain integer of at most 4 digits, else -1. */
static int int_of(const char *text, const dyad_token *t) {
    if (!(t->flags & T_NUM) || t->len > 4) return -1;
    int v = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        char c = text[t->off + i];
        if (!dyad_isdigit((unsigned char)c)) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

static int is_year(int v) { return v >= 1800 && v <= 2100; }

static int valid_day(int y, int m, int d) {
    static const int dim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > dim[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

/* A month and day with no year: the year that puts it nearest before the reference date (news
 * reports the past), allowing up to two months ahead for announced plans. */
static int year_for(dyad_date ref, int m, int d) {
    if (ref.prec < DP_MONTH) return ref.y;
    int y = ref.y;
    long r = dyad_days(ref.y, ref.m, ref.prec == DP_DAY ? ref.d : 15);
    long x = dyad_days(y, m, d ? d : 1);
    if (x - r > 62) y--;
    else if (r - x > 303) y++;
    return y;
}

/* A date that dates something other than the clause's event: a noun's modifier ("the July 2
 * attack", "an Aug. 7 bombing"), a period's start ("Since May 1"). A possessive ("yesterday's
 * talks") is not one: what a sentence reports of the talks is dated by them; but after a
 * preposition that relates the act to another ("responsible for Tuesday's attack", "after
 * Monday's vote") the possessive dates that other act ("during Saturday's election" and "the
 * results of yesterday's talks" stay). */
static int modifier(const char *text, const dyad_token *t, size_t n, size_t a, size_t b) {
    if (a > 0 && (tok_is(text, &t[a - 1], "since") || tok_is(text, &t[a - 1], "from"))) return 1;
    /* "Article 4 of the Collective Security Treaty of 1992": the year of a document's name */
    if (a > 0 && tok_is(text, &t[a], "of") && (t[a - 1].flags & T_WORD) && (t[a - 1].flags & T_CAP)) return 1;
    static const char *const relating[] = {"for", "behind", "after", "before", "against", "over", "about",
                                           "following", "to", NULL};
    int poss = b + 1 < n && (tok_is(text, &t[b], "'s") || (tok_is(text, &t[b], "'") && tok_is(text, &t[b + 1], "s")));
    for (int q = 0; poss && a > 0 && relating[q]; q++)
        if (tok_is(text, &t[a - 1], relating[q])) return 1;
    /* "the trilateral agreements on Nagorno-Karabakh of November 9, 2020": a date "of" a noun
     * dates the noun (not "on the night of March 3", "the morning of May 5") */
    if (a > 1 && tok_is(text, &t[a - 1], "of") && (t[a - 2].flags & T_WORD) && !poss) {
        static const char *const times[] = {"night", "morning", "evening", "afternoon", "day", "week", "weekend", "month",
                                            "summer", "winter", "spring", "autumn", "fall", "end", "beginning", "start",
                                            "middle", "hours", "eve", "dawn", NULL};
        int tn = 0;
        for (int q = 0; times[q] && !tn; q++) tn = tok_is(text, &t[a - 2], times[q]);
        if (!tn) return 1;
    }
    int det = a > 0 && (tok_is(text, &t[a - 1], "the") || tok_is(text, &t[a - 1], "a") || tok_is(text, &t[a - 1], "an"));
    return det && b < n && (t[b].flags & T_WORD) && !tok_is(text, &t[b], "and") && !tok_is(text, &t[b], "or");
}

static size_t push(dyad_date_expr *out, size_t k, size_t max, size_t a, size_t b, dyad_date d, int flags) {
    if (k >= max) return k;
    out[k].a = (uint32_t)a;
    out[k].b = (uint32_t)b;
    out[k].date = d;
    out[k].flags = flags;
    return k + 1;
}

void dyad_date_words(void (*add)(void *ud, const char *w), void *ud) {
    for (int i = 0; i < 12; i++) { add(ud, months[i]); add(ud, mon3[i]); }
    for (int i = 0; i < 7; i++) add(ud, wdays[i]);
    static const char *const more[] = {"sept", "yesterday", "today", "tonight", "tomorrow", "last", "this", "ago", "recently", NULL};
    for (int i = 0; more[i]; i++) add(ud, more[i]);
}

size_t dyad_date_scan(const char *text, const dyad_token *t, size_t n, dyad_date ref,
                      dyad_date_expr *out, size_t max, const dyad_lex *lx) {
    size_t k = 0;
    long rday = ref.prec == DP_DAY ? dyad_days(ref.y, ref.m, ref.d) : 0;
    int depth = 0;
    for (size_t i = 0; i < n && k < max; i++) {
        const dyad_token *c = &t[i];
        if (c->len == 1 && text[c->off] == '(') depth++;
        else if (c->len == 1 && text[c->off] == ')' && depth) depth--;
        if (lx && !(c->flags & T_NUM) && !(lx->words[c->id].flags & W_TIME)) continue;
        int prevuntil = i > 0 && (tok_is(text, &t[i - 1], "until") || tok_is(text, &t[i - 1], "till"));
        int flags = (depth ? DF_PAREN : 0) | (prevuntil ? DF_UNTIL : 0);
        int mon = (c->flags & T_WORD) ? month_of(text, c) : 0;
        /* "may" is a month only beside a day or year */
        if (mon) {
            size_t j = i + 1;
            if (j < n && tok_is(text, &t[j], ".")) j++;
            int day = j < n ? int_of(text, &t[j]) : -1;
            if (day >= 1 && day <= 31 && !(j + 1 < n && (t[j + 1].flags & T_WORD) && tok_is(text, &t[j + 1], "billion"))) {
                size_t e = j + 1;
                if (e < n && (tok_is(text, &t[e], "st") || tok_is(text, &t[e], "nd") || tok_is(text, &t[e], "rd") || tok_is(text, &t[e], "th"))) e++;
                size_t e2 = e;
                if (e2 < n && tok_is(text, &t[e2], ",")) e2++;
                int yr = e2 < n ? int_of(text, &t[e2]) : -1;
                dyad_date d = {0, mon, day, DP_DAY};
                if (is_year(yr)) { d.y = yr; e = e2 + 1; flags |= DF_ABSOLUTE; }
                else { if (ref.prec == DP_NONE) continue; d.y = year_for(ref, mon, day); flags |= DF_RELATIVE; }
                if (!valid_day(d.y, d.m, d.d)) continue;
                k = push(out, k, max, i, e, d, flags);
                i = e - 1;
                continue;
            }
            int yr = day;
            if (is_year(yr)) {
                dyad_date d = {yr, mon, 0, DP_MONTH};
                k = push(out, k, max, i, j + 1, d, flags | DF_ABSOLUTE);
                i = j;
                continue;
            }
            /* "in October", "last October" */
            if (mon != 5 && i > 0 && (tok_is(text, &t[i - 1], "in") || tok_is(text, &t[i - 1], "last") ||
                                      tok_is(text, &t[i - 1], "since") || tok_is(text, &t[i - 1], "early") ||
                                      tok_is(text, &t[i - 1], "late") || tok_is(text, &t[i - 1], "mid") ||
                                      tok_is(text, &t[i - 1], "this"))) {
                if (ref.prec < DP_MONTH) continue;
                int y = ref.y;
                if (tok_is(text, &t[i - 1], "last")) { if (mon >= ref.m) y--; }
                else if (mon > ref.m + 2) y--;
                dyad_date d = {y, mon, 0, DP_MONTH};
                k = push(out, k, max, i - 1, i + 1, d, flags | DF_RELATIVE);
            }
            continue;
        }
        if (c->flags & T_NUM) {
            /* day month [year]: "23 March 2015" */
            int v = int_of(text, c);
            if (v >= 1 && v <= 31 && i + 1 < n && (mon = month_of(text, &t[i + 1])) != 0) {
                size_t e = i + 2;
                int yr = e < n ? int_of(text, &t[e]) : -1;
                dyad_date d = {0, mon, v, DP_DAY};
                if (is_year(yr)) { d.y = yr; e++; flags |= DF_ABSOLUTE; }
                else { if (ref.prec == DP_NONE) continue; d.y = year_for(ref, mon, v); flags |= DF_RELATIVE; }
                if (!valid_day(d.y, d.m, d.d)) continue;
                k = push(out, k, max, i, e, d, flags);
                i = e - 1;
                continue;
            }
            /* 16/7/2014, 7/16/2014, 2015/04/02 */
            const char *s = text + c->off;
            if (c->len >= 8 && c->len <= 10 && memchr(s, '/', c->len)) {
                int a = 0, b = 0, y = 0;
                char tmp[16];
                memcpy(tmp, s, c->len);
                tmp[c->len] = 0;
                if (sscanf(tmp, "%d/%d/%d", &a, &b, &y) == 3) {
                    dyad_date d = {0, 0, 0, DP_DAY};
                    if (is_year(a)) { d.y = a; d.m = b; d.d = y; }
                    else if (is_year(y)) { d.y = y; if (b > 12) { d.m = a; d.d = b; } else { d.d = a; d.m = b; } }
                    if (d.y && valid_day(d.y, d.m, d.d)) k = push(out, k, max, i, i + 1, d, flags | DF_ABSOLUTE);
                }
                continue;
            }
            /* ISO 2015-04-02 (tokens 2015 - 04 - 02) */
            if (is_year(v) && c->len == 4 && i + 4 < n && tok_is(text, &t[i + 1], "-") && tok_is(text, &t[i + 3], "-") &&
                !(t[i + 1].flags & T_SPACE)) {
                int m = int_of(text, &t[i + 2]), d = int_of(text, &t[i + 4]);
                if (t[i + 2].len == 2 && t[i + 4].len == 2 && valid_day(v, m, d)) {
                    k = push(out, k, max, i, i + 5, (dyad_date){v, m, d, DP_DAY}, flags | DF_ABSOLUTE);
                    i += 4;
                    continue;
                }
            }
            /* a year after in/since/until/by/of/early/late/mid: "In 2013", "the summer of 2014" */
            if (is_year(v) && c->len == 4 && i > 0) {
                const dyad_token *p = &t[i - 1];
                if (tok_is(text, p, "in") || tok_is(text, p, "since") || tok_is(text, p, "until") ||
                    tok_is(text, p, "till") || tok_is(text, p, "by") || tok_is(text, p, "of") ||
                    tok_is(text, p, "early") || tok_is(text, p, "late") || tok_is(text, p, "mid") ||
                    tok_is(text, p, "-") || tok_is(text, p, "before") || tok_is(text, p, "after") ||
                    tok_is(text, p, "during") || tok_is(text, p, "throughout")) {
                    size_t a = i - 1;
                    /* "in the summer of 2014": start at "in" */
                    if (tok_is(text, p, "of") && i >= 3 && tok_is(text, &t[i - 3], "the")) a = i - 3;
                    k = push(out, k, max, a, i + 1, (dyad_date){v, 0, 0, DP_YEAR}, flags | DF_ABSOLUTE);
                }
            }
            continue;
        }
        if (!(c->flags & T_WORD)) continue;
        /* "30 years ago", "two weeks ago", "a month ago": counted back from the story's day */
        if (tok_is(text, c, "ago") && i >= 2 && ref.prec == DP_DAY) {
            static const char *const units[] = {"day", "days", "week", "weeks", "month", "months", "year", "years", NULL};
            static const char *const nums[] = {"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                               "ten", "eleven", "twelve", NULL};
            int unit = -1;
            for (int u = 0; units[u] && unit < 0; u++) if (tok_is(text, &t[i - 1], units[u])) unit = u / 2;
            long num = (t[i - 2].flags & T_NUM) ? int_of(text, &t[i - 2]) : -1;
            for (int q = 0; nums[q] && num < 0; q++) if (tok_is(text, &t[i - 2], nums[q])) num = q ? q : 1;
            if (unit >= 0 && num >= 1 && num <= 2000) {
                dyad_date d = {0, 0, 0, DP_DAY};
                if (unit == 3) d = (dyad_date){ref.y - (int)num, 0, 0, DP_YEAR};
                else if (unit == 2) {
                    long m = (long)ref.y * 12 + (ref.m - 1) - num;
                    d = (dyad_date){(int)(m / 12), (int)(m % 12) + 1, 0, DP_MONTH};
                } else {
                    dyad_civil(rday - (unit == 1 ? 7 * num : num), &d.y, &d.m, &d.d);
                    if (unit == 1) { d.d = 0; d.prec = DP_MONTH; }   /* a week back: its month, as "last week" */
                }
                /* "your initiatives of two years ago": the date of a noun */
                int of = i >= 3 && tok_is(text, &t[i - 3], "of");
                k = push(out, k, max, i - 2, i + 1, d, flags | DF_RELATIVE | (of ? DF_MODIFIER : 0));
                continue;
            }
        }
        if (ref.prec != DP_DAY) continue;
        long day = 0;
        int got = 0;
        size_t a = i, b = i + 1;
        if (tok_is(text, c, "yesterday")) { day = rday - 1; got = DP_DAY; }
        /* "they recently detained two insurgents": some day shortly before the story's, so only
         * its month is known */
        else if (tok_is(text, c, "recently")) { day = rday; got = DP_MONTH; }
        else if (i + 1 < n && tok_is(text, c, "last") && tok_is(text, &t[i + 1], "night")) {
            day = rday - 1; got = DP_DAY; b = i + 2;        /* a night operation, reported next day */
        }
        else if (tok_is(text, c, "today") || tok_is(text, c, "tonight")) { day = rday; got = DP_DAY; }
        else if (tok_is(text, c, "tomorrow")) { day = rday + 1; got = DP_DAY; }
        else {
            int wd = weekday_of(text, c);
            if (wd >= 0) {
                int refwd = (int)(((rday % 7) + 7 + 3) % 7);   /* 1970-01-01 was a Thursday (3) */
                int back = (refwd - wd + 7) % 7;
                int last = i > 0 && tok_is(text, &t[i - 1], "last");
                if (last) { if (back == 0) back = 7; a = i - 1; }
                day = rday - back;
                got = DP_DAY;
            } else if (i + 1 < n && tok_is(text, c, "last") && tok_is(text, &t[i + 1], "week")) {
                day = rday - 7; got = DP_MONTH; b = i + 2;
            } else if (i + 1 < n && tok_is(text, c, "last") && tok_is(text, &t[i + 1], "month")) {
                int y = ref.y, m = ref.m - 1;
                if (!m) { m = 12; y--; }
                k = push(out, k, max, i, i + 2, (dyad_date){y, m, 0, DP_MONTH}, flags | DF_RELATIVE);
                continue;
            } else if (i + 1 < n && tok_is(text, c, "last") && tok_is(text, &t[i + 1], "year")) {
                k = push(out, k, max, i, i + 2, (dyad_date){ref.y - 1, 0, 0, DP_YEAR}, flags | DF_RELATIVE);
                continue;
            } else if (i + 1 < n && tok_is(text, c, "this") && tok_is(text, &t[i + 1], "year")) {
                k = push(out, k, max, i, i + 2, (dyad_date){ref.y, 0, 0, DP_YEAR}, flags | DF_RELATIVE);
                continue;
            }
        }
        if (got) {
            dyad_date d = {0, 0, 0, got};
            dyad_civil(day, &d.y, &d.m, &d.d);
            k = push(out, k, max, a, b, d, flags | DF_RELATIVE);
        }
    }
    for (size_t j = 0; j < k; j++) if (modifier(text, t, n, out[j].a, out[j].b)) out[j].flags |= DF_MODIFIER;
    /* "the agreements of November 9, 2020, and January 11, 2021": a date joined by a comma or
     * "and" to a noun's date dates the noun too */
    for (size_t j = 1; j < k; j++) {
        size_t g = out[j - 1].b;
        if (g < out[j].a && tok_is(text, &t[g], ",")) g++;
        if (g < out[j].a && tok_is(text, &t[g], "and")) g++;
        if ((out[j - 1].flags & DF_MODIFIER) && g == out[j].a && g > out[j - 1].b) out[j].flags |= DF_MODIFIER;
    }
    return k;
}
