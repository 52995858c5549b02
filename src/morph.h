/* morph.h: English inflection for dictionary entries: verb forms from a lemma, plurals from a
 * singular noun. Regular rules here; irregular forms from WordNet 3.0's exception lists
 * (verb.exc: "fled flee", noun.exc: "men man"), read from Debian's wordnet-base. */
#ifndef DYAD_MORPH_H
#define DYAD_MORPH_H

#include "util.h"

typedef struct dyad_exc_pair { const char *form, *base; } dyad_exc_pair;

typedef struct dyad_morph {
    dyad_exc_pair *verb, *noun;   /* sorted by base */
    size_t nverb, nnoun, cverb, cnoun;
    dyad_arena strings;
    const dyad_mem *mem;
} dyad_morph;

/* Loads verb.exc and noun.exc from dir; a missing folder leaves only the regular rules (returns
 * 1), 0 on success, -1 out of memory. */
int dyad_morph_load(dyad_morph *m, const dyad_mem *mem, const char *dir);
void dyad_morph_free(dyad_morph *m);

/* A generated form and its kind (VF_* from lex.h). */
typedef struct dyad_form { char s[64]; uint8_t kind; } dyad_form;

/* Writes the forms of a verb lemma (lower case), the lemma itself first; returns their number
 * (at most max). */
size_t dyad_morph_verb_forms(const dyad_morph *m, const char *lemma, dyad_form *out, size_t max);
/* Writes the plural(s) of a singular noun; returns their number (at most max). */
size_t dyad_morph_plurals(const dyad_morph *m, const char *noun, dyad_form *out, size_t max);

#endif
