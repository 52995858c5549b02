/* lex.h: the vocabulary: every word the dictionaries know, interned to a small integer id.
 *
 * Text tokens are looked up by their lower-cased form; an unknown word gets id 0. Ids index
 * dyad_word records that say what the word can be (a verb form of which lemma, a function word
 * of which class, the plural of which noun). Lookups allocate nothing. */
#ifndef DYAD_LEX_H
#define DYAD_LEX_H

#include "util.h"

/* Word classes (bits): closed classes from words.txt and what morphology derived. */
enum {
    W_MODAL_INTENT = 1u << 0,  /* will, would, shall */
    W_MODAL_HYPO = 1u << 1,    /* could, might, may, should */
    W_NEG = 1u << 2,           /* not, never, n't, no */
    W_AUX = 1u << 3,           /* be, have, do forms */
    W_BE = 1u << 4,            /* forms of be (passive, "is ready to") */
    W_DET = 1u << 5,           /* the, a, this, its, their... */
    W_PREP = 1u << 6,
    W_CONJ = 1u << 7,          /* and, or, but */
    W_PRON_WE = 1u << 8,       /* we, our: the speaker's side in a quote */
    W_PRON_HE = 1u << 9,       /* he, she */
    W_PRON_THEY = 1u << 10,
    W_REL = 1u << 11,          /* which, who, that, where */
    W_READY = 1u << 12,        /* ready, prepared, willing, going, set (be READY to V: intent) */
    W_ADV = 1u << 13,          /* adverbs that may stand inside a verb group: already, also, yet */
    W_LOC_PREP = 1u << 14,     /* in, at, near: what follows is a place, not a party */
    W_REPORT = 1u << 15,       /* reportedly, allegedly */
    W_ABBREV = 1u << 16,       /* abbreviations that do not end a sentence */
    W_COMP = 1u << 17,         /* that (complementiser after a speech verb) */
    W_HYPO_COND = 1u << 18,    /* if, unless */
    W_VERB = 1u << 19,         /* a form of a verb lemma with patterns */
    W_NOUNISH = 1u << 20,      /* derived plural noun (of an agent or set word) */
    W_TIME = 1u << 21,         /* month, weekday, season, yesterday... (dates) */
    W_NUMWORD = 1u << 22,      /* number and scale words */
    W_MONEY = 1u << 23,        /* the first word of a currency or number-word phrase */
    W_VERBNEG = 1u << 24,      /* a verb that negates its complement: failed (to) */
    W_START = 1u << 25,        /* the first word of some phrase in the trie */
    W_MUST = 1u << 26,         /* must: an obligation, a demand when someone says it */
    W_SAMEPAST = 1u << 27,     /* a verb whose past is its base form (put, set, cut, hit) */
    W_TITLE = 1u << 28,        /* a title written before a person's name: President, Judge, Gen */
    W_STANCE = 1u << 29,       /* a participle that after "be" and before "to" is a stance: opposed */
    W_ROLE = 1u << 30          /* the head noun of an agent, singular: force, patrol, leader */
};

/* The function words that end a run of describing words or a noun phrase: determiners,
 * prepositions, conjunctions, auxiliaries, relatives, complementisers, negations. */
#define W_FUNCTION (W_DET | W_PREP | W_CONJ | W_AUX | W_REL | W_COMP | W_NEG)

/* Verb form kinds. */
enum { VF_BASE = 1, VF_3SG = 2, VF_PAST = 4, VF_PART = 8, VF_ING = 16, VF_NOUN = 32 };  /* VF_NOUN: head of a noun pattern */

typedef struct dyad_word {
    const char *s;             /* lower-case form, NUL-terminated, in the lexicon's arena */
    uint32_t len, hash;
    uint32_t flags;            /* W_* */
    int32_t lemma;             /* for a verb form: index of its verb lemma, else -1 */
    uint8_t vform;             /* VF_* bits (a form can be past and participle) */
    uint32_t base;             /* for a derived plural: the singular's id; else own id */
} dyad_word;

typedef struct dyad_lex {
    dyad_word *words;          /* words[0] is the unknown word */
    size_t n, cap;
    uint32_t *slots;           /* open addressing: 0 empty, else word id */
    size_t nslots;
    dyad_arena strings;
    const dyad_mem *mem;
} dyad_lex;

int dyad_lex_init(dyad_lex *lx, const dyad_mem *mem);
void dyad_lex_free(dyad_lex *lx);
/* Interns s[0..n) (already lower-case); returns its id, or 0 when out of memory. */
uint32_t dyad_lex_add(dyad_lex *lx, const char *s, size_t n);
/* The id of s[0..n), or 0 if unknown. */
uint32_t dyad_lex_find(const dyad_lex *lx, const char *s, size_t n);
/* The same, given h = dyad_hash(s, n, 0): for a caller that hashes as it lower-cases. */
uint32_t dyad_lex_find_hashed(const dyad_lex *lx, const char *s, size_t n, uint32_t h);

/* Lower-cases UTF-8 s[0..n) into out (capacity cap, at least n*2 + 4 suggested); returns the
 * length written (truncated to cap). */
size_t dyad_lower(const char *s, size_t n, char *out, size_t cap);

#endif
