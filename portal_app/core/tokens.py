"""Secrets handed to people (session cookies, access links): random, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_secret() -> str:
    """A fresh URL-safe secret of 32 random bytes."""
    return secrets.token_urlsafe(32)


def new_short_secret() -> str:
    """A URL-safe secret of 12 random bytes (16 characters, 96 bits) for links in an SMS,
    where every character counts; used once and short-lived like the long ones."""
    return secrets.token_urlsafe(12)


def hash_secret(raw: str) -> str:
    """The SHA-256 hex digest stored instead of the secret."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_code(digits: int = 6) -> str:
    """A random numeric one-time code, e.g. '042917'."""
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def salted_hash(code: str, salt: str | None = None) -> str:
    """'salt$digest' of a short code (a code alone is too easy to look up)."""
    salt = salt or secrets.token_hex(8)
    return salt + "$" + hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def matches_salted(code: str, stored: str) -> bool:
    """Whether `code` is the one behind a salted_hash, in constant time."""
    salt = stored.split("$", 1)[0]
    return hmac.compare_digest(salted_hash(code, salt), stored)
