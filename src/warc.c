/* warc.c: taking a WARC record's block apart: fields, HTTP head, media type, chunked bodies. */
#include <string.h>
#include "util.h"
#include "warc.h"

static size_t trim(const char **s, size_t n) {
    while (n && dyad_isspace((unsigned char)**s)) { (*s)++; n--; }
    while (n && dyad_isspace((unsigned char)(*s)[n - 1])) n--;
    return n;
}

int dyad_warc_field(const char *line, size_t n, const char **name, size_t *name_len,
                    const char **value, size_t *value_len) {
    const char *colon = memchr(line, ':', n);
    if (!colon) return -1;
    *name = line;
    *name_len = trim(name, (size_t)(colon - line));
    if (!*name_len) return -1;
    *value = colon + 1;
    *value_len = trim(value, n - (size_t)(colon + 1 - line));
    return 0;
}

static void copy_lower(char *dst, size_t size, const char *s, size_t n) {
    if (!size) return;
    if (n >= size) n = size - 1;
    for (size_t i = 0; i < n; i++) dst[i] = (char)dyad_tolower((unsigned char)s[i]);
    dst[n] = 0;
}

void dyad_warc_content_type(const char *v, size_t n, char *mime, size_t mime_size, char *charset,
                            size_t charset_size) {
    const char *semi = memchr(v, ';', n);
    const char *m = v;
    size_t ml = trim(&m, semi ? (size_t)(semi - v) : n);
    copy_lower(mime, mime_size, m, ml);
    if (charset_size) charset[0] = 0;
    while (semi) {
        const char *p = semi + 1, *end = v + n;
        semi = memchr(p, ';', (size_t)(end - p));
        const char *pe = semi ? semi : end;
        const char *eq = memchr(p, '=', (size_t)(pe - p));
        if (!eq) continue;
        const char *k = p;
        size_t kl = trim(&k, (size_t)(eq - p));
        if (kl != 7 || !dyad_strncaseeq(k, "charset", 7)) continue;
        const char *cv = eq + 1;
        size_t cl = trim(&cv, (size_t)(pe - cv));
        if (cl >= 2 && (cv[0] == '"' || cv[0] == '\'') && cv[cl - 1] == cv[0]) { cv++; cl -= 2; }
        copy_lower(charset, charset_size, cv, cl);
        for (size_t i = 0; charset[i]; i++)     /* a charset name is a token: no quotes, no spaces */
            if (!(dyad_isalpha((unsigned char)charset[i]) || dyad_isdigit((unsigned char)charset[i]) ||
                  strchr("-_.:", charset[i]))) { charset[0] = 0; break; }
        return;
    }
}

int dyad_warc_http(const char *p, size_t n, dyad_http_head *h) {
    memset(h, 0, sizeof *h);
    if (n < 12 || memcmp(p, "HTTP/", 5)) return -1;
    const char *sp = memchr(p, ' ', n < 32 ? n : 32);
    if (!sp || (size_t)(sp - p) + 4 > n) return -1;
    for (int i = 1; i <= 3; i++) {
        if (!dyad_isdigit((unsigned char)sp[i])) return -1;
        h->status = h->status * 10 + (sp[i] - '0');
    }
    size_t i = 0;
    int first = 1;
    while (i < n) {
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl) return -1;                      /* no blank line: not a whole head */
        size_t len = (size_t)(nl - (p + i));
        if (len && p[i + len - 1] == '\r') len--;
        const char *line = p + i;
        i = (size_t)(nl - p) + 1;
        if (first) { first = 0; continue; }
        if (!len) { h->body = i; return 0; }
        const char *name, *val;
        size_t nl_, vl;
        if (dyad_warc_field(line, len, &name, &nl_, &val, &vl)) continue;
        if (nl_ == 12 && dyad_strncaseeq(name, "content-type", 12))
            dyad_warc_content_type(val, vl, h->mime, sizeof h->mime, h->charset, sizeof h->charset);
        else if (nl_ == 17 && dyad_strncaseeq(name, "transfer-encoding", 17)) {
            for (size_t k = 0; k + 7 <= vl; k++) if (dyad_strncaseeq(val + k, "chunked", 7)) h->chunked = 1;
        } else if (nl_ == 16 && dyad_strncaseeq(name, "content-encoding", 16)) {
            copy_lower(h->encoding, sizeof h->encoding, val, vl);
            if (!strcmp(h->encoding, "identity")) h->encoding[0] = 0;
        }
    }
    return -1;
}

size_t dyad_warc_dechunk(char *p, size_t n) {
    size_t in = 0, out = 0;
    while (in < n) {
        size_t size = 0;
        int digits = 0;
        while (in < n) {
            int c = (unsigned char)p[in], d;
            if (dyad_isdigit(c)) d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else break;
            if (size > (n >> 4)) return out;     /* larger than what is left: malformed */
            size = size * 16 + (size_t)d;
            digits++;
            in++;
        }
        if (!digits) return out;
        const char *nl = memchr(p + in, '\n', n - in);   /* chunk extensions end at the line end */
        if (!nl) return out;
        in = (size_t)(nl - p) + 1;
        if (!size) return out;                  /* the last chunk; trailers follow */
        if (size > n - in) size = n - in;
        memmove(p + out, p + in, size);
        out += size;
        in += size;
        if (in < n && p[in] == '\r') in++;
        if (in < n && p[in] == '\n') in++;
    }
    return out;
}
