/* code.c: events from a parsed sentence (see code.h). */
#include "code.h"

#include "count.h"

#include <stdio.h>
#include <stdlib.h>

#define GAP 6   /* words allowed between two pattern elements */
#define REL_GAP 10   /* more words when a relative clause opens right after an element */

static uint32_t wf(const dyad_sent *s, uint32_t i) { return s->d->lex.words[s->t[i].id].flags; }

/* A participle and its preposition after a noun, which describe it rather than being its head:
 * "insurgents related to the cache", "men belonging to the cell", "suspects tied to the attack". */
static int reduced_relative(const dyad_sent *s, uint32_t x) {
    const dyad_token *t = &s->t[x];
    if (x + 1 >= s->b || (t->flags & T_CAP) || t->len < 5 || !(wf(s, x + 1) & W_PREP)) return 0;
    const char *w = s->text + t->off;
    return !memcmp(w + t->len - 2, "ed", 2) || !memcmp(w + t->len - 3, "ing", 3);
}
static inline int is(const dyad_sent *s, uint32_t i, const char *w) { return dyad_tok_is(s->text, &s->t[i], w); }

/* Token i is the verb of some clause (an anchor that is no noun). */
static int verb_at(const dyad_sent *s, uint32_t i) {
    for (size_t k = 0; k < s->nanchors; k++) if (s->anchors[k].tok == i && !s->anchors[k].noun) return 1;
    return 0;
}

static int state_sector(const char *sector);

/* Appends a PETRARCH agent code to code: "~GOVFRM" after it, "NGO~" before it; three-letter
 * parts the code has already are not repeated ("HGWGOVMED" + "~GOVMED"). */
static void petrarch_agent(char *code, size_t cap, const char *ag) {
    size_t n = strlen(ag), have = strlen(code);
    int before = n && ag[n - 1] == '~';
    if (before) n--;
    if (n && ag[0] == '~') { ag++; n--; }
    char add[24] = "";
    size_t k = 0;
    for (size_t i = 0; i + 3 <= n && k + 4 < sizeof add; i += 3) {
        int dup = 0;
        for (size_t j = 0; j + 3 <= have && !dup; j += 3) dup = !memcmp(code + j, ag + i, 3);
        if (!dup) { memcpy(add + k, ag + i, 3); k += 3; }
    }
    add[k] = 0;
    if (have + k + 1 > cap) return;
    if (before) {
        memmove(code + k, code, have + 1);
        memcpy(code, add, k);
    } else {
        memcpy(code + have, add, k + 1);
    }
}

/* PETRARCH's code of an actor phrase: the owner's code (its null "---" when there is none),
 * then its agents in the order of the text. */
static void petrarch_code(const dyad_dict *d, const dyad_np *np, dyad_av *v) {
    if (np->owner < 0 && np->person < 0 && np->agent < 0) return;
    const dyad_actor_ent *o = np->owner >= 0 ? &d->actors[np->owner] : np->person >= 0 ? &d->actors[np->person] : NULL;
    char *c = v->pcode;
    size_t cap = sizeof v->pcode;
    if (o && o->code) snprintf(c, cap, "%s", o->code);
    else if (o && o->country[0]) snprintf(c, cap, "%s%s", o->country, o->sector);
    else if (o && o->org) snprintf(c, cap, "%s", o->org);
    else snprintf(c, cap, "---");
    int32_t ags[2] = {np->agent, np->agent2};
    for (int i = 0; i < 2; i++) {
        if (ags[i] < 0) continue;
        const dyad_actor_ent *g = &d->actors[ags[i]];
        petrarch_agent(c, cap, g->code ? g->code : g->sector);
    }
}

/* The country a place of country c belonged to at date (YYYYMMDD): a state founded since then
 * was part of its predecessor ("Juba" in 1995 is in Sudan), as the gazetteer gives today's
 * countries. Only splits whose predecessor lives on; NULL when c was c then. */
static const char *then_country(const char *c, int32_t date) {
    static const struct { const char *now, *was; int32_t from; } split[] = {
        {"SSD", "SDN", 20110709}, {"ERI", "ETH", 19930524}};
    for (size_t i = 0; date > 0 && i < sizeof split / sizeof *split; i++)
        if (!strcmp(c, split[i].now) && date < split[i].from) return split[i].was;
    return NULL;
}

void dyad_av_from_np(const dyad_sent *s, const dyad_np *np, dyad_av *v) {
    const dyad_dict *d = s->d;
    memset(v, 0, sizeof *v);
    v->a = np->a;
    v->b = np->b;
    /* trim a leading determiner from the text */
    while (v->a < v->b && (wf(s, v->a) & W_DET)) v->a++;
    v->pron = np->pron;
    if (np->owner >= 0) {
        const dyad_actor_ent *o = &d->actors[np->owner];
        memcpy(v->country, o->country, 4);
        memcpy(v->sector, o->sector, 4);
        v->org = o->org;
        v->xcode = o->code;
        v->type = o->type;
        if (o->type == AT_PERSON) { v->name = o->name ? o->name : o->canon; v->role = o->role; }
        /* "Sudanese rebels shelled the southern regional capital Juba" in 1995: Sudan's city,
         * no seat of a government yet */
        const char *was = (o->type == AT_CAPITAL || o->type == AT_CITY || o->type == AT_REGION) ? then_country(o->country, s->date) : NULL;
        if (was) {
            memcpy(v->country, was, 4);
            if (o->type == AT_CAPITAL) { v->type = AT_CITY; v->sector[0] = 0; v->xcode = NULL; }
        }
    }
    if (np->person >= 0) {
        const dyad_actor_ent *p = &d->actors[np->person];
        v->name = p->name ? p->name : p->canon;
        if (p->from > 0 || p->until < 99999999) v->role = p->role;
        /* "Arab League Secretary General X": the organisation's official, not his country's */
        int igo = np->owner >= 0 && np->owner != np->person && d->actors[np->owner].type == AT_IGO;
        if (!v->country[0] && !igo) memcpy(v->country, p->country, 4);
        if (!v->sector[0] && (p->from > 0 || p->until < 99999999)) memcpy(v->sector, p->sector, 4);
        if (!v->type) v->type = AT_PERSON;
    }
    if (np->agent >= 0) {
        const dyad_actor_ent *g = &d->actors[np->agent];
        /* a group's "leader" or "official" is still the group's: an armed group's leader is REB,
         * not GOV, so a generic GOV role does not override a group's or party's own sector */
        int generic = !strcmp(g->sector, "GOV") && (v->type == AT_GROUP || v->type == AT_PARTY) && v->sector[0];
        /* and an armed group's "commander" or "fighters" are the group's, not a state's military */
        if (!strcmp(g->sector, "MIL") && v->type == AT_GROUP && v->sector[0] && strcmp(v->sector, "MIL")) generic = 1;
        /* "a young man, Denethor": a word that only says "a person" adds nothing to a named one */
        if (g->target_only && (np->owner >= 0 || np->person >= 0)) generic = 1;
        /* "the leaders of the opposition coalition", "officials of the rebel movement": a role
         * word the dictionary files under GOV is the non-state body's it heads */
        if (!generic && np->agent2 >= 0 && np->owner < 0 && np->person < 0 && !strcmp(g->sector, "GOV") &&
            d->actors[np->agent2].sector[0] && !state_sector(d->actors[np->agent2].sector))
            g = &d->actors[np->agent2];
        if (!generic) memcpy(v->sector, g->sector, 4);
        /* an agent with an organisation of its own ("security council": the UN's) names it only
         * when the phrase names no country ("Russia's Security Council" is Russia's) */
        if (!v->org && g->org && (!g->code || (!v->country[0] && np->owner < 0 && np->person < 0))) {
            v->org = g->org;
            if (g->code) v->xcode = g->code;
        }
    }
    if (np->ethnic && !v->sector[0]) memcpy(v->sector, "CVL", 4);   /* "ethnic Albanians" */
    if (d->petrarch) petrarch_code(d, np, v);
}

void dyad_av_code(const dyad_av *v, char *out, size_t cap) {
    if (v->pcode[0]) snprintf(out, cap, "%s", v->pcode);
    else if (v->xcode && v->xcode[0]) {
        if (v->sector[0] && !strstr(v->xcode, v->sector) && strcmp(v->sector, "IGO") && strcmp(v->sector, "GOV"))
            snprintf(out, cap, "%s%s", v->xcode, v->sector);
        else snprintf(out, cap, "%s", v->xcode);
    } else if (v->country[0]) snprintf(out, cap, "%s%s", v->country, v->sector);
    else if (v->org) snprintf(out, cap, "%s%s", v->org, v->sector);
    else snprintf(out, cap, "%s", v->sector);
}

/* Gives an actor known by its kind a country (PETRARCH's code too: "---LEG" becomes "FORLEG"). */
static void av_country(dyad_av *v, const char *country) {
    memcpy(v->country, country, 4);
    if (!strncmp(v->pcode, "---", 3) && country[0]) memcpy(v->pcode, country, 3);
}

/* An NP that names someone (not a bare agent such as "military" in "military aid"). */
static int np_named(const dyad_np *p) { return p->owner >= 0 || p->person >= 0 || p->ethnic || p->body; }

static int av_valid(const dyad_av *v) { return v->country[0] || v->org || (v->name && v->type == AT_PERSON); }

static int av_same(const dyad_av *x, const dyad_av *y) {
    char a[32], b[32];
    dyad_av_code(x, a, sizeof a);
    dyad_av_code(y, b, sizeof b);
    return !strcmp(a, b);
}

/* The same country or organisation, whatever the sector. */
static int same_party(const dyad_av *x, const dyad_av *y) {
    if (x->country[0] || y->country[0]) return !strcmp(x->country, y->country);
    return x->org && y->org && !strcmp(x->org, y->org);
}

/* ---- patterns ------------------------------------------------------------------------------- */

static int word_match(const dyad_sent *s, uint32_t x, uint32_t id, int exact) {
    uint32_t t = s->t[x].id;
    return t && (t == id || (!exact && s->d->lex.words[t].base == id));
}

/* The tokens a word, a|b|c, ? or @SET element matches at x, ending by to; 0 when it does not. */
static uint32_t elem_at(const dyad_sent *s, const dyad_pelem *e, uint32_t x, uint32_t to) {
    const dyad_dict *d = s->d;
    if (x >= to) return 0;
    if (e->kind == PE_ANY) return 1;
    if (e->kind == PE_SET) return (uint32_t)dyad_match_kind_at(d, s->t, x, to, K_SET, e->a, NULL);
    if (e->kind != PE_WORD && e->kind != PE_ALT) return 0;
    for (uint32_t q = 0; q < e->n; q++)
        if (word_match(s, x, d->alts[e->a + q], e->exact)) return 1;
    return 0;
}

/* The elements a pattern names before its verb ("not_*meet"), matched backwards from the verb
 * token within the clause; 1 when all are there. */
static int match_before(const dyad_sent *s, const dyad_pattern *p, uint32_t verb) {
    uint32_t pos = verb;
    int adj = (p->flags & PF_VADJ) != 0;
    for (uint32_t k = p->npre; k-- > 0;) {
        const dyad_pelem *e = &s->d->elems[p->pre + k];
        int found = 0;
        for (uint32_t x = pos; x > s->a && !found && x + GAP + 1 >= pos; x--) {
            uint32_t y = x - 1;
            if (s->tflags[y - s->a] & TOK_BOUND) return 0;
            uint32_t n = elem_at(s, e, y, pos);
            if (!n || (adj && y + n != pos)) continue;
            /* the longest phrase of a set that ends there: "really did not", not "did not" */
            uint32_t start = y, end = y + n;
            for (uint32_t z = y; z > s->a && z + 4 > y; z--)
                if (elem_at(s, e, z - 1, pos) == end - (z - 1)) start = z - 1;
            found = 1;
            pos = start;
        }
        if (!found) return 0;
        adj = e->adj;
    }
    return 1;
}

/* How much a pattern asks for: its elements, and a compound subject (among), plus one. */
static int pattern_weight(const dyad_pattern *p) {
    return (int)(p->nelem + p->npre) + ((p->flags & PF_AMONG) != 0) + 1;
}

/* Matches pattern p on [from, to); returns its score (elements + 1) or 0, the + slot's NP in
 * *tgt, and in *last the token after the last element. */
static int match_pattern(const dyad_sent *s, const dyad_pattern *p, uint32_t k0, uint32_t from, uint32_t to, uint32_t gap0,
                         const dyad_money *money, size_t nmoney, int passive, int32_t *tgt, uint32_t *last) {
    const dyad_dict *d = s->d;
    uint32_t pos = from;
    *tgt = -1;
    for (uint32_t k = k0; k < p->nelem; k++) {
        const dyad_pelem *e = &d->elems[p->elem + k];
        /* "were taken into custody by X": in a passive with its doer named, the object a
         * pattern names first ("take + into custody") is the subject, before the verb */
        if (passive && k == 0 && e->kind == PE_TARGET) continue;
        uint32_t next = 0;
        int found = 0;
        uint32_t reach = e->adj ? pos : pos + (k == k0 ? gap0 : GAP);   /* a_b: right after the element before */
        /* "allow refugees who have lived in Iraq for a decade to return": a relative clause right
         * after the element before does not count towards the gap */
        if (!e->adj && k > k0 && pos < to && (wf(s, pos) & W_REL)) reach += REL_GAP;
        for (uint32_t x = pos; x < to && x <= reach && !found; x++) {
            if (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN)) continue;
            /* the verb's object set is its object, not a place phrase after it: "captured another
             * in Sabari district" is no capture of territory */
            if (k == 0 && e->kind == PE_SET && x > pos && (s->t[x].flags & T_WORD) && (wf(s, x) & W_LOC_PREP)) break;
            switch (e->kind) {
            case PE_WORD:
            case PE_ALT:
            case PE_ANY:
                if (elem_at(s, e, x, to)) { found = 1; next = x + 1; }
                break;
            case PE_SET:
                if ((int32_t)e->a == d->money_set) {
                    for (size_t m = 0; m < nmoney; m++)
                        if (money[m].a == x || (money[m].a < x && money[m].b > x)) { found = 1; next = money[m].b; break; }
                } else {
                    size_t n = dyad_match_kind_at(d, s->t, x, to, K_SET, e->a, NULL);
                    if (n) { found = 1; next = x + (uint32_t)n; }
                }
                break;
            case PE_TARGET: {
                int32_t np = s->tnp[x - s->a];
                /* a place is a target only where the pattern says so ("arrive in +") */
                int explicit_prep = k > 0 && (d->elems[p->elem + k - 1].kind == PE_WORD || d->elems[p->elem + k - 1].kind == PE_ALT);
                /* a noun of arrest or force on people known by their kind, after a quantity
                 * ("the detention of several suspected insurgents"; a verb takes them after its
                 * patterns; not "meetings with foreign leaders") */
                int kind = 0;
                if ((p->flags & PF_NOUN) && ((p->code[0] == '1' && p->code[1] >= '7') || p->code[0] == '2')) {
                    int32_t q = np;
                    uint32_t y = x;
                    if (q < 0) {
                        while (y < to && y < x + 3 && s->tnp[y - s->a] < 0 &&
                               ((s->t[y].flags & T_NUM) || ((s->t[y].flags & T_WORD) && !(s->t[y].flags & T_CAP) &&
                                                             !(wf(s, y) & (W_PREP | W_CONJ | W_AUX | W_REL | W_COMP | W_NEG)))))
                            y++;
                        q = y < to ? s->tnp[y - s->a] : -1;
                    }
                    if (q >= 0 && s->nps[q].a == y && s->nps[q].agent >= 0) { np = q; kind = 1; }
                }
                if (np >= 0 && (!s->nps[np].loc || explicit_prep) && !s->nps[np].by && (s->nps[np].a == x || kind) &&
                    (np_named(&s->nps[np]) || s->nps[np].definite || s->nps[np].pron || kind)) {
                    found = 1;
                    *tgt = s->nps[np].first;
                    int32_t l = np;
                    while (s->nps[l].next >= 0) l = s->nps[l].next;
                    next = s->nps[l].b;
                }
                break;
            }
            }
        }
        if (!found) return 0;
        pos = next;
    }
    *last = pos;
    return pattern_weight(p);
}

/* "X has been accused of misusing funds, much of it believed embezzled, by Haitian officials": a
 * passive's doer after an aside, a comma and "by" beyond its clause's end x; -1 if none. */
static int32_t by_after_aside(const dyad_sent *s, uint32_t x) {
    for (uint32_t y = x; y + 2 < s->b; y++) {
        if (s->tflags[y - s->a] & TOK_BOUND) return -1;
        if (!is(s, y, ",") || !is(s, y + 1, "by")) continue;
        /* (a determiner or a describing word or two before it: "by current Haitian officials") */
        uint32_t z = y + 2;
        while (z < s->b && z < y + 4 && s->tnp[z - s->a] < 0 && (s->t[z].flags & T_WORD) && !(s->t[z].flags & T_CAP) &&
               !(wf(s, z) & (W_VERB | W_PREP | W_CONJ | W_REL | W_COMP | W_AUX)))
            z++;
        int32_t np = z < s->b ? s->tnp[z - s->a] : -1;
        return np >= 0 && np_named(&s->nps[np]) ? s->nps[np].first : -1;
    }
    return -1;
}

static int force_code(const char *code) {
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

/* Where the subject of a passive verb group at g starts: back to the clause's start (a
 * boundary, comma, "that" or another verb). */
static uint32_t passive_subject_start(const dyad_sent *s, uint32_t g) {
    uint32_t x = g;
    while (x > s->a) {
        uint32_t i = x - 1;
        if ((s->tflags[i - s->a] & TOK_BOUND) || is(s, i, ",") || ((wf(s, i) & W_COMP) && !(wf(s, i) & W_DET))) break;
        if (verb_at(s, i)) break;
        x = i;
    }
    return x;
}

/* "Food aid was delivered to Sudan by Japan": in a passive whose subject in [a, g) names no
 * actor, the object a pattern names first (a word or word set, not the target) may be that
 * subject; the rest follow the verb. */
static int match_passive(const dyad_sent *s, const dyad_pattern *p, uint32_t a, uint32_t g, uint32_t from,
                         uint32_t to, const dyad_money *money, size_t nmoney, int32_t *tgt, uint32_t *last) {
    /* (not for meetings, whose passive names no party, nor for force, whose passive subject is
     * the victim and coded as such already) */
    if (!p->nelem || !strncmp(p->code, "04", 2) || force_code(p->code)) return 0;
    for (uint32_t x = a; x < g; x++) if (s->tnp[x - s->a] >= 0) return 0;   /* an actor: the target */
    const dyad_pelem *e = &s->d->elems[p->elem];
    if ((e->kind != PE_SET && e->kind != PE_WORD && e->kind != PE_ALT) || (int32_t)e->a == s->d->money_set) return 0;
    int found = 0;
    for (uint32_t x = a; x < g && !found; x++) {
        if (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN)) continue;
        found = e->kind == PE_SET ? dyad_match_kind_at(s->d, s->t, x, g, K_SET, e->a, NULL) > 0 : elem_at(s, e, x, g) > 0;
    }
    return found ? match_pattern(s, p, 1, from, to, GAP, money, nmoney, 0, tgt, last) : 0;
}

/* The end of the clause that starts after token from. */
static uint32_t clause_end(const dyad_sent *s, uint32_t from, int32_t self) {
    for (uint32_t x = from; x < s->b; x++) {
        if (s->tflags[x - s->a] & TOK_BOUND) return x;
        if (is(s, x, "but") || is(s, x, "while") || is(s, x, "whereas") || is(s, x, "because") ||
            is(s, x, "although") || is(s, x, "unless") || is(s, x, "when"))
            return x;
        if ((wf(s, x) & W_REL) && x > s->a && is(s, x - 1, ",")) return x - 1;
        if ((wf(s, x) & W_COMP) && !(wf(s, x) & W_DET)) return x;
        for (size_t k = 0; k < s->nanchors; k++) {
            const dyad_anchor *an = &s->anchors[k];
            if (an->tok == x && an->governor != self && (int32_t)k != self && !an->noun && !an->purpose) {
                /* "and are actively recruiting": a new verb group ends the clause, and so does
                 * its subject ("..., the Herald first reported") */
                uint32_t e = an->group > from ? an->group : x;
                if (e > from && s->tnp[e - 1 - s->a] >= 0) {
                    const dyad_np *p = &s->nps[s->nps[s->tnp[e - 1 - s->a]].first];
                    if (p->a > from && p->a < e && !p->loc && !p->to_with) e = p->a;
                }
                return e;
            }
        }
    }
    return s->b;
}

/* Whether the act of the verb at tok (its group from head) is a total over a period: the
 * sentence names a span ("over the past month", "in the last 24 hours", "so far", "to date"),
 * or the verb is a perfect ("have detained", "have killed two and detained") and the sentence
 * says since when ("since December 1") or "this year": "Afghan and coalition forces have
 * detained more than 25 leaders since December 1" is no one operation. */
static int tally_cues(const dyad_sent *s);

static int tally(const dyad_sent *s, const dyad_anchor *head, uint32_t tok, int *cues) {
    int perfect = 0;
    for (uint32_t x = tok; x > s->a && x + 12 > tok && !perfect; x--) {
        if ((wf(s, x - 1) & (W_COMP | W_REL)) || is(s, x - 1, ";") || (x - 1 < head->group && is(s, x - 1, "\""))) break;
        perfect = is(s, x - 1, "have") || is(s, x - 1, "has") || is(s, x - 1, "had");
    }
    /* the sentence's cues, found once: 1 a span, 2 a "since" or "this year" */
    if (*cues < 0) *cues = tally_cues(s);
    return (*cues & 1) || (perfect && (*cues & 2));
}

static int tally_cues(const dyad_sent *s) {
    int cues = 0;
    for (uint32_t x = s->a; x + 1 < s->b; x++) {
        const dyad_token *n = &s->t[x + 1];
        if ((is(s, x, "so") && is(s, x + 1, "far")) || (is(s, x, "to") && is(s, x + 1, "date"))) cues |= 1;
        /* "over the past month", "in the last 24 hours", "during the past few days" */
        if ((is(s, x, "in") || is(s, x, "over") || is(s, x, "during")) && x + 3 < s->b && is(s, x + 1, "the") &&
            (is(s, x + 2, "last") || is(s, x + 2, "past")) &&
            ((s->t[x + 3].flags & T_NUM) || (wf(s, x + 3) & (W_TIME | W_NUMWORD)) || is(s, x + 3, "few") ||
             is(s, x + 3, "several") || is(s, x + 3, "couple") || is(s, x + 3, "decade") || is(s, x + 3, "years") ||
             is(s, x + 3, "months") || is(s, x + 3, "weeks") || is(s, x + 3, "days") || is(s, x + 3, "year") ||
             is(s, x + 3, "month") || is(s, x + 3, "week") || is(s, x + 3, "hours")))
            cues |= 1;
        if (is(s, x, "since") && ((n->flags & T_NUM) || (wf(s, x + 1) & W_TIME) || is(s, x + 1, "the") ||
                                  is(s, x + 1, "last") || is(s, x + 1, "early") || is(s, x + 1, "late") || is(s, x + 1, "mid")))
            cues |= 2;
        if (is(s, x, "this") && (is(s, x + 1, "year") || is(s, x + 1, "month"))) cues |= 2;
    }
    return cues;
}

/* An actor phrase that is the topic of talk, not a party to it: "discussed the developments in
 * Ukraine", "briefed him on the situation around Ukraine", "briefed the media on the telephone
 * conversation between Putin and Biden" (but a mediator's parties are those between: "oversees
 * dialogue between Belgrade and Pristina"). */
static int topic_np(const dyad_sent *s, const dyad_np *p, const char *code) {
    static const char *const topic[] = {"situation", "developments", "events", "assessment", "assessments", "crisis", NULL};
    static const char *const about[] = {"in", "around", "on", "concerning", "regarding", "over", "of", "surrounding", NULL};
    uint32_t x = p->a;
    if (x < s->a + 2) return 0;
    /* "briefed the media on the telephone conversation between Putin and Biden", "developing
     * practical cooperation between the EU and Minsk": the parties of another exchange (not of
     * an agreement signed: "a declaration between Russia and Turkmenistan was signed") */
    if (is(s, x - 1, "between") && strncmp(code, "045", 3)) {   /* (a mediator's parties are between it) */
        static const char *const exchange[] = {"conversation", "conversations", "talks", "meeting", "meetings", "contacts",
                                               "negotiations", "relations", "ties", "cooperation", "dialogue", "summit", NULL};
        for (int k = 0; exchange[k]; k++) if (is(s, x - 2, exchange[k])) return 1;
    }
    int prep = 0;
    for (int k = 0; about[k] && !prep; k++) prep = is(s, x - 1, about[k]);
    if (!prep) return 0;
    uint32_t w = x - 2;
    if (w > s->a && (wf(s, w) & W_DET)) w--;   /* "on the situation in" */
    for (int k = 0; topic[k]; k++)
        if (is(s, w, topic[k])) return 1;
    return 0;
}

/* Token x stands in a subordinate clause set off by commas before token g: ", after
 * intelligence indicated militant activity, and detained"; its verb is not the one "and" joins. */
static int in_aside(const dyad_sent *s, uint32_t x, uint32_t g) {
    static const char *const sub[] = {"after", "when", "while", "because", "as", "since", "before", "although",
                                      "though", "until", "once", "if", "where", NULL};
    uint32_t c2 = x + 1;
    while (c2 < g && !is(s, c2, ",")) c2++;
    if (c2 >= g) return 0;
    for (uint32_t c1 = x; c1 > s->a && c1 + 12 > x; c1--) {
        if (!is(s, c1 - 1, ",")) continue;
        for (int q = 0; sub[q]; q++) if (is(s, c1, sub[q])) return 1;
        return 0;
    }
    return 0;
}

/* "engaged the insurgents, killing them", "killing two of them", "detained two insurgents and
 * killed one of them": a pronoun right after the verb (after a count: "several of", "all") is
 * the actor the sentence named before the verb, other than its subject, when an act of force or
 * arrest coded before in this sentence was on it ("treated civilians ... when Soviet forces
 * were fighting them" is no such act); -1 if none. */
static int32_t pronoun_object(const dyad_sent *s, const dyad_anchor *an, int32_t sub, const dyad_evs *out,
                              uint32_t sentence) {
    uint32_t x = an->tok + 1;
    for (int n = 0; n < 3 && x < s->b && ((s->t[x].flags & T_NUM) || (wf(s, x) & (W_DET | W_NUMWORD)) || is(s, x, "of") ||
                                          is(s, x, "many") || is(s, x, "one") || is(s, x, "dozens")); n++)
        x++;
    /* ("killing all four": the four the act before was on) */
    int all = x > an->tok + 1 && is(s, an->tok + 1, "all") && (x == s->b || !(s->t[x].flags & T_WORD));
    if (!all && (x >= s->b || !(is(s, x, "him") || is(s, x, "her") || is(s, x, "them")))) return -1;
    for (uint32_t y = an->group; y > s->a; y--) {
        int32_t np = s->tnp[y - 1 - s->a];
        if (np < 0) continue;
        const dyad_np *p = &s->nps[s->nps[np].first];
        if (p->pron || p->loc || p->by || p->from || s->nps[np].first == sub || (sub >= 0 && s->nps[sub].first == s->nps[np].first)) {
            y = p->a + 1;
            continue;
        }
        for (size_t k = out->n; k-- > 0 && out->v[k].sentence == sentence && out->v[k].sa == s->a;) {
            const dyad_ev *e = &out->v[k];
            if (!force_code(e->cameo) && strncmp(e->cameo, "17", 2)) continue;
            for (int32_t q = s->nps[np].first; q >= 0; q = s->nps[q].next)
                if (e->tgt.a >= s->nps[q].a && e->tgt.b <= s->nps[q].b && e->tgt.b > e->tgt.a) return s->nps[np].first;
        }
        return -1;
    }
    return -1;
}

/* The subject: the nearest actor phrase before token g in the same clause. */
static int32_t find_subject(const dyad_sent *s, uint32_t g, int32_t self) {
    /* "raided a Taliban compound, killing two insurgents", "returned fire killing two": a
     * participle clause's subject is the main verb's, not the object between them */
    if (self >= 0 && s->anchors[self].participle)
        for (int32_t k = self - 1; k >= 0; k--) {
            const dyad_anchor *p = &s->anchors[k];
            if (p->noun || p->governs || p->participle || p->tok >= g) continue;
            return find_subject(s, p->group, k);
        }
    /* "Two insurgents were killed and several others detained": a verb after "and" and a
     * quantity shares the subject of the verb before it (its people are more of them) */
    uint32_t qs = self >= 0 ? dyad_and_quantity(s, g) : g;
    if (qs < g && s->anchors[self].passive) g = qs;
    /* "killed two insurgents and detained nine others": a verb right after "and" shares the
     * subject of the verb before it, not the object between them */
    if (self >= 0 && g > s->a && (is(s, g - 1, "and") || (g > s->a + 1 && is(s, g - 1, ",") && !s->anchors[self].participle)))
        for (int32_t k = self - 1; k >= 0; k--) {
            const dyad_anchor *p = &s->anchors[k];
            if (p->noun || p->governs || p->tok >= g) continue;
            if (p->participle) continue;   /* "..., including a leader, and detained" */
            if (in_aside(s, p->tok, g)) continue;   /* "..., after intelligence indicated X, and detained" */
            return find_subject(s, p->group, k);
        }
    /* "An attack by Taliban fighters killed two soldiers", "The operation by Afghan forces
     * killed": with no actor before it in its clause, the doer of the subject's noun is the
     * subject */
    int32_t by_doer = -1;
    for (uint32_t x = g; x > s->a; x--) {
        uint32_t i = x - 1;
        uint8_t f = s->tflags[i - s->a];
        if (f & TOK_BOUND) return by_doer;
        if (f & (TOK_SKIP | TOK_PAREN)) continue;
        if (is(s, i, "but") || is(s, i, "while") || is(s, i, "whereas") || is(s, i, "because") || is(s, i, "if") ||
            is(s, i, "when"))
            return -1;
        if ((wf(s, i) & W_COMP) && !(wf(s, i) & W_DET)) return -1;
        /* "neo-Nazis who torture prisoners": the subject of a relative clause is the phrase the
         * relative word follows; when that is no actor, no one further back is */
        if ((is(s, i, "who") || is(s, i, "which")) && i > s->a && s->tnp[i - 1 - s->a] < 0 &&
            !(s->tflags[i - 1 - s->a] & (TOK_PAREN | TOK_SKIP)) && !is(s, i - 1, ","))
            return -1;
        /* "Pakistan, a key U.S. ally, has refused": a phrase between commas that opens with a
         * determiner and follows an actor is an apposition; the actor before it is the subject */
        if (i + 1 == g && is(s, i, ",")) {
            for (uint32_t j = i; j > s->a + 1 && j + 14 > i; j--) {
                uint32_t c = j - 1;
                if (s->tflags[c - s->a] & TOK_BOUND) break;
                if (verb_at(s, c)) break;
                if (!is(s, c, ",") || c + 1 >= i) continue;
                if ((is(s, c + 1, "a") || is(s, c + 1, "an") || is(s, c + 1, "the")) && s->tnp[c - 1 - s->a] >= 0) {
                    const dyad_np *p0 = &s->nps[s->tnp[c - 1 - s->a]];
                    if (p0->b == c && !p0->loc && !p0->by && !p0->from && !p0->to_with) return p0->first;
                }
                break;
            }
        }
        int32_t np = s->tnp[i - s->a];
        if (np >= 0) {
            const dyad_np *p = &s->nps[np];
            if (p->loc || p->by || p->to_with || p->from) {
                const dyad_np *f0 = &s->nps[p->first];
                if (p->by && by_doer < 0 && f0->a >= s->a + 2 && is(s, f0->a - 1, "by") && !(self >= 0 && s->anchors[self].passive) &&
                    (s->t[f0->a - 2].flags & T_WORD) && !(wf(s, f0->a - 2) & (W_PREP | W_DET | W_AUX | W_CONJ)) &&
                    s->tnp[f0->a - 2 - s->a] < 0 && !verb_at(s, f0->a - 2))   /* not "was attacked by" */
                    by_doer = p->first;
                x = f0->a + 1;
                continue;
            }
            /* "A leader in Andar district, Ghazni province, was arrested": a place alone between
             * commas locates what stands before it */
            if (p->place >= 0 && p->owner < 0 && p->agent < 0 && p->person < 0 && p->a > s->a &&
                is(s, p->a - 1, ",") && p->b < s->b && is(s, p->b, ",")) { x = p->a + 1; continue; }
            /* "Russian aircraft including helicopter gunships killed": the included are not the subject */
            if (s->nps[p->first].a > s->a && is(s, s->nps[p->first].a - 1, "including")) { x = s->nps[p->first].a; continue; }
            /* "those who say similar things about Russia are executed": a phrase inside a relative
             * clause (a verb between it and "who") is not the subject after the clause; the
             * phrase "who" follows is, if it is an actor */
            /* (for a passive, whose subject is what befell; a clause with one verb, still open) */
            if (self >= 0 && s->anchors[self].passive && !s->anchors[self].participle) {
                uint32_t f0 = s->nps[p->first].a;
                for (uint32_t r = f0; r > s->a && r + 10 > f0; r--) {
                    uint32_t w = r - 1;
                    if (is(s, w, ",") || (s->tflags[w - s->a] & TOK_BOUND)) break;
                    if (!(is(s, w, "who") || is(s, w, "which"))) continue;
                    int verbs = 0;
                    for (uint32_t q = w + 1; q < f0; q++) verbs += verb_at(s, q);
                    if (verbs != 1) break;
                    int32_t ante = w > s->a ? s->tnp[w - 1 - s->a] : -1;
                    return ante >= 0 ? s->nps[ante].first : -1;
                }
            }
            /* "of" inside a longer phrase we did not join: keep looking left */
            return p->first;
        }
        for (size_t k = 0; k < s->nanchors; k++)
            if (s->anchors[k].tok == i && (int32_t)k != self && !s->anchors[k].governs && !s->anchors[k].noun) {
                /* "Two men linked to the attack were arrested": a past form right after the
                 * subject, with no auxiliary and a preposition after it, shortly before a
                 * passive verb, describes the subject; so does one with "by" before any verb
                 * ("A Provincial Response Company supported by coalition forces captured") */
                if (self >= 0 && (s->anchors[self].passive || is(s, i + 1, "by")) && !s->anchors[k].passive && s->anchors[k].group == i &&
                    i + 1 < s->b && (wf(s, i + 1) & W_PREP) && s->anchors[self].tok < i + 10 &&
                    i > s->a && s->tnp[i - 1 - s->a] >= 0 && (s->d->lex.words[s->t[i].id].vform & (VF_PAST | VF_PART)) &&
                    !(s->d->lex.words[s->t[i].id].vform & (VF_BASE | VF_3SG)))
                    break;
                /* "..., killing two insurgents": the participle's subject is the main verb's */
                if (self >= 0 && s->anchors[self].participle && (int32_t)k < self)
                    return find_subject(s, s->anchors[k].group, (int32_t)k);
                /* "met in Beijing and signed": a verb joined by "and" shares the first's subject */
                if (g > s->a && is(s, g - 1, "and") && (int32_t)k < self)
                    return find_subject(s, s->anchors[k].group, (int32_t)k);
                return -1;
            }
    }
    return by_doer;
}

/* The actor of a noun event: a possessive before it ("Arnor's visit to Gondor"), else, when a
 * reporting verb has it as object ("ISAF confirmed the capture of a facilitator"), that verb's
 * subject. */
static const dyad_pattern *lemma_op(const dyad_dict *d, uint32_t lemma);
static int32_t noun_subject(const dyad_sent *s, int32_t k) {
    const dyad_anchor *an = &s->anchors[k];
    uint32_t x = an->tok;
    while (x > s->a && x + 3 > an->tok && (wf(s, x - 1) & (W_DET | W_ADV)) == 0 && !s->t[x - 1].id && (s->t[x - 1].flags & T_WORD)) x--;
    if (x >= s->a + 3 && is(s, x - 1, "s") && is(s, x - 2, "'") && s->tnp[x - 3 - s->a] >= 0)
        return s->nps[s->tnp[x - 3 - s->a]].first;
    for (int32_t j = k - 1; j >= 0; j--) {
        const dyad_anchor *v = &s->anchors[j];
        if (v->noun) continue;
        const dyad_pattern *op = lemma_op(s->d, v->lemma);
        if (op && op->op == OP_SAY) return find_subject(s, v->group, j);
        break;
    }
    return -1;
}

/* The op (OP_*) a lemma carries in any of its patterns, and that pattern. */
static const dyad_pattern *lemma_op(const dyad_dict *d, uint32_t lemma) {
    int32_t p = d->lemmas[lemma].op_pattern;
    return p >= 0 ? &d->patterns[p] : NULL;
}

/* The verb after "and" (or "or") right after anchor k, adverbs aside, when k is an active verb
 * of its own group with no object before it; -1 otherwise. */
static int32_t shared_object_verb(const dyad_sent *s, int32_t k) {
    const dyad_anchor *an = &s->anchors[k];
    if (an->noun || an->passive || an->governs || an->to_inf || an->participle) return -1;
    uint32_t x = an->tok + 1;
    if (x >= s->b || !(is(s, x, "and") || is(s, x, "or"))) return -1;
    x++;
    while (x < s->b && dyad_adverb(s, x)) x++;
    for (size_t q = (size_t)k + 1; q < s->nanchors; q++) {
        const dyad_anchor *v = &s->anchors[q];
        if (v->tok == x && !v->noun && !v->passive) return (int32_t)q;
        if (v->tok >= x) break;
    }
    return -1;
}

typedef struct choice {
    const dyad_pattern *pat;
    int32_t tgt;
    uint32_t end;   /* clause end */
    uint32_t last;  /* the token after the pattern's last element */
} choice;

/* A verb that reports (a statement, 01x, or speech): its date is the report's. */
static int reporting(const dyad_dict *d, const dyad_sent *s, const choice *ch, size_t k) {
    const dyad_pattern *p = ch[k].pat ? ch[k].pat : lemma_op(d, s->anchors[k].lemma);
    return p && (p->op == OP_SAY || !strncmp(p->code, "01", 2));
}

/* The event's own date when its sentence gives several: the nearest to its verb that no
 * reporting verb claims, i.e. none stands between them and none right beside it ("Today, the
 * forces confirmed a leader was arrested ... Sunday": the arrest is Sunday's; "ISAF confirmed
 * today the capture of a facilitator ... June 14"). Else the sentence's date. */
static dyad_date event_date(const dyad_dict *d, const dyad_sent *s, const dyad_ctx *ctx, const choice *ch,
                            const dyad_anchor *an, dyad_date dflt) {
    if (ctx->ndates < 2) return dflt;
    int best = -1;
    uint32_t bestd = 0;
    for (size_t i = 0; i < ctx->ndates && i < 8; i++) {
        const dyad_date_expr *e = &ctx->dates[i];
        if (e->flags & (DF_PAREN | DF_MODIFIER)) continue;
        uint32_t a = s->a + e->a, b = s->a + e->b;
        int claimed = 0;
        /* (a date right beside the event's own verb is its: "confirmed they recently detained") */
        int own = b == an->group || b == an->tok || a == an->tok + 1;
        for (size_t k = 0; k < s->nanchors && !claimed && !own; k++) {
            const dyad_anchor *o = &s->anchors[k];
            if (o == an || o->noun || !reporting(d, s, ch, k)) continue;
            uint32_t lo = a < an->tok ? a : an->tok, hi = a < an->tok ? an->tok : b;
            if ((o->tok > lo && o->tok < hi) || (o->tok + 3 >= a && o->tok <= b + 2)) claimed = 1;
        }
        if (claimed) continue;
        uint32_t dist = an->tok < a ? a - an->tok : an->tok >= b ? an->tok - b + 1 : 0;
        if (best < 0 || dist < bestd) { best = (int)i; bestd = dist; }
    }
    return best >= 0 ? ctx->dates[best].date : dflt;
}

static choice best_pattern(const dyad_sent *s, int32_t k, const dyad_money *money, size_t nmoney) {
    const dyad_dict *d = s->d;
    const dyad_anchor *an = &s->anchors[k];
    const dyad_lemma *lm = &d->lemmas[an->lemma];
    choice c = {NULL, -1, 0, 0};
    c.end = clause_end(s, an->tok + 1, k);
    /* "donated and personally delivered goods to": a verb with no object of its own before
     * "and" and another verb takes that verb's object */
    uint32_t from = an->tok + 1;
    int32_t k2 = shared_object_verb(s, k);
    if (k2 >= 0) {
        from = s->anchors[k2].tok + 1;
        c.end = clause_end(s, from, k2);
    }
    int best = 0;
    /* Mark the words of the clause, so a pattern naming a word that is not there is passed over
     * without matching: busy lemmas ("provide", "say") have a hundred patterns or more. */
    dyad_sent *ms = (dyad_sent *)s;   /* the marks are scratch, not part of the parse */
    uint32_t serial = ++ms->serial;
    if (!serial) { memset(ms->stamp, 0, ms->nstamp * sizeof *ms->stamp); serial = ms->serial = 1; }
    uint64_t words = 0;
    /* (and a passive's subject, which may be the pattern's object) */
    uint32_t pa = an->passive && !an->noun ? passive_subject_start(s, an->group) : an->group;
    for (uint32_t x = pa; x < c.end; x++) {
        if (x >= an->group && x <= an->tok) continue;
        uint32_t id = s->t[x].id;
        if (!id) continue;
        uint32_t base = d->lex.words[id].base;
        ms->stamp[id] = serial;
        ms->stamp[base] = serial;
        words |= (1ull << (id & 63)) | (1ull << (base & 63));
    }
    /* a passive with its doer named ("were taken into custody by Afghan authorities") */
    int passive_by = 0;
    for (uint32_t x = an->tok + 1; an->passive && x < c.end && !passive_by; x++)
        passive_by = s->tnp[x - s->a] >= 0 && s->nps[s->tnp[x - s->a]].by;
    for (uint32_t i = 0; i < lm->n; i++) {
        const dyad_pattern *p = &d->patterns[lm->first + i];
        if (pattern_weight(p) <= best || !(p->flags & PF_NOUN) != !an->noun) continue;
        int present = 1;
        for (uint32_t k = 0; k < p->nelem && present; k++) {
            const dyad_pelem *e = &d->elems[p->elem + k];
            if (e->kind != PE_WORD && e->kind != PE_ALT) continue;
            if (!(e->mask & words)) { present = 0; break; }
            present = 0;
            for (uint32_t q = 0; q < e->n && !present; q++) present = ms->stamp[d->alts[e->a + q]] == serial;
        }
        if (!present) continue;
        /* alone: only without a direct object ("protesters marched", not "demonstrated courage") */
        if (p->flags & PF_ALONE) {
            uint32_t x = an->tok + 1;
            while (x < s->b && (wf(s, x) & (W_ADV | W_TIME))) x++;   /* "rioted Monday at ..." */
            if (x < s->b && (s->t[x].flags & T_WORD) && !(wf(s, x) & (W_PREP | W_CONJ | W_REL | W_COMP)))
                continue;
            /* (nor a clause: "as the President convincingly demonstrated today that ...", "showed how") */
            if (x < s->b && (is(s, x, "that") || is(s, x, "how") || is(s, x, "what") || is(s, x, "why"))) continue;
            /* ("as X demonstrated": a comparison, no protest) */
            if (an->group > s->a && s->tnp[an->group - 1 - s->a] >= 0) {
                uint32_t f0 = s->nps[s->nps[s->tnp[an->group - 1 - s->a]].first].a;
                if (f0 > s->a && is(s, f0 - 1, "as")) continue;
            }
        }
        if (p->npre && !match_before(s, p, an->tok)) continue;
        /* among: only for coordinated subjects ("Gondor and Osgiliath have postponed") */
        if (p->flags & PF_AMONG) {
            int32_t sub = find_subject(s, an->group, k);
            if (sub < 0 || (s->nps[sub].next < 0 && s->nps[sub].first == sub)) continue;
        }
        if (k2 >= 0 && !p->nelem) continue;   /* (the shared object must be one the verb's pattern names) */
        int32_t tgt;
        uint32_t last;
        /* (a shared object starts right after the other verb, a determiner or figure aside) */
        int sc = match_pattern(s, p, 0, from, c.end, k2 >= 0 ? 2 : GAP, money, nmoney, passive_by, &tgt, &last);
        if (!sc && pa < an->group) sc = match_passive(s, p, pa, an->group, from, c.end, money, nmoney, &tgt, &last);
        if (sc > best) { best = sc; c.pat = p; c.tgt = tgt; c.last = last; }
    }
    return c;
}

static const char *mapped(const dyad_dict *d, const char *code, int op) {
    const dyad_cameo *c = dyad_dict_code(d, code);
    if (!c) return NULL;
    const char *m = op == OP_INTENT ? c->intent : op == OP_REQUEST ? c->request : op == OP_REFUSE ? c->refuse : NULL;
    if (m && m[0]) return m;
    /* a 4-digit code without its own mapping takes its base code's */
    if (strlen(code) == 4) {
        char base[4] = {code[0], code[1], code[2], 0};
        return mapped(d, base, op);
    }
    return NULL;
}

/* An air strike named as the means in the sentence: "killed in a precision airstrike", "conducted
 * an air strike in Faryab province, killing ...": the act of force is CAMEO 195 (aerial weapons). */
static int aerial_means(const dyad_sent *s) {
    static const char *const one[] = {"airstrike", "airstrikes", "air-strike", "air-strikes", NULL};
    static const char *const first[] = {"air", "drone", "aerial", "bombing", NULL};
    static const char *const second[] = {"strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment",
                                         "bombing", "bombings", NULL};
    for (uint32_t x = s->a; x < s->b; x++) {
        for (int i = 0; one[i]; i++) if (is(s, x, one[i])) return 1;
        if (x + 1 >= s->b) continue;
        for (int i = 0; first[i]; i++) {
            if (!is(s, x, first[i])) continue;
            for (int j = 0; second[j]; j++) {
                if (!is(s, x + 1, second[j])) continue;
                /* "bombing raid", but not "bombing attacks" (on the ground) */
                if (!strcmp(first[i], "bombing") && strcmp(second[j], "raid") && strcmp(second[j], "raids")) continue;
                return 1;
            }
        }
    }
    return 0;
}

/* A city's name inside a longer name: "Pur Chaman district" is not Chaman (Pakistan), "Daman
 * district" not Daman (India), "Dara Soof Payan" not Dara (Senegal): capitalised words around
 * it, or "district" right after it. Regions ("Khost province") keep their own word. */
static int inside_name(const dyad_sent *s, const dyad_np *p) {
    if (p->place < 0 && p->owner < 0) return 0;
    const dyad_actor_ent *o = &s->d->actors[p->place >= 0 ? p->place : p->owner];
    if (o->type != AT_CITY) return 0;
    uint32_t x = p->b;
    /* (a day after it ends it: "in Kandahar Saturday"; so does "City": "In Kandahar City") */
    while (x < s->b && (s->t[x].flags & T_CAP) && (s->t[x].flags & T_WORD) && !(wf(s, x) & W_TIME) &&
           !(x == p->b && is(s, x, "city")))
        x++;
    if (x < s->b && (is(s, x, "district") || is(s, x, "valley") || is(s, x, "village"))) return 1;
    if (x > p->b) return 1;   /* "Dara Soof Payan": the name goes on */
    uint32_t a = p->a;
    while (a > s->a && (wf(s, a) & W_DET)) a++;
    return a > s->a + 1 && (s->t[a - 1].flags & T_CAP) && (s->t[a - 1].flags & T_WORD) && !(wf(s, a - 1) & (W_DET | W_PREP)) &&
           !is(s, a - 2, ".");
}

/* "Opposition groups in Zimbabwe", "rebels in the Ivory Coast", "the Albanians of southern
 * Serbia": the actor phrase of places right after an actor known only by its kind, or -1. */
static int32_t agent_places(const dyad_sent *s, const dyad_np *p, const dyad_av *v) {
    if (v->country[0] || v->org || !v->sector[0] || p->pron) return -1;
    uint32_t x = p->b;
    if (x + 1 >= s->b || !(is(s, x, "in") || is(s, x, "of") || is(s, x, "from"))) return -1;
    x++;
    while (x < s->b && (wf(s, x) & W_DET)) x++;
    if (x + 1 < s->b && (s->t[x].flags & T_WORD) && !(s->t[x].flags & T_CAP) && s->tnp[x - s->a] < 0) x++;  /* "southern" */
    return x < s->b ? s->tnp[x - s->a] : -1;
}

/* The country of a place phrase: a country, capital, city or region that is no part of a longer
 * name; NULL otherwise. */
static const char *place_country(const dyad_sent *s, const dyad_np *n) {
    int32_t e = n->place >= 0 ? n->place : n->owner;
    if (e < 0 || inside_name(s, n)) return NULL;
    const dyad_actor_ent *o = &s->d->actors[e];
    if (!o->country[0] || (o->type != AT_COUNTRY && o->type != AT_CAPITAL && o->type != AT_CITY && o->type != AT_REGION))
        return NULL;
    const char *was = o->type != AT_COUNTRY ? then_country(o->country, s->date) : NULL;
    return was ? was : o->country;
}

/* The place an actor phrase names: a gazetteer place anywhere, or a place entry after in/at/
 * near, that is not part of a longer name; NULL otherwise. */
static const dyad_actor_ent *np_place(const dyad_sent *s, const dyad_np *p) {
    if ((!p->loc && p->place < 0) || (p->owner < 0 && p->place < 0) || inside_name(s, p)) return NULL;
    return &s->d->actors[p->place >= 0 ? p->place : p->owner];
}

static int state_sector(const char *sector) {
    static const char *const state[] = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "IGO", "BDR", NULL};
    for (int i = 0; state[i]; i++) if (!strcmp(sector, state[i])) return 1;
    return 0;
}

static void resolve_pron(const dyad_sent *s, dyad_ctx *ctx, dyad_av *v, const dyad_np *np);
static int adjectival(const dyad_sent *s, const dyad_np *p);

/* PETRARCH: a pronoun with no antecedent from the story is the nearest actor named before it in
 * the sentence ("Ethiopia indicated it would act"). */
static void petrarch_antecedent(const dyad_sent *s, dyad_av *v, const dyad_np *np) {
    for (const dyad_np *p = np; p-- > s->nps;) {
        if (p->pron || p->loc || p->by || p->from || !np_named(p) || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        uint32_t a = v->a, b = v->b;
        int pron = v->pron;
        dyad_av_from_np(s, p, v);
        v->a = a; v->b = b; v->pron = pron;
        return;
    }
}

/* People who are no party to fighting: civilians, journalists, clergy, teachers, business... */
static int civilian_sector(const char *sector) {
    static const char *const civ[] = {"CVL", "MED", "JRN", "REF", "REL", "EDU", "BUS", "LAB", "HLH", "AGR", "ELI", "OPP", "PRO", NULL};
    for (int i = 0; civ[i]; i++) if (!strcmp(sector, civ[i])) return 1;
    return 0;
}

/* Sectors of people who belong to the country where they act, named by their kind: the
 * opposition, demonstrators, civilians, refugees, workers. (Not rebels or criminals: "Afghan and
 * coalition forces detained insurgents" made the Haqqani leaders and the insurgents one actor;
 * nor a word that only says "a person": "police detained three men near the border".) */
static int domestic_sector(const char *sector) {
    static const char *const dom[] = {"OPP", "PRO", "CVL", "REF", "LAB", NULL};
    for (int i = 0; dom[i]; i++) if (!strcmp(sector, dom[i])) return 1;
    return 0;
}

/* A country phrase that stands for the state as a party ("threatened Russia", "sanctions
 * against Nigeria"), not for where or whose: no agent, not a place, not an adjective or a
 * possessive before a noun ("the Zambian people", "Haiti's elections"). */
static int bare_state(const dyad_sent *s, const dyad_np *p) {
    if (p->owner < 0 || p->agent >= 0 || p->loc || s->d->actors[p->owner].type != AT_COUNTRY) return 0;
    return !adjectival(s, p) && !(p->b + 1 < s->b && is(s, p->b, "'"));
}

/* The country of a title holder no dictionary knows ("President Dos Santos", "Judge Alejandro
 * Rivera"), as a careful coder reads it: the place of its own title, else the one country the sentence names as a place, an
 * adjective, a possessive or the country of some other actor, leaving aside its reporter ("...,
 * a spokeswoman for the U.S. embassy said", "told AFP") and a country named only as a party to the act
 * ("President Bush threatened Russia": Russia is no clue); else, when the sentence names no
 * country at all, the country the story last named or its dateline's place. NULL when the
 * sentence names two or more: the title could be either's. */
static const char *titled_country(const dyad_sent *s, const dyad_ctx *ctx, const dyad_np *np, int story) {
    const char *own = np->place >= 0 ? place_country(s, np) : NULL;   /* "Governor of the Rostov Region X" */
    if (own) return own;
    const char *one = NULL;
    int any = 0;
    int speaker_here = ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= s->b;
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p == np || p->pron || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        if (speaker_here && p->a >= ctx->speaker.a && p->b <= ctx->speaker.b) continue;
        if (p->owner >= 0 && s->d->actors[p->owner].type == AT_MEDIA) continue;   /* "..., told AFP" */
        const char *c = p->owner >= 0 ? s->d->actors[p->owner].country : p->place >= 0 ? place_country(s, p) : NULL;
        if (!c || !c[0]) continue;
        any = 1;
        if (bare_state(s, p)) continue;
        if (one && strcmp(one, c)) return NULL;
        one = c;
    }
    if (one || any || !story) return one;
    if (ctx->country.b && ctx->country.country[0]) return ctx->country.country;
    return ctx->place && ctx->place->country[0] ? ctx->place->country : NULL;
}

/* The UN named in the sentence or the story, or a "resolution" right after the phrase: "the
 * Security Council" is then the UN's whatever country the story is about. */
static int un_cue(const dyad_sent *s, const dyad_ctx *ctx, const dyad_np *np) {
    if (ctx->org.b && ctx->org.xcode && !strcmp(ctx->org.xcode, "IGOUNO")) return 1;
    if (np->b < s->b && (is(s, np->b, "resolution") || is(s, np->b, "resolutions"))) return 1;
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        const char *c = p != np && p->owner >= 0 ? s->d->actors[p->owner].code : NULL;
        if (c && !strcmp(c, "IGOUNO")) return 1;
    }
    return 0;
}

/* "The Security Council met": a body whose name an organisation and governments share (an agent
 * with org= and code=) is the government's of the country the story is about, when the story
 * names one and gives no sign of the organisation; else the organisation's. */
static void shared_body(const dyad_sent *s, const dyad_ctx *ctx, dyad_av *v, const dyad_np *np) {
    if (np->owner >= 0 || np->person >= 0 || np->agent < 0 || v->pron) return;
    const dyad_actor_ent *g = &s->d->actors[np->agent];
    if (!g->code || !g->org || v->org != g->org || !ctx->country.b || !ctx->country.country[0] || un_cue(s, ctx, np)) return;
    v->org = NULL;
    v->xcode = NULL;
    av_country(v, ctx->country.country);
}

/* "The Mozambique government accepted demands from Shona rebels": rebels or separatists known
 * only by their kind, facing a government of the one country the sentence names, are of that
 * country (not "Afghan and coalition forces detained insurgents": forces are no government). */
static void rebels_of(const dyad_sent *s, const dyad_av *gov, dyad_av *reb) {
    if (reb->country[0] || reb->org || reb->pron || (strcmp(reb->sector, "REB") && strcmp(reb->sector, "SEP"))) return;
    if (!gov->country[0] || strcmp(gov->sector, "GOV") || gov->type == AT_PERSON) return;
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p->pron || p->owner < 0 || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        const char *c = s->d->actors[p->owner].country;
        if (c[0] && strcmp(c, gov->country)) return;
    }
    av_country(reb, gov->country);
}

/* Whether an actor phrase with no country of its own takes one from its sentence (titled_country):
 * a title before an unknown name, an ethnic group ("ethnic Albanians"), or people known by their kind who belong where they are (the
 * opposition, demonstrators, civilians: "leaders of the opposition coalition agreed to postpone
 * the rally in Baku", "Egyptian police opened fire to disperse demonstrators"). */
static int takes_country(const dyad_sent *s, const dyad_np *np, const dyad_av *v) {
    if (!np || av_valid(v) || v->pron || s->d->petrarch) return 0;
    if (np->titled || np->ethnic) return 1;
    return np->owner < 0 && np->person < 0 && domestic_sector(v->sector) &&
           !(np->agent >= 0 && s->d->actors[np->agent].target_only);
}

/* "Bosnian Serbs said their forces had completed the withdrawal", "Syria said its troops would
 * leave": an agent after its/their/his/her is of the actor named last before it in the sentence. */
static void possessor(const dyad_sent *s, dyad_av *v, const dyad_np *np) {
    if (!np || v->pron || av_valid(v) || !v->sector[0] || np->owner >= 0 || np->person >= 0) return;
    if (!(is(s, np->a, "its") || is(s, np->a, "their") || is(s, np->a, "his") || is(s, np->a, "her"))) return;
    for (const dyad_np *p = np; p-- > s->nps;) {
        if (p->pron || p->loc || !np_named(p) || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        dyad_av o;
        dyad_av_from_np(s, p, &o);
        if (!o.country[0] && !o.org) return;
        av_country(v, o.country);
        v->org = o.org;
        v->xcode = o.type == AT_PERSON ? NULL : o.xcode;
        return;
    }
}

static void resolve_av(const dyad_sent *s, dyad_ctx *ctx, dyad_av *v, const dyad_np *np) {
    if (np && !s->d->petrarch) shared_body(s, ctx, v, np);
    resolve_pron(s, ctx, v, np);
    if (!s->d->petrarch) possessor(s, v, np);
    if (takes_country(s, np, v)) {
        /* (the story's country only for a title or the opposition: civilians, refugees may be
         * of any of the countries a story names) */
        const char *c = titled_country(s, ctx, np, np->titled || !strcmp(v->sector, "OPP"));
        if (c) av_country(v, c);
        if (c && np->titled) v->type = AT_PERSON;
    }
    if (v->pron && np && !av_valid(v) && s->d->petrarch) petrarch_antecedent(s, v, np);
}

static void resolve_pron(const dyad_sent *s, dyad_ctx *ctx, dyad_av *v, const dyad_np *np) {
    if (v->pron == PRON_WE && ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= s->b) {
        dyad_av keep = *v;
        *v = ctx->speaker;
        v->a = keep.a; v->b = keep.b; v->pron = PRON_WE;
        v->name = NULL; v->role = NULL;
        if (v->type == AT_PERSON) v->type = AT_COUNTRY;
        return;
    }
    /* "Moldovan officials said they would ask ...": they is the speaker of this sentence */
    if (v->pron == PRON_THEY && ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= s->b) {
        dyad_av keep = *v;
        *v = ctx->speaker;
        v->a = keep.a; v->b = keep.b; v->pron = PRON_THEY;
        return;
    }
    /* "Gbagbo announced that he will extend the curfew": a subject "he" after this sentence's
     * speaker is the speaker, when the speaker is a person */
    if (v->pron == PRON_HE && ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= v->a &&
        (ctx->speaker.type == AT_PERSON || ctx->speaker.name) && (is(s, v->a, "he") || is(s, v->a, "she"))) {
        dyad_av keep = *v;
        *v = ctx->speaker;
        v->a = keep.a; v->b = keep.b; v->pron = PRON_HE;
        return;
    }
    if (v->pron == PRON_HE && ctx->person.b) {
        dyad_av keep = *v;
        *v = ctx->person;
        v->a = keep.a; v->b = keep.b; v->pron = PRON_HE;
        return;
    }
    /* "the authorities", "the bloc": a definite agent with no owner takes the last one named */
    if (!v->pron && !av_valid(v) && np && np->definite && v->sector[0] &&
        !(s->d->lex.words[s->t[np->b - 1].id].flags & W_NOUNISH)) {   /* "the leaders" are two or more */
        const dyad_av *from = !strcmp(v->sector, "IGO") ? &ctx->org : &ctx->country;
        /* a company, outlet, party or group: the last one named of its kind ("Turkish Airlines
         * ... the airliner"), before the last country */
        for (size_t i = 0; i < ctx->nnamed && i < 8 && !state_sector(v->sector); i++) {
            const dyad_av *n = &ctx->named[(ctx->nnamed - 1 - i) % 8];
            if (!strcmp(n->sector, v->sector)) { from = n; break; }
        }
        if (from->b) {
            av_country(v, from->country);
            v->org = from->org;
            v->xcode = from->xcode;
            v->type = from->type;
        }
    }
}

/* also=FRO,BIL,SAM: the other actors a phrase names at once ("The Shire"), each a copy of a with
 * its own code. */
static void add_also(const char *also, const dyad_av *a, dyad_av *v, size_t *n, size_t max) {
    while (also && *also && *n < max) {
        size_t l = strcspn(also, ",");
        dyad_av x = *a;
        if (l == 3 || l == 6) {
            memcpy(x.country, also, 3);
            x.country[3] = 0;
            if (l == 6) { memcpy(x.sector, also + 3, 3); x.sector[3] = 0; }
        }
        if (x.pcode[0]) snprintf(x.pcode, sizeof x.pcode, "%.*s", (int)l, also);
        x.xcode = NULL;
        v[(*n)++] = x;
        also += l + (also[l] == ',');
    }
}

/* Adds the actor of phrase q to v[*n]: an actor known only by its kind takes the country of the
 * places after it, or after the last phrase coordinated with it, one actor for each ("lawmakers
 * and officials in Fornost and Gondor": four). */
static void add_actor(const dyad_sent *s, dyad_ctx *ctx, int32_t q, int32_t last, dyad_av *v, size_t *n, size_t max) {
    dyad_av a;
    dyad_av_from_np(s, &s->nps[q], &a);
    resolve_av(s, ctx, &a, &s->nps[q]);
    int32_t pl = agent_places(s, &s->nps[q], &a);
    if (pl < 0 && last != q) pl = agent_places(s, &s->nps[last], &a);
    size_t n0 = *n;
    for (int32_t k = pl; k >= 0 && *n < max; k = s->nps[k].next) {
        const char *c = place_country(s, &s->nps[k]);
        if (!c) continue;
        v[*n] = a;
        av_country(&v[*n], c);
        (*n)++;
    }
    if (*n == n0 && *n < max) v[(*n)++] = a;
    if (s->nps[q].owner >= 0) add_also(s->d->actors[s->nps[q].owner].also, &a, v, n, max);
}

static int push_ev(dyad_evs *out, const dyad_ev *e) {
    if (DYAD_VEC_PUSH(out->mem, out->v, out->n, out->cap)) return -1;
    out->v[out->n++] = *e;
    return 0;
}

/* rev=CODE: the target's act back to the source ("arrived in Gondor": 032 one way, 033 the
 * other), when the target names someone. */
static int push_rev(dyad_evs *out, const dyad_ev *e) {
    if (!e->pat || !e->pat->rev[0] || !av_valid(&e->tgt)) return 0;
    dyad_ev r = *e;
    r.src = e->tgt;
    r.tgt = e->src;
    snprintf(r.cameo, sizeof r.cameo, "%s", e->pat->rev);
    return push_ev(out, &r);
}

/* Events whose doer is worth recording even when only its kind is known: conflictual acts
 * (roots 10-20: "demonstrators demanded", "coalition forces detained two insurgents") and any act
 * of armed or security forces. A bare "the leaders discussed" is not. */
static int armed_act(const char *sector, const char *code) {
    static const char *const armed[] = {"MIL", "COP", "REB", "UAF", "SPY", "PRM", "INS", "SEP", "CRM", NULL};
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root >= 10) return 1;            /* demands, accusations, threats, protests, force */
    for (int i = 0; armed[i]; i++) if (!strcmp(sector, armed[i])) return 1;
    return 0;
}

/* Whether a count of people of kind k (DYAD_COUNT_*) goes with an event of this code: the dead
 * and injured with force (and its threat, 1384), the arrested with coercion (and with a
 * surrender that puts people in custody: custody), a crowd's size with protest and mobilising,
 * the displaced with mass violence and asylum. */
static int count_fits(int k, const char *code, int custody) {
    if (k == DYAD_COUNT_DEAD || k == DYAD_COUNT_INJURED) return force_code(code) || !strncmp(code, "1384", 4);
    if (k == DYAD_COUNT_ARRESTED) return !strncmp(code, "17", 2) || custody;
    if (k == DYAD_COUNT_SIZE) return !strncmp(code, "14", 2) || !strncmp(code, "15", 2);
    if (k == DYAD_COUNT_DISPLACED) return !strncmp(code, "20", 2) || !strncmp(code, "0233", 4);
    return 0;
}

/* The words from a clause's end e to x say what the clause's act resulted in: "ambushed the
 * insurgents, which resulted in the deaths of five", "..., which led to the capture of". */
static int result_clause(const dyad_sent *s, uint32_t e, uint32_t x) {
    if (e < s->b && is(s, e, ",")) e++;
    if (e + 2 >= x || !(is(s, e, "which") || is(s, e, "that"))) return 0;
    e++;
    if (!(is(s, e, "resulted") || is(s, e, "led") || is(s, e, "results") || is(s, e, "leads"))) return 0;
    e++;
    if (!is(s, e, "in") && !is(s, e, "to")) return 0;
    e++;
    if (e < x && is(s, e, "the")) e++;
    return e == x;
}

/* An agent word used as an adjective: "military pressure", "terrorist attack". */
static int adjectival(const dyad_sent *s, const dyad_np *p) {
    if (p->b >= s->b || !(s->t[p->b].flags & T_WORD)) return 0;
    /* "killed 30 insurgents overnight": a counted or plural agent is no adjective */
    if (s->d->lex.words[s->t[p->b - 1].id].flags & W_NOUNISH) return 0;
    if (p->b >= p->a + 2 && (s->t[p->b - 2].flags & T_NUM)) return 0;
    uint32_t f = wf(s, p->b);
    if (f & (W_FUNCTION | W_MODAL_INTENT | W_MODAL_HYPO | W_ADV)) return 0;
    /* a verb of the clause may follow its subject; a noun may not; nor may a past form of a
     * verb no pattern names ("the security force identified and detained") */
    const dyad_token *x = &s->t[p->b];
    if (!(x->flags & T_CAP) && x->len > 5 && !memcmp(s->text + x->off + x->len - 2, "ed", 2)) return 0;
    return !verb_at(s, p->b);
}

/* "condemned an attack by Osgiliath soldiers": after an active verb, a "by" phrase behind a
 * noun of the object names whose act the object was, and so the target; -1 otherwise. */
static int32_t doer_of_object(const dyad_sent *s, const dyad_anchor *an, int32_t byagent) {
    if (byagent < 0 || an->passive || an->noun || an->participle) return -1;
    const dyad_np *p = &s->nps[byagent];
    if (!np_named(p) || p->a < an->tok + 3) return -1;
    uint32_t by = p->a - 1, w = by - 1;
    if (!is(s, by, "by") || !(s->t[w].flags & T_WORD) || (wf(s, w) & (W_ADV | W_TIME | W_PREP | W_DET)) || s->tnp[w - s->a] >= 0)
        return -1;
    return verb_at(s, w) ? -1 : p->first;
}

/* "A roadside bombing near Samarra killed one soldier": a weapon, blast or attack as the subject
 * of an act of force names no doer; such words are the set @violentcause (dict/verbs/00-sets.txt),
 * sought in the clause before the verb group at g as the head of the subject. */
static int violent_cause(const dyad_sent *s, uint32_t g, uint32_t *wa, uint32_t *wb) {
    int set = dyad_dict_set(s->d, "violentcause");
    if (set < 0) return 0;
    for (uint32_t x = g; x > s->a; x--) {
        uint32_t i = x - 1;
        if ((s->tflags[i - s->a] & TOK_BOUND) || is(s, i, ",")) return 0;
        size_t n = dyad_match_kind_at(s->d, s->t, i, g, K_SET, (uint32_t)set, NULL);
        /* the head of the subject, not a word describing it ("the mortar team fired") */
        uint32_t e = i + (uint32_t)n;
        if (n && (e == g || (wf(s, e) & (W_PREP | W_REL | W_COMP)) || is(s, e, "(") || is(s, e, ","))) {
            *wa = i;
            *wb = e;
            return 1;
        }
    }
    return 0;
}

/* "were killed by a roadside bomb": a passive verb at v whose "by" phrase is a weapon, blast
 * or attack of @violentcause (its head, after a determiner and describing words); its words
 * go to *wa, *wb. */
static int violent_by(const dyad_sent *s, uint32_t v, uint32_t *wa, uint32_t *wb) {
    int set = dyad_dict_set(s->d, "violentcause");
    /* (or "in": "a journalist has been killed in a car bomb explosion in Beirut") */
    if (set < 0 || v + 2 >= s->b || !(is(s, v + 1, "by") || is(s, v + 1, "in"))) return 0;
    for (uint32_t i = v + 2; i < s->b && i < v + 7; i++) {
        if ((s->tflags[i - s->a] & TOK_BOUND) || is(s, i, ",") || s->tnp[i - s->a] >= 0) return 0;
        size_t n = dyad_match_kind_at(s->d, s->t, i, s->b, K_SET, (uint32_t)set, NULL);
        uint32_t e = i + (uint32_t)n;
        if (n && (e >= s->b || !(s->t[e].flags & T_WORD) || (wf(s, e) & (W_PREP | W_REL | W_COMP | W_CONJ)))) {
            *wa = i;
            *wb = e;
            return 1;
        }
    }
    return 0;
}

/* The subject of the first "if" or "unless" clause after token x in the sentence, when it
 * names an actor right after the "if" (its determiner aside); -1 otherwise. */
static int32_t condition_subject(const dyad_sent *s, uint32_t x) {
    for (uint32_t y = x; y < s->b; y++) {
        if (s->tflags[y - s->a] & TOK_BOUND) return -1;
        if (!(wf(s, y) & W_HYPO_COND) || is(s, y, "whether")) continue;
        uint32_t z = y + 1;
        while (z < s->b && (wf(s, z) & W_DET)) z++;
        int32_t np = z < s->b ? s->tnp[z - s->a] : -1;
        if (np >= 0 && np_named(&s->nps[np]) && !s->nps[np].loc) return s->nps[np].first;
        return -1;
    }
    return -1;
}

/* The first city or province from the gazetteer in tokens [from, to) whose country is not that
 * of the subject, or -1. */
static int32_t city_target(const dyad_sent *s, uint32_t from, uint32_t to, int32_t sub) {
    /* (a subject of a named country only: "coalition forces struck in Faryab" are not at war
     * with Afghanistan) */
    const char *own = sub >= 0 && s->nps[sub].owner >= 0 ? s->d->actors[s->nps[sub].owner].country : "";
    if (!own[0]) return -1;
    for (uint32_t x = from; x < to; x++) {
        int32_t np = s->tnp[x - s->a];
        if (np < 0 || s->nps[np].a != x || (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN))) continue;
        const dyad_np *p = &s->nps[np];
        if (p->owner >= 0 || p->person >= 0 || p->place < 0 || p->by || p->from) continue;
        const char *c = place_country(s, p);
        if (c && c[0] && strcmp(c, own)) return np;
    }
    return -1;
}

/* A curfew or a state of emergency, imposed, extended or lifted (1723, 1724, 0813, 0814, and
 * their threats and promises): a measure laid on the people of a place. */
static int place_measure(const char *code) {
    return !strcmp(code, "1723") || !strcmp(code, "1724") || !strcmp(code, "0813") || !strcmp(code, "0814");
}

/* The place a curfew or a state of emergency holds in, its government's own country too: the
 * first country, capital, city or province behind "in" in tokens [from, to), or -1 ("extend the
 * night-time curfew in Abidjan", "the nightly curfew imposed in Sudan" by Sudan's president). */
static int32_t measure_place(const dyad_sent *s, uint32_t from, uint32_t to) {
    for (uint32_t x = from; x < to; x++) {
        int32_t np = s->tnp[x - s->a];
        if (np < 0 || s->nps[np].a != x || (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN))) continue;
        const dyad_np *p = &s->nps[np];
        if (!p->loc || p->by || p->from || p->person >= 0) continue;
        const char *c = place_country(s, p);
        if (c && c[0]) return np;
    }
    return -1;
}

static int root_allows_no_target(const char *code) {
    return !strncmp(code, "04", 2) || !strncmp(code, "14", 2) || !strncmp(code, "15", 2);
}

int dyad_code_sentence(const dyad_sent *s, dyad_ctx *ctx, dyad_date date, uint32_t story,
                       uint32_t sentence, dyad_evs *out) {
    const dyad_dict *d = s->d;
    dyad_money money[16];
    size_t nmoney = s->nanchors ? dyad_money_scan(d, s->text, s->t, s->a, s->b, money, 16) : 0;
    dyad_count counts[16];
    size_t ncounts = 0;
    int tally_cache = -1;   /* the sentence's cues of a total over a period (tally), found once */
    int counted = 0;     /* counts are found when the first event of a kind that takes them needs them */
    size_t first_ev = out->n;

    /* speakers first: "X said: 'We ...'" resolves "we" to X; "a source told ..." makes the
     * sentence's claims reported */
    int unnamed = 0, spoke = 0;
    for (size_t k = 0; k < s->nanchors; k++) {
        const dyad_pattern *op = lemma_op(d, s->anchors[k].lemma);
        if (!op || op->op != OP_SAY) continue;
        /* "X said it had expelled two diplomats, adding ...": a participle clause goes on with
         * the speaker already found, not with a new one */
        if (spoke && s->anchors[k].participle) continue;
        /* "..., said the CSTO": after a comma or a quote that closes what was said, the speaker
         * follows the verb (not "a source ... said Russia would") */
        uint32_t g = s->anchors[k].group, x1 = s->anchors[k].tok + 1;
        int inverted = g > s->a && (is(s, g - 1, ",") || is(s, g - 1, "\"") || is(s, g - 1, "'")) && x1 < s->b &&
                       s->tnp[x1 - s->a] >= 0;
        int32_t sub = inverted ? s->tnp[x1 - s->a] : find_subject(s, g, (int32_t)k);
        /* "..., diplomatic sources said": the words right before the verb name the speaker */
        for (uint32_t x = s->anchors[k].group; x > s->a && x + 4 > s->anchors[k].group; x--)
            if (is(s, x - 1, "source") || is(s, x - 1, "sources")) { unnamed = 1; sub = -1; break; }
        if (unnamed && sub < 0) continue;
        if (sub < 0) {
            /* "a source, who asked to remain unnamed, told FNA" */
            for (uint32_t x = s->a; x < s->anchors[k].tok; x++)
                if (is(s, x, "source") || is(s, x, "sources")) unnamed = 1;
            continue;
        }
        for (uint32_t x = s->nps[sub].a; x < s->nps[sub].b; x++)
            if (is(s, x, "source") || is(s, x, "sources")) unnamed = 1;
        dyad_av v;
        dyad_av_from_np(s, &s->nps[sub], &v);
        resolve_av(s, ctx, &v, &s->nps[sub]);
        /* (a speaker known only by its kind speaks too: "Coalition forces confirmed they
         * detained two insurgents") */
        if (av_valid(&v) || (v.sector[0] && !v.pron)) { ctx->speaker = v; spoke = 1; }
    }

    /* a question claims nothing: its events are hypothetical */
    int question = 0;
    for (uint32_t x = s->b; x > s->a && x + 3 > s->b; x--) if (is(s, x - 1, "?")) question = 1;
    choice ch[64];
    size_t na = s->nanchors < 64 ? s->nanchors : 64;
    for (size_t k = 0; k < na; k++) ch[k] = best_pattern(s, (int32_t)k, money, nmoney);
    int consumed[64] = {0};
    for (size_t k = 0; k < na; k++) {
        const dyad_anchor *an = &s->anchors[k];
        if (an->governor >= 0 && an->governor < 64 && ch[k].pat) consumed[an->governor] = 1;
    }

    /* "Britain said Libya must hand over the suspects": an obligation the speaker lays on someone
     * is a demand (100) even when the verb has no pattern of its own */
    static const dyad_pattern must_pat = {"100", 0, 0, 0, 0, 0, "SPEAKER says X must VERB", "built-in", 0, 0, 0, ""};
    int speaker_here = ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= s->b;
    for (size_t k = 0; k < na; k++) {
        const dyad_anchor *an = &s->anchors[k];
        const dyad_pattern *pat = ch[k].pat;
        if (!pat && !consumed[k] && speaker_here && an->must && an->governor < 0 && !an->noun && !an->neg &&
            !an->participle && !an->passive && !question)
            pat = &must_pat;
        if (!pat || consumed[k]) continue;
        if (pat->op == OP_SAY || pat->op == OP_DENY) continue;   /* speech: attribution, not an event */
        if (pat->code[0] == '-') continue;   /* "---": the words say no event ("meet demand") */
        /* a participle clause ("..., killing two") takes the main subject only for the results of
         * force; elsewhere it describes the noun before it ("border guards, guarding the border") */
        if (an->participle && !(pat->code[0] == '1' && pat->code[1] >= '7') && strncmp(pat->code, "20", 2)) continue;
        /* "have been engaged over the past years in the implementation of projects", "fought
         * in the Great Patriotic War": "engage" or "fight" alone followed by "in" and no actor
         * is taking part in something, not force against anyone ("insurgents killed in an
         * airstrike" is force: only these verbs of taking part) */
        const char *lw = d->lex.words[d->lemmas[an->lemma].word].s;
        if (!pat->nelem && !d->petrarch && (!strcmp(lw, "engage") || !strcmp(lw, "fight")) &&
            (!strncmp(pat->code, "19", 2) || !strncmp(pat->code, "18", 2))) {
            uint32_t x = an->tok + 1;
            while (x < s->b && (wf(s, x) & (W_ADV | W_TIME))) x++;
            if (x + 1 < s->b && is(s, x, "over") && is(s, x + 1, "the")) {   /* "over the past years" */
                x += 2;
                while (x < s->b && x < an->tok + 8 && !is(s, x, "in") && (s->t[x].flags & T_WORD) && s->tnp[x - s->a] < 0) x++;
            }
            if (x + 1 < s->b && is(s, x, "in")) {
                uint32_t y = x + 1;
                while (y < s->b && (wf(s, y) & W_DET)) y++;
                if (y < s->b && s->tnp[y - s->a] < 0) continue;
                /* (nor an actor's own doing: "engaged in Russia's humanitarian missions") */
                if (y < s->b) {
                    uint32_t e = s->nps[s->tnp[y - s->a]].b;
                    if (e < s->b && (is(s, e, "'s") || is(s, e, "'"))) continue;
                }
            }
        }
        const dyad_anchor *head = an;     /* the verb group whose subject and modality count */
        int op = OP_NONE;
        int32_t gov_np = -1;
        if (an->governor >= 0) {
            head = &s->anchors[an->governor];
            const dyad_pattern *gp = ch[an->governor].pat ? ch[an->governor].pat : lemma_op(d, head->lemma);
            op = gp ? gp->op : OP_NONE;
            gov_np = an->gov_np;
            /* "agreed to continue discussing": an intent operator above an aspect verb still rules
             * (the doer is the same; a request's asked party would not be) */
            if (op == OP_NONE && head->governor >= 0 && head->governor < 64) {
                const dyad_anchor *h2 = &s->anchors[head->governor];
                const dyad_pattern *gp2 = ch[head->governor].pat ? ch[head->governor].pat : lemma_op(d, h2->lemma);
                if (gp2 && gp2->op == OP_INTENT) op = OP_INTENT;
            }
        }
        char code[6];
        snprintf(code, sizeof code, "%s", pat->code);
        int mode = MODE_ACTUAL;
        const char *why = NULL;
        /* (a speech verb governs only through a ready-word: "announced plans to withdraw" is intent) */
        if (op == OP_INTENT || ((op == OP_NONE || op == OP_SAY) && (an->intent || head->intent))) {
            const char *m = mapped(d, code, OP_INTENT);
            if (m) snprintf(code, sizeof code, "%s", m);
            mode = MODE_INTENT;
            why = "intent";
        } else if (op == OP_REQUEST || op == OP_REFUSE || op == OP_DEMAND) {
            const char *m = mapped(d, code, op == OP_DEMAND ? OP_REQUEST : op);
            if (m) {
                snprintf(code, sizeof code, "%s", m);
                /* a demand is the request's code in root 10 (CAMEO 1.1b3: 021x..028 -> 101x..108) */
                if (op == OP_DEMAND && !strncmp(code, "02", 2)) { code[0] = '1'; code[1] = '0'; }
                if (!dyad_dict_code(d, code)) m = NULL;
            }
            if (!m) {   /* no such form: the asking, demanding or refusing verb's own code */
                const dyad_pattern *gp = ch[an->governor].pat ? ch[an->governor].pat : lemma_op(d, head->lemma);
                if (gp) snprintf(code, sizeof code, "%s", gp->code);
            }
            if (head->intent) { mode = MODE_INTENT; why = "intent"; }
            else why = op == OP_REQUEST ? "request" : op == OP_DEMAND ? "demand" : "refusal";
        }
        /* "Russia said Sudan must return the helicopter": Russia demands it of Sudan */
        int demand = 0;
        if ((an->must || head->must) && op == OP_NONE && ctx->speaker.b && ctx->speaker.a >= s->a &&
            ctx->speaker.b <= s->b && !an->neg) {
            /* the act's own request form ("must be ready to mediate": 045's, not its intent 039's) */
            const char *m = mapped(d, pat->code, OP_REQUEST);
            char dc[6] = "100";
            if (m && !strncmp(m, "02", 2)) { snprintf(dc, sizeof dc, "10%s", m + 2); if (!dyad_dict_code(d, dc)) snprintf(dc, sizeof dc, "100"); }
            snprintf(code, sizeof code, "%s", dc);
            demand = 1;
            mode = MODE_ACTUAL;   /* the demand is made now, whatever it asks to be readied */
            why = "demand (must)";
        } else if (an->must || head->must) { mode = MODE_HYPO; why = "obligation"; }
        /* "will not accept", "would not meet their demands": an intent denied is a refusal, the
         * intent code's refusal form (0332 -> 1222), as CAMEO codes it */
        const char *refusal = (an->neg || head->neg) && mode == MODE_INTENT && !strncmp(code, "03", 2) ? mapped(d, code, OP_REFUSE) : NULL;
        if (refusal && dyad_dict_code(d, refusal)) {
            snprintf(code, sizeof code, "%s", refusal);
            mode = MODE_ACTUAL;
            why = "refusal (an intent denied)";
        } else if (an->neg || head->neg) { mode = MODE_NEGATED; why = "negation"; }
        else if (question) { mode = MODE_HYPO; why = "a question"; }
        else if (an->hypo || head->hypo) { mode = MODE_HYPO; why = "condition"; }

        /* subject and target */
        int32_t sub = an->noun ? noun_subject(s, (int32_t)k) : find_subject(s, head->group, an->governor >= 0 ? an->governor : (int32_t)k);
        /* "neither NATO nor the USA can accept": a subject after "neither" denies the act */
        if (sub >= 0 && mode != MODE_NEGATED && !demand && s->nps[s->nps[sub].first].a > s->a &&
            is(s, s->nps[s->nps[sub].first].a - 1, "neither")) {
            mode = MODE_NEGATED;
            why = "negation (neither ... nor)";
        }
        int32_t tgt = ch[k].tgt;
        int32_t byagent = -1, fromnp = -1, deftgt = -1, named = -1;
        uint32_t end = ch[k].end;
        /* "..., the official news agency said": the teller of the clause, after a comma, is no
         * party to it; the target is sought before the comma */
        uint32_t tend = end;
        for (size_t k2 = 0; k2 < s->nanchors; k2++) {
            const dyad_pattern *op2 = lemma_op(d, s->anchors[k2].lemma);
            if (!op2 || op2->op != OP_SAY || s->anchors[k2].tok <= an->tok || s->anchors[k2].noun) continue;
            uint32_t g2 = s->anchors[k2].group, c = g2;   /* the comma a few words before it */
            while (c > an->tok + 1 && c + 8 > g2 && !is(s, c - 1, ",")) c--;
            if (c <= an->tok + 1 || !is(s, c - 1, ",") || s->tnp[c - s->a] < 0) continue;
            /* (the sentence ends a few words after the verb, without another comma: "said on Wednesday.") */
            int tail = s->anchors[k2].tok + 8 >= s->b;
            for (uint32_t x = s->anchors[k2].tok + 1; x < s->b && tail; x++) tail = !is(s, x, ",");
            if (!tail) continue;
            if (c - 1 < tend) tend = c - 1;
        }
        /* "has agreed to resign without returning to Kyrgyzstan": what is done without doing
         * something else names no party to it, nor does what it follows ("surrendered following
         * a government offensive"; not "the following"); the target is sought before them */
        for (uint32_t x = an->tok + 1; x + 1 < tend; x++) {
            const dyad_token *g = &s->t[x + 1];
            if (is(s, x, "without") && (g->flags & T_WORD) && g->len > 5 && !memcmp(s->text + g->off + g->len - 3, "ing", 3)) {
                tend = x;
                break;
            }
            if (is(s, x, "following") && !(wf(s, x - 1) & W_DET) && (wf(s, x + 1) & W_DET)) {
                tend = x;
                break;
            }
            /* "signed during his last week's visit to Moscow": a time phrase names no party */
            if (is(s, x, "during") && ((wf(s, x + 1) & W_DET) || is(s, x + 1, "his") || is(s, x + 1, "her"))) {
                tend = x;
                break;
            }
        }
        /* "reimposed blockades ... after the deaths of two Israelis": a phrase after "of" that
         * names the doer itself is no target (the event would be dropped); look on */
        dyad_av subav, pv;
        int have_sub = 0;
        if (sub >= 0 && !an->passive && !(pat->flags & PF_RECV)) {
            dyad_av_from_np(s, &s->nps[sub], &subav);
            have_sub = av_valid(&subav);
        }
        for (uint32_t x = an->tok + 1; x < tend; x++) {
            int32_t np = s->tnp[x - s->a];
            if (np < 0 || (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN)) || s->nps[np].a != x) continue;
            const dyad_np *p = &s->nps[np];
            if (!d->petrarch && topic_np(s, &s->nps[p->first], code)) continue;
            if (p->by && byagent < 0) byagent = p->first;
            else if (p->from && fromnp < 0) fromnp = p->first;
            else if (named < 0 && !p->loc && !p->by && !p->from && !p->pron && np_named(p)) {
                int self = 0;
                if (have_sub && p->a > s->a && is(s, p->a - 1, "of")) {
                    dyad_av_from_np(s, p, &pv);
                    self = av_same(&pv, &subav);
                }
                if (!self) named = p->first;
            }
            else if (deftgt < 0 && !p->loc && !p->by && !p->from && !p->pron && p->definite) deftgt = p->first;
        }
        if (an->passive && byagent < 0) byagent = by_after_aside(s, end);
        if (tgt < 0) {
            /* the doer of the object over a name after it ("an attack by Osgiliath soldiers in south
             * Ithilen"), not over one before it ("accused Gondor of an attack by rebels") */
            int32_t doer = doer_of_object(s, an, byagent);
            tgt = doer >= 0 && (named < 0 || s->nps[named].a > s->nps[doer].a) ? doer : named;
        }
        if (tgt < 0) tgt = deftgt;   /* "the authorities": may name someone through the story */
        if (tgt < 0 && !d->petrarch && !an->passive && !an->noun && (force_code(code) || !strncmp(code, "17", 2)))
            tgt = pronoun_object(s, an, sub, out, sentence);
        /* "dismissed an appeal from President Gbago", "accepted an offer from Rohan": whose
         * appeal, offer or request it is */
        if (tgt < 0 && fromnp >= 0 && s->nps[fromnp].a >= 2 + s->a) {
            uint32_t f = s->nps[fromnp].a - 1, w = f - 1;
            static const char *const asked[] = {"appeal", "appeals", "call", "calls", "request", "requests", "offer",
                                                "offers", "demand", "demands", "plea", "pleas", "proposal", "proposals",
                                                "invitation", "invitations", "ultimatum", NULL};
            int ok = 0;
            for (int q = 0; asked[q] && !ok; q++) ok = is(s, w, asked[q]);
            if (ok && is(s, f, "from") && w > an->tok) tgt = fromnp;
        }
        /* else a bare agent as GDELT codes it ("detained two suspected insurgents": REB), unless
         * it is an adjective before a noun ("military aid", "police reform") */
        int coord_sub = sub >= 0 && s->nps[sub].next >= 0;
        if (tgt < 0 && !(pat->flags & PF_RECV) && !((pat->flags & PF_SYM) && coord_sub))
            for (uint32_t x = an->tok + 1; x < tend && tgt < 0; x++) {
                int32_t np = s->tnp[x - s->a];
                if (np < 0 || s->nps[np].a != x || (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN))) continue;
                const dyad_np *p = &s->nps[np];
                if (p->loc || p->by || p->from || p->pron || p->agent < 0 || np_named(p)) continue;
                /* "its army", "their troops": the subject's own, not a target */
                if (is(s, p->a, "its") || is(s, p->a, "their") || is(s, p->a, "his") || is(s, p->a, "her") ||
                    is(s, p->a, "our"))
                    continue;
                /* "will send troops to the border", "withdrew troops": forces sent, shown, given
                 * or withdrawn are the doer's own, not whom it acts on */
                if ((!strcmp(d->actors[p->agent].sector, "MIL") || !strcmp(d->actors[p->agent].sector, "COP")) &&
                    (!strncmp(code, "15", 2) || !strncmp(code, "07", 2) || !strncmp(code, "03", 2) ||
                     !strncmp(code, "138", 3) || !strncmp(code, "087", 3)))
                    continue;
                /* (a phrase that ends where the search ends is no adjective: "expelled two
                 * diplomats following the arrest of a spy") */
                /* (a noun that looks like a verb's base form follows an adjective too: "with
                 * artillery fire killing several insurgents"; a participle describes the people:
                 * "demonstrators protesting election results") */
                const dyad_word *nw = p->b < tend && (s->t[p->b].flags & T_WORD) ? &d->lex.words[s->t[p->b].id] : NULL;
                int participle = nw && (nw->flags & W_VERB) && (nw->vform & (VF_ING | VF_PAST | VF_PART)) && !(nw->vform & VF_BASE);
                if (nw && adjectival(s, p) && !participle && !(nw->flags & W_TIME) && !reduced_relative(s, p->b))
                    continue;
                tgt = p->first;
            }
        /* Else, as TABARI does, the first country after the verb even behind "in" or "from"
         * ("will evacuate all settlements in the Gaza Strip", "withdrew from Lebanon"), when it
         * is not the subject's own. */
        /* (for meetings only behind "from": "a meeting in Brussels" names where, not with whom;
         * but a visit's place is whom it visits: "arrived in Amman") */
        int meeting = !strncmp(pat->code, "04", 2) && strncmp(pat->code, "042", 3) && strncmp(pat->code, "043", 3);
        if (tgt < 0 && !(pat->flags & PF_RECV)) {
            for (uint32_t x = an->tok + 1; x < tend && tgt < 0; x++) {
                int32_t np = s->tnp[x - s->a];
                if (np < 0 || s->nps[np].a != x || (s->tflags[x - s->a] & (TOK_SKIP | TOK_PAREN)) || s->nps[np].by) continue;
                const dyad_np *p = &s->nps[np];
                if (meeting && !p->from) continue;   /* "welcomed memos from Bree": whom, not where */
                if (!np_named(p) || p->owner < 0 || (!d->petrarch && topic_np(s, &s->nps[p->first], code))) continue;
                const dyad_actor_ent *o = &d->actors[p->owner];
                if (!o->country[0]) continue;
                if (sub >= 0 && s->nps[sub].owner >= 0 && !strcmp(d->actors[s->nps[sub].owner].country, o->country)) {
                    /* (but behind "from", a body of the state is a party to what its own people
                     * do: "the Albanians of southern Serbia are demanding autonomy from Serbian
                     * authorities") */
                    const dyad_np *sp = &s->nps[sub];
                    if (!p->from || p->agent < 0 || !state_sector(d->actors[p->agent].sector) || sp->agent >= 0 ||
                        sp->person >= 0 || d->actors[sp->owner].type != AT_COUNTRY)
                        continue;
                }
                tgt = p->first;
            }
        }
        /* "threatened to stop the talks if the United States goes ahead": a threat's party is
         * the subject of its condition, when its own clause names none */
        if (tgt < 0 && !strncmp(code, "13", 2) && gov_np < 0) tgt = condition_subject(s, an->tok + 1);
        /* "Russian troops shelled Kharkiv", "fired at targets in Jericho": force against a city
         * or province of another country is force against that country */
        int32_t city = -1;
        if (tgt < 0 && !(pat->flags & PF_RECV) && gov_np < 0 && force_code(code)) city = city_target(s, an->tok + 1, end, sub);
        /* a curfew or a state of emergency targets the place it holds in, the own country's too
         * ("Sudan's government lifted a state of emergency in West Darfur State": SDN) */
        /* (the place as its country, not as its government: "he will extend the curfew in
         * Abidjan" is no act of the government on itself; over a definite phrase that names no
         * one, "in response to unrest within the city"; and over a participle that describes the
         * measure, "the nightly curfew imposed in Sudan") */
        if ((tgt < 0 || (tgt == deftgt && s->nps[tgt].agent < 0) || s->nps[tgt].loc) && city < 0 && !(pat->flags & PF_RECV) && gov_np < 0 && place_measure(pat->code)) {
            city = measure_place(s, an->tok + 1, end);
            if (city < 0 && end + 2 < s->b && reduced_relative(s, end)) city = measure_place(s, end + 1, end + 4 < s->b ? end + 4 : s->b);
            if (city >= 0) tgt = -1;
        }
        if (gov_np >= 0) tgt = s->nps[gov_np].first;
        int32_t srcnp = sub, tgtnp = tgt;
        int recv = (pat->flags & PF_RECV) != 0;
        /* PETRARCH reads a passive with no "by X" as it reads the active ("was criticized over its
         * dispute with Eriador": the subject, then the target after the verb) */
        int passive = an->passive && !(d->petrarch && byagent < 0);
        if (passive && !recv) {
            srcnp = byagent; tgtnp = sub;
            /* "sanctions were imposed on Iraq by the UN": a subject that names no actor leaves the
             * target the clause gives */
            if (sub < 0 && byagent >= 0 && !(pat->flags & PF_SYM)) tgtnp = tgt;
            if (byagent < 0 && (pat->flags & PF_SYM)) { srcnp = sub; tgtnp = -1; }
            /* "the guerrillas have been demobilized", "troops were withdrawn from X": an act that
             * needs no other party, with no "by" doer, is the subject's own */
            else if (byagent < 0 && (pat->flags & PF_NOTARGET)) {
                int by = 0;   /* "was demonstrated by the futility of": a doer that is no actor */
                for (uint32_t x = an->tok + 1; x < end && !by; x++) by = is(s, x, "by");
                if (!by) { srcnp = sub; tgtnp = tgt; }
            }
        }
        if (recv) { tgtnp = sub; srcnp = fromnp; }
        /* PETRARCH's "+ WAS * DEAD IN $": the source stands where the pattern ends */
        for (uint32_t x = ch[k].last; recv && srcnp < 0 && d->petrarch && x > an->tok && x < end && x < ch[k].last + 4; x++) {
            int32_t q = s->tnp[x - s->a];   /* (over a few words: "in an anti- Gondor parade") */
            if (q >= 0 && s->nps[q].a == x && np_named(&s->nps[q])) srcnp = s->nps[q].first;
        }
        if (an->noun && byagent >= 0) srcnp = byagent;   /* "the capture of X by Y" */
        /* "the Albanians were urged by the EU to return to the talks": the asker of a passive
         * request is its "by" phrase, the asked its subject */
        if (an->governor >= 0 && head->passive && (op == OP_REQUEST || op == OP_DEMAND) && sub >= 0) {
            for (uint32_t x = head->tok + 1; x < an->tok; x++) {
                int32_t np = s->tnp[x - s->a];
                if (np >= 0 && s->nps[np].a == x && s->nps[np].by) { srcnp = s->nps[np].first; tgtnp = sub; break; }
            }
        }

        dyad_ev ev;
        memset(&ev, 0, sizeof ev);
        ev.sa = s->a; ev.sb = s->b; ev.story = story; ev.sentence = sentence; ev.verb = an->tok;
        if ((!strncmp(code, "18", 2) || !strncmp(code, "19", 2)) && strncmp(code, "195", 3) && aerial_means(s))
            snprintf(code, sizeof code, "195");
        snprintf(ev.cameo, sizeof ev.cameo, "%s", code);
        ev.pat = pat;
        ev.mode = mode;
        ev.mode_why = why;
        ev.date = event_date(d, s, ctx, ch, an, date);
        ev.usd = -1;
        /* money in the clause, and a conversion the text gives beside it in brackets */
        for (size_t m = 0; m < nmoney; m++) {
            if (money[m].paren || money[m].a <= an->tok || money[m].a >= end + 0) continue;
            ev.has_money = 1;
            ev.money = money[m];
            for (size_t q = m + 1; q < nmoney; q++)
                if (money[q].paren && !strcmp(money[q].currency, "USD") && money[q].a <= money[m].b + 12 &&
                    strcmp(money[m].currency, "USD")) {
                    ev.usd = money[q].value;
                    ev.usd_src = 1;
                    break;
                }
            if (!strcmp(money[m].currency, "USD")) { ev.usd = money[m].value; ev.usd_src = 1; }
            break;
        }
        /* counts of people that go with this kind of event, in its clause or its subject */
        for (int q = 0; q < 6; q++) ev.counts[q] = -1;
        /* (and a surrender to a force, whose other side is an arrest, rev=173: the people who
         * turned themselves in are in custody on both records) */
        int custody = pat->rev[0] && !strncmp(pat->rev, "17", 2);
        int takes_counts = (code[0] == '1' && code[1] >= '4') || !strncmp(code, "20", 2) || !strncmp(code, "0233", 4) || custody;
        if (takes_counts && !counted && d->counts) {
            ncounts = dyad_count_scan(d, d->counts, s->text, s->t, s->a, s->b, counts, 16);
            counted = 1;
        }
        for (size_t q = 0; q < ncounts && takes_counts; q++) {
            const dyad_count *cn = &counts[q];
            if (cn->paren || cn->or_kind || cn->kind < 1 || cn->kind > 5) continue;
            uint32_t lo = sub >= 0 ? s->nps[sub].a : head->group;
            if (cn->b <= lo || (cn->a >= end && !result_clause(s, end, cn->a))) continue;
            /* the people of an infinitive are an aim, not who befell it: another verb's ("during
             * an operation to arrest a Taliban expert"), and this event's own when they are dead,
             * injured or arrested ("tried to kill the governor", "plans to arrest five"; not
             * "plans to deploy 5,000 troops") */
            if (cn->a > s->a && cn->a != an->tok && is(s, cn->a - 1, "to") && (wf(s, cn->a) & W_VERB)) continue;
            if (an->to_inf && (cn->kind == DYAD_COUNT_DEAD || cn->kind == DYAD_COUNT_INJURED || cn->kind == DYAD_COUNT_ARRESTED))
                continue;
            if (!count_fits(cn->kind, code, custody)) continue;
            /* a figure before the verb is its subject's ("two insurgents were killed"), not the
             * object of another verb before it ("arrested a leader and detained two") */
            int other_verb = 0;
            for (size_t q2 = 0; q2 < s->nanchors && cn->b <= head->group; q2++) {
                const dyad_anchor *o2 = &s->anchors[q2];
                if (o2 != an && o2 != head && !o2->noun && o2->tok >= cn->a && o2->tok < head->group) other_verb = 1;
            }
            /* after the verb, a figure behind another verb joined by "and" is that verb's
             * ("captured a leader and detained two others": the capture is of one) */
            for (uint32_t x = an->tok + 2; x <= cn->a && cn->a < s->b; x++) {
                const dyad_token *tx = &s->t[x], *tp = &s->t[x - 1];
                if ((d->lex.words[tx->id].flags & W_VERB) && (d->lex.words[tp->id].flags & W_CONJ)) other_verb = 1;
            }
            if (other_verb) continue;
            /* the people of one act add up after its verb ("detained a Taliban leader and two
             * suspected insurgents": 3); before it, the first figure is the subject's own */
            int after = cn->a >= an->tok, k = cn->kind;   /* a figure's words may start at the verb */
            if (ev.counts[k] >= 0 && !(after && ev.count_a[k] >= an->tok)) continue;
            if (ev.counts[k] >= 0) ev.counts[k] += cn->value;
            else {
                ev.counts[k] = cn->value;
                ev.count_a[k] = cn->a;
                if (cn->added) ev.counts_added = 1;   /* its first figure says so */
            }
            ev.count_b[k] = cn->b;
        }
        /* "killed Osama bin Laden", "killing Malawi Sahib", "arrested President Gbagbo": a count
         * word right before one person known by name counts one */
        if (takes_counts && !an->to_inf && tgtnp >= 0 && s->nps[tgtnp].a == an->tok + 1 && s->nps[tgtnp].next < 0 && s->nps[tgtnp].first == tgtnp) {
            const dyad_np *tp = &s->nps[tgtnp];
            int k = dyad_count_kind(d->counts, s->text, &s->t[an->tok]);
            uint32_t nx, ny;
            int one = tp->person >= 0 || tp->titled || (tp->coref && (s->t[tp->a].flags & T_CAP) && !(wf(s, tp->a) & W_DET)) ||
                      (!(wf(s, tp->a) & W_DET) && dyad_np_name(s, tp, &nx, &ny));   /* "killed Taliban leader Saifullah" */
            if (one && count_fits(k, code, custody) && ev.counts[k] < 0) {
                ev.counts[k] = 1;
                ev.count_a[k] = an->tok;
                ev.count_b[k] = tp->b;
            }
        }
        ev.tally = tally(s, head, an->tok, &tally_cache);
        if (s->attrib_np >= 0) dyad_av_from_np(s, &s->nps[s->attrib_np], &ev.attr);
        else if (s->attrib_b > s->attrib_a) { ev.attr.a = s->attrib_a; ev.attr.b = s->attrib_b; }
        else if (ctx->speaker.b && ctx->speaker.a >= s->a && ctx->speaker.b <= s->b) ev.attr = ctx->speaker;
        if (mode == MODE_ACTUAL && unnamed) { ev.mode = MODE_REPORTED; ev.mode_why = "unnamed source"; }
        if (mode == MODE_ACTUAL && s->attrib_b > s->attrib_a) {
            for (uint32_t x = s->attrib_a; x < s->attrib_b; x++)
                if (is(s, x, "sources") || is(s, x, "source")) { ev.mode = MODE_REPORTED; ev.mode_why = "unnamed source"; }
        }
        /* place: an "in X" phrase naming a city or capital, in the clause first */
        for (int pass = 0; pass < 2 && !ev.location; pass++) {
            uint32_t lo = pass ? s->a : an->tok, hi = pass ? s->b : end;
            for (size_t q = 0; q < s->nnps; q++) {
                const dyad_np *p = &s->nps[q];
                /* a place after in/at/near, or a gazetteer place anywhere ("in Andar district,
                 * Ghazni province": the province follows a comma) */
                const dyad_actor_ent *o = p->a >= lo && p->b <= hi ? np_place(s, p) : NULL;
                if (!o || (o->type != AT_CAPITAL && o->type != AT_CITY && o->type != AT_REGION && o->type != AT_COUNTRY))
                    continue;
                /* a place of the story's country before one of another that shares a name with a
                 * word of it ("near the Ariana hotel in Kunduz province" in a Kabul release) */
                const char *home = ctx->place ? ctx->place->country : NULL;
                if (ev.place && home && home[0] && strcmp(o->country, home) && !strcmp(ev.place->country, home)) continue;
                int better_home = ev.place && home && home[0] && !strcmp(o->country, home) && strcmp(ev.place->country, home);
                /* the most specific: a district's city before its province ("in Andar district,
                 * Ghazni province"), a city before its country ("in East Timor's capital Dili") */
                if (ev.place && !better_home && (ev.place->type != AT_COUNTRY || o->type == AT_COUNTRY)) continue;
                ev.location = o->name ? o->name : o->canon;
                ev.place = o;
                memcpy(ev.loc_country, o->country, 4);
            }
        }

        /* "in southern Afghanistan" after the story named Helmand province: the story's finer place */
        if (ev.place && ev.place->type == AT_COUNTRY && ctx->place && ctx->place->type != AT_COUNTRY &&
            !strcmp(ctx->place->country, ev.place->country)) {
            ev.location = ctx->place->name ? ctx->place->name : ctx->place->canon;
            ev.place = ctx->place;
            ev.loc_from = ctx->place_dateline ? 2 : 1;
        }
        /* else the place the story last named: "In Andar district, Ghazni province, ... . The
         * security force detained two suspects.", when the sentence's actors are of its country
         * (or name none): "Moldova's president thanked Germany" is not in Brussels for having
         * followed a meeting there */
        int same_country = 1;   /* the sentence's actors, if any name a country, include the place's */
        if (!ev.location && ctx->place && !ctx->place_dateline) {   /* a dateline's place holds regardless */
            int named = 0, match = 0;
            for (size_t q = 0; q < s->nnps; q++) {
                const dyad_np *p = &s->nps[q];
                if (p->loc || p->owner < 0) continue;
                const char *c = d->actors[p->owner].country;
                if (!c[0]) continue;
                named = 1;
                if (!strcmp(c, ctx->place->country)) match = 1;
            }
            same_country = !named || match;
        }
        if (!ev.location && ctx->place && same_country) {
            ev.location = ctx->place->name ? ctx->place->name : ctx->place->canon;
            ev.place = ctx->place;
            memcpy(ev.loc_country, ctx->place->country, 4);
            ev.loc_from = ctx->place_dateline ? 2 : 1;
        }

        /* one event per coordinated source and target */
        dyad_av srcs[8], tgts[8];
        size_t ns = 0, nt = 0;
        int32_t slast = srcnp, tlast = tgtnp;
        while (slast >= 0 && s->nps[slast].next >= 0) slast = s->nps[slast].next;
        while (tlast >= 0 && s->nps[tlast].next >= 0) tlast = s->nps[tlast].next;
        for (int32_t q = srcnp; q >= 0 && ns < 8; q = s->nps[q].next) {
            /* "a young man fought": a word that only says "a person" names no doer */
            const dyad_np *sq = &s->nps[q];
            if (sq->agent >= 0 && d->actors[sq->agent].target_only && sq->owner < 0 && sq->person < 0) continue;
            add_actor(s, ctx, q, slast, srcs, &ns, 8);
        }
        for (int32_t q = tgtnp; q >= 0 && nt < 8; q = s->nps[q].next) add_actor(s, ctx, q, tlast, tgts, &nt, 8);
        if (recv && !ns && ctx->giver.b) { srcs[0] = ctx->giver; ns = 1; }
        if (demand && ns) {     /* the obliged are the targets; the speaker demands */
            size_t k2 = ns < 8 ? ns : 8;
            for (size_t q = 0; q < k2; q++) tgts[q] = srcs[q];
            nt = k2;
            srcs[0] = ctx->speaker;
            ns = 1;
        }
        if (pat->flags & PF_AMONG) nt = 0;   /* the subjects are each other's targets */
        /* "Vladimir Putin and Emomali Rahmon discussed Afghanistan", "exchanged opinions on the
         * situation at Belarus' border with Poland": parties consulting together are each
         * other's; what they discuss is the topic (a party joined by "with" stays: "met with X") */
        if ((pat->flags & PF_SYM) && ns >= 2 && !strncmp(code, "04", 2) && tgtnp >= 0 && !d->petrarch) {
            uint32_t ta = s->nps[s->nps[tgtnp].first].a;
            int with = ta > s->a && is(s, ta - 1, "with");
            static const char *const topic[] = {"border", "borders", "relations", "ties", "cooperation", "partnership",
                                                "dialogue", "contacts", "trade", "agreement", "agreements", NULL};
            for (int q = 0; with && topic[q] && ta > s->a + 1; q++) if (is(s, ta - 2, topic[q])) with = 0;
            if (!with) nt = 0;
        }
        int sym_pairs = (pat->flags & (PF_SYM | PF_AMONG)) && !nt && ns >= 2;
        if (sym_pairs) {
            for (size_t i = 0; i < ns; i++)
                for (size_t j = 0; j < ns; j++) {
                    if (i == j || !av_valid(&srcs[i]) || !av_valid(&srcs[j])) continue;
                    if (!strcmp(srcs[i].country, srcs[j].country) && !srcs[i].org && !srcs[j].org) continue;
                    int dup = 0;
                    for (size_t e = first_ev; e < out->n; e++)
                        if (out->v[e].verb == an->tok && same_party(&out->v[e].src, &srcs[i]) && same_party(&out->v[e].tgt, &srcs[j])) dup = 1;
                    if (dup) continue;
                    ev.src = srcs[i];
                    ev.tgt = srcs[j];
                    if (push_ev(out, &ev)) return -1;
                }
            continue;
        }
        /* "killed two insurgents and detained nine others", "killed several insurgents and
         * detained numerous others": "others", "another" are more of the kind of the last target
         * in the sentence */
        if (!nt && out->n > first_ev && !an->passive) {
            uint32_t x = an->tok + 1;
            int another = 0;   /* "detained another nine" */
            while (x < end && ((s->t[x].flags & T_NUM) ||
                   ((s->t[x].flags & T_WORD) && ((wf(s, x) & (W_DET | W_MONEY | W_ADV | W_NUMWORD)) || is(s, x, "suspected") ||
                                                 is(s, x, "numerous") || is(s, x, "multiple") || is(s, x, "few") ||
                                                 is(s, x, "dozens") || is(s, x, "scores"))))) {
                another |= is(s, x, "another");
                x++;
            }
            if (x < end && (is(s, x, "others") || is(s, x, "another") || another))
                tgts[nt++] = out->v[out->n - 1].tgt;
        }
        if (!nt && city >= 0) {
            memset(&tgts[0], 0, sizeof tgts[0]);
            av_country(&tgts[0], place_country(s, &s->nps[city]));
            tgts[0].a = s->nps[city].a;
            tgts[0].b = s->nps[city].b;
            tgts[0].type = AT_COUNTRY;
            nt = 1;
        }
        /* "Russia is ready to return its troops to the border": troops sent to, or kept on, "the
         * border" that no one owns in the clause go to the border of the country the story
         * names last, when that is not the doer's */
        if (!nt && !an->passive && ctx->country.b && ctx->country.country[0] &&
            (!strncmp(code, "07", 2) || !strncmp(code, "15", 2) || !strncmp(code, "03", 2)) &&
            (!ns || strcmp(srcs[0].country, ctx->country.country))) {
            for (uint32_t x = an->tok + 1; x + 2 < end && !nt; x++) {
                if (!(is(s, x, "to") || is(s, x, "on") || is(s, x, "at") || is(s, x, "along") || is(s, x, "near")) ||
                    !is(s, x + 1, "the") || !(is(s, x + 2, "border") || is(s, x + 2, "frontier") || is(s, x + 2, "boundary")))
                    continue;
                if (x + 3 < s->b && (is(s, x + 3, "of") || (s->t[x + 3].flags & T_CAP))) continue;   /* "the border of X" names it */
                tgts[0] = ctx->country;
                tgts[0].a = x + 1;
                tgts[0].b = x + 3;
                nt = 1;
            }
        }
        /* only actors that name a country, organisation or person count */
        size_t nv = 0;
        for (size_t j = 0; j < nt; j++) if (av_valid(&tgts[j]) || tgts[j].sector[0]) tgts[nv++] = tgts[j];
        nt = nv;
        /* "A journalist has been killed in a car bomb explosion in Beirut": the victims of
         * force known only by their kind (not a state's forces) are of the country where the
         * sentence puts it */
        if (force_code(code) && ev.loc_country[0] && ev.loc_from == 0 && !d->petrarch)
            for (size_t j = 0; j < nt; j++)
                if (!tgts[j].country[0] && !tgts[j].org && civilian_sector(tgts[j].sector) && !tgts[j].pron)
                    av_country(&tgts[j], ev.loc_country);
        int collective = srcnp >= 0 && (s->nps[srcnp].next >= 0 || (ns && srcs[0].org && !srcs[0].country[0]));
        int notarget = (pat->flags & PF_NOTARGET) || (root_allows_no_target(code) && collective);
        /* "Three men were arrested", "a convoy was attacked", "a roadside bomb killed two
         * soldiers": violence and coercion with a known victim and no named perpetrator are coded
         * with no source, as GDELT leaves Actor1 empty (but a blast in a known place: below)
         * (PETRARCH codes no event without a source) */
        /* (not an unarmed agent word before a noun: "business notions ... were damaged"; "an
         * insurgent mortar team was killed" and "the individual associated with ..." stand) */
        const dyad_np *tn = tgtnp >= 0 ? &s->nps[tgtnp] : NULL;
        int bare_adj = tn && tn->owner < 0 && tn->person < 0 && nt && !armed_act(tgts[0].sector, "01") &&
                       adjectival(s, tn) && !reduced_relative(s, tn->b);
        uint32_t wa = 0, wb = 0;   /* the weapon's words */
        int causeless = !an->passive && sub < 0 && !an->noun && !an->participle && an->governor < 0 &&
                        force_code(code) && violent_cause(s, head->group, &wa, &wb);
        int weapon_by = an->passive && byagent < 0 && !an->noun && violent_by(s, an->tok, &wa, &wb);
        /* "The operation resulted in the detention of several suspected insurgents": a noun of
         * arrest with no doer, "of" its people, is read as its passive ("were detained"); not
         * force ("any attacks against Kazakhstan", "rule out an attack on Ukraine?") */
        int doerless = an->noun && sub < 0 && !strncmp(code, "17", 2) && an->tok + 1 < s->b && is(s, an->tok + 1, "of");
        if (!ns && ((an->passive && byagent < 0) || causeless || doerless) && nt && !bare_adj && !d->petrarch &&
            (!strncmp(code, "17", 2) || force_code(code))) {
            memset(&ev.src, 0, sizeof ev.src);
            /* "a car bomb in central Baghdad killed three": a blast someone set off where no one
             * is named is the act of unidentified armed forces of the country it struck (UAF) */
            if ((causeless || weapon_by) && ev.loc_country[0]) {
                av_country(&ev.src, ev.loc_country);
                memcpy(ev.src.sector, "UAF", 4);
                ev.src.a = wa;
                ev.src.b = wb;
            }
            for (size_t j = 0; j < nt; j++) {
                ev.tgt = tgts[j];
                if (push_ev(out, &ev)) return -1;
            }
            continue;
        }
        for (size_t i = 0; i < ns; i++) {
            /* an agent alone ("coalition forces", "police") may act on someone named or on
             * another agent, as GDELT codes "COP" or "MIL" without a country */
            /* (and "they" that is such an agent, the speaker: "Coalition forces confirmed they
             * detained two insurgents") */
            int agent_only = !av_valid(&srcs[i]) && srcs[i].sector[0] && (!srcs[i].pron || srcs[i].pron == PRON_THEY) &&
                             armed_act(srcs[i].sector, code) &&
                             srcnp >= 0 && !adjectival(s, &s->nps[srcnp]);
            /* PETRARCH: an agent alone is an actor of its own ("---GOV": "a senior official said") */
            int petrarch_agent = d->petrarch && srcs[i].sector[0] && !srcs[i].pron;
            if (!av_valid(&srcs[i]) && !(agent_only && nt) && !petrarch_agent) continue;
            if (!nt) {
                if (!notarget) continue;
                ev.src = srcs[i];
                memset(&ev.tgt, 0, sizeof ev.tgt);
                if (push_ev(out, &ev)) return -1;
                continue;
            }
            size_t pushed = 0, own = 0;
            for (size_t j = 0; j < nt; j++) {
                if (av_same(&srcs[i], &tgts[j])) continue;
                /* "expressed confidence in joint work for the peoples of Russia and Moldova": a
                 * country's own body speaking of, or cooperating with, the country itself is no
                 * dyad (the sentence names its own country as a topic); its acts on it are
                 * ("Sudan's government lifted a state of emergency in Sudan") */
                if (!d->petrarch && code[0] == '0' && code[1] >= '1' && code[1] <= '6' && srcs[i].country[0] &&
                    srcs[i].sector[0] && !strcmp(srcs[i].country, tgts[j].country) && !tgts[j].sector[0] &&
                    !tgts[j].org && tgts[j].type == AT_COUNTRY) {
                    own++;
                    continue;
                }
                ev.src = srcs[i];
                ev.tgt = tgts[j];
                if (!d->petrarch) {
                    rebels_of(s, &ev.src, &ev.tgt);
                    rebels_of(s, &ev.tgt, &ev.src);
                }
                if (push_ev(out, &ev) || push_rev(out, &ev)) return -1;
                pushed++;
            }
            /* "Gbagbo extended the curfew in Abidjan": an act that needs no target, whose only
             * candidate is the doer itself, is coded with none; so is a promise or statement
             * whose only party is the speaker's own country ("promised to democratize Serbia") */
            if (!pushed && ((pat->flags & PF_NOTARGET) || own)) {
                ev.src = srcs[i];
                memset(&ev.tgt, 0, sizeof ev.tgt);
                if (push_ev(out, &ev)) return -1;
            }
        }
    }

    /* what the next sentences may refer back to */
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        const dyad_actor_ent *o = s->tflags[p->a - s->a] & TOK_SKIP ? NULL : np_place(s, p);
        if (o && (o->type == AT_CITY || o->type == AT_REGION || (o->type == AT_CAPITAL && p->loc))) {
            ctx->place = o;
            ctx->place_dateline = 0;
        }
    }
    int named_person = 0;
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p->pron || p->owner < 0 || (s->tflags[p->a - s->a] & TOK_SKIP)) continue;
        dyad_av v;
        dyad_av_from_np(s, p, &v);
        if (v.type == AT_PERSON) {
            ctx->person = v;
            named_person = 1;
        }
        /* "a Taliban leader ... He was subsequently killed": one person known by a role word
         * (counts.txt's nouns for one person) is whom "he" or "she" may name next, unless the
         * sentence names a person ("Putin met a Taliban leader. He said": Putin) */
        else if (!named_person && p->person < 0 && p->agent >= 0 && p->next < 0 && p->first == (int32_t)q && d->counts &&
                 dyad_count_person(d->counts, s->text, &s->t[p->b - 1])) {
            int later = 0;   /* (nor a person named after it) */
            for (size_t r = q + 1; r < s->nnps && !later; r++) later = s->nps[r].person >= 0;
            if (!later) ctx->person = v;
        }
        if (v.country[0] && !p->loc && v.type != AT_PERSON) ctx->country = v;
        if (v.org && (v.type == AT_IGO || v.type == AT_NGO)) ctx->org = v;
        if (v.country[0] && v.sector[0] && !p->loc && v.type != AT_PERSON && !state_sector(v.sector))
            ctx->named[ctx->nnamed++ % 8] = v;
    }
    dyad_aliases_note(s, &ctx->aliases);
    for (size_t e = first_ev; e < out->n; e++) {
        const char *c = out->v[e].cameo;
        if (!strncmp(c, "03", 2) || !strncmp(c, "06", 2) || !strncmp(c, "07", 2))
            if (!(out->v[e].pat->flags & PF_RECV)) ctx->giver = out->v[e].src;
    }
    return 0;
}

/* ---- membership statements ------------------------------------------------------------------ */

static int cmp_code3(const void *a, const void *b) { return memcmp(a, b, 3); }

int dyad_code_memberships(const dyad_sent *s, dyad_ctx *ctx, uint32_t story, uint32_t sentence,
                          dyad_memberships *out) {
    static const char *const cues[] = {"comprising", "comprises", "comprise", "consisting", "consists", "includes",
                                       "include", "including", "grouping", "groups", "unites", "uniting", NULL};
    if (s->nnps < 3) return 0;
    int any = 0;    /* most sentences have no cue: look for one before building anything */
    for (uint32_t x = s->a; x < s->b && !any; x++) {
        uint32_t n = s->t[x].len;
        if (n < 5 || n > 10) continue;
        for (int c = 0; cues[c] && !any; c++)
            any = cues[c][0] == (s->text[s->t[x].off] | 0x20) && strlen(cues[c]) == n &&
                  dyad_strncaseeq(s->text + s->t[x].off, cues[c], n);
    }
    if (!any) return 0;
    for (size_t q = 0; q < s->nnps; q++) {
        const dyad_np *p = &s->nps[q];
        if (p->first != (int32_t)q || p->loc || p->pron) continue;
        dyad_av v;
        dyad_av_from_np(s, p, &v);
        resolve_av(s, ctx, &v, p);      /* "the bloc" is the organisation named before */
        if (!v.org || v.country[0]) continue;
        /* a cue within twenty words after the organisation (asides come between) */
        uint32_t cue = 0;
        for (uint32_t x = p->b; x < s->b && x < p->b + 20 && !cue; x++) {
            if (s->tflags[x - s->a] & TOK_BOUND) break;
            for (int c = 0; cues[c]; c++) if (is(s, x, cues[c])) { cue = x + 1; break; }
        }
        if (!cue) continue;
        if (cue < s->b && is(s, cue, "of")) cue++;
        int32_t np = cue < s->b ? s->tnp[cue - s->a] : -1;
        if (np < 0) continue;
        char codes[40][4];
        size_t n = 0;
        uint32_t a = s->nps[np].a, b = s->nps[np].b;
        /* "in addition to Russia includes Armenia, ...": the addition is a member too */
        for (uint32_t x = p->b; x + 2 < cue; x++)
            if (is(s, x, "addition") && is(s, x + 1, "to") && s->tnp[x + 2 - s->a] >= 0) {
                const dyad_np *ad = &s->nps[s->tnp[x + 2 - s->a]];
                if (ad->owner >= 0 && s->d->actors[ad->owner].country[0] && n < 40) memcpy(codes[n++], s->d->actors[ad->owner].country, 4);
            }
        for (int32_t k = np; k >= 0 && n < 40; k = s->nps[k].next) {
            const dyad_np *m = &s->nps[k];
            b = m->b;
            if (m->owner < 0 || !s->d->actors[m->owner].country[0]) continue;
            const dyad_actor_ent *o = &s->d->actors[m->owner];
            int dup = 0;
            for (size_t i = 0; i < n; i++) if (!memcmp(codes[i], o->country, 3)) dup = 1;
            if (!dup) memcpy(codes[n++], o->country, 4);
        }
        if (n < 2) continue;
        qsort(codes, n, sizeof codes[0], cmp_code3);
        dyad_membership ms;
        memset(&ms, 0, sizeof ms);
        ms.org = v.org;
        size_t o = 0;
        for (size_t i = 0; i < n && o + 5 < sizeof ms.members; i++) {
            if (i) ms.members[o++] = ',';
            memcpy(ms.members + o, codes[i], 3);
            o += 3;
        }
        ms.members[o] = 0;
        ms.a = a;
        ms.b = b;
        ms.sa = s->a;
        ms.sb = s->b;
        ms.story = story;
        ms.sentence = sentence;
        if (DYAD_VEC_PUSH(out->mem, out->v, out->n, out->cap)) return -1;
        out->v[out->n++] = ms;
    }
    return 0;
}
