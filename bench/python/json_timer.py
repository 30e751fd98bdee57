"""CPython's side of `npm run bench -- runtime`: times its own json functions on request.

One long-lived process, driven over stdin/stdout one line at a time, so the Node benchmark can
interleave CPython's runs with its own (a busy machine then slows both alike):
  load NAME PATH   read PATH as UTF-8 text; keep the text and json.loads(text) under NAME
  time NAME OP     run OP once (dumps, dumps_indent2 or loads) on NAME's value or text and
                   print the CPU time in milliseconds (time.process_time), after gc.collect()
                   so no garbage of an earlier run is collected during this one; the result is
                   freed after the clock stops
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
    "loads": lambda name: json.loads(texts[name]),
}


def main():
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "load":
            name, path = args
            with open(path, encoding="utf-8") as f:
                texts[name] = f.read()
            values[name] = json.loads(texts[name])
            reply = "ok"
        elif cmd == "time":
            name, op = args
            run = OPS[op]
            gc.collect()
            t0 = time.process_time()
            result = run(name)
            reply = (time.process_time() - t0) * 1000
            del result  # freed after the clock stops, as Node's garbage is collected after its clock stops
        elif cmd == "version":
            reply = sys.version.split()[0]
        else:
            raise SystemExit(f"unknown command {cmd}")
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
