/* count.h: counts of people in a sentence, as PLOVER names them: dead, injured, arrested,
 * size (protesters, a crowd, a force) and displaced.
 *
 *   "killed 5 insurgents"                      dead 5
 *   "at least 15 people were killed"           dead 15, minimum
 *   "two suspected insurgents were detained"   arrested 2
 *   "dozens were wounded"                      injured 24, minimum
 *   "a Taliban leader was arrested"            arrested 1
 *   "killed two and wounded three"             dead 2, injured 3
 *   "the death toll rose to 20"                dead 20
 *   "20 people were killed or wounded"         dead 20, or_kind injured (see below)
 *   "more than a thousand protesters"          size 1001, minimum (the least whole number above)
 *   "1,000 Takfiri Tajik fighters"             size 1000
 *
 * A number is a count only when something ties it to people: a count word on either side
 * ("killed 5", "5 were killed", "20 dead", "the death toll rose to 20") or a noun for people
 * after it ("15 people", "1,000 fighters"; not "15 years", "2 April", "flight 254", "21:10",
 * "the 201st", "$70 billion", "Resolution 1701"). A bare count of people with no count word is a
 * size, or what its noun says ("5,000 refugees" displaced, "20 bodies" dead).
 *
 * The words (count words, nouns for people, vague quantities "several" = 3, "dozens" = 24, and
 * qualifiers "at least", "up to") are in dict/counts.txt, whose header gives its grammar; number
 * and scale words come from dict/amounts.txt through the dictionary's trie (K_NUMBER, K_SCALE),
 * as amount.c reads them.
 *
 * "killed or wounded": a figure for two kinds at once ("20 people were killed or wounded",
 * "20 killed and wounded") is reported once, with the first kind in kind and the second in or_kind.
 * The figure bounds the first kind from above; it is not a count of it. A consumer that wants
 * only certain counts should ignore records with or_kind set.
 *
 * Ownership as in include/dyad.h: dyad_counts_load allocates through the dictionary's allocator
 * and dyad_counts_free releases it; the tables are read-only after loading and may be shared by
 * threads, like the dictionary. A dyad_counts belongs to the dictionary it was loaded with (it
 * looks words up by that dictionary's lexicon ids) and must not outlive it. */
#ifndef DYAD_COUNT_H
#define DYAD_COUNT_H

#include "dict.h"
#include "token.h"

enum {
    DYAD_COUNT_DEAD = 1,
    DYAD_COUNT_INJURED,
    DYAD_COUNT_ARRESTED,   /* arrested, detained, captured, held */
    DYAD_COUNT_SIZE,       /* protesters, a crowd, fighters; any count of people with no count word */
    DYAD_COUNT_DISPLACED   /* displaced, refugees, fled */
};

typedef struct dyad_count {
    uint32_t a, b;         /* token range: from the qualifier ("at least") to the count word or noun */
    int kind;              /* DYAD_COUNT_* */
    double value;
    int minimum;           /* 1: at least value ("at least", "more than", "over", a vague word);
                              -1: at most ("up to", "nearly", "fewer than"); 0: as stated or "about" */
    int paren;             /* inside brackets */
    int or_kind;           /* "killed or wounded": the second kind the figure covers; 0: none */
    int added;             /* people beyond those reported before: "two additional suspects", "one
                              other", "several others", "also detained two", "two more" */
} dyad_count;

typedef struct dyad_counts dyad_counts;

/* Reads dict/counts.txt (path) for dictionary d, which must stay loaded while the result is used.
 * Returns DYAD_OK, DYAD_EIO, DYAD_EDICT (err says "file:line: what") or DYAD_ENOMEM; on failure
 * *out is NULL. err may be NULL. */
int dyad_counts_load(dyad_counts **out, const dyad_dict *d, const char *path, char *err, size_t errlen);
void dyad_counts_free(dyad_counts *c);

/* Finds counts of people in t[a..b) of text; returns how many (at most max), left to right.
 * The tokens must carry d's lexicon ids (as the coder assigns them). One pass, no allocation;
 * tokens that are neither numbers nor words of counts.txt or number words cost a flag test and
 * a bitmap probe each. */
size_t dyad_count_scan(const dyad_dict *d, const dyad_counts *c, const char *text, const dyad_token *t,
                       size_t a, size_t b, dyad_count *out, size_t max);

/* Whether the token at t starts a count word of counts.txt ("killing", "detaining"). */
int dyad_count_word(const dyad_counts *c, const char *text, const dyad_token *t);

/* The kind (DYAD_COUNT_*) of the one-word count word at t ("killing": dead), or 0. */
int dyad_count_kind(const dyad_counts *c, const char *text, const dyad_token *t);

/* Whether the token at t is a one-word noun for one person of counts.txt (noun1: "leader",
 * "facilitator", "man"). */
int dyad_count_person(const dyad_counts *c, const char *text, const dyad_token *t);

/* "dead", "injured", "arrested", "size", "displaced", or "" for an unknown kind. */
const char *dyad_count_kind_name(int kind);

#endif
