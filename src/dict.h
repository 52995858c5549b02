/* dict.h: the loaded dictionaries: lexicon, phrase trie, actors, verb patterns, CAMEO table.
 *
 * Loading reads every text file once, interns each word, inserts each phrase into the trie and
 * each pattern into its lemma's list; afterwards the whole structure is read-only, so threads
 * share it. See dict/README.md for the grammar of the files. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "dyad.h"
#include "lex.h"
#include "morph.h"
#include "trie.h"
#include "util.h"

/* Kinds of trie entries. */
enum { K_ACTOR = 1, K_SET, K_PHRASE, K_CURRENCY, K_SCALE, K_NUMBER };

/* Actor types. */
enum {
    AT_COUNTRY = 1, AT_CAPITAL, AT_SEAT, AT_IGO, AT_NGO, AT_GROUP, AT_PARTY, AT_COMPANY, AT_MEDIA,
    AT_PERSON, AT_REGION, AT_CITY, AT_AGENT
};

typedef struct dyad_actor_ent {
    const char *canon;       /* canonical phrase */
    uint8_t type;            /* AT_* */
    char country[4], sector[4];
    const char *org, *code, *name, *role, *members;
    const char *also;        /* also=CODE,CODE: other actors the phrase names at once (PETRARCH's [A/B]) */
    int32_t from, until;     /* YYYYMMDD, inclusive; 0 and 99999999 when open */
    const char *admin1;      /* places: first-level division (province, state) */
    double lat, lon;         /* places: coordinates (lat > 90 when unknown) */
    int64_t population;      /* places: people living there, 0 when unknown */
    int64_t geonames;        /* places: GeoNames id, 0 when unknown */
    uint8_t target_only;     /* agents: only=target, a word that only says "a person" */
    const char *file;
    int line;
} dyad_actor_ent;

/* Pattern elements. */
enum { PE_WORD = 1, PE_ALT, PE_SET, PE_TARGET, PE_ANY };
typedef struct dyad_pelem {
    uint8_t kind;
    uint8_t adj;             /* a_b: stands right after the element (or the verb) before it */
    uint8_t exact;           /* =word: that spelling only, not its plural */
    uint32_t a, n;
    uint64_t mask;           /* words: bit (id % 64) of each alternative, a quick "not here" test */
} dyad_pelem;

/* Pattern flags and operators. */
enum { PF_SYM = 1, PF_RECV = 2, PF_NOTARGET = 4, PF_NOUN = 8, PF_ALONE = 16, PF_VADJ = 32 /* a_*verb */,
       PF_AMONG = 64 /* coordinated subjects act on one another */ };
enum { OP_NONE = 0, OP_INTENT, OP_REQUEST, OP_REFUSE, OP_SAY, OP_DENY, OP_DEMAND };

typedef struct dyad_pattern {
    char code[6];
    uint32_t lemma;          /* index into lemmas */
    uint32_t elem, nelem;    /* elements: elems[elem .. elem + nelem) */
    uint8_t flags, op;
    const char *text, *file;
    int line;
    uint32_t pre, npre;      /* elements before the verb, in text order: elems[pre .. pre + npre) */
    char rev[6];             /* rev=CODE: the target does CODE back to the source ("" none) */
} dyad_pattern;

typedef struct dyad_lemma {
    uint32_t word;           /* lexicon id of the base form */
    uint32_t first, n;       /* its patterns: patterns[first .. first + n) after load */
    int32_t op_pattern;      /* its first pattern with an operator (op=...), or -1 */
    int verb_forms;          /* 1 once its verb forms are in the lexicon (a noun head alone has none) */
    int vadj;                /* 1 when a pattern of it joins a word right before the verb (PF_VADJ) */
} dyad_lemma;

typedef struct dyad_cameo {
    char code[6];
    double goldstein;
    const char *plover, *plover_mode, *plover_context;
    char intent[6], request[6], refuse[6];
    const char *label;
} dyad_cameo;

typedef struct dyad_currency { char iso[4]; } dyad_currency;

/* Monthly exchange rates (rates.txt): units of a currency per US dollar. */
typedef struct dyad_rate {
    char iso[4];
    int32_t first;           /* month index of v[0]: year * 12 + month - 1 */
    uint32_t n;
    float *v;                /* 0 where unknown */
} dyad_rate;

struct dyad_dict {
    dyad_mem mem;
    dyad_lex lex;
    dyad_trie trie;
    dyad_morph morph;
    dyad_arena strings;
    dyad_actor_ent *actors;
    size_t nactors, cactors;
    dyad_pattern *patterns;
    size_t npatterns, cpatterns;
    dyad_pelem *elems;
    size_t nelems, celems;
    uint32_t *alts;          /* word ids of a|b|c elements */
    size_t nalts, calts;
    dyad_lemma *lemmas;
    size_t nlemmas, clemmas;
    const char **sets;       /* set names, index = set id */
    size_t nsets, csets;
    dyad_cameo *cameo;       /* sorted by code */
    size_t ncameo, ccameo;
    double *numbers;         /* K_SCALE / K_NUMBER payloads */
    size_t nnumbers, cnumbers;
    dyad_currency *currencies;
    size_t ncurrencies, ccurrencies;
    struct dyad_counts *counts;  /* counts.txt (count.c), or NULL */
    dyad_rate *rates;        /* sorted by currency */
    size_t nrates, crates;
    int32_t money_set;       /* the built-in @money set: a sum of money (amount.h) */
    uint32_t *fuzzy;         /* countries whose canonical name is one word of seven letters or more,
                                for misspellings ("Afganistan"): actor indices (parse.c), by
                                first letter: those of letter c at fuzzy[fuzzy_at[c - 'a'] ..
                                fuzzy_at[c - 'a' + 1]) */
    size_t nfuzzy, cfuzzy;
    uint32_t fuzzy_at[27];
    size_t files, forms;
    int check, problems;
    int petrarch;            /* loaded from a PETRARCH import (its marker file): code by PETRARCH's
                                conventions where they differ from dyad's (code.c, coder.c) */
    dyad_diag_fn diag;
    void *diag_ud;
    char err[512];
};

/* Looks up a CAMEO code; NULL when unknown. */
const dyad_cameo *dyad_dict_code(const dyad_dict *d, const char *code);
/* The id of the verb word set @name (without '@'), or -1. */
int dyad_dict_set(const dyad_dict *d, const char *name);
/* Units of currency iso per US dollar in the month (year, month), or in the nearest earlier month
 * with a rate no more than a year before; 0 when unknown. *at gets the month used (YYYYMM). */
double dyad_dict_rate(const dyad_dict *d, const char *iso, int year, int month, int *at);
/* YYYY[-MM[-DD]] to YYYYMMDD, the earliest day (end=0) or the latest (end=1); -1 if malformed. */
int32_t dyad_date_bound(const char *s, size_t n, int end);

#endif
