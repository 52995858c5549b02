# The store: dyad load (idempotent, re-coding, crash-safe under kill -9), dyad query (filters and
# aggregates), dyad export (GDELT, ICEWS, PLOVER, CSV read back with the published column names).
source "$(dirname "$0")/lib.sh"
DYAD=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")   # the tests run in $tmp
GEN=$(dirname "$DYAD")/dict            # the build's generated dictionaries (countries, places)
REF=$ROOT/../shared/reference
E=("$ROOT"/examples/*.txt "$ROOT"/examples/*.jsonl)
cd "$tmp"

# sql DB QUERY: one value a line, fields separated by '|'
sql() {
  python3 - "$1" "$2" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

# ---- load twice: stored once ----
"$DYAD" load --db ex.db --date 2024-03-14 "${E[@]}" 2>err || fail "load: $(cat err)"
[[ ! -s err ]] || fail "load in a pipe is not quiet: $(cat err)"
docs=$(sql ex.db "SELECT count(*) FROM documents")
events=$(sql ex.db "SELECT count(*) FROM events")
[[ $docs -eq 5 ]] || fail "5 documents wanted, got $docs"
[[ $events -gt 15 ]] || fail "too few events: $events"
# every record dyad code writes is a mention; the events are its clusters (the border-aid
# story's headline and body report one aid pledge)
"$DYAD" code --date 2024-03-14 "${E[@]}" > coded.jsonl
reports=$(grep -c '"type":"event"' coded.jsonl)
want=$(python3 -c "import json,sys; print(len({r['cluster'] for r in map(json.loads, open(sys.argv[1])) if r['type'] == 'event'}))" coded.jsonl)
[[ $events -eq $want && $want -lt $reports ]] || fail "stored $events events, dyad code gives $want clusters of $reports reports"
[[ $(sql ex.db "SELECT count(*) FROM mentions") -eq $reports ]] || fail "a mention for each report"
[[ $(sql ex.db "SELECT count(*) FROM conflicts") -eq 1 ]] || fail "the border-aid conflict"
[[ $(sql ex.db "SELECT count(*) FROM claims") -eq 2 ]] || fail "its two claims"
sql ex.db "SELECT json FROM events" | python3 -c "import json,sys; [json.loads(l) for l in sys.stdin]" || fail "json column"
"$DYAD" load --db ex.db --date 2024-03-14 --stats "${E[@]}" 2>err || fail "second load: $(cat err)"
grep -q "0 new, 0 re-coded, 5 already stored" err || fail "second load: $(cat err)"
[[ $(sql ex.db "SELECT count(*) FROM documents") -eq 5 && $(sql ex.db "SELECT count(*) FROM events") -eq $events ]] ||
  fail "a second load changed the store"
# the same content under another id is stored once, as an alias
sed 's/"id": "ex-/"id": "copy-/' "$ROOT/examples/wire.jsonl" > copy.jsonl
"$DYAD" load --db ex.db --stats copy.jsonl 2>err
grep -q "3 duplicates" err || fail "copies: $(cat err)"
[[ $(sql ex.db "SELECT count(*) FROM documents") -eq 5 && $(sql ex.db "SELECT count(*) FROM document_aliases") -eq 3 ]] ||
  fail "copies stored twice"

# ---- re-coding after a dictionary change replaces the document's events ----
cp -r "$ROOT/dict" d1
"$DYAD" load --db dc.db --dict d1 --dict "$GEN" --date 2024-03-14 "${E[@]}" 2>/dev/null
n11=$(sql dc.db "SELECT count(*) FROM events WHERE root = '11'")
[[ $n11 -ge 2 ]] || fail "accusations wanted before the change, got $n11"
rm d1/verbs/11-*.txt                         # no more 'accuse' patterns
"$DYAD" load --db dc.db --dict d1 --dict "$GEN" --date 2024-03-14 --stats "${E[@]}" 2>err
grep -q "0 new, 5 re-coded" err || fail "re-code: $(cat err)"
[[ $(sql dc.db "SELECT count(*) FROM events WHERE root = '11'") -eq 0 ]] || fail "old events kept after re-coding"
"$DYAD" load --db fresh.db --dict d1 --dict "$GEN" --date 2024-03-14 "${E[@]}" 2>/dev/null
q="SELECT e.id, e.cameo, e.json FROM events e ORDER BY e.id"
[[ "$(sql dc.db "$q")" == "$(sql fresh.db "$q")" ]] || fail "re-coded store differs from a fresh load"
[[ $(sql dc.db "SELECT count(*) FROM mentions") -eq $(sql fresh.db "SELECT count(*) FROM mentions") ]] || fail "mentions"
[[ $(sql dc.db "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'accused'") -eq \
   $(sql fresh.db "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'accused'") ]] || fail "FTS after re-coding"
[[ $(sql dc.db "PRAGMA integrity_check") == ok ]] || fail "integrity after re-coding"

# ---- queries ----
rows() { "$DYAD" query --db ex.db --format csv "$@" | tail -n +2 | wc -l; }
[[ $(rows) -eq $events ]] || fail "query lists every event"
# (the headline's and the body's aid pledge to Moldova are one event, coded as its first report)
[[ $(rows --actor DEU) -eq 2 ]] || fail "--actor DEU: $(rows --actor DEU)"
[[ $(rows --source DEU --target MDA) -eq 1 ]] || fail "--source DEU --target MDA"
[[ $(rows --actor "angela merkel") -eq 0 ]] || fail "--actor by name"
[[ $(rows --cameo 03) -eq $(sql ex.db "SELECT count(*) FROM events WHERE cameo LIKE '03%'") ]] || fail "--cameo 03"
[[ $(rows --cameo 0333) -eq 1 && $(rows --cameo 0332) -eq 0 ]] || fail "--cameo 0333"
[[ $(rows --root 19) -eq 2 ]] || fail "--root 19"
[[ $(rows --plover sanction) -eq 2 ]] || fail "--plover sanction"
[[ $(rows --mode negated) -eq 1 ]] || fail "--mode negated"
[[ $(rows --from 2024-03-01 --to 2024-03-31) -eq $(rows --date 2024-03) ]] || fail "--date 2024-03"
[[ $(rows --date 2024-03) -eq $(sql ex.db "SELECT count(*) FROM events WHERE date LIKE '2024-03-%'") ]] || fail "--date"
[[ $(rows --place beijing) -eq 4 && $(rows --country chn) -eq 4 ]] || fail "--place / --country"
[[ $(rows --text humanitarian) -eq 2 && $(rows --text '"humanitarian aid"') -eq 1 ]] || fail "--text"
[[ $(rows --doc ex-2) -eq 3 ]] || fail "--doc ex-2: $(rows --doc ex-2)"
"$DYAD" query --db ex.db --by dyad --format csv > by.csv
grep -qx "DEU,MDA,1,5.2" by.csv || fail "--by dyad: $(cat by.csv)"
"$DYAD" query --db ex.db --by month --format jsonl > by.jsonl
python3 - by.jsonl "$events" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert sum(r["events"] for r in rows) == int(sys.argv[2]), rows
m = {r["month"]: r for r in rows}
assert m["2024-02"]["events"] == 3 and abs(m["2024-02"]["goldstein"] - (-16.4)) < 1e-9, m
PY
"$DYAD" query --db ex.db --by dyad,week --actor MDA > by.txt
grep -q "^DEU  *MDA  *2024-03-04  *1  *5.2$" by.txt || fail "--by dyad,week table: $(cat by.txt)"
# the server's keys too (one table in store.c serves both)
"$DYAD" query --db ex.db --by source_country,quad --format csv --actor MDA > by.csv
grep -qx "DEU,1,1,5.2" by.csv || fail "--by source_country,quad: $(cat by.csv)"
expect_exit 2 "$DYAD" query --db ex.db --by day,month,year,week,root,cameo,mode
"$DYAD" query --db ex.db --format jsonl --actor KEN | python3 -c "
import json, sys; r = [json.loads(l) for l in sys.stdin]; assert len(r) == 1 and r[0]['source']['code'] == 'KEN', r"
"$DYAD" query --db ex.db | head -n 1 | grep -q "^date  *source  *target  *cameo" || fail "table header"
expect_exit 2 "$DYAD" query --db ex.db --colour red
expect_exit 2 "$DYAD" query --db ex.db --cameo 'x*'
expect_exit 2 "$DYAD" query --db ex.db --by planet
expect_exit 2 "$DYAD" query --db ex.db --format xml
expect_exit 2 "$DYAD" query --db ex.db --from 2024-13
expect_exit 2 "$DYAD" query --db ex.db --text 'AND OR ('
expect_exit 2 "$DYAD" export --db ex.db
expect_exit 2 "$DYAD" export --db ex.db --format xls
expect_exit 2 "$DYAD" load --db ex.db --frobnicate x

# ---- exports, read back with the published column names ----
"$DYAD" export --db ex.db --format gdelt > ev.gdelt
"$DYAD" export --db ex.db --format icews > ev.icews
"$DYAD" export --db ex.db --format plover > ev.plover
"$DYAD" export --db ex.db --format csv > ev.csv
"$DYAD" export --db ex.db --format gdelt --actor DEU > deu.gdelt
[[ $(wc -l < deu.gdelt) -eq 2 ]] || fail "export with a filter"
python3 - "$REF" "$events" <<'PY'
import csv, json, sys
ref, n = sys.argv[1], int(sys.argv[2])
def table(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))
def check(value, kind, where):
    if value == "": return
    if kind == "INTEGER": int(value)
    elif kind == "FLOAT": float(value)
# GDELT 2.0: no header; names and types from the published column list
cols = table(ref + "/gdelt2_events_columns.tsv")
names = [c["name"] for c in cols]
assert len(names) == 61
with open("ev.gdelt", newline="") as f:
    rows = list(csv.DictReader(f, fieldnames=names, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True))
assert len(rows) == n, (len(rows), n)
for r in rows:
    assert None not in r and all(v is not None for v in r.values()), ("column count", r)
    for c in cols: check(r[c["name"]], c["type"], c["name"])
    assert r["EventRootCode"] == r["EventCode"][:2] and r["EventBaseCode"] == r["EventCode"][:3], r
    assert r["QuadClass"] in "1234" and -10 <= float(r["GoldsteinScale"]) <= 10, r
    assert int(r["NumMentions"]) >= 1 and r["NumSources"] == r["NumArticles"] == "1" and len(r["DATEADDED"]) == 14, r
deu = [r for r in rows if r["Actor1Code"] == "DEU" and r["Actor2Code"] == "MDA"]
assert len(deu) == 1 and all(r["SQLDATE"] == "20240304" and r["Year"] == "2024" for r in deu), deu
assert deu[0]["NumMentions"] == "2", deu   # the headline and the body
assert sum(int(r["NumMentions"]) for r in rows) == n + 1, rows
bj = [r for r in rows if r["ActionGeo_FullName"].startswith("Beijing")]
assert len(bj) == 4 and all(r["ActionGeo_FullName"] == "Beijing, China" and r["ActionGeo_Type"] == "4" for r in bj), bj
# ICEWS: a header with the published names
icews = [c["name"] for c in table(ref + "/icews_events_columns.tsv")]
with open("ev.icews", newline="") as f:
    rd = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
    head = next(rd)
    body = list(rd)
assert head == icews, head
assert len(body) == n and all(len(r) == 20 for r in body), [len(r) for r in body]
for r in (dict(zip(icews, r)) for r in body):
    int(r["Event ID"]); float(r["Intensity"]); int(r["Sentence Number"])
    if r["Latitude"]: float(r["Latitude"]); float(r["Longitude"])
    assert r["CAMEO Code"].isdigit(), r
assert any(dict(zip(icews, r))["Source Country"] == "Germany" for r in body)
# PLOVER: one JSON object a line with the required fields
req = [l.split("\t")[1] for l in open(ref + "/plover_json_fields.tsv") if l.startswith("event\t") and l.rstrip("\n").endswith("\tY")]
assert set(req) == {"id", "date", "actor", "event"}, req
recs = [json.loads(l) for l in open("ev.plover")]
assert len(recs) == n
for r in recs:
    assert all(k in r for k in req), r
    assert isinstance(r["actor"], list) and isinstance(r["event"], list)
    assert r["text_info"]["start"] < r["text_info"]["end"]
# CSV: every column named in the header, every row as long
with open("ev.csv", newline="") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == n and all(None not in r for r in rows)
assert all(json.loads(r["json"])["id"] == r["id"] for r in rows)
PY

# ---- bad stores: one line, exit 5 ----
expect_exit 5 "$DYAD" load --db "$tmp/no/such/folder/x.db" "${E[@]}" 2>err
[[ $(wc -l < err) -eq 1 ]] && grep -q "no folder" err || fail "missing folder: $(cat err)"
echo "just some text, not a database" > text.db
expect_exit 5 "$DYAD" load --db text.db "${E[@]}" 2>err
[[ $(wc -l < err) -eq 1 ]] && grep -q "not a database" err || fail "text file: $(cat err)"
expect_exit 5 "$DYAD" query --db text.db 2>err
[[ $(wc -l < err) -eq 1 ]] || fail "query of a text file: $(cat err)"
expect_exit 5 "$DYAD" query --db missing.db 2>err
[[ $(wc -l < err) -eq 1 ]] || fail "query of a missing store: $(cat err)"
[[ ! -e missing.db ]] || fail "query created a store"
expect_exit 5 "$DYAD" export --db missing.db --format csv 2>/dev/null

# ---- kill -9 at random points: consistent each time, finished by running it again ----
python3 - "$ROOT/examples/wire.jsonl" <<'PY'
import json, sys
src = [json.loads(l) for l in open(sys.argv[1])]
with open("corpus.jsonl", "w") as f:
    for i in range(4000):
        for d in src:
            d = dict(d, id="%s-%d" % (d["id"], i), text=d["text"] + " Ref %d." % i)
            f.write(json.dumps(d) + "\n")
PY
"$DYAD" load --db ref.db --batch 50 corpus.jsonl 2>/dev/null
[[ $(sql ref.db "SELECT count(*) FROM documents") -eq 12000 ]] || fail "reference load"
# Each kill lands once this run has committed a batch (polled, not timed: no test waits on the
# clock), plus a random few milliseconds, so kills fall at different points of the work.
stored() { [[ -e kill.db ]] && sql kill.db "SELECT count(*) FROM documents" 2>/dev/null || echo 0; }
kills=0 tries=0
while [[ $kills -lt 6 && $tries -lt 30 ]]; do
  tries=$((tries + 1))
  before=$(stored)
  "$DYAD" load --db kill.db --batch 50 corpus.jsonl 2>/dev/null &
  pid=$!
  for _ in $(seq 4000); do
    [[ $(stored) -gt $before ]] && break
    kill -0 "$pid" 2>/dev/null || break
  done
  sleep "0.0$((RANDOM % 10))"
  if kill -9 "$pid" 2>/dev/null; then
    set +e; wait "$pid"; rc=$?; set -e
    [[ $rc -eq 137 ]] && kills=$((kills + 1))
  else wait "$pid" || true; fi
  [[ -e kill.db ]] || continue
  [[ $(sql kill.db "PRAGMA integrity_check") == ok ]] || fail "integrity after kill $kills"
  # every stored document is whole: the same reports (mentions) as in the reference, no more,
  # no fewer, and no event without one (the copies' reports merge into their first's event)
  python3 - <<'PY' || fail "a document stored in part after kill $kills"
import sqlite3
k, r = sqlite3.connect("kill.db"), sqlite3.connect("ref.db")
q = "SELECT d.id, count(m.key) FROM documents d LEFT JOIN mentions m ON m.doc = d.key GROUP BY d.id"
ref = dict(r.execute(q))
for doc, n in k.execute(q):
    assert ref[doc] == n, (doc, n, ref[doc])
assert k.execute("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.key)").fetchone()[0] == 0
PY
  echo "kill $kills: $(stored) documents stored, integrity ok"
done
[[ $kills -ge 5 ]] || fail "only $kills kills landed mid-load in $tries tries"
[[ $(sql kill.db "SELECT count(*) FROM documents") -lt 12000 ]] || fail "the kills came too late to test anything"
"$DYAD" load --db kill.db --batch 50 corpus.jsonl 2>/dev/null
[[ $(sql kill.db "SELECT count(*), count(DISTINCT id) FROM documents") == "12000|12000" ]] || fail "documents after resuming"
q="SELECT e.id, d.id, e.cameo, e.json FROM events e JOIN documents d ON d.key = e.doc ORDER BY e.id"
[[ "$(sql kill.db "$q" | md5sum)" == "$(sql ref.db "$q" | md5sum)" ]] || fail "events after resuming differ"
[[ $(sql kill.db "PRAGMA integrity_check") == ok ]] || fail "integrity after resuming"
echo "$kills kills, integrity ok each time; resumed store equals one uninterrupted load"

# dyad load --records: the records dyad code wrote, stored as they are; bad lines named, exit 4
"$DYAD" code --stories --date 2024-03-14 "$ROOT"/examples/*.txt > recs.jsonl
{ head -n 3 recs.jsonl; echo '{"type": "event", '; echo '{"type":"tweet","doc":"x"}'; tail -n +4 recs.jsonl; } > recs-bad.jsonl
expect_exit 4 "$DYAD" load --records --db recs.db recs-bad.jsonl 2> recs.err
grep -q "recs-bad.jsonl:4: not JSON" recs.err || fail "--records bad line: $(cat recs.err)"
grep -q "recs-bad.jsonl:5: not a dyad record" recs.err || fail "--records non-record: $(cat recs.err)"
[[ $(sql recs.db "SELECT count(*) FROM mentions") -eq $(grep -c '"type":"event"' recs.jsonl) ]] || fail "--records lost events"
"$DYAD" load --records --no-merge --db recs-all.db recs.jsonl
[[ $("$DYAD" query --db recs-all.db --format jsonl | wc -l) -eq $(grep -c '"type":"event"' recs.jsonl) ]] || fail "--records --no-merge: an event a record"
expect_exit 2 "$DYAD" load --records --date 2024-03-14 --db recs.db recs.jsonl

# ---- reports of one event in several documents: one event with a mention each ----
cat > wires.jsonl <<'JSON'
{"id": "wire-a", "publisher": "Example Wire", "date": "2024-05-10", "text": "Kenyan soldiers detained three Somali fishermen near Lamu on Thursday."}
{"id": "wire-b", "publisher": "Sample Post", "date": "2024-05-11", "text": "Three Somali fishermen were detained by Kenyan soldiers near Lamu on Thursday, officials said."}
{"id": "wire-c", "publisher": "Sample Post", "date": "2024-05-20", "text": "Kenyan soldiers detained two Somali fishermen near Lamu on Monday."}
JSON
"$DYAD" load --db wires.db wires.jsonl
[[ $(sql wires.db "SELECT count(*) FROM events") -eq 2 && $(sql wires.db "SELECT count(*) FROM mentions") -eq 3 ]] ||
  fail "two wires' reports of one arrest: $(sql wires.db "SELECT id FROM events")"
"$DYAD" export --db wires.db --format gdelt | cut -f 2,27,32,33,34 > wires.gdelt
printf '20240509\t173\t2\t2\t2\n20240520\t173\t1\t1\t1\n' | cmp -s - wires.gdelt || fail "NumMentions, NumSources, NumArticles: $(cat wires.gdelt)"
"$DYAD" load --no-merge --db wires-all.db wires.jsonl
[[ $(sql wires-all.db "SELECT count(*) FROM events") -eq 3 ]] || fail "--no-merge keeps every report"
# a store of schema 1 (no merge keys) is brought up to date: its events stay, new reports merge
python3 - <<'PY'
import sqlite3
db = sqlite3.connect("wires-all.db")
db.executescript("DROP INDEX events_merge; ALTER TABLE events DROP COLUMN merge_key; DROP INDEX mentions_id; "
                 "ALTER TABLE mentions DROP COLUMN id; PRAGMA user_version = 1;")
db.commit()
PY
sed 's/wire-/again-/; s/."}$/. More follows."}/' wires.jsonl > again.jsonl
"$DYAD" load --db wires-all.db again.jsonl 2>err || fail "a schema 1 store: $(cat err)"
[[ $(sql wires-all.db "PRAGMA user_version") -eq 2 && $(sql wires-all.db "SELECT count(*) FROM events") -eq 5 ]] ||
  fail "schema 1 upgraded: $(sql wires-all.db "SELECT count(*) FROM events") events"
echo "merging: 3 reports in 3 documents are 2 events (GDELT NumMentions 2, 1); --no-merge keeps 3"
[[ $(sql wires-all.db "SELECT count(*) FROM mentions WHERE id IS NULL") -eq 0 ]] || fail "schema 1 mentions take their events' ids"
# reports in two documents that disagree on a figure: a conflict with both claims
cat > disagree.jsonl <<'JSON'
{"id": "count-a", "publisher": "Example Wire", "date": "2024-05-10", "text": "Kenyan soldiers detained three Somali fishermen near Lamu on Thursday."}
{"id": "count-b", "publisher": "Sample Post", "date": "2024-05-11", "text": "Five Somali fishermen were detained by Kenyan soldiers near Lamu on Thursday, officials said."}
{"id": "sum-a", "publisher": "Example Wire", "date": "2024-05-10", "text": "Japan pledged $200 million in aid to Kenya on Thursday."}
{"id": "sum-b", "publisher": "Sample Post", "date": "2024-05-10", "text": "Japan pledged $2 billion in aid to Kenya on Thursday."}
{"id": "sum-c", "publisher": "Third Daily", "date": "2024-05-10", "text": "Japan pledged $210 million in aid to Kenya on Thursday."}
JSON
"$DYAD" load --db disagree.db disagree.jsonl
[[ $(sql disagree.db "SELECT count(*) FROM events") -eq 2 ]] || fail "disagreeing reports are still one event each"
[[ "$(sql disagree.db "SELECT d.id, c.kind FROM conflicts c JOIN documents d ON d.key = c.doc ORDER BY 1")" == $'count-b|arrested\nsum-b|amount' ]] ||
  fail "conflicts across documents: $(sql disagree.db "SELECT json FROM conflicts")"
[[ "$(sql disagree.db "SELECT group_concat(value, ' ') FROM claims GROUP BY conflict ORDER BY conflict")" == $'3.0 5.0\n200000000.0 2000000000.0' ]] ||
  fail "claims: $(sql disagree.db "SELECT * FROM claims")"
echo "conflicts across documents: a count (3 against 5 arrested) and a sum (\$200 million against \$2 billion)"
