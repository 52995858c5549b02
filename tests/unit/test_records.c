/* Unit tests: records.c reads back what emit.c writes. Every record dyad codes from a varied
 * text (events with amounts, counts, places, attribution, modes; conflicts with claims; stories)
 * is parsed into a dyad_record and written again: the JSON must come out the same, byte for
 * byte. And what is not a record is refused with a reason. */
#include "unit.h"
#include "dyad.h"
#include "emit.h"
#include "records.h"
#include "util.h"

static const char *paths[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
static dyad_dict *dict;
static int n_records, n_kinds[4];

static int setup(void **state) {
    (void)state;
    return dyad_dict_load(&dict, paths, 2, NULL) == DYAD_OK ? 0 : -1;
}
static int teardown(void **state) {
    (void)state;
    dyad_dict_free(dict);
    return 0;
}

static int roundtrip(void *ud, const dyad_record *r) {
    (void)ud;
    cJSON *o = cJSON_Parse(r->json);
    assert_non_null(o);
    dyad_record back;
    dyad_claim claims[16];
    const char *why = NULL;
    assert_int_equal(dyad_record_parse(o, &back, claims, 16, &why), 0);
    dyad_buf b;
    dyad_buf_init(&b, NULL);
    dyad_emit_json(&back, &b);
    assert_false(b.oom);
    assert_string_equal(b.data, r->json);
    dyad_buf_free(&b);
    cJSON_Delete(o);
    n_records++;
    n_kinds[r->type < 4 ? r->type : 0]++;
    return 0;
}

static void emitted_records_read_back(void **state) {
    (void)state;
    static const char text[] =
        "Russia will transfer $70 billion to Tajikistan. Russia is ready to allocate to Tajikistan military-technical "
        "assistance of 70 billion rubles (about $1.23 billion), a source told Kommersant.\n\n"
        "KABUL, Afghanistan (Jan. 25, 2013) - Afghan forces killed two insurgents and detained nine others in Andar "
        "district, Ghazni province, yesterday. Britain said Libya must hand over the suspects. Arnor did not reply.\n";
    dyad_code_options co;
    memset(&co, 0, sizeof co);
    co.date = "2015-04-03";
    co.stories = 1;
    dyad_coder *c = NULL;
    assert_int_equal(dyad_coder_new(&c, dict, &co), DYAD_OK);
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "records";
    doc.text = text;
    doc.len = sizeof text - 1;
    assert_int_equal(dyad_coder_code(c, &doc, roundtrip, NULL), DYAD_OK);
    dyad_coder_free(c);
    assert_true(n_kinds[DYAD_REC_EVENT] >= 5);
    assert_true(n_kinds[DYAD_REC_CONFLICT] >= 1);
    assert_true(n_kinds[DYAD_REC_STORY] >= 1);
}

static void not_records_refused(void **state) {
    (void)state;
    static const char *const bad[] = {"[1,2]", "{\"text\":\"no type\"}", "{\"type\":\"tweet\",\"doc\":\"d\"}",
                                      "{\"type\":\"event\",\"id\":\"x\"}", "{\"type\":\"conflict\",\"doc\":\"d\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cJSON *o = cJSON_Parse(bad[i]);
        assert_non_null(o);
        dyad_record r;
        dyad_claim claims[4];
        const char *why = NULL;
        assert_int_equal(dyad_record_parse(o, &r, claims, 4, &why), -1);
        assert_non_null(why);
        cJSON_Delete(o);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(emitted_records_read_back), cmocka_unit_test(not_records_refused)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
