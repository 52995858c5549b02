# Reports that disagree: a figure given in two currencies, and two lists of an organisation's members.
source "$(dirname "$0")/lib.sh"
W=(--dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt")
cat > "$tmp/page.txt" <<'TXT'
Arnor will send $5 billion to Rohan

Arnor is ready to provide Rohan with military aid worth 5 billion rubles (about $80 million).

The Council of the West, an alliance comprising Arnor, Gondor and Rohan, met on Monday.

The bloc includes Arnor, Gondor, Rohan and Harad.
TXT
"$DYAD" code "${W[@]}" --date 2015-03-23 "$tmp/page.txt" > "$tmp/out"
python3 - "$tmp/out" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
conf = [r for r in recs if r["type"] == "conflict"]
kinds = sorted(c["kind"] for c in conf)
assert kinds == ["amount", "membership"], kinds
a = next(c for c in conf if c["kind"] == "amount")
cur = sorted(x["currency"] for x in a["claims"])
assert cur == ["RUB", "USD"], a
m = next(c for c in conf if c["kind"] == "membership")
assert m["source"]["org"] == "COTW", m
lists = sorted(x["members"] for x in m["claims"])
assert lists == ["ARN,GON,HAR,ROH", "ARN,GON,ROH"], lists
for x in m["claims"]:
    assert x["span"][0] < x["span"][1] and x["text"]
PY
# the same list twice is no conflict
printf 'The Council of the West comprises Arnor, Gondor and Rohan.\n\nThe Council of the West includes Gondor, Rohan and Arnor.\n' > "$tmp/same.txt"
if "$DYAD" code "${W[@]}" --date 2015-03-23 "$tmp/same.txt" | grep -q '"membership"'; then fail "agreeing lists flagged"; fi
# reports of one event share a cluster; --merge keeps one record per event with its counts
"$DYAD" code "${W[@]}" --date 2015-03-23 "$tmp/page.txt" > "$tmp/all"
"$DYAD" code "${W[@]}" --merge --date 2015-03-23 "$tmp/page.txt" > "$tmp/merged"
python3 - "$tmp/all" "$tmp/merged" <<'PY'
import json, sys
allv = [json.loads(l) for l in open(sys.argv[1])]
mer = [json.loads(l) for l in open(sys.argv[2])]
ev = [e for e in allv if e["type"] == "event"]
aid = [e for e in ev if e["source"].get("country") == "ARN" and e.get("target", {}).get("country") == "ROH" and e["root"] in ("03", "07")]
assert len(aid) == 2 and aid[0]["cluster"] == aid[1]["cluster"] == aid[0]["id"], aid
assert aid[0]["mentions"] == 2 and aid[0]["sources"] == 1
mev = [e for e in mer if e["type"] == "event"]
assert len(mev) == len(ev) - 1, (len(mev), len(ev))
assert all(e["cluster"] == e["id"] for e in mev)
PY
# --merge: the cluster's record counts its reports' people: the largest restated figure plus the
# figures of further people ("two more ... were also detained")
printf 'Arnorian troops detained two Mordorian suspects in Eastfold on Monday. Arnorian troops detained the two Mordorian suspects near the river on Monday. Two more Mordorian suspects were also detained by Arnorian troops on Monday.\n' > "$tmp/more.txt"
"$DYAD" code "${W[@]}" --date 2015-06-03 "$tmp/more.txt" > "$tmp/more.all"
"$DYAD" code "${W[@]}" --merge --date 2015-06-03 "$tmp/more.txt" > "$tmp/more.merged"
python3 - "$tmp/more.all" "$tmp/more.merged" <<'PY'
import json, sys
allv = [json.loads(l) for l in open(sys.argv[1]) if '"type":"event"' in l]
mer = [json.loads(l) for l in open(sys.argv[2]) if '"type":"event"' in l]
assert [e.get("arrested") for e in allv] == [2, 2, 2] and [e.get("counts_added", False) for e in allv] == [False, False, True], allv
assert len(mer) == 1 and mer[0]["mentions"] == 3 and mer[0]["arrested"] == 4, mer
PY
