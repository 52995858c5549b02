# The Python binding (python/dyad, ctypes over libdyad.so) and the Dask scale-out mode
# (python3 -m dyad.scale): a local cluster of two worker processes on 127.0.0.1 codes a folder of
# gzip'd JSON-lines and WARC files into shards whose concatenation is byte for byte one
# `dyad code` run, and whose documents load into the same store as one `dyad load`.
source "$(dirname "$0")/lib.sh"
DYAD=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")   # the tests run in $tmp
BUILD=$(dirname "$DYAD")
PY=/usr/bin/python3          # Debian's python, with Debian's dask (the first python3 on PATH may not be)
export PYTHONDONTWRITEBYTECODE=1 DYAD_LIB=$BUILD/libdyad.so PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH}
cd "$tmp"

# The binding loads libdyad.so into Python: a sanitizer build's library needs its runtime preloaded.
if [[ $BUILD == *asan* ]] || ldd "$DYAD_LIB" 2>/dev/null | grep -q 'libasan\|libubsan'; then
  echo "SKIP: $DYAD_LIB is a sanitizer build (the Python binding is tested on the normal build)"
  exit 0
fi
[[ -e $DYAD_LIB ]] || fail "no $DYAD_LIB"

# ---- the binding: structure layouts as the header has them ----
cat > layout.c <<'EOF'
#include <stdio.h>
#include <stddef.h>
#include "dyad.h"
int main(void) {
    printf("%zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof(dyad_record), offsetof(dyad_record, json),
           offsetof(dyad_record, amount), offsetof(dyad_record, evidence), sizeof(dyad_doc),
           sizeof(dyad_dict_options), sizeof(dyad_reader_stats), sizeof(dyad_code_options));
    return 0;
}
EOF
if command -v cc >/dev/null; then
  cc -I"$ROOT/include" layout.c -o layout || fail "layout.c"
  want=$(./layout)
  got=$($PY -c '
import ctypes as c, dyad as d
R = d._Record
print(c.sizeof(R), R.json.offset, R.amount.offset, R.evidence.offset, c.sizeof(d._Doc),
      c.sizeof(d._DictOptions), c.sizeof(d._ReaderStats), c.sizeof(d._CodeOptions))')
  [[ $want == "$got" ]] || fail "ctypes layouts differ from dyad.h: C $want, Python $got"
fi

# ---- the binding: a sentence, its fields, the same JSON as the command line; bad input ----
s="The United States accused China of espionage on Tuesday."
printf '%s' "$s" | "$DYAD" code --date 2024-03-14 > cli.jsonl
printf '{"id": "a", "text": "Germany will send aid to Moldova."}\n{"id": broken\n{"id": "b", "text": "Russia accused NATO of provocation."}\n' > bad.jsonl
$PY - "$s" "$ROOT" <<'PY' || fail "binding"
import gc, json, os, sys, dyad
s, root = sys.argv[1], sys.argv[2]
with dyad.Dictionaries() as d:
    assert d.paths == [os.path.join(root, "dict"), os.path.join(os.path.dirname(os.environ["DYAD_LIB"]), "dict")], d.paths
    with dyad.Coder(d, date="2024-03-14") as c:
        recs = c.code(s, id="stdin")
        assert len(recs) == 1, recs
        r = recs[0]
        assert r["type"] == "event" and r["id"] == "stdin-0-0-0" and r["doc"] == "stdin", r
        assert r["source"]["code"] == "USA" and r["target"]["code"] == "CHN", r
        assert r["cameo"] == "1125" and r["root"] == "11" and r["quad_class"] == 3, r
        assert r["span"] == [0, len(s)] and r["date"] == "2024-03-12" and r["story_date"] == "2024-03-14", r
        assert r["plover"]["event"] == "ACCUSE" and "dict/verbs/" in r["evidence"], r
        # raw: the very bytes `dyad code` writes
        assert c.code(s, id="stdin", raw=True) == open("cli.jsonl").read().splitlines()
        # a document's own date wins over the coder's default; bytes work as str does
        assert c.code(s.encode(), id="x", date="2020-01-01")[0]["story_date"] == "2020-01-01"
        # bad input: no crash
        assert c.code("", id="e") == []
        c.code(b"\xff\xfe\x00 Russia \xc3 accused\x00 NATO \xed\xa0\x80 of provocation.", id="bin")
        c.code("x" * 100000, id="long")
        for bad in (None, 42, ["text"]):
            try: c.code(bad); raise AssertionError("accepted %r" % (bad,))
            except TypeError: pass
        try: list(c.code_file("/no/such/file.jsonl")); raise AssertionError("missing file")
        except dyad.DyadError as e: assert e.code == dyad.EIO and "/no/such/file.jsonl" in str(e), e
        try: list(c.code_file("bad.jsonl", input="pdf")); raise AssertionError("bad format")
        except ValueError: pass
        # a bad JSON line is reported and skipped; the good documents around it are coded
        recs = list(c.code_file("bad.jsonl"))
        assert {r["doc"] for r in recs} == {"a", "b"}, recs
        assert len(c.errors) == 1 and "bad.jsonl:2" in c.errors[0], c.errors
        assert c.stats()["docs"] >= 6
    # closed: calls fail cleanly, closing twice is fine
    c.close()
    try: c.code(s); raise AssertionError("closed coder used")
    except dyad.DyadError: pass
try: dyad.Coder(d); raise AssertionError("closed dictionaries used")
except dyad.DyadError: pass
try: dyad.Dictionaries(["/no/such/folder"]); raise AssertionError("missing dictionaries")
except dyad.DyadError as e: assert e.code < 0 and str(e), e
# __del__ frees what was not closed; many rounds do not leak handles or crash
for i in range(20):
    c = dyad.Coder(date="2024-03-14")
    assert c.code(s, id="x%d" % i)[0]["cameo"] == "1125"
    del c
    gc.collect()
print("binding ok")
PY

# ---- the Dask mode ----
if ! $PY -c "import distributed" 2>/dev/null; then
  echo "SKIP: python3-distributed is not installed (scripts/bootstrap installs it); the Dask mode is untested"
  exit 0
fi
# inputs: gzip'd JSON lines (the examples, new ids and one distinct sentence per file, so no
# document is a copy of another), a WARC of web pages, and a file with a bad line
mkdir in
$PY - "$ROOT" <<'PY'
import glob, gzip, json, os, sys
root = sys.argv[1]
docs = [json.loads(l) for l in open(os.path.join(root, "examples/wire.jsonl"))]
for t in sorted(glob.glob(os.path.join(root, "examples/*.txt"))):
    docs.append({"id": os.path.basename(t)[:-4], "text": open(t, encoding="utf-8").read()})
for i in range(1, 6):
    with gzip.open("in/part-%d.jsonl.gz" % i, "wt", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(dict(d, id="p%d-%s" % (i, d["id"]), text=d["text"] + "\nRef %d." % i)) + "\n")
PY
$PY "$ROOT/tests/data/mkwarc.py" in/part-6.warc.gz 1.1 --gzip
{ zcat in/part-1.jsonl.gz | head -n 2; echo '{"id": "bad", "text": '; zcat in/part-2.jsonl.gz | tail -n 1 | sed 's/"p2-/"p7-/; s/Ref 2\./Ref 7./'; } |
  zstd -q > in/part-7.jsonl.zst
files=(in/*)
[[ ${#files[@]} -eq 7 ]] || fail "inputs: ${files[*]}"

set +e
"$DYAD" code --stories --date 2024-03-14 "${files[@]}" > single.jsonl 2> single.err; want_rc=$?
start=$(date +%s)
timeout 90 $PY -m dyad.scale --workers 2 --out shards --date 2024-03-14 --stories -v in > scale.out 2> scale.err; rc=$?
set -e
took=$(( $(date +%s) - start ))
[[ $want_rc -eq 4 ]] || fail "dyad code exit $want_rc, wanted 4 (a bad line): $(cat single.err)"
[[ $rc -eq 4 ]] || fail "dyad.scale exit $rc, wanted 4 like dyad code: $(tail -n 20 scale.err)"
[[ $took -le 60 ]] || fail "the Dask run took ${took}s"
grep -q "part-7.jsonl.zst:3" scale.err || fail "the bad line is not named: $(cat scale.err)"
grep -q "not in English skipped (de 1)" scale.err || fail "the WARC's German page: $(cat scale.err)"
grep -q "7 files, .* 2 workers" scale.err || fail "summary: $(cat scale.err)"
[[ -s single.jsonl ]] && [[ $(grep -c '"type":"event"' single.jsonl) -gt 50 ]] || fail "too few events"
# one shard a file, in input order, each what dyad code writes for that file
[[ $(cut -f1 shards/shards.txt | tr '\n' ' ') == "part-1.jsonl.gz.jsonl part-2.jsonl.gz.jsonl part-3.jsonl.gz.jsonl part-4.jsonl.gz.jsonl part-5.jsonl.gz.jsonl part-6.warc.gz.jsonl part-7.jsonl.zst.jsonl " ]] ||
  fail "shards.txt: $(cat shards/shards.txt)"
for f in "${files[@]}"; do
  "$DYAD" code --stories --date 2024-03-14 "$f" > one.jsonl 2>/dev/null || true
  cmp -s one.jsonl "shards/$(basename "$f").jsonl" || { diff one.jsonl "shards/$(basename "$f").jsonl" | head -c 3000 >&2; fail "shard of $f differs from dyad code"; }
done
cmp single.jsonl shards/events.jsonl || fail "merged shards differ from one dyad code run"
$PY -m dyad.scale merge shards --merged - | cmp -s single.jsonl - || fail "merge to standard output"
echo "dask: $(wc -l < single.jsonl) records from ${#files[@]} files on 2 workers in ${took}s, byte-identical to dyad code"

# ---- the store: the shards' records are stored as they are (dyad load --records, nothing coded
# again), which must equal one load of all the files and hold the merged shards' events; loading
# them again stores nothing twice
set +e
$PY -m dyad.scale merge shards --db sharded.db --dyad "$DYAD" 2> merge.err; merge_rc=$?
"$DYAD" load --db single.db --date 2024-03-14 "${files[@]}" 2>/dev/null
set -e
[[ $merge_rc -eq 0 ]] || fail "merge --db exit $merge_rc: $(cat merge.err)"
"$DYAD" load --records --stats --db sharded.db $(cut -f1 shards/shards.txt | sed 's|^|shards/|') 2> again.err || fail "loading the shards again: $(cat again.err)"
grep -q "0 stored" again.err || fail "a second load of the same records stored some: $(cat again.err)"
$PY - <<'PY' || fail "stores"
import json, sqlite3
a, b = sqlite3.connect("sharded.db"), sqlite3.connect("single.db")
def q(db, sql): return db.execute(sql).fetchall()
for sql in ("SELECT id FROM documents ORDER BY id",
            "SELECT e.id, e.cameo, e.json FROM events e ORDER BY e.id",
            "SELECT count(*) FROM mentions", "SELECT count(*) FROM conflicts", "SELECT count(*) FROM claims",
            "SELECT d.id, s.story, s.date FROM stories s JOIN documents d ON d.key = s.doc ORDER BY 1, 2",
            "SELECT count(*) FROM sentences"):
    assert q(a, sql) == q(b, sql), sql
PY
# the store holds the merged records: each a mention, each event one of them with its JSON (the
# five copies of each document report the same events: they merge)
$PY - <<'PY' || fail "store events differ from the merged records"
import json, sqlite3
recs = {}
for l in open("shards/events.jsonl"):
    r = json.loads(l)
    if r["type"] == "event": recs[r["id"]] = r
db = sqlite3.connect("sharded.db")
stored = {i: json.loads(j) for i, j in db.execute("SELECT id, json FROM events")}
assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] == len(recs) > 50, len(recs)
assert 0 < len(stored) < len(recs), (len(stored), len(recs))
for i, r in stored.items():
    assert recs[i] == r, (i, recs[i], r)
PY
echo "store: the shards' records, stored as they are, equal one load of the files"
