# Bad input gets a clear one-line error naming file and line, and never loses good records.
source "$(dirname "$0")/lib.sh"
# broken JSON between good lines: both good documents are coded, the bad line is named, exit 4
{
  echo '{"id":"a","date":"2024-03-12","text":"Arnor accused Gondor of espionage."}'
  echo '{"id":"b","text": "unterminated'
  echo '[1,2,3]'
  echo '{"id":"c","date":"2024-03-12"}'
  echo '{"id":"d","date":"2024-03-12","text":"Gondor accused Arnor of espionage."}'
} > "$tmp/in.jsonl"
expect_exit 4 "$DYAD" code --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"
grep -q "in.jsonl:2: not a JSON object" "$tmp/err" || fail "line 2 not reported: $(cat "$tmp/err")"
grep -q "in.jsonl:3: not a JSON object" "$tmp/err" || fail "line 3 not reported"
grep -q "in.jsonl:4: no \"text\"" "$tmp/err" || fail "line 4 not reported"
grep -q '"doc":"a"' "$tmp/out" || fail "document a lost"
grep -q '"doc":"d"' "$tmp/out" || fail "document d lost"
# invalid UTF-8, NUL bytes and binary: replaced and counted, not fatal
printf 'Arnor accused Gondor\xff\xfe of espionage.\0 More \x80 text.\n' > "$tmp/bad.txt"
"$DYAD" code --date 2024-03-12 --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" "$tmp/bad.txt" > "$tmp/out" 2> "$tmp/err"
grep -q "invalid UTF-8" "$tmp/err" || fail "invalid UTF-8 not counted"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" || fail "output is not JSON"
head -c 200000 /dev/urandom > "$tmp/random.bin"
"$DYAD" code "$tmp/random.bin" > /dev/null 2>&1 || true
# an empty file and an empty line codes to nothing, successfully
: > "$tmp/empty.txt"
"$DYAD" code "$tmp/empty.txt" > "$tmp/out"
[[ ! -s $tmp/out ]] || fail "empty input gave output"
# unknown flag: usage and exit 2; a bad --date: exit 2
expect_exit 2 "$DYAD" code --frobnicate x 2> "$tmp/err"
grep -q "unknown option '--frobnicate'" "$tmp/err" || fail "unknown option not named"
grep -q "^usage:" "$tmp/err" || fail "no usage"
expect_exit 2 "$DYAD" code --date 2015-13-45 "$tmp/empty.txt" 2> /dev/null
expect_exit 2 "$DYAD" frob 2> /dev/null
# a missing file: named, exit 5
expect_exit 5 "$DYAD" code "$tmp/nope.txt" 2> "$tmp/err"
grep -q "nope.txt" "$tmp/err" || fail "missing file not named"
# a malformed dictionary line: file and line named, exit 3
mkdir -p "$tmp/d/verbs"
printf '# header\n072\tprovide @nosuchset\n' > "$tmp/d/verbs/x.txt"
expect_exit 3 "$DYAD" code --dict "$tmp/d" "$tmp/empty.txt" 2> "$tmp/err"
grep -q "x.txt:2: undefined word set" "$tmp/err" || fail "dictionary error not located: $(cat "$tmp/err")"
printf '#! kind=actors\nArnor\ttype=country country=arn\n' > "$tmp/d/bad.txt"
rm "$tmp/d/verbs/x.txt"
expect_exit 1 "$DYAD" dict check --dict "$tmp/d" 2> "$tmp/err"
grep -q "bad.txt:2: country must be three capital letters" "$tmp/err" || fail "dict check: $(cat "$tmp/err")"
# invalid UTF-8 in a document's id or title: the output stays valid UTF-8 JSON
printf '{"id":"a\xffb","date":"2024-01-01","text":"Arnor accused Gondor of espionage.","title":"t\xfe"}\n' > "$tmp/badid.jsonl"
"$DYAD" code --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" "$tmp/badid.jsonl" > "$tmp/out"
python3 -c 'import json,sys; [json.loads(l.decode("utf-8")) for l in open(sys.argv[1], "rb")]' "$tmp/out" || fail "output is not valid UTF-8 JSON"
grep -q '"doc":"a' "$tmp/out" || fail "document with a bad id lost"
