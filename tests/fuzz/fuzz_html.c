/* libFuzzer harness: HTML article extraction (html.c over libxml2) on arbitrary bytes, with each
 * kind of transport charset: none (the page's <meta>), a real one, a bogus one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const charsets[] = {NULL, "utf-8", "windows-1251", "iso-8859-1", "x-no-such-charset"};
    dyad_mem mem = {NULL, NULL};
    dyad_html_page p;
    dyad_html_init(&p, &mem);
    const char *cs = size ? charsets[data[0] % 5] : NULL;
    if (dyad_html_extract(&p, (const char *)data, size, cs) == 0) {
        if (p.text.len && !p.text.data) abort();
        if (p.text.data && strlen(p.text.data) > p.text.len) abort();   /* NUL-terminated at len */
        if (p.date[0] && strlen(p.date) != 10) abort();
    }
    (void)dyad_html_sniff((const char *)data, size);
    dyad_html_free(&p);
    return 0;
}
