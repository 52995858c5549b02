/* libFuzzer harness: `dyad load --records`'s reader (records.c) on arbitrary JSON lines: a
 * record it accepts must write back (emit.c) as valid JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "dyad.h"
#include "emit.h"
#include "records.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cJSON *o = cJSON_ParseWithLength((const char *)data, size);
    if (!o) return 0;
    dyad_record r;
    dyad_claim claims[8];
    const char *why = NULL;
    if (dyad_record_parse(o, &r, claims, 8, &why) == 0) {
        dyad_buf b;
        dyad_buf_init(&b, NULL);
        dyad_emit_json(&r, &b);
        if (!b.oom) {
            cJSON *back = cJSON_ParseWithLength(b.data, b.len);
            if (!back) abort();   /* what dyad writes is JSON */
            cJSON_Delete(back);
        }
        dyad_buf_free(&b);
    } else if (!why) {
        abort();   /* a refusal says why */
    }
    cJSON_Delete(o);
    return 0;
}
