/* records.h: dyad's own JSON records read back (the lines `dyad code` writes), for `dyad load
 * --records`, which stores the shards a distributed run wrote without coding them again.
 *
 * dyad_record_parse() fills r from one parsed record object: its strings point into o (o must
 * outlive r), r->json stays NULL for the caller to set. Conflicts' claims go to claims[0..max).
 * Returns 0, or -1 when o is not a dyad record (no "type" of event, conflict or story, or no
 * "doc"), with a reason in why. */
#ifndef DYAD_RECORDS_H
#define DYAD_RECORDS_H

#include <cjson/cJSON.h>
#include "dyad.h"

int dyad_record_parse(const cJSON *o, dyad_record *r, dyad_claim *claims, size_t max, const char **why);

/* What two reports of one event share, as one string (the coder's clusters hash it, the store
 * indexes it): each party's country and sector, else its organisation, else its sector; the
 * CAMEO root, 03 (intent to aid) counted as 07 (aid); flags: 1 the act is negated, 2 it is a total
 * over a period (a tally; 0 and 1 give the keys stores of schema 2 hold). Each party is
 * given as its country, organisation and sector (NULL or "" for none); out is always terminated. */
typedef struct dyad_party { const char *country, *org, *sector; } dyad_party;
void dyad_event_key(dyad_party src, dyad_party tgt, const char *cameo, int flags, char *out, size_t cap);

#endif
