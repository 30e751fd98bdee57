"""Options passed the Python 2 way, and typos."""
import json


def pretty(data):
    # JSN008: options are keyword-only.
    return json.dumps(data, 4)


def stable(data):
    # JSN009: a typo the run-time would reject.
    return json.dumps(data, sort_keys=True, indnet=2)


def parse(raw: bytes):
    # JSN009: encoding= was removed in Python 3.9 (a safe fix drops it).
    return json.loads(raw, encoding="utf-8")
