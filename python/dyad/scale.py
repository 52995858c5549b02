"""Scale-out coding on Dask (dask.distributed): one task per input file.

    python3 -m dyad.scale --workers N --out DIR [--date D] [--input FMT] [--stories] [--scheduler ADDR] INPUT...
    python3 -m dyad.scale merge DIR [--db DB --dyad PATH]

INPUT is a folder (its files, in name order, not recursing) or a file: plain, JSON lines, HTML or
WARC, compressed or not, as `dyad code` reads them. Each task codes one file on a worker with that
worker's own Coder (the dictionaries are loaded once per worker process) and writes
DIR/<file>.jsonl: the file's records as JSON lines, in input order, byte for byte what
`dyad code` writes for it (with --stories, `dyad code --stories`: a story record for each story,
so every document has records). DIR/shards.txt lists the shards in input order, each with its
source file; DIR/events.jsonl (`--merged`, default) is their concatenation: the same bytes as one
`dyad code` over the same files in the same order.

`merge --db DB` stores the shards' records as they are, with `dyad load --records` (the dyad
command line: --dyad, default <repo>/build/dyad): nothing is coded again. Shards written with
--stories give the store a single `dyad load` of all the files gives; without it, documents
with no event have no records and are not in the store.

Without --scheduler a LocalCluster of --workers processes (one thread each) is started on
127.0.0.1 and stopped at the end. Exit codes as dyad's: 0 ok, 4 some input was bad and skipped,
5 a file could not be read or written, 2 usage.
"""
import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time

_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_REPO = os.path.dirname(_PKG_PARENT)

# ---- the worker side ----------------------------------------------------------------------------

_coders = {}


def _coder(lib, dicts, date, stories=False):
    """One Coder per worker process and settings, kept for the worker's next tasks."""
    key = (lib, tuple(dicts) if dicts else None, date, stories)
    c = _coders.get(key)
    if c is None:
        if lib:
            os.environ["DYAD_LIB"] = lib
        import dyad
        c = _coders[key] = dyad.Coder(dyad.Dictionaries(dicts), date=date, stories=stories)
    return c


def code_shard(path, shard, lib=None, dicts=None, date=None, input=None, stories=False):
    """Codes one file into shard (written whole, then renamed). Returns what happened."""
    import dyad
    t0 = time.time()
    c = _coder(lib, dicts, date, stories)
    c.errors = []
    tmp = shard + ".part"
    status, stats, msgs = 0, {}, []
    try:
        with open(tmp, "wb") as f:
            stats = c.code_file_to(path, f, input=input)
        os.replace(tmp, shard)
    except dyad.DyadError as e:
        status = 5
        msgs.append(str(e))
        if os.path.exists(tmp):
            os.replace(tmp, shard)       # the records before the failure, as dyad code keeps them
    msgs = ["dyad: %s" % m for m in c.errors] + msgs
    if c.errors and not status:
        status = 4
    if stats.get("skipped_lang"):
        msgs.append("dyad: %s: %d document(s) not in English skipped (%s)"
                    % (path, stats["skipped_lang"], stats["skipped_langs"]))
    return {"path": path, "shard": shard, "status": status, "messages": msgs, "seconds": time.time() - t0,
            "docs": stats.get("docs", 0)}


# ---- the driver ---------------------------------------------------------------------------------

def list_inputs(inputs):
    files = []
    for p in inputs:
        if os.path.isdir(p):
            files += [os.path.join(p, n) for n in sorted(os.listdir(p))
                      if not n.startswith(".") and os.path.isfile(os.path.join(p, n))]
        else:
            files.append(p)
    return files


def shard_names(files):
    """DIR/<file>.jsonl; a name met twice (two folders) gets its position in front."""
    seen, out = {}, []
    for f in files:
        seen[os.path.basename(f)] = seen.get(os.path.basename(f), 0) + 1
    for i, f in enumerate(files):
        b = os.path.basename(f)
        out.append(("%05d-%s" % (i, b) if seen[b] > 1 else b) + ".jsonl")
    return out


def merge(out_dir, merged=None, db=None, dyad_cmd=None):
    """Concatenates the shards of out_dir in input order into merged; with db, stores their
    records with `dyad load --records`, in input order. Returns an exit status."""
    with open(os.path.join(out_dir, "shards.txt"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t", 1) for l in f if l.strip()]
    try:
        with open(os.path.join(out_dir, "options.json"), encoding="utf-8") as f:
            opts = json.load(f)
    except FileNotFoundError:
        opts = {}
    if merged:
        tmp = merged + ".part"
        with open(tmp, "wb") as o:
            for shard, _ in rows:
                with open(os.path.join(out_dir, shard), "rb") as s:
                    shutil.copyfileobj(s, o, 1 << 20)
        os.replace(tmp, merged)
    status = 0
    if db:
        dyad_cmd = dyad_cmd or os.path.join(_REPO, "build", "dyad")
        if not opts.get("stories"):
            print("dyad.scale: the shards were coded without --stories: documents with no event are not "
                  "stored", file=sys.stderr)
        cmd = [dyad_cmd, "load", "--records", "--quiet", "--db", db] + [os.path.join(out_dir, s) for s, _ in rows]
        status = subprocess.call(cmd)
        if status:
            print("dyad.scale: dyad load --records exited %d" % status, file=sys.stderr)
    return status


def run(files, out_dir, workers=2, scheduler=None, lib=None, dicts=None, date=None, input=None,
        merged="events.jsonl", verbose=False, stories=False):
    from dask.distributed import Client, LocalCluster
    import dyad
    lib = os.path.abspath(lib or dyad.library_path())
    dicts = [os.path.abspath(d) for d in (dicts or dyad.default_dict_paths(lib))]
    os.makedirs(out_dir, exist_ok=True)
    shards = [os.path.join(out_dir, n) for n in shard_names(files)]
    # the worker processes import this package
    pp = os.environ.get("PYTHONPATH", "")
    if _PKG_PARENT not in pp.split(os.pathsep):
        os.environ["PYTHONPATH"] = _PKG_PARENT + (os.pathsep + pp if pp else "")
    t0 = time.time()
    cluster, space = None, None
    if scheduler:
        client = Client(scheduler)
    else:
        space = tempfile.mkdtemp(prefix="dyad-dask-")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1", local_directory=space,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        t1 = time.time()
        futs = [client.submit(code_shard, os.path.abspath(f), os.path.abspath(s), lib, dicts, date, input, stories,
                              key="dyad-code-%d-%s" % (i, os.path.basename(s)), pure=False)
                for i, (f, s) in enumerate(zip(files, shards))]
        results = client.gather(futs)
        t2 = time.time()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if space:
            shutil.rmtree(space, ignore_errors=True)
    status = 0
    for r in results:
        for m in r["messages"]:
            print(m, file=sys.stderr)
        status = max(status, r["status"])
    with open(os.path.join(out_dir, "shards.txt"), "w", encoding="utf-8") as f:
        for f_, s in zip(files, shards):
            f.write("%s\t%s\n" % (os.path.basename(s), os.path.abspath(f_)))
    with open(os.path.join(out_dir, "options.json"), "w", encoding="utf-8") as f:
        json.dump({"date": date, "input": input, "dicts": dicts, "stories": stories}, f)
    if merged:
        merge(out_dir, os.path.join(out_dir, merged) if not os.path.isabs(merged) else merged)
    if verbose:
        print("dyad.scale: %d files, %d documents, %d workers: cluster %.2fs, coding %.2fs, total %.2fs"
              % (len(files), sum(r["docs"] for r in results), workers if not scheduler else -1,
                 t1 - t0, t2 - t1, time.time() - t0), file=sys.stderr)
    return status


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "merge":
        ap = argparse.ArgumentParser(prog="python3 -m dyad.scale merge",
                                     description="Concatenate the shards of DIR in input order; load them into a store.")
        ap.add_argument("dir")
        ap.add_argument("--merged", help="write the concatenated records here ('-': standard output)")
        ap.add_argument("--db", help="store the shards' records in this store (dyad load --records)")
        ap.add_argument("--dyad", help="the dyad command (default <repo>/build/dyad)")
        a = ap.parse_args(argv[1:])
        if a.merged == "-":
            with open(os.path.join(a.dir, "shards.txt"), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        with open(os.path.join(a.dir, line.split("\t", 1)[0]), "rb") as s:
                            shutil.copyfileobj(s, sys.stdout.buffer, 1 << 20)
            sys.stdout.buffer.flush()
            return merge(a.dir, None, a.db, a.dyad)
        return merge(a.dir, a.merged, a.db, a.dyad)
    ap = argparse.ArgumentParser(prog="python3 -m dyad.scale",
                                 description="Code files across a Dask cluster's workers into sharded JSON lines.")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder (its files in name order) or a file")
    ap.add_argument("--out", required=True, help="folder of the shards")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    ap.add_argument("--scheduler", help="address of a running scheduler instead of a local cluster")
    ap.add_argument("--date", help="date of documents that carry none (YYYY-MM-DD)")
    ap.add_argument("--input", choices=["text", "jsonl", "html", "warc"])
    ap.add_argument("--dict", action="append", help="dictionary folder or file (repeatable)")
    ap.add_argument("--lib", help="libdyad.so (default: DYAD_LIB, else <repo>/build)")
    ap.add_argument("--merged", default="events.jsonl",
                    help="file (in --out unless absolute) for the merged records; '' for none")
    ap.add_argument("--stories", action="store_true",
                    help="also a story record for each story (as dyad code --stories), so that every document "
                         "reaches the store")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if a.workers < 1:
        ap.error("--workers must be at least 1")
    files = list_inputs(a.inputs)
    if not files:
        ap.error("no input files")
    return run(files, a.out, a.workers, a.scheduler, a.lib, a.dict, a.date, a.input, a.merged or None, a.verbose,
               a.stories)


if __name__ == "__main__":
    sys.exit(main())
