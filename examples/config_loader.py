"""Loads configuration: the reading side of the json module's mistakes."""
import json
import sys
from typing import TextIO

DEFAULTS = '{"retries": 3, "timeout": 10}'


def defaults():
    # JSN005: load() reads from a file object, this is a string.
    return json.load(DEFAULTS)


def from_stream(stream: TextIO):
    # JSN006: loads() parses a string, this is a file object.
    return json.loads(stream)


def from_file():
    # JSN007: the path itself is parsed as JSON.
    return json.loads("config.json")


def refresh(path):
    with open(path, "w", encoding="utf-8") as f:
        # JSN011: mode "w" has already emptied the file, and it cannot be read.
        return json.load(f)


def from_stdin():
    return json.load(sys.stdin)
