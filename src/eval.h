/* eval.h: `dyad eval`: code gold-standard texts and score the output (a client of dyad.h). */
#ifndef DYAD_EVAL_H
#define DYAD_EVAL_H

#include <stdio.h>
#include "dyad.h"

typedef struct dyad_eval_options {
    const char *format;      /* NULL: detect; else expected, plover, isaf, petrarch, rules */
    const char *text;        /* for an expected-events table: the text it is about */
    const char *date;        /* for an expected-events table: the document date */
    int json;                /* one JSON object instead of the report */
    int worst;               /* how many worst records to list (default 10) */
} dyad_eval_options;

/* Scores each gold file; writes the report (or JSON) to out. Returns 0, or -1 when a file could
 * not be read or understood (said on err). */
int dyad_eval_run(const dyad_dict *d, const char *const *dict_paths, size_t ndict, const char *const *files,
                  size_t nfiles, const dyad_eval_options *o, FILE *out, FILE *err);

#endif
