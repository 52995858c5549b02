/* langid.h: which language a document is in (CLD2), and whether dyad codes that language. */
#ifndef DYAD_LANGID_H
#define DYAD_LANGID_H

#include "util.h"

/* The language of text[0..len) as an ISO 639-1 code ("en", "de", "ru"), or NULL when it cannot be
 * told reliably (short or mixed text, no letters). Looks at the first 4 KiB only (a quarter of the coding time on news at 64 KiB); invalid UTF-8
 * is blanked in a copy made in scratch. *skip is set to 1 when the text is reliably in a language
 * dyad does not code, mostly (at most 20% English), with enough letters (100 bytes) to be sure:
 * a short English text full of foreign names is never skipped. Text plainly English by its
 * function words ("the", "of", "said"...) is "en" without asking CLD2. */
const char *dyad_langid(const char *text, size_t len, dyad_buf *scratch, int *skip);

#endif
