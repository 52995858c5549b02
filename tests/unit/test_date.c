/* Unit tests: date.c */
#include "unit.h"
#include "date.h"

static dyad_date ref_day(int y, int m, int d) { return (dyad_date){y, m, d, DP_DAY}; }

/* Scans s and returns the first date formatted, or "" */
static const char *first(const char *s, dyad_date ref, int *flags) {
    static char out[11];
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    assert_int_equal(dyad_tokenize(s, 0, strlen(s), &t), 0);
    dyad_date_expr de[4];
    size_t n = dyad_date_scan(s, t.v, t.n, ref, de, 4, NULL);
    out[0] = 0;
    if (n) { dyad_date_format(de[0].date, out); if (flags) *flags = de[0].flags; }
    free(t.v);
    return out;
}

static void absolute(void **state) {
    (void)state;
    dyad_date r = ref_day(2015, 4, 3);
    assert_string_equal(first("Radio of Armenia, 23 March 2015", r, NULL), "2015-03-23");
    assert_string_equal(first("reported on November 6, 2012.", r, NULL), "2012-11-06");
    assert_string_equal(first("(SFP 16/7/2014) ~", r, NULL), "2014-07-16");
    assert_string_equal(first("on 7/16/2014", r, NULL), "2014-07-16");
    assert_string_equal(first("KABUL, Afghanistan (Jan. 25, 2013)", r, NULL), "2013-01-25");
    assert_string_equal(first("on 2015-04-02 at noon", r, NULL), "2015-04-02");
    assert_string_equal(first("In 2013, the states agreed", r, NULL), "2013");
    assert_string_equal(first("signed in the summer of 2014", r, NULL), "2014");
    assert_string_equal(first("in March 2015", r, NULL), "2015-03");
}

static void relative(void **state) {
    (void)state;
    dyad_date r = ref_day(2015, 4, 3);   /* a Friday */
    assert_string_equal(first("On April 2, the ministers met", r, NULL), "2015-04-02");
    assert_string_equal(first("yesterday the minister said", r, NULL), "2015-04-02");
    assert_string_equal(first("the results of yesterday's talks", r, NULL), "2015-04-02");
    assert_string_equal(first("said in a statement Monday", r, NULL), "2015-03-30");
    assert_string_equal(first("on Friday", r, NULL), "2015-04-03");
    assert_string_equal(first("last Friday", r, NULL), "2015-03-27");
    assert_string_equal(first("in relevant remarks in October", ref_day(2014, 7, 16), NULL), "2013-10");
    assert_string_equal(first("last October", ref_day(2014, 11, 2), NULL), "2014-10");
    assert_string_equal(first("last October", ref_day(2014, 7, 16), NULL), "2013-10");
    assert_string_equal(first("on July 2", ref_day(2014, 7, 16), NULL), "2014-07-02");
    assert_string_equal(first("on December 30", ref_day(2015, 1, 2), NULL), "2014-12-30");
    int flags = 0;
    first("(see Kommersant on September 23, 2013)", r, &flags);
    assert_true(flags & DF_PAREN);
}

static void not_dates(void **state) {
    (void)state;
    dyad_date r = ref_day(2015, 4, 3);
    assert_string_equal(first("Russia may send 70 billion rubles", r, NULL), "");
    assert_string_equal(first("about 1350 km of border", r, NULL), "");
    assert_string_equal(first("on 31/2/2015", r, NULL), "");
    assert_string_equal(first("flight 254 landed", r, NULL), "");
}

static void calendar(void **state) {
    (void)state;
    for (long d = -1000; d < 30000; d += 37) {
        int y, m, dd;
        dyad_civil(d, &y, &m, &dd);
        assert_int_equal(dyad_days(y, m, dd), d);
    }
    dyad_date x;
    assert_int_equal(dyad_date_parse_iso("2014-07", &x), 0);
    assert_int_equal(x.prec, DP_MONTH);
    assert_int_not_equal(dyad_date_parse_iso("2014-13-01", &x), 0);
    assert_int_not_equal(dyad_date_parse_iso("20x4", &x), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(absolute), cmocka_unit_test(relative),
                                       cmocka_unit_test(not_dates), cmocka_unit_test(calendar)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
