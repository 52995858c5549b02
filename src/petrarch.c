/* petrarch.c: TABARI / PETRARCH2 dictionaries to dyad dictionary text (see petrarch.h). */
#include "petrarch.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { PK_ACTORS = 1, PK_AGENTS, PK_VERBS, PK_DISCARDS };

typedef struct strv { char **v; size_t n, cap; } strv;

typedef struct synset { char *name; strv mem; } synset;

typedef struct ictx {
    FILE *actors, *agents, *verbs, *cameo;
    strv known, added;          /* CAMEO codes of cameo_path; codes added to cameo-petrarch.txt */
    synset *sets;
    size_t nsets, csets;
    strv subst_names;           /* agents' !NAME! substitutions: name, then its members joined by \x1f */
    strv subst_vals;
    const char *file;
    int line;
    int written, oom;
    /* what could not be expressed */
    int a_nocode, a_null, a_multi, a_prefix, a_codes;
    int g_long, g_bad;
    int v_pre, v_recv, v_tgtpre, v_src, v_compound, v_noverb, v_badcode, v_nullcode, v_paired, v_set, v_prefixverb,
        v_badword, v_patterns, v_verbs, v_gap;
    int discards;
    dyad_diag_fn diag;
    void *ud;
    char *err;
    size_t errlen;
} ictx;

static void say(ictx *c, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void say(ictx *c, const char *file, int line, const char *fmt, ...) {
    if (!c->diag) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->diag(c->ud, file, line, msg);
}

static int sv_push(ictx *c, strv *s, const char *x, size_t n) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v) { c->oom = 1; return -1; }
        s->v = v;
        s->cap = cap;
    }
    char *d = malloc(n + 1);
    if (!d) { c->oom = 1; return -1; }
    memcpy(d, x, n);
    d[n] = 0;
    s->v[s->n++] = d;
    return 0;
}

static void sv_free(strv *s) {
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

static int sv_has(const strv *s, const char *x) {
    for (size_t i = 0; i < s->n; i++) if (!strcmp(s->v[i], x)) return 1;
    return 0;
}

/* ---- lines ---------------------------------------------------------------------------------- */

/* Drops <!-- ... --> comments (over several lines too) and # comments; trims the right end.
 * Returns 1 when something is left. *indent: the line began with white space. */
static int clean_line(char *s, int *in_xml, int *indent) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = 0;
    if (*in_xml) {
        char *e = strstr(s, "-->");
        if (!e) { s[0] = 0; return 0; }
        *in_xml = 0;
        memmove(s, e + 3, strlen(e + 3) + 1);
    }
    char *x = strstr(s, "<!");
    if (x) {
        char *e = strstr(x, "-->");
        if (e) memmove(x, e + 3, strlen(e + 3) + 1);
        else { *x = 0; *in_xml = 1; }
    }
    char *h = strchr(s, '#');
    if (h) *h = 0;
    n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    *indent = s[0] == ' ' || s[0] == '\t';
    size_t i = 0;
    while (s[i] && isspace((unsigned char)s[i])) i++;
    return s[i] != 0;
}

static char *lskip(char *s) {
    while (*s && isspace((unsigned char)*s)) s++;
    return s;
}

/* A PETRARCH phrase (words joined by _ or spaces) as dyad writes it: lower case, single spaces. */
static void phrase(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '_' || isspace(ch)) { sp = k > 0; continue; }
        if (sp) { out[k++] = ' '; sp = 0; }
        out[k++] = (char)tolower(ch);
    }
    out[k] = 0;
}

/* ---- dates ---------------------------------------------------------------------------------- */

static int mdays(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0)) return 29;
    return d[m - 1];
}

/* YYMMDD or YYYYMMDD at *p, moved by shift days (-1, 0, 1), as YYYY-MM-DD; 0 if malformed. */
static int pdate(const char **p, int shift, char out[16]) {
    const char *s = *p;
    size_t n = 0;
    while (isdigit((unsigned char)s[n])) n++;
    if (n != 6 && n != 8) return 0;
    int v[8];
    for (size_t i = 0; i < n; i++) v[i] = s[i] - '0';
    int y, o = 0;
    if (n == 6) { y = v[0] * 10 + v[1]; y += y >= 30 ? 1900 : 2000; o = 2; }
    else y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], o = 4;
    int m = v[o] * 10 + v[o + 1], d = v[o + 2] * 10 + v[o + 3];
    if (m < 1 || m > 12 || d < 1 || d > mdays(y, m)) return 0;
    d += shift;
    if (d < 1) { if (--m < 1) { m = 12; y--; } d = mdays(y, m); }
    else if (d > mdays(y, m)) { d = 1; if (++m > 12) { m = 1; y++; } }
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
    *p = s + n;
    return 1;
}

/* ---- actors --------------------------------------------------------------------------------- */

typedef struct acode { char code[32], from[16], until[16], also[64]; } acode;

typedef struct actor { strv names; acode codes[16]; int ncodes; int line; } actor;

static void actor_flush(ictx *c, actor *a) {
    if (a->names.n) {
        if (!a->ncodes) { c->a_nocode++; say(c, c->file, a->line, "actor '%s' has no code: not converted", a->names.v[0]); }
        for (int i = 0; i < a->ncodes; i++) {
            const acode *k = &a->codes[i];
            for (size_t j = 0; j < a->names.n; j++) fprintf(c->actors, "%s%s", j ? " | " : "", a->names.v[j]);
            size_t cl = strlen(k->code);
            int letters = 1;
            for (size_t j = 0; j < cl; j++) if (!isupper((unsigned char)k->code[j])) letters = 0;
            if (letters && cl == 3) fprintf(c->actors, "\ttype=country country=%s", k->code);
            else if (letters && cl == 6) fprintf(c->actors, "\ttype=country country=%.3s sector=%s", k->code, k->code + 3);
            else fprintf(c->actors, "\ttype=country org=%s", k->code);   /* the code as given: ---, PSEREBHMS */
            if (k->also[0]) fprintf(c->actors, " also=%s", k->also);
            if (k->from[0]) fprintf(c->actors, " from=%s", k->from);
            if (k->until[0]) fprintf(c->actors, " until=%s", k->until);
            fputc('\n', c->actors);
            c->written++;
            c->a_codes++;
        }
    }
    sv_free(&a->names);
    a->ncodes = 0;
}

/* Reads every [CODE dates] on the line into a. Returns -1 on a malformed bracket. */
static int actor_codes(ictx *c, actor *a, const char *s) {
    const char *b;
    while ((b = strchr(s, '['))) {
        const char *e = strchr(b, ']');
        if (!e) {
            snprintf(c->err, c->errlen, "%s:%d: '[' without ']'", c->file, c->line);
            return -1;
        }
        const char *p = b + 1;
        while (p < e && isspace((unsigned char)*p)) p++;
        acode k;
        memset(&k, 0, sizeof k);
        size_t n = 0;
        /* the code runs to white space or < >; a code of digits alone is a date ([950601-990815]) */
        const char *q = p;
        while (q < e && !isspace((unsigned char)*q) && *q != '<' && *q != '>') q++;
        int digits = q > p && isdigit((unsigned char)*p);
        for (const char *x = p; x < q; x++) if (!isdigit((unsigned char)*x) && *x != '-') digits = 0;
        while (!digits && p < q && n + 1 < sizeof k.code) k.code[n++] = (char)toupper((unsigned char)*p++);
        p = q;
        if (digits) p = b + 1;
        /* [FRO/BIL/SAM]: the phrase names all of them (the first, and also= the others) */
        char *slash = strchr(k.code, '/');
        if (slash) {
            *slash = 0;
            c->a_multi++;
            for (char *q = slash + 1; *q && strlen(k.also) + 1 < sizeof k.also; q++) {
                size_t l = strlen(k.also);
                k.also[l] = *q == '/' ? ',' : *q;
                k.also[l + 1] = 0;
            }
        }
        while (p < e && isspace((unsigned char)*p)) p++;
        int ok = 1;
        if (p < e) {
            if (*p == '<') { p = lskip((char *)p + 1); ok = pdate(&p, -1, k.until); }
            else if (*p == '>') { p = lskip((char *)p + 1); ok = pdate(&p, 1, k.from); }
            else {
                ok = pdate(&p, 0, k.from);
                p = lskip((char *)p);
                if (ok && *p == '-') { p = lskip((char *)p + 1); ok = pdate(&p, 0, k.until); }
                else ok = 0;
            }
            p = lskip((char *)p);
            if (p != e) ok = 0;
        }
        if (!ok) {
            say(c, c->file, c->line, "cannot read the date restriction in '%.*s': code skipped", (int)(e - b + 1), b);
            c->a_null++;
        } else if (!k.code[0] || !strcmp(k.code, "+++") || !strcmp(k.code, "###")) {
            c->a_null++;
        } else if (a->ncodes < 16) {
            a->codes[a->ncodes++] = k;
        }
        s = e + 1;
    }
    return 0;
}

static int actor_name(ictx *c, actor *a, const char *s) {
    const char *b = strchr(s, '[');
    size_t n = b ? (size_t)(b - s) : strlen(s);
    char ph[512];
    phrase(s, n, ph, sizeof ph);
    if (!ph[0]) return 0;
    if (!a->names.n) a->line = c->line;
    return sv_push(c, &a->names, ph, strlen(ph));
}

static int do_actors(ictx *c, FILE *f) {
    actor a;
    memset(&a, 0, sizeof a);
    char *buf = NULL;
    size_t cap = 0;
    int in_xml = 0, indent, rc = 0;
    while (getline(&buf, &cap, f) > 0) {
        c->line++;
        if (!clean_line(buf, &in_xml, &indent)) continue;
        char *s = lskip(buf);
        if (indent && *s == '[') { if (!a.names.n) continue; if (actor_codes(c, &a, s)) { rc = DYAD_EDICT; break; } continue; }
        if (*s == '+') {
            if (!a.names.n) continue;
            if (actor_name(c, &a, s + 1) || actor_codes(c, &a, s)) { rc = c->oom ? DYAD_ENOMEM : DYAD_EDICT; break; }
            continue;
        }
        actor_flush(c, &a);
        if (actor_name(c, &a, s) || actor_codes(c, &a, s)) { rc = c->oom ? DYAD_ENOMEM : DYAD_EDICT; break; }
    }
    if (!rc) actor_flush(c, &a);
    sv_free(&a.names);
    free(buf);
    return rc;
}

/* ---- agents --------------------------------------------------------------------------------- */

/* Writes the phrase with each !NAME! substitution expanded (one phrase per member). */
static void agent_expand(ictx *c, const char *ph, int *first) {
    const char *x = strchr(ph, '!');
    const char *y = x ? strchr(x + 1, '!') : NULL;
    if (!x || !y) {
        char out[512];
        phrase(ph, strlen(ph), out, sizeof out);
        if (out[0]) { fprintf(c->agents, "%s%s", *first ? "" : " | ", out); *first = 0; }
        return;
    }
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(y - x - 1), x + 1);
    for (size_t i = 0; i < c->subst_names.n; i++) {
        if (strcmp(c->subst_names.v[i], name)) continue;
        const char *m = c->subst_vals.v[i];
        while (*m) {
            const char *e = strchr(m, ',');
            size_t ml = e ? (size_t)(e - m) : strlen(m);
            char buf[512];
            /* the marker joins without a space ("CONGRESS!PERSON!": congressman) */
            snprintf(buf, sizeof buf, "%.*s%.*s%s", (int)(x - ph), ph, (int)ml, m, y + 1);
            agent_expand(c, buf, first);
            m += ml;
            if (*m == ',') m++;
        }
        return;
    }
    say(c, c->file, c->line, "unknown substitution !%s!", name);
}

static int do_agents(ictx *c, FILE *f) {
    char *buf = NULL;
    size_t cap = 0;
    int in_xml = 0, indent, rc = 0;
    while (getline(&buf, &cap, f) > 0) {
        c->line++;
        if (!clean_line(buf, &in_xml, &indent)) continue;
        char *s = lskip(buf);
        char *eq = strchr(s, '=');
        if (s[0] == '!' && eq) {
            char *x = strchr(s + 1, '!');
            if (!x || x > eq) { c->g_bad++; continue; }
            char vals[512];
            size_t k = 0;
            for (char *p = eq + 1; *p && k + 1 < sizeof vals; p++)
                if (!isspace((unsigned char)*p)) vals[k++] = *p;
            vals[k] = 0;
            if (sv_push(c, &c->subst_names, s + 1, (size_t)(x - s - 1)) || sv_push(c, &c->subst_vals, vals, k)) { rc = DYAD_ENOMEM; break; }
            continue;
        }
        char *b = strchr(s, '['), *e = b ? strchr(b, ']') : NULL;
        if (!b || !e) { c->g_bad++; say(c, c->file, c->line, "agent without [CODE]: not converted"); continue; }
        char code[32];
        size_t k = 0;
        int after = 1;   /* [~GOV]: the agent's code goes after the actor's; [NGO~] before it */
        for (char *p = b + 1; p < e && k + 1 < sizeof code; p++) {
            if (isalpha((unsigned char)*p)) code[k++] = (char)toupper((unsigned char)*p);
            else if (*p == '~' && k) after = 0;
        }
        code[k] = 0;
        if (k < 3) { c->g_bad++; say(c, c->file, c->line, "agent code '%.*s' has no sector", (int)(e - b + 1), b); continue; }
        if (k > 3) c->g_long++;
        char *br = strchr(s, '{');
        char main_ph[512];
        size_t ml = (size_t)((br && br < b ? br : b) - s);
        snprintf(main_ph, sizeof main_ph, "%.*s", (int)ml, s);
        int first = 1;
        agent_expand(c, main_ph, &first);
        if (br && br < b) {
            char *be = strchr(br, '}');
            if (be && be < b) {
                char *p = br + 1;
                while (p < be) {
                    while (p < be && isspace((unsigned char)*p)) p++;
                    char *q = p;
                    while (q < be && !isspace((unsigned char)*q)) q++;
                    if (q > p) {
                        char pl[256];
                        snprintf(pl, sizeof pl, "%.*s", (int)(q - p), *p == '+' ? p + 1 : p);
                        agent_expand(c, pl, &first);
                    }
                    p = q;
                }
            }
        }
        if (first) continue;
        /* the sector is the first three letters: dyad's sectors are three capital letters; the
         * whole code, with its ~, is what PETRARCH's codes are composed from (code.c) */
        /* {...}: the plurals PETRARCH may use are those written, none when empty ("POLICE {}") */
        fprintf(c->agents, "\tsector=%.3s code=%s%s%s%s\n", code, after ? "~" : "", code, after ? "" : "~",
                br && br < b ? " plural=no" : "");
        c->written++;
    }
    free(buf);
    return rc;
}

/* ---- verbs ---------------------------------------------------------------------------------- */

static synset *find_set(ictx *c, const char *name) {
    for (size_t i = 0; i < c->nsets; i++) if (!strcmp(c->sets[i].name, name)) return &c->sets[i];
    return NULL;
}

/* &NAME_ as a set name: lower case, no trailing _ */
static void set_name(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isalnum(ch)) out[k++] = (char)tolower(ch);
        else if (ch == '_' || ch == '-') out[k++] = '_';
        else break;
    }
    while (k && out[k - 1] == '_') k--;
    out[k] = 0;
}

static void set_close(ictx *c, synset **cur) {
    synset *s = *cur;
    *cur = NULL;
    if (!s || !s->mem.n) return;
    fprintf(c->verbs, "@%s = ", s->name);
    for (size_t i = 0; i < s->mem.n; i++) fprintf(c->verbs, "%s%s", i ? " | " : "", s->mem.v[i]);
    fputc('\n', c->verbs);
    c->written++;
}

static int code_known(ictx *c, const char *code) {
    if (sv_has(&c->known, code) || sv_has(&c->added, code)) return 1;
    if (sv_push(c, &c->added, code, strlen(code))) return -1;
    fprintf(c->cameo, "%s\t0\t-\t-\t-\t-\tPETRARCH dictionary code (not in CAMEO)\n", code);
    return 1;
}

/* The code at p, before e: 2 to 4 digits, after 3 or 4 of them a capital letter ("174K"), and a
 * trailing '?' (PETRARCH's doubt: "023?") allowed; its length, 0 if malformed. *end: after it. */
static size_t code_digits(const char *p, const char *e, const char **end) {
    size_t n = 0;
    while (p + n < e && isdigit((unsigned char)p[n])) n++;
    if (n >= 3 && n <= 4 && p + n < e && isupper((unsigned char)p[n])) {
        n++;
        if (p + n < e && isalnum((unsigned char)p[n])) n = 0;
    }
    const char *q = p + n;
    if (q < e && *q == '?') q++;
    while (q < e && isspace((unsigned char)*q)) q++;
    *end = q;
    size_t digits = n && isupper((unsigned char)p[n - 1]) ? n - 1 : n;
    return digits >= 2 && digits <= 4 ? n : 0;
}

/* [064], [032:033], [---]: the code, or "" with the reason counted. [A:B] is A, and B the code
 * of the target's act back to the source (rev, "" when there is none). */
static int event_code(ictx *c, const char *b, const char *e, char out[8], char rev[8]) {
    out[0] = rev[0] = 0;
    const char *p = b + 1;
    while (p < e && isspace((unsigned char)*p)) p++;
    if (p < e && *p == '-') { c->v_nullcode++; return 0; }
    const char *q;
    size_t n = code_digits(p, e, &q);
    if (n && q < e && *q == ':') {
        const char *r = q + 1, *t;
        while (r < e && isspace((unsigned char)*r)) r++;
        size_t m = code_digits(r, e, &t);
        if (!m || t != e) { c->v_badcode++; return 0; }
        memcpy(rev, r, m);
        rev[m] = 0;
        if (code_known(c, rev) < 0) return -1;
        if (strncmp(rev, p, n) || m != n) c->v_paired++;
        q = e;
    }
    if (!n || q != e) { c->v_badcode++; rev[0] = 0; return 0; }
    memcpy(out, p, n);
    out[n] = 0;
    return code_known(c, out) < 0 ? -1 : 1;
}

/* The flags a paired code gives: [A:A] is symmetric, and both say what the target does back. */
static const char *pair_flags(const char *code, const char *rev, int among, int recv, char *buf, size_t cap) {
    if (!rev[0] && !among && !recv) return "";
    snprintf(buf, cap, "\t%s%s%s%s", recv ? "recv " : "", among ? "among " : "",
             !rev[0] ? "" : strcmp(code, rev) ? "rev=" : "sym rev=", rev);
    size_t n = strlen(buf);
    if (n && buf[n - 1] == ' ') buf[n - 1] = 0;
    return buf;
}

typedef struct verb { char lemma[64], extra[256], pre[256]; } verb;

/* Splits a pattern (text between - and [) into tokens: spaces and _ separate; * + $ % ^ alone.
 * adj[k]: an _ joins token k to the one before it (PETRARCH: the two stand side by side). */
static int ptokens(const char *s, size_t n, char toks[][64], int *adj, int max) {
    int k = 0, joined = 0;
    size_t i = 0;
    while (i < n && k < max) {
        while (i < n && (isspace((unsigned char)s[i]) || s[i] == '_')) joined |= s[i++] == '_';
        if (i >= n) break;
        adj[k] = joined && k > 0;
        joined = 0;
        if (strchr("*+$%^", s[i])) { toks[k][0] = s[i]; toks[k][1] = 0; k++; i++; continue; }
        size_t j = i;
        while (j < n && !isspace((unsigned char)s[j]) && s[j] != '_' && !strchr("*+$%^", s[j])) j++;
        snprintf(toks[k], 64, "%.*s", (int)(j - i), s + i);
        k++;
        i = j;
    }
    return k;
}

/* One word of a pattern as dyad elements: lower case, punctuation as its own element ("n't"
 * stays one). A plain word is written =word: PETRARCH matches the spelling, not its plural. */
static void pword(const char *w, char *out, size_t cap) {
    size_t k = strlen(out);
    int plain = 1;
    for (const char *p = w; *p; p++) if (!isalpha((unsigned char)*p)) plain = 0;
    if (!strcasecmp(w, "n't") || plain) {
        snprintf(out + k, cap - k, "%s%s", plain ? "=" : "", w);
        for (char *p = out + k; *p; p++) *p = (char)tolower((unsigned char)*p);
        return;
    }
    int prev_alnum = 0;
    for (const char *p = w; *p && k + 3 < cap; p++) {
        int an = isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80;
        if (k && (!an || !prev_alnum) && out[k - 1] != ' ') out[k++] = ' ';
        out[k++] = (char)tolower((unsigned char)*p);
        prev_alnum = an;
    }
    out[k] = 0;
}

/* Appends one pattern token t as a dyad element, joined by '_' when adj. 0, or the counter of
 * what cannot be expressed. */
static int *pelem(ictx *c, const char *t, int adj, char *out, size_t cap) {
    size_t k = strlen(out);
    if (k) snprintf(out + k, cap - k, "%s", adj ? "_" : " ");
    k = strlen(out);
    if (!strcmp(t, "^")) { snprintf(out + k, cap - k, "?"); c->v_gap++; return NULL; }
    if (!strcmp(t, "%")) { snprintf(out + k, cap - k, "+"); c->v_compound++; return NULL; }   /* a compound target */
    if (!strcmp(t, "*")) return &c->v_noverb;
    if (!strcmp(t, "+")) { snprintf(out + k, cap - k, "+"); return NULL; }
    if (t[0] == '&') {
        char nm[64];
        set_name(t + 1, strlen(t + 1), nm, sizeof nm);
        if (!find_set(c, nm)) return &c->v_set;
        snprintf(out + k, cap - k, "@%s", nm);
        return NULL;
    }
    pword(t, out, cap);
    return NULL;
}

static int do_pattern(ictx *c, const char *s, const verb *vs, int nv) {
    c->v_patterns++;
    const char *b = strrchr(s, '[');
    const char *e = b ? strchr(b, ']') : NULL;
    if (!b || !e) { c->v_badcode++; return 0; }   /* [###]: cut by the # comment */
    /* a second [..] on the line: take the first */
    const char *b1 = strchr(s, '[');
    if (b1 != b) { b = b1; e = strchr(b, ']'); }
    char code[8], rev[8], fl[32];
    int r = event_code(c, b, e, code, rev);
    if (r < 0) return -1;
    if (!r) return 0;
    char toks[32][64];
    int adj[32];
    int nt = ptokens(s, (size_t)(b - s), toks, adj, 32);
    int star = -1;
    for (int i = 0; i < nt; i++) if (!strcmp(toks[i], "*")) { star = i; break; }
    if (star < 0) { c->v_noverb++; return 0; }
    /* words before the verb: elements before dyad's '*'; the source ($) is the subject anyway */
    char pre[1024] = "";
    int among = 0;   /* % before the verb: a compound subject, its members acting on one another */
    /* + before the verb and $ after it ("+ * MONEY $"): the subject receives, dyad's recv */
    int tgt_before = 0, src_after = 0;
    for (int i = 0; i < nt; i++) {
        if (i < star && !strcmp(toks[i], "+")) tgt_before = 1;
        if (i > star && !strcmp(toks[i], "$")) src_after = 1;
    }
    int recv = tgt_before && src_after;
    if (recv) c->v_recv++;
    for (int i = 0; i < star; i++) {
        if (!strcmp(toks[i], "$")) continue;
        if (!strcmp(toks[i], "%")) { among = 1; c->v_compound++; continue; }
        if (!strcmp(toks[i], "+")) { if (recv) continue; c->v_tgtpre++; return 0; }
        int *bad = pelem(c, toks[i], adj[i] && pre[0], pre, sizeof pre);
        if (bad) { (*bad)++; return 0; }
        c->v_pre++;
    }
    int vadj = star < nt && adj[star] && pre[0];
    char elems[1024] = "";
    for (int i = star + 1; i < nt; i++) {
        if (!strcmp(toks[i], "$")) { if (recv) continue; c->v_src++; return 0; }
        int *bad = pelem(c, toks[i], adj[i] && (elems[0] || i == star + 1), elems, sizeof elems);
        if (bad) { (*bad)++; return 0; }
    }
    /* an _ right after the verb: the first element stands next to it */
    const char *after = elems[0] == '_' ? "" : " ";
    for (int i = 0; i < nv; i++) {
        char head[1400];
        if (pre[0] || vs[i].pre[0])
            snprintf(head, sizeof head, "%s%s%s*%s", pre, pre[0] ? (vadj && !vs[i].pre[0] ? "_" : " ") : "", vs[i].pre, vs[i].lemma);
        else snprintf(head, sizeof head, "%s", vs[i].lemma);
        fprintf(c->verbs, "%s\t%s%s%s%s%s\n", code, head, vs[i].extra,
                elems[0] ? after : "", elems, pair_flags(code, rev, among, recv, fl, sizeof fl));
        c->written++;
    }
    return 0;
}

/* A verb line of a block: VERB {FORMS} [CODE], +MULTI_WORD {...}, WIRE_+TAP. */
static int do_verb(ictx *c, const char *s, const char *block_code, const char *block_rev, verb *vs, int *nv) {
    c->v_verbs++;
    if (*s == '+') s++;
    const char *end = s;
    while (*end && *end != '{' && *end != '[') end++;
    verb v;
    memset(&v, 0, sizeof v);
    const char *plus = memchr(s, '+', (size_t)(end - s));
    if (plus) {   /* words before the verb (WIRE_+TAP): elements before dyad's '*' */
        char ptoks[16][64];
        int padj[16];
        int np = ptokens(s, (size_t)(plus - s), ptoks, padj, 16);
        for (int i = 0; i < np; i++) {
            if (!isalpha((unsigned char)ptoks[i][0])) { c->v_prefixverb++; return 0; }
            pelem(c, ptoks[i], padj[i], v.pre, sizeof v.pre);
        }
        size_t k = strlen(v.pre);
        if (k && k + 1 < sizeof v.pre) { v.pre[k] = plus > s && plus[-1] == '_' ? '_' : ' '; v.pre[k + 1] = 0; }
        s = plus + 1;
    }
    char toks[16][64];
    int adj[16];
    int nt = ptokens(s, (size_t)(end - s), toks, adj, 16);
    if (nt < 1) return 0;
    for (const char *p = toks[0]; *p; p++) {
        if (!isalpha((unsigned char)*p)) { c->v_badword++; return 0; }
    }
    size_t k = 0;
    for (const char *p = toks[0]; *p && k + 1 < sizeof v.lemma; p++) v.lemma[k++] = (char)tolower((unsigned char)*p);
    for (int i = 1; i < nt; i++) {   /* words after the verb, each with the separator before it */
        strncat(v.extra, adj[i] ? "_" : " ", sizeof v.extra - strlen(v.extra) - 1);
        pword(toks[i], v.extra, sizeof v.extra);
    }
    const char *cb = strchr(end, '[');
    const char *ce = cb ? strchr(cb, ']') : NULL;
    char code[8] = "", rev[8] = "", fl[32];
    if (cb && ce) { if (event_code(c, cb, ce, code, rev) < 0) return -1; }
    else { snprintf(code, sizeof code, "%s", block_code); snprintf(rev, sizeof rev, "%s", block_rev); }
    if (code[0]) {
        fprintf(c->verbs, "%s\t%s%s%s%s%s\n", code, v.pre, v.pre[0] ? "*" : "", v.lemma, v.extra, pair_flags(code, rev, 0, 0, fl, sizeof fl));
        c->written++;
    }
    if (*nv < 16) vs[(*nv)++] = v;
    return 0;
}

static int do_verbs(ictx *c, FILE *f) {
    char *buf = NULL;
    size_t cap = 0;
    int in_xml = 0, indent, rc = 0;
    synset *cur = NULL;
    verb vs[16];
    int nv = 0, in_block = 0;
    char block_code[8] = "";
    char block_rev[8] = "";
    while (getline(&buf, &cap, f) > 0) {
        c->line++;
        if (!clean_line(buf, &in_xml, &indent)) { set_close(c, &cur); continue; }
        char *s = lskip(buf);
        if (cur && *s == '+') {
            if (s[1] == '&') {
                char nm[64];
                set_name(s + 2, strlen(s + 2), nm, sizeof nm);
                synset *o = find_set(c, nm);
                if (!o || o == cur) { c->v_set++; continue; }
                for (size_t i = 0; i < o->mem.n; i++)
                    if (sv_push(c, &cur->mem, o->mem.v[i], strlen(o->mem.v[i]))) { rc = DYAD_ENOMEM; break; }
                if (rc) break;
                continue;
            }
            char ph[512];
            phrase(s + 1, strlen(s + 1), ph, sizeof ph);
            if (ph[0] && sv_push(c, &cur->mem, ph, strlen(ph))) { rc = DYAD_ENOMEM; break; }
            continue;
        }
        set_close(c, &cur);
        if (*s == '&') {
            char nm[64];
            set_name(s + 1, strlen(s + 1), nm, sizeof nm);
            if (!nm[0] || find_set(c, nm)) { say(c, c->file, c->line, "bad or repeated synset name"); continue; }
            if (c->nsets == c->csets) {
                size_t ncap = c->csets ? c->csets * 2 : 16;
                synset *v = realloc(c->sets, ncap * sizeof *v);
                if (!v) { rc = DYAD_ENOMEM; break; }
                c->sets = v;
                c->csets = ncap;
            }
            synset *ns = &c->sets[c->nsets];
            memset(ns, 0, sizeof *ns);
            ns->name = malloc(strlen(nm) + 1);
            if (!ns->name) { rc = DYAD_ENOMEM; break; }
            strcpy(ns->name, nm);
            c->nsets++;
            cur = ns;
            in_block = 0;
            continue;
        }
        if (!strncmp(s, "---", 3)) {
            const char *b = strchr(s + 3, '[');
            const char *e = b ? strchr(b, ']') : NULL;
            block_code[0] = 0;
            block_rev[0] = 0;
            if (b && e && event_code(c, b, e, block_code, block_rev) < 0) { rc = DYAD_ENOMEM; break; }
            nv = 0;
            in_block = 1;
            continue;
        }
        if (!in_block) { say(c, c->file, c->line, "line outside a --- VERB --- block: skipped"); continue; }
        if (*s == '-') { if (do_pattern(c, s + 1, vs, nv)) { rc = DYAD_ENOMEM; break; } continue; }
        if (do_verb(c, s, block_code, block_rev, vs, &nv)) { rc = DYAD_ENOMEM; break; }
    }
    if (!rc) set_close(c, &cur);
    free(buf);
    return rc;
}

/* ---- discards, kinds, driver ---------------------------------------------------------------- */

static int do_discards(ictx *c, FILE *f) {
    char *buf = NULL;
    size_t cap = 0;
    int in_xml = 0, indent;
    while (getline(&buf, &cap, f) > 0) {
        c->line++;
        if (clean_line(buf, &in_xml, &indent)) c->discards++;
    }
    free(buf);
    return 0;
}

static int kind_of(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[256];
    size_t i = 0;
    for (; base[i] && i + 1 < sizeof low; i++) low[i] = (char)tolower((unsigned char)base[i]);
    low[i] = 0;
    if (strstr(low, "verb")) return PK_VERBS;
    if (strstr(low, "agent")) return PK_AGENTS;
    if (strstr(low, "discard")) return PK_DISCARDS;
    if (strstr(low, "actor")) return PK_ACTORS;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char line[1024];
    int verbs = 0, agents = 0, codes = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "---", 3)) verbs++;
        if (strstr(line, "[~") || strstr(line, "~]")) agents++;
        if (strchr(line, '[')) codes++;
    }
    fclose(f);
    return verbs ? PK_VERBS : agents ? PK_AGENTS : codes ? PK_ACTORS : PK_DISCARDS;
}

static FILE *open_out(ictx *c, const char *dir, const char *name, const char *kind) {
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (!f) { snprintf(c->err, c->errlen, "%s: cannot write", p); return NULL; }
    if (kind) fprintf(f, "#! kind=%s\n# converted by dyad from PETRARCH / TABARI dictionaries: do not edit\n", kind);
    return f;
}

int dyad_dict_import_petrarch(const char *const *files, size_t nfiles, const char *cameo_path,
                              const char *out_dir, dyad_diag_fn diag, void *ud, char *err,
                              size_t errlen) {
    char dummy[8];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    err[0] = 0;
    if (!out_dir || (nfiles && !files)) { snprintf(err, errlen, "bad arguments"); return DYAD_EARG; }
    ictx c;
    memset(&c, 0, sizeof c);
    c.diag = diag;
    c.ud = ud;
    c.err = err;
    c.errlen = errlen;
    int rc = 0;
    char p[4096];
    snprintf(p, sizeof p, "%s/actors", out_dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/verbs", out_dir);
    mkdir(p, 0755);
    FILE *marker = NULL, *words = NULL;
    c.actors = open_out(&c, out_dir, "actors/petrarch.txt", "actors");
    c.agents = open_out(&c, out_dir, "agents.txt", "agents");
    c.verbs = open_out(&c, out_dir, "verbs/petrarch.txt", "verbs");
    c.cameo = open_out(&c, out_dir, "cameo-petrarch.txt", "cameo");
    words = open_out(&c, out_dir, "words-petrarch.txt", "words");
    marker = open_out(&c, out_dir, DYAD_PETRARCH_MARKER, NULL);
    if (!c.actors || !c.agents || !c.verbs || !c.cameo || !words || !marker) { rc = DYAD_EIO; goto done; }
    /* PETRARCH codes a verb pattern as the dictionary says: "will restore ties" and "is about to
     * restore ties" are 064, not an intent code. So dyad's CAMEO table is rewritten here with its
     * INTENT, REQUEST and REFUSE columns empty (load this instead of cameo.txt), and "about"
     * ("is about to V") joins dyad's ready words. */
    fputs("ready\tabout\n", words);
    if (cameo_path) {
        FILE *f = fopen(cameo_path, "rb");
        if (!f) { snprintf(err, errlen, "%s: cannot read", cameo_path); rc = DYAD_EIO; goto done; }
        char line[1024];
        while (fgets(line, sizeof line, f)) {
            size_t n = 0;
            while (isdigit((unsigned char)line[n])) n++;
            if (!n || line[n] != '\t') continue;
            char *fld[8];
            int nf = 0;
            line[strcspn(line, "\r\n")] = 0;
            for (char *p = line; nf < 8; ) {
                fld[nf++] = p;
                char *t = strchr(p, '\t');
                if (!t) break;
                *t = 0;
                p = t + 1;
                while (*p == '\t') p++;
            }
            if (nf != 7) continue;
            fprintf(c.cameo, "%s\t%s\t%s\t-\t-\t-\t%s\n", fld[0], fld[1], fld[2], fld[6]);
            if (sv_push(&c, &c.known, fld[0], strlen(fld[0]))) break;
        }
        fclose(f);
        if (c.oom) { rc = DYAD_ENOMEM; goto done; }
    }
    /* verbs last would leave sets undefined for nothing; order: actors, agents, verbs as given */
    for (int pass = PK_ACTORS; pass <= PK_DISCARDS && !rc; pass++) {
        for (size_t i = 0; i < nfiles && !rc; i++) {
            if (kind_of(files[i]) != pass) continue;
            FILE *f = fopen(files[i], "rb");
            if (!f) { snprintf(err, errlen, "%s: cannot read", files[i]); rc = DYAD_EIO; break; }
            fprintf(marker, "%s\n", files[i]);
            c.file = files[i];
            c.line = 0;
            rc = pass == PK_ACTORS ? do_actors(&c, f) : pass == PK_AGENTS ? do_agents(&c, f)
               : pass == PK_VERBS ? do_verbs(&c, f) : do_discards(&c, f);
            fclose(f);
        }
    }
    if (c.oom && !rc) rc = DYAD_ENOMEM;
    if (rc == DYAD_ENOMEM) snprintf(err, errlen, "out of memory");
    if (!rc) {
        say(&c, "petrarch import", 0, "actors: %d lines written; not converted: %d without a code, %d null or "
            "unreadable codes (+++ ###, bad dates); %d multiple codes A/B (A, also=B)",
            c.a_codes, c.a_nocode, c.a_null, c.a_multi);
        say(&c, "petrarch import", 0, "agents: %d codes longer than a sector (first 3 letters kept), %d lines not converted",
            c.g_long, c.g_bad);
        say(&c, "petrarch import", 0, "verbs: %zu synsets, %d verb lines, %d patterns (%d words before the verb, "
            "written before dyad's *; %d ^ skips as ?, any one word; %d compounds %%, as flag among before the verb, "
            "+ after it; %d + before and $ after the verb as flag recv); not expressible: %d with the target before the verb, %d with the source after the verb, "
            "%d without *, %d multi-word verbs with other than words before the verb, %d verbs not a plain word, "
            "%d unknown synsets; codes: %d not CAMEO-like (skipped), %d null [---] (skipped), %d paired A:B with "
            "A != B (B: rev=, the target's act back); %zu codes added to cameo-petrarch.txt",
            c.nsets, c.v_verbs, c.v_patterns, c.v_pre, c.v_gap, c.v_compound, c.v_recv, c.v_tgtpre, c.v_src, c.v_noverb,
            c.v_prefixverb, c.v_badword, c.v_set, c.v_badcode, c.v_nullcode, c.v_paired, c.added.n);
        if (c.discards)
            say(&c, "petrarch import", 0, "discards: %d entries not converted (dyad has no discard list)", c.discards);
    }
done:
    if (c.actors && fclose(c.actors) && !rc) rc = DYAD_EIO;
    if (c.agents && fclose(c.agents) && !rc) rc = DYAD_EIO;
    if (c.verbs && fclose(c.verbs) && !rc) rc = DYAD_EIO;
    if (c.cameo && fclose(c.cameo) && !rc) rc = DYAD_EIO;
    if (marker && fclose(marker) && !rc) rc = DYAD_EIO;
    if (words && fclose(words) && !rc) rc = DYAD_EIO;
    for (size_t i = 0; i < c.nsets; i++) { free(c.sets[i].name); sv_free(&c.sets[i].mem); }
    free(c.sets);
    sv_free(&c.known);
    sv_free(&c.added);
    sv_free(&c.subst_names);
    sv_free(&c.subst_vals);
    return rc ? rc : c.written;
}
