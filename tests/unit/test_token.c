/* Unit tests: token.c */
#include "unit.h"
#include "token.h"

static size_t toks(const char *s, dyad_toks *t) {
    t->n = 0;
    assert_int_equal(dyad_tokenize(s, 0, strlen(s), t), 0);
    return t->n;
}

static void spans(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    const char *s = "Russia's aid, worth $1.23 billion at 21:10 on 16/7/2014.";
    size_t n = toks(s, &t);
    const char *want[] = {"Russia", "'", "s", "aid", ",", "worth", "$", "1.23", "billion", "at", "21:10", "on", "16/7/2014", "."};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(t.v[i].len, strlen(want[i]));
        assert_memory_equal(s + t.v[i].off, want[i], t.v[i].len);
    }
    assert_true(t.v[0].flags & T_CAP);
    assert_true(t.v[7].flags & T_NUM);
    free(t.v);
}

static void hyphens_caps_negation(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    const char *s = "military-technical US don't 1,350 km";
    size_t n = toks(s, &t);
    assert_int_equal(n, 8);
    assert_memory_equal(s + t.v[1].off, "-", 1);
    assert_true(t.v[3].flags & T_ALLCAPS);
    assert_memory_equal(s + t.v[4].off, "do", 2);
    assert_memory_equal(s + t.v[5].off, "n't", 3);
    assert_int_equal(t.v[6].len, 5);
    free(t.v);
}

/* "n't" written alone (a dictionary's "did n't") and at the very end of the text: one token */
static void negation_alone(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    const char *s = "did n't go, won't";
    assert_int_equal(toks(s, &t), 6);
    assert_int_equal(t.v[1].len, 3);
    assert_memory_equal(s + t.v[1].off, "n't", 3);
    assert_true(t.v[1].flags & T_SPACE);
    assert_memory_equal(s + t.v[4].off, "wo", 2);
    assert_memory_equal(s + t.v[5].off, "n't", 3);
    free(t.v);
}

/* an underscore between letters separates the words of a name; elsewhere it is a mark */
static void underscore(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    const char *s = "Dol_Amroth _x";
    assert_int_equal(toks(s, &t), 4);
    assert_int_equal(t.v[0].len, 3);
    assert_int_equal(t.v[1].len, 6);
    assert_true(t.v[1].flags & T_SPACE);
    assert_memory_equal(s + t.v[2].off, "_", 1);
    free(t.v);
}

static void utf8_and_empty(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    assert_int_equal(toks("", &t), 0);
    assert_int_equal(toks("   \n ", &t), 0);
    /* letters beyond ASCII stay in one word; a stray continuation byte is its own token */
    assert_int_equal(toks("Élysée \x80 Dušanbe", &t), 3);
    free(t.v);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spans), cmocka_unit_test(hyphens_caps_negation), cmocka_unit_test(negation_alone), cmocka_unit_test(underscore),
        cmocka_unit_test(utf8_and_empty)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
