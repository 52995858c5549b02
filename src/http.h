/* http.h: the HTTP server of `dyad serve`: a JSON API over the event store and the dashboard's
 * files, on libmicrohttpd.
 *
 *   GET /api/summary    events, documents, first and last day            (filters)
 *   GET /api/events     the stored records, page by page                 (filters, limit, offset, order)
 *   GET /api/aggregate  counts and Goldstein sums grouped by keys        (filters, by, limit, order)
 *   GET /api/actors     actors with their events as source and target   (filters, limit)
 *   GET /api/event      one event, its document, evidence and sentence with source, verb and
 *                       target marked                                    (id)
 *   GET /, /app.js ...  the files at the top of the web folder, and /vendor/NAME: the few
 *                       files the dashboard needs from web/node_modules (a fixed list)
 *
 * A client of dyad.h and store.h. Each request handler borrows one of `threads` read-only
 * connections (SQLITE_OPEN_READONLY) and builds its query with dyad_store_select(): request
 * values are bound as parameters, never spliced into SQL. Bad parameters get 400 with the reason
 * as {"error": "..."}; paths outside the web folder ("..", encoded or not, absolute, hidden
 * files) get 400, missing ones 404.
 *
 * Bounds: `max_connections` connections at once; a request line and headers larger than
 * `max_request` bytes get 414/431 from libmicrohttpd; no request bodies (413); a connection
 * idle, or sending its request headers, for more than `timeout` seconds is closed (a watchdog
 * shuts down connections that trickle their headers byte by byte); a query running longer than
 * `timeout` seconds is interrupted (503).
 *
 * Errors: dyad_http_start() returns DYAD_OK, DYAD_EIO (the store cannot be opened, the web
 * folder is missing, the address cannot be bound) or DYAD_ENOMEM; dyad_http_errmsg() says which.
 */
#ifndef DYAD_HTTP_H
#define DYAD_HTTP_H

#include <stddef.h>

typedef struct dyad_http dyad_http;

typedef struct dyad_http_options {
    const char *db;             /* the store (opened read-only) */
    const char *web;            /* the dashboard folder: index.html, app.js, style.css, node_modules/ */
    const char *host;           /* numeric IPv4 or IPv6 address to bind; NULL: 127.0.0.1 */
    unsigned port;              /* 0: any free port (dyad_http_port() tells which) */
    unsigned threads;           /* worker threads, one database connection each; 0: 4 */
    unsigned max_connections;   /* 0: 128 */
    unsigned timeout;           /* seconds; 0: 10 */
    size_t max_request;         /* bytes of request line and headers; 0: 16384 */
    int log;                    /* 1: one line a request on standard error */
} dyad_http_options;

/* Starts serving on its own threads. On failure *out is still set, unless out of memory, so
 * dyad_http_errmsg() can say why; dyad_http_stop() it. */
int dyad_http_start(dyad_http **out, const dyad_http_options *o);
unsigned dyad_http_port(const dyad_http *h);
const char *dyad_http_errmsg(const dyad_http *h);
/* Stops serving (waiting for the requests under way) and frees h; NULL does nothing. */
void dyad_http_stop(dyad_http *h);

#endif
