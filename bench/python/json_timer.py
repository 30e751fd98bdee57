"""CPython's side of `npm run bench -- runtime`: times its own json functions on request.

One long-lived process, driven over stdin/stdout one line at a time, so the Node benchmark can
interleave CPython's runs with its own (a busy machine then slows both alike):
  load NAME PATH   read PATH as UTF-8 text; keep the text and json.loads(text) under NAME (and
                   drop the payload loaded before, so only the one being timed is alive)
  time NAME OP N   run OP (dumps, dumps_indent2, dumps_noascii or loads) on NAME's value or text N + 1 times
                   in a row and print the mean CPU time (time.process_time) of the last N calls
                   in milliseconds: each result is freed when the next one replaces it, so the
                   calls pay for their own memory management, as in a timeit loop (whose
                   switching off the cyclic collector is not copied: it stays on, as in a program)
  version          print sys.version
Every reply is one line of JSON.
"""
import gc
import json
import sys
import time

texts = {}
values = {}
OPS = {
    "dumps": lambda name: json.dumps(values[name]),
    "dumps_indent2": lambda name: json.dumps(values[name], indent=2),
    "dumps_noascii": lambda name: json.dumps(values[name], ensure_ascii=False),
    "loads": lambda name: json.loads(texts[name]),
}


def main():
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "load":
            name, path = args
            texts.clear()
            values.clear()
            with open(path, encoding="utf-8") as f:
                texts[name] = f.read()
            values[name] = json.loads(texts[name])
            reply = "ok"
        elif cmd == "time":
            name, op, n = args
            run = OPS[op]
            gc.collect()
            result = run(name)  # (not counted: it may pay for what came before)
            t0 = time.process_time()
            for _ in range(int(n)):
                result = run(name)
            reply = (time.process_time() - t0) * 1000 / int(n)
            del result
        elif cmd == "version":
            reply = sys.version.split()[0]
        else:
            raise SystemExit(f"unknown command {cmd}")
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
