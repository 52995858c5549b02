/* ruletest.c: the rule-test runner (format in ruletest.h). */
#include "ruletest.h"

#include <stdlib.h>
#include <string.h>

/* Copies with truncation (the fields have fixed sizes; a longer value is the test's error). */
static void cp(char *dst, size_t cap, const char *src) {
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

typedef struct expect {
    char src[32], code[8], tgt[32], date[16], mode[16], amount[48], place[64], attr[32];
    double dead, arrested;   /* count_ok: -1 not checked, -2 none */
    int tally;               /* -1 not checked, else 0 or 1 */
    int line;
} expect;

typedef struct tcase {
    char id[128];
    char sentence[4096];
    expect ex[16];
    int nex, none, more, line;
} tcase;

typedef struct got { dyad_record r[64]; int n; } got;

static int collect(void *ud, const dyad_record *r) {
    got *g = ud;
    if (r->type == DYAD_REC_EVENT && g->n < 64) g->r[g->n++] = *r;
    return 0;
}

static int actor_ok(const char *want, const dyad_actor *a) {
    if (!strcmp(want, "-")) return 1;
    if (!strcmp(want, "none")) return !a->code && !a->text;
    if (a->country && !strcmp(a->country, want)) return 1;
    if (a->org && !strcmp(a->org, want)) return 1;
    return a->code && !strncmp(a->code, want, strlen(want));
}

static int code_ok(const char *want, const char *code) {
    size_t n = strlen(want);
    if (n && want[n - 1] == '*') return !strncmp(code, want, n - 1);
    return !strcmp(code, want);
}

/* An expected count of people: -1 not checked, -2 none at all ("dead=-"), else that number. */
static int count_ok(double want, double got) {
    return want == -2 ? got < 0 : want < 0 || got == want;
}

static int match(const expect *e, const dyad_record *r) {
    if (!actor_ok(e->src, &r->source) || !actor_ok(e->tgt, &r->target) || !code_ok(e->code, r->cameo)) return 0;
    if (e->date[0] && (!r->date || strcmp(e->date, r->date))) return 0;
    if (e->mode[0] && strcmp(e->mode, r->mode)) return 0;
    if (!strcmp(e->place, "-")) { if (r->location) return 0; }   /* place=-: no place */
    else if (e->place[0] && (!r->location || strcmp(e->place, r->location))) return 0;
    if (e->attr[0] && !actor_ok(e->attr, &r->attribution)) return 0;   /* attr=none: no one */
    if (!count_ok(e->dead, r->dead) || !count_ok(e->arrested, r->arrested)) return 0;
    if (e->tally >= 0 && r->tally != e->tally) return 0;
    if (e->amount[0]) {
        char cur[8] = {0};
        const char *colon = strchr(e->amount, ':');
        if (!colon || !r->amount.present) return 0;
        double v = atof(e->amount);
        cp(cur, sizeof cur, colon + 1);
        if (strcmp(cur, r->amount.currency)) return 0;
        double diff = v - r->amount.value;
        if (diff < 0) diff = -diff;
        if (diff > 0.02 * (v < 0 ? -v : v)) return 0;
    }
    return 1;
}

static void describe(FILE *out, const dyad_record *r) {
    fprintf(out, "    got: %s %s %s mode=%s date=%s%s%s", r->source.code ? r->source.code : "-", r->cameo,
            r->target.code ? r->target.code : "-", r->mode, r->date ? r->date : "-",
            r->location ? " place=" : "", r->location ? r->location : "");
    if (r->attribution.code || r->attribution.text)
        fprintf(out, " attr=%s", r->attribution.code ? r->attribution.code : r->attribution.text);
    if (r->dead >= 0) fprintf(out, " dead=%g", r->dead);
    if (r->arrested >= 0) fprintf(out, " arrested=%g", r->arrested);
    if (r->tally) fputs(" tally=yes", out);
    fputc('\n', out);
}

/* Copies a case's text, turning each "\n" into a line break (a dateline, then its story). */
static void unescape_lines(char *dst, size_t cap, const char *src) {
    size_t k = 0;
    for (size_t i = 0; src[i] && k + 1 < cap; i++) {
        if (src[i] == '\\' && src[i + 1] == 'n') { dst[k++] = '\n'; i++; }
        else dst[k++] = src[i];
    }
    dst[k] = 0;
}

static int run_case(dyad_coder *coder, const tcase *tc, const char *date, const char *path, int verbose, FILE *out) {
    got g;
    g.n = 0;
    dyad_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = tc->id;
    doc.text = tc->sentence;
    doc.len = strlen(tc->sentence);
    doc.date = date[0] && strcmp(date, "-") ? date : NULL;
    if (dyad_coder_code(coder, &doc, collect, &g) != DYAD_OK) {
        fprintf(out, "FAIL %s (%s:%d): %s\n", tc->id, path, tc->line, dyad_coder_errmsg(coder));
        return 0;
    }
    int used[64] = {0}, ok = 1;
    for (int i = 0; i < tc->nex; i++) {
        int hit = -1;
        for (int j = 0; j < g.n && hit < 0; j++) if (!used[j] && match(&tc->ex[i], &g.r[j])) hit = j;
        if (hit < 0) {
            if (ok) fprintf(out, "FAIL %s (%s:%d): %s\n", tc->id, path, tc->line, tc->sentence);
            fprintf(out, "    missing (line %d): %s %s %s%s%s%s%s\n", tc->ex[i].line, tc->ex[i].src, tc->ex[i].code, tc->ex[i].tgt,
                    tc->ex[i].date[0] ? " date=" : "", tc->ex[i].date, tc->ex[i].mode[0] ? " mode=" : "", tc->ex[i].mode);
            ok = 0;
        } else used[hit] = 1;
    }
    if (!tc->more) {
        for (int j = 0; j < g.n; j++) {
            if (used[j]) continue;
            if (ok) fprintf(out, "FAIL %s (%s:%d): %s\n", tc->id, path, tc->line, tc->sentence);
            fprintf(out, "    unexpected:\n");
            describe(out, &g.r[j]);
            ok = 0;
        }
    }
    if (!ok) for (int j = 0; j < g.n; j++) if (used[j]) describe(out, &g.r[j]);
    if (ok && verbose) fprintf(out, "ok   %s\n", tc->id);
    return ok;
}

static int parse_expect(const char *line, expect *e) {
    memset(e, 0, sizeof *e);
    e->dead = e->arrested = -1;
    e->tally = -1;
    char buf[512];
    cp(buf, sizeof buf, line);
    char *save = NULL;
    char *f = strtok_r(buf, " \t", &save);
    int k = 0;
    while (f) {
        if (k == 0) cp(e->src, sizeof e->src, f);
        else if (k == 1) cp(e->code, sizeof e->code, f);
        else if (k == 2) cp(e->tgt, sizeof e->tgt, f);
        else if (!strncmp(f, "date=", 5)) cp(e->date, sizeof e->date, f + 5);
        else if (!strncmp(f, "mode=", 5)) cp(e->mode, sizeof e->mode, f + 5);
        else if (!strncmp(f, "amount=", 7)) cp(e->amount, sizeof e->amount, f + 7);
        else if (!strncmp(f, "attr=", 5)) cp(e->attr, sizeof e->attr, f + 5);
        else if (!strncmp(f, "dead=", 5) || !strncmp(f, "arrested=", 9)) {
            char *end = NULL;
            const char *val = strchr(f, '=') + 1;
            double v = strcmp(val, "-") ? strtod(val, &end) : -2;   /* "dead=-": no count at all */
            if (v != -2 && (!end || *end || v < 0)) return -1;
            if (f[0] == 'd') e->dead = v;
            else e->arrested = v;
        }
        else if (!strcmp(f, "tally=yes") || !strcmp(f, "tally=no")) e->tally = f[6] == 'y';
        else if (!strncmp(f, "place=", 6)) {
            cp(e->place, sizeof e->place, f + 6);
            for (char *p = e->place; *p; p++) if (*p == '_') *p = ' ';
        } else return -1;
        k++;
        f = strtok_r(NULL, " \t", &save);
    }
    return k >= 3 ? 0 : -1;
}

int dyad_ruletest_run(const char *path, const char *const *dict_paths, size_t ndict, int verbose,
                      FILE *out, dyad_ruletest_result *res) {
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(out, "dyad test: %s: cannot open\n", path); return -1; }
    /* first pass: %dict lines */
    const char *paths[16];
    char extra[8][1024];
    size_t np = 0;
    for (size_t i = 0; i < ndict && np < 8; i++) paths[np++] = dict_paths[i];
    char line[8192];
    size_t nextra = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "%dict ", 6) || nextra >= 8) continue;
        line[strcspn(line, "\r\n")] = 0;
        const char *slash = strrchr(path, '/');
        int dl = slash ? (int)(slash - path) : 1;
        if ((size_t)dl + strlen(line + 6) + 2 > sizeof extra[nextra]) continue;
        memcpy(extra[nextra], slash ? path : ".", (size_t)dl);
        extra[nextra][dl] = '/';
        strcpy(extra[nextra] + dl + 1, line + 6);
        paths[np++] = extra[nextra++];
    }
    rewind(f);
    dyad_dict *d = NULL;
    if (dyad_dict_load(&d, paths, np, NULL) != DYAD_OK) {
        fprintf(out, "dyad test: %s\n", dyad_dict_errmsg(d));
        dyad_dict_free(d);
        fclose(f);
        return -1;
    }
    dyad_coder *coder = NULL;
    if (dyad_coder_new(&coder, d, NULL) != DYAD_OK) { dyad_dict_free(d); fclose(f); return -1; }
    char date[16] = "";
    tcase *tc = calloc(1, sizeof *tc);
    int in_case = 0, lineno = 0, rc = 0;
    if (!tc) { rc = -1; goto done; }
    for (;;) {
        char *got_line = fgets(line, sizeof line, f);
        if (got_line) { lineno++; line[strcspn(line, "\r\n")] = 0; }
        int end_case = !got_line || !line[0] || !strncmp(line, "##", 2);
        if (in_case && end_case) {
            if (!tc->sentence[0]) { fprintf(out, "%s:%d: case %s has no sentence\n", path, tc->line, tc->id); res->failed++; }
            else if (!tc->nex && !tc->none && !tc->more) { fprintf(out, "%s:%d: case %s lists no events (write \"none\")\n", path, tc->line, tc->id); res->failed++; }
            else if (run_case(coder, tc, date, path, verbose, out)) res->passed++;
            else res->failed++;
            in_case = 0;
        }
        if (!got_line) break;
        if (!line[0]) continue;
        if (!strncmp(line, "##", 2)) {
            memset(tc, 0, sizeof *tc);
            const char *p = line + 2;
            while (*p == ' ') p++;
            snprintf(tc->id, sizeof tc->id, "%.*s", (int)strcspn(p, " \t"), p);
            tc->line = lineno;
            in_case = 1;
            continue;
        }
        if (line[0] == '#') continue;
        if (!strncmp(line, "%date ", 6)) { cp(date, sizeof date, line + 6); continue; }
        if (!strncmp(line, "%dict ", 6)) continue;
        if (!in_case) { fprintf(out, "%s:%d: text outside a case (start one with ##)\n", path, lineno); res->failed++; continue; }
        if (!tc->sentence[0]) { unescape_lines(tc->sentence, sizeof tc->sentence, line); continue; }
        if (!strcmp(line, "none")) { tc->none = 1; continue; }
        if (!strcmp(line, "...")) { tc->more = 1; continue; }
        if (tc->nex >= 16 || parse_expect(line, &tc->ex[tc->nex])) {
            fprintf(out, "%s:%d: bad expected event (SOURCE CAMEO TARGET [key=value...])\n", path, lineno);
            res->failed++;
            in_case = 0;
            continue;
        }
        tc->ex[tc->nex++].line = lineno;
    }
done:
    free(tc);
    dyad_coder_free(coder);
    dyad_dict_free(d);
    fclose(f);
    return rc;
}
