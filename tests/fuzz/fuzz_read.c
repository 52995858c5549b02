/* libFuzzer harness: the document reader on arbitrary files, in every format (text, JSON lines,
 * HTML, WARC, detected); the seeds include gzip, zstd, xz and bzip2 files, so the decompressing
 * layer sees broken streams too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[] = "/tmp/dyad-fuzz-read-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) { close(fd); unlink(path); return 0; }
    close(fd);
    for (int fmt = DYAD_FMT_AUTO; fmt <= DYAD_FMT_WARC; fmt++) {
        dyad_reader *r = NULL;
        if (dyad_reader_open(&r, path, fmt, NULL, NULL) == DYAD_OK) {
            dyad_doc doc;
            int rc, n = 0;
            while ((rc = dyad_reader_next(r, &doc)) != DYAD_EOF && n++ < 100000) {
                if (rc == DYAD_OK && doc.len && !doc.text) abort();
                if (rc != DYAD_OK && rc != DYAD_EINPUT) break;
                if (rc == DYAD_EINPUT && !strchr(dyad_reader_errmsg(r), ':')) abort();
            }
        }
        dyad_reader_free(r);
    }
    unlink(path);
    return 0;
}
