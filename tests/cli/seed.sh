# The seed page of ../shared codes to its expected events (issue #2's acceptance test).
source "$(dirname "$0")/lib.sh"
shared="$ROOT/../shared"
[[ -f $shared/seed/article.txt ]] || { echo "no ../shared/seed: skipped"; exit 0; }
"$DYAD" code --date 2015-04-03 "$shared/seed/article.txt" > "$tmp/seed.jsonl"
python3 "$shared/tools/check-events" "$shared/seed/expected.tsv" "$tmp/seed.jsonl" | tee "$tmp/check" | tail -n 1
grep -q '"type":"conflict"' "$tmp/seed.jsonl" || fail "no conflict record"
grep '"type":"conflict"' "$tmp/seed.jsonl" | grep -q '"currency":"USD"' || fail "conflict lacks the USD claim"
grep '"type":"conflict"' "$tmp/seed.jsonl" | grep -q '"currency":"RUB"' || fail "conflict lacks the RUB claim"
should=$(sed -nE 's/.*should ([0-9]+)\/.*/\1/p' "$tmp/check" | tail -n 1)
[[ ${should:-0} -ge 5 ]] || fail "only ${should:-0} should rows"
