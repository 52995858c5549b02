/* html.h: the article text of an HTML page, with navigation, scripts and boilerplate dropped. */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include "util.h"

typedef struct dyad_html_page {
    dyad_buf text;        /* the article: paragraphs separated by blank lines, UTF-8 */
    dyad_buf title;       /* og:title, else <title>; may be empty */
    char date[11];        /* article:published_time (or datePublished, date...) as YYYY-MM-DD, or "" */
} dyad_html_page;

void dyad_html_init(dyad_html_page *p, const dyad_mem *mem);
void dyad_html_free(dyad_html_page *p);

/* Parses html[0..len) with libxml2's forgiving HTML parser (it never fails on bad markup, and
 * reads no network) through SAX: no tree is built, so memory is that of the page plus its text.
 * charset is the one the transport gave (HTTP Content-Type), or NULL: then the page's own
 * <meta charset> / http-equiv, else UTF-8, and ISO-8859-1 when the bytes are not UTF-8.
 * Returns 0, or -1 when out of memory. */
int dyad_html_extract(dyad_html_page *p, const char *html, size_t len, const char *charset);

/* 1 when the bytes look like the start of an HTML page: "<!doctype html" or "<html" after an
 * optional BOM, white space and comments. */
int dyad_html_sniff(const char *s, size_t len);

#endif
