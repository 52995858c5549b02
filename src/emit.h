/* emit.h: records to text. JSON lines is the native form (DESIGN.md, "The event record");
 * the table is for people reading a terminal. Every emitter works from the public dyad_record,
 * so a program using dyad.h alone can write its own. */
#ifndef DYAD_EMIT_H
#define DYAD_EMIT_H

#include "dyad.h"
#include "util.h"

/* Appends the record as one JSON object (no newline). */
void dyad_emit_json(const dyad_record *r, dyad_buf *out);

#endif
