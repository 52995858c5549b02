/* ruletest.h: plain-text rule tests (`dyad test FILE...`), a client of dyad.h only.
 *
 * A file holds cases. A case is a "##" line (its id and description), a sentence on the next
 * line (a document of several lines writes "\n" between them), then the events it must yield, one a line: SOURCE CAMEO TARGET [key=value ...], where
 * SOURCE and TARGET match an actor's country, org or code prefix ("-" for any, "none" for no
 * actor) and CAMEO is a code or a prefix ending in "*". Keys: date=, mode=, amount=VALUE:CUR,
 * dead=N, arrested=N (the counts of people; dead=- and arrested=- for none), tally=yes|no (a total over a period), attr=X (who says so, as SOURCE; attr=none: no one),
 * place= (place=- for none). A line "none" says the sentence yields no event; a line "..." allows events beyond
 * those listed. File directives: "%date YYYY-MM-DD" (the document date for the cases after it;
 * "%date -" for none, so a document's own lines must date it)
 * and "%dict PATH" (an extra dictionary, relative to the test file). */
#ifndef DYAD_RULETEST_H
#define DYAD_RULETEST_H

#include <stdio.h>
#include "dyad.h"

typedef struct dyad_ruletest_result { int passed, failed; } dyad_ruletest_result;

/* Runs one file against dictionaries loaded from dict_paths plus the file's %dict lines.
 * Failures are described on out. Returns 0, or -1 when the file cannot be run (message on out). */
int dyad_ruletest_run(const char *path, const char *const *dict_paths, size_t ndict, int verbose,
                      FILE *out, dyad_ruletest_result *res);

#endif
