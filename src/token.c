/* token.c: the tokenizer. Hand-written: it runs over every byte of the corpus, and a regex or
 * ICU break iterator costs several times as much for rules this simple. */
#include "token.h"

#include <utf8proc.h>
#include "utf8.h"

static int is_letter_cp(int32_t cp) {
    if (cp < 0x80) return dyad_isalpha(cp) || dyad_isdigit(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO ||
           cp == 0xFFFD;
}

static int push(dyad_toks *out, size_t off, size_t len, uint16_t flags) {
    if (DYAD_VEC_PUSH(out->mem, out->v, out->n, out->cap)) return -1;
    out->v[out->n++] = (dyad_token){(uint32_t)off, (uint32_t)len, 0, flags, 0};
    return 0;
}

static uint16_t case_flags(const char *s, size_t n) {
    /* ASCII words, nearly all of them: no decoding */
    size_t i0 = 0, up = 0;
    while (i0 < n && (unsigned char)s[i0] < 0x80) { up += dyad_isupper((unsigned char)s[i0]); i0++; }
    if (i0 == n) {
        uint16_t f = 0;
        size_t letters = 0;
        int first = -1;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (dyad_isalpha(c)) { letters++; if (first < 0) first = dyad_isupper(c); }
        }
        if (first == 1) f |= T_CAP;
        if (letters >= 2 && up == letters) f |= T_ALLCAPS;
        return f;
    }
    size_t letters = 0, upper = 0;
    int first = -1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = dyad_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0) {
            int up = cp < 0x80 ? dyad_isupper(cp) : utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
            int lo = cp < 0x80 ? dyad_islower(cp) : utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
            if (up || lo) {
                letters++;
                upper += up;
                if (first < 0) first = up;
            }
        }
        i += k;
    }
    uint16_t f = 0;
    if (first == 1) f |= T_CAP;
    if (letters >= 2 && upper == letters) f |= T_ALLCAPS;
    return f;
}

int dyad_tokenize(const char *s, size_t start, size_t end, dyad_toks *out) {
    size_t i = start;
    uint16_t pre = 0;
    while (i < end) {
        unsigned char c = (unsigned char)s[i];
        if (dyad_isspace(c)) {
            pre |= T_SPACE;
            if (c == '\n') pre |= T_NL;
            i++;
            continue;
        }
        /* "Dol_Amroth": an underscore between letters joins the words of a name, as a space */
        if (c == '_' && i > start && i + 1 < end && dyad_isalpha((unsigned char)s[i - 1]) && dyad_isalpha((unsigned char)s[i + 1])) {
            pre |= T_SPACE;
            i++;
            continue;
        }
        size_t j = i;
        uint16_t f = pre;
        pre = 0;
        if (dyad_isdigit(c)) {
            while (j < end && (dyad_isdigit((unsigned char)s[j]) ||
                               ((s[j] == '.' || s[j] == ',' || s[j] == ':' || s[j] == '/') &&
                                j + 1 < end && dyad_isdigit((unsigned char)s[j + 1]) && j > i)))
                j++;
            if (push(out, i, j - i, f | T_NUM)) return -1;
            i = j;
            continue;
        }
        int32_t cp;
        size_t k = c < 0x80 ? 1 : dyad_utf8_decode(s + i, end - i, &cp);
        if (c < 0x80) cp = c;
        if (cp >= 0 && is_letter_cp(cp)) {
            /* letters and digits run together ("G20"); ASCII without decoding. An ASCII word's
             * case is counted on the way (case_flags' first loop, without a second pass over
             * every word of the corpus) */
            j = i + k;
            int ascii = c < 0x80, first = -1;
            size_t letters = 0, up = 0;
            if (dyad_isalpha(c)) { letters = 1; up = (size_t)dyad_isupper(c); first = dyad_isupper(c); }
            while (j < end) {
                unsigned char cj = (unsigned char)s[j];
                if (cj < 0x80) {
                    if (dyad_isupper(cj)) { letters++; up++; if (first < 0) first = 1; }
                    else if (dyad_islower(cj)) { letters++; if (first < 0) first = 0; }
                    else if (!dyad_isdigit(cj)) break;
                    j++;
                    continue;
                }
                ascii = 0;
                int32_t c2;
                size_t k2 = dyad_utf8_decode(s + j, end - j, &c2);
                if (c2 < 0 || !is_letter_cp(c2)) break;
                j += k2;
            }
            /* "don't", "can't": split before n't so the negation is a token of its own; "n't"
             * written alone (a dictionary's "did n't", a treebank's text) is that one token too */
            if (j + 1 < end && (s[j - 1] == 'n' || s[j - 1] == 'N') && s[j] == '\'' &&
                (s[j + 1] == 't' || s[j + 1] == 'T') && (j + 2 == end || !is_letter_cp((unsigned char)s[j + 2]))) {
                if (j - i >= 2 && push(out, i, j - 1 - i, f | T_WORD | case_flags(s + i, j - 1 - i))) return -1;
                if (push(out, j - 1, 3, (j - i >= 2 ? 0 : f) | T_WORD)) return -1;
                i = j + 2;
                continue;
            }
            uint16_t cf = !ascii ? case_flags(s + i, j - i)
                                 : (uint16_t)((first == 1 ? T_CAP : 0) | (letters >= 2 && up == letters ? T_ALLCAPS : 0));
            if (push(out, i, j - i, f | T_WORD | cf)) return -1;
            i = j;
            continue;
        }
        if (push(out, i, k, f | T_PUNCT)) return -1;
        i += k;
    }
    return 0;
}
