"""The course secret and the per-student seeds derived from it.

Hidden inputs are drawn from ``HMAC-SHA256(secret, student | module | task | case)``, so each
student gets their own, a re-run gives the same ones, and student code (which never sees the
secret: the sandbox's environment is scrubbed and its workers never read it) cannot predict them.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets as _secrets
from pathlib import Path

ENV_VAR = "GRADETAPE_SECRET"
DEFAULT_FILE = ".gradetape-secret"


class SecretError(RuntimeError):
    """The secret could not be read or created."""


def load_secret(path: Path | None = None, create: bool = True) -> tuple[bytes, str]:
    """The course secret and where it came from: ``$GRADETAPE_SECRET``, ``path``, or a new file.

    Without either, ``./.gradetape-secret`` is read, or created (mode 0600) on first use.
    """
    value = os.environ.get(ENV_VAR)
    if value:
        return value.encode(), f"${ENV_VAR}"
    file = path or Path(DEFAULT_FILE)
    if file.is_file():
        data = file.read_bytes().strip()
        if not data:
            raise SecretError(f"secret file {file} is empty")
        return data, str(file)
    if path is not None or not create:
        raise SecretError(f"secret file {file} does not exist")
    data = _secrets.token_hex(32).encode()
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data + b"\n")
    return data, f"{file} (new)"


def derive_seed(secret: bytes, *parts: str | int) -> int:
    """A 63-bit seed determined by the secret and ``parts``."""
    message = "|".join(str(p) for p in parts).encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") >> 1
