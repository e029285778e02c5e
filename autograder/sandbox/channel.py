"""What crosses from a child to the worker: newline-delimited JSON objects, size-capped, and an
output tail. Nothing from a child is ever unpickled or trusted beyond being plain JSON data."""

from __future__ import annotations

import json
from typing import Any


class ProtocolError(ValueError):
    """A child wrote something on its result pipe that the protocol does not allow."""


class LineReader:
    """Splits a byte stream into lines, refusing any line longer than ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        """Complete lines in ``data`` (without the newline); raises :class:`ProtocolError`."""
        self._buffer += data
        if b"\n" not in data:
            if len(self._buffer) > self._max_bytes:
                raise ProtocolError(f"a message is longer than {self._max_bytes} bytes")
            return []
        *lines, rest = self._buffer.split(b"\n")
        self._buffer = bytearray(rest)
        if len(self._buffer) > self._max_bytes or any(len(x) > self._max_bytes for x in lines):
            raise ProtocolError(f"a message is longer than {self._max_bytes} bytes")
        return [bytes(line) for line in lines]

    @property
    def pending(self) -> bool:
        """Whether an unterminated line is buffered."""
        return bool(self._buffer)


def encode(message: dict[str, Any]) -> bytes:
    """The compact JSON encoding used on every pipe of the sandbox."""
    return json.dumps(message, separators=(",", ":")).encode("utf-8")


def parse_message(line: bytes, max_bytes: int) -> dict[str, Any]:
    """One protocol line as a dict; raises :class:`ProtocolError` for anything else.

    The message must also fit in ``max_bytes`` once re-encoded (``1e15`` re-encodes as
    ``1000000000000000.0``), so that the worker's result line stays within the pool's bound.
    """
    try:
        message = json.loads(line)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        raise ProtocolError(f"not JSON: {str(exc)[:200]}") from None
    if not isinstance(message, dict):
        raise ProtocolError(f"not a JSON object but {type(message).__name__}")
    if len(encode(message)) > max_bytes:
        raise ProtocolError(f"a message is longer than {max_bytes} bytes once re-encoded")
    return message


def parse_isolation(message: dict[str, Any]) -> dict[str, Any]:
    """Check the child's first message, its isolation report."""
    ok = (message.get("event") == "isolation" and isinstance(message.get("degraded"), bool)
          and _strings(message.get("features")) and _strings(message.get("reasons")))
    if not ok:
        raise ProtocolError("the first message is not an isolation report")
    return {key: message[key] for key in ("degraded", "features", "reasons")}


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


class OutputTail:
    """Keeps the last ``max_bytes`` of a child's stdout and stderr."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._data = bytearray()

    def feed(self, data: bytes) -> None:
        """Append ``data``, dropping the oldest bytes beyond the cap."""
        self._data += data
        if len(self._data) > self._max_bytes:
            del self._data[: len(self._data) - self._max_bytes]

    def text(self) -> str:
        """The tail decoded as UTF-8 (undecodable bytes replaced)."""
        return self._data.decode("utf-8", errors="replace")
