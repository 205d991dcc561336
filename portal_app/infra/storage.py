"""Private file storage behind one small interface: a local folder, or S3-compatible.

Files (documents, check-in photos) are stored by key, e.g. `business/3/documents/17.pdf`,
with their content type, and are only ever handed out through an authorised route. Never
Reflex's upload folder, which is served publicly.

- `LocalStorage` keeps each file in a folder (STORAGE_DIR, default `data/files`) next to a
  small `.type` file holding its content type. Several processes or hosts may share the
  folder (an NFS or other shared volume): a file is written to a temporary name and moved
  into place, so a reader sees the old file or the new one, never half of one.
- `S3Storage` talks to any S3-compatible service through boto3 (S3_BUCKET,
  S3_ENDPOINT_URL for MinIO, Ceph, Garage, etc., S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
  S3_REGION).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from portal_app.config import Settings

DEFAULT_TYPE = "application/octet-stream"
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")
MAX_KEY = 500


class StorageError(Exception):
    """The storage could not do what was asked (the message says what)."""


class FileMissing(StorageError):
    """No file is stored under the key."""


@dataclass(frozen=True)
class StoredFile:
    """A file's bytes and content type."""

    content: bytes
    content_type: str


def check_key(key: str) -> str:
    """The key when it is a safe relative path of plain names (no '..', no leading '/')."""
    if not isinstance(key, str) or len(key) > MAX_KEY or not _KEY.match(key) or ".." in key:
        raise StorageError(f"not a storage key: {key!r}")
    return key


class FileStorage(Protocol):
    """Put, get, delete and look up private files by key."""

    def put(self, key: str, content: bytes, content_type: str = DEFAULT_TYPE) -> None:
        """Store `content` under `key`, replacing what was there."""

    def get(self, key: str) -> StoredFile:
        """The file under `key`; FileMissing when there is none."""

    def delete(self, key: str) -> None:
        """Remove the file under `key` (nothing happens when there is none)."""

    def exists(self, key: str) -> bool:
        """Whether a file is stored under `key`."""


class LocalStorage:
    """Files in a folder on this host (or a volume shared by several hosts)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    @staticmethod
    def _type_path(path: Path) -> Path:
        return path.with_name(path.name + ".type")

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def put(self, key: str, content: bytes, content_type: str = DEFAULT_TYPE) -> None:
        """Write the content type first, then the file, each moved into place at once."""
        path = self._path(key)
        self._write(self._type_path(path), (content_type or DEFAULT_TYPE).encode())
        self._write(path, bytes(content))

    def get(self, key: str) -> StoredFile:
        """Read the file and its content type."""
        path = self._path(key)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise FileMissing(key) from None
        try:
            content_type = self._type_path(path).read_text().strip() or DEFAULT_TYPE
        except FileNotFoundError:
            content_type = DEFAULT_TYPE
        return StoredFile(content, content_type)

    def delete(self, key: str) -> None:
        """Remove the file and its content type."""
        path = self._path(key)
        path.unlink(missing_ok=True)
        self._type_path(path).unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        """Whether the file is there."""
        return self._path(key).is_file()


class S3Storage:
    """Files as objects in one bucket of an S3-compatible service, through boto3."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        region: str | None = None,
    ):
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint_url or None,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            region_name=region or None,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}),
        )

    def _missing(self, error) -> bool:
        code = str(error.response.get("Error", {}).get("Code", ""))
        return code in {"404", "NoSuchKey", "NotFound"}

    def put(self, key: str, content: bytes, content_type: str = DEFAULT_TYPE) -> None:
        """Upload the object with its content type."""
        self.client.put_object(
            Bucket=self.bucket,
            Key=check_key(key),
            Body=bytes(content),
            ContentType=content_type or DEFAULT_TYPE,
        )

    def get(self, key: str) -> StoredFile:
        """Download the object; FileMissing for an unknown key."""
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=check_key(key))
        except ClientError as error:
            if self._missing(error):
                raise FileMissing(key) from None
            raise StorageError(f"S3 refused to read {key!r}: {error}") from error
        return StoredFile(answer["Body"].read(), answer.get("ContentType") or DEFAULT_TYPE)

    def delete(self, key: str) -> None:
        """Delete the object (S3 answers the same whether or not it existed)."""
        self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def exists(self, key: str) -> bool:
        """A HEAD request on the object."""
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except ClientError as error:
            if self._missing(error):
                return False
            raise StorageError(f"S3 refused to look up {key!r}: {error}") from error
        return True


def storage_from_settings(settings: Settings) -> FileStorage:
    """S3 when S3_BUCKET is set, else the local folder STORAGE_DIR."""
    if settings.s3_bucket:
        return S3Storage(
            settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key,
            region=settings.s3_region,
        )
    return LocalStorage(settings.storage_dir)
