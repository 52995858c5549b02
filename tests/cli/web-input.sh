# Input of the real web: HTML pages (article text only, the page's charset), compressed input of
# every format (gzip, zstd, bzip2, xz), WARC 1.0 and 1.1 (response and resource records become
# documents with the record's id, URI and date), and documents not in English counted and skipped.
source "$(dirname "$0")/lib.sh"
# test-only actors whose names come out right only when the charset is honoured
printf '#! kind=actors\n# test-only actors (web-input.sh)\nМордор\ttype=country country=MRD\nÉrébor\ttype=country country=ERE\n' > "$tmp/charset-actors.txt"
code() { "$DYAD" code --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" --dict "$tmp/charset-actors.txt" "$@"; }
# the documents a store keeps (id, url, title, date) and its sentences, for checks on extraction
stored() {
  rm -f "$tmp/s.db"
  "$DYAD" load --db "$tmp/s.db" --dict "$ROOT/dict" --dict "$ROOT/tests/rules/world.txt" --dict "$tmp/charset-actors.txt" "$@" >/dev/null 2>&1 || true
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1])
for r in c.execute("select id, coalesce(url,\"-\"), coalesce(title,\"-\"), coalesce(date,\"-\") from documents order by id"): print("\t".join(r))' "$tmp/s.db"
}

# --- HTML: a windows-1251 page (<meta charset>), with a script, navigation, an ad, an aside and a
# footer that each hold a sentence that would code (against Harad): none of them may be coded.
cat > "$tmp/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="windows-1251"><title>Мордор accuses Gondor - The Herald</title>
<meta property="article:published_time" content="2024-03-12T08:00:00+03:00">
<script>var teaser = "Rohan accused Harad of espionage.";</script><style>p { color: red }</style></head>
<body class="has-sidebar">
<header><nav><a href="/">Home</a> | <a href="/world">Rohan accused Harad of espionage.</a></nav></header>
<div class="ad-slot">Advertisement: Rohan accused Harad of espionage, says our sponsor.</div>
<article>
<h1>Мордор accuses Gondor</h1>
<p class="byline">By A. Writer</p>
<p>Мордор accused Gondor of espionage on Tuesday, officials in Minas Tirith said.</p>
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>Gondor denied the charge and said talks would go on.</p>
</article>
<aside><h3>Related</h3><p>Rohan accused Harad of espionage in a story next to this one.</p></aside>
<footer><p>Rohan accused Harad of espionage, the footer says. © The Herald</p></footer>
</body></html>
EOF
iconv -f UTF-8 -t WINDOWS-1251 "$tmp/page.html" > "$tmp/page-1251.html" 2>/dev/null ||
  python3 -c 'import sys; open(sys.argv[2],"wb").write(open(sys.argv[1],encoding="utf-8").read().replace("©","(c)").encode("cp1251"))' "$tmp/page.html" "$tmp/page-1251.html"
code "$tmp/page-1251.html" > "$tmp/out" 2> "$tmp/err"
grep -q '"source":{"text":"Мордор","code":"MRD"' "$tmp/out" || fail "windows-1251 page: Мордор not decoded: $(head -c 600 "$tmp/out")"
grep -q '"story_date":"2024-03-12"' "$tmp/out" || fail "article:published_time not taken as the date"
! grep -q '"code":"HAR"' "$tmp/out" || fail "boilerplate coded: $(grep HAR "$tmp/out" | head -n 2)"
grep -q '"headline":true' "$tmp/out" || fail "the <h1> is not the headline"
stored "$tmp/page-1251.html" | grep -qF $'page-1251.html\t-\tМордор accuses Gondor - The Herald\t2024-03-12' || fail "html title/date not stored: $(stored "$tmp/page-1251.html")"
# an ISO-8859-1 page that says so only in <meta http-equiv>
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>x</title></head><body><main><p>\xc9r\xe9bor accused Gondor of espionage on Tuesday, the ministry said.</p><p>The talks between the two countries will go on next week, officials added.</p></main></body></html>\n' > "$tmp/latin1.html"
code --date 2024-03-12 "$tmp/latin1.html" > "$tmp/out"
grep -q '"source":{"text":"Érébor","code":"ERE"' "$tmp/out" || fail "ISO-8859-1 page: Érébor not decoded: $(head -c 400 "$tmp/out")"
# --input html reads a fragment that carries no <html>
printf '<p>Arnor accused Gondor of espionage.</p><script>Rohan accused Harad of espionage.</script>\n' > "$tmp/frag.txt"
code --date 2024-03-12 --input html "$tmp/frag.txt" > "$tmp/out"
grep -q '"code":"ARN"' "$tmp/out" && ! grep -q HAR "$tmp/out" || fail "--input html: $(cat "$tmp/out")"

# --- WARC 1.0 and 1.1: warcinfo, request, metadata, a 404 and an image give nothing; response
# and resource records with HTML or text (chunked, gzip'd, ISO-8859-1 by the HTTP header) are
# documents; the German page is skipped and counted.
want_docs=$'urn:uuid:00000000-0000-0000-0000-000000000003\thttps://news.example/a\tArnor and Gondor\t2024-03-12
urn:uuid:00000000-0000-0000-0000-000000000006\thttps://news.example/b\t-\t2024-03-13
urn:uuid:00000000-0000-0000-0000-000000000008\thttps://news.example/c\tRohan thanks Arnor\t2024-03-14
urn:uuid:00000000-0000-0000-0000-000000000009\thttps://news.example/d\tHarad and Rohan\t2024-03-15'
for v in 1.0 1.1; do
  python3 "$ROOT/tests/data/mkwarc.py" "$tmp/w$v.warc" $v
  code "$tmp/w$v.warc" > "$tmp/out$v" 2> "$tmp/err"
  grep -q "w$v.warc: 1 document(s) not in English skipped (de 1)" "$tmp/err" || fail "WARC $v: German page not counted: $(cat "$tmp/err")"
  for d in 3 6 8 9; do grep -q "\"doc\":\"urn:uuid:00000000-0000-0000-0000-00000000000$d\"" "$tmp/out$v" || fail "WARC $v: record $d not coded"; done
  ! grep -qE '"code":"HAR","country":"HAR"},"cameo":"1125","root":"11","label":"accuse of spying or treason","target":\{"text":"Harad"' "$tmp/out$v" || true
  ! grep -q '"source":{"text":"Mordor"' "$tmp/out$v" || fail "WARC $v: a script was coded"
  ! grep -q '"source":{"text":"Rohan","code":"ROH","country":"ROH"},"cameo":"1125"' "$tmp/out$v" || fail "WARC $v: a footer was coded"
  [[ $(stored "$tmp/w$v.warc") == "$want_docs" ]] || fail "WARC $v documents: $(stored "$tmp/w$v.warc")"
done
cmp -s "$tmp/out1.0" "$tmp/out1.1" || fail "WARC 1.0 and 1.1 code differently"
grep -q '"text":"Arnor accused Gondor of espionage on Tuesday, the Café Herald reported."' "$tmp/out1.1" || fail "ISO-8859-1 from the HTTP header not honoured"
# one gzip member a record, as Common Crawl writes them
python3 "$ROOT/tests/data/mkwarc.py" "$tmp/cc.warc.gz" 1.1 --gzip
code "$tmp/cc.warc.gz" > "$tmp/out" 2>/dev/null
cmp -s "$tmp/out" "$tmp/out1.1" || fail "multi-member .warc.gz codes differently"
# a lying Content-Length (too short, too long, absurd): that record is named and skipped, the
# records after it are still coded, exit 4
for lie in short long huge; do
  python3 "$ROOT/tests/data/mkwarc.py" "$tmp/lie-$lie.warc" 1.0 --lie $lie
  expect_exit 4 code "$tmp/lie-$lie.warc" > "$tmp/out" 2> "$tmp/err"
  grep -qE "lie-$lie.warc: byte 524: WARC record urn:uuid:00000000-0000-0000-0000-000000000003: .*Content-Length.*skipped" "$tmp/err" || fail "lie $lie: $(cat "$tmp/err")"
  for d in 6 8 9; do grep -q "\"doc\":\"urn:uuid:00000000-0000-0000-0000-00000000000$d\"" "$tmp/out" || fail "lie $lie: record $d lost"; done
done
# --input warc on a WARC that starts with junk: named, then the records
{ printf 'junk before the first record\r\n'; cat "$tmp/w1.1.warc"; } > "$tmp/junk.warc"
expect_exit 4 code --input warc "$tmp/junk.warc" > "$tmp/out" 2> "$tmp/err"
grep -q "junk.warc: byte 0: not the start of a WARC record; skipped to the next record" "$tmp/err" || fail "junk: $(cat "$tmp/err")"
cmp -s "$tmp/out" "$tmp/out1.1" || fail "junk: records lost"

# --- compressed input of every format: the same events as uncompressed (text and HTML documents
# take the file's name as id, so that is set aside in the comparison)
printf 'Arnor accused Gondor of espionage on Tuesday.\n' > "$tmp/doc.txt"
printf '{"id":"j1","date":"2024-03-12","text":"Gondor accused Arnor of espionage."}\n{"id":"j2","date":"2024-03-12","text":"Rohan thanked Arnor for its support."}\n' > "$tmp/doc.jsonl"
cp "$tmp/page-1251.html" "$tmp/doc.html"
cp "$tmp/w1.0.warc" "$tmp/doc.warc"
for f in doc.txt doc.jsonl doc.html doc.warc; do
  code --date 2024-03-12 "$tmp/$f" 2>/dev/null | sed "s/$f//g" > "$tmp/plain"
  [[ -s $tmp/plain ]] || fail "$f: no events"
  for c in gzip zstd bzip2 xz; do
    command -v $c >/dev/null || fail "$c not installed (scripts/bootstrap installs it)"
    $c -c "$tmp/$f" > "$tmp/$f.$c"
    code --date 2024-03-12 "$tmp/$f.$c" 2>/dev/null | sed "s/$f\.$c//g" > "$tmp/z"
    cmp -s "$tmp/plain" "$tmp/z" || fail "$f.$c codes differently: $(diff "$tmp/plain" "$tmp/z" | head -n 4)"
  done
done

# --- language: a German JSON line and a German text file are counted and skipped, not coded;
# short English text full of names is never taken for another language
{
  echo '{"id":"en","date":"2024-03-12","text":"Arnor accused Gondor of espionage."}'
  echo '{"id":"de","date":"2024-03-12","text":"Die Regierung von Arnor hat Gondor am Dienstag der Spionage beschuldigt, wie die Zeitung aus Minas Tirith berichtete. Das Ministerium sagte, die Gespräche würden fortgesetzt."}'
  echo '{"id":"fr","date":"2024-03-12","text":"Le gouvernement d'"'"'Arnor a accusé mardi le Gondor d'"'"'espionnage, a rapporté le journal. Le ministère a déclaré que les pourparlers se poursuivraient la semaine prochaine."}'
} > "$tmp/langs.jsonl"
code "$tmp/langs.jsonl" > "$tmp/out" 2> "$tmp/err"
grep -q '"doc":"en"' "$tmp/out" || fail "English line not coded"
! grep -qE '"doc":"(de|fr)"' "$tmp/out" || fail "a non-English line was coded"
grep -q "langs.jsonl: 2 document(s) not in English skipped (de 1, fr 1)" "$tmp/err" || fail "not counted: $(cat "$tmp/err")"
printf 'Die Regierung von Arnor hat Gondor am Dienstag der Spionage beschuldigt, wie die Zeitung berichtete.\nDas Ministerium sagte, die Gespräche würden fortgesetzt.\n' > "$tmp/de.txt"
code --date 2024-03-12 "$tmp/de.txt" > "$tmp/out" 2> "$tmp/err"
[[ ! -s $tmp/out ]] && grep -q "de.txt: 1 document(s) not in English skipped (de 1)" "$tmp/err" || fail "German text: $(cat "$tmp/err")"
for s in "Arnor accused Gondor." "Aragorn met Denethor in Minas Tirith." "Eomer thanked Annuminas."; do
  echo "$s" | code --date 2024-03-12 > "$tmp/out" 2> "$tmp/err"
  ! grep -q "not in English" "$tmp/err" || fail "short English taken for another language: $s"
done

# --- --input names the new formats; an unknown one is a usage error
expect_exit 2 "$DYAD" code --input pdf "$tmp/doc.txt" 2> "$tmp/err"
grep -q "text, jsonl, html, warc" "$tmp/err" || fail "--input values not listed"
