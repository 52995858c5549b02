/* petrarch.h: import of TABARI / PETRARCH2 dictionary files (internal side of
 * dyad_dict_import_petrarch in dyad.h).
 *
 * The user's files are read at run time and rewritten as dyad dictionary text in a folder:
 *   actors/petrarch.txt   actors: one line per code; date-restricted codes get from= / until=;
 *                         [A/B/C] is A with also=B,C
 *   agents.txt            agents: `~XXXYYY` / `XXX~` codes become sector=XXX (first 3 letters)
 *                         and code= the whole code with its ~; a {...} list: plural=no
 *   verbs/petrarch.txt    &SETS as @sets, `--- VERB [code] ---` blocks as bare verb patterns,
 *                         `- W1_W2 * WORDS + [code]` as `CODE<TAB>=w1_=w2 *lemma =words +`
 *                         (words before the verb before dyad's *, _ joins kept, exact spellings);
 *                         WIRE_+TAP as wire_*tap, ^ as ?, % before the verb as flag among and
 *                         after it as +, + before and $ after the verb as recv, [A:B] as rev=B
 *   cameo-petrarch.txt    the event codes the verbs use that the CAMEO table given lacks
 *                         (Goldstein 0), so they load
 *   PETRARCH-IMPORT       a marker naming the source files (not a dictionary: not *.txt); a
 *                         dictionary folder holding it loads in petrarch mode (dict.h)
 * What dyad's grammar cannot express is counted and reported through diag (line 0), never
 * silently dropped: see the summary lines. */
#ifndef DYAD_PETRARCH_H
#define DYAD_PETRARCH_H

#include "dyad.h"

/* The marker file written into the output folder. */
#define DYAD_PETRARCH_MARKER "PETRARCH-IMPORT"

#endif
