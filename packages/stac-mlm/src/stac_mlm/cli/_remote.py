"""Documents read over http(s), with urllib3 (the ``remote`` extra): timeouts, a byte cap, a few retries and
redirects, and every failure one ``InputError`` naming the URL."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..reading import InputError

#: Seconds to connect, and to wait for each read.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
_CHUNK = 64 * 1024


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


@cache
def _pool() -> Any:
    try:
        import urllib3
    except ImportError:
        return None
    retries = urllib3.Retry(total=2, redirect=5, backoff_factor=0.2, status_forcelist=(502, 503, 504))
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT)
    return urllib3.PoolManager(retries=retries, timeout=timeout, headers={"Accept": "application/json"})


def fetch(url: str, cap: int) -> bytes:
    """The body of ``url`` (at most ``cap`` bytes; more, an HTTP error or a network failure: ``InputError``)."""
    pool = _pool()
    if pool is None:
        raise InputError(url, "reading URLs needs urllib3: pip install 'stac-mlm[remote]'")
    import urllib3

    try:
        response = pool.request("GET", url, preload_content=False)
    except urllib3.exceptions.HTTPError as error:
        raise InputError(url, f"cannot fetch: {_reason(error)}") from None
    try:
        if response.status >= 400:
            raise InputError(url, f"cannot fetch: HTTP {response.status} {response.reason or ''}".rstrip())
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise InputError(url, f"is larger than {cap:,} bytes: not read")
        data = bytearray()
        for chunk in response.stream(_CHUNK):
            data += chunk
            if len(data) > cap:
                raise InputError(url, f"is larger than {cap:,} bytes: not read")
        return bytes(data)
    except urllib3.exceptions.HTTPError as error:
        raise InputError(url, f"cannot fetch: {_reason(error)}") from None
    finally:
        response.release_conn()


def _reason(error: Exception) -> str:
    inner = getattr(error, "reason", None) or error
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__
