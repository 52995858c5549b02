/* cli_serve.c: `dyad serve`: starts the HTTP server (http.h) over a store and waits for SIGINT
 * or SIGTERM. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "http.h"
#include "cli_store.h"
#include "cli_serve.h"

#ifndef DYAD_WEB_DIR
#define DYAD_WEB_DIR "web"
#endif

static const char serve_usage[] =
    "usage: dyad serve [--db PATH] [--port N] [--host ADDR] [--web DIR] [--threads N]\n"
    "                  [--max-connections N] [--timeout SECONDS] [--log]\n"
    "Serves the store (default dyad.db, opened read-only) as a JSON API and a dashboard, on\n"
    "http://127.0.0.1:8080/ by default (--port 0: any free port; the address is printed).\n"
    "  GET /api/summary    events, documents, first and last day          (filters)\n"
    "  GET /api/events     stored event records                           (filters, limit, offset, order)\n"
    "  GET /api/aggregate  counts and Goldstein sums grouped by keys      (filters, by, limit, order)\n"
    "  GET /api/actors     actors with their events as source and target (filters, limit)\n"
    "  GET /api/event      one event, its evidence, its sentence marked   (id)\n"
    "Filters are the query string's actor, source, target, cameo, root, plover, mode, from, to,\n"
    "date, place, country, text, doc (as dyad query's options). --web DIR: the dashboard's folder\n"
    "(default: the source tree's web/, with node_modules from npm ci --prefix web). --timeout:\n"
    "seconds a request may take to arrive or to run (default 10). SIGINT or SIGTERM stops it.\n";

static int number(const char *s, long lo, long hi, long *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int dyad_cmd_serve(int argc, char **argv) {
    dyad_http_options o;
    memset(&o, 0, sizeof o);
    o.db = "dyad.db";
    o.web = DYAD_WEB_DIR;
    o.port = 8080;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        long v;
        if (!strcmp(a, "--db") && more) o.db = argv[++i];
        else if (!strcmp(a, "--web") && more) o.web = argv[++i];
        else if (!strcmp(a, "--host") && more) o.host = argv[++i];
        else if (!strcmp(a, "--port") && more) {
            if (number(argv[++i], 0, 65535, &v)) { fprintf(stderr, "dyad serve: --port '%s' is not 0 to 65535\n", argv[i]); return DYAD_EXIT_USAGE; }
            o.port = (unsigned)v;
        } else if (!strcmp(a, "--threads") && more) {
            if (number(argv[++i], 1, 64, &v)) { fprintf(stderr, "dyad serve: --threads '%s' is not 1 to 64\n", argv[i]); return DYAD_EXIT_USAGE; }
            o.threads = (unsigned)v;
        } else if (!strcmp(a, "--max-connections") && more) {
            if (number(argv[++i], 1, 10000, &v)) { fprintf(stderr, "dyad serve: --max-connections '%s' is not 1 to 10000\n", argv[i]); return DYAD_EXIT_USAGE; }
            o.max_connections = (unsigned)v;
        } else if (!strcmp(a, "--timeout") && more) {
            if (number(argv[++i], 1, 3600, &v)) { fprintf(stderr, "dyad serve: --timeout '%s' is not 1 to 3600\n", argv[i]); return DYAD_EXIT_USAGE; }
            o.timeout = (unsigned)v;
        } else if (!strcmp(a, "--log")) o.log = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(serve_usage, stdout); return DYAD_EXIT_OK; }
        else {
            fprintf(stderr, "dyad serve: unknown option '%s' (or it needs a value) (dyad serve --help lists the options)\n", a);
            return DYAD_EXIT_USAGE;
        }
    }
    /* the server's threads inherit this mask, so the signals come to sigwait() below */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    dyad_http *h = NULL;
    if (dyad_http_start(&h, &o) != DYAD_OK) {
        fprintf(stderr, "dyad serve: %s\n", dyad_http_errmsg(h));
        dyad_http_stop(h);
        return DYAD_EXIT_IO;
    }
    const char *host = o.host ? o.host : "127.0.0.1";
    int v6 = strchr(host, ':') != NULL;
    printf("dyad serve: http://%s%s%s:%u/ (store %s, read-only)\n", v6 ? "[" : "", host, v6 ? "]" : "",
           dyad_http_port(h), o.db);
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "dyad serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    dyad_http_stop(h);
    return DYAD_EXIT_OK;
}
