/* read.c: documents from plain text or JSON lines, streamed: one document in memory at a time. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "dyad.h"
#include "util.h"

#define MAX_LINE ((size_t)256 << 20)

struct dyad_reader {
    dyad_mem mem;
    FILE *f;
    int own, format, done;
    char *path;
    const char *name;     /* the file's base name: a plain-text document's id */
    long line;
    dyad_buf buf;         /* the current line or file */
    cJSON *json;
    char date[11];
    char idbuf[64];
    char err[512];
};

int dyad_reader_open(dyad_reader **out, const char *path, int format, dyad_alloc_fn alloc,
                     void *alloc_ud) {
    dyad_mem mem = {alloc, alloc_ud};
    *out = NULL;
    dyad_reader *r = dyad_mem_calloc(&mem, sizeof *r);
    if (!r) return DYAD_ENOMEM;
    *out = r;
    r->mem = mem;
    dyad_buf_init(&r->buf, &r->mem);
    size_t pl = strlen(path);
    r->path = dyad_mem_alloc(&r->mem, pl + 1);
    if (!r->path) return DYAD_ENOMEM;
    memcpy(r->path, path, pl + 1);
    const char *slash = strrchr(r->path, '/');
    r->name = slash ? slash + 1 : r->path;
    if (!strcmp(path, "-")) { r->f = stdin; r->name = "stdin"; }
    else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            snprintf(r->err, sizeof r->err, "%s: %s", path, strerror(errno));
            return DYAD_EIO;
        }
        r->own = 1;
    }
    r->format = format;
    if (format == DYAD_FMT_AUTO) {
        /* Peek: JSON lines start with '{' after optional white space and BOM. */
        int c;
        char peek[64];
        size_t np = 0;
        while ((c = getc(r->f)) != EOF && np < sizeof peek) {
            peek[np++] = (char)c;
            if (!dyad_isspace(c) && !(np <= 3 && (unsigned char)c >= 0xBB)) break;
        }
        r->format = (np && peek[np - 1] == '{') ? DYAD_FMT_JSONL : DYAD_FMT_TEXT;
        while (np) if (ungetc((unsigned char)peek[--np], r->f) == EOF) {
            /* ungetc guarantees one byte of push-back only: rewind instead when it can */
            if (r->f != stdin && fseek(r->f, 0, SEEK_SET) == 0) break;
            snprintf(r->err, sizeof r->err, "%s: cannot re-read the start of the input", path);
            return DYAD_EIO;
        }
    }
    return DYAD_OK;
}

/* Reads one line (without its '\n') into r->buf; 1 at EOF, -1 on error, 2 too long. */
static int read_line(dyad_reader *r) {
    dyad_buf_clear(&r->buf);
    int too_long = 0;
    for (;;) {
        char chunk[65536];
        if (!fgets(chunk, sizeof chunk, r->f)) {
            if (ferror(r->f)) return -1;
            return (r->buf.len || too_long) ? (too_long ? 2 : 0) : 1;
        }
        size_t n = strlen(chunk);
        /* fgets stops at NUL bytes inside a line too: strlen undercounts, so a NUL truncates the
         * rest of that chunk; JSON cannot contain raw NULs, so the line is reported as broken. */
        int nl = n && chunk[n - 1] == '\n';
        if (nl) n--;
        if (!too_long) {
            if (r->buf.len + n > MAX_LINE) { too_long = 1; dyad_buf_clear(&r->buf); }
            else { dyad_buf_add(&r->buf, chunk, n); if (r->buf.oom) return -1; }
        }
        if (nl) return too_long ? 2 : 0;
    }
}

static const char *str_field(cJSON *o, const char *k) {
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* "2022-06-24T17:30:00Z", "2022-06-24", "20220624" to YYYY-MM-DD, else NULL. */
static const char *norm_date(dyad_reader *r, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && !dyad_isdigit((unsigned char)s[i])) return NULL;
        memcpy(r->date, s, 10);
    } else if (n == 8) {
        for (int i = 0; i < 8; i++) if (!dyad_isdigit((unsigned char)s[i])) return NULL;
        snprintf(r->date, sizeof r->date, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    } else return NULL;
    r->date[10] = 0;
    return r->date;
}

int dyad_reader_next(dyad_reader *r, dyad_doc *doc) {
    memset(doc, 0, sizeof *doc);
    if (r->json) { cJSON_Delete(r->json); r->json = NULL; }
    if (r->done) return DYAD_EOF;
    doc->file = r->path;
    if (r->format == DYAD_FMT_TEXT) {
        r->done = 1;
        dyad_buf_clear(&r->buf);
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
            dyad_buf_add(&r->buf, chunk, n);
            if (r->buf.oom) { snprintf(r->err, sizeof r->err, "%s: out of memory", r->path); return DYAD_ENOMEM; }
        }
        if (ferror(r->f)) { snprintf(r->err, sizeof r->err, "%s: %s", r->path, strerror(errno)); return DYAD_EIO; }
        doc->id = r->name;
        doc->text = r->buf.data ? r->buf.data : "";
        doc->len = r->buf.len;
        return DYAD_OK;
    }
    for (;;) {
        int rc = read_line(r);
        r->line++;
        if (rc == 1) { r->done = 1; return DYAD_EOF; }
        if (rc < 0) { snprintf(r->err, sizeof r->err, "%s:%ld: read error", r->path, r->line); return DYAD_EIO; }
        if (rc == 2) {
            snprintf(r->err, sizeof r->err, "%s:%ld: line longer than %zu MiB, skipped", r->path, r->line, MAX_LINE >> 20);
            return DYAD_EINPUT;
        }
        size_t i = 0;
        while (i < r->buf.len && dyad_isspace((unsigned char)r->buf.data[i])) i++;
        if (i == r->buf.len) continue;          /* blank line */
        const char *endp = NULL;
        r->json = cJSON_ParseWithLengthOpts(r->buf.data, r->buf.len, &endp, 0);
        if (!r->json || !cJSON_IsObject(r->json)) {
            long col = endp ? (long)(endp - r->buf.data) + 1 : 0;
            if (r->json) { cJSON_Delete(r->json); r->json = NULL; col = 1; }
            snprintf(r->err, sizeof r->err, "%s:%ld: not a JSON object (near byte %ld), skipped", r->path, r->line, col);
            return DYAD_EINPUT;
        }
        const char *text = str_field(r->json, "text");
        if (!text) {
            snprintf(r->err, sizeof r->err, "%s:%ld: no \"text\" string, skipped", r->path, r->line);
            return DYAD_EINPUT;
        }
        doc->id = str_field(r->json, "id");
        cJSON *idn = cJSON_GetObjectItemCaseSensitive(r->json, "id");
        if (!doc->id && cJSON_IsNumber(idn)) {
            snprintf(r->idbuf, sizeof r->idbuf, "%.17g", idn->valuedouble);
            doc->id = r->idbuf;
        }
        if (!doc->id) {
            snprintf(r->idbuf, sizeof r->idbuf, "%s:%ld", r->name, r->line);
            doc->id = r->idbuf;
        }
        doc->date = norm_date(r, str_field(r->json, "date"));
        doc->url = str_field(r->json, "url");
        doc->title = str_field(r->json, "title");
        doc->text = text;
        doc->len = strlen(text);
        doc->meta = r->buf.data;
        doc->line = r->line;
        return DYAD_OK;
    }
}

const char *dyad_reader_errmsg(const dyad_reader *r) { return r ? r->err : "out of memory"; }

void dyad_reader_free(dyad_reader *r) {
    if (!r) return;
    dyad_mem m = r->mem;
    if (r->own && r->f) fclose(r->f);
    if (r->json) cJSON_Delete(r->json);
    dyad_buf_free(&r->buf);
    dyad_mem_free(&m, r->path, strlen(r->path) + 1);
    dyad_mem_free(&m, r, sizeof *r);
}
