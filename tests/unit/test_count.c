/* Unit tests: count.c, with the real dictionaries (numbers from dict/amounts.txt, count words
 * from dict/counts.txt). */
#include <unistd.h>
#include "unit.h"
#include "count.h"

#ifndef DYAD_DICT_DIR
#define DYAD_DICT_DIR "dict"
#endif

static dyad_dict *dict;
static dyad_counts *counts;

static int setup(void **state) {
    (void)state;
    const char *paths[] = {DYAD_DICT_DIR};
    if (dyad_dict_load(&dict, paths, 1, NULL) != DYAD_OK) return -1;
    char err[512];
    int rc = dyad_counts_load(&counts, dict, DYAD_DICT_DIR "/counts.txt", err, sizeof err);
    if (rc != DYAD_OK) fprintf(stderr, "%s\n", err);
    return rc == DYAD_OK ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    dyad_counts_free(counts);
    dyad_dict_free(dict);
    return 0;
}

/* Tokenizes s, looks its words up as the coder does, and describes every count found:
 * "dead 15+" (+ a minimum, - a maximum), "dead 20|injured" (or_kind), "size 3 ()" (in brackets),
 * "arrested 2 added" (people beyond those reported before),
 * then the words it spans in brackets; counts separated by "; ". */
static const char *counts_of(const char *s) {
    static char out[1024];
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    assert_int_equal(dyad_tokenize(s, 0, strlen(s), &t), 0);
    char low[256];
    for (size_t i = 0; i < t.n; i++) {
        size_t ln = dyad_lower(s + t.v[i].off, t.v[i].len, low, sizeof low);
        t.v[i].id = dyad_lex_find(&dict->lex, low, ln);
    }
    dyad_count c[8];
    size_t n = dyad_count_scan(dict, counts, s, t.v, 0, t.n, c, 8);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && o < sizeof out; i++) {
        const char *from = s + t.v[c[i].a].off, *to = s + t.v[c[i].b - 1].off + t.v[c[i].b - 1].len;
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s %g%s%s%s%s%s [%.*s]", i ? "; " : "",
                              dyad_count_kind_name(c[i].kind), c[i].value,
                              c[i].minimum > 0 ? "+" : c[i].minimum < 0 ? "-" : "",
                              c[i].or_kind ? "|" : "", dyad_count_kind_name(c[i].or_kind),
                              c[i].paren ? " ()" : "", c[i].added ? " added" : "", (int)(to - from), from);
    }
    free(t.v);
    return out;
}

typedef struct tcase { const char *text, *want; } tcase;

static void check(const tcase *tc, size_t n) {
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const char *got = counts_of(tc[i].text);
        if (strcmp(got, tc[i].want)) {
            fprintf(stderr, "  \"%s\"\n    want: %s\n    got:  %s\n", tc[i].text, tc[i].want, got);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

#define CHECK(tc) check(tc, sizeof tc / sizeof *tc)

static void kinds(void **state) {
    (void)state;
    static const tcase tc[] = {
        {"Coalition forces killed 5 insurgents in Helmand.", "dead 5 [killed 5 insurgents]"},
        {"At least 15 people were killed in the blast.", "dead 15+ [At least 15 people were killed]"},
        {"Two suspected insurgents were detained.", "arrested 2 [Two suspected insurgents were detained]"},
        {"Dozens were wounded.", "injured 24+ [Dozens were wounded]"},
        {"More than a thousand protesters gathered outside parliament.",
         "size 1001+ [More than a thousand protesters gathered]"},
        {"Scores of civilians.", "size 40+ [Scores of civilians]"},
        {"A Taliban leader was arrested in Kandahar.", "arrested 1 [A Taliban leader was arrested]"},
        {"The operation killed several insurgents.", "dead 3+ [killed several insurgents]"},
        {"Numerous insurgents were killed.", "dead 4+ [Numerous insurgents were killed]"},
        {"The gunmen killed two and wounded three.", "dead 2 [killed two]; injured 3 [wounded three]"},
        {"The death toll rose to 20.", "dead 20 [death toll rose to 20]"},
        {"20 people were killed or wounded.", "dead 20|injured [20 people were killed or wounded]"},
        {"He commanded 1,000 Takfiri Tajik fighters.", "size 1000 [1,000 Takfiri Tajik fighters]"},
        {"Some 5,000 people fled the fighting.", "displaced 5000 [Some 5,000 people fled]"},
        {"The war displaced 1.5 million people.", "displaced 1.5e+06 [displaced 1.5 million people]"},
        {"Police arrested 12 demonstrators.", "arrested 12 [arrested 12 demonstrators]"},
        {"3 policemen were hurt.", "injured 3 [3 policemen were hurt]"},
    };
    CHECK(tc);
}

/* Figures of people beyond those reported before, and figures that restate them. */
static void additions(void **state) {
    (void)state;
    static const tcase tc[] = {
        {"Two additional suspected insurgents were also detained.",
         "arrested 2 added [Two additional suspected insurgents were also detained]"},
        {"The force also detained two suspected insurgents.", "arrested 2 added [detained two suspected insurgents]"},
        {"The force detained one other suspected insurgent.", "arrested 1 added [detained one other suspected insurgent]"},
        {"The force detained two more suspects.", "arrested 2 added [detained two more suspects]"},
        {"The force detained more than 10 suspects.", "arrested 11+ [detained more than 10 suspects]"},
        {"The force detained at least 10 suspects.", "arrested 10+ [detained at least 10 suspects]"},
        {"The force detained two suspected insurgents.", "arrested 2 [detained two suspected insurgents]"},
        {"The force detained the leader along with three other suspects.",
         "arrested 1 [detained the leader]; arrested 3 added [three other suspects]"},
        {"Police arrested two men as well as three women.", "arrested 2 [arrested two men]; arrested 3 [three women]"},
        {"Police detained the two suspects.", "arrested 2 [detained the two suspects]"},
        {"The force detained the senior leader along with three of his associates.",
         "arrested 1 [detained the senior leader]; arrested 3 [three of his associates]"},
        {"The force captured a Taliban leader and a facilitator along with several suspects.",
         "arrested 1 [captured a Taliban leader]; arrested 1 [a facilitator]; arrested 3+ [several suspects]"},
        {"The force detained the commander, facilitator and two of their associates.",
         "arrested 1 [detained the commander]; arrested 1 [facilitator]; arrested 2 [two of their associates]"},
        {"The force detained the commander and other suspected insurgents.",
         "arrested 1 [detained the commander]; arrested 2+ added [other suspected insurgents]"},
    };
    CHECK(tc);
}

static void numbers(void **state) {
    (void)state;
    static const tcase tc[] = {
        {"Twenty-five civilians died.", "dead 25 [Twenty-five civilians died]"},
        {"The force killed between three and six insurgents.", "dead 3+ [killed between three and six insurgents]"},
        {"The aircraft struck the car, killing all three.", "dead 3 [killing all three]"},
        {"He was subsequently killed.", "dead 1 [He was subsequently killed]"},
        {"The commander confirmed the death of Haqqani leader Shabeer.", "dead 1 [death of Haqqani leader]"},
        {"Fifteen soldiers were killed.", "dead 15 [Fifteen soldiers were killed]"},
        {"Two hundred people were arrested.", "arrested 200 [Two hundred people were arrested]"},
        {"Several hundred protesters marched.", "size 300+ [Several hundred protesters marched]"},
        {"Two dozen villagers were abducted and 12,500 residents were displaced.",
         "size 24 [Two dozen villagers]; displaced 12500 [12,500 residents were displaced]"},
        {"Hundreds of thousands of refugees.", "displaced 200000+ [Hundreds of thousands of refugees]"},
        {"Up to 500 people were displaced.", "displaced 500- [Up to 500 people were displaced]"},
        {"Nearly 40 people were injured.", "injured 40- [Nearly 40 people were injured]"},
        {"A crowd estimated at about 3,000 gathered.", "size 3000 [crowd estimated at about 3,000]"},
        {"The attack left 20 dead.", "dead 20 [20 dead]"},
    };
    CHECK(tc);
}

static void voice(void **state) {
    (void)state;
    static const tcase tc[] = {
        /* active: the subject is not the count */
        {"5 gunmen killed 3 civilians.", "size 5 [5 gunmen]; dead 3 [killed 3 civilians]"},
        {"A soldier killed the commander.", "dead 1 [killed the commander]"},
        {"The soldiers killed the insurgents.", ""},
        /* one person */
        {"The security force engaged the male, killing him.", "dead 1 [killing him]"},
        {"The force killed a Haqqani facilitator and captured another.",
         "dead 1 [killed a Haqqani facilitator]; arrested 1 added [captured another]"},
        {"ISAF confirmed the capture of a Taliban facilitator.", "arrested 1 [capture of a Taliban facilitator]"},
        {"The force detained a facilitator and several other insurgents.",
         "arrested 1 [detained a facilitator]; arrested 3+ added [several other insurgents]"},
        {"A Taliban commander was confirmed killed today.", "dead 1 [A Taliban commander was confirmed killed]"},
        /* the count word before the noun */
        {"5 wounded soldiers were evacuated.", "injured 5 [5 wounded soldiers]"},
        {"Afghan forces captured a Taliban commander.", "arrested 1 [captured a Taliban commander]"},
        {"Five of the soldiers were reportedly killed.", "dead 5 [Five of the soldiers were reportedly killed]"},
        {"Two of them have died.", "dead 2 [Two of them have died]"},
        {"The strike killed 5 soldiers and 3 civilians.",
         "dead 5 [killed 5 soldiers]; dead 3 [3 civilians]"},
        {"Three were killed and four wounded (one seriously).",
         "dead 3 [Three were killed]; injured 4 [four wounded]"},
        {"Killed or wounded: at least 7 (official figure).", ""},
        {"Police detained at least 30 people (including 4 journalists).",
         "arrested 30+ [detained at least 30 people]; size 4 () [4 journalists]"},
        {"No one was killed.", ""},
        {"Nobody was hurt and 2 were not injured.", ""},
    };
    CHECK(tc);
}

static void not_counts(void **state) {
    (void)state;
    static const tcase tc[] = {
        {"He was sentenced to 15 years in prison.", ""},
        {"Russia may send $70 billion in aid.", ""},
        {"The talks began on 2 April.", ""},
        {"The soldiers were killed 2 April.", ""},
        {"Flight 254 landed in Kabul.", ""},
        {"The blast happened at 21:10 local time.", ""},
        {"The 201st base is in Tajikistan.", ""},
        {"Resolution 1701 was adopted.", ""},
        {"In 2013 protesters took to the streets.", ""},
        {"Russia will provide 70 billion rubles.", ""},
        {"They held 3 meetings and captured 2 tanks.", ""},
        {"A meeting was held in Dushanbe.", ""},
        {"The minister visited many countries.", ""},
        {"Oil rose to 80 dollars.", ""},
        {"He died at 5 am.", ""},
        {"15% of the population fled.", ""},
    };
    CHECK(tc);
}

/* Brackets, spans and the limit on results. */
static void details(void **state) {
    (void)state;
    assert_string_equal(counts_of("(Two soldiers were injured.)"), "injured 2 () [Two soldiers were injured]");
    dyad_mem m = {NULL, NULL};
    dyad_toks t = {NULL, 0, 0, &m};
    const char *s = "killed 2, wounded 3, arrested 4";
    assert_int_equal(dyad_tokenize(s, 0, strlen(s), &t), 0);
    char low[64];
    for (size_t i = 0; i < t.n; i++) t.v[i].id = dyad_lex_find(&dict->lex, low, dyad_lower(s + t.v[i].off, t.v[i].len, low, sizeof low));
    dyad_count c[2];
    assert_int_equal(dyad_count_scan(dict, counts, s, t.v, 0, t.n, c, 2), 2);
    assert_int_equal(c[1].kind, DYAD_COUNT_INJURED);
    assert_int_equal(dyad_count_scan(dict, counts, s, t.v, 3, t.n, c, 2), 2);   /* from "wounded" */
    assert_int_equal(c[0].kind, DYAD_COUNT_INJURED);
    assert_int_equal(c[0].a, 3);
    assert_int_equal(dyad_count_scan(dict, NULL, s, t.v, 0, t.n, c, 2), 0);
    free(t.v);
    assert_string_equal(dyad_count_kind_name(DYAD_COUNT_DISPLACED), "displaced");
    assert_string_equal(dyad_count_kind_name(99), "");
}

/* The loader: errors name file and line; a failing allocator is survived at every step. */
static void loading(void **state) {
    (void)state;
    char path[] = "/tmp/dyad-counts-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# a comment\n\ndead\tkilled | slain   # provenance\nvague\tmany\tlots\n", f);
    fclose(f);
    dyad_counts *c = NULL;
    char err[256];
    assert_int_equal(dyad_counts_load(&c, dict, path, err, sizeof err), DYAD_EDICT);
    assert_null(c);
    assert_non_null(strstr(err, ":4: bad number 'many'"));
    f = fopen(path, "w");
    fputs("killed\tdead\n", f);
    fclose(f);
    assert_int_equal(dyad_counts_load(&c, dict, path, err, sizeof err), DYAD_EDICT);
    assert_non_null(strstr(err, ":1: unknown kind 'killed'"));
    assert_int_equal(dyad_counts_load(&c, dict, "/nonexistent/counts.txt", err, sizeof err), DYAD_EIO);
    unlink(path);

    /* out of memory: a dictionary whose allocator fails after n allocations of the counts loader */
    failing_alloc fa = {-1, 0};
    dyad_dict_options o;
    memset(&o, 0, sizeof o);
    o.alloc = failing_alloc_fn;
    o.alloc_ud = &fa;
    const char *amounts[] = {DYAD_DICT_DIR "/amounts.txt"};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, amounts, 1, &o), DYAD_OK);
    int ok = 0;
    for (long budget = 0; budget < 10000 && !ok; budget++) {
        fa.budget = fa.count + budget;
        int rc = dyad_counts_load(&c, d, DYAD_DICT_DIR "/counts.txt", err, sizeof err);
        if (rc == DYAD_OK) ok = 1, dyad_counts_free(c);
        else assert_int_equal(rc, DYAD_ENOMEM);
    }
    assert_true(ok);
    fa.budget = -1;
    dyad_dict_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(kinds), cmocka_unit_test(additions), cmocka_unit_test(numbers), cmocka_unit_test(voice),
                                       cmocka_unit_test(not_counts), cmocka_unit_test(details),
                                       cmocka_unit_test(loading)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
