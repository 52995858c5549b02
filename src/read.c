/* read.c: documents from plain text, JSON lines, HTML pages and WARC files, each maybe compressed,
 * streamed: one document in memory at a time.
 *
 * Layers, bottom up:
 *   source    the file's bytes; or, when they start with a compressor's magic bytes (gzip, zstd,
 *             xz, bzip2), libarchive's decompressed stream (its "raw" format: a filter, no archive).
 *   window    r->in: unread bytes of the stream, read by lines (bounded), blocks and skips, with
 *             r->off the stream offset of the next byte (for messages) and a push-back used when a
 *             WARC record lies about its length.
 *   formats   text (all of it one document), JSON lines, HTML (one page), WARC (records).
 *   language  each document found goes through CLD2 (langid.c); one reliably in a language dyad
 *             does not code is counted and skipped.
 *
 * Memory bound (also in dyad.h): nothing longer than DYAD_READ_MAX (32 MiB) is ever held: a longer
 * line, document or WARC record is consumed and reported, not stored. What is held is the window
 * (64 KiB; more only while it holds pushed-back bytes of one record), one document, its extracted
 * text, its parser's copy (cJSON, libxml2), and the decompressor's state.
 */
#include <archive.h>
#include <archive_entry.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include "dyad.h"
#include "html.h"
#include "langid.h"
#include "util.h"
#include "warc.h"

#define MAX_DOC DYAD_READ_MAX
#define CHUNK ((size_t)64 << 10)
#define MAX_FIELD_LINE ((size_t)64 << 10)   /* a WARC field line (URIs can be long) */
#define MAX_FIELDS 1000
#define NO_BUDGET ULLONG_MAX
#define NLANG 16

enum { KIND_NONE, KIND_TEXT, KIND_HTML };

struct dyad_reader {
    dyad_mem mem;
    FILE *f;
    int own, format, done;
    char *path;
    const char *name;     /* the file's base name: a plain-text or HTML document's id */
    long line;
    /* source */
    struct archive *ar;
    const char *codec;    /* "gzip", "zstd", "xz", "bzip2", or NULL */
    unsigned char magic[16];
    size_t nmagic;
    int magic_given;
    char *raw;            /* libarchive's read buffer (CHUNK) */
    /* window */
    dyad_buf in;
    size_t pos;           /* unread bytes are in.data[pos..in.len) */
    unsigned long long off;
    int eof, fail;        /* fail: the DYAD_E* code of a broken stream, reported once */
    /* the current document */
    dyad_buf buf, aux, url, id, scratch;
    dyad_html_page page;
    cJSON *json;
    char date[11];
    char idbuf[96];
    /* WARC */
    int pending;          /* a version line was found while resynchronising: fields come next */
    unsigned long long rec_at;
    /* counts */
    dyad_reader_stats st;
    struct { char code[8]; size_t n; } langs[NLANG];
    char langs_str[256];
    char err[1024];
};

/* ---- source ----------------------------------------------------------------------------------- */

/* libarchive's read callback: first the magic bytes already read to recognise the codec. */
static la_ssize_t ar_read(struct archive *a, void *ud, const void **out) {
    dyad_reader *r = ud;
    if (!r->magic_given) {
        r->magic_given = 1;
        if (r->nmagic) { *out = r->magic; return (la_ssize_t)r->nmagic; }
    }
    size_t n = fread(r->raw, 1, CHUNK, r->f);
    if (!n && ferror(r->f)) { archive_set_error(a, errno, "%s", strerror(errno)); return -1; }
    *out = r->raw;
    return (la_ssize_t)n;
}

static const char *codec_of(const unsigned char *m, size_t n) {
    if (n >= 3 && m[0] == 0x1f && m[1] == 0x8b && m[2] == 8) return "gzip";
    if (n >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd) return "zstd";
    if (n >= 6 && !memcmp(m, "\xfd" "7zXZ\0", 6)) return "xz";
    /* "BZh" + block size + the block magic (pi) or the end-of-stream magic (sqrt pi): a text
     * starting "BZh9" is not taken for bzip2 */
    if (n >= 10 && !memcmp(m, "BZh", 3) && m[3] >= '1' && m[3] <= '9' &&
        (!memcmp(m + 4, "\x31\x41\x59\x26\x53\x59", 6) || !memcmp(m + 4, "\x17\x72\x45\x38\x50\x90", 6)))
        return "bzip2";
    return NULL;
}

static void set_fail(dyad_reader *r, int code) {
    r->fail = code;
    r->eof = 1;
}

/* Reads more of the stream into the window: the number of bytes, 0 at the end, -1 when the
 * stream is broken (r->err says where, r->fail how). */
static long fill(dyad_reader *r) {
    if (r->eof) return r->fail ? -1 : 0;
    if (r->pos) {
        memmove(r->in.data, r->in.data + r->pos, r->in.len - r->pos);
        r->in.len -= r->pos;
        r->pos = 0;
    }
    if (dyad_buf_reserve(&r->in, CHUNK)) {
        snprintf(r->err, sizeof r->err, "%s: out of memory", r->path);
        set_fail(r, DYAD_ENOMEM);
        return -1;
    }
    size_t n;
    if (r->ar) {
        la_ssize_t k = archive_read_data(r->ar, r->in.data + r->in.len, CHUNK);
        if (k < 0) {
            snprintf(r->err, sizeof r->err, "%s: %s data broken %llu bytes into the decompressed input: %s; the rest is lost",
                     r->path, r->codec, r->off + (r->in.len - r->pos),
                     archive_error_string(r->ar) ? archive_error_string(r->ar) : "error");
            set_fail(r, DYAD_EINPUT);
            return -1;
        }
        n = (size_t)k;
    } else {
        n = fread(r->in.data + r->in.len, 1, CHUNK, r->f);
        if (!n && ferror(r->f)) {
            snprintf(r->err, sizeof r->err, "%s: read error at byte %llu: %s", r->path, r->off + (r->in.len - r->pos), strerror(errno));
            set_fail(r, DYAD_EIO);
            return -1;
        }
    }
    if (!n) { r->eof = 1; return 0; }
    r->in.len += n;
    r->in.data[r->in.len] = 0;
    r->st.bytes += n;
    return (long)n;
}

/* Makes at least k bytes readable in the window unless the stream ends first; -1 when broken. */
static int ensure(dyad_reader *r, size_t k) {
    while (r->in.len - r->pos < k) {
        long n = fill(r);
        if (n < 0) return -1;
        if (!n) break;
    }
    return 0;
}

/* Puts p[0..n) back in front of the unread bytes. */
static int push_back(dyad_reader *r, const char *p, size_t n) {
    if (n <= r->pos) {
        r->pos -= n;
        memmove(r->in.data + r->pos, p, n);
    } else {
        size_t rest = r->in.len - r->pos;
        if (dyad_buf_reserve(&r->in, n)) return -1;
        memmove(r->in.data + n, r->in.data + r->pos, rest);
        memmove(r->in.data, p, n);
        r->pos = 0;
        r->in.len = n + rest;
        r->in.data[r->in.len] = 0;
    }
    r->off -= n;
    return 0;
}

/* ---- window ----------------------------------------------------------------------------------- */

enum { LINE_OK = 0, LINE_EOF = 1, LINE_LONG = 2, LINE_NOMEM = 3, LINE_BROKEN = -1 };

/* Reads a line (without its '\n') into out, consuming at most budget bytes. A line of limit bytes
 * or more is consumed to its end without being kept (LINE_LONG), and so is a line there is no
 * memory to keep (LINE_NOMEM: the buffer is freed, the lines after it can still be read). *nl
 * tells whether the line ended with '\n' (not the end of input or of the budget). */
static int read_line(dyad_reader *r, dyad_buf *out, size_t limit, unsigned long long budget, int *nl) {
    dyad_buf_clear(out);
    int too_long = 0, nomem = 0, any = 0;
    *nl = 0;
    while (budget) {
        if (r->pos == r->in.len) {
            long k = fill(r);
            if (k < 0) return LINE_BROKEN;
            if (!k) break;
        }
        size_t avail = r->in.len - r->pos;
        if (avail > budget) avail = (size_t)budget;
        const char *s = r->in.data + r->pos;
        const char *e = memchr(s, '\n', avail);
        size_t take = e ? (size_t)(e - s) + 1 : avail, keep = e ? take - 1 : take;
        any = 1;
        if (!too_long) {
            if (out->len + keep >= limit) { too_long = 1; dyad_buf_clear(out); }
            else {
                dyad_buf_add(out, s, keep);
                if (out->oom) {
                    dyad_buf_free(out);
                    too_long = nomem = 1;
                }
            }
        }
        r->pos += take;
        r->off += take;
        budget -= take;
        if (e) { *nl = 1; break; }
    }
    if (!any) return LINE_EOF;
    return nomem ? LINE_NOMEM : too_long ? LINE_LONG : LINE_OK;
}

/* Appends up to n bytes of the stream to out: the number read (less at the end), or -1. */
static long long read_block(dyad_reader *r, dyad_buf *out, size_t n) {
    size_t got = 0;
    while (got < n) {
        if (r->pos == r->in.len) {
            long k = fill(r);
            if (k < 0) return -1;
            if (!k) break;
        }
        size_t take = r->in.len - r->pos;
        if (take > n - got) take = n - got;
        dyad_buf_add(out, r->in.data + r->pos, take);
        if (out->oom) {
            snprintf(r->err, sizeof r->err, "%s: out of memory", r->path);
            set_fail(r, DYAD_ENOMEM);
            return -1;
        }
        r->pos += take;
        r->off += take;
        got += take;
    }
    return (long long)got;
}

/* The rest of the stream into out; 1 when it is DYAD_READ_MAX or longer (then out is empty and
 * the stream is left unread), 0, or -1. */
static int read_all(dyad_reader *r, dyad_buf *out) {
    dyad_buf_clear(out);
    for (;;) {
        /* stop one byte short, so the buffer (with its NUL) never grows past DYAD_READ_MAX */
        size_t room = MAX_DOC - 1 - out->len;
        if (!room) {
            if (ensure(r, 1) < 0) return -1;
            if (r->in.len == r->pos) return 0;
            dyad_buf_clear(out);
            return 1;
        }
        long long k = read_block(r, out, room < CHUNK ? room : CHUNK);
        if (k < 0) return -1;
        if (k == 0) return 0;
    }
}

static int fail_code(dyad_reader *r) {
    r->done = 1;
    if (r->fail == DYAD_EINPUT) r->st.bad++;
    return r->fail ? r->fail : DYAD_EIO;
}

/* ---- opening ---------------------------------------------------------------------------------- */

static const char *format_name(int f) {
    return f == DYAD_FMT_JSONL ? "jsonl" : f == DYAD_FMT_HTML ? "html" : f == DYAD_FMT_WARC ? "warc" : "text";
}

int dyad_reader_open(dyad_reader **out, const char *path, int format, dyad_alloc_fn alloc,
                     void *alloc_ud) {
    dyad_mem mem = {alloc, alloc_ud};
    *out = NULL;
    if (format < DYAD_FMT_AUTO || format > DYAD_FMT_WARC) return DYAD_EARG;
    dyad_reader *r = dyad_mem_calloc(&mem, sizeof *r);
    if (!r) return DYAD_ENOMEM;
    *out = r;
    r->mem = mem;
    dyad_buf_init(&r->in, &r->mem);
    dyad_buf_init(&r->buf, &r->mem);
    dyad_buf_init(&r->aux, &r->mem);
    dyad_buf_init(&r->url, &r->mem);
    dyad_buf_init(&r->id, &r->mem);
    dyad_buf_init(&r->scratch, &r->mem);
    dyad_html_init(&r->page, &r->mem);
    r->st.skipped_langs = r->langs_str;
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
    /* Compression, by magic bytes. */
    r->nmagic = fread(r->magic, 1, 10, r->f);
    if (r->nmagic < 10 && ferror(r->f)) {
        snprintf(r->err, sizeof r->err, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    r->codec = codec_of(r->magic, r->nmagic);
    if (r->codec) {
        r->st.compression = r->codec;
        r->raw = dyad_mem_alloc(&r->mem, CHUNK);
        r->ar = archive_read_new();
        if (!r->raw || !r->ar) return DYAD_ENOMEM;
        archive_read_support_filter_gzip(r->ar);
        archive_read_support_filter_zstd(r->ar);
        archive_read_support_filter_xz(r->ar);
        archive_read_support_filter_bzip2(r->ar);
        archive_read_support_format_raw(r->ar);
        archive_read_support_format_empty(r->ar);   /* a compressed empty file: no documents */
        struct archive_entry *e;
        int rc = archive_read_open(r->ar, r, NULL, ar_read, NULL);
        if (rc == ARCHIVE_OK) rc = archive_read_next_header(r->ar, &e);
        if (rc == ARCHIVE_EOF) r->eof = 1;
        else if (rc != ARCHIVE_OK) {
            /* reported by the first dyad_reader_next: the input is bad, not unreadable */
            snprintf(r->err, sizeof r->err, "%s: %s data broken before its first byte of output: %s", path, r->codec,
                     archive_error_string(r->ar) ? archive_error_string(r->ar) : "unknown error");
            set_fail(r, DYAD_EINPUT);
        }
    } else {
        dyad_buf_add(&r->in, r->magic, r->nmagic);
        if (r->in.oom) return DYAD_ENOMEM;
        r->st.bytes = r->nmagic;
    }
    /* The format, by the first bytes of what the stream holds. */
    r->format = format;
    if (format == DYAD_FMT_AUTO && !r->fail) {
        if (ensure(r, 512) < 0 && r->fail != DYAD_EINPUT) return r->fail;
        const char *s = r->in.data ? r->in.data + r->pos : "";
        size_t n = r->in.len - r->pos, i = 0;
        if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
        while (i < n && dyad_isspace((unsigned char)s[i])) i++;
        if (i < n && s[i] == '{') r->format = DYAD_FMT_JSONL;
        else if (n - i >= 7 && !memcmp(s + i, "WARC/1.", 7)) r->format = DYAD_FMT_WARC;
        else if (dyad_html_sniff(s, n)) r->format = DYAD_FMT_HTML;
        else r->format = DYAD_FMT_TEXT;
    }
    if (r->format == DYAD_FMT_AUTO) r->format = DYAD_FMT_TEXT;
    r->st.format = format_name(r->format);
    return DYAD_OK;
}

/* ---- language --------------------------------------------------------------------------------- */

/* 1 when the document is to be coded; else counts it under its language. */
static int lang_ok(dyad_reader *r, dyad_doc *doc) {
    int skip = 0;
    doc->lang = dyad_langid(doc->text, doc->len, &r->scratch, &skip);
    if (!skip) return 1;
    r->st.skipped_lang++;
    int i;
    for (i = 0; i < NLANG && r->langs[i].n; i++) if (!strcmp(r->langs[i].code, doc->lang)) break;
    if (i == NLANG) i = NLANG - 1;                 /* more than 16 languages: the last counts the rest */
    if (!r->langs[i].n) snprintf(r->langs[i].code, sizeof r->langs[i].code, "%s", doc->lang);
    r->langs[i].n++;
    size_t o = 0;
    r->langs_str[0] = 0;
    for (int j = 0; j < NLANG && r->langs[j].n && o < sizeof r->langs_str; j++) {
        int k = snprintf(r->langs_str + o, sizeof r->langs_str - o, "%s%s %zu", j ? ", " : "", r->langs[j].code, r->langs[j].n);
        if (k < 0) break;
        o += (size_t)k;
    }
    return 0;
}

/* ---- JSON lines ------------------------------------------------------------------------------- */

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

static int next_jsonl(dyad_reader *r, dyad_doc *doc) {
    for (;;) {
        if (r->json) { cJSON_Delete(r->json); r->json = NULL; }
        int nl, rc = read_line(r, &r->buf, MAX_DOC, NO_BUDGET, &nl);
        r->line++;
        if (rc == LINE_EOF) { r->done = 1; return DYAD_EOF; }
        if (rc == LINE_BROKEN) {
            size_t k = strlen(r->err);        /* say which line the stream broke in */
            snprintf(r->err + k, sizeof r->err - k, " (in line %ld)", r->line);
            return fail_code(r);
        }
        if (rc == LINE_LONG) {
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s:%ld: line longer than %zu MiB, skipped", r->path, r->line, MAX_DOC >> 20);
            return DYAD_EINPUT;
        }
        if (rc == LINE_NOMEM) {
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s:%ld: out of memory for this line, skipped", r->path, r->line);
            return DYAD_EINPUT;
        }
        size_t i = 0;
        while (i < r->buf.len && dyad_isspace((unsigned char)r->buf.data[i])) i++;
        if (i == r->buf.len) continue;          /* blank line */
        const char *nul = memchr(r->buf.data, 0, r->buf.len);
        if (nul) {      /* cJSON would stop at it and keep a cut text: JSON has no raw NULs */
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s:%ld: NUL byte at byte %ld (not allowed in JSON), skipped", r->path, r->line,
                     (long)(nul - r->buf.data) + 1);
            return DYAD_EINPUT;
        }
        const char *endp = NULL;
        r->json = cJSON_ParseWithLengthOpts(r->buf.data, r->buf.len, &endp, 0);
        if (!r->json || !cJSON_IsObject(r->json)) {
            long col = endp ? (long)(endp - r->buf.data) + 1 : 0;
            if (r->json) { cJSON_Delete(r->json); r->json = NULL; col = 1; }
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s:%ld: not a JSON object (near byte %ld), skipped", r->path, r->line, col);
            return DYAD_EINPUT;
        }
        const char *text = str_field(r->json, "text");
        if (!text) {
            r->st.bad++;
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
        if (!lang_ok(r, doc)) { memset(doc, 0, sizeof *doc); doc->file = r->path; continue; }
        return DYAD_OK;
    }
}

/* ---- a whole input: text, HTML ---------------------------------------------------------------- */

static int next_whole(dyad_reader *r, dyad_doc *doc) {
    r->done = 1;
    int rc = read_all(r, &r->buf);
    if (rc < 0) return fail_code(r);
    if (rc == 1) {
        r->st.bad++;
        snprintf(r->err, sizeof r->err, "%s: document longer than %zu MiB, skipped", r->path, MAX_DOC >> 20);
        return DYAD_EINPUT;
    }
    doc->id = r->name;
    if (r->format == DYAD_FMT_HTML) {
        if (dyad_html_extract(&r->page, r->buf.data ? r->buf.data : "", r->buf.len, NULL)) {
            snprintf(r->err, sizeof r->err, "%s: out of memory", r->path);
            return DYAD_ENOMEM;
        }
        doc->text = r->page.text.data ? r->page.text.data : "";
        doc->len = r->page.text.len;
        doc->title = r->page.title.len ? r->page.title.data : NULL;
        doc->date = r->page.date[0] ? r->page.date : NULL;
    } else {
        doc->text = r->buf.data ? r->buf.data : "";
        doc->len = r->buf.len;
    }
    if (!lang_ok(r, doc)) return DYAD_EOF;
    return DYAD_OK;
}

/* ---- WARC ------------------------------------------------------------------------------------- */

/* "WARC/1.0", "WARC/1.1" (and later 1.x), with or without the '\r'. */
static int version_line(const char *s, size_t n) {
    if (n && s[n - 1] == '\r') n--;
    return n == 8 && !memcmp(s, "WARC/1.", 7) && dyad_isdigit((unsigned char)s[7]);
}

/* Skips to the next version line: 1 found (consumed; r->rec_at is where), 0 the end, -1 broken. */
static int warc_resync(dyad_reader *r) {
    for (;;) {
        unsigned long long at = r->off;
        int nl, rc = read_line(r, &r->aux, 16, NO_BUDGET, &nl);
        if (rc == LINE_BROKEN) return -1;
        if (rc == LINE_EOF) return 0;
        if (rc == LINE_OK && nl && version_line(r->aux.data, r->aux.len)) { r->rec_at = at; return 1; }
    }
}

/* Skips n bytes of a record too large to hold, watching for a version line after a blank line
 * (the next record: the length lied). 1 found (consumed), 0 skipped, 2 the input ended first. */
static int warc_skip(dyad_reader *r, unsigned long long n) {
    int blank = 0;
    while (n) {
        unsigned long long at = r->off;
        int nl, rc = read_line(r, &r->aux, 16, n, &nl);
        if (rc == LINE_BROKEN) return -1;
        if (rc == LINE_EOF) return 2;
        n -= r->off - at;
        if (rc == LINE_OK && nl && blank && version_line(r->aux.data, r->aux.len)) { r->rec_at = at; return 1; }
        blank = rc == LINE_OK && nl && (r->aux.len == 0 || (r->aux.len == 1 && r->aux.data[0] == '\r'));
    }
    return 0;
}

/* After a block: up to four line-end bytes, then the next record or the end. Consumes the line
 * ends when it is so (1); 0 when something else follows; -1 broken. */
static int warc_trailer(dyad_reader *r) {
    if (ensure(r, 16) < 0) return -1;   /* 8 line-end bytes and "WARC/1." */
    const char *s = r->in.data ? r->in.data + r->pos : "";
    size_t n = r->in.len - r->pos, i = 0;
    while (i < n && i < 8 && (s[i] == '\r' || s[i] == '\n')) i++;
    if (i == n || (n - i >= 7 && !memcmp(s + i, "WARC/1.", 7))) {
        r->pos += i;
        r->off += i;
        return 1;
    }
    return 0;
}

/* The start of a record inside p[0..n): "\nWARC/1.x\r?\n" after a blank line; its offset or -1. */
static long long embedded_record(const char *p, size_t n) {
    for (size_t i = 0; i + 10 <= n; i++) {
        const char *w = memmem(p + i, n - i, "\nWARC/1.", 8);
        if (!w) return -1;
        size_t at = (size_t)(w - p) + 1;
        i = at;
        if (at + 8 > n || !dyad_isdigit((unsigned char)p[at + 7])) continue;
        size_t e = at + 8;
        if (e < n && p[e] == '\r') e++;
        if (e >= n || p[e] != '\n') continue;
        if (at >= 2 && (p[at - 2] == '\n' || (at >= 3 && p[at - 2] == '\r' && p[at - 3] == '\n'))) return (long long)at;
    }
    return -1;
}

static void set_str(dyad_buf *b, const char *s, size_t n) {
    dyad_buf_clear(b);
    if (n >= 2 && s[0] == '<' && s[n - 1] == '>') { s++; n -= 2; }   /* <urn:uuid:...> */
    dyad_buf_add(b, s, n);
}

/* Inflates a gzip or deflate body into r->aux, at most DYAD_READ_MAX bytes: 0, or -1. */
static int inflate_body(dyad_reader *r, const char *p, size_t n, int raw) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK) return -1;
    dyad_buf_clear(&r->aux);
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)(n > UINT_MAX ? UINT_MAX : n);
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (dyad_buf_reserve(&r->aux, CHUNK) || r->aux.len + CHUNK > MAX_DOC) { rc = Z_MEM_ERROR; break; }
        z.next_out = (Bytef *)r->aux.data + r->aux.len;
        z.avail_out = (uInt)CHUNK;
        rc = inflate(&z, Z_NO_FLUSH);
        r->aux.len += CHUNK - z.avail_out;
        r->aux.data[r->aux.len] = 0;
        if (rc == Z_BUF_ERROR && z.avail_out) break;      /* input ended early: keep what came */
    }
    inflateEnd(&z);
    return (rc == Z_STREAM_END || rc == Z_BUF_ERROR || (rc == Z_OK)) ? 0 : -1;
}

/* Turns the block in r->buf into doc; 1 done, 0 not a document, -1 out of memory. */
static int warc_doc(dyad_reader *r, const char *type, const char *ctype, dyad_doc *doc) {
    static char empty[1];
    char *body = r->buf.data ? r->buf.data : empty;
    size_t n = r->buf.len;
    char mime[96] = "", charset[48] = "";
    if (!strcmp(type, "response")) {
        dyad_http_head h;
        if (dyad_warc_http(body, n, &h) || h.status < 200 || h.status > 299) return 0;
        body += h.body;
        n -= h.body;
        memcpy(mime, h.mime, sizeof mime);
        memcpy(charset, h.charset, sizeof charset);
        if (h.chunked) n = dyad_warc_dechunk(body, n);
        if (h.encoding[0]) {
            int raw = !strcmp(h.encoding, "deflate");
            if (strcmp(h.encoding, "gzip") && strcmp(h.encoding, "x-gzip") && !raw) return 0;
            if (inflate_body(r, body, n, 0) && (!raw || inflate_body(r, body, n, 1))) return 0;
            body = r->aux.data;
            n = r->aux.len;
        }
    } else dyad_warc_content_type(ctype, strlen(ctype), mime, sizeof mime, charset, sizeof charset);
    int kind = KIND_NONE;
    if (!strcmp(mime, "text/html") || !strcmp(mime, "application/xhtml+xml")) kind = KIND_HTML;
    else if (!strcmp(mime, "text/plain")) kind = KIND_TEXT;
    else if (!mime[0]) kind = dyad_html_sniff(body, n < 4096 ? n : 4096) ? KIND_HTML : KIND_NONE;
    if (kind == KIND_NONE) return 0;
    if (kind == KIND_HTML) {
        if (dyad_html_extract(&r->page, body, n, charset[0] ? charset : NULL)) return -1;
        doc->text = r->page.text.data ? r->page.text.data : "";
        doc->len = r->page.text.len;
        doc->title = r->page.title.len ? r->page.title.data : NULL;
    } else {
        doc->text = body;
        doc->len = n;
    }
    if (!doc->len) return 0;
    return 1;
}

static int next_warc(dyad_reader *r, dyad_doc *doc) {
    for (;;) {
        if (!r->pending) {
            unsigned long long at = r->off;
            int nl, rc = read_line(r, &r->buf, MAX_FIELD_LINE, NO_BUDGET, &nl);
            if (rc == LINE_EOF) { r->done = 1; return DYAD_EOF; }
            if (rc == LINE_BROKEN) return fail_code(r);
            if (rc == LINE_OK && (r->buf.len == 0 || (r->buf.len == 1 && r->buf.data[0] == '\r'))) continue;
            if (rc >= LINE_LONG || !version_line(r->buf.data, r->buf.len)) {
                int f = warc_resync(r);
                if (f < 0) return fail_code(r);
                r->st.bad++;
                snprintf(r->err, sizeof r->err, "%s: byte %llu: not the start of a WARC record; skipped to %s", r->path, at,
                         f ? "the next record" : "the end");
                if (f) r->pending = 1; else r->done = 1;
                return DYAD_EINPUT;
            }
            r->rec_at = at;
        }
        r->pending = 0;
        unsigned long long at = r->rec_at;
        /* the named fields */
        char type[32] = "", ctype[160] = "";
        long long clen = -1;
        int fields = 0, broken = 0;
        dyad_buf_clear(&r->id);
        dyad_buf_clear(&r->url);
        r->date[0] = 0;
        for (;;) {
            int nl, rc = read_line(r, &r->buf, MAX_FIELD_LINE, NO_BUDGET, &nl);
            if (rc == LINE_BROKEN) return fail_code(r);
            if (rc == LINE_EOF) {
                r->done = 1;
                r->st.bad++;
                snprintf(r->err, sizeof r->err, "%s: byte %llu: WARC record ends inside its header", r->path, at);
                return DYAD_EINPUT;
            }
            if (rc >= LINE_LONG || ++fields > MAX_FIELDS) { broken = 1; continue; }
            size_t len = r->buf.len;
            if (len && r->buf.data[len - 1] == '\r') len--;
            if (!len) break;
            const char *name, *val;
            size_t nlen, vlen;
            if (dyad_warc_field(r->buf.data, len, &name, &nlen, &val, &vlen)) continue;
#define IS(s) (nlen == sizeof(s) - 1 && dyad_strncaseeq(name, s, nlen))
            if (IS("WARC-Type")) snprintf(type, sizeof type, "%.*s", (int)vlen, val);
            else if (IS("WARC-Record-ID")) set_str(&r->id, val, vlen);
            else if (IS("WARC-Target-URI")) set_str(&r->url, val, vlen);
            else if (IS("WARC-Date")) {
                char d[16];
                snprintf(d, sizeof d, "%.*s", (int)(vlen < 15 ? vlen : 15), val);
                norm_date(r, d);
            } else if (IS("Content-Type")) snprintf(ctype, sizeof ctype, "%.*s", (int)vlen, val);
            else if (IS("Content-Length")) {
                clen = 0;
                for (size_t i = 0; i < vlen; i++) {
                    if (!dyad_isdigit((unsigned char)val[i]) || clen > (LLONG_MAX - 9) / 10) { clen = -1; break; }
                    clen = clen * 10 + (val[i] - '0');
                }
                if (!vlen) clen = -1;
            }
#undef IS
        }
        if (r->id.oom || r->url.oom) { snprintf(r->err, sizeof r->err, "%s: out of memory", r->path); return DYAD_ENOMEM; }
        r->st.records++;
        const char *rid = r->id.len ? r->id.data : "no WARC-Record-ID";
        if (clen < 0 || broken) {
            int f = warc_resync(r);
            if (f < 0) return fail_code(r);
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s: byte %llu: WARC record %s has %s; skipped to %s", r->path, at, rid,
                     broken ? "a malformed header" : "no valid Content-Length", f ? "the next record" : "the end");
            if (f) r->pending = 1; else r->done = 1;
            return DYAD_EINPUT;
        }
        int want = !strcasecmp(type, "response") || !strcasecmp(type, "resource") || !strcasecmp(type, "conversion");
        if ((unsigned long long)clen >= MAX_DOC) {
            int f = warc_skip(r, (unsigned long long)clen);
            if (f < 0) return fail_code(r);
            if (f == 0 && warc_trailer(r) < 0) return fail_code(r);
            if (f == 0 && !want) { r->st.not_docs++; continue; }
            r->st.bad++;
            if (f == 1) r->pending = 1;
            if (f == 2) r->done = 1;
            snprintf(r->err, sizeof r->err, "%s: byte %llu: WARC record %s: %s; skipped", r->path, at, rid,
                     f == 1 ? "its Content-Length runs into the next record" :
                     f == 2 ? "its Content-Length runs past the end of the input" : "larger than the 32 MiB limit");
            return DYAD_EINPUT;
        }
        dyad_buf_clear(&r->buf);
        long long got = read_block(r, &r->buf, (size_t)clen);
        if (got < 0) return fail_code(r);
        long long inner = embedded_record(r->buf.data ? r->buf.data : "", r->buf.len);
        int t = got == clen && inner < 0 ? warc_trailer(r) : 0;
        if (t < 0) return fail_code(r);
        if (!t) {
            /* The length lied. Too long: the next record is inside the block; too short: it is
             * somewhere ahead. Either way this record is skipped, and reading goes on from there. */
            const char *where;
            if (inner >= 0) {
                if (push_back(r, r->buf.data + inner, r->buf.len - (size_t)inner)) {
                    snprintf(r->err, sizeof r->err, "%s: out of memory", r->path);
                    return DYAD_ENOMEM;
                }
                where = "it runs into the next record";
            } else if (got < clen) {
                r->done = 1;
                where = "the input ends inside it";
            } else {
                int f = warc_resync(r);
                if (f < 0) return fail_code(r);
                if (f) r->pending = 1; else r->done = 1;
                where = "the record does not end there";
            }
            r->st.bad++;
            snprintf(r->err, sizeof r->err, "%s: byte %llu: WARC record %s: Content-Length %lld is wrong (%s); skipped",
                     r->path, at, rid, clen, where);
            return DYAD_EINPUT;
        }
        if (!want) { r->st.not_docs++; continue; }
        int d = warc_doc(r, type, ctype, doc);
        if (d < 0) { snprintf(r->err, sizeof r->err, "%s: out of memory", r->path); return DYAD_ENOMEM; }
        if (!d) { r->st.not_docs++; continue; }
        if (r->id.len) doc->id = r->id.data;
        else { snprintf(r->idbuf, sizeof r->idbuf, "%s@%llu", r->name, at); doc->id = r->idbuf; }
        doc->url = r->url.len ? r->url.data : NULL;
        doc->date = r->date[0] ? r->date : NULL;
        if (!lang_ok(r, doc)) { memset(doc, 0, sizeof *doc); doc->file = r->path; continue; }
        return DYAD_OK;
    }
}

/* ---- the interface ---------------------------------------------------------------------------- */

int dyad_reader_next(dyad_reader *r, dyad_doc *doc) {
    memset(doc, 0, sizeof *doc);
    if (r->json) { cJSON_Delete(r->json); r->json = NULL; }
    if (r->done) return DYAD_EOF;
    doc->file = r->path;
    if (r->fail && r->in.len == r->pos) return fail_code(r);   /* the stream broke before any data */
    int rc;
    switch (r->format) {
    case DYAD_FMT_JSONL: rc = next_jsonl(r, doc); break;
    case DYAD_FMT_WARC: rc = next_warc(r, doc); break;
    default: rc = next_whole(r, doc); break;
    }
    if (rc == DYAD_OK) r->st.docs++;
    return rc;
}

const char *dyad_reader_errmsg(const dyad_reader *r) { return r ? r->err : "out of memory"; }

void dyad_reader_stats_get(const dyad_reader *r, dyad_reader_stats *out) {
    *out = r->st;
    out->skipped_langs = r->langs_str;
}

void dyad_reader_free(dyad_reader *r) {
    if (!r) return;
    dyad_mem m = r->mem;
    if (r->ar) archive_read_free(r->ar);
    if (r->own && r->f) fclose(r->f);
    if (r->json) cJSON_Delete(r->json);
    dyad_buf_free(&r->in);
    dyad_buf_free(&r->buf);
    dyad_buf_free(&r->aux);
    dyad_buf_free(&r->url);
    dyad_buf_free(&r->id);
    dyad_buf_free(&r->scratch);
    dyad_html_free(&r->page);
    if (r->raw) dyad_mem_free(&m, r->raw, CHUNK);
    if (r->path) dyad_mem_free(&m, r->path, strlen(r->path) + 1);
    dyad_mem_free(&m, r, sizeof *r);
}
