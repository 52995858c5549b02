/* store.h: the event store, an embedded SQLite database of documents, stories, sentences,
 * events, mentions, actors and conflicts (schema: docs/store.md).
 *
 * A client of dyad.h: it stores dyad_record values as the coder hands them out. Loading is
 * idempotent and crash-safe:
 *
 *   dyad_store_doc_state()  has this document (its id, or its content hash) been stored, and
 *                           by these dictionaries?  NEW | SAME | RECODE | DUPLICATE
 *   dyad_store_doc_begin()  SAVEPOINT; for RECODE delete the document's old rows; insert it
 *   dyad_store_record()     one event, conflict or story record of that document
 *   dyad_store_doc_end()    RELEASE (keep) or ROLLBACK TO (drop) the document
 *
 * inside dyad_store_begin() / dyad_store_commit(), one write transaction per batch of documents
 * in WAL mode. A document's rows are committed together or not at all, so a process killed at
 * any point leaves a database that holds every document of the committed batches, whole, and
 * none of the others; loading the same input again skips what is stored and finishes the rest.
 *
 * Errors: functions return DYAD_OK or DYAD_EIO (the database could not be opened, is not a
 * database, or a statement failed) or DYAD_ENOMEM; dyad_store_errmsg() says what and where.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>
#include <sqlite3.h>
#include "dyad.h"

typedef struct dyad_store dyad_store;

/* READONLY opens the file with SQLITE_OPEN_READONLY (the server's request handlers: nothing they
 * run can write); READ opens it read-write without creating or changing it (query, export). */
enum { DYAD_STORE_READ = 0, DYAD_STORE_WRITE = 1, DYAD_STORE_READONLY = 2 };

/* Opens (WRITE: creating if needed, never creating folders) a store. On failure *out is still
 * set, unless out of memory, so dyad_store_errmsg() can say why; free it. READ and READONLY fail
 * on a file that does not exist. */
int dyad_store_open(dyad_store **out, const char *path, int mode);
const char *dyad_store_errmsg(const dyad_store *s);
void dyad_store_free(dyad_store *s);
/* The connection, for queries (borrowed: it belongs to the store). */
sqlite3 *dyad_store_db(dyad_store *s);

/* Lower-case hex SHA-256 of bytes: out has room for 65 chars. Used for content hashes and the
 * dictionaries' fingerprint. dyad_store_sha256_* hash in pieces. */
typedef struct dyad_store_sha256 { uint32_t h[8]; uint64_t len; unsigned char buf[64]; size_t n; } dyad_store_sha256;
void dyad_store_sha256_init(dyad_store_sha256 *c);
void dyad_store_sha256_add(dyad_store_sha256 *c, const void *p, size_t n);
void dyad_store_sha256_hex(dyad_store_sha256 *c, char out[65]);
void dyad_store_hash(const void *p, size_t n, char out[65]);

/* ---- loading ---- */

int dyad_store_begin(dyad_store *s);     /* BEGIN IMMEDIATE: one batch */
int dyad_store_commit(dyad_store *s);    /* COMMIT; a no-op outside a batch */
int dyad_store_rollback(dyad_store *s);

enum {
    DYAD_STORE_NEW = 0,       /* neither its id nor its content is stored: code and store it */
    DYAD_STORE_SAME = 1,      /* stored, same content, coded by the same dictionaries: skip */
    DYAD_STORE_RECODE = 2,    /* stored under this id, but coded by other dictionaries or with
                                 other content: replace its rows */
    DYAD_STORE_DUPLICATE = 3  /* its content is stored under another id: record the alias, skip */
};
/* hash: the document's content hash; dict_hash: the fingerprint of the dictionaries and coder
 * that would code it. Call inside a batch. */
int dyad_store_doc_state(dyad_store *s, const char *id, const char *hash, const char *dict_hash,
                         int *state);
/* Records that id names the same content as the stored document with this hash. */
int dyad_store_alias(dyad_store *s, const char *id, const char *hash);
/* Starts a document: a savepoint, its old rows deleted when it is stored already, its row. */
int dyad_store_doc_begin(dyad_store *s, const dyad_doc *doc, const char *hash, const char *dict_hash);
/* merge (the default): a record that reports an event stored already becomes a mention of it
 * (the rules are at the top of store.c); 0: every record is an event of its own. */
void dyad_store_set_merge(dyad_store *s, int merge);
/* Stores one record of the current document (events, conflicts, stories; others ignored). */
int dyad_store_record(dyad_store *s, const dyad_record *r);
/* Ends the current document: keep != 0 releases its savepoint, 0 rolls it back. */
int dyad_store_doc_end(dyad_store *s, int keep);

/* ---- queries ---- */

/* The first and last day of a date at its precision: "2014-02" gives 2014-02-01, 2014-02-28.
 * Returns -1 when d is not YYYY, YYYY-MM or YYYY-MM-DD. */
int dyad_store_date_bounds(const char *d, char start[11], char end[11]);

/* Event filters; NULL or 0 means no filter. Values are bound as parameters, never spliced. */
typedef struct dyad_store_filter {
    const char *actor;     /* source or target: actor code, country, organisation or name */
    const char *source, *target;   /* the same, for one side */
    const char *cameo;     /* a CAMEO code and every code below it: "03" "033" "0332" (digits) */
    const char *root;      /* a CAMEO root: "03" */
    const char *plover;    /* PLOVER event type: "AID" */
    const char *mode;      /* actual, intent, negated, hypothetical, reported */
    const char *from, *to; /* the event's date lies within [from, to]: YYYY[-MM[-DD]] */
    const char *place;     /* location name or province (case-insensitive) */
    const char *country;   /* the location's country (ISO alpha-3) */
    const char *text;      /* FTS5 query over the sentences */
    const char *doc;       /* a document id */
} dyad_store_filter;

/* Prepares "select_sql FROM <events joined to their document, actors and sentence> WHERE
 * <filters> tail_sql". select_sql and tail_sql are the program's own text; the joined tables are
 * named e (events), d (documents), sa/ta/aa (source, target, attribution actors), se
 * (sentences). The caller finalizes *out. */
int dyad_store_select(dyad_store *s, const char *select_sql, const dyad_store_filter *f,
                      const char *tail_sql, sqlite3_stmt **out);

/* ---- grouping: `dyad query --by` and /api/aggregate?by= share these keys ---- */

#define DYAD_STORE_GROUP_KEYS "dyad, source, target, cameo, root, quad, plover, mode, country, " \
                              "source_country, target_country, place, day, week, month, year"

typedef struct dyad_store_group {
    char select[1024];   /* "SELECT <keys>, count(*), round(sum(e.goldstein), 2)" */
    char group[512];     /* the keys' expressions, comma-separated: for GROUP BY and ORDER BY */
    char cols[256];      /* the output columns' names, comma-separated: the keys' own (dyad gives
                            source,target; place gives place,place_country,lat,lon), events,
                            goldstein */
    char err[160];
} dyad_store_group;

/* Reads by, a comma-separated list of at most max_keys keys (DYAD_STORE_GROUP_KEYS), into g.
 * Returns 0, or -1 with g->err saying what is wrong (an unknown key, one named twice, too many,
 * none). The statement is built from the program's own fragments only. */
int dyad_store_group_parse(const char *by, int max_keys, dyad_store_group *g);

#endif
