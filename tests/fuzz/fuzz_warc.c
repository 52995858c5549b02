/* libFuzzer harness: the WARC reader (read.c's record loop and warc.c's block parsing) on
 * arbitrary files, and the block parsers (HTTP head, chunked body, Content-Type) on their own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dyad.h"
#include "warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* the parsers on the bytes as a block */
    dyad_http_head h;
    if (dyad_warc_http((const char *)data, size, &h) == 0 && h.body > size) abort();
    char *copy = malloc(size + 1);
    if (!copy) return 0;
    memcpy(copy, data, size);
    if (dyad_warc_dechunk(copy, size) > size) abort();
    char mime[32], charset[16];
    dyad_warc_content_type((const char *)data, size, mime, sizeof mime, charset, sizeof charset);
    free(copy);
    /* the reader on the bytes as a file, made to look like WARC half of the time */
    char path[] = "/tmp/dyad-fuzz-warc-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    static const char head[] = "WARC/1.1\r\n";
    int prefix = size && (data[0] & 1);
    if ((prefix && write(fd, head, sizeof head - 1) != (ssize_t)(sizeof head - 1)) ||
        write(fd, data, size) != (ssize_t)size) { close(fd); unlink(path); return 0; }
    close(fd);
    dyad_reader *r = NULL;
    if (dyad_reader_open(&r, path, DYAD_FMT_WARC, NULL, NULL) == DYAD_OK) {
        dyad_doc doc;
        int rc, n = 0;
        while ((rc = dyad_reader_next(r, &doc)) != DYAD_EOF && n++ < 100000) {
            if (rc == DYAD_OK && (!doc.id || (doc.len && !doc.text))) abort();
            if (rc != DYAD_OK && rc != DYAD_EINPUT) break;
            if (rc == DYAD_EINPUT && !strstr(dyad_reader_errmsg(r), path)) abort();   /* names the input */
        }
        if (n > 100000) abort();   /* no endless loop */
    }
    dyad_reader_free(r);
    unlink(path);
    return 0;
}
