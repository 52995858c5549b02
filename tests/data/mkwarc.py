#!/usr/bin/env python3
"""Writes the WARC files the web-input and hostile-input tests read (made here, not committed).

usage: mkwarc.py OUT VERSION [--gzip] [--lie short|long|huge|none]

Records, in order: warcinfo; request; response (HTML, ISO-8859-1 from the HTTP header, with
navigation and a script); metadata; response 404 (no document); response (text/plain, chunked);
response (German HTML: skipped for language); resource (HTML, UTF-8, <meta charset>); response
(HTML gzip'd by Content-Encoding); response (image/png: no document). With --lie, the first
response's Content-Length is wrong: 'short' by 40 bytes, 'long' by 300 (into the next record),
'huge' (99999999999). With --gzip each record is its own gzip member, as Common Crawl writes them.
"""
import gzip, sys, uuid

out, version = sys.argv[1], sys.argv[2]
gz = "--gzip" in sys.argv
lie = sys.argv[sys.argv.index("--lie") + 1] if "--lie" in sys.argv else "none"
n = [0]

def rid():
    n[0] += 1
    return "<urn:uuid:%s>" % uuid.UUID(int=n[0])

def record(typ, block, uri=None, ctype=None, date="2024-03-12T10:20:30Z", length=None):
    h = ["WARC/%s" % version, "WARC-Type: %s" % typ, "WARC-Record-ID: %s" % rid(), "WARC-Date: %s" % date]
    if uri: h.append("WARC-Target-URI: %s" % uri)
    if ctype: h.append("Content-Type: %s" % ctype)
    h.append("Content-Length: %d" % (len(block) if length is None else length))
    data = ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    return gzip.compress(data) if gz else data

def http(body, ctype, status="200 OK", extra=""):
    return ("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sServer: test\r\n\r\n" % (status, ctype, extra)).encode() + body

def page(title, paras, charset_meta=""):
    body = "".join("<p>%s</p>\n" % p for p in paras)
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title><script>var s = 'Mordor accused Harad of espionage.';</script></head>\n"
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>\n"
            "<article><h1>%s</h1>\n%s</article>\n<footer>Rohan accused Harad of espionage in the footer.</footer></body></html>\n"
            % (charset_meta, title, title, body))

recs = []
recs.append(record("warcinfo", b"software: mkwarc.py\r\nformat: WARC File Format\r\n", ctype="application/warc-fields"))
recs.append(record("request", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", uri="https://news.example/a",
                   ctype="application/http; msgtype=request"))
latin = page("Arnor and Gondor", ["Arnor accused Gondor of espionage on Tuesday, the Caf\u00e9 Herald reported.",
                                  "The ministry in Annuminas said the talks would go on."]).encode("iso-8859-1")
first = http(latin, "text/html; charset=ISO-8859-1")
length = {"short": len(first) - 40, "long": len(first) + 300, "huge": 99999999999}.get(lie)
recs.append(record("response", first, uri="https://news.example/a", ctype="application/http; msgtype=response", length=length))
recs.append(record("metadata", b"fetchTimeMs: 12\r\n", uri="https://news.example/a", ctype="application/warc-fields"))
recs.append(record("response", http(b"<html><body>Not found</body></html>", "text/html", "404 Not Found"),
                   uri="https://news.example/missing", ctype="application/http; msgtype=response"))
text = b"Gondor accused Arnor of espionage on Wednesday, officials in Minas Tirith said."
chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (30, text[:30], len(text) - 30, text[30:])
recs.append(record("response", http(chunked, "text/plain; charset=utf-8", extra="Transfer-Encoding: chunked\r\n"),
                   uri="https://news.example/b", ctype="application/http;msgtype=response", date="2024-03-13T01:02:03Z"))
german = page("Arnor und Gondor", ["Die Regierung von Arnor hat Gondor am Dienstag der Spionage beschuldigt, wie die Zeitung berichtete.",
                                   "Das Ministerium sagte, die Gespr\u00e4che w\u00fcrden trotz der Vorw\u00fcrfe in der n\u00e4chsten Woche fortgesetzt werden."])
recs.append(record("response", http(german.encode("utf-8"), "text/html; charset=utf-8"), uri="https://news.example/de",
                   ctype="application/http; msgtype=response"))
utf8 = page("Rohan thanks Arnor", ["Rohan thanked Arnor for its support on Thursday, said Eomer, a spokesman in Edoras."],
            '<meta charset="utf-8">')
recs.append(record("resource", utf8.encode("utf-8"), uri="https://news.example/c", ctype="text/html", date="2024-03-14T00:00:00Z"))
zipped = page("Harad and Rohan", ["Harad accused Rohan of espionage on Friday, the agency said."]).encode()
recs.append(record("response", http(gzip.compress(zipped), "text/html", extra="Content-Encoding: gzip\r\n"),
                   uri="https://news.example/d", ctype="application/http; msgtype=response", date="2024-03-15T00:00:00Z"))
recs.append(record("response", http(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"), uri="https://news.example/e.png",
                   ctype="application/http; msgtype=response"))
with open(out, "wb") as f:
    for r in recs: f.write(r)
