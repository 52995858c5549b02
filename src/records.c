/* records.c: dyad's JSON records read back (see records.h). The inverse of emit.c, field by
 * field; what a record does not carry stays as dyad_coder_code() leaves it unset. */
#include <limits.h>
#include <string.h>
#include "records.h"

#include <stdio.h>

static void key_party(char *out, size_t cap, size_t *n, dyad_party p) {
    const char *c = p.country ? p.country : "", *o = p.org ? p.org : "", *s = p.sector ? p.sector : "";
    int w = c[0] ? snprintf(out + *n, cap - *n, "C%s/%s|", c, s) : o[0] ? snprintf(out + *n, cap - *n, "O%s|", o)
                                                               : snprintf(out + *n, cap - *n, "S%s|", s);
    if (w > 0) *n = *n + (size_t)w < cap ? *n + (size_t)w : cap - 1;
}

void dyad_event_key(dyad_party src, dyad_party tgt, const char *cameo, int flags, char *out, size_t cap) {
    size_t n = 0;
    if (!cap) return;
    out[0] = 0;
    key_party(out, cap, &n, src);
    key_party(out, cap, &n, tgt);
    char root[3] = {cameo && cameo[0] ? cameo[0] : '-', cameo && cameo[0] && cameo[1] ? cameo[1] : '-', 0};
    if (!strcmp(root, "03")) root[1] = '7';
    snprintf(out + n, cap - n, "%s|%d", root, flags & 3);
}

static const char *str(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double numv(const cJSON *o, const char *k, double def) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : def;
}

/* An integer field: out-of-range values (a hand-edited or broken record) are clamped, never cast
 * as they are (found by fuzz_records). */
static long long intv(const cJSON *o, const char *k, long long lo, long long hi) {
    double v = numv(o, k, 0);
    if (!(v >= (double)lo)) return lo;   /* NaN too */
    if (v >= (double)hi) return hi;
    return (long long)v;
}

static void span(const cJSON *o, size_t out[2]) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "span");
    out[0] = out[1] = 0;
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2) return;
    for (int i = 0; i < 2; i++) {
        const cJSON *x = cJSON_GetArrayItem(v, i);
        if (cJSON_IsNumber(x) && x->valuedouble >= 0 && x->valuedouble < 1e15) out[i] = (size_t)x->valuedouble;
    }
}

static void actor(const cJSON *o, const char *k, dyad_actor *a) {
    memset(a, 0, sizeof *a);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsObject(v)) return;
    a->text = str(v, "text");
    a->code = str(v, "code");
    a->country = str(v, "country");
    a->org = str(v, "org");
    a->sector = str(v, "sector");
    a->name = str(v, "name");
    a->role = str(v, "role");
}

static void currency(const char *s, char out[4]) {
    memset(out, 0, 4);
    if (s && strlen(s) == 3) memcpy(out, s, 3);
}

int dyad_record_parse(const cJSON *o, dyad_record *r, dyad_claim *claims, size_t max, const char **why) {
    memset(r, 0, sizeof *r);
    *why = NULL;
    const char *type = cJSON_IsObject(o) ? str(o, "type") : NULL;
    if (!type) { *why = "not a dyad record (no \"type\")"; return -1; }
    if (!strcmp(type, "event")) r->type = DYAD_REC_EVENT;
    else if (!strcmp(type, "conflict")) r->type = DYAD_REC_CONFLICT;
    else if (!strcmp(type, "story")) r->type = DYAD_REC_STORY;
    else { *why = "not a dyad record (\"type\" is not event, conflict or story)"; return -1; }
    r->id = str(o, "id");
    r->doc = str(o, "doc");
    if (!r->doc || (!r->id && r->type != DYAD_REC_STORY)) { *why = "a dyad record without \"id\" or \"doc\""; return -1; }
    r->story = (int)intv(o, "story", 0, INT_MAX);
    r->sentence = (int)intv(o, "sentence", 0, INT_MAX);
    r->text = str(o, "text");
    span(o, r->span);
    r->story_date = str(o, "story_date");
    r->dead = r->injured = r->arrested = r->size = r->displaced = -1;
    r->lat = r->lon = 999;
    r->amount.usd = -1;
    actor(o, "source", &r->source);
    actor(o, "target", &r->target);
    r->cameo = str(o, "cameo");
    if (r->type == DYAD_REC_CONFLICT) {
        r->kind = str(o, "kind");
        const cJSON *cl = cJSON_GetObjectItemCaseSensitive(o, "claims");
        const cJSON *c;
        cJSON_ArrayForEach(c, cl) {
            if (r->nclaims == max || !cJSON_IsObject(c)) break;
            dyad_claim *d = &claims[r->nclaims++];
            memset(d, 0, sizeof *d);
            d->members = str(c, "members");
            d->value = numv(c, d->members ? "count" : "value", 0);
            d->usd = numv(c, "usd", -1);
            currency(str(c, "currency"), d->currency);
            d->text = str(c, "text");
            d->event = str(c, "event");
            d->sentence = str(c, "sentence");
            span(c, d->span);
        }
        r->claims = claims;
        return 0;
    }
    if (r->type == DYAD_REC_STORY) return 0;
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(o, "headline");
    r->headline = cJSON_IsTrue(h);
    r->cluster = str(o, "cluster");
    r->mentions = (int)intv(o, "mentions", 0, INT_MAX);
    r->sources = (int)intv(o, "sources", 0, INT_MAX);
    r->date = str(o, "date");
    r->cameo_label = str(o, "label");
    actor(o, "attribution", &r->attribution);
    r->quad_class = (int)intv(o, "quad_class", 0, 4);
    r->goldstein = numv(o, "goldstein", 0);
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(o, "plover");
    if (cJSON_IsObject(pl)) {
        r->plover_event = str(pl, "event");
        r->plover_mode = str(pl, "mode");
        r->plover_context = str(pl, "context");
    }
    r->mode = str(o, "mode");
    const cJSON *loc = cJSON_GetObjectItemCaseSensitive(o, "location");
    if (cJSON_IsObject(loc)) {
        r->location = str(loc, "name");
        r->location_country = str(loc, "country");
        r->location_admin1 = str(loc, "admin1");
        r->lat = numv(loc, "lat", 999);
        r->lon = numv(loc, "lon", 999);
        r->geonames = intv(loc, "geonames", 0, 1ll << 53);
        r->location_from = str(loc, "from");
    }
    const cJSON *am = cJSON_GetObjectItemCaseSensitive(o, "amount");
    if (cJSON_IsObject(am)) {
        r->amount.present = 1;
        r->amount.value = numv(am, "value", 0);
        currency(str(am, "currency"), r->amount.currency);
        r->amount.usd = numv(am, "usd", -1);
        r->amount.usd_source = str(am, "usd_source");
        r->amount.rate = numv(am, "rate", 0);
        r->amount.rate_date = str(am, "rate_month");
        r->amount.text = str(am, "text");
    }
    r->dead = numv(o, "dead", -1);
    r->injured = numv(o, "injured", -1);
    r->arrested = numv(o, "arrested", -1);
    r->size = numv(o, "size", -1);
    r->displaced = numv(o, "displaced", -1);
    r->counts_added = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "counts_added"));
    r->tally = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "tally"));
    r->evidence = str(o, "evidence");
    return 0;
}
