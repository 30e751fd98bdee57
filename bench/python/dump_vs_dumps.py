"""json.dump(x, f) against f.write(json.dumps(x)): speed, and what a failure midway leaves.

Run: python3 bench/python/dump_vs_dumps.py
The figures are quoted in the docs of JSN102 (write-dumps); rerun this to check them.
"""
import io
import json
import os
import platform
import tempfile
import time

RECORDS = 5000
REPEAT = 7


def document():
    return [
        {"id": i, "name": f"record {i}", "tags": ["a", "b", "c"], "score": i * 0.5, "active": i % 2 == 0,
         "nested": {"x": i, "y": [1, 2, 3], "label": "caf\u00e9"}}
        for i in range(RECORDS)
    ]


def best(fn):
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    doc = document()
    size = len(json.dumps(doc))
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "out.json")

    def to_file_dump():
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)

    def to_file_dumps():
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(doc))

    def to_memory_dump():
        json.dump(doc, io.StringIO())

    def to_memory_dumps():
        io.StringIO().write(json.dumps(doc))

    # With indent=, dumps uses the pure-Python encoder too: what remains is one write per chunk.
    def indented_dump():
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)

    def indented_dumps():
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(doc, indent=2))

    print(f"CPython {platform.python_version()}, a {size / 1e6:.1f} MB document of {RECORDS} records, best of {REPEAT}")
    cases = (("file", to_file_dump, to_file_dumps), ("StringIO", to_memory_dump, to_memory_dumps), ("indent=2", indented_dump, indented_dumps))
    for label, dump, dumps in cases:
        a, b = best(dumps), best(dump)
        print(f"{label:8}  f.write(json.dumps(x)) {a * 1e3:7.1f} ms   json.dump(x, f) {b * 1e3:7.1f} ms   ratio {b / a:.1f}x")

    # A value that is not JSON serializable, after some records: what is left in the file?
    bad = [{"id": 0, "name": "n0"}, {"id": 1, "name": "n1"}, {"id": 2, "when": object()}]
    for label, write in (("json.dump", lambda f: json.dump(bad, f)), ("f.write(json.dumps)", lambda f: f.write(json.dumps(bad)))):
        with open(path, "w", encoding="utf-8") as f:
            try:
                write(f)
            except TypeError as e:
                error = str(e)
        with open(path, encoding="utf-8") as f:
            left = f.read()
        print(f"{label:20} raised TypeError ({error}); the file holds {len(left)} bytes: {left!r}")
    os.remove(path)
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
