/* libFuzzer harness: `dyad serve`'s request handling (http.c over libmicrohttpd, with the store's
 * queries behind it), through a real socket on loopback. On its first input it codes two short
 * documents of its own into a store in a temporary folder and starts the server on a free port.
 * Each input is then sent as one request: an even first byte makes the rest a GET's target
 * (path and query, the parameters the API validates), an odd one sends the rest as raw bytes.
 * What must hold: the server answers or closes within its timeout (no hang), every answer is an
 * HTTP status line, and an API answer of 200 is valid JSON. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "dyad.h"
#include "http.h"
#include "store.h"

static dyad_http *server;
static unsigned port;
static char dir[] = "/tmp/dyad-fuzz-http-XXXXXX";

static const char *const docs[][2] = {
    {"one", "Gondor sent 300 soldiers to Arnor on Monday. The Arnor government condemned the "
            "move, and its foreign minister said it would impose sanctions on Gondor."},
    {"two", "KABUL, Afghanistan (March 3, 2014) - Afghan forces arrested two insurgents in "
            "Kandahar province yesterday. Russia signed an agreement with Tajikistan."},
    /* the second document's arrest again, with another figure: one event with two mentions, and
     * a conflict across documents, for /api/event */
    {"three", "Afghan forces arrested five insurgents in Kandahar province on March 2, 2014."},
};

static int store_sink(void *ud, const dyad_record *r) { return dyad_store_record(ud, r) != DYAD_OK; }

static void cleanup(void) {
    dyad_http_stop(server);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd)) { /* best effort */ }
}

static void start(void) {
    if (!mkdtemp(dir)) abort();
    char db[64];
    snprintf(db, sizeof db, "%s/fuzz.db", dir);
    dyad_store *st = NULL;
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    const char *paths[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
    if (dyad_store_open(&st, db, DYAD_STORE_WRITE) != DYAD_OK) abort();
    if (dyad_dict_load(&dict, paths, 2, NULL) != DYAD_OK) abort();
    dyad_code_options co;
    memset(&co, 0, sizeof co);
    co.date = "2014-03-04";
    co.stories = 1;
    if (dyad_coder_new(&coder, dict, &co) != DYAD_OK) abort();
    if (dyad_store_begin(st) != DYAD_OK) abort();
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        dyad_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = docs[i][0];
        doc.text = docs[i][1];
        doc.len = strlen(doc.text);
        char hash[65];
        dyad_store_hash(doc.text, doc.len, hash);
        if (dyad_store_doc_begin(st, &doc, hash, "fuzz") != DYAD_OK) abort();
        if (dyad_coder_code(coder, &doc, store_sink, st) != DYAD_OK) abort();
        if (dyad_store_doc_end(st, 1) != DYAD_OK) abort();
    }
    if (dyad_store_commit(st) != DYAD_OK) abort();
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_store_free(st);
    dyad_http_options o;
    memset(&o, 0, sizeof o);
    o.db = db;
    o.web = DYAD_WEB_DIR;
    o.threads = 2;
    o.timeout = 2;
    if (dyad_http_start(&server, &o) != DYAD_OK) {
        fprintf(stderr, "fuzz_http: %s\n", dyad_http_errmsg(server));
        abort();
    }
    port = dyad_http_port(server);
    atexit(cleanup);
}

static int send_all(int fd, const char *p, size_t n) {
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;   /* the server may close early on a bad request: fine */
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!server) start();
    if (!size) return 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    struct timeval tv = {8, 0};   /* well past the server's 2 s timeout: longer is a hang */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) { close(fd); return 0; }
    const char *body = (const char *)data + 1;
    size_t n = size - 1;
    int api = 0;
    if (!(data[0] & 1)) {
        api = n >= 5 && !memcmp(body, "/api/", 5);
        static const char tail[] = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if (send_all(fd, "GET ", 4) || send_all(fd, body, n) || send_all(fd, tail, sizeof tail - 1)) api = -1;
    } else if (send_all(fd, body, n)) {
        api = -1;
    }
    shutdown(fd, SHUT_WR);
    size_t cap = 1 << 16, len = 0;
    char *resp = malloc(cap + 1);
    if (!resp) abort();
    for (;;) {
        if (len == cap) {
            cap *= 2;
            char *bigger = realloc(resp, cap + 1);
            if (!bigger) abort();
            resp = bigger;
        }
        ssize_t got = recv(fd, resp + len, cap - len, 0);
        if (got < 0 && errno == EINTR) continue;   /* libFuzzer's timer */
        if (got < 0 && errno == ECONNRESET) break;  /* closed with our bytes unread: a reset */
        if (got < 0) {
            fprintf(stderr, "fuzz_http: no answer and no close within 8 s (%s)\n", strerror(errno));
            abort();
        }
        if (got == 0) break;
        len += (size_t)got;
    }
    close(fd);
    resp[len] = 0;
    if (len && strncmp(resp, "HTTP/1.", 7)) abort();   /* an answer is an HTTP answer */
    if (api == 1 && len > 12 && !strncmp(resp + 9, "200", 3)) {
        const char *b = strstr(resp, "\r\n\r\n");
        if (!b) abort();
        b += 4;
        /* the body may be chunked: only a plain body is checked */
        if (!strstr(resp, "chunked") && (*b == '{' || *b == '[')) {
            cJSON *j = cJSON_ParseWithLength(b, len - (size_t)(b - resp));
            if (!j) {
                fprintf(stderr, "fuzz_http: 200 with invalid JSON: %.200s\n", b);
                abort();
            }
            cJSON_Delete(j);
        }
    }
    free(resp);
    return 0;
}
