# Memory is bounded by the largest document, not by the corpus: a corpus ten times larger than
# the memory dyad may use is coded in full under that limit (RLIMIT_DATA: heap and anonymous
# maps), streamed through a pipe, with as many events as its parts coded one by one. A document
# too large for the limit is skipped with an error naming its file and line, and the documents
# after it are still coded. A document repeating one event thousands of times is one cluster
# whose every record counts all its reports (this took cubic time before clustering was hashed).
# Skipped on the sanitizer build: AddressSanitizer's shadow memory does not fit such a limit.
source "$(dirname "$0")/lib.sh"
if grep -q __asan_init "$DYAD"; then echo "skipped under AddressSanitizer"; exit 0; fi
limit=$((16 << 20))

# one round: the examples as JSON lines; how many events it gives
python3 - "$ROOT/examples" > "$tmp/round.jsonl" <<'PY'
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    print(json.dumps({"id": p.stem, "date": "2024-03-14", "text": p.read_text()}))
PY
per_round=$("$DYAD" code --input jsonl "$tmp/round.jsonl" | grep -c '"type":"event"')
(( per_round > 5 )) || fail "the examples give $per_round events"

# rounds with fresh ids until the stream is ten times the limit; count what comes out
cat > "$tmp/gen.py" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
need, out, n = int(sys.argv[2]), sys.stdout, 0
total = 0
while total < need:
    for line in lines:
        s = line.replace('"id": "', '"id": "r%d-' % n, 1) + "\n"
        out.write(s)
        total += len(s.encode())
    n += 1
print(n, total, file=sys.stderr)
PY
python3 "$tmp/gen.py" "$tmp/round.jsonl" $((10 * limit)) 2>"$tmp/gen.err" \
  | prlimit --data=$limit "$DYAD" code --input jsonl - 2>"$tmp/err" | grep -c '"type":"event"' > "$tmp/count" || true
read -r rounds bytes < "$tmp/gen.err"
got=$(cat "$tmp/count")
[[ ! -s $tmp/err ]] || fail "errors under the limit: $(head -3 "$tmp/err")"
(( bytes >= 10 * limit )) || fail "the corpus is $bytes bytes"
[[ $got -eq $((rounds * per_round)) ]] || fail "$got events from $rounds rounds of $per_round"
echo "$bytes bytes ($rounds rounds) under a $limit-byte data limit: $got events"

# a document larger than the limit allows, between two good ones
python3 - "$ROOT/examples/border-aid.txt" > "$tmp/big.jsonl" <<'PY'
import json, sys
t = open(sys.argv[1]).read()
print(json.dumps({"id": "before", "text": t}))
print(json.dumps({"id": "huge", "text": (t + "\n\n") * (24 * 2**20 // len(t))}))
print(json.dumps({"id": "after", "text": t}))
PY
set +e
prlimit --data=$limit "$DYAD" code --input jsonl "$tmp/big.jsonl" > "$tmp/big.out" 2> "$tmp/big.err"
rc=$?
set -e
[[ $rc -ne 0 ]] || fail "the huge document went unreported"
grep -q "big.jsonl:2: out of memory" "$tmp/big.err" || fail "error does not name the line: $(cat "$tmp/big.err")"
grep -q '"doc":"before"' "$tmp/big.out" || fail "the document before is lost"
grep -q '"doc":"after"' "$tmp/big.out" || fail "the document after is lost"

# one event reported 3,000 times in one document: one cluster of 3,000 mentions
python3 -c 'print("Russia sent troops to Ukraine on 3 March 2014.\n" * 3000)' > "$tmp/rep.txt"
"$DYAD" code --date 2014-03-05 "$tmp/rep.txt" > "$tmp/rep.out"
n=$(grep -c '"type":"event"' "$tmp/rep.out" || true)
[[ $n -eq 3000 ]] || fail "$n events from 3000 reports"
m=$(grep -c '"mentions":3000,' "$tmp/rep.out" || true)
[[ $m -eq 3000 ]] || fail "$m of 3000 records count 3000 mentions"
[[ $(grep -o '"cluster":"[^"]*"' "$tmp/rep.out" | sort -u | wc -l) -eq 1 ]] || fail "more than one cluster"
echo ok
