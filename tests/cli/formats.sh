# Input formats and the output record: JSON lines with ids and dates, stdin, the table.
source "$(dirname "$0")/lib.sh"
W=(--dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt")
printf '%s\n' '{"id":"n1","date":"2024-03-14T10:00:00Z","url":"https://x.test/1","text":"Arnor accused Gondor of espionage on Tuesday."}' > "$tmp/a.jsonl"
"$DYAD" code "${W[@]}" "$tmp/a.jsonl" > "$tmp/out"
python3 - "$tmp/out" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ev = [r for r in recs if r["type"] == "event"]
assert len(ev) == 1, recs
e = ev[0]
assert e["doc"] == "n1" and e["story_date"] == "2024-03-14", e
assert e["date"] == "2024-03-12", e["date"]           # "on Tuesday" before a Thursday
assert e["source"]["country"] == "ARN" and e["target"]["country"] == "GON", e
assert e["cameo"].startswith("112"), e["cameo"]
assert e["text"].startswith("Arnor accused") and e["span"][0] < e["span"][1]
assert "evidence" in e and "accuse" in e["evidence"]
assert e["quad_class"] == 3 and e["goldstein"] < 0
PY
# standard input, plain text, and the table
echo "Gondor accused Arnor of espionage." | "$DYAD" code "${W[@]}" --date 2024-03-14 > "$tmp/out"
grep -q '"source":{"text":"Gondor"' "$tmp/out" || fail "stdin not coded: $(cat "$tmp/out")"
echo "Gondor accused Arnor of espionage." | "$DYAD" code "${W[@]}" --date 2024-03-14 --format table > "$tmp/out"
grep -q "GON .* ARN" "$tmp/out" || fail "table: $(cat "$tmp/out")"
# the span cites the original bytes, before normalisation
printf 'Intro\xc2\xa0text.\n\xe2\x80\x9cArnor accused Gondor of espionage.\xe2\x80\x9d\n' > "$tmp/q.txt"
"$DYAD" code "${W[@]}" --date 2024-03-14 "$tmp/q.txt" > "$tmp/out"
python3 - "$tmp/out" "$tmp/q.txt" <<'PY'
import json, sys
raw = open(sys.argv[2], "rb").read()
e = [json.loads(l) for l in open(sys.argv[1])][0]
a, b = e["span"]
assert raw[a:b].decode().lstrip("\u201c\"").startswith("Arnor accused"), raw[a:b]
assert raw[a:b].decode().startswith("\u201c"), "the span starts at the original curly quote"
PY
# amounts in USD: the text's own conversion first, else the month's rate
echo "Arnor provided military aid worth 70 billion rubles to Gondor." | "$DYAD" code "${W[@]}" --dict "$ROOT/build/dict" --date 2015-04-03 > "$tmp/out"
grep -q '"usd_source":"rate","rate":[0-9.]*,"rate_month":"2015-04"' "$tmp/out" || fail "rate: $(cat "$tmp/out")"
echo "Arnor provided military aid worth 70 billion rubles (about \$1.23 billion) to Gondor." | "$DYAD" code "${W[@]}" --date 2015-04-03 > "$tmp/out"
grep -q '"usd":1230000000,"usd_source":"text"' "$tmp/out" || fail "text conversion: $(cat "$tmp/out")"
# counts of people go with the event's kind, the words in evidence
echo "Arnorian troops killed at least 15 Gondorian soldiers near Edoras." | "$DYAD" code "${W[@]}" --date 2015-04-03 > "$tmp/out"
grep -q '"dead":15' "$tmp/out" || fail "dead: $(cat "$tmp/out")"
grep -q 'dead 15 from .*at least 15' "$tmp/out" || fail "count evidence: $(cat "$tmp/out")"
# -j N: the same records, in input order, as one thread (batches read while others are coded)
python3 - "$ROOT/examples/wire.jsonl" "$tmp/many.jsonl" <<'PY'
import json, sys
src = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    for i in range(300):
        for d in src:
            f.write(json.dumps(dict(d, id="%s-%d" % (d["id"], i))) + "\n")
PY
"$DYAD" code -j 1 "$tmp/many.jsonl" > "$tmp/j1"
"$DYAD" code -j 2 "$tmp/many.jsonl" > "$tmp/j2"
"$DYAD" code -j 3 "$tmp/many.jsonl" "$ROOT/examples/border-aid.txt" > "$tmp/j3"
cmp -s "$tmp/j1" "$tmp/j2" || fail "-j 2 differs from -j 1"
"$DYAD" code -j 1 "$tmp/many.jsonl" "$ROOT/examples/border-aid.txt" | cmp -s - "$tmp/j3" || fail "-j 3 differs from -j 1"
[[ $(grep -c '"type":"event"' "$tmp/j1") -gt 1000 ]] || fail "too few events to compare"
