/* Unit tests: clean.c and split.c */
#include "unit.h"
#include "clean.h"
#include "split.h"

static const char page[] =
    ", , , , ,\n\n"
    "Arnor will send aid to Gondor ~ Minas Tirith will receive it\n\n"
    "By Jane Writer, Annuminas; Joe Writer\n\n"
    "Arnor is ready to help. The aid is large.\n\n"
    "Translated by Somebody\n\n"
    "R E L A T E D :\n\n"
    "Rohan holds drills\n\n"
    "Radio of Rohan, 23 March 2015\n\n"
    "Rohan conducted exercises.\n\n"
    "R E L A T E D :\n\n"
    "(RFP 16/7/2014) ~ The riders left Edoras.\n\n"
    "Kristina Rus:\n"
    "Submitted by\n"
    "The real Example.NETwork at\n\n"
    "NOTE: The contents of this page are of sole responsibility of their authors.\n";

/* Cleans text as a document dated 2015-04-03 into c (its allocations through m). */
static void clean(dyad_clean *c, const dyad_mem *m, const char *text, size_t n) {
    dyad_clean_init(c, m);
    dyad_date doc = {2015, 4, 3, DP_DAY};
    assert_int_equal(dyad_clean_run(c, text, n, doc), 0);
}

static void stories(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_clean c;
    clean(&c, &m, page, sizeof page - 1);
    assert_int_equal(c.nstories, 3);
    char d[11];
    dyad_date_format(c.stories[0].date, d);
    assert_string_equal(d, "2015-04-03");
    dyad_date_format(c.stories[1].date, d);
    assert_string_equal(d, "2015-03-23");
    dyad_date_format(c.stories[2].date, d);
    assert_string_equal(d, "2014-07-16");
    /* kept: headline, body of story 1; headline and body of story 2; body of story 3 */
    assert_int_equal(c.nsegs, 5);
    assert_true(c.segs[0].flags & SEG_TITLE);
    assert_memory_equal(page + c.segs[4].start, "The riders left Edoras.", 23);
    for (size_t i = 0; i < c.nsegs; i++) {
        const char *s = page + c.segs[i].start;
        size_t n = c.segs[i].end - c.segs[i].start;
        assert_null(memmem(s, n, "By Jane", 7));
        assert_null(memmem(s, n, "NOTE", 4));
        assert_null(memmem(s, n, "Translated", 10));
        assert_null(memmem(s, n, "R E L", 5));
    }
    dyad_clean_free(&c);
}

/* Text wrapped at a width: a line that goes on the sentence before it joins its segment; a
 * headline does not, nor a line after a finished sentence or a blank line. */
static void wrapped_lines(void **state) {
    (void)state;
    static const char text[] =
        "Rohan Holds Drills in the Westfold\n"
        "The riders of Rohan left Edoras and crossed the fords of the Isen in\n"
        "Westfold province, the marshal said,\n"
        "adding that they would stay a week.\n"
        "The king was\n"
        "not with them.\n\n"
        "lower case after a blank line.\n";
    dyad_mem m = {NULL, NULL};
    dyad_clean c;
    clean(&c, &m, text, sizeof text - 1);
    assert_int_equal(c.nsegs, 4);
    assert_true(c.segs[0].flags & SEG_TITLE);
    assert_memory_equal(text + c.segs[1].start, "The riders", 10);
    assert_memory_equal(text + c.segs[1].end - 12, "stay a week.", 12);
    assert_false(c.segs[1].flags & SEG_TITLE);
    assert_memory_equal(text + c.segs[2].start, "The king was\nnot with them.", 26);
    assert_memory_equal(text + c.segs[3].start, "lower case", 10);
    dyad_clean_free(&c);
}

static void sentences(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_lex lx;
    assert_int_equal(dyad_lex_init(&lx, &m), 0);
    uint32_t gen = dyad_lex_add(&lx, "gen", 3);
    lx.words[gen].flags |= W_ABBREV;
    lx.words[dyad_lex_add(&lx, "jan", 3)].flags |= W_ABBREV;
    const char *s = "Gen. Smith met U.S. officials on Jan. 5. Aid worth $1.23 billion arrived. "
                    "He said: \"We agree.\" Talks go on ~ More later";
    dyad_toks t = {NULL, 0, 0, &m};
    assert_int_equal(dyad_tokenize(s, 0, strlen(s), &t), 0);
    char low[64];
    for (size_t i = 0; i < t.n; i++) {
        size_t n = dyad_lower(s + t.v[i].off, t.v[i].len, low, sizeof low);
        t.v[i].id = dyad_lex_find(&lx, low, n);
    }
    dyad_ranges r = {NULL, 0, 0, &m};
    assert_int_equal(dyad_split(s, t.v, 0, t.n, &lx, 200, &r), 0);
    assert_int_equal(r.n, 5);
    const char *starts[] = {"Gen.", "Aid", "He", "Talks", "More"};
    for (size_t i = 0; i < r.n; i++) assert_memory_equal(s + t.v[r.v[i].a].off, starts[i], strlen(starts[i]));
    free(r.v);
    free(t.v);
    dyad_lex_free(&lx);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(stories), cmocka_unit_test(wrapped_lines),
                                       cmocka_unit_test(sentences)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
