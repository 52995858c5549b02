/* Unit tests: the whole pipeline through the public interface, and its failure paths. */
#include "unit.h"
#include "dyad.h"

#ifndef DYAD_SOURCE_DIR
#define DYAD_SOURCE_DIR "."
#endif

static const char *paths[] = {DYAD_DICT_DIR, DYAD_SOURCE_DIR "/tests/rules/world.txt"};

typedef struct got { int events, conflicts; char first[512]; } got;
static int sink(void *ud, const dyad_record *r) {
    got *g = ud;
    if (r->type == DYAD_REC_EVENT) {
        if (!g->events++) snprintf(g->first, sizeof g->first, "%s %s %s %s", r->source.code, r->cameo,
                                   r->target.code ? r->target.code : "-", r->mode);
    } else if (r->type == DYAD_REC_CONFLICT) g->conflicts++;
    return 0;
}

static dyad_dict *dict;
static int setup(void **state) {
    (void)state;
    return dyad_dict_load(&dict, paths, 2, NULL) == DYAD_OK ? 0 : -1;
}
static int teardown(void **state) {
    (void)state;
    dyad_dict_free(dict);
    return 0;
}

static got code(const char *text, const char *date) {
    dyad_coder *c = NULL;
    assert_int_equal(dyad_coder_new(&c, dict, NULL), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.date = date;
    got g;
    memset(&g, 0, sizeof g);
    assert_int_equal(dyad_coder_code(c, &doc, sink, &g), DYAD_OK);
    dyad_coder_free(c);
    return g;
}

static void codes(void **state) {
    (void)state;
    got g = code("Arnor is ready to provide Gondor with military aid.", "2020-01-01");
    assert_int_equal(g.events, 1);
    assert_string_equal(g.first, "ARN 0332 GON intent");
    g = code("Arnor did not provide military aid to Gondor.", "2020-01-01");
    assert_int_equal(g.events, 1);
    assert_string_equal(g.first, "ARN 072 GON negated");
    g = code("", NULL);
    assert_int_equal(g.events, 0);
    g = code("\xff\xfe\x00\x01 ~~~ ...", NULL);
    assert_int_equal(g.events, 0);
}

static int stop_sink(void *ud, const dyad_record *r) { (void)ud; (void)r; return 7; }

static void sink_stops(void **state) {
    (void)state;
    dyad_coder *c = NULL;
    assert_int_equal(dyad_coder_new(&c, dict, NULL), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.text = "Arnor accused Gondor of espionage.";
    doc.len = strlen(doc.text);
    assert_int_equal(dyad_coder_code(c, &doc, stop_sink, NULL), 7);
    dyad_coder_free(c);
}

static void out_of_memory(void **state) {
    (void)state;
    const char *text = "Arnor is ready to provide Gondor with military aid worth $5 billion. "
                       "Rohan accused Mordor of espionage in Edoras on Monday.";
    int ok = 0;
    for (long budget = 0; budget < 200000 && !ok; budget += 1 + budget / 4) {
        failing_alloc fa = {budget, 0};
        dyad_dict_options o;
        memset(&o, 0, sizeof o);
        o.alloc = failing_alloc_fn;
        o.alloc_ud = &fa;
        dyad_dict *d = NULL;
        int rc = dyad_dict_load(&d, paths, 2, &o);
        if (rc == DYAD_OK) {
            dyad_coder *c = NULL;
            rc = dyad_coder_new(&c, d, NULL);
            if (rc == DYAD_OK) {
                dyad_doc doc;
                memset(&doc, 0, sizeof doc);
                doc.text = text;
                doc.len = strlen(text);
                doc.date = "2021-05-05";
                got g;
                memset(&g, 0, sizeof g);
                rc = dyad_coder_code(c, &doc, sink, &g);
                if (rc == DYAD_OK) ok = g.events >= 2;
            }
            dyad_coder_free(c);
        }
        assert_true(rc == DYAD_OK || rc == DYAD_ENOMEM);
        dyad_dict_free(d);
    }
    assert_true(ok);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(codes), cmocka_unit_test(sink_stops), cmocka_unit_test(out_of_memory)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
