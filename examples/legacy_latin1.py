"""Saved in latin-1 without a coding cookie: JSN901 says it cannot be read as UTF-8."""
import json

GREETING = "café"
print(json.dumps(GREETING))
