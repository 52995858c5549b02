/* Unit tests: util.c and utf8.c */
#include "unit.h"
#include "utf8.h"
#include "util.h"

static void buffers(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_buf b;
    dyad_buf_init(&b, &m);
    dyad_buf_json_str(&b, "a\"b\\c\n\x01", 7);
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
    /* output is valid UTF-8 whatever the input: bad bytes become U+FFFD, good ones pass */
    dyad_buf_clear(&b);
    dyad_buf_json_str(&b, "a\xff" "b\xc3\xa9\xe2\x82\xac\xed\xa0\x80\xf0\x9f\x98\x80\xc3", 16);
    assert_string_equal(b.data, "\"a\xEF\xBF\xBD" "b\xc3\xa9\xe2\x82\xac\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                "\xf0\x9f\x98\x80\xEF\xBF\xBD\"");
    dyad_buf_clear(&b);
    for (int i = 0; i < 1000; i++) dyad_buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    dyad_buf_free(&b);
}

static void failing_buffers(void **state) {
    (void)state;
    failing_alloc fa = {0, 0};
    dyad_mem m = {failing_alloc_fn, &fa};
    dyad_buf b;
    dyad_buf_init(&b, &m);
    dyad_buf_adds(&b, "hello");
    assert_true(b.oom);
    assert_int_equal(b.len, 0);
    dyad_buf_free(&b);
}

static void arena(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_arena a;
    dyad_arena_init(&a, &m, 64);
    for (int i = 0; i < 100; i++) {
        char *s = dyad_arena_strndup(&a, "abcdefghij", 10);
        assert_non_null(s);
        assert_string_equal(s, "abcdefghij");
        assert_int_equal(((uintptr_t)s) % 8, 0);
    }
    assert_non_null(dyad_arena_alloc(&a, 1000));
    dyad_arena_reset(&a);
    assert_non_null(dyad_arena_alloc(&a, 8));
    dyad_arena_free(&a);
}

static void normalise(void **state) {
    (void)state;
    dyad_mem m = {NULL, NULL};
    dyad_norm n;
    dyad_norm_init(&n, &m);
    /* curly quotes, no-break space, en dash, CRLF, invalid byte, NUL */
    const char in[] = "\xE2\x80\x9CIS\xE2\x80\x9D\xC2\xA0" "a\xE2\x80\x93" "b\r\nc\xFF" "d\0e";
    assert_int_equal(dyad_norm_run(&n, in, sizeof in - 1), 0);
    assert_string_equal(n.out.data, "\"IS\" a - b\nc\xEF\xBF\xBD" "de");
    assert_int_equal(n.bad, 1);
    /* the map points back into the input */
    assert_int_equal(n.map[0], 0);
    assert_int_equal(n.map[1], 3);
    assert_int_equal(n.map[n.out.len], sizeof in - 1);
    /* NFKC: the ligature fi, full-width A */
    assert_int_equal(dyad_norm_run(&n, "\xEF\xAC\x81 \xEF\xBC\xA1", 7), 0);
    assert_string_equal(n.out.data, "fi A");
    dyad_norm_free(&n);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(buffers), cmocka_unit_test(failing_buffers),
                                       cmocka_unit_test(arena), cmocka_unit_test(normalise)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
