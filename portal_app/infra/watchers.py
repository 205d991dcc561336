"""Which browser tabs show what: the registry behind live pages.

A page that shows, say, a business's appointments registers its tab under a key such as
`appointments:business:3`; when those appointments change, the process where the change
happened looks the key up and refreshes each tab through Reflex (which reaches the tab's
socket on whichever worker or host holds it). In scaled mode the registry lives in Redis
(one sorted set per key, scored by expiry) so every process sees every tab; without Redis
it is this process's memory. Entries expire after WATCH_SECONDS unless renewed by the
page loading again.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

WATCH_SECONDS = 2 * 3600
PREFIX = "klantportaal:watch:"


class Watchers(Protocol):
    def add(self, key: str, member: str) -> None:
        """Remember that `member` (a tab) shows `key`."""

    def members(self, key: str) -> list[str]:
        """The tabs that showed `key` recently."""

    def discard(self, key: str, member: str) -> None:
        """Forget one tab for `key`."""


class MemoryWatchers:
    """The registry of one process (the embedded default: one worker)."""

    def __init__(self, seconds: float = WATCH_SECONDS):
        self._seconds = seconds
        self._entries: dict[str, dict[str, float]] = {}
        self._lock = threading.Lock()

    def add(self, key: str, member: str) -> None:
        with self._lock:
            self._entries.setdefault(key, {})[member] = time.time() + self._seconds

    def members(self, key: str) -> list[str]:
        now = time.time()
        with self._lock:
            entries = self._entries.get(key, {})
            for member in [m for m, until in entries.items() if until < now]:
                del entries[member]
            return sorted(entries)

    def discard(self, key: str, member: str) -> None:
        with self._lock:
            self._entries.get(key, {}).pop(member, None)


class RedisWatchers:
    """The registry shared by every worker and process, in Redis."""

    def __init__(self, url: str, namespace: str = "", seconds: float = WATCH_SECONDS):
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=5)
        self._prefix = f"{PREFIX}{namespace}:" if namespace else PREFIX
        self._seconds = seconds

    def add(self, key: str, member: str) -> None:
        until = time.time() + self._seconds
        pipe = self._redis.pipeline()
        pipe.zadd(self._prefix + key, {member: until})
        pipe.expire(self._prefix + key, int(self._seconds) + 60)
        pipe.execute()

    def members(self, key: str) -> list[str]:
        pipe = self._redis.pipeline()
        pipe.zremrangebyscore(self._prefix + key, "-inf", time.time())
        pipe.zrange(self._prefix + key, 0, -1)
        _removed, found = pipe.execute()
        return sorted(m.decode() if isinstance(m, bytes) else m for m in found)

    def discard(self, key: str, member: str) -> None:
        self._redis.zrem(self._prefix + key, member)


def watchers_for(redis_url: str, namespace: str = "") -> Watchers:
    """Redis when REDIS_URL is set (keys under `namespace`, so portals on other databases
    sharing the Redis server stay apart), else this process's memory."""
    return RedisWatchers(redis_url, namespace) if redis_url else MemoryWatchers()
