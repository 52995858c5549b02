/* http.c: the HTTP server of `dyad serve`: the store's JSON API and the dashboard's files, on
 * libmicrohttpd (http.h says what it serves and how it is bounded). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dyad.h"
#include "store.h"
#include "http.h"

#define MAX_VALUE 256          /* bytes of one parameter value */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- response bodies: a growing buffer that remembers running out of memory ---- */

typedef struct buf { char *p; size_t n, cap; int oom; } buf;

static void buf_add(buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) { b->oom = 1; return; }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_str(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_fmt(buf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A JSON string of n bytes (control characters escaped; the store's text is UTF-8). */
static void buf_json(buf *b, const char *s, size_t n) {
    buf_add(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        buf_add(b, s + run, i - run);
        run = i + 1;
        if (c == '"') buf_add(b, "\\\"", 2);
        else if (c == '\\') buf_add(b, "\\\\", 2);
        else if (c == '\n') buf_add(b, "\\n", 2);
        else if (c == '\t') buf_add(b, "\\t", 2);
        else buf_fmt(b, "\\u%04x", c);
    }
    buf_add(b, s + run, n - run);
    buf_add(b, "\"", 1);
}

static void buf_jstr(buf *b, const char *s) {
    if (s) buf_json(b, s, strlen(s));
    else buf_str(b, "null");
}

/* One column as a JSON value of its type. */
static void buf_col(buf *b, sqlite3_stmt *q, int i) {
    switch (sqlite3_column_type(q, i)) {
    case SQLITE_NULL: buf_str(b, "null"); break;
    case SQLITE_INTEGER: buf_fmt(b, "%lld", (long long)sqlite3_column_int64(q, i)); break;
    case SQLITE_FLOAT: {
        double v = sqlite3_column_double(q, i);
        if (isfinite(v)) buf_fmt(b, "%.10g", v);
        else buf_str(b, "null");
        break;
    }
    default: buf_json(b, (const char *)sqlite3_column_text(q, i), (size_t)sqlite3_column_bytes(q, i));
    }
}

/* ---- the server ---- */

/* A database connection, lent to one request at a time; deadline interrupts a long query. */
typedef struct slot { dyad_store *store; double deadline; struct slot *next; } slot;

/* A client connection, for the watchdog: `waiting` while its next request's headers are due. */
typedef struct conn { int fd, waiting, cut; double since; struct conn *prev, *next; } conn;

struct dyad_http {
    dyad_http_options o;
    char err[600];
    char web[PATH_MAX];             /* the web folder, resolved */
    struct MHD_Daemon *d;
    unsigned port;
    int loopback;
    slot *slots, *free_slots;
    pthread_mutex_t mu;             /* guards free_slots and the connection list */
    pthread_cond_t cv;
    conn conns;                     /* sentinel of the connection list */
    pthread_t watchdog;
    int watchdog_on;
    atomic_int stopping;
};

static int too_long(void *ud) { return now() > ((slot *)ud)->deadline; }

static slot *borrow(dyad_http *h) {
    pthread_mutex_lock(&h->mu);
    while (!h->free_slots) pthread_cond_wait(&h->cv, &h->mu);
    slot *s = h->free_slots;
    h->free_slots = s->next;
    pthread_mutex_unlock(&h->mu);
    s->deadline = now() + h->o.timeout;
    return s;
}

static void give_back(dyad_http *h, slot *s) {
    pthread_mutex_lock(&h->mu);
    s->next = h->free_slots;
    h->free_slots = s;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->mu);
}

/* ---- requests and replies ---- */

typedef struct req {
    dyad_http *h;
    struct MHD_Connection *c;
    const char *method, *url;
    double t0;
} req;

static void log_req(const req *r, unsigned status, size_t bytes) {
    if (r->h->o.log)
        fprintf(stderr, "%s %s %u %zu %.1f ms\n", r->method, r->url, status, bytes, (now() - r->t0) * 1e3);
}

static void common_headers(struct MHD_Response *resp) {
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
}

/* Sends b (taking it) with a status; out of memory becomes a 500. */
static enum MHD_Result reply(const req *r, unsigned status, buf *b, const char *mime) {
    if (b->oom || !b->p) {
        free(b->p);
        b->p = NULL;
        b->n = 0;
        b->oom = 0;
        buf_str(b, "{\"error\":\"out of memory\"}\n");
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        if (b->oom) return MHD_NO;
    }
    size_t n = b->n;
    struct MHD_Response *resp = MHD_create_response_from_buffer(n, b->p, MHD_RESPMEM_MUST_FREE);
    if (!resp) { free(b->p); return MHD_NO; }
    b->p = NULL;
    MHD_add_response_header(resp, "Content-Type", mime);
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    common_headers(resp);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(resp, "Allow", "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(r->c, status, resp);
    MHD_destroy_response(resp);
    log_req(r, status, n);
    return ok;
}

static enum MHD_Result fail(const req *r, unsigned status, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    buf b = {0};
    buf_str(&b, "{\"error\":");
    buf_jstr(&b, msg);
    buf_str(&b, "}\n");
    return reply(r, status, &b, "application/json");
}

/* ---- parameters ---- */

enum {
    P_ACTOR, P_SOURCE, P_TARGET, P_CAMEO, P_ROOT, P_PLOVER, P_MODE, P_FROM, P_TO, P_DATE, P_PLACE, P_COUNTRY,
    P_TEXT, P_DOC, P_LIMIT, P_OFFSET, P_ORDER, P_BY, P_ID, NPARAM
};
static const char *const pnames[NPARAM] = {
    "actor", "source", "target", "cameo", "root", "plover", "mode", "from", "to", "date", "place", "country",
    "text", "doc", "limit", "offset", "order", "by", "id"};
#define BIT(p) (1u << (p))
#define FILTERS (BIT(P_DOC + 1) - 1)

typedef struct params {
    unsigned allowed;
    char v[NPARAM][MAX_VALUE + 1];
    int set[NPARAM];
    char err[400];
} params;

static void allowed_list(unsigned allowed, char *out, size_t cap) {
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < NPARAM; i++)
        if (allowed & BIT(i)) n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? ", " : "", pnames[i]);
}

static enum MHD_Result take_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    params *p = cls;
    int k = -1;
    for (int i = 0; i < NPARAM; i++)
        if (!strcmp(key, pnames[i])) k = i;
    if (k < 0 || !(p->allowed & BIT(k))) {
        char list[200];
        allowed_list(p->allowed, list, sizeof list);
        snprintf(p->err, sizeof p->err, "unknown parameter '%.60s' (this endpoint takes: %.200s)", key, list);
        return MHD_NO;
    }
    if (p->set[k]) { snprintf(p->err, sizeof p->err, "parameter '%s' is given twice", key); return MHD_NO; }
    if (!value || !*value) return MHD_YES;   /* an empty form field is no filter */
    size_t n = strlen(value);
    if (n > MAX_VALUE) { snprintf(p->err, sizeof p->err, "parameter '%s' is longer than %d bytes", key, MAX_VALUE); return MHD_NO; }
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f) {
            snprintf(p->err, sizeof p->err, "parameter '%s' holds a control character", key);
            return MHD_NO;
        }
    memcpy(p->v[k], value, n + 1);
    p->set[k] = 1;
    return MHD_YES;
}

static const char *pv(const params *p, int k) { return p->set[k] ? p->v[k] : NULL; }

static int bad(params *p, const char *fmt, const char *a) {
    snprintf(p->err, sizeof p->err, fmt, a);
    return -1;
}

static int all_of(const char *v, const char *set) { return *v && strspn(v, set) == strlen(v); }

/* The filters of the query string, checked as `dyad query` checks its options. */
static int make_filter(params *p, dyad_store_filter *f) {
    memset(f, 0, sizeof *f);
    char s[11], e[11];
    f->actor = pv(p, P_ACTOR);
    f->source = pv(p, P_SOURCE);
    f->target = pv(p, P_TARGET);
    if ((f->cameo = pv(p, P_CAMEO)) && (!all_of(f->cameo, "0123456789") || strlen(f->cameo) < 2 || strlen(f->cameo) > 4))
        return bad(p, "cameo '%.40s' is not a CAMEO code (2 to 4 digits)", f->cameo);
    if ((f->root = pv(p, P_ROOT)) && (strlen(f->root) != 2 || !all_of(f->root, "0123456789") ||
                                      atoi(f->root) < 1 || atoi(f->root) > 20))
        return bad(p, "root '%.40s' is not a CAMEO root (01 to 20)", f->root);
    if ((f->plover = pv(p, P_PLOVER))) {
        for (char *c = p->v[P_PLOVER]; *c; c++) if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
        if (!all_of(f->plover, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") || strlen(f->plover) > 32)
            return bad(p, "plover '%.40s' is not a PLOVER event type (letters)", f->plover);
    }
    if ((f->mode = pv(p, P_MODE)) && strcmp(f->mode, "actual") && strcmp(f->mode, "intent") &&
        strcmp(f->mode, "negated") && strcmp(f->mode, "hypothetical") && strcmp(f->mode, "reported"))
        return bad(p, "mode '%.40s' is not one of actual, intent, negated, hypothetical, reported", f->mode);
    static const int dates[] = {P_FROM, P_TO, P_DATE};
    for (int i = 0; i < 3; i++)
        if (pv(p, dates[i]) && dyad_store_date_bounds(pv(p, dates[i]), s, e)) {
            snprintf(p->err, sizeof p->err, "%s '%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", pnames[dates[i]],
                     pv(p, dates[i]));
            return -1;
        }
    if (pv(p, P_DATE) && (pv(p, P_FROM) || pv(p, P_TO)))
        return bad(p, "%s", "date cannot go with from or to (date D is from D and to D)");
    f->from = pv(p, P_DATE) ? pv(p, P_DATE) : pv(p, P_FROM);
    f->to = pv(p, P_DATE) ? pv(p, P_DATE) : pv(p, P_TO);
    if (f->from && f->to) {
        dyad_store_date_bounds(f->from, s, e);
        char s2[11], e2[11];
        dyad_store_date_bounds(f->to, s2, e2);
        if (strcmp(s, e2) > 0) return bad(p, "from '%.40s' is after to", f->from);
    }
    f->place = pv(p, P_PLACE);
    if ((f->country = pv(p, P_COUNTRY))) {
        for (char *c = p->v[P_COUNTRY]; *c; c++) if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
        if (strlen(f->country) != 3 || !all_of(f->country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            return bad(p, "country '%.40s' is not an ISO 3166-1 alpha-3 code", f->country);
    }
    f->text = pv(p, P_TEXT);
    f->doc = pv(p, P_DOC);
    return 0;
}

/* A whole number in [lo, hi], or def when absent. */
static int num_param(params *p, int k, long lo, long hi, long def, long *out) {
    *out = def;
    if (!pv(p, k)) return 0;
    char *end;
    errno = 0;
    long v = strtol(pv(p, k), &end, 10);
    if (*end || errno || v < lo || v > hi || !all_of(pv(p, k), "0123456789")) {
        snprintf(p->err, sizeof p->err, "%s '%.40s' is not a whole number from %ld to %ld", pnames[k], pv(p, k), lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

/* Reads and checks the query string: 0, or -1 with p->err set. */
static int read_params(const req *r, params *p, unsigned allowed) {
    memset(p, 0, sizeof *p);
    p->allowed = allowed;
    MHD_get_connection_values(r->c, MHD_GET_ARGUMENT_KIND, take_param, p);
    return p->err[0] ? -1 : 0;
}

/* A query that failed as it ran: an FTS5 syntax error is the client's (400), a timeout 503. */
static enum MHD_Result query_failed(const req *r, slot *s, int rc, const dyad_store_filter *f) {
    const char *msg = sqlite3_errmsg(dyad_store_db(s->store));
    if (rc == SQLITE_INTERRUPT) return fail(r, MHD_HTTP_SERVICE_UNAVAILABLE, "the query took longer than %u s", r->h->o.timeout);
    if (f && f->text && (strstr(msg, "fts5") || strstr(msg, "syntax") || strstr(msg, "unterminated") || strstr(msg, "no such column")))
        return fail(r, MHD_HTTP_BAD_REQUEST, "text '%.80s' is not a full-text query: %s", f->text, msg);
    return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "query failed: %s", msg);
}

/* ---- GET /api/summary ---- */

static enum MHD_Result api_summary(const req *r, slot *s, params *p) {
    dyad_store_filter f;
    if (read_params(r, p, FILTERS) || make_filter(p, &f)) return fail(r, MHD_HTTP_BAD_REQUEST, "%s", p->err);
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s->store, "SELECT count(*), count(DISTINCT e.doc), min(e.date_start), max(e.date_end), "
                          "round(sum(e.goldstein), 2), count(DISTINCT e.source_actor), count(DISTINCT e.target_actor)",
                          &f, NULL, &q) != DYAD_OK)
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) { enum MHD_Result x = query_failed(r, s, rc, &f); sqlite3_finalize(q); return x; }
    buf b = {0};
    static const char *const names[] = {"events", "documents", "first", "last", "goldstein", "sources", "targets"};
    buf_str(&b, "{");
    for (int i = 0; i < 7; i++) {
        buf_fmt(&b, "%s\"%s\":", i ? "," : "", names[i]);
        buf_col(&b, q, i);
    }
    buf_str(&b, "}\n");
    sqlite3_finalize(q);
    return reply(r, MHD_HTTP_OK, &b, "application/json");
}

/* ---- GET /api/events ---- */

static enum MHD_Result api_events(const req *r, slot *s, params *p) {
    dyad_store_filter f;
    long limit, offset;
    if (read_params(r, p, FILTERS | BIT(P_LIMIT) | BIT(P_OFFSET) | BIT(P_ORDER)) || make_filter(p, &f) ||
        num_param(p, P_LIMIT, 1, 1000, 100, &limit) || num_param(p, P_OFFSET, 0, 100000000, 0, &offset))
        return fail(r, MHD_HTTP_BAD_REQUEST, "%s", p->err);
    const char *order = pv(p, P_ORDER) ? pv(p, P_ORDER) : "date";
    const char *tail = !strcmp(order, "date") ? " ORDER BY e.date_start, e.key LIMIT ?20 OFFSET ?21"
                     : !strcmp(order, "-date") ? " ORDER BY e.date_start DESC, e.key DESC LIMIT ?20 OFFSET ?21"
                     : !strcmp(order, "goldstein") ? " ORDER BY e.goldstein, e.key LIMIT ?20 OFFSET ?21"
                     : !strcmp(order, "-goldstein") ? " ORDER BY e.goldstein DESC, e.key LIMIT ?20 OFFSET ?21" : NULL;
    if (!tail) return fail(r, MHD_HTTP_BAD_REQUEST, "order '%.40s' is not one of date, -date, goldstein, -goldstein", order);
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s->store, "SELECT count(*)", &f, NULL, &q) != DYAD_OK)
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) { enum MHD_Result x = query_failed(r, s, rc, &f); sqlite3_finalize(q); return x; }
    long long total = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (dyad_store_select(s->store, "SELECT e.json", &f, tail, &q) != DYAD_OK)
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    sqlite3_bind_int64(q, 20, limit);
    sqlite3_bind_int64(q, 21, offset);
    buf b = {0};
    buf_fmt(&b, "{\"total\":%lld,\"offset\":%ld,\"limit\":%ld,\"events\":[", total, offset, limit);
    int n = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n++) buf_str(&b, ",\n");
        buf_add(&b, (const char *)sqlite3_column_text(q, 0), (size_t)sqlite3_column_bytes(q, 0));
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) { free(b.p); return query_failed(r, s, rc, &f); }
    buf_str(&b, "]}\n");
    return reply(r, MHD_HTTP_OK, &b, "application/json");
}

/* ---- GET /api/aggregate ---- */

static enum MHD_Result api_aggregate(const req *r, slot *s, params *p) {
    dyad_store_filter f;
    long limit;
    if (read_params(r, p, FILTERS | BIT(P_BY) | BIT(P_LIMIT) | BIT(P_ORDER)) || make_filter(p, &f) ||
        num_param(p, P_LIMIT, 1, 10000, 1000, &limit))
        return fail(r, MHD_HTTP_BAD_REQUEST, "%s", p->err);
    if (!pv(p, P_BY)) return fail(r, MHD_HTTP_BAD_REQUEST, "by is required: up to four of " DYAD_STORE_GROUP_KEYS);
    const char *order = pv(p, P_ORDER) ? pv(p, P_ORDER) : "keys";
    if (strcmp(order, "keys") && strcmp(order, "-events"))
        return fail(r, MHD_HTTP_BAD_REQUEST, "order '%.40s' is not one of keys, -events", order);
    dyad_store_group *g = malloc(sizeof *g);
    if (!g) return MHD_NO;
    if (dyad_store_group_parse(pv(p, P_BY), 4, g)) {
        enum MHD_Result res = fail(r, MHD_HTTP_BAD_REQUEST, "by: %s", g->err);
        free(g);
        return res;
    }
    char tail[1200];
    snprintf(tail, sizeof tail, " GROUP BY %s ORDER BY %s%s LIMIT ?20", g->group, strcmp(order, "keys") ? "count(*) DESC, " : "",
             g->group);
    const char *cols[20];
    int ncols = 0;
    char *save2 = NULL;
    for (char *c = strtok_r(g->cols, ",", &save2); c && ncols < 20; c = strtok_r(NULL, ",", &save2)) cols[ncols++] = c;
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s->store, g->select, &f, tail, &q) != DYAD_OK) {
        free(g);
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    }
    sqlite3_bind_int64(q, 20, limit);
    buf b = {0};
    buf_str(&b, "{\"by\":[");
    for (const char *k = pv(p, P_BY); *k;) {   /* checked: key names, comma-separated */
        size_t len = strcspn(k, ",");
        if (len) {
            buf_str(&b, b.n > 7 ? ",\"" : "\"");
            buf_add(&b, k, len);
            buf_str(&b, "\"");
        }
        k += len + (k[len] == ',');
    }
    buf_str(&b, "],\"rows\":[");
    int rc, n = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        buf_str(&b, n++ ? ",\n{" : "{");
        for (int i = 0; i < ncols; i++) {
            buf_fmt(&b, "%s\"%s\":", i ? "," : "", cols[i]);
            buf_col(&b, q, i);
        }
        buf_str(&b, "}");
    }
    sqlite3_finalize(q);
    free(g);
    if (rc != SQLITE_DONE) { free(b.p); return query_failed(r, s, rc, &f); }
    buf_str(&b, "]}\n");
    return reply(r, MHD_HTTP_OK, &b, "application/json");
}

/* ---- GET /api/actors ---- */

typedef struct actor {
    char *code, *country, *org, *sector, *name;
    long long as_source, as_target;
    double goldstein;
} actor;

static char *dup_col(sqlite3_stmt *q, int i) {
    const char *v = (const char *)sqlite3_column_text(q, i);
    return v ? strdup(v) : NULL;
}

static int by_events(const void *a, const void *b) {
    const actor *x = a, *y = b;
    long long nx = x->as_source + x->as_target, ny = y->as_source + y->as_target;
    return nx != ny ? (nx < ny ? 1 : -1) : strcmp(x->code, y->code);
}

/* Actors of the filtered events, either side: two grouped queries (as source, as target), both
 * ordered by code, merged in one pass. */
static enum MHD_Result api_actors(const req *r, slot *s, params *p) {
    dyad_store_filter f;
    long limit;
    if (read_params(r, p, FILTERS | BIT(P_LIMIT)) || make_filter(p, &f) || num_param(p, P_LIMIT, 1, 10000, 100, &limit))
        return fail(r, MHD_HTTP_BAD_REQUEST, "%s", p->err);
#define SIDE_SQL(a) "SELECT coalesce(nullif(" a ".code, ''), nullif(" a ".country, ''), nullif(" a ".org, ''), '-'), " \
                    "max(nullif(" a ".country, '')), max(nullif(" a ".org, '')), max(nullif(" a ".sector, '')), " \
                    "max(nullif(" a ".name, '')), count(*), sum(e.goldstein)"
    sqlite3_stmt *q[2] = {NULL, NULL};
    if (dyad_store_select(s->store, SIDE_SQL("sa"), &f, " AND e.source_actor IS NOT NULL GROUP BY 1 ORDER BY 1", &q[0]) != DYAD_OK ||
        dyad_store_select(s->store, SIDE_SQL("ta"), &f, " AND e.target_actor IS NOT NULL GROUP BY 1 ORDER BY 1", &q[1]) != DYAD_OK) {
        sqlite3_finalize(q[0]);
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    }
    actor *list = NULL;
    size_t n = 0, cap = 0;
    int rc[2] = {sqlite3_step(q[0]), sqlite3_step(q[1])}, oom = 0;
    while (!oom && (rc[0] == SQLITE_ROW || rc[1] == SQLITE_ROW)) {
        int cmp = rc[0] != SQLITE_ROW ? 1 : rc[1] != SQLITE_ROW ? -1
                : strcmp((const char *)sqlite3_column_text(q[0], 0), (const char *)sqlite3_column_text(q[1], 0));
        if (n == cap) {
            actor *nl = realloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);
            if (!nl) { oom = 1; break; }
            list = nl;
        }
        actor *a = &list[n++];
        sqlite3_stmt *from = cmp <= 0 ? q[0] : q[1];
        a->code = dup_col(from, 0);
        a->country = dup_col(from, 1);
        a->org = dup_col(from, 2);
        a->sector = dup_col(from, 3);
        a->name = dup_col(from, 4);
        a->as_source = cmp <= 0 ? sqlite3_column_int64(q[0], 5) : 0;
        a->as_target = cmp >= 0 ? sqlite3_column_int64(q[1], 5) : 0;
        a->goldstein = (cmp <= 0 ? sqlite3_column_double(q[0], 6) : 0) + (cmp >= 0 ? sqlite3_column_double(q[1], 6) : 0);
        if (!a->name && cmp == 0) a->name = dup_col(q[1], 4);
        if (!a->code) oom = 1;
        if (cmp <= 0) rc[0] = sqlite3_step(q[0]);
        if (cmp >= 0) rc[1] = sqlite3_step(q[1]);
    }
    int bad_rc = rc[0] != SQLITE_DONE && rc[0] != SQLITE_ROW ? rc[0] : rc[1] != SQLITE_DONE && rc[1] != SQLITE_ROW ? rc[1] : 0;
    enum MHD_Result res;
    if (bad_rc) res = query_failed(r, s, bad_rc, &f);
    else if (oom) res = fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    else {
        if (n > 1) qsort(list, n, sizeof *list, by_events);
        buf b = {0};
        buf_fmt(&b, "{\"total\":%zu,\"actors\":[", n);
        for (size_t i = 0; i < n && (long)i < limit; i++) {
            actor *a = &list[i];
            buf_str(&b, i ? ",\n{\"code\":" : "{\"code\":");
            buf_jstr(&b, a->code);
            buf_str(&b, ",\"country\":");
            buf_jstr(&b, a->country);
            buf_str(&b, ",\"org\":");
            buf_jstr(&b, a->org);
            buf_str(&b, ",\"sector\":");
            buf_jstr(&b, a->sector);
            buf_str(&b, ",\"name\":");
            buf_jstr(&b, a->name);
            buf_fmt(&b, ",\"as_source\":%lld,\"as_target\":%lld,\"events\":%lld,\"goldstein\":%.10g}", a->as_source,
                    a->as_target, a->as_source + a->as_target, a->goldstein);
        }
        buf_str(&b, "]}\n");
        res = reply(r, MHD_HTTP_OK, &b, "application/json");
    }
    for (size_t i = 0; i < n; i++) {
        free(list[i].code); free(list[i].country); free(list[i].org); free(list[i].sector); free(list[i].name);
    }
    free(list);
    sqlite3_finalize(q[0]);
    sqlite3_finalize(q[1]);
    return res;
}

/* ---- GET /api/event: one event, its sentence marked ---- */

typedef struct mark { size_t start, end; const char *role; } mark;

static int word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Finds needle in text as whole words (ASCII case-insensitively), clear of the marks taken: the
 * last occurrence ending before pivot (dir < 0), the first starting after it (dir > 0), else the
 * first anywhere. 1 when found. */
static int find_mark(const char *text, const char *needle, const mark *taken, int ntaken, size_t pivot, int dir,
                     mark *out) {
    size_t tn = strlen(text), nn = needle ? strlen(needle) : 0;
    if (!nn || nn > tn) return 0;
    int have_side = 0, have_any = 0;
    mark side = {0, 0, NULL}, any = {0, 0, NULL};
    for (size_t i = 0; i + nn <= tn; i++) {
        if (strncasecmp(text + i, needle, nn)) continue;
        if ((i > 0 && word_byte((unsigned char)text[i - 1]) && word_byte((unsigned char)needle[0])) ||
            (i + nn < tn && word_byte((unsigned char)text[i + nn]) && word_byte((unsigned char)needle[nn - 1])))
            continue;
        int clash = 0;
        for (int k = 0; k < ntaken; k++)
            if (i < taken[k].end && i + nn > taken[k].start) clash = 1;
        if (clash) continue;
        mark m = {i, i + nn, NULL};
        if (!have_any) { any = m; have_any = 1; }
        if (dir < 0 && m.end <= pivot) { side = m; have_side = 1; }
        if (dir > 0 && m.start >= pivot && !have_side) { side = m; have_side = 1; }
    }
    if (!have_any) return 0;
    *out = have_side ? side : any;
    return 1;
}

/* The verb named by the evidence: ... on verb "accused"; ... */
static int evidence_verb(const char *ev, char *out, size_t cap) {
    const char *v = ev ? strstr(ev, " on verb \"") : NULL;
    if (!v) return 0;
    v += 10;
    const char *e = strchr(v, '"');
    if (!e || e == v || (size_t)(e - v) >= cap) return 0;
    memcpy(out, v, (size_t)(e - v));
    out[e - v] = 0;
    return 1;
}

static int by_start(const void *a, const void *b) {
    const mark *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void sentence_json(buf *b, const char *text, const char *src, const char *verb, const char *tgt) {
    mark m[3] = {{0, 0, NULL}, {0, 0, NULL}, {0, 0, NULL}};
    int n = 0;
    mark v = {0, 0, NULL}, x = {0, 0, NULL};
    int have_verb = find_mark(text, verb, m, 0, 0, 0, &v);
    if (have_verb) { v.role = "verb"; m[n++] = v; }
    if (find_mark(text, src, m, n, have_verb ? v.start : 0, have_verb ? -1 : 0, &x)) { x.role = "source"; m[n++] = x; }
    if (find_mark(text, tgt, m, n, have_verb ? v.end : 0, have_verb ? 1 : 0, &x)) { x.role = "target"; m[n++] = x; }
    qsort(m, (size_t)n, sizeof *m, by_start);
    buf_str(b, "\"text\":");
    buf_jstr(b, text);
    buf_str(b, ",\"marks\":[");
    for (int i = 0; i < n; i++) {
        buf_fmt(b, "%s{\"role\":\"%s\",\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", m[i].role, m[i].start, m[i].end);
        buf_json(b, text + m[i].start, m[i].end - m[i].start);
        buf_str(b, "}");
    }
    /* the sentence in pieces, each marked or not: what a page shows without byte arithmetic */
    buf_str(b, "],\"segments\":[");
    size_t at = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (m[i].start > at) {
            buf_str(b, k++ ? ",{\"text\":" : "{\"text\":");
            buf_json(b, text + at, m[i].start - at);
            buf_str(b, "}");
        }
        buf_str(b, k++ ? ",{\"text\":" : "{\"text\":");
        buf_json(b, text + m[i].start, m[i].end - m[i].start);
        buf_fmt(b, ",\"role\":\"%s\"}", m[i].role);
        at = m[i].end;
    }
    if (text[at]) {
        buf_str(b, k ? ",{\"text\":" : "{\"text\":");
        buf_jstr(b, text + at);
        buf_str(b, "}");
    }
    buf_str(b, "]");
}

static enum MHD_Result api_event(const req *r, slot *s, params *p) {
    if (read_params(r, p, BIT(P_ID))) return fail(r, MHD_HTTP_BAD_REQUEST, "%s", p->err);
    if (!pv(p, P_ID)) return fail(r, MHD_HTTP_BAD_REQUEST, "id is required (an event id, as in /api/events)");
    dyad_store_filter none;
    memset(&none, 0, sizeof none);
    sqlite3_stmt *q = NULL;
    if (dyad_store_select(s->store, "SELECT e.json, coalesce(se.text, json_extract(e.json, '$.text')), e.source_text, "
                          "e.target_text, e.evidence, d.id, d.title, d.url, d.publisher, d.date, e.span_start, e.span_end, e.key",
                          &none, " AND e.key = (SELECT coalesce((SELECT key FROM events WHERE id = ?20), "
                          "(SELECT event FROM mentions WHERE id = ?20)))", &q) != DYAD_OK)
        return fail(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_store_errmsg(s->store));
    sqlite3_bind_text(q, 20, pv(p, P_ID), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) { sqlite3_finalize(q); return fail(r, MHD_HTTP_NOT_FOUND, "no event '%.80s'", pv(p, P_ID)); }
    if (rc != SQLITE_ROW) { enum MHD_Result x = query_failed(r, s, rc, NULL); sqlite3_finalize(q); return x; }
    const char *text = (const char *)sqlite3_column_text(q, 1), *ev = (const char *)sqlite3_column_text(q, 4);
    char verb[128] = "";
    evidence_verb(ev, verb, sizeof verb);
    buf b = {0};
    buf_str(&b, "{\"event\":");
    buf_add(&b, (const char *)sqlite3_column_text(q, 0), (size_t)sqlite3_column_bytes(q, 0));
    buf_str(&b, ",\"document\":{\"id\":");
    buf_col(&b, q, 5);
    buf_str(&b, ",\"title\":");
    buf_col(&b, q, 6);
    buf_str(&b, ",\"url\":");
    buf_col(&b, q, 7);
    buf_str(&b, ",\"publisher\":");
    buf_col(&b, q, 8);
    buf_str(&b, ",\"date\":");
    buf_col(&b, q, 9);
    buf_str(&b, "},\"evidence\":");
    buf_col(&b, q, 4);
    buf_str(&b, ",\"verb\":");
    buf_jstr(&b, *verb ? verb : NULL);
    buf_fmt(&b, ",\"sentence\":{\"span\":[%lld,%lld],", (long long)sqlite3_column_int64(q, 10),
            (long long)sqlite3_column_int64(q, 11));
    sentence_json(&b, text ? text : "", (const char *)sqlite3_column_text(q, 2), verb,
                  (const char *)sqlite3_column_text(q, 3));
    sqlite3_int64 key = sqlite3_column_int64(q, 12);
    buf_str(&b, "},\"mentions\":[");
    /* every report of the event: record id, document, publisher, story date, sentence (fixed
     * statements; the key is bound) */
    sqlite3_stmt *c = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(dyad_store_db(s->store), "SELECT m.id, d.id, d.publisher, m.story_date, se.text FROM mentions m "
                           "JOIN documents d ON d.key = m.doc LEFT JOIN sentences se ON se.key = m.sentence_key "
                           "WHERE m.event = ?1 ORDER BY m.key LIMIT 200", -1, &c, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(c, 1, key);
        while (sqlite3_step(c) == SQLITE_ROW) {
            buf_str(&b, n++ ? ",{\"id\":" : "{\"id\":");
            buf_col(&b, c, 0);
            buf_str(&b, ",\"doc\":");
            buf_col(&b, c, 1);
            buf_str(&b, ",\"publisher\":");
            buf_col(&b, c, 2);
            buf_str(&b, ",\"story_date\":");
            buf_col(&b, c, 3);
            buf_str(&b, ",\"text\":");
            buf_col(&b, c, 4);
            buf_str(&b, "}");
        }
    }
    sqlite3_finalize(c);
    buf_str(&b, "],\"conflicts\":[");
    /* reports that disagree with one of the event's */
    c = NULL;
    n = 0;
    if (sqlite3_prepare_v2(dyad_store_db(s->store), "SELECT DISTINCT c.json FROM claims cl JOIN conflicts c ON c.key = "
                           "cl.conflict WHERE cl.event IN (SELECT id FROM mentions WHERE event = ?1) ORDER BY c.key", -1, &c,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_int64(c, 1, key);
        while (sqlite3_step(c) == SQLITE_ROW) {
            if (n++) buf_str(&b, ",");
            buf_add(&b, (const char *)sqlite3_column_text(c, 0), (size_t)sqlite3_column_bytes(c, 0));
        }
    }
    sqlite3_finalize(c);
    buf_str(&b, "]}\n");
    sqlite3_finalize(q);
    return reply(r, MHD_HTTP_OK, &b, "application/json");
}

/* ---- the dashboard's files ---- */

/* What the dashboard needs from web/node_modules: these files and nothing else there. */
static const struct { const char *url, *file; } vendor[] = {
    {"/vendor/d3.min.js", "node_modules/d3/dist/d3.min.js"},
    {"/vendor/topojson-client.min.js", "node_modules/topojson-client/dist/topojson-client.min.js"},
    {"/vendor/countries-110m.json", "node_modules/world-atlas/countries-110m.json"},
    {"/vendor/country-codes.json", "node_modules/i18n-iso-countries/codes.json"},
};

static const struct { const char *ext, *mime; } mimes[] = {
    {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"}, {".json", "application/json"}, {".png", "image/png"},
    {".svg", "image/svg+xml"}, {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
};

static const char *mime_of(const char *name) {
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof mimes / sizeof *mimes; i++)
        if (!strcmp(dot, mimes[i].ext)) return mimes[i].mime;
    return NULL;
}

static enum MHD_Result serve_file(const req *r) {
    const char *url = r->url;
    /* libmicrohttpd has decoded %xx already: a '%' left over was encoded twice */
    if (url[0] != '/' || strstr(url, "..") || strstr(url, "//") || strchr(url, '\\') || strchr(url, '%') ||
        strstr(url, "/.") || strlen(url) > 200)
        return fail(r, MHD_HTTP_BAD_REQUEST, "path not allowed");
    for (const unsigned char *c = (const unsigned char *)url; *c; c++)
        if (*c <= 0x20 || *c == 0x7f) return fail(r, MHD_HTTP_BAD_REQUEST, "path not allowed");
    const char *rel = NULL;
    if (!strncmp(url, "/vendor/", 8)) {
        for (size_t i = 0; i < sizeof vendor / sizeof *vendor; i++)
            if (!strcmp(url, vendor[i].url)) rel = vendor[i].file;
    } else {
        /* the files at the top of the web folder, except npm's */
        rel = url[1] ? url + 1 : "index.html";
        if (strchr(rel, '/') || !mime_of(rel) || !strcmp(rel, "package.json") || !strcmp(rel, "package-lock.json"))
            rel = NULL;
    }
    if (!rel) return fail(r, MHD_HTTP_NOT_FOUND, "no such file");
    char path[PATH_MAX], real[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", r->h->web, rel) >= sizeof path || !realpath(path, real))
        return fail(r, MHD_HTTP_NOT_FOUND, "no such file");
    /* a symbolic link may not lead out of the web folder */
    size_t wl = strlen(r->h->web);
    if (strncmp(real, r->h->web, wl) || real[wl] != '/') return fail(r, MHD_HTTP_NOT_FOUND, "no such file");
    int fd = open(real, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) return fail(r, MHD_HTTP_NOT_FOUND, "no such file");
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) { close(fd); return fail(r, MHD_HTTP_NOT_FOUND, "no such file"); }
    struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!resp) { close(fd); return MHD_NO; }
    MHD_add_response_header(resp, "Content-Type", mime_of(rel));
    MHD_add_response_header(resp, "Cache-Control", rel[0] == 'n' ? "public, max-age=86400" : "no-cache");
    common_headers(resp);
    enum MHD_Result ok = MHD_queue_response(r->c, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    log_req(r, MHD_HTTP_OK, (size_t)st.st_size);
    return ok;
}

/* ---- the watchdog: connections that take too long to send their request ---- */

static conn *conn_of(struct MHD_Connection *c) {
    const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

static void conn_wait(dyad_http *h, struct MHD_Connection *c, int waiting) {
    conn *k = conn_of(c);
    if (!k) return;
    pthread_mutex_lock(&h->mu);
    k->waiting = waiting;
    k->since = now();
    pthread_mutex_unlock(&h->mu);
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code) {
    dyad_http *h = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        conn *k = calloc(1, sizeof *k);
        if (!k || !i) { free(k); return; }
        k->fd = i->connect_fd;
        k->waiting = 1;
        k->since = now();
        pthread_mutex_lock(&h->mu);
        k->next = h->conns.next;
        k->prev = &h->conns;
        h->conns.next->prev = k;
        h->conns.next = k;
        pthread_mutex_unlock(&h->mu);
        *socket_context = k;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        /* libmicrohttpd tells this before it closes the socket: the watchdog never touches a
         * descriptor that may have been reused */
        conn *k = *socket_context;
        pthread_mutex_lock(&h->mu);
        k->prev->next = k->next;
        k->next->prev = k->prev;
        pthread_mutex_unlock(&h->mu);
        free(k);
        *socket_context = NULL;
    }
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode code) {
    (void)code;
    (void)con_cls;
    conn_wait(cls, c, 1);   /* the next request on this connection is due from now */
}

/* libmicrohttpd's timeout counts from the last byte received, so a client sending one header
 * byte every few seconds would hold a connection for ever; this thread cuts a connection whose
 * request is not complete `timeout` seconds after it became due. */
static void *watchdog(void *ud) {
    dyad_http *h = ud;
    while (!atomic_load(&h->stopping)) {
        usleep(200 * 1000);
        double t = now();
        pthread_mutex_lock(&h->mu);
        for (conn *k = h->conns.next; k != &h->conns; k = k->next)
            if (k->waiting && !k->cut && t - k->since > h->o.timeout) {
                shutdown(k->fd, SHUT_RDWR);
                k->cut = 1;
            }
        pthread_mutex_unlock(&h->mu);
    }
    return NULL;
}

/* ---- dispatch ---- */

/* Decodes %XX in place, as libmicrohttpd would, except %00: a NUL would cut the path short
 * ("/index.html%00.png" read as "/index.html"), so it stays as written and is refused. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s) {
    (void)cls;
    (void)c;
    static const char hex[] = "0123456789abcdef0123456789ABCDEF";
    char *w = s;
    for (const char *r = s; *r;) {
        const char *h1 = r[0] == '%' && r[1] ? strchr(hex, r[1]) : NULL, *h2 = h1 && r[2] ? strchr(hex, r[2]) : NULL;
        if (h1 && h2) {
            int v = (int)((h1 - hex) % 16) * 16 + (int)((h2 - hex) % 16);
            if (v) { *w++ = (char)v; r += 3; continue; }
        }
        *w++ = *r++;
    }
    *w = 0;
    return (size_t)(w - s);
}

/* With the server on loopback, only loopback names may be in Host: a page elsewhere that
 * rebinds its own name to 127.0.0.1 cannot read the API. */
static int host_ok(const char *host) {
    if (!host) return 1;   /* HTTP/1.0 */
    char name[256];
    size_t n;
    if (host[0] == '[') {
        const char *e = strchr(host, ']');
        if (!e) return 0;
        n = (size_t)(e - host - 1);
        if (n >= sizeof name) return 0;
        memcpy(name, host + 1, n);
    } else {
        n = strcspn(host, ":");
        if (n >= sizeof name) return 0;
        memcpy(name, host, n);
    }
    name[n] = 0;
    struct in_addr a4;
    struct in6_addr a6;
    if (!strcasecmp(name, "localhost")) return 1;
    if (inet_pton(AF_INET, name, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
    if (inet_pton(AF_INET6, name, &a6) == 1) return IN6_IS_ADDR_LOOPBACK(&a6);
    return 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    (void)version;
    (void)upload;
    (void)upload_size;
    dyad_http *h = cls;
    req r = {h, c, method, url, now()};
    if (!*con_cls) {
        /* the first call, on the headers: refuse what is not a GET without a body now (the
         * connection is then closed, its body unread); answer the rest on the next call, which
         * keeps the connection open for the client's next request */
        *con_cls = h;
        conn_wait(h, c, 0);
        if (strcmp(method, "GET") && strcmp(method, "HEAD"))
            return fail(&r, MHD_HTTP_METHOD_NOT_ALLOWED, "method %.20s not allowed: GET or HEAD", method);
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if ((cl && strcmp(cl, "0")) || MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
            return fail(&r, MHD_HTTP_CONTENT_TOO_LARGE, "requests take no body");
        return MHD_YES;
    }
    if (h->loopback && !host_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host")))
        return fail(&r, MHD_HTTP_MISDIRECTED_REQUEST, "Host is not a loopback name");
    if (strncmp(url, "/api/", 5)) return serve_file(&r);
    static const struct { const char *path; enum MHD_Result (*fn)(const req *, slot *, params *); } routes[] = {
        {"/api/summary", api_summary}, {"/api/events", api_events}, {"/api/aggregate", api_aggregate},
        {"/api/actors", api_actors}, {"/api/event", api_event},
    };
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        if (strcmp(url, routes[i].path)) continue;
        params *p = malloc(sizeof *p);   /* 5 KB: off the pool thread's stack */
        if (!p) return MHD_NO;
        slot *s = borrow(h);
        enum MHD_Result res = routes[i].fn(&r, s, p);
        give_back(h, s);
        free(p);
        return res;
    }
    return fail(&r, MHD_HTTP_NOT_FOUND, "no such endpoint: /api/summary, /api/events, /api/aggregate, /api/actors, "
                "/api/event");
}

/* ---- start and stop ---- */

int dyad_http_start(dyad_http **out, const dyad_http_options *o) {
    *out = NULL;
    dyad_http *h = calloc(1, sizeof *h);
    if (!h) return DYAD_ENOMEM;
    *out = h;
    h->o = *o;
    if (!h->o.host) h->o.host = "127.0.0.1";
    if (!h->o.threads) h->o.threads = 4;
    if (!h->o.max_connections) h->o.max_connections = 128;
    if (!h->o.timeout) h->o.timeout = 10;
    if (!h->o.max_request) h->o.max_request = 16384;
    h->conns.next = h->conns.prev = &h->conns;
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->cv, NULL);
    atomic_init(&h->stopping, 0);

    if (!o->web || !realpath(o->web, h->web)) {
        snprintf(h->err, sizeof h->err, "web folder %s: %s", o->web ? o->web : "(none)", strerror(errno));
        return DYAD_EIO;
    }
    char index[PATH_MAX + 16];
    snprintf(index, sizeof index, "%s/index.html", h->web);
    if (access(index, R_OK)) {
        snprintf(h->err, sizeof h->err, "web folder %.500s has no index.html", h->web);
        return DYAD_EIO;
    }
    snprintf(index, sizeof index, "%s/node_modules", h->web);
    if (access(index, R_OK))
        fprintf(stderr, "dyad serve: %s/node_modules is missing (npm ci --prefix web): the dashboard's charts will not load\n",
                h->web);
    h->slots = calloc(h->o.threads, sizeof *h->slots);
    if (!h->slots) return DYAD_ENOMEM;
    for (unsigned i = 0; i < h->o.threads; i++) {
        slot *s = &h->slots[i];
        if (dyad_store_open(&s->store, o->db, DYAD_STORE_READONLY) != DYAD_OK) {
            snprintf(h->err, sizeof h->err, "%s", dyad_store_errmsg(s->store));
            return DYAD_EIO;
        }
        sqlite3_progress_handler(dyad_store_db(s->store), 10000, too_long, s);
        s->next = h->free_slots;
        h->free_slots = s;
    }

    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&ss;
    /* poll(), not epoll: libmicrohttpd's edge-triggered epoll misses a client's close that
     * arrives with its last bytes, and holds such a connection for the whole timeout (found by
     * fuzz_http); level-triggered poll closes it at once, and a pool of threads keeps it cheap */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
    if (inet_pton(AF_INET, h->o.host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)h->o.port);
        h->loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    } else if (inet_pton(AF_INET6, h->o.host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)h->o.port);
        h->loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(h->err, sizeof h->err, "--host '%s' is not a numeric IPv4 or IPv6 address", h->o.host);
        return DYAD_EIO;
    }
    if (pthread_create(&h->watchdog, NULL, watchdog, h)) {
        snprintf(h->err, sizeof h->err, "cannot start a thread");
        return DYAD_EIO;
    }
    h->watchdog_on = 1;
    h->d = MHD_start_daemon(flags, (uint16_t)h->o.port, NULL, NULL, handle, h,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                            MHD_OPTION_THREAD_POOL_SIZE, h->o.threads,
                            MHD_OPTION_CONNECTION_LIMIT, h->o.max_connections,
                            MHD_OPTION_CONNECTION_TIMEOUT, h->o.timeout,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, h->o.max_request,
                            MHD_OPTION_NOTIFY_CONNECTION, on_connection, h,
                            MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
                            MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
                            MHD_OPTION_END);
    if (!h->d) {
        snprintf(h->err, sizeof h->err, "cannot listen on %s port %u (in use, or not an address of this machine)",
                 h->o.host, h->o.port);
        return DYAD_EIO;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = di ? di->port : h->o.port;
    return DYAD_OK;
}

unsigned dyad_http_port(const dyad_http *h) { return h->port; }

const char *dyad_http_errmsg(const dyad_http *h) { return h ? h->err : "out of memory"; }

void dyad_http_stop(dyad_http *h) {
    if (!h) return;
    if (h->d) MHD_stop_daemon(h->d);
    atomic_store(&h->stopping, 1);
    if (h->watchdog_on) pthread_join(h->watchdog, NULL);
    for (unsigned i = 0; h->slots && i < h->o.threads; i++) dyad_store_free(h->slots[i].store);
    free(h->slots);
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
    free(h);
}
