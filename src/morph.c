/* morph.c: inflection rules and WordNet exception lists. */
#include "morph.h"

#include <stdio.h>
#include <stdlib.h>
#include "lex.h"

static int cmp_base(const void *a, const void *b) {
    const dyad_exc_pair *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : strcmp(x->form, y->form);
}

static int load_exc(dyad_morph *m, const char *path, dyad_exc_pair **v, size_t *n, size_t *cap) {
    FILE *f = fopen(path, "r");
    if (!f) return 1;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = 0;
        char *base = sp + 1;
        char *end = base + strcspn(base, " \n");
        *end = 0;
        /* Skip compounds ("acquitted_of") and forms identical to the base. */
        if (strchr(line, '_') || strchr(base, '_') || !strcmp(line, base)) continue;
        if (DYAD_VEC_PUSH(m->mem, *v, *n, *cap)) { fclose(f); return -1; }
        char *a = dyad_arena_strndup(&m->strings, line, strlen(line));
        char *b = dyad_arena_strndup(&m->strings, base, strlen(base));
        if (!a || !b) { fclose(f); return -1; }
        (*v)[(*n)++] = (dyad_exc_pair){a, b};
    }
    fclose(f);
    if (*n) qsort(*v, *n, sizeof **v, cmp_base);
    return 0;
}

int dyad_morph_load(dyad_morph *m, const dyad_mem *mem, const char *dir) {
    memset(m, 0, sizeof *m);
    m->mem = mem;
    dyad_arena_init(&m->strings, mem, 1 << 15);
    char path[4096];
    snprintf(path, sizeof path, "%s/verb.exc", dir);
    int r1 = load_exc(m, path, &m->verb, &m->nverb, &m->cverb);
    if (r1 < 0) return -1;
    snprintf(path, sizeof path, "%s/noun.exc", dir);
    int r2 = load_exc(m, path, &m->noun, &m->nnoun, &m->cnoun);
    if (r2 < 0) return -1;
    return (r1 || r2) ? 1 : 0;
}

void dyad_morph_free(dyad_morph *m) {
    dyad_mem_free(m->mem, m->verb, m->cverb * sizeof *m->verb);
    dyad_mem_free(m->mem, m->noun, m->cnoun * sizeof *m->noun);
    dyad_arena_free(&m->strings);
    memset(m, 0, sizeof *m);
}

static int vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static size_t add(dyad_form *out, size_t n, size_t max, uint8_t kind, const char *stem, size_t sl,
                  const char *suffix) {
    if (n >= max || sl + strlen(suffix) + 1 > sizeof out->s) return n;
    char buf[64];
    memcpy(buf, stem, sl);
    strcpy(buf + sl, suffix);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(out[i].s, buf)) { out[i].kind |= kind; return n; }
    strcpy(out[n].s, buf);
    out[n].kind = kind;
    return n + 1;
}

/* Whether the word ends consonant-vowel-consonant (stop, admit, plan): its final consonant may
 * double before -ed/-ing. English doubles only under final stress, which spelling does not show,
 * so both spellings are generated; the wrong one never occurs in text and costs one trie entry. */
static int cvc(const char *w, size_t l) {
    if (l < 3) return 0;
    char a = w[l - 3], b = w[l - 2], c = w[l - 1];
    return !vowel(a) && vowel(b) && !vowel(c) && c != 'w' && c != 'x' && c != 'y';
}

static void exc_forms(const dyad_exc_pair *v, size_t nv, const char *base, dyad_form *out,
                      size_t *n, size_t max, uint8_t kind) {
    size_t lo = 0, hi = nv;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(v[mid].base, base) < 0) lo = mid + 1; else hi = mid;
    }
    for (size_t i = lo; i < nv && !strcmp(v[i].base, base); i++) {
        /* verb.exc lists -ing forms too ("beginning begin"): those are participles, not pasts */
        size_t fl = strlen(v[i].form);
        uint8_t k = kind;
        if (kind != 1 && fl > 4 && !strcmp(v[i].form + fl - 3, "ing")) k = VF_ING;
        *n = add(out, *n, max, k, v[i].form, fl, "");
    }
}

/* w is an irregular form of another verb in verb.exc ("said" say). */
static int irregular_form(const dyad_morph *m, const char *w) {
    for (size_t i = 0; i < m->nverb; i++)
        if (m->verb[i].form[0] == w[0] && !strcmp(m->verb[i].form, w) && strcmp(m->verb[i].base, w)) return 1;
    return 0;
}

size_t dyad_morph_verb_forms(const dyad_morph *m, const char *w, dyad_form *out, size_t max) {
    size_t l = strlen(w), n = 0;
    if (!l || l >= 60) return 0;
    n = add(out, n, max, VF_BASE, w, l, "");
    char last = w[l - 1], prev = l > 1 ? w[l - 2] : 0;
    /* third person singular */
    if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
        (last == 'h' && (prev == 'c' || prev == 's')))
        n = add(out, n, max, VF_3SG, w, l, "es");
    else if (last == 'y' && !vowel(prev)) n = add(out, n, max, VF_3SG, w, l - 1, "ies");
    else n = add(out, n, max, VF_3SG, w, l, "s");
    /* past and participle */
    if (last == 'e') n = add(out, n, max, VF_PAST | VF_PART, w, l, "d");
    else if (last == 'y' && !vowel(prev)) n = add(out, n, max, VF_PAST | VF_PART, w, l - 1, "ied");
    else {
        n = add(out, n, max, VF_PAST | VF_PART, w, l, "ed");
        if (cvc(w, l)) {
            char d[64];
            memcpy(d, w, l);
            d[l] = last;
            n = add(out, n, max, VF_PAST | VF_PART, d, l + 1, "ed");
        }
    }
    /* present participle */
    if (l > 2 && last == 'e' && prev == 'i') {
        char d[64];
        memcpy(d, w, l - 2);
        n = add(out, n, max, VF_ING, d, l - 2, "ying");
    } else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && l > 2)
        n = add(out, n, max, VF_ING, w, l - 1, "ing");
    else {
        n = add(out, n, max, VF_ING, w, l, "ing");
        if (cvc(w, l)) {
            char d[64];
            memcpy(d, w, l);
            d[l] = last;
            n = add(out, n, max, VF_ING, d, l + 1, "ing");
        }
    }
    if (m) exc_forms(m->verb, m->nverb, w, out, &n, max, VF_PAST | VF_PART);
    /* a lemma written as another verb's irregular past ("said", "met": PETRARCH lists some so)
     * is a past form itself too; not a third person ("has") */
    if (m && l > 2 && strcmp(w + l - 3, "ing") && last != 's' && irregular_form(m, w)) out[0].kind |= VF_PAST | VF_PART;
    return n;
}

size_t dyad_morph_plurals(const dyad_morph *m, const char *w, dyad_form *out, size_t max) {
    size_t l = strlen(w), n = 0;
    if (!l || l >= 60) return 0;
    char last = w[l - 1], prev = l > 1 ? w[l - 2] : 0;
    size_t before = 0;
    if (m) exc_forms(m->noun, m->nnoun, w, out, &n, max, 1);
    /* an irregular plural replaces the rule (man: men, not mans), except noun.exc's -oes forms,
     * which are variants beside the regular one (commandoes and commandos, cargoes and cargos) */
    if (n > before && !(last == 'o' && l > 1)) return n;
    /* Compounds of man and woman are not in noun.exc (policeman, gunman, spokeswoman): add the
     * -men form beside the regular one, which costs nothing where it is wrong (humans). */
    if (l > 3 && !strcmp(w + l - 3, "man")) n = add(out, n, max, 1, w, l - 3, "men");
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        n = add(out, n, max, 1, w, l, "es");
    else if (last == 'y' && !vowel(prev)) n = add(out, n, max, 1, w, l - 1, "ies");
    else n = add(out, n, max, 1, w, l, "s");
    return n;
}
