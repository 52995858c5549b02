"""dyad: a Python binding over libdyad (ctypes, public API of include/dyad.h only).

    import dyad
    with dyad.Dictionaries() as d, dyad.Coder(d) as c:
        for rec in c.code("The United States accused China of espionage.", id="x", date="2024-03-14"):
            print(rec["source"]["code"], rec["cameo"], rec["target"]["code"])
        for rec in c.code_file("news.jsonl.gz"):
            ...

The library is found through the DYAD_LIB environment variable (a path to libdyad.so), else in
the build folder next to this package (<repo>/build/libdyad.so). The dictionaries default to
<repo>/dict and <build>/dict (the build's generated ones): the paths compiled into the command
line are not visible from the library.

Ownership mirrors dyad.h: a record is valid only during the sink callback, so the binding copies
its JSON text there. Handles are freed deterministically by close() / the context manager, and
by __del__ as a last resort; a Coder keeps its Dictionaries alive.
"""
import ctypes
import json
import os
from ctypes import (CFUNCTYPE, POINTER, Structure, byref, c_char, c_char_p, c_double, c_int,
                    c_longlong, c_size_t, c_ulonglong, c_void_p)

__all__ = ["Dictionaries", "Coder", "DyadError", "library_path", "default_dict_paths",
           "FMT_AUTO", "FMT_TEXT", "FMT_JSONL", "FMT_HTML", "FMT_WARC"]

OK, ENOMEM, EIO, EDICT, EINPUT, EARG, EOF = 0, -1, -2, -3, -4, -5, -6
FMT_AUTO, FMT_TEXT, FMT_JSONL, FMT_HTML, FMT_WARC = 0, 1, 2, 3, 4
REC_EVENT, REC_CONFLICT, REC_STORY = 1, 2, 3
_FORMATS = {None: FMT_AUTO, "auto": FMT_AUTO, "text": FMT_TEXT, "jsonl": FMT_JSONL,
            "html": FMT_HTML, "warc": FMT_WARC}

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))


class DyadError(Exception):
    """A libdyad call failed; .code is the DYAD_E* code (negative)."""

    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


# ---- the C structures (layouts of include/dyad.h) ----------------------------------------------

ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t, c_size_t)
DIAG_FN = CFUNCTYPE(None, c_void_p, c_char_p, c_int, c_char_p)


class _DictOptions(Structure):
    _fields_ = [("alloc", c_void_p), ("alloc_ud", c_void_p), ("wordnet_dir", c_char_p),
                ("diag", DIAG_FN), ("diag_ud", c_void_p), ("check", c_int)]


class _Doc(Structure):
    _fields_ = [("id", c_char_p), ("date", c_char_p), ("url", c_char_p), ("title", c_char_p),
                ("text", c_void_p), ("len", c_size_t), ("meta", c_char_p), ("file", c_char_p),
                ("line", ctypes.c_long), ("lang", c_char_p)]


class _ReaderStats(Structure):
    _fields_ = [("docs", c_size_t), ("skipped_lang", c_size_t), ("skipped_langs", c_char_p),
                ("records", c_size_t), ("not_docs", c_size_t), ("bad", c_size_t),
                ("bytes", c_ulonglong), ("format", c_char_p), ("compression", c_char_p)]


class _Actor(Structure):
    _fields_ = [(n, c_char_p) for n in ("text", "code", "country", "org", "sector", "name", "role")]


class _Amount(Structure):
    _fields_ = [("present", c_int), ("value", c_double), ("currency", c_char * 4), ("usd", c_double),
                ("usd_source", c_char_p), ("rate", c_double), ("rate_date", c_char_p), ("text", c_char_p)]


class _Record(Structure):
    _fields_ = [("type", c_int), ("id", c_char_p), ("doc", c_char_p), ("story", c_int), ("sentence", c_int),
                ("text", c_char_p), ("span", c_size_t * 2), ("headline", c_int), ("cluster", c_char_p),
                ("mentions", c_int), ("sources", c_int), ("date", c_char_p), ("story_date", c_char_p),
                ("source", _Actor), ("target", _Actor), ("attribution", _Actor),
                ("cameo", c_char_p), ("cameo_label", c_char_p), ("quad_class", c_int), ("goldstein", c_double),
                ("plover_event", c_char_p), ("plover_mode", c_char_p), ("plover_context", c_char_p),
                ("mode", c_char_p), ("location", c_char_p), ("location_country", c_char_p),
                ("location_admin1", c_char_p), ("lat", c_double), ("lon", c_double), ("geonames", c_longlong),
                ("amount", _Amount), ("dead", c_double), ("injured", c_double), ("arrested", c_double),
                ("size", c_double), ("displaced", c_double), ("evidence", c_char_p), ("kind", c_char_p),
                ("claims", c_void_p), ("nclaims", c_size_t), ("json", c_void_p),
                ("location_from", c_char_p), ("counts_added", c_int), ("tally", c_int)]


class _CodeOptions(Structure):
    _fields_ = [("date", c_char_p), ("stories", c_int), ("merge", c_int)]


class _CoderStats(Structure):
    _fields_ = [(n, c_size_t) for n in ("docs", "stories", "sentences", "tokens", "events", "conflicts",
                                        "bytes", "bad_utf8")]


SINK_FN = CFUNCTYPE(c_int, c_void_p, POINTER(_Record))

# ---- the library -------------------------------------------------------------------------------


def library_path():
    """DYAD_LIB, else <repo>/build/libdyad.so."""
    return os.environ.get("DYAD_LIB") or os.path.join(_REPO, "build", "libdyad.so")


def default_dict_paths(lib=None):
    """<repo>/dict and the generated dictionaries of the library's build folder."""
    build = os.path.dirname(os.path.abspath(lib or library_path()))
    return [os.path.join(_REPO, "dict"), os.path.join(build, "dict")]


_lib = None


def _load():
    global _lib
    if _lib is not None:
        return _lib
    path = library_path()
    try:
        L = ctypes.CDLL(path)
    except OSError as e:
        raise DyadError(EIO, "cannot load %s (set DYAD_LIB or build with `ninja -C build`): %s" % (path, e))
    P = c_void_p
    sig = {
        "dyad_dict_load": (c_int, [POINTER(P), POINTER(c_char_p), c_size_t, POINTER(_DictOptions)]),
        "dyad_dict_errmsg": (c_char_p, [P]),
        "dyad_dict_free": (None, [P]),
        "dyad_coder_new": (c_int, [POINTER(P), P, POINTER(_CodeOptions)]),
        "dyad_coder_code": (c_int, [P, POINTER(_Doc), SINK_FN, P]),
        "dyad_coder_errmsg": (c_char_p, [P]),
        "dyad_coder_free": (None, [P]),
        "dyad_coder_stats_get": (None, [P, POINTER(_CoderStats)]),
        "dyad_reader_open": (c_int, [POINTER(P), c_char_p, c_int, P, P]),
        "dyad_reader_next": (c_int, [P, POINTER(_Doc)]),
        "dyad_reader_errmsg": (c_char_p, [P]),
        "dyad_reader_free": (None, [P]),
        "dyad_reader_stats_get": (None, [P, POINTER(_ReaderStats)]),
    }
    for name, (res, args) in sig.items():
        f = getattr(L, name)
        f.restype, f.argtypes = res, args
    _lib = L
    return L


def _enc(s):
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return os.fsencode(s) if isinstance(s, os.PathLike) else str(s).encode("utf-8")


def _dec(b):
    return None if b is None else b.decode("utf-8", "replace")


class _Closing:
    """close() on leaving a with-block, and on collection as a last resort."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class Dictionaries(_Closing):
    """dyad_dict_load over paths (folders or files); default: default_dict_paths()."""

    def __init__(self, paths=None, wordnet_dir=None):
        L = _load()
        self._lib = L
        self._h = None
        self.paths = [os.fspath(p) for p in (paths or default_dict_paths())]
        arr = (c_char_p * len(self.paths))(*[_enc(p) for p in self.paths])
        opts = _DictOptions()
        opts.wordnet_dir = _enc(wordnet_dir)
        h = c_void_p()
        rc = L.dyad_dict_load(byref(h), arr, len(self.paths), byref(opts))
        if rc != OK:
            msg = _dec(L.dyad_dict_errmsg(h)) if h.value else "out of memory"
            L.dyad_dict_free(h)
            raise DyadError(rc, "dyad: %s" % msg)
        self._h = h

    @property
    def handle(self):
        if self._h is None:
            raise DyadError(EARG, "dictionaries are closed")
        return self._h

    def close(self):
        if self._h is not None:
            self._lib.dyad_dict_free(self._h)
            self._h = None


class Coder(_Closing):
    """A dyad_coder over Dictionaries (or dictionary paths, or None for the defaults).

    date: default date (YYYY-MM-DD) of documents that carry none; stories, merge as in dyad.h.
    code() and code_file() return records as dicts (json.loads of the record's JSON), or with
    raw=True as the JSON text exactly as `dyad code` writes it (without the newline).
    One thread at a time, as the C coder."""

    def __init__(self, dictionaries=None, date=None, stories=False, merge=False):
        L = _load()
        self._lib = L
        self._h = None
        self._own_dict = not isinstance(dictionaries, Dictionaries)
        self.dictionaries = dictionaries if not self._own_dict else Dictionaries(dictionaries)
        self._date = _enc(date)      # kept alive: the coder borrows it
        opts = _CodeOptions(self._date, 1 if stories else 0, 1 if merge else 0)
        h = c_void_p()
        rc = L.dyad_coder_new(byref(h), self.dictionaries.handle, byref(opts))
        if rc != OK:
            L.dyad_coder_free(h)
            if self._own_dict:
                self.dictionaries.close()
            raise DyadError(rc, "dyad: out of memory" if rc == ENOMEM else "dyad: cannot make a coder (%d)" % rc)
        self._h = h
        self.errors = []          # messages of bad input met by code_file (the good records are kept)

    # -- coding --
    def _code_doc(self, doc, out):
        """Calls dyad_coder_code; out(json_bytes) gets a copy of each record's JSON, inside the sink."""
        failure = []

        def sink(ud, rec):
            try:
                out(ctypes.string_at(rec.contents.json))
                return 0
            except BaseException as e:       # stop coding, re-raise after the call
                failure.append(e)
                return 1
        cb = SINK_FN(sink)
        rc = self._lib.dyad_coder_code(self._handle(), byref(doc), cb, None)
        if failure:
            raise failure[0]
        if rc != OK:
            raise DyadError(rc, "dyad: %s" % _dec(self._lib.dyad_coder_errmsg(self._h)))

    def _handle(self):
        if self._h is None:
            raise DyadError(EARG, "the coder is closed")
        return self._h

    def code(self, text, id="doc", date=None, raw=False):
        """Codes one document (str or bytes) and returns its records."""
        if isinstance(text, str):
            data = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError("text must be str or bytes, not %s" % type(text).__name__)
        buf = ctypes.create_string_buffer(data, len(data) + 1)
        bid, bdate = _enc(id), _enc(date)
        doc = _Doc()
        doc.id, doc.date, doc.text, doc.len = bid, bdate, ctypes.addressof(buf), len(data)
        doc.file = bid
        recs = []
        self._code_doc(doc, recs.append)
        return [r.decode("utf-8") if raw else json.loads(r) for r in recs]

    def code_file(self, path, input=None, raw=False, write=None):
        """Reads a file's documents (any format and compression dyad reads) and yields their
        records in order. Bad input is reported in self.errors and skipped, as `dyad code` does.
        With write (a callable taking bytes), each record's JSON line (with its newline) goes to
        it instead, and the generator yields nothing: call it as list(code_file(..., write=f.write))
        or use code_file_to()."""
        fmt = _FORMATS.get(input)
        if fmt is None:
            raise ValueError("input must be one of text, jsonl, html, warc")
        L = self._lib
        r = c_void_p()
        rc = L.dyad_reader_open(byref(r), _enc(path), fmt, None, None)
        if rc != OK:
            msg = _dec(L.dyad_reader_errmsg(r)) if r.value else "out of memory"
            L.dyad_reader_free(r)
            raise DyadError(rc, "dyad: %s" % msg)
        try:
            doc = _Doc()
            while True:
                rc = L.dyad_reader_next(r, byref(doc))
                if rc == EOF:
                    break
                if rc == EINPUT:
                    self.errors.append(_dec(L.dyad_reader_errmsg(r)))
                    continue
                if rc != OK:
                    raise DyadError(rc, "dyad: %s" % _dec(L.dyad_reader_errmsg(r)))
                if write is not None:
                    self._code_doc(doc, lambda j: write(j + b"\n"))
                    continue
                recs = []
                self._code_doc(doc, recs.append)     # the document stays the reader's until next
                for j in recs:
                    yield j.decode("utf-8") if raw else json.loads(j)
            st = _ReaderStats()
            L.dyad_reader_stats_get(r, byref(st))
            self.last_file_stats = {"docs": st.docs, "skipped_lang": st.skipped_lang,
                                    "skipped_langs": _dec(st.skipped_langs) or "", "bad": st.bad,
                                    "bytes": st.bytes, "format": _dec(st.format),
                                    "compression": _dec(st.compression)}
        finally:
            L.dyad_reader_free(r)

    def code_file_to(self, path, f, input=None):
        """Writes a file's records as JSON lines (bytes) to the binary file f, exactly as
        `dyad code` would; returns the reader's statistics."""
        for _ in self.code_file(path, input=input, write=f.write):
            pass
        return self.last_file_stats

    def stats(self):
        st = _CoderStats()
        self._lib.dyad_coder_stats_get(self._handle(), byref(st))
        return {n: getattr(st, n) for n, _ in _CoderStats._fields_}

    # -- lifetime --
    def close(self):
        if self._h is not None:
            self._lib.dyad_coder_free(self._h)
            self._h = None
        if self._own_dict and self.dictionaries is not None:
            self.dictionaries.close()
