# The shipped dictionaries load cleanly, and explain shows the reasoning.
source "$(dirname "$0")/lib.sh"
"$DYAD" dict check > "$tmp/out" || { cat "$tmp/out"; fail "dict check found problems"; }
grep -q "dictionaries ok" "$tmp/out" || fail "dict check: $(cat "$tmp/out")"
"$DYAD" dict explain --date 2015-04-03 "Russia is ready to provide Tajikistan with military aid." > "$tmp/out"
grep -q "actor: \"Russia\" -> RUS" "$tmp/out" || fail "explain actors: $(cat "$tmp/out")"
grep -q "verb: \"provide\" lemma provide" "$tmp/out" || fail "explain verb"
grep -q "^event: RUS .* 0332 " "$tmp/out" || fail "explain event: $(cat "$tmp/out")"
"$DYAD" dict stats | grep -q "verb patterns" || fail "stats"
"$DYAD" --help | grep -q "exit codes" || fail "help lacks exit codes"
"$DYAD" dict lookup "border guards" | grep -q 'agent "border guard": .*sector=MIL (dict/agents.txt:' || fail "lookup agent"
"$DYAD" dict lookup "provided" | grep -q 'verb form of "provide"' || fail "lookup verb"
expect_exit 1 "$DYAD" dict lookup "qqqzzz" > /dev/null
# dict check's deeper look: a phrase naming two actors without dates, overlapping offices
mkdir -p "$tmp/dd"
printf '#! kind=actors\nArnor\ttype=country country=ARN\nArnor\ttype=country country=GON\nBoromir\ttype=person country=GON sector=GOV role="steward" from=2001 until=2005 name="Boromir"\nBoromir\ttype=person country=GON sector=GOV role="steward" from=2004 until=2008 name="Boromir"\n' > "$tmp/dd/a.txt"
expect_exit 1 "$DYAD" dict check --dict "$tmp/dd" 2> "$tmp/err"
grep -q 'a.txt:2: "Arnor" also names another actor without dates (dd/a.txt:3)' "$tmp/err" || fail "shadowing: $(cat "$tmp/err")"
grep -q 'a.txt:4: "Boromir" as steward: dates overlap with dd/a.txt:5' "$tmp/err" || fail "overlap: $(cat "$tmp/err")"
