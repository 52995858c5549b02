/* store.c: the SQLite event store; the schema is documented in docs/store.md (keep them in step).
 *
 * Why the schema looks the way it does:
 *   - events hold what happened (codes, actors, place, amount, the first report's JSON);
 *     mentions hold where it was reported (document, sentence, span). Reports of one event are
 *     one row with several mentions (unless merging is off): those the coder put in one cluster
 *     within a document, and, across documents, a report with the same parties (country and
 *     sector, else organisation, else sector), the same kind of act (root; 03 and 07 as one),
 *     the same negation and a date of a month or finer overlapping the event's. A document's
 *     re-coding deletes its mentions and then the events left with none; an event it first
 *     reported that others reported too stays, with its first report's text.
 *   - actors are one row per distinct (code, country, org, sector, name, role); events point at
 *     them, so "every event of RUS" is an index lookup on a small table, then on events. Empty
 *     strings, not NULL, stand for "unknown" there so the UNIQUE key holds.
 *   - sentences carrying an event (and story headlines) are stored once each and indexed by
 *     FTS5 (external content: the text is kept once, in sentences).
 *   - date_start/date_end give an event's date at its precision as a range ("2014-07" is
 *     2014-07-01..2014-07-31), so a date filter is two comparisons on an index.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <math.h>
#include <cjson/cJSON.h>
#include "emit.h"
#include "records.h"
#include "resolve.h"
#include "store.h"
#include "util.h"

#define SCHEMA_VERSION 2

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS documents(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  url TEXT, title TEXT, publisher TEXT, date TEXT,\n"
    "  hash TEXT NOT NULL,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  file TEXT, line INTEGER,\n"
    "  dict_hash TEXT NOT NULL,\n"
    "  loaded TEXT NOT NULL,\n"
    "  meta TEXT);\n"
    "CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);\n"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);\n"
    "CREATE TABLE IF NOT EXISTS document_aliases(\n"
    "  id TEXT PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key));\n"
    "CREATE TABLE IF NOT EXISTS stories(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key),\n"
    "  story INTEGER NOT NULL,\n"
    "  date TEXT, headline TEXT, span_start INTEGER, span_end INTEGER,\n"
    "  UNIQUE(doc, story));\n"
    "CREATE TABLE IF NOT EXISTS sentences(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key),\n"
    "  story INTEGER, sentence INTEGER NOT NULL,\n"
    "  span_start INTEGER, span_end INTEGER, headline INTEGER NOT NULL DEFAULT 0,\n"
    "  text TEXT NOT NULL,\n"
    "  UNIQUE(doc, sentence));\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content='sentences', content_rowid='key');\n"
    "CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN\n"
    "  INSERT INTO sentences_fts(rowid, text) VALUES (new.key, new.text); END;\n"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN\n"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.key, old.text); END;\n"
    "CREATE TABLE IF NOT EXISTS actors(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  code TEXT NOT NULL, country TEXT NOT NULL, org TEXT NOT NULL, sector TEXT NOT NULL,\n"
    "  name TEXT NOT NULL, role TEXT NOT NULL,\n"
    "  UNIQUE(code, country, org, sector, name, role));\n"
    "CREATE INDEX IF NOT EXISTS actors_country ON actors(country);\n"
    "CREATE INDEX IF NOT EXISTS actors_org ON actors(org);\n"
    "CREATE INDEX IF NOT EXISTS actors_name ON actors(name COLLATE NOCASE);\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key),\n"
    "  story INTEGER, sentence INTEGER,\n"
    "  sentence_key INTEGER REFERENCES sentences(key),\n"
    "  span_start INTEGER, span_end INTEGER, headline INTEGER NOT NULL DEFAULT 0,\n"
    "  date TEXT, date_start TEXT, date_end TEXT, story_date TEXT,\n"
    "  source_actor INTEGER REFERENCES actors(key), source_text TEXT,\n"
    "  target_actor INTEGER REFERENCES actors(key), target_text TEXT,\n"
    "  attribution_actor INTEGER REFERENCES actors(key), attribution_text TEXT,\n"
    "  cameo TEXT, root TEXT, label TEXT, quad_class INTEGER, goldstein REAL,\n"
    "  plover_event TEXT, plover_mode TEXT, plover_context TEXT, mode TEXT,\n"
    "  location TEXT, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL, geonames INTEGER,\n"
    "  amount_value REAL, amount_currency TEXT, amount_usd REAL, amount_usd_source TEXT, amount_text TEXT,\n"
    "  evidence TEXT,\n"
    "  json TEXT NOT NULL,\n"
    "  merge_key TEXT);\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);\n"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root, date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_plover ON events(plover_event, date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_actor, target_actor, date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_actor, date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_place ON events(location COLLATE NOCASE);\n"
    "CREATE INDEX IF NOT EXISTS events_country ON events(location_country, date_start);\n"
    "CREATE INDEX IF NOT EXISTS events_sentence ON events(sentence_key);\n"
    "CREATE INDEX IF NOT EXISTS events_merge ON events(merge_key, date_start);\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  event INTEGER NOT NULL REFERENCES events(key),\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key),\n"
    "  story INTEGER, sentence INTEGER,\n"
    "  sentence_key INTEGER REFERENCES sentences(key),\n"
    "  span_start INTEGER, span_end INTEGER,\n"
    "  story_date TEXT, source_text TEXT, target_text TEXT,\n"
    "  id TEXT);\n"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event);\n"
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc);\n"
    "CREATE INDEX IF NOT EXISTS mentions_id ON mentions(id);\n"
    "CREATE TABLE IF NOT EXISTS conflicts(\n"
    "  key INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(key),\n"
    "  story INTEGER, kind TEXT,\n"
    "  source_actor INTEGER REFERENCES actors(key), target_actor INTEGER REFERENCES actors(key),\n"
    "  cameo TEXT,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS conflicts_doc ON conflicts(doc);\n"
    "CREATE TABLE IF NOT EXISTS claims(\n"
    "  conflict INTEGER NOT NULL REFERENCES conflicts(key),\n"
    "  n INTEGER NOT NULL,\n"
    "  value REAL, currency TEXT, usd REAL, text TEXT,\n"
    "  event TEXT, sentence TEXT, span_start INTEGER, span_end INTEGER,\n"
    "  PRIMARY KEY(conflict, n)) WITHOUT ROWID;\n";

/* The prepared statements of a writer, in one array so they are finalized in one loop. */
enum {
    Q_DOC_BY_ID, Q_DOC_BY_HASH, Q_ALIAS, Q_ALIAS_DEL, Q_DOC_INSERT, Q_DOC_UPDATE,
    Q_DEL_CLAIMS, Q_DEL_CONFLICTS, Q_DEL_MENTIONS, Q_DEL_EVENTS, Q_DEL_SENTENCES, Q_DEL_STORIES,
    Q_STORY, Q_SENTENCE_FIND, Q_SENTENCE, Q_ACTOR_FIND, Q_ACTOR, Q_EVENT, Q_MENTION, Q_CONFLICT, Q_CLAIM,
    Q_PUBLISHER, Q_EVENT_BY_ID, Q_SAME_EVENT, Q_EVENT_JSON, Q_COUNT
};

static const char *const q_sql[Q_COUNT] = {
    [Q_DOC_BY_ID] = "SELECT key, hash, dict_hash FROM documents WHERE id = ?1",
    [Q_DOC_BY_HASH] = "SELECT key FROM documents WHERE hash = ?1 LIMIT 1",
    [Q_ALIAS] = "INSERT OR REPLACE INTO document_aliases(id, doc) SELECT ?1, key FROM documents WHERE hash = ?2 LIMIT 1",
    [Q_ALIAS_DEL] = "DELETE FROM document_aliases WHERE id = ?1",
    [Q_DOC_INSERT] = "INSERT INTO documents(id, url, title, publisher, date, hash, bytes, file, line, dict_hash, loaded, meta) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?11)",
    [Q_DOC_UPDATE] = "UPDATE documents SET url = ?2, title = ?3, publisher = ?4, date = ?5, hash = ?6, bytes = ?7, "
                     "file = ?8, line = ?9, dict_hash = ?10, loaded = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), meta = ?11 "
                     "WHERE key = ?1",
    [Q_DEL_CLAIMS] = "DELETE FROM claims WHERE conflict IN (SELECT key FROM conflicts WHERE doc = ?1)",
    [Q_DEL_CONFLICTS] = "DELETE FROM conflicts WHERE doc = ?1",
    [Q_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc = ?1",
    [Q_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1 AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = events.key)",
    [Q_DEL_SENTENCES] = "DELETE FROM sentences WHERE doc = ?1",
    [Q_DEL_STORIES] = "DELETE FROM stories WHERE doc = ?1",
    [Q_STORY] = "INSERT OR REPLACE INTO stories(doc, story, date, headline, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_SENTENCE_FIND] = "SELECT key FROM sentences WHERE doc = ?1 AND sentence = ?2",
    [Q_SENTENCE] = "INSERT INTO sentences(doc, story, sentence, span_start, span_end, headline, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_ACTOR_FIND] = "SELECT key FROM actors WHERE code = ?1 AND country = ?2 AND org = ?3 AND sector = ?4 AND name = ?5 AND role = ?6",
    [Q_ACTOR] = "INSERT INTO actors(code, country, org, sector, name, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_EVENT] = "INSERT INTO events(id, doc, story, sentence, sentence_key, span_start, span_end, headline, date, date_start, "
                "date_end, story_date, source_actor, source_text, target_actor, target_text, attribution_actor, "
                "attribution_text, cameo, root, label, quad_class, goldstein, plover_event, plover_mode, plover_context, "
                "mode, location, location_country, location_admin1, lat, lon, geonames, amount_value, amount_currency, "
                "amount_usd, amount_usd_source, amount_text, evidence, json, merge_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
                "?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41)",
    [Q_EVENT_BY_ID] = "SELECT key FROM events WHERE id = ?1",
    [Q_EVENT_JSON] = "SELECT json, doc FROM events WHERE key = ?1",
    /* ?1 the merge key (merge_key()), ?2 ?3 the date's first and last day. An event's date spans at
     * most a month, so the index on (merge_key, date_start) bounds the scan to a month. */
    [Q_SAME_EVENT] = "SELECT key FROM events WHERE merge_key = ?1 AND date_start BETWEEN date(?3, '-31 days') AND ?3 "
                     "AND date_end >= ?2 AND julianday(date_end) - julianday(date_start) <= 31 ORDER BY key LIMIT 1",
    [Q_MENTION] = "INSERT INTO mentions(event, doc, story, sentence, sentence_key, span_start, span_end, story_date, "
                  "source_text, target_text, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [Q_CONFLICT] = "INSERT INTO conflicts(id, doc, story, kind, source_actor, target_actor, cameo, json) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [Q_CLAIM] = "INSERT INTO claims(conflict, n, value, currency, usd, text, event, sentence, span_start, span_end) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_PUBLISHER] = "SELECT coalesce(json_extract(?1, '$.publisher'), json_extract(?1, '$.source')) WHERE json_valid(?1)",
};

struct dyad_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *q[Q_COUNT];
    int in_batch, in_doc;
    int separate;                   /* 1: every report its own event (dyad load --no-merge) */
    sqlite3_int64 doc_key;          /* the current document */
    int last_sentence;              /* the last sentence stored for it, and its key */
    sqlite3_int64 last_sentence_key;
    char err[512];
};

static int fail(dyad_store *s, const char *what) {
    snprintf(s->err, sizeof s->err, "%s: %s%s%s", s->path ? s->path : "store", what ? what : "",
             what && s->db ? ": " : "", s->db ? sqlite3_errmsg(s->db) : "");
    return DYAD_EIO;
}

static int exec(dyad_store *s, const char *sql) {
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return DYAD_EIO;
    }
    return DYAD_OK;
}

int dyad_store_open(dyad_store **out, const char *path, int mode) {
    *out = NULL;
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) return DYAD_ENOMEM;
    *out = s;
    s->path = strdup(path);
    if (!s->path) return DYAD_ENOMEM;
    struct stat st;
    if (mode != DYAD_STORE_WRITE && stat(path, &st) != 0) {
        snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    int flags = mode == DYAD_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
              : mode == DYAD_STORE_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        /* sqlite says "unable to open database file"; say why when we can */
        const char *slash = strrchr(path, '/');
        if (slash && slash != path) {
            char *dir = strndup(path, (size_t)(slash - path));
            int missing = dir && stat(dir, &st) != 0;
            if (missing) snprintf(s->err, sizeof s->err, "%s: no folder %.*s", path, (int)(slash - path), path);
            free(dir);
            if (missing) return DYAD_EIO;
        }
        return fail(s, "cannot open");
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* reading user_version is the first touch of the file: a text file fails here */
    sqlite3_stmt *v = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &v, NULL) != SQLITE_OK || sqlite3_step(v) != SQLITE_ROW) {
        sqlite3_finalize(v);
        return fail(s, NULL);
    }
    version = sqlite3_column_int(v, 0);
    sqlite3_finalize(v);
    if (version > SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err, "%s: schema version %d is newer than this dyad's (%d)", path, version,
                 SCHEMA_VERSION);
        return DYAD_EIO;
    }
    if (mode != DYAD_STORE_WRITE) {
        if (version == 0) {
            snprintf(s->err, sizeof s->err, "%s: not a dyad store (load documents into it first)", path);
            return DYAD_EIO;
        }
        return DYAD_OK;
    }
    /* WAL: readers never block the writer, and a crash leaves the last committed state.
     * synchronous=NORMAL: a commit survives the process being killed (it is in the WAL, which
     * the OS holds); only a power cut can lose the last commits, never consistency. */
    int rc = exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;");
    if (rc) return rc;
    if (version < SCHEMA_VERSION) {
        /* version 1 stores lack events.merge_key (their events are found by no later report) and
         * mentions.id (their mentions are their events' own) */
        if ((rc = exec(s, "BEGIN IMMEDIATE"))) return rc;
        if ((version == 1 && ((rc = exec(s, "ALTER TABLE events ADD COLUMN merge_key TEXT")) ||
                              (rc = exec(s, "ALTER TABLE mentions ADD COLUMN id TEXT")) ||
                              (rc = exec(s, "UPDATE mentions SET id = (SELECT e.id FROM events e WHERE e.key = mentions.event)")))) ||
            (rc = exec(s, schema_sql)) ||
            (rc = exec(s, "PRAGMA user_version = 2")) || (rc = exec(s, "COMMIT"))) {
            exec(s, "ROLLBACK");
            return rc;
        }
    }
    for (int i = 0; i < Q_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, q_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) != SQLITE_OK)
            return fail(s, "preparing statements");
    return DYAD_OK;
}

const char *dyad_store_errmsg(const dyad_store *s) { return s ? s->err : "out of memory"; }

sqlite3 *dyad_store_db(dyad_store *s) { return s->db; }

void dyad_store_free(dyad_store *s) {
    if (!s) return;
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
    if (s->db) {
        if (s->in_batch) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(s->db);
    }
    free(s->path);
    free(s);
}

/* ---- SHA-256 (FIPS 180-4), for content hashes ---- */

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(uint32_t h[8], const unsigned char *p) {
    uint32_t w[64], a, b, c, d, e, f, g, hh;
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void dyad_store_sha256_init(dyad_store_sha256 *c) {
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, h0, sizeof h0);
    c->len = 0;
    c->n = 0;
}

void dyad_store_sha256_add(dyad_store_sha256 *c, const void *data, size_t n) {
    const unsigned char *p = data;
    c->len += n;
    if (c->n) {
        size_t k = 64 - c->n < n ? 64 - c->n : n;
        memcpy(c->buf + c->n, p, k);
        c->n += k; p += k; n -= k;
        if (c->n < 64) return;
        sha_block(c->h, c->buf);
        c->n = 0;
    }
    for (; n >= 64; p += 64, n -= 64) sha_block(c->h, p);
    memcpy(c->buf, p, n);
    c->n = n;
}

void dyad_store_sha256_hex(dyad_store_sha256 *c, char out[65]) {
    uint64_t bits = c->len * 8;
    unsigned char pad = 0x80, zero = 0, len[8];
    dyad_store_sha256_add(c, &pad, 1);
    while (c->n != 56) dyad_store_sha256_add(c, &zero, 1);
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    dyad_store_sha256_add(c, len, 8);
    for (int i = 0; i < 8; i++) snprintf(out + 8 * i, 9, "%08x", c->h[i]);
}

void dyad_store_hash(const void *p, size_t n, char out[65]) {
    dyad_store_sha256 c;
    dyad_store_sha256_init(&c);
    dyad_store_sha256_add(&c, p, n);
    dyad_store_sha256_hex(&c, out);
}

/* ---- loading ---- */

int dyad_store_begin(dyad_store *s) {
    if (s->in_batch) return DYAD_OK;
    int rc = exec(s, "BEGIN IMMEDIATE");
    if (!rc) s->in_batch = 1;
    return rc;
}

int dyad_store_commit(dyad_store *s) {
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    return exec(s, "COMMIT");
}

int dyad_store_rollback(dyad_store *s) {
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    return exec(s, "ROLLBACK");
}

static void bind_text(sqlite3_stmt *q, int i, const char *v) {
    if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

/* Runs a statement to its end; returns SQLITE_DONE or SQLITE_ROW for success. */
static int step(dyad_store *s, sqlite3_stmt *q, const char *what) {
    int rc = sqlite3_step(q);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fail(s, what);
        sqlite3_reset(q);
        return -1;
    }
    return rc;
}

static int done(sqlite3_stmt *q) {
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return DYAD_OK;
}

int dyad_store_doc_state(dyad_store *s, const char *id, const char *hash, const char *dict_hash, int *state) {
    sqlite3_stmt *q = s->q[Q_DOC_BY_ID];
    bind_text(q, 1, id);
    int rc = step(s, q, "looking up a document");
    if (rc < 0) return DYAD_EIO;
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(q, 1), *dh = (const char *)sqlite3_column_text(q, 2);
        *state = h && dh && !strcmp(h, hash) && !strcmp(dh, dict_hash) ? DYAD_STORE_SAME : DYAD_STORE_RECODE;
        return done(q);
    }
    done(q);
    q = s->q[Q_DOC_BY_HASH];
    bind_text(q, 1, hash);
    if ((rc = step(s, q, "looking up a document")) < 0) return DYAD_EIO;
    *state = rc == SQLITE_ROW ? DYAD_STORE_DUPLICATE : DYAD_STORE_NEW;
    return done(q);
}

int dyad_store_alias(dyad_store *s, const char *id, const char *hash) {
    sqlite3_stmt *q = s->q[Q_ALIAS];
    bind_text(q, 1, id);
    bind_text(q, 2, hash);
    if (step(s, q, "storing an alias") < 0) return DYAD_EIO;
    return done(q);
}

/* The publisher: the document's own "publisher" or "source" field, else its URL's host. */
static void publisher_of(const dyad_doc *doc, char *out, size_t cap) {
    out[0] = 0;
    if (doc->url) {
        const char *h = strstr(doc->url, "://");
        h = h ? h + 3 : doc->url;
        if (!strncmp(h, "www.", 4)) h += 4;
        size_t n = strcspn(h, "/:?#");
        if (n && n < cap) { memcpy(out, h, n); out[n] = 0; }
    }
}

static void bind_doc(dyad_store *s, sqlite3_stmt *q, const dyad_doc *doc, const char *hash, const char *dict_hash,
                     const char *publisher) {
    (void)s;
    bind_text(q, 2, doc->url);
    bind_text(q, 3, doc->title);
    bind_text(q, 4, publisher);
    bind_text(q, 5, doc->date);
    bind_text(q, 6, hash);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)doc->len);
    bind_text(q, 8, doc->file);
    if (doc->line > 0) sqlite3_bind_int64(q, 9, doc->line);
    bind_text(q, 10, dict_hash);
    bind_text(q, 11, doc->meta);
}

int dyad_store_doc_begin(dyad_store *s, const dyad_doc *doc, const char *hash, const char *dict_hash) {
    if (exec(s, "SAVEPOINT doc")) return DYAD_EIO;
    s->in_doc = 1;
    s->last_sentence = -1;
    char publisher[256];
    publisher_of(doc, publisher, sizeof publisher);
    /* a publisher named in the JSON object wins over the URL's host */
    if (doc->meta) {
        sqlite3_stmt *p = s->q[Q_PUBLISHER];
        bind_text(p, 1, doc->meta);
        if (sqlite3_step(p) == SQLITE_ROW && sqlite3_column_type(p, 0) == SQLITE_TEXT)
            snprintf(publisher, sizeof publisher, "%s", (const char *)sqlite3_column_text(p, 0));
        done(p);
    }
    sqlite3_stmt *q = s->q[Q_DOC_BY_ID];
    bind_text(q, 1, doc->id);
    int rc = step(s, q, "looking up a document");
    if (rc < 0) return DYAD_EIO;
    sqlite3_int64 key = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    done(q);
    if (key) {
        /* re-coding: the document's rows go, in this same savepoint, before the new ones come */
        static const int dels[] = {Q_DEL_CLAIMS, Q_DEL_CONFLICTS, Q_DEL_MENTIONS, Q_DEL_EVENTS, Q_DEL_SENTENCES,
                                   Q_DEL_STORIES};
        for (size_t i = 0; i < sizeof dels / sizeof *dels; i++) {
            sqlite3_stmt *d = s->q[dels[i]];
            sqlite3_bind_int64(d, 1, key);
            if (step(s, d, "deleting a document's old events") < 0) return DYAD_EIO;
            done(d);
        }
        q = s->q[Q_DOC_UPDATE];
        sqlite3_bind_int64(q, 1, key);
    } else {
        q = s->q[Q_ALIAS_DEL];
        bind_text(q, 1, doc->id);
        if (step(s, q, "storing a document") < 0) return DYAD_EIO;
        done(q);
        q = s->q[Q_DOC_INSERT];
        bind_text(q, 1, doc->id);
    }
    bind_doc(s, q, doc, hash, dict_hash, publisher[0] ? publisher : NULL);
    if (step(s, q, "storing a document") < 0) return DYAD_EIO;
    done(q);
    s->doc_key = key ? key : sqlite3_last_insert_rowid(s->db);
    return DYAD_OK;
}

int dyad_store_doc_end(dyad_store *s, int keep) {
    if (!s->in_doc) return DYAD_OK;
    s->in_doc = 0;
    if (keep) return exec(s, "RELEASE doc");
    int rc = exec(s, "ROLLBACK TO doc");
    return rc ? rc : exec(s, "RELEASE doc");
}

static const char *nz(const char *v) { return v ? v : ""; }

/* The key of an actor, adding it when new; 0 for no actor. */
static int actor_key(dyad_store *s, const dyad_actor *a, sqlite3_int64 *key) {
    *key = 0;
    if (!a->code && !a->country && !a->org && !a->name && !a->sector) return DYAD_OK;
    const char *v[6] = {nz(a->code), nz(a->country), nz(a->org), nz(a->sector), nz(a->name), nz(a->role)};
    sqlite3_stmt *q = s->q[Q_ACTOR_FIND];
    for (int i = 0; i < 6; i++) bind_text(q, i + 1, v[i]);
    int rc = step(s, q, "looking up an actor");
    if (rc < 0) return DYAD_EIO;
    if (rc == SQLITE_ROW) { *key = sqlite3_column_int64(q, 0); return done(q); }
    done(q);
    q = s->q[Q_ACTOR];
    for (int i = 0; i < 6; i++) bind_text(q, i + 1, v[i]);
    if (step(s, q, "storing an actor") < 0) return DYAD_EIO;
    done(q);
    *key = sqlite3_last_insert_rowid(s->db);
    return DYAD_OK;
}

static void bind_key(sqlite3_stmt *q, int i, sqlite3_int64 k) {
    if (k) sqlite3_bind_int64(q, i, k);
    else sqlite3_bind_null(q, i);
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dyad_store_date_bounds(const char *d, char start[11], char end[11]) {
    int y = 0, m = 0, dd = 0, n = 0;
    size_t len = d ? strlen(d) : 0;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (len == 4 && sscanf(d, "%4d%n", &y, &n) == 1 && n == 4) {
        snprintf(start, 11, "%04d-01-01", y);
        snprintf(end, 11, "%04d-12-31", y);
    } else if (len == 7 && sscanf(d, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && m >= 1 && m <= 12) {
        snprintf(start, 11, "%04d-%02d-01", y, m);
        snprintf(end, 11, "%04d-%02d-%02d", y, m, mdays[m - 1] + (m == 2 && leap(y)));
    } else if (len == 10 && sscanf(d, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 && n == 10 && m >= 1 && m <= 12 &&
               dd >= 1 && dd <= 31) {
        snprintf(start, 11, "%04d-%02d-%02d", y, m, dd);
        memcpy(end, start, 11);
    } else return -1;
    return 0;
}

static int sentence_key(dyad_store *s, const dyad_record *r, sqlite3_int64 *key) {
    *key = 0;
    if (!r->text) return DYAD_OK;
    if (r->sentence == s->last_sentence) { *key = s->last_sentence_key; return DYAD_OK; }
    sqlite3_stmt *q = s->q[Q_SENTENCE_FIND];
    sqlite3_bind_int64(q, 1, s->doc_key);
    sqlite3_bind_int(q, 2, r->sentence);
    int rc = step(s, q, "looking up a sentence");
    if (rc < 0) return DYAD_EIO;
    if (rc == SQLITE_ROW) *key = sqlite3_column_int64(q, 0);
    done(q);
    if (!*key) {
        q = s->q[Q_SENTENCE];
        sqlite3_bind_int64(q, 1, s->doc_key);
        sqlite3_bind_int(q, 2, r->story);
        sqlite3_bind_int(q, 3, r->sentence);
        sqlite3_bind_int64(q, 4, (sqlite3_int64)r->span[0]);
        sqlite3_bind_int64(q, 5, (sqlite3_int64)r->span[1]);
        sqlite3_bind_int(q, 6, r->headline);
        bind_text(q, 7, r->text);
        if (step(s, q, "storing a sentence") < 0) return DYAD_EIO;
        done(q);
        *key = sqlite3_last_insert_rowid(s->db);
    }
    s->last_sentence = r->sentence;
    s->last_sentence_key = *key;
    return DYAD_OK;
}

/* Parameters 2-7 of the event and mention inserts: where in the document the event was read
 * (document, story, sentence, sentence key, byte span). */
static void bind_position(sqlite3_stmt *q, const dyad_store *s, const dyad_record *r, sqlite3_int64 sk) {
    sqlite3_bind_int64(q, 2, s->doc_key);
    sqlite3_bind_int(q, 3, r->story);
    sqlite3_bind_int(q, 4, r->sentence);
    bind_key(q, 5, sk);
    sqlite3_bind_int64(q, 6, (sqlite3_int64)r->span[0]);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)r->span[1]);
}

/* The record's merge key (records.h dyad_event_key, the signature the coder clusters by). */
static void merge_key(const dyad_record *r, char *out, size_t cap) {
    const dyad_actor *a = &r->source, *b = &r->target;
    dyad_event_key((dyad_party){a->country, a->org, a->sector}, (dyad_party){b->country, b->org, b->sector}, r->cameo,
                   (r->mode && !strcmp(r->mode, "negated")) | (r->tally ? 2 : 0), out, cap);
}

/* The stored event this record reports again (see the top of this file), or 0. */
static int reported_event(dyad_store *s, const dyad_record *r, const char *key, int dated, const char *ds,
                          const char *de, sqlite3_int64 *ev) {
    *ev = 0;
    sqlite3_stmt *q;
    if (r->cluster && r->id && strcmp(r->cluster, r->id)) {
        q = s->q[Q_EVENT_BY_ID];
        bind_text(q, 1, r->cluster);
        int rc = step(s, q, "finding an event");
        if (rc < 0) return DYAD_EIO;
        if (rc == SQLITE_ROW) *ev = sqlite3_column_int64(q, 0);
        done(q);
        if (*ev) return DYAD_OK;
    }
    if (!dated || !key[0] || strlen(r->date) < 7) return DYAD_OK;
    q = s->q[Q_SAME_EVENT];
    bind_text(q, 1, key);
    bind_text(q, 2, ds);
    bind_text(q, 3, de);
    int rc = step(s, q, "finding an event");
    if (rc < 0) return DYAD_EIO;
    if (rc == SQLITE_ROW) *ev = sqlite3_column_int64(q, 0);
    return done(q);
}

static int store_mention(dyad_store *s, const dyad_record *r, sqlite3_int64 ev, sqlite3_int64 sk) {
    sqlite3_stmt *q = s->q[Q_MENTION];
    sqlite3_bind_int64(q, 1, ev);
    bind_position(q, s, r, sk);
    bind_text(q, 8, r->story_date);
    bind_text(q, 9, r->source.text);
    bind_text(q, 10, r->target.text);
    bind_text(q, 11, r->id);
    if (step(s, q, "storing a mention") < 0) return DYAD_EIO;
    return done(q);
}

static int store_conflict(dyad_store *s, const dyad_record *r);

/* What two reports of one event disagree on: "amount" (resolve.h's rule, as the coder judges
 * sums within a document), a count
 * of people ("dead", "injured", "arrested"; not one of further people), or NULL. */
static const char *disagreement(const dyad_record *a, const dyad_record *b, int *count) {
    *count = 0;
    if (a->amount.present && b->amount.present)
        return dyad_amounts_disagree(a->amount.usd, a->amount.currency, a->amount.value, b->amount.usd,
                                     b->amount.currency, b->amount.value) ? "amount" : NULL;
    if (a->counts_added || b->counts_added) return NULL;
    const double x[3] = {a->dead, a->injured, a->arrested}, y[3] = {b->dead, b->injured, b->arrested};
    static const char *const kinds[3] = {"dead", "injured", "arrested"};
    for (int k = 0; k < 3; k++)
        if (x[k] >= 0 && y[k] >= 0 && fabs(x[k] - y[k]) >= 0.5) { *count = k + 1; return kinds[k]; }
    return NULL;
}

static void claim_of(const dyad_record *r, int count, dyad_claim *c, char *text, size_t cap) {
    memset(c, 0, sizeof *c);
    c->usd = -1;
    if (count) {
        const double v[3] = {r->dead, r->injured, r->arrested};
        static const char *const kinds[3] = {"dead", "injured", "arrested"};
        c->value = v[count - 1];
        snprintf(text, cap, "%g %s", c->value, kinds[count - 1]);
        c->text = text;
    } else {
        c->value = r->amount.value;
        c->usd = r->amount.usd;
        memcpy(c->currency, r->amount.currency, 4);
        c->text = r->amount.text;
    }
    c->event = r->id;
    c->sentence = r->text;
    c->span[0] = r->span[0];
    c->span[1] = r->span[1];
}

/* A report from another document that disagrees with the stored event it repeats: a conflict
 * record of this document ("ID-conflict"), with both claims. */
static int cross_conflict(dyad_store *s, const dyad_record *r, sqlite3_int64 ev) {
    sqlite3_stmt *q = s->q[Q_EVENT_JSON];
    sqlite3_bind_int64(q, 1, ev);
    int rc = step(s, q, "reading an event");
    if (rc < 0) return DYAD_EIO;
    if (rc != SQLITE_ROW || sqlite3_column_int64(q, 1) == s->doc_key) return done(q);
    cJSON *o = cJSON_Parse((const char *)sqlite3_column_text(q, 0));
    done(q);
    dyad_record old;
    const char *why = NULL;
    int count = 0;
    const char *kind = o && !dyad_record_parse(o, &old, NULL, 0, &why) ? disagreement(&old, r, &count) : NULL;
    rc = DYAD_OK;
    if (kind) {
        dyad_claim cl[2];
        char t0[48], t1[48], id[512];
        claim_of(&old, count, &cl[0], t0, sizeof t0);
        claim_of(r, count, &cl[1], t1, sizeof t1);
        dyad_record c;
        memset(&c, 0, sizeof c);
        c.type = DYAD_REC_CONFLICT;
        snprintf(id, sizeof id, "%s-conflict", r->id ? r->id : "");
        c.id = id;
        c.doc = r->doc;
        c.story = r->story;
        c.kind = kind;
        c.source = r->source;
        c.target = r->target;
        c.cameo = r->cameo;
        c.claims = cl;
        c.nclaims = 2;
        dyad_buf b = {0};
        dyad_emit_json(&c, &b);
        c.json = b.data;
        rc = b.data && !b.oom ? store_conflict(s, &c) : DYAD_ENOMEM;
        dyad_buf_free(&b);
    }
    cJSON_Delete(o);
    return rc;
}

static int store_event(dyad_store *s, const dyad_record *r) {
    sqlite3_int64 sk, src, tgt, att, ev = 0;
    if (sentence_key(s, r, &sk) || actor_key(s, &r->source, &src) || actor_key(s, &r->target, &tgt) ||
        actor_key(s, &r->attribution, &att))
        return DYAD_EIO;
    char ds[11], de[11], root[3] = {0};
    int dated = dyad_store_date_bounds(r->date, ds, de) == 0;
    if (r->cameo && strlen(r->cameo) >= 2) { root[0] = r->cameo[0]; root[1] = r->cameo[1]; }
    char key[192] = "";
    if (root[0]) merge_key(r, key, sizeof key);
    if (!s->separate && reported_event(s, r, key, dated, ds, de, &ev)) return DYAD_EIO;
    if (ev) return cross_conflict(s, r, ev) ? DYAD_EIO : store_mention(s, r, ev, sk);
    sqlite3_stmt *q = s->q[Q_EVENT];
    bind_text(q, 1, r->id);
    bind_position(q, s, r, sk);
    sqlite3_bind_int(q, 8, r->headline);
    bind_text(q, 9, r->date);
    bind_text(q, 10, dated ? ds : NULL);
    bind_text(q, 11, dated ? de : NULL);
    bind_text(q, 12, r->story_date);
    bind_key(q, 13, src);
    bind_text(q, 14, r->source.text);
    bind_key(q, 15, tgt);
    bind_text(q, 16, r->target.text);
    bind_key(q, 17, att);
    bind_text(q, 18, r->attribution.text);
    bind_text(q, 19, r->cameo);
    bind_text(q, 20, root[0] ? root : NULL);
    bind_text(q, 21, r->cameo_label);
    if (r->quad_class) sqlite3_bind_int(q, 22, r->quad_class);
    sqlite3_bind_double(q, 23, r->goldstein);
    bind_text(q, 24, r->plover_event);
    bind_text(q, 25, r->plover_mode);
    bind_text(q, 26, r->plover_context);
    bind_text(q, 27, r->mode);
    bind_text(q, 28, r->location);
    bind_text(q, 29, r->location ? r->location_country : NULL);
    bind_text(q, 30, r->location ? r->location_admin1 : NULL);
    if (r->location && r->lat <= 90 && r->lon <= 180) {
        sqlite3_bind_double(q, 31, r->lat);
        sqlite3_bind_double(q, 32, r->lon);
    }
    if (r->location && r->geonames) sqlite3_bind_int64(q, 33, r->geonames);
    if (r->amount.present) {
        sqlite3_bind_double(q, 34, r->amount.value);
        bind_text(q, 35, r->amount.currency);
        if (r->amount.usd >= 0) sqlite3_bind_double(q, 36, r->amount.usd);
        bind_text(q, 37, r->amount.usd_source);
        bind_text(q, 38, r->amount.text);
    }
    bind_text(q, 39, r->evidence);
    bind_text(q, 40, r->json);
    bind_text(q, 41, key[0] ? key : NULL);
    if (step(s, q, "storing an event") < 0) return DYAD_EIO;
    done(q);
    return store_mention(s, r, sqlite3_last_insert_rowid(s->db), sk);
}

void dyad_store_set_merge(dyad_store *s, int merge) { s->separate = !merge; }

static int store_conflict(dyad_store *s, const dyad_record *r) {
    sqlite3_int64 src, tgt;
    if (actor_key(s, &r->source, &src) || actor_key(s, &r->target, &tgt)) return DYAD_EIO;
    sqlite3_stmt *q = s->q[Q_CONFLICT];
    bind_text(q, 1, r->id);
    sqlite3_bind_int64(q, 2, s->doc_key);
    sqlite3_bind_int(q, 3, r->story);
    bind_text(q, 4, r->kind);
    bind_key(q, 5, src);
    bind_key(q, 6, tgt);
    bind_text(q, 7, r->cameo);
    bind_text(q, 8, r->json);
    if (step(s, q, "storing a conflict") < 0) return DYAD_EIO;
    done(q);
    sqlite3_int64 key = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < r->nclaims; i++) {
        const dyad_claim *c = &r->claims[i];
        q = s->q[Q_CLAIM];
        sqlite3_bind_int64(q, 1, key);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
        sqlite3_bind_double(q, 3, c->value);
        bind_text(q, 4, c->currency);
        if (c->usd >= 0) sqlite3_bind_double(q, 5, c->usd);
        bind_text(q, 6, c->text);
        bind_text(q, 7, c->event);
        bind_text(q, 8, c->sentence);
        sqlite3_bind_int64(q, 9, (sqlite3_int64)c->span[0]);
        sqlite3_bind_int64(q, 10, (sqlite3_int64)c->span[1]);
        if (step(s, q, "storing a claim") < 0) return DYAD_EIO;
        done(q);
    }
    return DYAD_OK;
}

static int store_story(dyad_store *s, const dyad_record *r) {
    sqlite3_stmt *q = s->q[Q_STORY];
    sqlite3_bind_int64(q, 1, s->doc_key);
    sqlite3_bind_int(q, 2, r->story);
    bind_text(q, 3, r->story_date);
    bind_text(q, 4, r->text);
    sqlite3_bind_int64(q, 5, (sqlite3_int64)r->span[0]);
    sqlite3_bind_int64(q, 6, (sqlite3_int64)r->span[1]);
    if (step(s, q, "storing a story") < 0) return DYAD_EIO;
    return done(q);
}

int dyad_store_record(dyad_store *s, const dyad_record *r) {
    if (!s->in_doc) { snprintf(s->err, sizeof s->err, "%s: a record outside a document", s->path); return DYAD_EARG; }
    switch (r->type) {
    case DYAD_REC_EVENT: return store_event(s, r);
    case DYAD_REC_CONFLICT: return store_conflict(s, r);
    case DYAD_REC_STORY: return store_story(s, r);
    default: return DYAD_OK;
    }
}

/* ---- queries ---- */

static const char from_sql[] =
    " FROM events e JOIN documents d ON d.key = e.doc"
    " LEFT JOIN actors sa ON sa.key = e.source_actor"
    " LEFT JOIN actors ta ON ta.key = e.target_actor"
    " LEFT JOIN actors aa ON aa.key = e.attribution_actor"
    " LEFT JOIN sentences se ON se.key = e.sentence_key";

#define ACTOR_MATCH(n) "(SELECT key FROM actors WHERE code = ?" n " OR country = ?" n " OR org = ?" n \
                       " OR name = ?" n " COLLATE NOCASE)"

int dyad_store_select(dyad_store *s, const char *select_sql, const dyad_store_filter *f, const char *tail_sql,
                      sqlite3_stmt **out) {
    *out = NULL;
    /* each filter is a fixed fragment with its own parameter number; only the values vary */
    static const char *const frag[] = {
        " AND (e.source_actor IN " ACTOR_MATCH("1") " OR e.target_actor IN " ACTOR_MATCH("1") ")",
        " AND e.source_actor IN " ACTOR_MATCH("2"),
        " AND e.target_actor IN " ACTOR_MATCH("3"),
        " AND e.cameo GLOB ?4",
        " AND e.root = ?5",
        " AND e.plover_event = ?6",
        " AND e.mode = ?7",
        " AND e.date_start >= ?8",
        " AND e.date_end <= ?9",
        " AND (e.location = ?10 COLLATE NOCASE OR e.location_admin1 = ?10 COLLATE NOCASE)",
        " AND e.location_country = ?11",
        " AND e.sentence_key IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?12)",
        " AND d.id = ?13",
    };
    char from[11] = "", to[11] = "", tmp[11], glob[32] = "";
    if (f->from && dyad_store_date_bounds(f->from, from, tmp)) { snprintf(s->err, sizeof s->err, "bad date '%s'", f->from); return DYAD_EARG; }
    if (f->to && dyad_store_date_bounds(f->to, tmp, to)) { snprintf(s->err, sizeof s->err, "bad date '%s'", f->to); return DYAD_EARG; }
    if (f->cameo) snprintf(glob, sizeof glob, "%s*", f->cameo);
    const char *vals[13] = {f->actor, f->source, f->target, f->cameo ? glob : NULL, f->root, f->plover, f->mode,
                            f->from ? from : NULL, f->to ? to : NULL, f->place, f->country, f->text, f->doc};
    size_t cap = strlen(select_sql) + sizeof from_sql + strlen(tail_sql ? tail_sql : "") + 64;
    for (int i = 0; i < 13; i++) if (vals[i]) cap += strlen(frag[i]);
    char *sql = malloc(cap);
    if (!sql) return DYAD_ENOMEM;
    size_t n = (size_t)snprintf(sql, cap, "%s%s WHERE 1", select_sql, from_sql);
    for (int i = 0; i < 13; i++) if (vals[i]) n += (size_t)snprintf(sql + n, cap - n, "%s", frag[i]);
    snprintf(sql + n, cap - n, "%s", tail_sql ? tail_sql : "");
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    free(sql);
    if (rc != SQLITE_OK) return fail(s, "preparing a query");
    for (int i = 0; i < 13; i++)
        if (vals[i]) sqlite3_bind_text(q, i + 1, vals[i], -1, SQLITE_TRANSIENT);
    *out = q;
    return DYAD_OK;
}

/* ---- grouping ---- */

static const struct { const char *name, *sql, *cols; } group_keys[] = {
    {"dyad", "coalesce(nullif(sa.code, ''), '-'), coalesce(nullif(ta.code, ''), '-')", "source,target"},
    {"source", "coalesce(nullif(sa.code, ''), '-')", "source"},
    {"target", "coalesce(nullif(ta.code, ''), '-')", "target"},
    {"cameo", "e.cameo", "cameo"},
    {"root", "e.root", "root"},
    {"quad", "e.quad_class", "quad"},
    {"plover", "e.plover_event", "plover"},
    {"mode", "e.mode", "mode"},
    {"country", "e.location_country", "country"},
    {"source_country", "nullif(sa.country, '')", "source_country"},
    {"target_country", "nullif(ta.country, '')", "target_country"},
    {"place", "e.location, e.location_country, e.lat, e.lon", "place,place_country,lat,lon"},
    {"day", "e.date", "day"},
    {"week", "CASE WHEN length(e.date) = 10 THEN date(e.date, '-6 days', 'weekday 1') ELSE e.date END", "week"},
    {"month", "substr(e.date, 1, 7)", "month"},
    {"year", "substr(e.date, 1, 4)", "year"},
};
#define NGROUP (sizeof group_keys / sizeof *group_keys)

int dyad_store_group_parse(const char *by, int max_keys, dyad_store_group *g) {
    memset(g, 0, sizeof *g);
    int keys[NGROUP], n = 0;
    const char *p = by ? by : "";
    while (*p) {
        size_t len = strcspn(p, ",");
        int k = -1;
        for (size_t j = 0; j < NGROUP; j++)
            if (strlen(group_keys[j].name) == len && !strncmp(p, group_keys[j].name, len)) k = (int)j;
        if (k < 0) {
            snprintf(g->err, sizeof g->err, "'%.*s' is not a key (" DYAD_STORE_GROUP_KEYS ")", (int)(len > 40 ? 40 : len), p);
            return -1;
        }
        for (int i = 0; i < n; i++)
            if (keys[i] == k) { snprintf(g->err, sizeof g->err, "'%s' named twice", group_keys[k].name); return -1; }
        if (n == max_keys) {
            static const char *const words[] = {"no", "one", "two", "three", "four", "five", "six"};
            snprintf(g->err, sizeof g->err, "at most %s keys", max_keys <= 6 ? words[max_keys] : "so many");
            return -1;
        }
        keys[n++] = k;
        p += len;
        if (*p) p++;
    }
    if (!n) { snprintf(g->err, sizeof g->err, "no key: one or more of " DYAD_STORE_GROUP_KEYS); return -1; }
    size_t ns = (size_t)snprintf(g->select, sizeof g->select, "SELECT "), ng = 0, nc = 0;
    for (int i = 0; i < n; i++) {
        ns += (size_t)snprintf(g->select + ns, sizeof g->select - ns, "%s, ", group_keys[keys[i]].sql);
        ng += (size_t)snprintf(g->group + ng, sizeof g->group - ng, "%s%s", i ? ", " : "", group_keys[keys[i]].sql);
        nc += (size_t)snprintf(g->cols + nc, sizeof g->cols - nc, "%s,", group_keys[keys[i]].cols);
    }
    size_t tail = (size_t)snprintf(g->select + ns, sizeof g->select - ns, "count(*), round(sum(e.goldstein), 2)");
    nc += (size_t)snprintf(g->cols + nc, sizeof g->cols - nc, "events,goldstein");
    if (ns + tail >= sizeof g->select || ng >= sizeof g->group || nc >= sizeof g->cols) {
        snprintf(g->err, sizeof g->err, "too many keys");
        return -1;
    }
    return 0;
}
