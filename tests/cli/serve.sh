# dyad serve: the JSON API (events, filters, aggregates, actors, one event with its sentence
# marked), its 400s with reasons, 404s, path traversal, oversized and slow requests, read-only
# access; the dashboard in Debian's chromium (tests/browser/dashboard.mjs; the screenshot goes to
# $DYAD_SCREENSHOT, default build/dashboard.png: the tests never write the source tree, so the
# README's docs/dashboard.png is refreshed by hand with DYAD_SCREENSHOT=docs/dashboard.png); a
# bounded load test on loopback that asserts zero errors, never times.
source "$(dirname "$0")/lib.sh"
DYAD=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")
cd "$tmp"
"$DYAD" load --db ex.db --date 2024-03-14 "$ROOT"/examples/*.txt "$ROOT"/examples/*.jsonl 2>err || fail "load: $(cat err)"
before=$(sha256sum ex.db | cut -d' ' -f1)

expect_exit 2 "$DYAD" serve --port 70000
expect_exit 5 "$DYAD" serve --db missing.db --port 0
expect_exit 5 "$DYAD" serve --db ex.db --port 0 --web "$tmp/nowhere"

# a free loopback port: the server takes one (--port 0) and prints it
"$DYAD" serve --db ex.db --port 0 --timeout 2 >serve.out 2>serve.err &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q 'http://' serve.out 2>/dev/null && break; sleep 0.1; done
port=$(sed -nE 's|.*http://127\.0\.0\.1:([0-9]+)/.*|\1|p' serve.out)
[[ -n $port ]] || fail "serve did not start: $(cat serve.err)"
base=http://127.0.0.1:$port

python3 - "$port" <<'PY' || fail "API checks"
import http.client, json, socket, sys, time
port = int(sys.argv[1])
bad = 0
def check(ok, what):
    global bad
    if not ok:
        bad += 1
        print("FAIL:", what)
def get(path, headers=None, method="GET"):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.putrequest(method, path, skip_host="Host" in (headers or {}), skip_accept_encoding=True)   # the path as written
    for k, v in (headers or {}).items(): c.putheader(k, v)
    c.endheaders()
    r = c.getresponse()
    body = r.read()
    c.close()
    try: doc = json.loads(body)
    except ValueError: doc = None
    return r.status, doc, body, r

s, d, _, _ = get("/api/summary")
check(s == 200 and d["events"] >= 20 and d["documents"] == 5, f"summary {s} {d}")
n = d["events"]
s, d, _, _ = get("/api/events?limit=5&offset=0")
check(s == 200 and d["total"] == n and len(d["events"]) == 5 and all(e["type"] == "event" for e in d["events"]), "events page")
s, d, _, _ = get("/api/events?limit=1000")
check(len(d["events"]) == n and len({e["id"] for e in d["events"]}) == n, "all events, once each")
dates = [e.get("date", "") for e in d["events"]]
# filters: each is the store's filter (the same as dyad query's)
s, d, _, _ = get("/api/events?actor=MDA&limit=100")
check(s == 200 and d["total"] == 5 and all("MDA" in (e.get("source", {}).get("country", ""), e.get("target", {}).get("country", "")) for e in d["events"]), f"actor=MDA {d and d['total']}")
s, d, _, _ = get("/api/events?root=16")
check(d["total"] == 2 and all(e["root"] == "16" for e in d["events"]), "root=16")
s, d, _, _ = get("/api/events?cameo=03&mode=intent")
check(d["total"] >= 3 and all(e["cameo"].startswith("03") and e["mode"] == "intent" for e in d["events"]), "cameo=03&mode=intent")
s, d, _, _ = get("/api/events?from=2024-03&to=2024-03-13")
check(d["total"] > 0 and all("2024-03-01" <= e["date"] <= "2024-03-13" for e in d["events"]), "from/to")
s, d, _, _ = get("/api/events?text=sanctions&plover=sanction")
check(d["total"] == 2 and all(e["plover"]["event"] == "SANCTION" for e in d["events"]), "text + plover")
s, d, _, _ = get("/api/events?place=beijing&country=chn")
check(d["total"] == 4, "place + country")
s, d, _, _ = get("/api/events?order=-date&limit=1")
check(d["events"][0]["date"] == max(dates), "order=-date")
# aggregates
s, d, _, _ = get("/api/aggregate?by=dyad,month&root=03")
check(s == 200 and {"source": "DEU", "target": "MDA", "month": "2024-03", "events": 1, "goldstein": 5.2} in d["rows"], "aggregate dyad,month")
s, d, _, _ = get("/api/aggregate?by=quad")
check(sum(r["events"] for r in d["rows"]) == n and {r["quad"] for r in d["rows"]} <= {1, 2, 3, 4}, "aggregate quad adds up")
s, d, _, _ = get("/api/aggregate?by=dyad&order=-events&limit=2")
check(len(d["rows"]) == 2 and d["rows"][0]["events"] >= d["rows"][1]["events"], "aggregate order=-events limit")
s, d, _, _ = get("/api/aggregate?by=place")
check(any(r["place"] == "Beijing" and r["place_country"] == "CHN" and r["events"] == 4 for r in d["rows"]), "aggregate place")
# actors
s, d, _, _ = get("/api/actors?limit=100")
deu = [a for a in d["actors"] if a["code"] == "DEU"]
check(s == 200 and deu and deu[0]["as_source"] == 1 and deu[0]["as_target"] == 1, f"actors DEU {deu}")
check(sum(a["as_source"] for a in d["actors"]) == n - 0 and d["total"] == len(d["actors"]), "actors: every event's source counted once")
# one event: its sentence with source, verb and target marked
s, d, _, _ = get("/api/event?id=border-aid.txt-0-6-0")
marks = {m["role"]: m["text"] for m in d["sentence"]["marks"]}
check(s == 200 and marks == {"source": "Moldova's President Maia Sandu", "verb": "thanked", "target": "Germany"}, f"marks {marks}")
check("".join(g["text"] for g in d["sentence"]["segments"]) == d["event"]["text"], "segments make the sentence")
check(d["verb"] == "thanked" and "on verb" in d["evidence"] and d["document"]["id"] == "border-aid.txt", "event evidence, document")
# the body's report of the headline's aid pledge: a mention of that event, whose figures disagree
s, d, _, _ = get("/api/event?id=border-aid.txt-0-2-0")
check(s == 200 and d["event"]["id"] == "border-aid.txt-0-0-0" and len(d["conflicts"]) == 1, "event with a conflicting report")
check([m["id"] for m in d["mentions"]] == ["border-aid.txt-0-0-0", "border-aid.txt-0-2-0"] and
      d["mentions"][1]["text"].startswith("Germany is ready to provide Moldova"), f"mentions {d['mentions']}")
s, d, _, _ = get("/api/event?id=sanctions.txt-0-3-1")
marks = {m["role"]: m["text"] for m in d["sentence"]["marks"]}
check(marks == {"source": "Russian officials", "verb": "met", "target": "Chinese"}, f"marks, reversed dyad {marks}")
# bad parameters: 400 with the reason
for path, reason in [("/api/events?root=99", "root"), ("/api/events?cameo=x1", "cameo"), ("/api/events?mode=maybe", "mode"),
                     ("/api/events?from=2024-13", "from"), ("/api/events?date=2024&from=2023", "date"),
                     ("/api/events?from=2024&to=2023", "after"), ("/api/events?country=CHINA", "country"),
                     ("/api/events?limit=0", "limit"), ("/api/events?limit=abc", "limit"), ("/api/events?offset=-1", "offset"),
                     ("/api/events?order=name", "order"), ("/api/events?bogus=1", "unknown parameter"),
                     ("/api/events?actor=A&actor=B", "twice"), ("/api/events?text=%22open", "full-text"),
                     ("/api/events?text=AND", "full-text"), ("/api/events?actor=" + "x" * 300, "longer"),
                     ("/api/events?actor=a%01b", "control"), ("/api/aggregate", "by is required"),
                     ("/api/aggregate?by=colour", "colour"), ("/api/aggregate?by=day,day", "twice"),
                     ("/api/aggregate?by=day,week,month,year,root", "four"), ("/api/event", "id is required"),
                     ("/api/event?id=x&root=01", "unknown parameter"), ("/api/summary?plover=no-such", "plover")]:
    s, d, _, _ = get(path)
    check(s == 400 and d and reason in d["error"], f"{path}: {s} {d}")
s, d, _, _ = get("/api/event?id=no-such-event")
check(s == 404 and "no event" in d["error"], "unknown event: 404")
s, d, _, _ = get("/api/nothing")
check(s == 404, "unknown endpoint: 404")
s, d, _, _ = get("/api/events", method="POST")
check(s == 405, f"POST: {s}")
s, d, _, _ = get("/api/summary", headers={"Host": "attacker.example"})
check(s == 421, f"foreign Host: {s}")
s, d, body, r = get("/api/summary", method="HEAD")
check(s == 200 and body == b"", "HEAD")
# the dashboard's files, and nothing else
s, _, body, r = get("/")
check(s == 200 and b"<title>dyad" in body and "text/html" in r.getheader("Content-Type"), "index.html")
check("default-src 'self'" in r.getheader("Content-Security-Policy", ""), "CSP header")
for path in ["/app.js", "/style.css", "/vendor/d3.min.js", "/vendor/topojson-client.min.js", "/vendor/countries-110m.json",
             "/vendor/country-codes.json"]:
    s, _, body, _ = get(path)
    check(s == 200 and len(body) > 500, f"{path}: {s}")
for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/vendor/../../../etc/passwd",
             "/vendor/%2e%2e/package.json", "/%252e%252e/etc/passwd", "/..%5c..%5cetc%5cpasswd", "//etc/passwd",
             "/etc/passwd", "/package.json", "/package-lock.json", "/node_modules/d3/package.json", "/vendor/d3.js",
             "/.git/config", "/web/index.html", "/%00index.html", "/index.html%00.png"]:
    s, _, body, _ = get(path)
    check(s in (400, 404) and b"root:" not in body and b'"name"' not in body, f"{path}: {s} {body[:60]}")
# oversized requests: a long URL, a long header; the server goes on
s, _, _, _ = get("/api/events?text=" + "a" * 70000)
check(s in (413, 414, 431), f"long URL: {s}")
s, _, _, _ = get("/", headers={"X-Pad": "b" * 70000})
check(s in (413, 431), f"long header: {s}")
try:
    s, _, _, _ = get("/api/events", headers={"Content-Length": "100000000"})
    check(s == 413, f"a body: {s}")
except (ConnectionError, http.client.HTTPException) as e:
    pass   # closed without reading it is fine too
# a slow request (one header byte a second) is cut after --timeout (2 s), not kept for ever
sk = socket.create_connection(("127.0.0.1", port))
sk.sendall(b"GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n")
t0, closed = time.time(), False
while time.time() - t0 < 12 and not closed:
    try:
        sk.sendall(b"X")
        sk.settimeout(1)
        closed = sk.recv(100) == b""
    except socket.timeout: pass
    except OSError: closed = True
check(closed and time.time() - t0 < 6, f"slow request cut after {time.time() - t0:.1f} s")
s, d, _, _ = get("/api/summary")
check(s == 200 and d["events"] == n, "still serving")
print(f"api: {bad} problems")
sys.exit(1 if bad else 0)
PY

[[ $(sha256sum ex.db | cut -d' ' -f1) == "$before" ]] || fail "the server changed the store"

# the dashboard in a real browser
if [[ -x /usr/bin/chromium ]]; then
  [[ -d $ROOT/web/node_modules/playwright-core ]] || fail "web/node_modules is missing: npm ci --prefix web (scripts/bootstrap does it)"
  shot=${DYAD_SCREENSHOT:-$(dirname "$DYAD")/dashboard.png}
  timeout 60 node "$ROOT/tests/browser/dashboard.mjs" "$base" "$shot" >browser.out 2>&1 ||
    fail "browser: $(cat browser.out)"
  tail -n 1 browser.out
else
  echo "SKIP browser test: /usr/bin/chromium is not installed (scripts/bootstrap installs it)"
fi

# a bounded load test on loopback: 2 threads, 16 connections, 5 seconds; zero errors asserted
if command -v wrk >/dev/null; then
  wrk -t2 -c16 -d5s --latency "$base/api/events?limit=20&actor=MDA" >wrk.out 2>&1 || fail "wrk: $(cat wrk.out)"
  rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+)/\1/p' wrk.out)
  p50=$(sed -nE 's/^ +50% +([0-9.]+[a-z]+)/\1/p' wrk.out)
  p99=$(sed -nE 's/^ +99% +([0-9.]+[a-z]+)/\1/p' wrk.out)
  non2xx=$(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+)/\1/p' wrk.out)
  sockerr=$(sed -nE 's/^ *Socket errors: (.*)/\1/p' wrk.out)
  echo "load: $rps requests/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}, socket errors: ${sockerr:-none}"
  [[ -z $non2xx && -z $sockerr ]] || fail "load test errors: $(cat wrk.out)"
else
  echo "SKIP load test: wrk is not installed (scripts/bootstrap installs it)"
fi
kill -0 $pid || fail "the server died"
kill $pid
wait $pid || fail "serve exited $? on SIGTERM"
