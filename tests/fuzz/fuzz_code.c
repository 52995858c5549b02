/* libFuzzer harness: the whole coding pipeline (normalise, clean, tokenize, split, match, parse,
 * code, emit) on arbitrary bytes, with the real dictionaries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"

static dyad_dict *dict;
static dyad_coder *coder;

static int sink(void *ud, const dyad_record *r) {
    (void)ud;
    /* touch what a client reads */
    size_t n = strlen(r->json);
    return n == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!dict) {
        const char *paths[] = {DYAD_DICT_DIR, DYAD_GEN_DICT_DIR};
        if (dyad_dict_load(&dict, paths, 2, NULL) != DYAD_OK) abort();
        if (dyad_coder_new(&coder, dict, NULL) != DYAD_OK) abort();
    }
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "fuzz";
    doc.text = (const char *)data;
    doc.len = size;
    doc.date = (size & 1) ? "2015-04-03" : NULL;
    if (dyad_coder_code(coder, &doc, sink, NULL) != DYAD_OK) abort();
    return 0;
}
