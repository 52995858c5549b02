# Hostile input: each bad input with its expected behaviour. Always: a one-line error naming the
# input and the position (line, or byte offset in the decompressed input), the good records
# before and after still coded, exit 4 (bad input skipped) or 0 (nothing wrong), no hang (each run
# under `timeout 60`), and memory bounded: a reader holds at most DYAD_READ_MAX (32 MiB) of one
# document, so coding with a 200 MB line or a 40 MB WARC record stays under 160 MB peak RSS
# (measured: about 46 MB; the dictionaries alone take 12 MB).
source "$(dirname "$0")/lib.sh"
run() { timeout 60 "$DYAD" code --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" "$@"; }
# peak_kb FILE: runs dyad on FILE under /usr/bin/time, prints the peak RSS in KB
peak_kb() {
  /usr/bin/time -f '%M' -o "$tmp/rss" timeout 60 "$DYAD" code --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" "$@" > "$tmp/out" 2> "$tmp/err" || true
  tail -n 1 "$tmp/rss"
}
# Sanitizer builds keep freed memory in quarantine (256 MB): the bound is checked on normal builds.
sanitized=0
ldd "$DYAD" 2>/dev/null | grep -qE 'libasan|libubsan' && sanitized=1
LIMIT_KB=$((160 * 1024))
check_rss() { # what, KB
  echo "peak RSS, $1: $2 KB" >&2
  [[ -x /usr/bin/time ]] || fail "/usr/bin/time missing (scripts/bootstrap installs it)"
  [[ $sanitized == 1 ]] && return 0
  [[ $2 =~ ^[0-9]+$ && $2 -lt $LIMIT_KB ]] || fail "$1: peak RSS $2 KB, bound $LIMIT_KB KB"
}
good1='{"id":"g1","date":"2024-03-12","text":"Arnor accused Gondor of espionage."}'
good2='{"id":"g2","date":"2024-03-12","text":"Gondor accused Arnor of espionage."}'
both_good() { grep -q '"doc":"g1"' "$tmp/out" && grep -q '"doc":"g2"' "$tmp/out" || fail "$1: good records lost: $(cat "$tmp/err")"; }

# 1. invalid UTF-8 and NUL bytes in text and HTML, coded, exit 0: in text they are replaced (U+FFFD)
# and counted; a page that declares no charset and is not UTF-8 is read as ISO-8859-1 (libxml2)
printf 'Arnor accused Gondor of espionage. \xff\xfe\0 More \x80 text.\n' > "$tmp/bad.txt"
printf '<!doctype html><p>Arnor accused Gondor of espionage. \xff\0</p><p>\xc0\xaf Gondor \x00denied it.</p>\n' > "$tmp/bad.html"
for f in bad.txt bad.html; do
  run --date 2024-03-12 "$tmp/$f" > "$tmp/out" 2> "$tmp/err" || fail "$f: exit $?"
  grep -q '"code":"GON"' "$tmp/out" || fail "$f: not coded"
  [[ $f == bad.html ]] || grep -q "invalid UTF-8 sequence(s) replaced" "$tmp/err" || fail "$f: invalid UTF-8 not counted"
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" || fail "$f: output is not JSON"
done
# 2. a NUL byte in a JSON line: that line named with the byte, the others coded, exit 4
printf '%s\n{"id":"n","text":"Arnor\0 accused Gondor."}\n%s\n' "$good1" "$good2" > "$tmp/nul.jsonl"
expect_exit 4 run "$tmp/nul.jsonl" > "$tmp/out" 2> "$tmp/err"
grep -q "nul.jsonl:2: NUL byte at byte 24 (not allowed in JSON), skipped" "$tmp/err" || fail "NUL: $(cat "$tmp/err")"
both_good "NUL"
# 3. a 200 MB single line, plain and gzip'd: named, skipped without being held, neighbours coded
{ echo "$good1"; printf '{"id":"big","text":"'; head -c 200000000 /dev/zero | tr '\0' a; printf '"}\n'; echo "$good2"; } > "$tmp/big.jsonl"
kb=$(peak_kb "$tmp/big.jsonl")
grep -q "big.jsonl:2: line longer than 32 MiB, skipped" "$tmp/err" || fail "200 MB line: $(cat "$tmp/err")"
both_good "200 MB line"
check_rss "200 MB line" "$kb"
gzip -1 -c "$tmp/big.jsonl" > "$tmp/big.jsonl.gz"
rm "$tmp/big.jsonl"
kb=$(peak_kb "$tmp/big.jsonl.gz")
grep -q "big.jsonl.gz:2: line longer than 32 MiB, skipped" "$tmp/err" || fail "200 MB gzip'd line: $(cat "$tmp/err")"
both_good "200 MB gzip'd line"
check_rss "200 MB gzip'd line" "$kb"
# ... and as a plain-text document (one document: it is skipped whole)
head -c 200000000 /dev/zero | tr '\0' a | zstd -q -1 -c > "$tmp/big.txt.zst"
kb=$(peak_kb "$tmp/big.txt.zst")
grep -q "big.txt.zst: document longer than 32 MiB, skipped" "$tmp/err" || fail "200 MB text: $(cat "$tmp/err")"
check_rss "200 MB text" "$kb"
# 4. deeply nested and truncated JSON: each line named, the others coded
{
  echo "$good1"
  python3 -c 'print("{\"text\":" + "[" * 100000)'
  python3 -c 'print("{\"a\":" * 50000)'
  echo "$good2"
  printf '{"id":"cut","text":"Arnor acc'
} > "$tmp/deep.jsonl"
expect_exit 4 run "$tmp/deep.jsonl" > "$tmp/out" 2> "$tmp/err"
for l in 2 3 5; do grep -q "deep.jsonl:$l: not a JSON object" "$tmp/err" || fail "deep/truncated JSON line $l: $(cat "$tmp/err")"; done
both_good "deep JSON"
# 5. a truncated compressed file (gzip, zstd, xz): the documents before the cut are coded, then
# one error naming the input and how far into the decompressed input it broke
python3 -c 'import json
for i in range(3000): print(json.dumps({"id": "d%d" % i, "date": "2024-03-12", "text": "Arnor accused Gondor of espionage on day %d of the long dispute, officials said." % i}))' > "$tmp/many.jsonl"
for c in gzip zstd xz; do
  $c -c "$tmp/many.jsonl" > "$tmp/many.$c"
  head -c $(($(stat -c %s "$tmp/many.$c") * 6 / 10)) "$tmp/many.$c" > "$tmp/cut.$c"
  expect_exit 4 run "$tmp/cut.$c" > "$tmp/out" 2> "$tmp/err"
  grep -qE "cut.$c: $c data broken [0-9]+ bytes into the decompressed input: .*the rest is lost \(in line [0-9]+\)" "$tmp/err" || fail "truncated $c: $(cat "$tmp/err")"
  n=$(grep -c '"doc":"d' "$tmp/out" || true)
  [[ $n -gt 1000 ]] || fail "truncated $c: only $n documents before the cut coded"
done
# 6. a WARC with lying lengths (tests/cli/web-input.sh has each kind), and one honest record of
# 40 MB: over the limit, named and skipped without being held; the records after it are coded
python3 - "$tmp/huge.warc" <<'EOF'
import sys
def rec(i, block, typ="resource", ctype="text/plain"):
    return (b"WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Date: 2024-03-12T00:00:00Z\r\n"
            b"Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (typ.encode(), i, ctype.encode(), len(block))) + block + b"\r\n\r\n"
with open(sys.argv[1], "wb") as f:
    f.write(rec(1, b"Arnor accused Gondor of espionage."))
    f.write(rec(2, b"Rohan accused Harad of espionage. " * 1200000))
    f.write(rec(3, b"Gondor accused Arnor of espionage."))
EOF
kb=$(peak_kb "$tmp/huge.warc")
grep -q "huge.warc: byte 180: WARC record urn:uuid:2: larger than the 32 MiB limit; skipped" "$tmp/err" || fail "40 MB record: $(cat "$tmp/err")"
grep -q '"doc":"urn:uuid:1"' "$tmp/out" && grep -q '"doc":"urn:uuid:3"' "$tmp/out" || fail "40 MB record: neighbours lost"
! grep -q '"doc":"urn:uuid:2"' "$tmp/out" || fail "40 MB record coded"
check_rss "40 MB WARC record" "$kb"
# 7. empty files, plain and compressed, of every format: nothing, exit 0
: > "$tmp/empty"
printf '' | gzip > "$tmp/empty.gz"; printf '' | zstd -q > "$tmp/empty.zst"; printf '' | xz > "$tmp/empty.xz"; printf '' | bzip2 > "$tmp/empty.bz2"
for f in empty empty.gz empty.zst empty.xz empty.bz2; do
  for fmt in text jsonl html warc; do
    run --input $fmt "$tmp/$f" > "$tmp/out" 2> "$tmp/err" || fail "empty $f as $fmt: exit $?: $(cat "$tmp/err")"
    [[ ! -s $tmp/out ]] || fail "empty $f as $fmt gave output"
  done
done
# 8. noise: random bytes, compressed random bytes, a gzip header and nothing else: no crash, no
# hang, exit 0 or 4
head -c 300000 /dev/urandom > "$tmp/noise"
gzip -c "$tmp/noise" > "$tmp/noise.gz"
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00' > "$tmp/header.gz"
for f in noise noise.gz header.gz; do
  for fmt in text jsonl html warc; do
    set +e; run --input $fmt "$tmp/$f" > /dev/null 2> "$tmp/err"; rc=$?; set -e
    [[ $rc == 0 || $rc == 4 ]] || fail "$f as $fmt: exit $rc: $(head -c 300 "$tmp/err")"
  done
done
