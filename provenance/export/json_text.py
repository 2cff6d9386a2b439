"""JSON text for the exports, written by orjson with the bytes of the `json` module.

`dumps(obj, ...)` returns exactly `json.dumps(obj, indent=2, allow_nan=False, ...)`, 30
to 100 times faster on large documents: Python's `json` writes indented JSON with its
pure-Python encoder. orjson writes the same bytes for plain JSON data (dicts with string
keys, lists, strings, booleans, None, integers within 64 bits, floats whose text is
Python's), sorts keys the same way and escapes the same control characters; with
`ascii=True`, `escape.json_ascii` writes what lies past ASCII as `json` does.

Everything else goes to the `json` module itself, so nothing changes meaning or bytes:
NaN and Infinity (refused: JSON has neither; orjson would write null), floats below
1e-4 (`json` writes 1e-05, orjson 0.00001), integers beyond 64 bits, keys that are not
strings, lone surrogates (orjson refuses them) and types JSON does not have (enums,
subclasses), which `json` writes or refuses as it always did.
"""

from __future__ import annotations

import json
from typing import Any

from provenance.escape import json_ascii

_PLAIN = frozenset({str, int, bool, type(None)})


def dumps(obj: object, *, sort_keys: bool = False, ascii: bool = False) -> str:
    """Return `json.dumps(obj, indent=2, sort_keys=sort_keys, ensure_ascii=ascii,
    allow_nan=False)`, written by orjson when it writes the same bytes.

    >>> dumps({"b": [1.5, None], "a": "日本"}, sort_keys=True, ascii=True)
    '{\\n  "a": "\\\\u65e5\\\\u672c",\\n  "b": [\\n    1.5,\\n    null\\n  ]\\n}'
    """
    if _plain(obj):
        import orjson

        option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
        try:
            text = orjson.dumps(obj, option=option).decode("utf-8")
        except orjson.JSONEncodeError:  # lone surrogate, 65-bit integer, key not a str
            pass
        else:
            return json_ascii(text) if ascii else text
    return json.dumps(obj, indent=2, sort_keys=sort_keys, ensure_ascii=ascii, allow_nan=False)


def _plain(obj: object) -> bool:
    """Return whether orjson writes `obj` as `json` does, as far as types go: only
    dicts, lists, strings, booleans, None, integers and floats that print alike."""
    import orjson

    stack: list[Any] = [[obj]]
    while stack:
        container = stack.pop()
        for value in container.values() if type(container) is dict else container:
            kind = type(value)
            if kind is str:
                continue
            if kind is dict or kind is list:
                stack.append(value)
            elif kind is float:
                # NaN, Infinity and floats below 1e-4 print otherwise; a case holds few
                # floats, each checked against the json module's text.
                if orjson.dumps(value) != float.__repr__(value).encode():
                    return False
            elif kind not in _PLAIN:
                return False
    return True
