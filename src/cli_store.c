/* cli_store.c: `dyad load`, `dyad query`, `dyad export`: the command line of the event store.
 * A client of dyad.h (reading and coding documents) and store.h (the database). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dyad.h"
#include "store.h"
#include "cli_store.h"
#include "records.h"

static const char load_usage[] =
    "usage: dyad load [--db PATH] [--date YYYY-MM-DD] [--dict PATH]... [--input text|jsonl|html|warc]\n"
    "                 [--batch N] [--no-merge] [--stats] [--progress|--quiet] [FILE...]\n"
    "       dyad load --records [--db PATH] [--batch N] [--no-merge] [--stats] [--progress|--quiet] [FILE...]\n"
    "Codes documents and stores them (default store dyad.db). A document already stored (same id,\n"
    "or same content under another id) is stored once; one coded by other dictionaries is re-coded\n"
    "and its events replaced. Documents commit in batches of N (default 500): a load that is killed\n"
    "keeps every committed batch, and running it again finishes the job.\n"
    "Reports of one event are one event with several mentions: within a document as the coder\n"
    "clusters them, across documents when the parties, the kind of act (CAMEO root), the negation\n"
    "and a date of a month or finer agree (export's mention, source and article counts).\n"
    "--no-merge: every report is an event of its own.\n"
    "--records: FILEs hold the JSON records dyad code wrote (a distributed run's shards): they are\n"
    "stored as they are, not coded again; a document is its consecutive records, and one whose\n"
    "records changed replaces the stored one.\n";

static const char filter_usage[] =
    "filters:\n"
    "  --actor X        source or target is X: an actor code (RUSGOV), country (RUS), organisation\n"
    "                   (NATO) or name (case-insensitive)\n"
    "  --source X, --target X   the same, for one side\n"
    "  --cameo CODE     a CAMEO code and the codes below it (03, 033, 0332)\n"
    "  --root NN        a CAMEO root (01..20)\n"
    "  --plover TYPE    a PLOVER event type (AID, ACCUSE, ...)\n"
    "  --mode M         actual, intent, negated, hypothetical, reported\n"
    "  --from D, --to D the event's date lies in [from, to] (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --date D         the event's date lies in D (--from D --to D)\n"
    "  --place NAME     where: a place or province name (case-insensitive)\n"
    "  --country CCC    where: the place's country (ISO 3166-1 alpha-3)\n"
    "  --text QUERY     full-text search of the sentences (SQLite FTS5 syntax: words, \"a phrase\",\n"
    "                   OR, NOT, prefix*)\n"
    "  --doc ID         one document\n";

static const char query_usage[] =
    "usage: dyad query [--db PATH] [filters] [--by KEY[,KEY...]] [--format table|csv|jsonl] [--limit N]\n"
    "Events of the store, or with --by their counts and Goldstein sums grouped by up to six KEYs:\n"
    "dyad, source, target, cameo, root, quad, plover, mode, country (of the place), source_country,\n"
    "target_country, place, day, week (its Monday), month, year. Dates coarser than the grouping\n"
    "stay as they are (an event of '2014' counts under '2014').\n";

static const char export_usage[] =
    "usage: dyad export --format gdelt|icews|plover|csv [--db PATH] [filters]\n"
    "Writes the events to standard output: gdelt, the 61 GDELT 2.0 event columns (tab-separated,\n"
    "no header, columns dyad cannot know left empty); icews, the 20 ICEWS event columns\n"
    "(tab-separated, with header); plover, one PLOVER JSON object a line; csv, every stored column\n"
    "with a header.\n";

static int usage_error(const char *cmd, const char *usage, const char *fmt, const char *arg) {
    (void)usage;
    fprintf(stderr, "dyad %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (dyad %s --help lists the options)\n", cmd);
    return DYAD_EXIT_USAGE;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- the dictionaries' fingerprint ---- */

/* Hashes every *.txt below path in name order, with its name relative to the root, so the
 * fingerprint changes when any dictionary does and not when the tree is moved. */
static void hash_tree(dyad_store_sha256 *c, const char *path, const char *rel) {
    struct stat st;
    if (stat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        struct dirent **names = NULL;
        int n = scandir(path, &names, NULL, alphasort);
        for (int i = 0; i < n; i++) {
            const char *nm = names[i]->d_name;
            if (nm[0] != '.') {
                char sub[4096], subrel[4096];
                snprintf(sub, sizeof sub, "%s/%s", path, nm);
                snprintf(subrel, sizeof subrel, "%s/%s", rel, nm);
                struct stat s2;
                size_t l = strlen(nm);
                if (stat(sub, &s2) == 0 && (S_ISDIR(s2.st_mode) || (l > 4 && !strcmp(nm + l - 4, ".txt"))))
                    hash_tree(c, sub, subrel);
            }
            free(names[i]);
        }
        free(names);
        return;
    }
    FILE *f = fopen(path, "rb");
    if (!f) return;
    dyad_store_sha256_add(c, rel, strlen(rel) + 1);
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) dyad_store_sha256_add(c, buf, k);
    fclose(f);
}

static void dict_fingerprint(const char *const *paths, size_t n, char out[65]) {
    dyad_store_sha256 c;
    dyad_store_sha256_init(&c);
    dyad_store_sha256_add(&c, "dyad " DYAD_VERSION, sizeof "dyad " DYAD_VERSION);
    for (size_t i = 0; i < n; i++) {
        const char *slash = strrchr(paths[i], '/');
        hash_tree(&c, paths[i], slash && slash[1] ? slash + 1 : paths[i]);
    }
    dyad_store_sha256_hex(&c, out);
}

/* ---- dyad load ---- */

/* dyad load --records: one document's records, read and not yet stored */
typedef struct recdoc {
    char **lines;
    cJSON **objs;
    size_t n, cap, bytes;
} recdoc;

static void recdoc_clear(recdoc *d) {
    for (size_t i = 0; i < d->n; i++) { free(d->lines[i]); cJSON_Delete(d->objs[i]); }
    d->n = 0;
    d->bytes = 0;
}

/* Stores the document d holds: 0, or -1 on a store error. Counts in *stored (1 new or replaced,
 * 0 already there) and events. Its records were checked with dyad_record_parse() when read. */
static int recdoc_store(dyad_store *store, recdoc *d, const char *file, size_t *events, int *stored) {
    if (!d->n) return 0;
    dyad_store_sha256 h;
    dyad_store_sha256_init(&h);
    for (size_t i = 0; i < d->n; i++) dyad_store_sha256_add(&h, d->lines[i], strlen(d->lines[i]) + 1);
    char hash[65];
    dyad_store_sha256_hex(&h, hash);
    const char *id = cJSON_GetObjectItemCaseSensitive(d->objs[0], "doc")->valuestring;
    int state;
    *stored = 0;
    if (dyad_store_doc_state(store, id, hash, "records", &state) != DYAD_OK) return -1;
    if (state == DYAD_STORE_SAME) return 0;
    if (state == DYAD_STORE_DUPLICATE) return dyad_store_alias(store, id, hash) == DYAD_OK ? 0 : -1;
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    doc.file = file;
    const cJSON *sd = cJSON_GetObjectItemCaseSensitive(d->objs[0], "story_date");
    doc.date = cJSON_IsString(sd) && strlen(sd->valuestring) == 10 ? sd->valuestring : NULL;
    doc.len = d->bytes;
    if (dyad_store_doc_begin(store, &doc, hash, "records") != DYAD_OK) return -1;
    static dyad_claim claims[64];
    for (size_t i = 0; i < d->n; i++) {
        dyad_record r;
        const char *why;
        if (dyad_record_parse(d->objs[i], &r, claims, 64, &why)) continue;   /* cannot fail: checked when read */
        r.json = d->lines[i];
        if (dyad_store_record(store, &r) != DYAD_OK) { dyad_store_doc_end(store, 0); return -1; }
        if (r.type == DYAD_REC_EVENT) (*events)++;
    }
    *stored = 1;
    return dyad_store_doc_end(store, 1) == DYAD_OK ? 0 : -1;
}

/* A line of f into *buf without its newline: its length, or -1 at the end. A line longer than
 * limit is read to its end but not kept (*long_line set, length 0): memory stays bounded. */
static long bounded_line(FILE *f, char **buf, size_t *cap, size_t limit, int *long_line) {
    size_t n = 0;
    int c, any = 0;
    *long_line = 0;
    while ((c = getc(f)) != EOF) {
        any = 1;
        if (c == '\n') break;
        if (*long_line) continue;
        if (n + 2 > *cap) {
            size_t nc = *cap ? 2 * *cap : 4096;
            char *nb = realloc(*buf, nc);
            if (!nb) return -2;
            *buf = nb;
            *cap = nc;
        }
        (*buf)[n++] = (char)c;
        if (n > limit) { *long_line = 1; n = 0; }
    }
    if (!any) return -1;
    if (*buf) (*buf)[n] = 0;
    return (long)n;
}

/* The document d holds, stored in the current batch (begun if need be; committed at batch
 * documents), and cleared: 0, or -1 on a store error. */
static int recdoc_flush(dyad_store *store, recdoc *d, const char *file, long batch, size_t *in_batch, size_t *docs,
                        size_t *stored_docs, size_t *events) {
    int stored;
    if (!*in_batch && dyad_store_begin(store) != DYAD_OK) return -1;
    if (recdoc_store(store, d, file, events, &stored)) return -1;
    recdoc_clear(d);
    (*docs)++;
    *stored_docs += (size_t)stored;
    if ((long)++*in_batch >= batch) {
        if (dyad_store_commit(store) != DYAD_OK) return -1;
        *in_batch = 0;
    }
    return 0;
}

static int load_records(const char *db, char **files, size_t nfiles, long batch, int stats, int show, int merge) {
    dyad_store *store = NULL;
    if (dyad_store_open(&store, db, DYAD_STORE_WRITE) != DYAD_OK) {
        fprintf(stderr, "dyad load: %s\n", dyad_store_errmsg(store));
        dyad_store_free(store);
        return DYAD_EXIT_IO;
    }
    dyad_store_set_merge(store, merge);
    int status = DYAD_EXIT_OK, fatal = 0;
    size_t docs = 0, stored_docs = 0, events = 0, in_batch = 0;
    double t0 = now();
    recdoc d = {0};
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < nfiles && !fatal; i++) {
        FILE *f = strcmp(files[i], "-") ? fopen(files[i], "r") : stdin;
        const char *name = strcmp(files[i], "-") ? files[i] : "(standard input)";
        if (!f) {
            fprintf(stderr, "dyad load: %s: %s\n", name, strerror(errno));
            status = DYAD_EXIT_IO;
            continue;
        }
        long n;
        long lineno = 0;
        int long_line;
        while (!fatal && (n = bounded_line(f, &line, &cap, 32u << 20, &long_line)) >= 0) {
            lineno++;
            while (n > 0 && line[n - 1] == '\r') line[--n] = 0;
            if (!n && !long_line) continue;
            const char *why = NULL;
            cJSON *o = long_line ? NULL : cJSON_ParseWithLength(line, (size_t)n);
            dyad_record probe;
            static dyad_claim probe_claims[64];
            if (!o) why = long_line ? "line longer than 32 MiB" : "not JSON";
            else if (dyad_record_parse(o, &probe, probe_claims, 64, &why)) { cJSON_Delete(o); o = NULL; }
            if (!o) {
                fprintf(stderr, "dyad load: %s:%ld: %s, skipped\n", name, lineno, why);
                if (status == DYAD_EXIT_OK) status = DYAD_EXIT_INPUT;
                continue;
            }
            /* a new document: store the one before */
            if (d.n && strcmp(probe.doc, cJSON_GetObjectItemCaseSensitive(d.objs[0], "doc")->valuestring) &&
                recdoc_flush(store, &d, name, batch, &in_batch, &docs, &stored_docs, &events)) {
                fatal = 1;
                cJSON_Delete(o);
                break;
            }
            if (d.n == d.cap) {
                size_t nc = d.cap ? 2 * d.cap : 64;
                char **nl = realloc(d.lines, nc * sizeof *nl);
                if (nl) d.lines = nl;
                cJSON **no = nl ? realloc(d.objs, nc * sizeof *no) : NULL;
                if (no) d.objs = no;
                if (!nl || !no) { fputs("dyad load: out of memory\n", stderr); fatal = 1; cJSON_Delete(o); break; }
                d.cap = nc;
            }
            d.lines[d.n] = strdup(line);
            if (!d.lines[d.n]) { fputs("dyad load: out of memory\n", stderr); fatal = 1; cJSON_Delete(o); break; }
            d.objs[d.n++] = o;
            d.bytes += (size_t)n + 1;
        }
        if (n == -2) { fputs("dyad load: out of memory\n", stderr); fatal = 1; }
        if (f != stdin) fclose(f);
        /* a document ends with its file: the next file's records are the next document's */
        if (!fatal && d.n && recdoc_flush(store, &d, name, batch, &in_batch, &docs, &stored_docs, &events)) fatal = 1;
    }
    if (!fatal && in_batch && dyad_store_commit(store) != DYAD_OK) fatal = 1;
    if (fatal) {
        fprintf(stderr, "dyad load: %s\n", dyad_store_errmsg(store));
        dyad_store_rollback(store);
        status = DYAD_EXIT_IO;
    }
    if (stats || (show && !fatal))
        fprintf(stderr, "loaded the records of %zu documents into %s: %zu stored, %zu already there; %zu event reports; %.2f s\n",
                docs, db, stored_docs, docs - stored_docs, events, now() - t0);
    recdoc_clear(&d);
    free(d.lines);
    free(d.objs);
    free(line);
    dyad_store_free(store);
    return status;
}

typedef struct load_ctx {
    dyad_store *store;
    size_t events, conflicts;
    int failed;
} load_ctx;

static int store_sink(void *ud, const dyad_record *r) {
    load_ctx *l = ud;
    if (dyad_store_record(l->store, r) != DYAD_OK) { l->failed = 1; return 1; }
    if (r->type == DYAD_REC_EVENT) l->events++;
    else if (r->type == DYAD_REC_CONFLICT) l->conflicts++;
    return 0;
}

static void progress(double t0, size_t docs, double bytes, double total, size_t events, int last) {
    double secs = now() - t0, mbs = secs > 0 ? bytes / 1e6 / secs : 0;
    char eta[32] = "";
    if (!last && total > bytes && mbs > 0) {
        long s = (long)((total - bytes) / 1e6 / mbs);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld", s / 60, s % 60);
    }
    fprintf(stderr, "\rload: %zu documents, %.1f MB, %.1f MB/s, %zu events%s\033[K%s", docs, bytes / 1e6, mbs,
            events, eta, last ? "\n" : "");
}

int dyad_cmd_load(int argc, char **argv, const char *const *dict_paths, size_t ndict) {
    const char *db = "dyad.db", *date = NULL, *input = NULL;
    const char *dicts[64];
    size_t ndicts = 0;
    long batch = 500;
    int stats = 0, show = isatty(2), records = 0, merge = 1;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) { fputs("dyad load: out of memory\n", stderr); return DYAD_EXIT_IO; }
#define FAIL_USAGE(...) do { free(files); return usage_error("load", load_usage, __VA_ARGS__); } while (0)
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--db") && more) db = argv[++i];
        else if (!strcmp(a, "--date") && more) date = argv[++i];
        else if (!strcmp(a, "--input") && more) input = argv[++i];
        else if (!strcmp(a, "--dict") && more) {
            if (ndicts == 64) FAIL_USAGE("%s", "too many --dict");
            dicts[ndicts++] = argv[++i];
        } else if (!strcmp(a, "--batch") && more) {
            char *end;
            batch = strtol(argv[++i], &end, 10);
            if (*end || batch < 1 || batch > 1000000) FAIL_USAGE("--batch '%s' is not a number from 1 to 1000000", argv[i]);
        } else if (!strcmp(a, "--stats")) stats = 1;
        else if (!strcmp(a, "--progress")) show = 1;
        else if (!strcmp(a, "--quiet")) show = 0;
        else if (!strcmp(a, "--records")) records = 1;
        else if (!strcmp(a, "--no-merge")) merge = 0;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(load_usage, stdout); free(files); return DYAD_EXIT_OK; }
        else if (a[0] == '-' && a[1]) FAIL_USAGE("unknown option '%s' (or it needs a value)", a);
        else files[nfiles++] = argv[i];
    }
    char ds[11], de[11];
    if (date && (strlen(date) != 10 || dyad_store_date_bounds(date, ds, de))) FAIL_USAGE("--date '%s' is not YYYY-MM-DD", date);
    if (input && strcmp(input, "text") && strcmp(input, "jsonl") && strcmp(input, "html") && strcmp(input, "warc"))
        FAIL_USAGE("--input '%s' is not one of text, jsonl, html, warc", input);
    if (records && (date || input || ndicts)) FAIL_USAGE("%s", "--records stores records as they are: no --date, --input or --dict");
    if (!nfiles) files[nfiles++] = "-";
#undef FAIL_USAGE
    if (records) {
        int rc = load_records(db, files, nfiles, batch, stats, show, merge);
        free(files);
        return rc;
    }
    const char *const *paths = ndicts ? dicts : dict_paths;
    size_t npaths = ndicts ? ndicts : ndict;
    int status = DYAD_EXIT_OK;
    double t0 = now();

    dyad_store *store = NULL;
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    if (dyad_store_open(&store, db, DYAD_STORE_WRITE) != DYAD_OK) {
        fprintf(stderr, "dyad load: %s\n", dyad_store_errmsg(store));
        dyad_store_free(store);
        free(files);
        return DYAD_EXIT_IO;
    }
    dyad_store_set_merge(store, merge);
    dyad_dict_options dopts;
    memset(&dopts, 0, sizeof dopts);
    if (dyad_dict_load(&dict, paths, npaths, &dopts) != DYAD_OK) {
        fprintf(stderr, "dyad load: %s\n", dict ? dyad_dict_errmsg(dict) : "out of memory");
        dyad_dict_free(dict);
        dyad_store_free(store);
        free(files);
        return DYAD_EXIT_DICT;
    }
    char dict_hash[65];
    dict_fingerprint(paths, npaths, dict_hash);
    dyad_code_options co;
    memset(&co, 0, sizeof co);
    co.date = date;
    co.stories = 1;
    if (dyad_coder_new(&coder, dict, &co) != DYAD_OK) {
        fputs("dyad load: out of memory\n", stderr);
        dyad_dict_free(dict);
        dyad_store_free(store);
        free(files);
        return DYAD_EXIT_IO;
    }
    /* the total, for the ETA: the sizes of the regular files named */
    double total = 0, bytes = 0;
    for (size_t i = 0; i < nfiles; i++) {
        struct stat st;
        if (strcmp(files[i], "-") && stat(files[i], &st) == 0 && S_ISREG(st.st_mode)) total += (double)st.st_size;
    }
    int format = !input ? DYAD_FMT_AUTO : !strcmp(input, "jsonl") ? DYAD_FMT_JSONL :
                 !strcmp(input, "html") ? DYAD_FMT_HTML : !strcmp(input, "warc") ? DYAD_FMT_WARC : DYAD_FMT_TEXT;
    load_ctx lc = {store, 0, 0, 0};
    size_t docs = 0, fresh = 0, recoded = 0, same = 0, dups = 0, in_batch = 0;
    double batch_start = 0, last_show = 0, batch_bytes = 0;
    int fatal = 0;
    for (size_t i = 0; i < nfiles && !fatal; i++) {
        dyad_reader *r = NULL;
        int rc = dyad_reader_open(&r, files[i], format, NULL, NULL);
        if (rc != DYAD_OK) {
            fprintf(stderr, "%sdyad load: %s\n", show ? "\n" : "", r ? dyad_reader_errmsg(r) : "out of memory");
            dyad_reader_free(r);
            status = DYAD_EXIT_IO;
            continue;
        }
        dyad_doc doc;
        while (!fatal && (rc = dyad_reader_next(r, &doc)) != DYAD_EOF) {
            if (rc == DYAD_EINPUT) {
                fprintf(stderr, "%sdyad load: %s\n", show ? "\n" : "", dyad_reader_errmsg(r));
                if (status == DYAD_EXIT_OK) status = DYAD_EXIT_INPUT;
                continue;
            }
            if (rc != DYAD_OK) {
                fprintf(stderr, "%sdyad load: %s\n", show ? "\n" : "", dyad_reader_errmsg(r));
                status = DYAD_EXIT_IO;
                break;
            }
            double size = doc.meta ? (double)strlen(doc.meta) + 1 : (double)doc.len;
            bytes += size;
            batch_bytes += size;
            docs++;
            if (!in_batch) {
                if (dyad_store_begin(store) != DYAD_OK) { fatal = 1; break; }
                batch_start = now();
            }
            char hash[65];
            dyad_store_hash(doc.text, doc.len, hash);
            int state;
            if (dyad_store_doc_state(store, doc.id, hash, dict_hash, &state) != DYAD_OK) { fatal = 1; break; }
            if (state == DYAD_STORE_SAME) same++;
            else if (state == DYAD_STORE_DUPLICATE) {
                if (dyad_store_alias(store, doc.id, hash) != DYAD_OK) { fatal = 1; break; }
                dups++;
            } else {
                if (dyad_store_doc_begin(store, &doc, hash, dict_hash) != DYAD_OK) { fatal = 1; break; }
                size_t ev = lc.events, cf = lc.conflicts;
                int crc = dyad_coder_code(coder, &doc, store_sink, &lc);
                if (lc.failed) { dyad_store_doc_end(store, 0); fatal = 1; break; }
                if (crc != DYAD_OK) {
                    /* out of memory on this document: drop it whole, go on with the next */
                    fprintf(stderr, "%sdyad load: %s: %s\n", show ? "\n" : "", doc.id, dyad_coder_errmsg(coder));
                    lc.events = ev;
                    lc.conflicts = cf;
                    if (dyad_store_doc_end(store, 0) != DYAD_OK) { fatal = 1; break; }
                    status = DYAD_EXIT_IO;
                    continue;
                }
                if (dyad_store_doc_end(store, 1) != DYAD_OK) { fatal = 1; break; }
                if (state == DYAD_STORE_NEW) fresh++;
                else recoded++;
            }
            in_batch++;
            /* a batch ends at N documents, 32 MB of input or two seconds, whichever comes first */
            double t = now();
            if ((long)in_batch >= batch || batch_bytes > 32e6 || t - batch_start > 2.0) {
                if (dyad_store_commit(store) != DYAD_OK) { fatal = 1; break; }
                in_batch = 0;
                batch_bytes = 0;
            }
            if (show && t - last_show > 0.25) {
                progress(t0, docs, bytes, total, lc.events, 0);
                last_show = t;
            }
        }
        dyad_reader_free(r);
    }
    if (!fatal && in_batch && dyad_store_commit(store) != DYAD_OK) fatal = 1;
    if (fatal) {
        if (show) fputc('\n', stderr);
        fprintf(stderr, "dyad load: %s\n", dyad_store_errmsg(store));
        dyad_store_rollback(store);
        status = DYAD_EXIT_IO;
    } else if (show) progress(t0, docs, bytes, total, lc.events, 1);
    dyad_coder_stats cs;
    dyad_coder_stats_get(coder, &cs);
    if (stats || (show && !fatal)) {
        double secs = now() - t0;
        fprintf(stderr, "loaded %zu documents into %s: %zu new, %zu re-coded, %zu already stored, %zu duplicates; "
                "%zu event reports, %zu conflicts; %.2f MB in %.2f s (%.1f MB/s)\n", docs, db, fresh, recoded, same, dups,
                lc.events, lc.conflicts, bytes / 1e6, secs, secs > 0 ? bytes / 1e6 / secs : 0);
    }
    if (cs.bad_utf8) fprintf(stderr, "dyad load: %zu invalid UTF-8 sequence(s) replaced with U+FFFD\n", cs.bad_utf8);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_store_free(store);
    free(files);
    return status;
}

/* ---- filters, shared by query and export ---- */

/* Takes a filter option at argv[*i] (and its value); 1 when it was one, 0 when not, -1 when the
 * value is bad (the message printed). */
static int filter_opt(const char *cmd, const char *usage, int argc, char **argv, int *i, dyad_store_filter *f,
                      int *rc) {
    static const char *const names[] = {"--actor", "--source", "--target", "--cameo", "--root", "--plover", "--mode",
                                        "--from", "--to", "--date", "--place", "--country", "--text", "--doc"};
    const char *a = argv[*i];
    int k = -1;
    for (int j = 0; j < (int)(sizeof names / sizeof *names); j++)
        if (!strcmp(a, names[j])) k = j;
    if (k < 0) return 0;
    if (*i + 1 >= argc) { *rc = usage_error(cmd, usage, "%s needs a value", a); return -1; }
    char *v = argv[++*i];
    char s[11], e[11];
    switch (k) {
    case 0: f->actor = v; break;
    case 1: f->source = v; break;
    case 2: f->target = v; break;
    case 3:
        if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 4) {
            *rc = usage_error(cmd, usage, "--cameo '%s' is not a CAMEO code (2 to 4 digits)", v);
            return -1;
        }
        f->cameo = v;
        break;
    case 4:
        if (strlen(v) != 2 || strspn(v, "0123456789") != 2) { *rc = usage_error(cmd, usage, "--root '%s' is not two digits", v); return -1; }
        f->root = v;
        break;
    case 5:
        for (char *p = v; *p; p++) if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
        f->plover = v;
        break;
    case 6:
        if (strcmp(v, "actual") && strcmp(v, "intent") && strcmp(v, "negated") && strcmp(v, "hypothetical") &&
            strcmp(v, "reported")) {
            *rc = usage_error(cmd, usage, "--mode '%s' is not one of actual, intent, negated, hypothetical, reported", v);
            return -1;
        }
        f->mode = v;
        break;
    case 7: case 8: case 9:
        if (dyad_store_date_bounds(v, s, e)) { *rc = usage_error(cmd, usage, "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", v); return -1; }
        if (k != 8) f->from = v;
        if (k != 7) f->to = v;
        break;
    case 10: f->place = v; break;
    case 11:
        for (char *p = v; *p; p++) if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
        f->country = v;
        break;
    case 12: f->text = v; break;
    case 13: f->doc = v; break;
    }
    return 1;
}

static dyad_store *open_read(const char *cmd, const char *db) {
    dyad_store *s = NULL;
    if (dyad_store_open(&s, db, DYAD_STORE_READ) != DYAD_OK) {
        fprintf(stderr, "dyad %s: %s\n", cmd, dyad_store_errmsg(s));
        dyad_store_free(s);
        return NULL;
    }
    return s;
}

/* Steps a query; a bad --text query shows up here, as an FTS5 syntax error: a usage error. */
static int step_row(sqlite3_stmt *q, dyad_store *s, const char *cmd, int *rc) {
    int r = sqlite3_step(q);
    if (r == SQLITE_ROW) return 1;
    if (r != SQLITE_DONE) {
        const char *msg = sqlite3_errmsg(dyad_store_db(s));
        if (strstr(msg, "fts5") || strstr(msg, "syntax")) {
            fprintf(stderr, "dyad %s: --text: %s\n", cmd, msg);
            *rc = DYAD_EXIT_USAGE;
        } else {
            fprintf(stderr, "dyad %s: %s\n", cmd, msg);
            *rc = DYAD_EXIT_IO;
        }
    }
    return 0;
}

static const char *col(sqlite3_stmt *q, int i) {
    const char *v = (const char *)sqlite3_column_text(q, i);
    return v ? v : "";
}

static int has(sqlite3_stmt *q, int i) { return sqlite3_column_type(q, i) != SQLITE_NULL; }

static void json_str(FILE *o, const char *v) {
    fputc('"', o);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == '"' || *p == '\\') { fputc('\\', o); fputc(*p, o); }
        else if (*p == '\n') fputs("\\n", o);
        else if (*p == '\t') fputs("\\t", o);
        else if (*p == '\r') fputs("\\r", o);
        else if (*p < 0x20) fprintf(o, "\\u%04x", *p);
        else fputc(*p, o);
    }
    fputc('"', o);
}

static void csv_field(FILE *o, const char *v) {
    if (!strpbrk(v, ",\"\n\r")) { fputs(v, o); return; }
    fputc('"', o);
    for (; *v; v++) { if (*v == '"') fputc('"', o); fputc(*v, o); }
    fputc('"', o);
}

/* A field of a tab-separated file: tabs and line ends inside it become spaces. */
static void tsv_field(FILE *o, const char *v) {
    for (; *v; v++) fputc(*v == '\t' || *v == '\n' || *v == '\r' ? ' ' : *v, o);
}

/* ---- dyad query ---- */

/* Grouping keys: the name the user gives, the SQL expression (the program's own text), and the
 * output column names. "dyad" is two columns. */
enum { OUT_TABLE, OUT_CSV, OUT_JSONL };

static int cmd_query_rows(dyad_store *s, const dyad_store_filter *f, int out, long limit) {
    static const char sel[] =
        "SELECT e.date, nullif(sa.code, ''), nullif(ta.code, ''), e.cameo, e.plover_event, e.mode, e.goldstein, "
        "e.location, d.id, se.text, e.json, e.id";
    char tail[64];
    snprintf(tail, sizeof tail, " ORDER BY e.date_start, e.key%s", limit > 0 ? " LIMIT ?20" : "");
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s, sel, f, tail, &q) != DYAD_OK) {
        fprintf(stderr, "dyad query: %s\n", dyad_store_errmsg(s));
        return DYAD_EXIT_IO;
    }
    if (limit > 0) sqlite3_bind_int64(q, 20, limit);
    static const char *const names[] = {"date", "source", "target", "cameo", "plover", "mode", "goldstein", "place",
                                        "doc", "sentence"};
    if (out == OUT_TABLE)
        printf("%-10s  %-10s  %-10s  %-5s %-12s %-8s %6s  %-14s %-14s %s\n", names[0], names[1], names[2], names[3],
               names[4], names[5], names[6], names[7], names[8], names[9]);
    else if (out == OUT_CSV)
        for (int i = 0; i < 10; i++) printf("%s%s", names[i], i < 9 ? "," : "\n");
    int rc = DYAD_EXIT_OK;
    while (step_row(q, s, "query", &rc)) {
        if (out == OUT_JSONL) { puts(col(q, 10)); continue; }
        if (out == OUT_CSV) {
            for (int i = 0; i < 10; i++) {
                if (i == 6) printf("%g", sqlite3_column_double(q, 6));
                else csv_field(stdout, col(q, i));
                putchar(i < 9 ? ',' : '\n');
            }
            continue;
        }
        const char *text = col(q, 9);
        printf("%-10s  %-10s  %-10s  %-5s %-12s %-8s %6.1f  %-14.14s %-14.14s %.60s%s\n", has(q, 0) ? col(q, 0) : "-",
               has(q, 1) ? col(q, 1) : "-", has(q, 2) ? col(q, 2) : "-", col(q, 3), has(q, 4) ? col(q, 4) : "-",
               col(q, 5), sqlite3_column_double(q, 6), has(q, 7) ? col(q, 7) : "-", col(q, 8), text,
               strlen(text) > 60 ? "..." : "");
    }
    sqlite3_finalize(q);
    return rc;
}

static int cmd_query_groups(dyad_store *s, const dyad_store_filter *f, int out, long limit, dyad_store_group *g) {
    char tail[1100];   /* two copies of the group's keys */
    snprintf(tail, sizeof tail, " GROUP BY %s ORDER BY %s%s", g->group, g->group, limit > 0 ? " LIMIT ?20" : "");
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s, g->select, f, tail, &q) != DYAD_OK) {
        fprintf(stderr, "dyad query: %s\n", dyad_store_errmsg(s));
        return DYAD_EXIT_IO;
    }
    if (limit > 0) sqlite3_bind_int64(q, 20, limit);
    /* the output columns: the keys' names, then events and goldstein */
    const char *names[24];
    int n = 0;
    for (char *p = strtok(g->cols, ","); p && n < 24; p = strtok(NULL, ",")) names[n++] = p;
    for (int i = 0; out != OUT_JSONL && i < n; i++) {
        if (out == OUT_CSV) printf("%s%s", names[i], i < n - 1 ? "," : "\n");
        else if (i < n - 2) printf("%-12s ", names[i]);
        else printf("%10s%s", names[i], i < n - 1 ? "" : "\n");
    }
    int rc = DYAD_EXIT_OK;
    while (step_row(q, s, "query", &rc)) {
        if (out == OUT_JSONL) putchar('{');
        for (int i = 0; i < n; i++) {
            const char *v = has(q, i) ? col(q, i) : (i < n - 2 ? "-" : "0");
            if (out == OUT_JSONL) {
                printf("%s\"%s\":", i ? "," : "", names[i]);
                if (i >= n - 2) printf("%s", v);
                else json_str(stdout, v);
            } else if (out == OUT_CSV) { csv_field(stdout, v); putchar(i < n - 1 ? ',' : '\n'); }
            else if (i < n - 2) printf("%-12s ", v);
            else printf("%10s", v);
        }
        if (out == OUT_JSONL) puts("}");
        else if (out == OUT_TABLE) putchar('\n');
    }
    sqlite3_finalize(q);
    return rc;
}

int dyad_cmd_query(int argc, char **argv) {
    const char *db = "dyad.db", *format = "table", *by = NULL;
    long limit = 0;
    dyad_store_filter f;
    memset(&f, 0, sizeof f);
    int rc = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        int k = filter_opt("query", query_usage, argc, argv, &i, &f, &rc);
        if (k < 0) return rc;
        if (k) continue;
        if (!strcmp(a, "--db") && more) db = argv[++i];
        else if (!strcmp(a, "--format") && more) format = argv[++i];
        else if (!strcmp(a, "--by") && more) by = argv[++i];
        else if (!strcmp(a, "--limit") && more) {
            char *end;
            limit = strtol(argv[++i], &end, 10);
            if (*end || limit < 1) return usage_error("query", query_usage, "--limit '%s' is not a positive number", argv[i]);
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(query_usage, stdout); fputs(filter_usage, stdout); return DYAD_EXIT_OK; }
        else return usage_error("query", query_usage, "unknown option or filter '%s' (or it needs a value)", a);
    }
    int out = !strcmp(format, "table") ? OUT_TABLE : !strcmp(format, "csv") ? OUT_CSV : !strcmp(format, "jsonl") ? OUT_JSONL : -1;
    if (out < 0) return usage_error("query", query_usage, "--format '%s' is not one of table, csv, jsonl", format);
    dyad_store_group g;
    if (by && dyad_store_group_parse(by, 6, &g)) return usage_error("query", query_usage, "--by: %s", g.err);
    dyad_store *s = open_read("query", db);
    if (!s) return DYAD_EXIT_IO;
    rc = by ? cmd_query_groups(s, &f, out, limit, &g) : cmd_query_rows(s, &f, out, limit);
    if (fflush(stdout) != 0) { fprintf(stderr, "dyad query: writing output: %s\n", strerror(errno)); rc = DYAD_EXIT_IO; }
    dyad_store_free(s);
    return rc;
}

/* ---- dyad export ---- */

/* The columns every export reads, in this order. */
enum {
    X_KEY, X_ID, X_DATE, X_DSTART, X_STORY_DATE,
    X_S_CODE, X_S_COUNTRY, X_S_ORG, X_S_SECTOR, X_S_NAME, X_S_ROLE, X_S_TEXT, X_S_CNAME,
    X_T_CODE, X_T_COUNTRY, X_T_ORG, X_T_SECTOR, X_T_NAME, X_T_ROLE, X_T_TEXT, X_T_CNAME,
    X_A_CODE, X_A_TEXT,
    X_CAMEO, X_ROOT, X_LABEL, X_QUAD, X_GOLD, X_PEVENT, X_PMODE, X_PCONTEXT, X_MODE,
    X_LOC, X_LOC_COUNTRY, X_LOC_CNAME, X_LOC_ADMIN1, X_LAT, X_LON, X_GEONAMES,
    X_AMT_VALUE, X_AMT_CUR, X_AMT_USD, X_AMT_TEXT,
    X_HEADLINE, X_ROOTEV, X_STORY, X_STORY_KEY, X_SENTENCE, X_SPAN_START, X_SPAN_END, X_TEXT,
    X_DOC, X_URL, X_TITLE, X_PUBLISHER, X_LOADED, X_NMENTIONS, X_NSOURCES, X_NARTICLES, X_EVIDENCE, X_JSON,
    X_COUNT
};

#define ACTOR_COLS(a, side) \
    "nullif(" a ".code, ''), nullif(" a ".country, ''), nullif(" a ".org, ''), nullif(" a ".sector, ''), " \
    "nullif(" a ".name, ''), nullif(" a ".role, ''), e." side "_text, " \
    "(SELECT name FROM temp.country_names WHERE code = " a ".country), "

static const char export_sql[] =
    "SELECT e.key, e.id, e.date, e.date_start, e.story_date, " ACTOR_COLS("sa", "source") ACTOR_COLS("ta", "target")
    "nullif(aa.code, ''), e.attribution_text, "
    "e.cameo, e.root, e.label, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.plover_context, e.mode, "
    "e.location, e.location_country, (SELECT name FROM temp.country_names WHERE code = e.location_country), "
    "e.location_admin1, e.lat, e.lon, e.geonames, "
    "e.amount_value, e.amount_currency, e.amount_usd, e.amount_text, "
    "e.headline, (e.headline OR EXISTS (SELECT 1 FROM stories st WHERE st.doc = e.doc AND st.story = e.story AND "
    "st.span_start = e.span_start)), e.story, (SELECT st.key FROM stories st WHERE st.doc = e.doc AND st.story = e.story), "
    "e.sentence, e.span_start, e.span_end, se.text, "
    "d.id, d.url, d.title, d.publisher, d.loaded, "
    "(SELECT count(*) FROM mentions m WHERE m.event = e.key), "
    "(SELECT count(DISTINCT coalesce(md.publisher, md.id)) FROM mentions m JOIN documents md ON md.key = m.doc WHERE m.event = e.key), "
    "(SELECT count(DISTINCT m.doc) FROM mentions m WHERE m.event = e.key), "
    "e.evidence, e.json";

static const char *const csv_names[X_COUNT] = {
    "key", "id", "date", "date_start", "story_date",
    "source_code", "source_country", "source_org", "source_sector", "source_name", "source_role", "source_text", "source_country_name",
    "target_code", "target_country", "target_org", "target_sector", "target_name", "target_role", "target_text", "target_country_name",
    "attribution_code", "attribution_text",
    "cameo", "root", "label", "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context", "mode",
    "location", "location_country", "location_country_name", "location_admin1", "lat", "lon", "geonames",
    "amount_value", "amount_currency", "amount_usd", "amount_text",
    "headline", "root_event", "story", "story_key", "sentence", "span_start", "span_end", "text",
    "doc", "url", "title", "publisher", "loaded", "mentions", "sources", "articles", "evidence", "json"};

/* Country names for ICEWS-style columns, from Debian's iso-codes when installed (else the code). */
static void load_country_names(sqlite3 *db) {
    sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS country_names(code TEXT PRIMARY KEY, name TEXT)", NULL, NULL, NULL);
    FILE *fp = fopen("/usr/share/iso-codes/json/iso_3166-1.json", "rb");
    if (!fp) return;
    char *buf = NULL;
    size_t n = 0, cap = 0, k;
    char chunk[65536];
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (n + k + 1 > cap) {
            char *nb = realloc(buf, cap = (n + k + 1) * 2);
            if (!nb) { free(buf); fclose(fp); return; }
            buf = nb;
        }
        memcpy(buf + n, chunk, k);
        n += k;
    }
    fclose(fp);
    sqlite3_stmt *q = NULL;
    if (buf && sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO temp.country_names SELECT json_extract(value, '$.alpha_3'), "
                                      "coalesce(json_extract(value, '$.common_name'), json_extract(value, '$.name')) "
                                      "FROM json_each(?1, '$.\"3166-1\"') WHERE json_valid(?1)", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, buf, (int)n, SQLITE_STATIC);
        sqlite3_step(q);
    }
    sqlite3_finalize(q);
    free(buf);
}

static void upper(FILE *o, const char *v) {
    for (; *v; v++) fputc(*v == '\t' || *v == '\n' ? ' ' : (*v >= 'a' && *v <= 'z') ? *v - 32 : *v, o);
}

/* GDELT 2.0 events: 61 tab-separated columns, no header (as GDELT publishes them). */
static void export_gdelt(FILE *o, sqlite3_stmt *q) {
    const char *ds = col(q, X_DSTART);
    int y = 0, m = 0, d = 0;
    int dated = sscanf(ds, "%4d-%2d-%2d", &y, &m, &d) == 3;
    fprintf(o, "%s\t", col(q, X_KEY));
    if (dated) fprintf(o, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y, y + ((m - 1) * 30 + d) / 365.0);
    else fputs("\t\t\t\t", o);
    for (int side = 0; side < 2; side++) {
        int b = side ? X_T_CODE : X_S_CODE;
        tsv_field(o, col(q, b));                                        /* ActorCode */
        fputc('\t', o);
        upper(o, has(q, b + 4) ? col(q, b + 4) : col(q, b + 6));        /* ActorName */
        fputc('\t', o);
        tsv_field(o, col(q, b + 1));                                    /* CountryCode */
        fputc('\t', o);
        tsv_field(o, col(q, b + 2));                                    /* KnownGroupCode */
        fputs("\t\t\t\t", o);                                           /* Ethnic, Religion1, Religion2 */
        tsv_field(o, col(q, b + 3));                                    /* Type1Code */
        fputs("\t\t\t", o);                                             /* Type2, Type3 */
    }
    const char *cameo = col(q, X_CAMEO);
    fprintf(o, "%d\t%s\t%.3s\t%s\t", sqlite3_column_int(q, X_ROOTEV), cameo, cameo, col(q, X_ROOT));
    if (has(q, X_QUAD)) fputs(col(q, X_QUAD), o);
    fprintf(o, "\t%g\t%s\t%s\t%s\t\t", sqlite3_column_double(q, X_GOLD), col(q, X_NMENTIONS), col(q, X_NSOURCES),
            col(q, X_NARTICLES));                                       /* AvgTone: unknown */
    fputs("\t\t\t\t\t\t\t\t", o);                                       /* Actor1Geo_*: unknown */
    fputs("\t\t\t\t\t\t\t\t", o);                                       /* Actor2Geo_* */
    if (has(q, X_LOC)) {
        /* a country when the place is the country itself, else a city (province names come as
         * places too: GDELT's WORLDSTATE is not told apart yet) */
        int type = !strcmp(col(q, X_LOC), col(q, X_LOC_CNAME)) || !strcmp(col(q, X_LOC), col(q, X_LOC_COUNTRY)) ? 1
                 : !strcmp(col(q, X_LOC_COUNTRY), "USA") ? 3 : 4;
        fprintf(o, "%d\t", type);
        tsv_field(o, col(q, X_LOC));
        if (has(q, X_LOC_ADMIN1) && strcmp(col(q, X_LOC_ADMIN1), col(q, X_LOC))) { fputs(", ", o); tsv_field(o, col(q, X_LOC_ADMIN1)); }
        const char *cn = has(q, X_LOC_CNAME) ? col(q, X_LOC_CNAME) : col(q, X_LOC_COUNTRY);
        if (*cn && strcmp(cn, col(q, X_LOC))) { fputs(", ", o); tsv_field(o, cn); }
        /* CountryCode and ADM1Code are FIPS 10-4, ADM2 GAUL and FeatureID GNS: not known */
        fputs("\t\t\t\t", o);
        if (has(q, X_LAT)) fprintf(o, "%.4f\t%.4f\t", sqlite3_column_double(q, X_LAT), sqlite3_column_double(q, X_LON));
        else fputs("\t\t", o);
        fputc('\t', o);
    } else fputs("\t\t\t\t\t\t\t\t", o);
    /* DATEADDED: when it was stored, YYYYMMDDHHMMSS */
    const char *l = col(q, X_LOADED);
    for (; *l; l++) if (*l >= '0' && *l <= '9') fputc(*l, o);
    fputc('\t', o);
    tsv_field(o, has(q, X_URL) ? col(q, X_URL) : col(q, X_DOC));
    fputc('\n', o);
}

static const char icews_header[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\t"
    "Country\tLatitude\tLongitude\n";

static void export_icews(FILE *o, sqlite3_stmt *q) {
    fprintf(o, "%s\t%s\t", col(q, X_KEY), col(q, X_DSTART));
    for (int side = 0; side < 2; side++) {
        int b = side ? X_T_CODE : X_S_CODE;
        tsv_field(o, has(q, b + 4) ? col(q, b + 4) : col(q, b + 6));    /* Name */
        fputc('\t', o);
        tsv_field(o, col(q, b + 3));                                    /* Sectors */
        fputc('\t', o);
        tsv_field(o, has(q, b + 7) ? col(q, b + 7) : col(q, b + 1));    /* Country (name) */
        fputc('\t', o);
        if (!side) {
            tsv_field(o, col(q, X_LABEL));
            fprintf(o, "\t%s\t%g\t", col(q, X_CAMEO), sqlite3_column_double(q, X_GOLD));
        }
    }
    fprintf(o, "%s\t%d\t", col(q, X_STORY_KEY), sqlite3_column_int(q, X_SENTENCE) + 1);
    tsv_field(o, col(q, X_PUBLISHER));
    fputc('\t', o);
    /* a place with coordinates is a city or a province; one without is a country */
    if (has(q, X_LAT) && strcmp(col(q, X_LOC), col(q, X_LOC_ADMIN1))) tsv_field(o, col(q, X_LOC));
    fputs("\t\t", o);
    tsv_field(o, col(q, X_LOC_ADMIN1));
    fputc('\t', o);
    tsv_field(o, has(q, X_LOC_CNAME) ? col(q, X_LOC_CNAME) : col(q, X_LOC_COUNTRY));
    fputc('\t', o);
    if (has(q, X_LAT)) fprintf(o, "%.4f\t%.4f", sqlite3_column_double(q, X_LAT), sqlite3_column_double(q, X_LON));
    else fputc('\t', o);
    fputc('\n', o);
}

static void plover_entity(FILE *o, sqlite3_stmt *q, int b) {
    const char *code = has(q, b + 1) ? col(q, b + 1) : has(q, b + 2) ? col(q, b + 2) : col(q, b);
    fputs("[{\"code\":", o);
    char c3[4];
    snprintf(c3, sizeof c3, "%s", code);
    json_str(o, c3);
    if (has(q, b + 3)) { fputs(",\"sector\":", o); json_str(o, col(q, b + 3)); }
    if (has(q, b + 6)) { fputs(",\"entity_text\":", o); json_str(o, col(q, b + 6)); }
    if (has(q, b + 4)) { fputs(",\"identifier_text\":", o); json_str(o, col(q, b + 4)); }
    if (has(q, b + 5)) { fputs(",\"office\":", o); json_str(o, col(q, b + 5)); }
    fputs(",\"cameo_code\":", o);
    json_str(o, col(q, b));
    fputs("}]", o);
}

/* PLOVER JSON: one object a line with the PLOVER field names (id, date, actor, recipient, event,
 * mode, context, event_loc, text, text_info, cite_info, ...). */
static void export_plover(FILE *o, sqlite3_stmt *q) {
    fputs("{\"id\":", o);
    json_str(o, col(q, X_ID));
    fprintf(o, ",\"has_event\":%s,\"date\":", has(q, X_PEVENT) ? "true" : "false");
    json_str(o, col(q, X_DSTART));
    fputs(",\"actor\":", o);
    if (has(q, X_S_CODE) || has(q, X_S_COUNTRY)) plover_entity(o, q, X_S_CODE);
    else fputs("[]", o);
    fputs(",\"recipient\":", o);
    if (has(q, X_T_CODE) || has(q, X_T_COUNTRY)) plover_entity(o, q, X_T_CODE);
    else fputs("[]", o);
    fputs(",\"event\":[", o);
    if (has(q, X_PEVENT)) json_str(o, col(q, X_PEVENT));
    fputs("]", o);
    if (has(q, X_PMODE)) { fputs(",\"mode\":[", o); json_str(o, col(q, X_PMODE)); fputc(']', o); }
    if (has(q, X_PCONTEXT)) { fputs(",\"context\":[", o); json_str(o, col(q, X_PCONTEXT)); fputc(']', o); }
    if (has(q, X_QUAD)) fprintf(o, ",\"quad_code\":%d", sqlite3_column_int(q, X_QUAD));
    if (has(q, X_LOC)) {
        fputs(",\"event_loc\":{\"extracted_place\":", o);
        json_str(o, col(q, X_LOC));
        if (has(q, X_GEONAMES)) fprintf(o, ",\"geonameid\":%s", col(q, X_GEONAMES));
        if (has(q, X_LAT)) fprintf(o, ",\"lat\":%.4f,\"lon\":%.4f", sqlite3_column_double(q, X_LAT), sqlite3_column_double(q, X_LON));
        if (has(q, X_LOC_ADMIN1)) { fputs(",\"province\":", o); json_str(o, col(q, X_LOC_ADMIN1)); }
        if (has(q, X_LOC_CNAME)) { fputs(",\"country\":", o); json_str(o, col(q, X_LOC_CNAME)); }
        if (has(q, X_LOC_COUNTRY)) { fputs(",\"country_code\":", o); json_str(o, col(q, X_LOC_COUNTRY)); }
        fputc('}', o);
    }
    fputs(",\"text\":", o);
    json_str(o, col(q, X_TEXT));
    fprintf(o, ",\"text_info\":{\"sequence\":%d,\"start\":%s,\"end\":%s}", sqlite3_column_int(q, X_SENTENCE),
            col(q, X_SPAN_START), col(q, X_SPAN_END));
    fputs(",\"cite_info\":{\"citation\":", o);
    json_str(o, col(q, X_DOC));
    if (has(q, X_URL)) { fputs(",\"url\":", o); json_str(o, col(q, X_URL)); }
    if (has(q, X_TITLE)) { fputs(",\"title\":", o); json_str(o, col(q, X_TITLE)); }
    if (has(q, X_PUBLISHER)) { fputs(",\"publication\":", o); json_str(o, col(q, X_PUBLISHER)); }
    fputs(",\"coder\":\"dyad " DYAD_VERSION "\"},\"coder\":\"dyad " DYAD_VERSION "\",\"coded_date\":", o);
    char day[11];
    snprintf(day, sizeof day, "%s", col(q, X_LOADED));
    json_str(o, day);
    fputs(",\"comment\":", o);
    char c[64];
    snprintf(c, sizeof c, "CAMEO %s; goldstein %g", col(q, X_CAMEO), sqlite3_column_double(q, X_GOLD));
    json_str(o, c);
    fputs("}\n", o);
}

static void export_csv(FILE *o, sqlite3_stmt *q) {
    for (int i = 0; i < X_COUNT; i++) {
        csv_field(o, col(q, i));
        fputc(i < X_COUNT - 1 ? ',' : '\n', o);
    }
}

int dyad_cmd_export(int argc, char **argv) {
    const char *db = "dyad.db", *format = NULL;
    dyad_store_filter f;
    memset(&f, 0, sizeof f);
    int rc = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        int k = filter_opt("export", export_usage, argc, argv, &i, &f, &rc);
        if (k < 0) return rc;
        if (k) continue;
        if (!strcmp(a, "--db") && more) db = argv[++i];
        else if (!strcmp(a, "--format") && more) format = argv[++i];
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(export_usage, stdout); fputs(filter_usage, stdout); return DYAD_EXIT_OK; }
        else return usage_error("export", export_usage, "unknown option or filter '%s' (or it needs a value)", a);
    }
    if (!format) return usage_error("export", export_usage, "%s", "--format is required");
    void (*row)(FILE *, sqlite3_stmt *) = !strcmp(format, "gdelt") ? export_gdelt : !strcmp(format, "icews") ? export_icews
                                        : !strcmp(format, "plover") ? export_plover : !strcmp(format, "csv") ? export_csv : NULL;
    if (!row) return usage_error("export", export_usage, "--format '%s' is not one of gdelt, icews, plover, csv", format);
    dyad_store *s = open_read("export", db);
    if (!s) return DYAD_EXIT_IO;
    load_country_names(dyad_store_db(s));
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s, export_sql, &f, " ORDER BY e.date_start, e.key", &q) != DYAD_OK) {
        fprintf(stderr, "dyad export: %s\n", dyad_store_errmsg(s));
        dyad_store_free(s);
        return DYAD_EXIT_IO;
    }
    if (row == export_icews) fputs(icews_header, stdout);
    if (row == export_csv)
        for (int i = 0; i < X_COUNT; i++) printf("%s%c", csv_names[i], i < X_COUNT - 1 ? ',' : '\n');
    rc = DYAD_EXIT_OK;
    while (step_row(q, s, "export", &rc)) row(stdout, q);
    sqlite3_finalize(q);
    if (fflush(stdout) != 0 || ferror(stdout)) { fprintf(stderr, "dyad export: writing output: %s\n", strerror(errno)); rc = DYAD_EXIT_IO; }
    dyad_store_free(s);
    return rc;
}
