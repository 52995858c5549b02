/* parse.h: sparse clause analysis of one sentence, in the tradition of TABARI: no full parse,
 * but the pieces a coder needs.
 *
 *   According to Kommersant, Russia is ready to allocate to Tajikistan the aid ...
 *   └─ attribution (skipped) ┘ └NP┘ └─ verb chain: is ready to allocate ─┘ └NP┘
 *                               subject       mode intent, anchor "allocate"  target
 *
 * 1. Actor phrases (NPs) are built around the actor and agent mentions: determiners, "of" and
 *    "'s" chains, apposition and bracketed acronyms, then linked when coordinated ("Tajikistan
 *    and Kyrgyzstan"). An NP's owner is its first country, organisation or person; its sector
 *    the first agent's ("the Foreign Ministers of member states of the CSTO": CSTO, GOV).
 * 2. Verb anchors are the forms of lemmas with patterns that stand as verbs in context (not
 *    after a determiner, not before "of", an -ing form only after a form of "be").
 * 3. Each anchor gets its verb group: modality (will, would, "is ready to", could, if),
 *    negation, passive voice, and the operator that governs it ("intends to", "asked X to").
 * 4. Attribution phrases ("According to X,", ", according to X,", "As X had learned,") and
 *    bracketed asides are marked so subjects and objects are not taken from them. */
#ifndef DYAD_PARSE_H
#define DYAD_PARSE_H

#include "dict.h"
#include "match.h"
#include "token.h"

enum { PRON_NONE = 0, PRON_WE, PRON_HE, PRON_THEY };

typedef struct dyad_np {
    uint32_t a, b;           /* token range */
    int32_t owner;           /* actor entry giving country/org (or -1) */
    int32_t agent;           /* agent entry giving the sector (or -1) */
    int32_t agent2;          /* a second agent ("Islamist media": MUS, MED), or -1 */
    int32_t person;          /* person entry, -1 */
    int32_t place;           /* a city or province (gazetteer entry), -1: where, not who */
    int pron;                /* PRON_* for a pronoun NP */
    int loc;                 /* after a locative preposition (in, at, near) */
    int by, from, to_with;   /* after "by", after "from", after to/with/against/on/into */
    int definite;            /* starts with "the" */
    int agent_lead;          /* the agent comes before the owner: "the ambassadors of Arnor" */
    int titled;              /* a title before a name no dictionary knows: "President Dos Santos" */
    int ethnic;              /* "ethnic Albanians": a people, not the state; its owner is dropped */
    int body;                /* an agent that names an organisation's body alone ("the Security Council") */
    int coref;               /* "the force": its actor is the one named before by that noun */
    int32_t next;            /* the next coordinated NP, or -1 */
    int32_t first;           /* the first NP of its coordination */
} dyad_np;

enum { TOK_SKIP = 1, TOK_PAREN = 2, TOK_QUOTE = 4, TOK_BOUND = 8 };

typedef struct dyad_anchor {
    uint32_t tok;            /* the verb token */
    uint32_t lemma;
    uint32_t group;          /* first token of the verb group (aux, modal, "is ready to") */
    int passive, neg, intent, hypo, to_inf, verbneg, participle;
    int noun;                /* the head of a noun pattern: "the capture of X" */
    int must;                /* "Sudan must return": a demand when someone says it */
    int32_t governor;        /* the anchor whose operator governs this one ("intend to X") */
    int32_t gov_np;          /* for "ask X to V": the NP X */
    int governs;             /* it governs another anchor */
    int purpose;             /* petrarch mode: "efforts to stop X", kept as a verb, ends no clause */
} dyad_anchor;

/* An actor a story named, by its head noun, for the definite phrases that refer back to it:
 * "an Afghan and coalition security force ... The force detained", "a coalition forces patrol ...
 * The patrol detained", "a Haqqani leader ... The leader". */
typedef struct dyad_alias {
    uint32_t word;           /* the head noun's lexicon id, singular ("forces": force) */
    uint32_t sentence;       /* the sentence that named it (dyad_aliases.sentences then) */
    int32_t owner, agent, person;
} dyad_alias;

/* One person a story named by a role word and a name ("a Taliban leader named Malawi Sahib",
 * "Haqqani leader Shabeer"), for the later sentences that name him by the name alone. */
typedef struct dyad_name {
    uint32_t off, len;       /* the name in the document's text */
    int32_t owner, agent;
} dyad_name;

enum { DYAD_ALIASES = 16, DYAD_NAMES = 8 };   /* the rings below */

typedef struct dyad_aliases {
    dyad_alias v[DYAD_ALIASES];   /* a ring, newest at v[(n - 1) % DYAD_ALIASES] */
    size_t n;
    dyad_name names[DYAD_NAMES];  /* a ring, newest at names[(nnames - 1) % DYAD_NAMES] */
    size_t nnames;
    uint32_t sentences;      /* sentences noted so far */
    int32_t country;         /* the last sentence subject that is a country: "the country" */
    uint32_t country_sentence;
    int has_country;
} dyad_aliases;

typedef struct dyad_sent {
    const dyad_dict *d;
    const dyad_aliases *aliases;   /* the story's so far (set by the caller; NULL: none) */
    const char *text;
    const dyad_token *t;     /* the whole document's tokens */
    uint32_t a, b;           /* this sentence */
    int32_t date;            /* YYYYMMDD of the sentence's event date, for dated entries */
    dyad_mentions ments;
    uint8_t *tflags;         /* per token of the sentence (index - a): TOK_* */
    int32_t *tnp;            /* per token: NP index or -1 */
    size_t tcap;
    dyad_np *nps;
    size_t nnps, cnps;
    dyad_anchor *anchors;
    size_t nanchors, canchors;
    uint32_t *stamp;         /* per lexicon word: the serial of the last clause it was seen in */
    size_t nstamp;
    uint32_t serial;
    int32_t attrib_np;       /* the NP of an "According to X" phrase, -1 */
    uint32_t attrib_a, attrib_b; /* its tokens (0,0 when none) */
} dyad_sent;

void dyad_sent_init(dyad_sent *s, const dyad_mem *mem);
void dyad_sent_free(dyad_sent *s, const dyad_mem *mem);
/* Parses tokens [a, b) of the document; 0 or -1 (OOM). */
int dyad_parse(dyad_sent *s, const dyad_dict *d, const char *text, const dyad_token *t, uint32_t a,
               uint32_t b, int32_t date);

/* An adverb: a word of the adv class, or a lower-case word of six letters or more in -ly that
 * names no actor and is no verb form ("fiercely", "unjustly"). */
int dyad_adverb(const dyad_sent *s, uint32_t i);

/* "Two insurgents were killed and several others detained": where a quantity of further
 * people right after "and" starts, ending at token g (the verb), or g when there is none. */
uint32_t dyad_and_quantity(const dyad_sent *s, uint32_t g);

/* Notes the actors of the parsed sentence by their head nouns, for the next sentences. */
void dyad_aliases_note(const dyad_sent *s, dyad_aliases *al);

/* The name that stands right after the actor phrase p: "a Taliban leader named Malawi Sahib",
 * "... called X", "Haqqani leader Shabeer", "the leader, Mullah Omar," (one to three capitalised
 * words of no class), or inside it after its title ("Taliban leader Mullah Dadullah"); for one
 * person known by a role word only (counts.txt's nouns for one person). Sets the name's tokens
 * [*x, *y); 0 if none. */
int dyad_np_name(const dyad_sent *s, const dyad_np *p, uint32_t *x, uint32_t *y);

/* The actor entry that holds at date (YYYYMMDD) in the chain from entry e, or -1. Prefers an
 * entry with dates that cover the date over one without dates. */
int32_t dyad_actor_at(const dyad_dict *d, int32_t e, int32_t date, int agent);

static inline int dyad_tok_is(const char *text, const dyad_token *t, const char *w) {
    size_t n = strlen(w);   /* folded: w is a literal at every call */
    return t->len == n && (text[t->off] | 0x20) == (w[0] | 0x20) && dyad_strncaseeq(text + t->off, w, n);
}

#endif
