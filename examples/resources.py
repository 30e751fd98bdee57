"""Files and text: closing, encodings, and calls that say more than they need to."""
import json


def read_settings(path):
    # JSN020: the file is never closed (and has no encoding=).
    return json.load(open(path))


def read_cache(path):
    # JSN021: the locale's encoding decodes this UTF-8 file (cp1252 on Windows).
    with open(path) as f:
        # JSN101: json.load(f) is exactly this.
        return json.loads(f.read())


def write_report(report, path):
    with open(path, "w", encoding="utf-8") as out:
        # JSN102 (opt-in): json.dump(report, out) says the same in one call.
        out.write(json.dumps(report, indent=2))


# JSN100 (opt-in): nothing here needs silencing any more.
SUMMARY = json.dumps({"ok": True})  # noqa: JSN003
