/* main.c: the dyad command line. It uses nothing but the public interface in dyad.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>
#include <ftw.h>
#include "dyad.h"
#include "eval.h"
#include "ruletest.h"
#include "cli_store.h"
#include "cli_serve.h"

/* Exit codes, listed in --help. */
enum {
    EXIT_OKAY = 0,
    EXIT_FAILED = 1,    /* tests failed, or dictionary problems found */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_DICT = 3,      /* dictionaries could not be loaded */
    EXIT_INPUT = 4,     /* some input was bad and skipped (good records were still written) */
    EXIT_IO = 5         /* a file could not be read or output not written */
};

static const char usage[] =
    "usage: dyad COMMAND [options] [FILE...]\n"
    "\n"
    "Codes news text into political events (CAMEO, PLOVER): who did what to whom, when, where.\n"
    "\n"
    "commands:\n"
    "  code [FILE...]        code documents to standard output (FILE '-' or none: standard input)\n"
    "  test FILE...          run plain-text rule tests; ends with 'N passed, N failed'\n"
    "  eval GOLD...          code gold-standard files and score them (expected-events table,\n"
    "                        PLOVER records, ISAF releases, PETRARCH2 records, rule tests)\n"
    "  dict check            load every dictionary and report problems as file:line\n"
    "  dict explain TEXT     show how a sentence codes: tokens, actors, verbs, patterns, events\n"
    "  dict lookup PHRASE    what the dictionaries say about a phrase or verb, with file:line\n"
    "  dict stats            sizes of the loaded dictionaries\n"
    "  load [FILE...]        code documents into the store (--db PATH, default dyad.db); idempotent\n"
    "  query [filters]       events of the store, or with --by dyad,month their counts and Goldstein sums\n"
    "  export --format F     events as gdelt, icews, plover or csv (dyad load|query|export --help)\n"
    "  serve                 JSON API and dashboard over the store on http://127.0.0.1:8080/ (--help)\n"
    "  version               print the version\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD     the document date when a document gives none\n"
    "  --format jsonl|table  output of 'code' (default jsonl)\n"
    "  --input text|jsonl|html|warc  input format (default: detected; also .gz .zst .xz .bz2)\n"
    "  --dict PATH           dictionary folder or file (repeatable; default: the built-in ones)\n"
    "  --dict-format petrarch  the --dict files are TABARI / PETRARCH2 dictionaries (actors, agents,\n"
    "                        verbs, discards): converted at run time, with dyad's words and CAMEO table\n"
    "  --stories             also emit a 'story' record for each story found\n"
    "  --merge               one record per event: reports of the same event are counted, not repeated\n"
    "  -j N                  code on N threads (output stays in input order)\n"
    "  --stats               print documents, sentences, events, bytes and time to stderr\n"
    "  --json                eval: one JSON object with every figure\n"
    "  --text FILE           eval: the text an expected-events table is about\n"
    "  -v, --verbose         more detail (test: every case)\n"
    "  -h, --help            this text\n"
    "\n"
    "exit codes: 0 ok, 1 tests failed or dictionary problems, 2 usage, 3 dictionaries could not be\n"
    "loaded, 4 some input was bad and skipped, 5 a file could not be read or output written\n";

typedef struct opts {
    const char *date, *format, *input;
    const char *dicts[16];
    size_t ndicts;
    const char *dict_format;    /* NULL (dyad) or "petrarch" */
    int stories, verbose, jobs, stats, json, merge;
    const char *text;
    const char *files[4096];
    size_t nfiles;
} opts;

static void diag_print(void *ud, const char *file, int line, const char *msg) {
    (void)ud;
    if (line > 0) fprintf(stderr, "%s:%d: %s\n", file, line, msg);
    else fprintf(stderr, "%s: %s\n", file, msg);
}

static int load_dict(const opts *o, dyad_dict **d, int check) {
    const char *defaults[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
    const char *const *paths = o->ndicts ? o->dicts : defaults;
    size_t n = o->ndicts ? o->ndicts : 2;
    dyad_dict_options dopts;
    memset(&dopts, 0, sizeof dopts);
    dopts.diag = diag_print;
    dopts.check = check;
    int rc = dyad_dict_load(d, paths, n, &dopts);
    if (rc != DYAD_OK && !check) fprintf(stderr, "dyad: %s\n", dyad_dict_errmsg(*d));
    return rc;
}

/* --dict-format petrarch: the --dict files are converted into a fresh temporary folder (removed
 * at exit), which is then loaded with dyad's own closed-class words and amounts; dyad's CAMEO table
 * is read by the import and written there without intent / request / refusal forms. */
static char petrarch_dir[4096];
static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st; (void)flag; (void)ftw;
    (void)remove(p);
    return 0;
}
static void petrarch_cleanup(void) { if (petrarch_dir[0]) nftw(petrarch_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }
static int import_petrarch(opts *o) {
    if (!o->ndicts) { fputs("dyad: --dict-format petrarch needs the PETRARCH files as --dict PATH\n", stderr); return EXIT_USAGE; }
    const char *t = getenv("TMPDIR");
    snprintf(petrarch_dir, sizeof petrarch_dir, "%s/dyad-petrarch-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(petrarch_dir)) { perror("dyad: mkdtemp"); petrarch_dir[0] = 0; return EXIT_IO; }
    atexit(petrarch_cleanup);
    char err[512];
    int n = dyad_dict_import_petrarch(o->dicts, o->ndicts, DYAD_DICT_DIR "/cameo.txt", petrarch_dir,
                                      o->verbose ? diag_print : NULL, NULL, err, sizeof err);
    if (n < 0) { fprintf(stderr, "dyad: petrarch import: %s\n", err); return EXIT_DICT; }
    o->dicts[0] = petrarch_dir;
    o->dicts[1] = DYAD_DICT_DIR "/words.txt";
    o->dicts[2] = DYAD_DICT_DIR "/amounts.txt";
    o->ndicts = 3;   /* dyad's CAMEO table comes rewritten by the import (see dyad.h) */
    return EXIT_OKAY;
}

/* 70000000000 RUB as "70 bn RUB", for people. */
static void human_amount(double v, const char *cur, char *out, size_t cap) {
    if (v >= 1e12) snprintf(out, cap, "%.3g tn %s", v / 1e12, cur);
    else if (v >= 1e9) snprintf(out, cap, "%.3g bn %s", v / 1e9, cur);
    else if (v >= 1e6) snprintf(out, cap, "%.3g m %s", v / 1e6, cur);
    else snprintf(out, cap, "%.0f %s", v, cur);
}

typedef struct out_ctx { int table; FILE *f; int failed; } out_ctx;

static int print_record(void *ud, const dyad_record *r) {
    out_ctx *o = ud;
    if (!o->table) {
        if (fputs(r->json, o->f) == EOF || fputc('\n', o->f) == EOF) { o->failed = 1; return 1; }
        return 0;
    }
    if (r->type == DYAD_REC_CONFLICT) {
        fprintf(o->f, "CONFLICT %s -> %s (%s):", r->source.code ? r->source.code : "-",
                r->target.code ? r->target.code : "-", r->kind);
        for (size_t i = 0; i < r->nclaims; i++)
        {
            char a[64];
            human_amount(r->claims[i].value, r->claims[i].currency, a, sizeof a);
            fprintf(o->f, "%s %s (\"%s\")", i ? " vs" : "", a, r->claims[i].text ? r->claims[i].text : "");
        }
        fputc('\n', o->f);
        return 0;
    }
    if (r->type != DYAD_REC_EVENT) return 0;
    char amount[64] = "";
    if (r->amount.present) human_amount(r->amount.value, r->amount.currency, amount, sizeof amount);
    char text[64];
    snprintf(text, sizeof text, "%s", r->text ? r->text : "");
    fprintf(o->f, "%-10s  %-10s  %-5s %-10s  %-8s  %-14s  %s%s\n", r->date ? r->date : "-",
            r->source.code ? r->source.code : "-", r->cameo, r->target.code ? r->target.code : "-", r->mode,
            amount, text, strlen(r->text ? r->text : "") > 63 ? "..." : "");
    return 0;
}

/* Parallel coding: documents are read in batches; the workers (one coder each, sharing the
 * read-only dictionary) code a batch into per-document output buffers, which are then written in
 * input order. A batch bounds memory by its size, not the corpus's. */
#define BATCH 256

typedef struct job {
    dyad_doc doc;
    char *owned;          /* copies of the document's strings */
    char *out;            /* its records, as text (open_memstream's buffer) */
    size_t out_len;
    int failed;
    char err[256];
} job;

typedef struct pool {
    dyad_coder **coders;
    int n;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
    int table;
} pool;

static void *worker(void *arg) {
    void **a = arg;
    pool *p = a[0];
    dyad_coder *c = a[1];
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->njobs) break;
        job *j = &p->jobs[i];
        FILE *m = open_memstream(&j->out, &j->out_len);
        if (!m) { j->failed = 1; snprintf(j->err, sizeof j->err, "out of memory"); continue; }
        out_ctx oc = {p->table, m, 0};
        if (dyad_coder_code(c, &j->doc, print_record, &oc) != DYAD_OK || oc.failed) {
            j->failed = 1;
            snprintf(j->err, sizeof j->err, "%s", oc.failed ? "out of memory" : dyad_coder_errmsg(c));
        }
        fclose(m);
    }
    return NULL;
}

/* Copies a document so the reader may go on to the next. */
static int copy_doc(job *j, const dyad_doc *d) {
    memset(j, 0, sizeof *j);
    size_t lid = d->id ? strlen(d->id) : 0, ldate = d->date ? strlen(d->date) : 0;
    j->owned = malloc(lid + ldate + d->len + 3);
    if (!j->owned) return -1;
    char *p = j->owned;
    j->doc = *d;
    if (d->id) { memcpy(p, d->id, lid + 1); j->doc.id = p; p += lid + 1; }
    if (d->date) { memcpy(p, d->date, ldate + 1); j->doc.date = p; p += ldate + 1; }
    memcpy(p, d->text, d->len);
    p[d->len] = 0;
    j->doc.text = p;
    j->doc.meta = j->doc.url = j->doc.title = NULL;
    return 0;
}

/* A batch being coded by the workers while the main thread reads the next one. */
typedef struct flight {
    pthread_t th[256];
    void *args[256][2];
    int started;
} flight;

static void start_batch(pool *p, flight *f) {
    atomic_store(&p->next, 0);
    f->started = 0;
    for (int t = 0; t < p->n; t++) {
        f->args[t][0] = p;
        f->args[t][1] = p->coders[t];
        if (pthread_create(&f->th[t], NULL, worker, f->args[t]) != 0) break;
        f->started++;
    }
    if (!f->started) worker(f->args[0]);   /* no thread to be had: code it here */
}

/* Waits for a batch, then writes its records in input order. */
static int finish_batch(pool *p, flight *f, int *status) {
    for (int t = 0; t < f->started; t++) pthread_join(f->th[t], NULL);
    f->started = 0;
    int werr = 0;
    for (size_t i = 0; i < p->njobs; i++) {
        job *j = &p->jobs[i];
        if (j->out_len && fwrite(j->out, 1, j->out_len, stdout) != j->out_len) werr = 1;
        if (j->failed) { fprintf(stderr, "dyad: %s\n", j->err); *status = EXIT_IO; }
        free(j->out);
        free(j->owned);
    }
    p->njobs = 0;
    return werr;
}

static int run_batch(pool *p, int *status) {
    atomic_store(&p->next, 0);
    void *args[2] = {p, p->coders[0]};
    worker(args);
    flight none;
    none.started = 0;
    return finish_batch(p, &none, status);
}

static int cmd_code(const opts *o) {
    struct timespec t0, tl;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_dict *d = NULL;
    if (load_dict(o, &d, 0) != DYAD_OK) { dyad_dict_free(d); return EXIT_DICT; }
    clock_gettime(CLOCK_MONOTONIC, &tl);
    double load_secs = (double)(tl.tv_sec - t0.tv_sec) + (double)(tl.tv_nsec - t0.tv_nsec) / 1e9;
    dyad_code_options co;
    memset(&co, 0, sizeof co);
    co.date = o->date;
    co.stories = o->stories;
    co.merge = o->merge;
    int nthreads = o->jobs > 0 ? o->jobs : 1;
    /* Two batches: the workers code one while this thread reads the next (with -j N > 1). */
    pool pools[2];
    memset(pools, 0, sizeof pools);
    pool *pp = &pools[0];
    flight *fl = calloc(1, sizeof *fl);
    int inflight = -1;
    pools[0].n = pools[1].n = nthreads;
    pools[0].coders = calloc((size_t)nthreads, sizeof *pools[0].coders);
    pools[0].jobs = calloc(BATCH, sizeof *pools[0].jobs);
    pools[1].jobs = calloc(BATCH, sizeof *pools[1].jobs);
    pools[1].coders = pools[0].coders;
    if (!fl || !pp->coders || !pools[0].jobs || !pools[1].jobs) { fputs("dyad: out of memory\n", stderr); return EXIT_IO; }
    for (int t = 0; t < nthreads; t++)
        if (dyad_coder_new(&pp->coders[t], d, &co) != DYAD_OK) { fputs("dyad: out of memory\n", stderr); return EXIT_IO; }
    int format = !o->input ? DYAD_FMT_AUTO : !strcmp(o->input, "jsonl") ? DYAD_FMT_JSONL :
                 !strcmp(o->input, "html") ? DYAD_FMT_HTML : !strcmp(o->input, "warc") ? DYAD_FMT_WARC : DYAD_FMT_TEXT;
    pools[0].table = pools[1].table = o->format && !strcmp(o->format, "table");
    if (pp->table)
        printf("%-10s  %-10s  %-5s %-10s  %-8s  %-14s  %s\n", "date", "source", "cameo", "target", "mode", "amount", "sentence");
    int status = EXIT_OKAY, werr = 0;
    const char *stdin_only[] = {"-"};
    const char *const *files = o->nfiles ? o->files : stdin_only;
    size_t nfiles = o->nfiles ? o->nfiles : 1;
    size_t batch_bytes = 0;
    for (size_t i = 0; i < nfiles && !werr; i++) {
        dyad_reader *r = NULL;
        int rc = dyad_reader_open(&r, files[i], format, NULL, NULL);
        if (rc != DYAD_OK) {
            fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r));
            dyad_reader_free(r);
            status = EXIT_IO;
            continue;
        }
        dyad_doc doc;
        while (!werr && (rc = dyad_reader_next(r, &doc)) != DYAD_EOF) {
            if (rc == DYAD_EINPUT) { fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r)); if (status == EXIT_OKAY) status = EXIT_INPUT; continue; }
            if (rc != DYAD_OK) { fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r)); status = EXIT_IO; break; }
            if (copy_doc(&pp->jobs[pp->njobs], &doc)) { fputs("dyad: out of memory\n", stderr); status = EXIT_IO; break; }
            pp->njobs++;
            batch_bytes += doc.len;
            /* one thread codes as it reads; several take a batch (or 64 MiB of text) at a time */
            if (nthreads == 1) { werr = run_batch(pp, &status); batch_bytes = 0; }
            else if (pp->njobs == BATCH || batch_bytes > (64u << 20)) {
                if (inflight >= 0) werr = finish_batch(&pools[inflight], fl, &status);
                inflight = (int)(pp - pools);
                start_batch(pp, fl);
                pp = &pools[!inflight];
                batch_bytes = 0;
            }
        }
        dyad_reader_stats rs;   /* documents in a language dyad does not code are counted, not coded */
        dyad_reader_stats_get(r, &rs);
        if (rs.skipped_lang)
            fprintf(stderr, "dyad: %s: %zu document(s) not in English skipped (%s)\n", files[i], rs.skipped_lang, rs.skipped_langs);
        dyad_reader_free(r);
    }
    if (inflight >= 0) { int w = finish_batch(&pools[inflight], fl, &status); werr = werr || w; }
    if (pp->njobs && !werr) {
        if (nthreads == 1) werr = run_batch(pp, &status);
        else { start_batch(pp, fl); werr = finish_batch(pp, fl, &status); }
    }
    dyad_coder_stats tot;
    memset(&tot, 0, sizeof tot);
    for (int t = 0; t < nthreads; t++) {
        dyad_coder_stats st;
        dyad_coder_stats_get(pp->coders[t], &st);
        tot.docs += st.docs; tot.stories += st.stories; tot.sentences += st.sentences; tot.tokens += st.tokens;
        tot.events += st.events; tot.conflicts += st.conflicts; tot.bytes += st.bytes; tot.bad_utf8 += st.bad_utf8;
        dyad_coder_free(pp->coders[t]);
    }
    size_t bad = tot.bad_utf8;
    if (o->stats) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "stats: docs %zu stories %zu sentences %zu tokens %zu events %zu conflicts %zu bytes %zu seconds %.3f load %.3f\n",
                tot.docs, tot.stories, tot.sentences, tot.tokens, tot.events, tot.conflicts, tot.bytes, secs, load_secs);
    }
    if (bad) fprintf(stderr, "dyad: %zu invalid UTF-8 sequence(s) replaced with U+FFFD\n", bad);
    if (fflush(stdout) != 0 || werr) {
        fprintf(stderr, "dyad: writing output: %s\n", strerror(errno));
        status = EXIT_IO;
    }
    for (int b = 0; b < 2; b++)        /* a batch stopped by a write error still owns its copies */
        for (size_t i = 0; i < pools[b].njobs; i++) { free(pools[b].jobs[i].out); free(pools[b].jobs[i].owned); }
    free(pools[0].coders);
    free(pools[0].jobs);
    free(pools[1].jobs);
    free(fl);
    dyad_dict_free(d);
    return status;
}

static int cmd_test(const opts *o) {
    if (!o->nfiles) { fputs("dyad test: no test files given\n", stderr); return EXIT_USAGE; }
    const char *defaults[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
    const char *const *paths = o->ndicts ? o->dicts : defaults;
    size_t n = o->ndicts ? o->ndicts : 2;
    dyad_ruletest_result res = {0, 0};
    int broken = 0;
    for (size_t i = 0; i < o->nfiles; i++)
        if (dyad_ruletest_run(o->files[i], paths, n, o->verbose, stdout, &res)) broken++;
    printf("%d passed, %d failed\n", res.passed, res.failed + broken);
    return (res.failed || broken) ? EXIT_FAILED : EXIT_OKAY;
}

static void print_line(void *ud, const char *line) { (void)ud; puts(line); }

static int cmd_eval(const opts *o) {
    if (!o->nfiles) { fputs("dyad eval: no gold files given\n", stderr); return EXIT_USAGE; }
    dyad_dict *d = NULL;
    if (load_dict(o, &d, 0) != DYAD_OK) { dyad_dict_free(d); return EXIT_DICT; }
    const char *defaults[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
    dyad_eval_options eo = {o->format, o->text, o->date, o->json, 10};
    int rc = dyad_eval_run(d, o->ndicts ? o->dicts : defaults, o->ndicts ? o->ndicts : 2, o->files, o->nfiles, &eo,
                           stdout, stderr);
    dyad_dict_free(d);
    return rc ? EXIT_INPUT : EXIT_OKAY;
}

static int cmd_dict(const opts *o) {
    if (!o->nfiles) { fputs("dyad dict: say check, explain TEXT or stats\n", stderr); return EXIT_USAGE; }
    const char *sub = o->files[0];
    if (!strcmp(sub, "check")) {
        dyad_dict *d = NULL;
        int rc = load_dict(o, &d, 1);
        if (rc == DYAD_OK) {
            dyad_dict_stats s;
            dyad_dict_stats_get(d, &s);
            printf("dictionaries ok: %zu files, %zu actors, %zu agents, %zu verb patterns, %zu CAMEO codes\n",
                   s.files, s.actors, s.agents, s.verb_patterns, s.codes);
        } else fprintf(stderr, "dyad dict check: %s\n", dyad_dict_errmsg(d));
        dyad_dict_free(d);
        return rc == DYAD_OK ? EXIT_OKAY : rc == DYAD_EDICT ? EXIT_FAILED : EXIT_DICT;
    }
    dyad_dict *d = NULL;
    if (load_dict(o, &d, 0) != DYAD_OK) { dyad_dict_free(d); return EXIT_DICT; }
    int status = EXIT_OKAY;
    if (!strcmp(sub, "stats")) {
        dyad_dict_stats s;
        dyad_dict_stats_get(d, &s);
        printf("files %zu\nactors %zu\nagents %zu\nverb patterns %zu\nverb lemmas %zu\nverb forms %zu\n"
               "cameo codes %zu\nwords %zu\ntrie nodes %zu\n", s.files, s.actors, s.agents, s.verb_patterns,
               s.verb_lemmas, s.verb_forms, s.codes, s.words, s.trie_nodes);
    } else if (!strcmp(sub, "lookup")) {
        if (o->nfiles < 2) { fputs("dyad dict lookup: give the phrase to look up\n", stderr); status = EXIT_USAGE; }
        else if (dyad_dict_lookup(d, o->files[1], print_line, NULL) == 0) {
            printf("\"%s\" is in no dictionary\n", o->files[1]);
            status = EXIT_FAILED;
        }
    } else if (!strcmp(sub, "explain")) {
        if (o->nfiles < 2) { fputs("dyad dict explain: give the text to explain\n", stderr); status = EXIT_USAGE; }
        else {
            dyad_coder *c = NULL;
            const char *out = NULL;
            if (dyad_coder_new(&c, d, NULL) == DYAD_OK && dyad_coder_explain(c, o->files[1], o->date, &out) == DYAD_OK)
                fputs(out, stdout);
            else status = EXIT_IO;
            dyad_coder_free(c);
        }
    } else {
        fprintf(stderr, "dyad dict: unknown subcommand '%s' (check, explain, lookup, stats)\n", sub);
        status = EXIT_USAGE;
    }
    dyad_dict_free(d);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) { fputs(usage, stderr); return EXIT_USAGE; }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) { fputs(usage, stdout); return EXIT_OKAY; }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("dyad %s\n", DYAD_VERSION); return EXIT_OKAY; }
    const char *store_dicts[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
    if (!strcmp(cmd, "load")) return dyad_cmd_load(argc - 2, argv + 2, store_dicts, 2);
    if (!strcmp(cmd, "query")) return dyad_cmd_query(argc - 2, argv + 2);
    if (!strcmp(cmd, "export")) return dyad_cmd_export(argc - 2, argv + 2);
    if (!strcmp(cmd, "serve")) return dyad_cmd_serve(argc - 2, argv + 2);
    opts o;
    memset(&o, 0, sizeof o);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--date") && more) o.date = argv[++i];
        else if (!strcmp(a, "--format") && more) o.format = argv[++i];
        else if (!strcmp(a, "--input") && more) o.input = argv[++i];
        else if (!strcmp(a, "--dict") && more) { if (o.ndicts < 16) o.dicts[o.ndicts++] = argv[++i]; else ++i; }
        else if (!strcmp(a, "--dict-format") && more) o.dict_format = argv[++i];
        else if (!strcmp(a, "--stories")) o.stories = 1;
        else if (!strcmp(a, "--merge")) o.merge = 1;
        else if (!strcmp(a, "--stats")) o.stats = 1;
        else if (!strcmp(a, "--json")) o.json = 1;
        else if (!strcmp(a, "--text") && more) o.text = argv[++i];
        else if (!strcmp(a, "-j") && more) {
            char *end;
            long j = strtol(argv[++i], &end, 10);
            if (*end || j < 1 || j > 256) { fprintf(stderr, "dyad: -j wants a number from 1 to 256\n"); return EXIT_USAGE; }
            o.jobs = (int)j;
        }
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) o.verbose = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); return EXIT_OKAY; }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'%s\n\n%s", a,
                    (!strcmp(a, "--date") || !strcmp(a, "--format") || !strcmp(a, "--dict") || !strcmp(a, "--input") || !strcmp(a, "--dict-format")) ? " (needs a value)" : "", usage);
            return EXIT_USAGE;
        } else if (o.nfiles < 4096) o.files[o.nfiles++] = a;
    }
    if (o.date) {
        int y, m, dd;
        char tail;
        if (sscanf(o.date, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || m < 1 || m > 12 || dd < 1 || dd > 31) {
            fprintf(stderr, "dyad: --date '%s' is not YYYY-MM-DD\n", o.date);
            return EXIT_USAGE;
        }
    }
    if (o.dict_format) {
        if (strcmp(o.dict_format, "petrarch") && strcmp(o.dict_format, "dyad")) {
            fprintf(stderr, "dyad: --dict-format '%s' is not one of dyad, petrarch\n", o.dict_format);
            return EXIT_USAGE;
        }
        int irc = strcmp(o.dict_format, "petrarch") ? EXIT_OKAY : import_petrarch(&o);
        if (irc != EXIT_OKAY) return irc;
    }
    if (strcmp(cmd, "eval") && o.format && strcmp(o.format, "jsonl") && strcmp(o.format, "table")) {
        fprintf(stderr, "dyad: --format '%s' is not one of jsonl, table\n", o.format);
        return EXIT_USAGE;
    }
    if (!strcmp(cmd, "eval")) {
        if (o.format && strcmp(o.format, "expected") && strcmp(o.format, "plover") && strcmp(o.format, "isaf") &&
            strcmp(o.format, "petrarch") && strcmp(o.format, "rules")) {
            fprintf(stderr, "dyad eval: --format '%s' is not one of expected, plover, isaf, petrarch, rules\n", o.format);
            return EXIT_USAGE;
        }
        return cmd_eval(&o);
    }
    if (o.input && strcmp(o.input, "jsonl") && strcmp(o.input, "text") && strcmp(o.input, "html") && strcmp(o.input, "warc")) {
        fprintf(stderr, "dyad: --input '%s' is not one of text, jsonl, html, warc\n", o.input);
        return EXIT_USAGE;
    }
    if (!strcmp(cmd, "code")) return cmd_code(&o);
    if (!strcmp(cmd, "test")) return cmd_test(&o);
    if (!strcmp(cmd, "dict")) return cmd_dict(&o);
    fprintf(stderr, "dyad: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
