/* dyad.h: the one public interface of libdyad, a political event coder.
 *
 * dyad reads news text and codes it into events: who did what to whom, when, where, how much,
 * with the evidence for each. The command line (src/main.c) uses nothing but this header.
 *
 * Ownership: borrow by default.
 *   - dyad_X_free() releases what dyad_X_new() / dyad_X_load() returned; dyad_X_free(NULL) is a no-op.
 *   - Every pointer handed out by the library (strings, records) belongs to the handle that handed
 *     it out and stays valid until the next call on that handle, unless a function says otherwise.
 *   - Strings passed in are borrowed for the duration of the call only.
 *
 * Errors: functions that can fail return int: DYAD_OK (0) or a negative DYAD_E* code; results come
 * back through out-parameters; the message is read with dyad_dict_errmsg() / dyad_coder_errmsg().
 * The library never prints, exits or aborts.
 *
 * Threads: a dyad_dict is immutable once loaded and may be shared by any number of threads; a
 * dyad_coder, a dyad_reader are used by one thread at a time.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

enum {
    DYAD_OK = 0,
    DYAD_ENOMEM = -1,   /* out of memory */
    DYAD_EIO = -2,      /* a file could not be opened or read */
    DYAD_EDICT = -3,    /* a dictionary line is malformed (message names file:line) */
    DYAD_EINPUT = -4,   /* a document is malformed (message names file:line); the next may be fine */
    DYAD_EARG = -5,     /* a bad argument */
    DYAD_EOF = -6       /* no more documents */
};

/* The allocation hook: every allocation of the library goes through it, so tests can make it
 * fail. realloc semantics: (NULL, 0, n) allocates, (p, old, 0) frees. NULL means the C library. */
typedef void *(*dyad_alloc_fn)(void *ud, void *ptr, size_t oldsize, size_t newsize);

/* ---- dictionaries ---------------------------------------------------------------------------- */

typedef struct dyad_dict dyad_dict;

/* A problem found while loading or checking: file, line (1-based, 0 when not about a line), text. */
typedef void (*dyad_diag_fn)(void *ud, const char *file, int line, const char *msg);

typedef struct dyad_dict_options {
    dyad_alloc_fn alloc;        /* NULL: malloc/realloc/free */
    void *alloc_ud;
    const char *wordnet_dir;    /* folder of WordNet's verb.exc / noun.exc; NULL: $WNSEARCHDIR or
                                   /usr/share/wordnet; missing files only lose irregular forms */
    dyad_diag_fn diag;          /* warnings (and, with check set, every problem) go here */
    void *diag_ud;
    int check;                  /* 1: keep loading past malformed lines, reporting each to diag */
} dyad_dict_options;

/* Loads every *.txt dictionary file below each path (a folder or a single file). On failure *out
 * is still set (unless out of memory) so dyad_dict_errmsg() can say "file:line: what"; free it.
 * With opts->check, malformed lines are reported to opts->diag and skipped, and the call returns
 * DYAD_EDICT at the end if there were any. */
int dyad_dict_load(dyad_dict **out, const char *const *paths, size_t npaths,
                   const dyad_dict_options *opts);
const char *dyad_dict_errmsg(const dyad_dict *d);
void dyad_dict_free(dyad_dict *d);

typedef struct dyad_dict_stats {
    size_t files, actors, agents, verb_patterns, verb_lemmas, verb_forms, codes, words, trie_nodes;
} dyad_dict_stats;
void dyad_dict_stats_get(const dyad_dict *d, dyad_dict_stats *out);

/* ---- documents ------------------------------------------------------------------------------- */

typedef struct dyad_doc {
    const char *id;       /* the document's id (a JSON-lines "id", else the file name) */
    const char *date;     /* YYYY-MM-DD or NULL */
    const char *url, *title;
    const char *text;     /* UTF-8 text, need not be valid or NUL-terminated */
    size_t len;
    const char *meta;     /* the JSON-lines object as read, or NULL (kept for output) */
    const char *file;     /* where it came from, for messages */
    long line;            /* its line in that file (JSON lines), else 0 */
    const char *lang;     /* ISO 639-1 code of its language ("en") when CLD2 tells it reliably, else
                             NULL (appended in 0.1.0 for web input) */
} dyad_doc;

typedef struct dyad_reader dyad_reader;

/* Input formats. HTML and WARC were appended for web input. */
enum { DYAD_FMT_AUTO = 0, DYAD_FMT_TEXT, DYAD_FMT_JSONL,
       DYAD_FMT_HTML,     /* one page: its article text (navigation, scripts, boilerplate dropped),
                             its <title>, its article:published_time; the page's charset honoured */
       DYAD_FMT_WARC };   /* WARC/1.0 or 1.1: each response, resource or conversion record with an
                             HTML or plain-text payload is a document: id = WARC-Record-ID (without
                             <>), url = WARC-Target-URI, date = WARC-Date, HTTP headers stripped,
                             charset from the HTTP Content-Type, else the page's <meta> */

/* The most a reader holds of one document, JSON line or WARC record: 32 MiB. Anything longer is
 * reported (DYAD_EINPUT) and skipped without being held. */
#define DYAD_READ_MAX ((size_t)32 << 20)

/* Opens a file ("-" is standard input) for reading documents. Compression is recognised by its
 * magic bytes, whatever the format (gzip, also multi-member as .warc.gz; zstd; xz; bzip2) and
 * undone as a stream. AUTO then looks at the first bytes of the (decompressed) input:
 *   '{' after white space / BOM          JSON lines, one document a line (id, date, url, title, text)
 *   "WARC/1."                            WARC
 *   "<!doctype html" or "<html" (any case, after white space, BOM or comments)   HTML
 *   anything else                        plain text: the whole input is one document
 * Memory: a reader holds at most one document (DYAD_READ_MAX) with its extracted text and the
 * parser's working copy (cJSON or libxml2: about 3 x DYAD_READ_MAX all told, for the largest
 * document), a 64 KiB window, and the decompressor's state (gzip 32 KiB; bzip2 under 4 MiB; xz and
 * zstd their window: 8 MiB for xz -6 and zstd -19, at most 64 MiB for xz -9 and 128 MiB for zstd
 * --long). Fails with DYAD_EIO when the file cannot be opened, DYAD_ENOMEM. */
int dyad_reader_open(dyad_reader **out, const char *path, int format, dyad_alloc_fn alloc,
                     void *alloc_ud);
/* The next document: DYAD_OK, DYAD_EOF at the end, DYAD_EINPUT for bad input (reported by
 * dyad_reader_errmsg, naming the file and the line or byte offset; reading may go on: a bad JSON
 * line, a line or document or WARC record longer than DYAD_READ_MAX, a WARC record whose
 * Content-Length lies (reading resumes at the next record), a corrupt or truncated compressed
 * stream (the end of the input)), DYAD_EIO (a read error), DYAD_ENOMEM. The document belongs to
 * the reader until the next call. Documents reliably identified (CLD2) as in a language dyad does
 * not code (dyad codes English) are skipped and counted in dyad_reader_stats. */
int dyad_reader_next(dyad_reader *r, dyad_doc *doc);
const char *dyad_reader_errmsg(const dyad_reader *r);
void dyad_reader_free(dyad_reader *r);

/* What a reader has seen so far (appended for web input). */
typedef struct dyad_reader_stats {
    size_t docs;              /* documents returned */
    size_t skipped_lang;      /* documents skipped: not in a language dyad codes */
    const char *skipped_langs;/* which, as "de 3, ru 1" (belongs to the reader), "" when none */
    size_t records;           /* WARC records read */
    size_t not_docs;          /* WARC records that hold no document: request, metadata, warcinfo,
                                 revisit, an HTTP status other than 2xx, a payload that is not HTML
                                 or text, a page with no text */
    size_t bad;               /* reports of DYAD_EINPUT */
    unsigned long long bytes; /* bytes read, after decompression */
    const char *format;       /* "text", "jsonl", "html" or "warc" */
    const char *compression;  /* "gzip", "zstd", "xz", "bzip2", or NULL */
} dyad_reader_stats;
void dyad_reader_stats_get(const dyad_reader *r, dyad_reader_stats *out);

/* ---- records --------------------------------------------------------------------------------- */

typedef struct dyad_actor {
    const char *text;     /* as written, NULL when there is no actor */
    const char *code;     /* CAMEO actor code: RUSGOV, IGOCSTO */
    const char *country;  /* ISO 3166-1 alpha-3 */
    const char *org;      /* organisation acronym */
    const char *sector;   /* GOV, MIL, REB, ... */
    const char *name;     /* a known person's or organisation's name */
    const char *role;     /* a person's office at the event's date */
} dyad_actor;

typedef struct dyad_amount {
    int present;
    double value;          /* as stated: 70e9 */
    char currency[4];      /* ISO 4217 */
    double usd;            /* <0 when unknown */
    const char *usd_source;/* "text" (the text's own conversion), "derived" (a conversion stated
                              elsewhere in the document), "rate" (a monthly rate), or NULL */
    double rate;           /* with "rate": units of the currency per US dollar */
    const char *rate_date; /* with "rate": the rate's month, YYYY-MM (source: dict rates.txt) */
    const char *text;      /* the words it came from */
} dyad_amount;

/* One side of a conflict: a figure as one report gives it. */
typedef struct dyad_claim {
    double value, usd;     /* usd < 0 when unknown */
    char currency[4];
    const char *text;      /* the words */
    const char *members;   /* a membership claim: the members as comma-separated country codes
                              (value is then their number); NULL for a figure */
    const char *event;     /* the id of the event that carries it */
    const char *sentence;  /* the sentence */
    size_t span[2];        /* the sentence's byte offsets in the document */
} dyad_claim;

enum { DYAD_REC_EVENT = 1, DYAD_REC_CONFLICT = 2, DYAD_REC_STORY = 3 };

typedef struct dyad_record {
    int type;
    const char *id, *doc;
    int story, sentence;
    const char *text;      /* the sentence, normalised */
    size_t span[2];        /* byte offsets of the sentence in the document as given */
    int headline;          /* 1: the sentence is its story's headline */
    const char *cluster;   /* the id of the first report of the same event in the document (itself
                              when first): same dyad, same kind of act, compatible dates */
    int mentions, sources; /* reports of that event in the document, and the stories they are in */
    const char *date;      /* the event's date at its precision: 2014, 2014-07, 2014-07-02 */
    const char *story_date;
    dyad_actor source, target, attribution;
    const char *cameo, *cameo_label;
    int quad_class;
    double goldstein;
    const char *plover_event, *plover_mode, *plover_context;
    const char *mode;      /* actual, intent, negated, hypothetical, reported */
    const char *location;  /* place name, or NULL */
    const char *location_country;
    const char *location_admin1;   /* province or state */
    double lat, lon;       /* lat > 90 when unknown */
    long long geonames;    /* GeoNames id, 0 when unknown */
    dyad_amount amount;
    double dead, injured, arrested, size, displaced;   /* counts of people; < 0 when not said */
    const char *evidence;  /* readable: pattern, file:line, tokens */
    const char *kind;      /* conflict: what disagrees ("amount") */
    const dyad_claim *claims;  /* conflict: the claims */
    size_t nclaims;
    const char *json;      /* the whole record as one JSON object, no newline */
    const char *location_from;   /* where the place came from: "sentence", "story" (a place the
                                    story named before), "dateline"; NULL with no location */
    int counts_added;      /* 1: the counts are of people beyond those the story reported before
                              ("two additional suspects were also detained"): a story's total adds
                              them to the largest figure of the others */
    int tally;             /* 1: a total over a period ("have detained more than 25 leaders since
                              December 1"), not one incident: it is no report of an incident in
                              the same period, and its counts are the period's */
} dyad_record;

/* ---- coding ---------------------------------------------------------------------------------- */

typedef struct dyad_coder dyad_coder;

typedef struct dyad_code_options {
    const char *date;      /* default document date YYYY-MM-DD when the document has none */
    int stories;           /* 1: also emit a "story" record for each story found */
    int merge;             /* 1: emit only the first report of each event (with its mentions) */
} dyad_code_options;

/* Called once per record, in document order; a non-zero return stops coding with that value. */
typedef int (*dyad_sink)(void *ud, const dyad_record *rec);

int dyad_coder_new(dyad_coder **out, const dyad_dict *d, const dyad_code_options *opts);
/* Codes one document, calling sink for each record. Invalid UTF-8 is replaced (U+FFFD) and
 * counted, never fatal. Fails only on out of memory or when the sink asks to stop. */
int dyad_coder_code(dyad_coder *c, const dyad_doc *doc, dyad_sink sink, void *ud);
const char *dyad_coder_errmsg(const dyad_coder *c);
void dyad_coder_free(dyad_coder *c);

typedef struct dyad_coder_stats {
    size_t docs, stories, sentences, tokens, events, conflicts, bytes, bad_utf8;
} dyad_coder_stats;
void dyad_coder_stats_get(const dyad_coder *c, dyad_coder_stats *out);

/* Explains how one sentence codes: tokens, matches, clauses, patterns, events, as readable
 * text. The string belongs to the coder. */
int dyad_coder_explain(dyad_coder *c, const char *sentence, const char *date, const char **out);

/* Everything the dictionaries say about a phrase: the actors, agents and other entries it
 * names (with their file and line), and for a verb form its lemma's patterns. Calls out once
 * per line of description; returns how many lines, or DYAD_ENOMEM. */
int dyad_dict_lookup(const dyad_dict *d, const char *phrase, void (*out)(void *ud, const char *line), void *ud);

/* The CAMEO label, Goldstein value and QuadClass of a code; 0 if unknown. */
int dyad_dict_cameo(const dyad_dict *d, const char *code, const char **label, double *goldstein,
                    int *quad_class);

/* ---- import (appended for issue #4) ---------------------------------------------------------- */

/* Converts TABARI / PETRARCH2 dictionary files (actors, agents, verbs, discards; the kind is told
 * by the file name, else by content) into dyad dictionary text files in the existing folder
 * out_dir, ready for dyad_dict_load. cameo_path (NULL: none) is dyad's cameo.txt: it is written
 * to out_dir as PETRARCH reads codes (no intent / request / refusal forms: load out_dir instead of
 * cameo.txt), with the event codes the verbs use that it lacks added (Goldstein 0).
 * What dyad's grammar cannot express is counted and summarised to diag (line 0). Returns the
 * number of entries written, or DYAD_EIO / DYAD_EDICT (err says file:line) / DYAD_ENOMEM. */
int dyad_dict_import_petrarch(const char *const *files, size_t nfiles, const char *cameo_path,
                              const char *out_dir, dyad_diag_fn diag, void *ud, char *err,
                              size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
