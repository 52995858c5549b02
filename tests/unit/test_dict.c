/* Unit tests: dict.c (loading, errors, check mode, a failing allocator) */
#include "unit.h"
#include <sys/stat.h>
#include <unistd.h>
#include "dict.h"

static char dir[256];

static void put(const char *name, const char *text) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dyad-test-dict-%d", (int)getpid());
    mkdir(dir, 0700);
    char p[512];
    snprintf(p, sizeof p, "%s/verbs", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0700);
    put("cameo.txt", "072\t8.3\tAID//military\t0332\t0232\t1222\tprovide military aid\n"
                     "0332\t5.2\tAGREE\t-\t-\t-\tpromise military aid\n0232\t3.4\tREQUEST\t-\t-\t-\task for military aid\n"
                     "1222\t-4\tREJECT\t-\t-\t-\trefuse military aid\n020\t3\tREQUEST\t-\t-\t-\tappeal\n");
    put("verbs/07.txt", "@arms = weapons | military aid | military-technical assistance\n"
                        "072\tprovide @arms\n072\tprovide + with @arms\n072\tsupply arms|weapons\t# provenance\n");
    put("verbs/02.txt", "020\task\top=request\n");
    put("actors/a.txt", "Arnor | Arnorian\ttype=country country=ARN\n"
                        "Aragorn\ttype=person country=ARN sector=GOV role=\"king\" from=2001-01-01 until=2010 name=\"Aragorn\"\n"
                        "US\ttype=country country=USA\n");
    put("agents.txt", "border guard\tsector=MIL\npoliceman\tsector=COP\n");
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void loads(void **state) {
    (void)state;
    const char *paths[] = {dir};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, paths, 1, NULL), DYAD_OK);
    dyad_dict_stats s;
    dyad_dict_stats_get(d, &s);
    assert_int_equal(s.verb_patterns, 4);
    assert_int_equal(s.codes, 5);
    assert_int_equal(s.actors, 3);
    assert_int_equal(s.agents, 2);
    /* verb forms and plurals are in the lexicon */
    assert_true(dyad_lex_find(&d->lex, "provided", 8) != 0);
    assert_true(dyad_lex_find(&d->lex, "supplies", 8) != 0);
    assert_true(dyad_lex_find(&d->lex, "guards", 6) != 0);
    assert_true(dyad_lex_find(&d->lex, "policemen", 9) != 0);
    const char *label;
    double g;
    int q;
    assert_int_equal(dyad_dict_cameo(d, "072", &label, &g, &q), 1);
    assert_string_equal(label, "provide military aid");
    assert_int_equal(q, 2);
    assert_int_equal(dyad_dict_cameo(d, "999", NULL, NULL, NULL), 0);
    const dyad_cameo *c = dyad_dict_code(d, "072");
    assert_string_equal(c->intent, "0332");
    assert_string_equal(c->plover, "AID");
    assert_string_equal(c->plover_context, "military");
    dyad_dict_free(d);
    dyad_dict_free(NULL);
}

static int diags;
static char last[512];
static void diag(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    diags++;
    snprintf(last, sizeof last, "%s:%d: %s", strrchr(file, '/') ? strrchr(file, '/') + 1 : file, line, msg);
}

static void errors(void **state) {
    (void)state;
    const char *paths[] = {dir};
    put("verbs/bad.txt", "072\tprovide @nosuch\n");
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, paths, 1, NULL), DYAD_EDICT);
    assert_non_null(strstr(dyad_dict_errmsg(d), "bad.txt:1: undefined word set"));
    dyad_dict_free(d);
    /* check mode reports every problem and goes on */
    put("verbs/bad.txt", "072\tprovide @nosuch\n9x9\tgive\nabc\n073\tgive\n");
    put("actors/b.txt", "Gondor\ttype=country country=gon\nRohan\ttype=nation country=ROH\nMordor\tcountry=MOR from=2020 until=2010 type=country\n");
    dyad_dict_options o;
    memset(&o, 0, sizeof o);
    o.check = 1;
    o.diag = diag;
    diags = 0;
    assert_int_equal(dyad_dict_load(&d, paths, 1, &o), DYAD_EDICT);
    assert_true(diags >= 7);
    dyad_dict_free(d);
    unlink(strcat(strcpy(last, dir), "/verbs/bad.txt"));
    snprintf(last, sizeof last, "%s/actors/b.txt", dir);
    unlink(last);
    /* a missing path */
    const char *missing[] = {"/nonexistent/dyad"};
    assert_int_equal(dyad_dict_load(&d, missing, 1, NULL), DYAD_EIO);
    assert_non_null(strstr(dyad_dict_errmsg(d), "/nonexistent/dyad"));
    dyad_dict_free(d);
}

static void out_of_memory(void **state) {
    (void)state;
    const char *paths[] = {dir};
    int ok = 0;
    for (long budget = 0; budget < 100000 && !ok; budget += 1 + budget / 8) {
        failing_alloc fa = {budget, 0};
        dyad_dict_options o;
        memset(&o, 0, sizeof o);
        o.alloc = failing_alloc_fn;
        o.alloc_ud = &fa;
        dyad_dict *d = NULL;
        int rc = dyad_dict_load(&d, paths, 1, &o);
        assert_true(rc == DYAD_OK || rc == DYAD_ENOMEM);
        ok = rc == DYAD_OK;
        dyad_dict_free(d);
    }
    assert_true(ok);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(loads), cmocka_unit_test(errors), cmocka_unit_test(out_of_memory)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
