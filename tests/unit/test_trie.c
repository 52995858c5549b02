/* Unit tests: trie.c, lex.c, morph.c */
#include "unit.h"
#include "lex.h"
#include "morph.h"
#include "trie.h"

static void trie_longest(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_trie t;
    assert_int_equal(dyad_trie_init(&t, &m), 0);
    uint32_t a[] = {1, 2, 3}, b[] = {1, 2};
    assert_true(dyad_trie_add(&t, a, 3, 0, 1, 100) >= 0);
    assert_true(dyad_trie_add(&t, b, 2, 0, 1, 200) >= 0);
    assert_true(dyad_trie_add(&t, b, 2, 0, 2, 300) >= 0);   /* a second meaning at one node */
    /* many phrases: the edge table grows */
    for (uint32_t i = 10; i < 5000; i++) {
        uint32_t p[2] = {i, i + 1};
        assert_true(dyad_trie_add(&t, p, 2, 0, 3, i) >= 0);
    }
    uint32_t n1 = dyad_trie_step(&t, 0, 1), n2 = dyad_trie_step(&t, n1, 2), n3 = dyad_trie_step(&t, n2, 3);
    assert_true(n1 && n2 && n3);
    assert_int_equal(dyad_trie_first(&t, n1), -1);
    int32_t e = dyad_trie_first(&t, n2);
    assert_int_equal(t.entries[e].payload, 200);
    assert_int_equal(t.entries[t.entries[e].next].payload, 300);
    assert_int_equal(t.entries[dyad_trie_first(&t, n3)].payload, 100);
    assert_int_equal(dyad_trie_step(&t, 0, 9), 0);
    uint32_t x = dyad_trie_step(&t, dyad_trie_step(&t, 0, 4000), 4001);
    assert_int_equal(t.entries[dyad_trie_first(&t, x)].payload, 4000);
    dyad_trie_free(&t);
}

static void lexicon(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_lex lx;
    assert_int_equal(dyad_lex_init(&lx, &m), 0);
    char w[16];
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(w, sizeof w, "w%d", i);
        assert_int_equal(dyad_lex_add(&lx, w, (size_t)n), (uint32_t)i + 1);
    }
    assert_int_equal(dyad_lex_find(&lx, "w2999", 5), 3000);
    assert_int_equal(dyad_lex_find(&lx, "nope", 4), 0);
    assert_int_equal(dyad_lex_add(&lx, "w7", 2), 8);
    char low[32];
    size_t n = dyad_lower("ÉLYSÉE Palace", 15, low, sizeof low);
    assert_int_equal(n, 15);
    assert_memory_equal(low, "élysée palace", 15);
    dyad_lex_free(&lx);
}

static int has(const dyad_form *f, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++) if (!strcmp(f[i].s, s)) return 1;
    return 0;
}

static void inflection(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_morph mo;
    int r = dyad_morph_load(&mo, &m, "/usr/share/wordnet");
    assert_true(r >= 0);
    dyad_form f[16];
    size_t n = dyad_morph_verb_forms(&mo, "provide", f, 16);
    assert_true(has(f, n, "provide") && has(f, n, "provides") && has(f, n, "provided") && has(f, n, "providing"));
    n = dyad_morph_verb_forms(&mo, "accuse", f, 16);
    assert_true(has(f, n, "accused") && has(f, n, "accusing"));
    n = dyad_morph_verb_forms(&mo, "deny", f, 16);
    assert_true(has(f, n, "denies") && has(f, n, "denied") && has(f, n, "denying"));
    n = dyad_morph_verb_forms(&mo, "stop", f, 16);
    assert_true(has(f, n, "stopped") && has(f, n, "stopping"));
    n = dyad_morph_verb_forms(&mo, "meet", f, 16);
    if (r == 0) assert_true(has(f, n, "met"));
    n = dyad_morph_verb_forms(&mo, "flee", f, 16);
    if (r == 0) assert_true(has(f, n, "fled"));
    n = dyad_morph_plurals(&mo, "guard", f, 16);
    assert_true(has(f, n, "guards"));
    n = dyad_morph_plurals(&mo, "policeman", f, 16);
    if (r == 0) assert_true(has(f, n, "policemen"));
    n = dyad_morph_plurals(&mo, "authority", f, 16);
    assert_true(has(f, n, "authorities"));
    dyad_morph_free(&mo);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(trie_longest), cmocka_unit_test(lexicon),
                                       cmocka_unit_test(inflection)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
