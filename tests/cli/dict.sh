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
