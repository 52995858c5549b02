/* warc.h: the pieces of a WARC record (ISO 28500, WARC/1.0 and 1.1) that become a document.
 *
 * A record as it sits in a file (each record may be its own gzip member: read.c decompresses):
 *
 *   WARC/1.1\r\n                                   version line
 *   WARC-Type: response\r\n                        named fields, one a line
 *   WARC-Record-ID: <urn:uuid:...>\r\n
 *   WARC-Target-URI: https://example.com/a\r\n
 *   WARC-Date: 2024-03-12T10:00:00Z\r\n
 *   Content-Type: application/http; msgtype=response\r\n
 *   Content-Length: 1234\r\n
 *   \r\n
 *   HTTP/1.1 200 OK\r\n ... \r\n\r\n <body>         1234 bytes of block: for a response, the HTTP
 *   \r\n\r\n                                       message as received; then two line ends
 *
 * read.c reads the fields and the block; these functions take the block apart. */
#ifndef DYAD_WARC_H
#define DYAD_WARC_H

#include <stddef.h>

/* Splits "Name: value" (line without its line end) at the colon, trimming the value. Returns 0,
 * or -1 when the line has no colon or an empty name. */
int dyad_warc_field(const char *line, size_t n, const char **name, size_t *name_len,
                    const char **value, size_t *value_len);

/* "text/html; charset=windows-1251" to mime "text/html" (lower case) and charset
 * "windows-1251" (empty when not given); both truncated to their buffers. */
void dyad_warc_content_type(const char *v, size_t n, char *mime, size_t mime_size, char *charset,
                            size_t charset_size);

/* An HTTP response head at the start of a block. */
typedef struct dyad_http_head {
    int status;                /* 200 */
    size_t body;               /* offset of the body in the block */
    char mime[96], charset[48];
    int chunked;               /* Transfer-Encoding: chunked */
    char encoding[24];         /* Content-Encoding, lower case, "" when none (or identity) */
} dyad_http_head;

/* Parses "HTTP/1.x NNN ...", its header lines and the blank line (CRLF or LF). Returns 0, or -1
 * when the block does not start with an HTTP response head or the head has no end. */
int dyad_warc_http(const char *p, size_t n, dyad_http_head *h);

/* Undoes chunked transfer coding in place; returns the body's new length. A malformed or
 * truncated chunk ends the body there (what came before is kept). */
size_t dyad_warc_dechunk(char *p, size_t n);

#endif
