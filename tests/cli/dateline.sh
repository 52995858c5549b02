# A document without a date: its datelines take their year from a date near its top.
source "$(dirname "$0")/lib.sh"
W=(--dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt")
printf 'Morning Update, March 10, 2011\nRelease 2011-03-S-028\n\nANNUMINAS, Arnor (March 10) - Arnorian police detained two Gondorian spies in Edoras yesterday.\n' > "$tmp/rel.txt"
"$DYAD" code "${W[@]}" "$tmp/rel.txt" > "$tmp/out"
grep -q '"date":"2011-03-09"' "$tmp/out" || fail "event date: $(cat "$tmp/out")"
grep -q '"story_date":"2011-03-10"' "$tmp/out" || fail "story date: $(cat "$tmp/out")"
printf 'Release 2011-03-S-028\n\nANNUMINAS (March 10) - Arnorian police detained two Gondorian spies today.\n' > "$tmp/rel2.txt"
"$DYAD" code "${W[@]}" "$tmp/rel2.txt" | grep -q '"date":"2011-03-10"' || fail "year from a release number"
