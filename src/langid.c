/* langid.c: language identification with CLD2 (Debian libcld2), called through its C++ ABI.
 *
 * CLD2's API is C++ (namespace CLD2) but uses only C types: pointers, int, bool and the enum
 * Language (an int). Rather than compile a C++ shim, and so give every build (the sanitizer and
 * libFuzzer ones included) a C++ compiler and linker, the two functions are declared here under
 * their Itanium C++ ABI names, which Debian's libcld2.so.0 exports (nm -D shows them). The
 * library is frozen (git 2015-08-06), so the names cannot move under us. */
#include <stdbool.h>
#include "langid.h"
#include "utf8.h"

/* CLD2::DetectLanguageSummary(const char *buffer, int buffer_length, bool is_plain_text,
 *     Language *language3, int *percent3, int *text_bytes, bool *is_reliable) */
extern int dyad_cld2_summary(const char *buf, int len, bool plain, int *lang3, int *pct3,
                             int *text_bytes, bool *reliable)
    __asm__("_ZN4CLD221DetectLanguageSummaryEPKcibPNS_8LanguageEPiS4_Pb");
/* CLD2::LanguageCode(Language): "en", "de", ...; "un" for UNKNOWN_LANGUAGE. */
extern const char *dyad_cld2_code(int lang) __asm__("_ZN4CLD212LanguageCodeENS_8LanguageE");

enum { CLD2_ENGLISH = 0, CLD2_UNKNOWN = 26, SAMPLE = 4096 };   /* the first 4 KiB tell a news text's language */

/* The languages dyad's dictionaries code. */
static int coded(int lang) { return lang == CLD2_ENGLISH; }

/* A fast path, since most of what dyad reads is English and CLD2 would add a quarter to the coding
 * time: English function words that other languages written in Latin script do not use ("a",
 * "in", "die", "on" are left out). In English news they are a third of the words; 12% of the first
 * 200 words (with 20 words at least) is English enough to need no CLD2. */
static int plainly_english(const char *s, size_t n) {
    static const char *const words[] = {"the", "of", "and", "to", "that", "said", "for", "with", "was",
        "were", "has", "have", "is", "are", "by", "from", "its", "this", "will", "would", "not",
        "which", "they", "their", "been", "after", "who", NULL};
    static const unsigned char lens[] = {3, 2, 3, 2, 4, 4, 3, 4, 3, 4, 3, 4, 2, 3, 2, 4, 3, 4, 4, 5, 3, 5, 4, 5, 4, 5, 3};
    size_t total = 0, hits = 0;
    for (size_t i = 0; i < n && total < 200;) {
        while (i < n && !dyad_isalpha((unsigned char)s[i])) {
            if ((unsigned char)s[i] >= 0x80) {     /* a word with non-ASCII letters counts, unmatched */
                total++;
                while (i < n && ((unsigned char)s[i] >= 0x80 || dyad_isalpha((unsigned char)s[i]))) i++;
                continue;
            }
            i++;
        }
        size_t b = i;
        while (i < n && dyad_isalpha((unsigned char)s[i])) i++;
        if (i == b) break;
        if (i < n && (unsigned char)s[i] >= 0x80) {   /* ASCII letters then a non-ASCII one: foreign */
            total++;
            while (i < n && ((unsigned char)s[i] >= 0x80 || dyad_isalpha((unsigned char)s[i]))) i++;
            continue;
        }
        total++;
        if (i - b > 5) continue;          /* the function words are short: no need to look */
        for (int k = 0; words[k]; k++)
            if (lens[k] == i - b && (words[k][0] | 0x20) == (s[b] | 0x20) &&
                dyad_strncaseeq(words[k], s + b, i - b)) { hits++; break; }
    }
    return total >= 20 && hits * 100 >= total * 12;
}

const char *dyad_langid(const char *text, size_t len, dyad_buf *scratch, int *skip) {
    *skip = 0;
    if (len > SAMPLE) len = SAMPLE;
    if (plainly_english(text, len)) return "en";
    /* CLD2 trusts its input to be valid UTF-8: copy, blanking what is not. */
    dyad_buf_clear(scratch);
    if (dyad_buf_reserve(scratch, len)) return NULL;
    char *o = scratch->data;
    size_t i = 0, n = 0;
    while (i < len) {
        int32_t cp;
        size_t k = dyad_utf8_decode(text + i, len - i, &cp);
        if (cp < 0 || cp == 0) { o[n++] = ' '; i += k ? k : 1; continue; }
        memcpy(o + n, text + i, k);
        n += k;
        i += k;
    }
    o[n] = 0;
    scratch->len = n;
    int lang3[3] = {CLD2_UNKNOWN, CLD2_UNKNOWN, CLD2_UNKNOWN}, pct3[3] = {0, 0, 0}, bytes = 0;
    bool reliable = false;
    int lang = dyad_cld2_summary(o, (int)n, true, lang3, pct3, &bytes, &reliable);
    if (lang == CLD2_UNKNOWN || !reliable) return NULL;
    int english = 0;
    for (int j = 0; j < 3; j++) if (coded(lang3[j])) english += pct3[j];
    *skip = !coded(lang) && english <= 20 && bytes >= 100;
    return dyad_cld2_code(lang);
}
