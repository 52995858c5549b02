/* html.c: article text from an HTML page, through libxml2's HTML parser in SAX mode.
 *
 * The page is cut into blocks (paragraphs, headings, list items, cells: the text between two
 * block-level tags). Each block remembers whether it lies inside <article>/<main> (or an
 * itemprop=articleBody / role=main element), inside an element whose class, id or role names
 * boilerplate (nav, menu, share, related, comments, advert...), and how much of its text is
 * link text. Elements that are never article text (script, style, nav, aside, footer, form,
 * figure, the page's <header>...) are dropped while parsing. Then the article is chosen:
 *
 *   1. inside <article>/<main> when those hold 200 bytes of text or more, else the whole page;
 *   2. without the boilerplate-classed blocks, unless that would drop three quarters of it
 *      (a class such as "has-sidebar" on a wrapper must not empty the page);
 *   3. without blocks that are mostly links (menus, tag lists, "related" teasers);
 *   4. without blocks of fewer than four words that are neither headings nor sentences
 *      ("Advertisement", "Share", "By A. Writer").
 *
 * The page's first <h1> leads the text (dyad reads the first line as the headline). */
#include <limits.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "html.h"

typedef struct block {
    size_t start, len;    /* in st->all */
    size_t link;          /* bytes of it inside <a> */
    unsigned article : 1, boiler : 1, heading : 1, h1 : 1;
} block;

typedef struct state {
    dyad_html_page *page;
    const dyad_mem *mem;
    dyad_buf all;         /* the text of every block, back to back */
    block *blocks;
    size_t nblocks, cap;
    size_t cur_start, cur_link;
    int space;            /* a space is owed before the next byte of text */
    int depth;            /* open elements */
    int skip_at;          /* depth of the element being dropped, 0 when none */
    int boiler_at, article_at, link_depth, heading_at, h1_at;
    int in_title, have_og_title;
    int oom;
} state;

static const char *const drop_tags[] = {
    "script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg", "button",
    "select", "option", "template", "object", "embed", "canvas", "menu", "dialog", "textarea",
    "input", "figure", "label", "audio", "video", "map", NULL};
static const char *const block_tags[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "tr",
    "td", "th", "table", "blockquote", "section", "article", "main", "pre", "hr", "address",
    "figcaption", "header", "title", "body", "center", "details", "summary", "caption", NULL};
/* Parts of class and id names (split at '-' and '_') that mark boilerplate. */
static const char *const boiler_words[] = {
    "nav", "navbar", "navigation", "menu", "footer", "sidebar", "share", "sharing", "social",
    "comment", "comments", "related", "promo", "advert", "advertisement", "ad", "ads", "banner",
    "cookie", "cookies", "newsletter", "subscribe", "subscription", "breadcrumb", "breadcrumbs",
    "popup", "modal", "widget", "sponsor", "sponsored", "outbrain", "taboola", "recommended",
    "masthead", "toolbar", "paywall", "signup", "login", "tags", "byline", "caption", "credit", NULL};
static const char *const boiler_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alert", "toolbar", NULL};

static int in_list(const char *const *list, const char *s, size_t n) {
    for (; *list; list++) if (strlen(*list) == n && dyad_strncaseeq(*list, s, n)) return 1;
    return 0;
}
static int is(const xmlChar *name, const char *s) { return name && !strcmp((const char *)name, s); }

static const char *attr(const xmlChar **atts, const char *name) {
    for (int i = 0; atts && atts[i]; i += 2)
        if (!strcmp((const char *)atts[i], name)) return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

/* A class or id value one of whose names has a boilerplate part: "share-bar", "site_footer". */
static int boiler_names(const char *v) {
    if (!v) return 0;
    const char *p = v;
    while (*p) {
        while (*p && (dyad_isspace((unsigned char)*p) || *p == '-' || *p == '_')) p++;
        const char *s = p;
        while (*p && !dyad_isspace((unsigned char)*p) && *p != '-' && *p != '_') p++;
        if (p > s && in_list(boiler_words, s, (size_t)(p - s))) return 1;
    }
    return 0;
}

static int hidden(const xmlChar **atts) {
    const char *a = attr(atts, "aria-hidden");
    if (a && !strcmp(a, "true")) return 1;
    if (attr(atts, "hidden")) return 1;
    const char *s = attr(atts, "style");
    if (s) {
        char c[64];
        size_t n = 0;
        for (; *s && n + 1 < sizeof c; s++) if (!dyad_isspace((unsigned char)*s)) c[n++] = (char)dyad_tolower((unsigned char)*s);
        c[n] = 0;
        if (strstr(c, "display:none") || strstr(c, "visibility:hidden")) return 1;
    }
    return 0;
}

static void end_block(state *st) {
    size_t len = st->all.len - st->cur_start;
    if (len) {
        if (DYAD_VEC_PUSH(st->mem, st->blocks, st->nblocks, st->cap)) { st->oom = 1; return; }
        block *b = &st->blocks[st->nblocks++];
        memset(b, 0, sizeof *b);
        b->start = st->cur_start;
        b->len = len;
        b->link = st->cur_link;
        b->article = st->article_at > 0;
        b->boiler = st->boiler_at > 0;
        b->heading = st->heading_at > 0;
        b->h1 = st->h1_at > 0;
    }
    st->cur_start = st->all.len;
    st->cur_link = 0;
    st->space = 0;
}

/* YYYY-MM-DD from the start of an ISO date ("2024-03-12T10:00:00Z"), else nothing. */
static void take_date(state *st, const char *v) {
    if (!v || st->page->date[0]) return;
    for (int i = 0; i < 10; i++) {
        if (!v[i]) return;
        if ((i == 4 || i == 7) ? v[i] != '-' : !dyad_isdigit((unsigned char)v[i])) return;
    }
    memcpy(st->page->date, v, 10);
    st->page->date[10] = 0;
}

static void set_title(state *st, const char *v) {
    dyad_buf *t = &st->page->title;
    dyad_buf_clear(t);
    int space = 0;
    for (; *v; v++) {
        if (dyad_isspace((unsigned char)*v)) { space = t->len > 0; continue; }
        if (space) dyad_buf_addc(t, ' ');
        space = 0;
        dyad_buf_addc(t, *v);
    }
}

static void meta(state *st, const xmlChar **atts) {
    const char *content = attr(atts, "content");
    if (!content) return;
    const char *keys[] = {attr(atts, "property"), attr(atts, "name"), attr(atts, "itemprop")};
    for (int i = 0; i < 3; i++) {
        const char *k = keys[i];
        if (!k) continue;
        if (!strcasecmp(k, "og:title")) { set_title(st, content); st->have_og_title = 1; }
        else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
                 !strcasecmp(k, "date") || !strcasecmp(k, "pubdate") || !strcasecmp(k, "publishdate") ||
                 !strcasecmp(k, "dc.date") || !strcasecmp(k, "dc.date.issued") ||
                 !strcasecmp(k, "og:published_time") || !strcasecmp(k, "parsely-pub-date"))
            take_date(st, content);
    }
}

static void on_start(void *ud, const xmlChar *name, const xmlChar **atts) {
    state *st = ud;
    st->depth++;
    if (st->skip_at) return;
    const char *n = (const char *)name;
    if (!n) return;
    if (is(name, "meta")) { meta(st, atts); return; }
    if (is(name, "title")) { st->in_title = !st->have_og_title; if (st->in_title) dyad_buf_clear(&st->page->title); return; }
    if (in_list(block_tags, n, strlen(n))) end_block(st);
    if (in_list(drop_tags, n, strlen(n)) || (is(name, "header") && !st->article_at) || hidden(atts)) {
        st->skip_at = st->depth;
        return;
    }
    const char *role = attr(atts, "role"), *itemprop = attr(atts, "itemprop");
    if (!st->article_at && (is(name, "article") || is(name, "main") || (role && !strcmp(role, "main")) ||
                            (itemprop && !strcmp(itemprop, "articleBody"))))
        st->article_at = st->depth;
    if (!st->boiler_at && !is(name, "body") && !is(name, "html") && !is(name, "article") && !is(name, "main") &&
        (boiler_names(attr(atts, "class")) || boiler_names(attr(atts, "id")) ||
         (role && in_list(boiler_roles, role, strlen(role)))))
        st->boiler_at = st->depth;
    if (is(name, "a")) st->link_depth++;
    if (!st->heading_at && n[0] == 'h' && n[1] >= '1' && n[1] <= '3' && !n[2]) {
        st->heading_at = st->depth;
        if (n[1] == '1') st->h1_at = st->depth;
    }
}

static void on_end(void *ud, const xmlChar *name) {
    state *st = ud;
    const char *n = (const char *)name;
    if (st->skip_at) {
        if (st->depth == st->skip_at) st->skip_at = 0;
    } else if (n) {
        if (is(name, "title")) st->in_title = 0;
        if (is(name, "a") && st->link_depth > 0) st->link_depth--;
        if (in_list(block_tags, n, strlen(n))) end_block(st);
    }
    if (st->depth == st->heading_at) st->heading_at = st->h1_at = 0;
    if (st->depth == st->boiler_at) st->boiler_at = 0;
    if (st->depth == st->article_at) st->article_at = 0;
    if (st->depth > 0) st->depth--;
}

static void on_text(void *ud, const xmlChar *ch, int len) {
    state *st = ud;
    const char *s = (const char *)ch;
    if (st->in_title) {
        dyad_buf *t = &st->page->title;
        for (int i = 0; i < len; i++) {
            if (dyad_isspace((unsigned char)s[i])) { if (t->len && t->data[t->len - 1] != ' ') dyad_buf_addc(t, ' '); }
            else dyad_buf_addc(t, s[i]);
        }
        return;
    }
    if (st->skip_at || len <= 0) return;
    size_t before = st->all.len;
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (dyad_isspace(c) || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)) {
            if (c == 0xC2) i++;
            st->space = st->all.len > st->cur_start;
            continue;
        }
        if (st->space) dyad_buf_addc(&st->all, ' ');
        st->space = 0;
        dyad_buf_addc(&st->all, (char)c);
    }
    if (st->all.oom) st->oom = 1;
    if (st->link_depth) st->cur_link += st->all.len - before;
}

static void on_ignore(void *ud, const xmlChar *ch, int len) { (void)ud; (void)ch; (void)len; }

static size_t words(const char *s, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++) if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

/* Ends with a full stop, question or exclamation mark, maybe inside a quote. */
static int sentence_end(const char *s, size_t n) {
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')')) n--;
    if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\x9D", 3)) n -= 3;   /* closing curly quote */
    return n && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!');
}

static void choose(state *st) {
    size_t article = 0, total = 0, plain = 0;
    for (size_t i = 0; i < st->nblocks; i++) {
        total += st->blocks[i].len;
        if (st->blocks[i].article) article += st->blocks[i].len;
    }
    int only_article = article >= 200;
    for (size_t i = 0; i < st->nblocks; i++) {
        const block *b = &st->blocks[i];
        if ((!only_article || b->article) && !b->boiler) plain += b->len;
    }
    int drop_boiler = plain * 4 >= (only_article ? article : total);
    dyad_buf *out = &st->page->text;
    const block *h1 = NULL;
    int h1_out = 0;
    for (size_t i = 0; i < st->nblocks; i++) if (st->blocks[i].h1 && !st->blocks[i].boiler) { h1 = &st->blocks[i]; break; }
    for (size_t i = 0; i < st->nblocks; i++) {
        const block *b = &st->blocks[i];
        const char *s = st->all.data + b->start;
        if (only_article && !b->article && b != h1) continue;
        if (drop_boiler && b->boiler) continue;
        if (b->link * 2 > b->len) continue;
        if (!b->heading && words(s, b->len) < 4 && !sentence_end(s, b->len)) continue;
        if (h1 && !h1_out && b != h1) {          /* the headline first, wherever the page put it */
            dyad_buf_add(out, st->all.data + h1->start, h1->len);
            dyad_buf_add(out, "\n\n", 2);
        }
        if (b == h1 && h1_out) continue;
        if (h1) h1_out = 1;
        dyad_buf_add(out, s, b->len);
        dyad_buf_add(out, "\n\n", 2);
    }
    while (out->len && out->data[out->len - 1] == '\n') out->data[--out->len] = 0;
    if (out->oom) st->oom = 1;
}

void dyad_html_init(dyad_html_page *p, const dyad_mem *mem) {
    memset(p, 0, sizeof *p);
    dyad_buf_init(&p->text, mem);
    dyad_buf_init(&p->title, mem);
}

void dyad_html_free(dyad_html_page *p) {
    dyad_buf_free(&p->text);
    dyad_buf_free(&p->title);
}

/* libxml2 reports some errors (a failed charset conversion, "I/O error: encoder error") through its
 * generic error channel rather than the SAX handler; the library never prints, so they are
 * silenced for the parse and the caller's handlers restored after it. */
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void quiet_structured(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

int dyad_html_extract(dyad_html_page *p, const char *html, size_t len, const char *charset) {
    dyad_buf_clear(&p->text);
    dyad_buf_clear(&p->title);
    p->date[0] = 0;
    if (!len || len > INT_MAX) return 0;      /* libxml2 makes no context for an empty page */
    state st;
    memset(&st, 0, sizeof st);
    st.page = p;
    st.mem = p->text.mem;
    dyad_buf_init(&st.all, st.mem);
    xmlInitParser();
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
    if (!ctxt) return -1;
    /* Our handler instead of the tree builder: only these five callbacks, no errors printed. */
    htmlSAXHandler *h = xmlMalloc(sizeof *h);
    if (!h) { htmlFreeParserCtxt(ctxt); return -1; }
    memset(h, 0, sizeof *h);
    h->startElement = on_start;
    h->endElement = on_end;
    h->characters = on_text;
    h->ignorableWhitespace = on_text;
    h->cdataBlock = on_ignore;     /* <script> and <style> bodies */
    if (ctxt->sax) xmlFree(ctxt->sax);
    ctxt->sax = h;
    ctxt->userData = &st;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING);
    if (charset && *charset) {
        /* the transport's charset outranks the page's <meta>, as in a browser */
        xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler(charset);
        if (enc) xmlSwitchToEncoding(ctxt, enc);
    }
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc old_structured = xmlStructuredError;
    void *old_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
    h->error = quiet;
    h->warning = quiet;
    h->fatalError = quiet;
    h->serror = quiet_structured;
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
    end_block(&st);
    if (!st.oom) choose(&st);
    dyad_buf_free(&st.all);
    dyad_mem_free(st.mem, st.blocks, st.cap * sizeof *st.blocks);
    if (st.oom || p->title.oom) return -1;
    return 0;
}

int dyad_html_sniff(const char *s, size_t len) {
    size_t i = 0;
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
    for (;;) {
        while (i < len && dyad_isspace((unsigned char)s[i])) i++;
        if (i + 4 <= len && !memcmp(s + i, "<!--", 4)) {      /* a comment before the doctype */
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= len; j++) if (!memcmp(s + j, "-->", 3)) { e = s + j; break; }
            if (!e) return 0;
            i = (size_t)(e - s) + 3;
            continue;
        }
        break;
    }
    if (i + 14 <= len && dyad_strncaseeq(s + i, "<!doctype html", 14)) return 1;
    if (i + 5 <= len && dyad_strncaseeq(s + i, "<html", 5) &&
        (i + 5 == len || s[i + 5] == '>' || dyad_isspace((unsigned char)s[i + 5]))) return 1;
    return 0;
}
