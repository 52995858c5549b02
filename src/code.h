/* code.h: from a parsed sentence to events: verb patterns, subjects and targets, modes.
 *
 * For each verb anchor: the best pattern of its lemma over the clause after it (most elements,
 * then the earlier line); the subject is the nearest actor phrase before the verb group in the
 * same clause; the target the pattern's + slot, else the first actor phrase after the verb that
 * is not a place ("in Dushanbe") or an agent ("by ..."). An operator verb ("intends to", "asked X
 * to", "refused to") maps its complement's code to its intent, request or refusal form; modals
 * and negation set the mode. Coordinated actors give one event per actor. */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "amount.h"
#include "date.h"
#include "parse.h"

enum { MODE_ACTUAL = 0, MODE_INTENT, MODE_NEGATED, MODE_HYPO, MODE_REPORTED };

/* An actor as coded: where it is written, and what it is. */
typedef struct dyad_av {
    uint32_t a, b;               /* tokens of its text (0,0: none) */
    char country[4], sector[4];
    const char *org, *name, *role, *xcode;  /* xcode: dictionary code= */
    uint8_t type;                /* AT_* of the owner, 0 for an agent alone */
    int pron;
    char pcode[24];              /* petrarch mode: the code as PETRARCH composes it ("DNKMUSMED") */
} dyad_av;

typedef struct dyad_ev {
    uint32_t sa, sb;             /* the sentence's tokens */
    uint32_t story, sentence, verb;
    int headline;                /* from its story's headline */
    dyad_av src, tgt, attr;
    char cameo[6];
    const dyad_pattern *pat;
    int mode;
    const char *mode_why;        /* the words that set the mode */
    dyad_date date;
    int has_money;
    dyad_money money;
    double usd;                  /* -1 unknown */
    int usd_src;                 /* 0 none, 1 text, 2 derived, 3 a dated rate (rates.txt) */
    double rate;                 /* with 3: units of the currency per USD */
    int rate_month;              /* with 3: the rate's month, YYYYMM */
    double counts[6];            /* by DYAD_COUNT_* kind (count.h); < 0 when not said */
    uint32_t count_a[6], count_b[6];   /* the words each came from */
    int counts_added;            /* a figure counts people beyond those reported before (count.h) */
    int tally;                   /* a total over a period: "have detained 25 since December 1" */
    const char *location;
    const struct dyad_actor_ent *place;   /* the gazetteer or dictionary entry of the location */
    char loc_country[4];
    int loc_from;                /* 0 the sentence, 1 the story before it, 2 the story's dateline */
    int dead;
} dyad_ev;

typedef struct dyad_evs {
    dyad_ev *v;
    size_t n, cap;
    const dyad_mem *mem;
} dyad_evs;

/* What the story remembers from one sentence to the next, for coreference. */
typedef struct dyad_ctx {
    dyad_av giver;               /* the last source of an aid or cooperation event */
    dyad_av speaker;             /* the last speaker */
    dyad_av person;              /* the last person named */
    dyad_av country;             /* the last country named as an actor */
    dyad_av org;                 /* the last organisation */
    dyad_av named[8];            /* the last actors named with a non-state sector, newest at
                                    named[(nnamed - 1) % 8]: "the airline", "the company" */
    size_t nnamed;
    dyad_aliases aliases;        /* the actors named so far by their head nouns: "the force" */
    const struct dyad_actor_ent *place;   /* the last place named in the story (a city, region...) */
    int place_dateline;          /* 1 while place is the dateline's */
    const char *text;            /* the text those spans index (the document's) */
    const struct dyad_date_expr *dates;   /* the sentence's dates (token ranges from its first
                                    token), for events whose clause has its own: see code.c */
    size_t ndates;
} dyad_ctx;

/* A statement of an organisation's members: "The CSTO is an alliance comprising Russia, ..." */
typedef struct dyad_membership {
    const char *org;             /* the organisation's acronym */
    const struct dyad_actor_ent *ent;
    char members[128];           /* sorted, comma-separated country codes */
    uint32_t a, b;               /* the tokens of the list */
    uint32_t sa, sb, story, sentence;
} dyad_membership;

typedef struct dyad_memberships {
    dyad_membership *v;
    size_t n, cap;
    const dyad_mem *mem;
} dyad_memberships;

/* Finds membership statements in the parsed sentence. */
int dyad_code_memberships(const dyad_sent *s, dyad_ctx *ctx, uint32_t story, uint32_t sentence,
                          dyad_memberships *out);

/* Codes the parsed sentence s, appending events to out. date: the sentence's event date. */
int dyad_code_sentence(const dyad_sent *s, dyad_ctx *ctx, dyad_date date, uint32_t story,
                       uint32_t sentence, dyad_evs *out);

/* Fills an actor value from an NP. */
void dyad_av_from_np(const dyad_sent *s, const dyad_np *np, dyad_av *out);
/* Writes the CAMEO actor code of an actor value ("RUSGOV", "IGOCSTO") into out. */
void dyad_av_code(const dyad_av *v, char *out, size_t cap);

#endif
