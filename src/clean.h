/* clean.h: a page into stories and the lines worth coding.
 *
 * A scraped page runs several stories together with bylines, credits, separators and
 * disclaimers between them. clean() walks it line by line: separators ("R E L A T E D :",
 * "Related:", "***") start a new story; datelines ("Radio of Armenia, 23 March 2015", "(SFP
 * 16/7/2014) ~", "MOSCOW, April 3 (Reuters) -") give the story its date and are cut off; bylines,
 * credits, labels, debris and disclaimers are dropped. What is kept is a list of segments (line
 * ranges of the normalised text), each in a story. */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H

#include "date.h"
#include "token.h"

typedef struct dyad_story {
    dyad_date date;        /* the story's date (dateline), else the document's */
    int dated;             /* 1 when a dateline gave the date */
    uint32_t dateline;     /* offset of the dateline in the text, if dated */
} dyad_story;

enum { SEG_TITLE = 1 };

typedef struct dyad_segment {
    uint32_t start, end;   /* byte range in the normalised text */
    uint32_t story;
    uint32_t flags;        /* SEG_* */
} dyad_segment;

typedef struct dyad_clean {
    dyad_story *stories;
    size_t nstories, cstories;
    dyad_segment *segs;
    size_t nsegs, csegs;
    size_t dropped;        /* lines dropped as boilerplate */
    dyad_toks toks;        /* scratch */
    const dyad_mem *mem;
} dyad_clean;

void dyad_clean_init(dyad_clean *c, const dyad_mem *mem);
void dyad_clean_free(dyad_clean *c);
/* Cleans text[0..len); doc_date is the document's date (prec may be DP_NONE). 0 or -1 (OOM). */
int dyad_clean_run(dyad_clean *c, const char *text, size_t len, dyad_date doc_date);

#endif
