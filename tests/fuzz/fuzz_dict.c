/* libFuzzer harness: the dictionary loader, on an arbitrary file of each kind (the first byte
 * chooses the kind), in check mode and in strict mode. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dyad.h"

static void diag(void *ud, const char *file, int line, const char *msg) { (void)ud; (void)file; (void)line; (void)msg; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const kinds[] = {"actors", "agents", "verbs", "cameo", "words", "amounts"};
    if (!size) return 0;
    char dir[] = "/tmp/dyad-fuzz-dict-XXXXXX";
    if (!mkdtemp(dir)) return 0;
    char path[128];
    snprintf(path, sizeof path, "%s/x.txt", dir);
    FILE *f = fopen(path, "wb");
    if (!f) { rmdir(dir); return 0; }
    fprintf(f, "#! kind=%s\n", kinds[data[0] % 6]);
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    for (int check = 0; check < 2; check++) {
        dyad_dict_options o;
        memset(&o, 0, sizeof o);
        o.check = check;
        o.diag = diag;
        const char *paths[] = {dir};
        dyad_dict *d = NULL;
        int rc = dyad_dict_load(&d, paths, 1, &o);
        if (rc != DYAD_OK && rc != DYAD_EDICT) abort();
        if (rc == DYAD_EDICT && !strstr(dyad_dict_errmsg(d), check ? "problem" : "x.txt:")) abort();
        dyad_dict_free(d);
    }
    unlink(path);
    rmdir(dir);
    return 0;
}
