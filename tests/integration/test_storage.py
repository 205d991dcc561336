"""Private file storage: the same behaviour from the local folder and from S3 (moto's
server mode, started from its PyPI package as a separate process on 127.0.0.1)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from portal_app.config import ConfigError, load_settings
from portal_app.infra.storage import (
    FileMissing,
    LocalStorage,
    S3Storage,
    StorageError,
    storage_from_settings,
)

PDF = b"%PDF-1.4 invoice 2026-0042\n" + bytes(range(256))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server on a free port for this module."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _s3(endpoint: str, bucket: str) -> S3Storage:
    storage = S3Storage(
        bucket,
        endpoint_url=endpoint,
        access_key_id="test",
        secret_access_key="test",
        region="eu-west-1",
    )
    storage.client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    return storage


@pytest.fixture(params=["local", "s3"])
def storage(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    return _s3(request.getfixturevalue("s3_endpoint"), f"portal-{time.monotonic_ns()}")


def test_put_get_exists_delete(storage):
    key = "business/1/documents/invoice-42.pdf"
    assert not storage.exists(key)
    storage.put(key, PDF, "application/pdf")
    assert storage.exists(key)
    stored = storage.get(key)
    assert (stored.content, stored.content_type) == (PDF, "application/pdf")
    storage.put(key, b"second version", "text/plain")  # replaces
    assert storage.get(key).content == b"second version"
    assert storage.get(key).content_type == "text/plain"
    storage.delete(key)
    assert not storage.exists(key)
    with pytest.raises(FileMissing):
        storage.get(key)
    storage.delete(key)  # deleting what is gone is fine


def test_unknown_content_type_is_octet_stream(storage):
    storage.put("checkin/7/photo", b"\x89PNG", "")
    assert storage.get("checkin/7/photo").content_type == "application/octet-stream"


@pytest.mark.parametrize(
    "key", ["../etc/passwd", "/abs/path", "a/../b", "a//b", "", "a/.hidden", "x" * 501, "a\\b"]
)
def test_keys_that_could_escape_are_refused(storage, key):
    with pytest.raises(StorageError):
        storage.put(key, b"x")


def test_a_shared_folder_serves_every_host(tmp_path):
    """Two processes (hosts) on one shared volume see each other's files."""
    one, other = LocalStorage(tmp_path / "shared"), LocalStorage(tmp_path / "shared")
    one.put("business/1/doc.txt", b"hello", "text/plain")
    assert other.get("business/1/doc.txt").content == b"hello"
    other.delete("business/1/doc.txt")
    assert not one.exists("business/1/doc.txt")
    leftovers = [p.name for p in (tmp_path / "shared").rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_settings_choose_the_backend(monkeypatch, tmp_path, s3_endpoint):
    monkeypatch.setenv("STORAGE_DIR", str(tmp_path / "private"))
    monkeypatch.delenv("S3_BUCKET", raising=False)
    local = storage_from_settings(load_settings())
    assert isinstance(local, LocalStorage) and local.root == tmp_path / "private"
    _s3(s3_endpoint, "portal-settings")
    monkeypatch.setenv("S3_BUCKET", "portal-settings")
    monkeypatch.setenv("S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "test")
    monkeypatch.setenv("S3_REGION", "eu-west-1")
    remote = storage_from_settings(load_settings())
    assert isinstance(remote, S3Storage)
    remote.put("a.txt", b"via settings", "text/plain")
    assert remote.get("a.txt").content == b"via settings"


@pytest.mark.parametrize("folder", ["assets/private", ".web/public/files", "uploaded_files"])
def test_storage_never_in_a_public_folder(monkeypatch, folder):
    from portal_app.config import PROJECT_ROOT

    monkeypatch.setenv("STORAGE_DIR", str(PROJECT_ROOT / folder))
    with pytest.raises(ConfigError, match="public folder"):
        load_settings()
