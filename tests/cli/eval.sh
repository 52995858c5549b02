# dyad eval reads every gold format and prints figures; --json gives one object with them all.
source "$(dirname "$0")/lib.sh"
shared="$ROOT/../shared"
"$DYAD" eval "$ROOT/tests/rules/modes.test" > "$tmp/out"
grep -q "rule-test cases passed .*1.000" "$tmp/out" || fail "rules: $(cat "$tmp/out")"
[[ -d $shared/corpora ]] || { echo "no ../shared: the gold corpora part is skipped"; exit 0; }
"$DYAD" eval --json "$shared/seed/expected.tsv" "$shared/corpora/plover-gsr/PLOVER_GSR_CAMEO.dev.json" \
  "$shared/corpora/isaf-press-releases/isaf.dev.jsonl" "$shared/corpora/petrarch-cameo-unittests/PETR.UnitTest.records.xml" \
  "$ROOT/tests/rules/modes.test" > "$tmp/out.json"
python3 - "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = {x["format"]: x for x in d["files"]}
assert set(f) == {"expected", "plover", "isaf", "petrarch", "rules"}, f.keys()
assert f["expected"]["must"]["correct"] == f["expected"]["must"]["of"] == 7
assert f["expected"]["must_not_violated"] == 0
p = f["plover"]
assert p["records"] == 224 and 0 <= p["event_type_accuracy"]["value"] <= 1
assert "confusion" in p and "worst" in p and "precision" in p["event_type"]
assert f["isaf"]["records"] == 507 and "date_accuracy" in f["isaf"]
assert f["petrarch"]["records"] > 0 and "cannot run" in f["petrarch"]["status"]
assert f["rules"]["cases"]["value"] == 1.0
PY
expect_exit 2 "$DYAD" eval --format nonsense "$ROOT/tests/rules/modes.test" 2> /dev/null
echo "not gold" > "$tmp/x.txt"
expect_exit 4 "$DYAD" eval "$tmp/x.txt" 2> "$tmp/err"
grep -q "cannot tell its format" "$tmp/err" || fail "undetectable format not reported"
