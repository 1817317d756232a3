"""Find the input documents below a raw folder, in a stable order."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path, PurePath, PurePosixPath

import httpx

from pipeline.backend.guards import GuardSettings, guard_settings
from pipeline.datamodel.base import stable_id
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef, StageError, Status
from pipeline.stages.fetch import SOURCES_FILE, FetchError, SourcesListError, fetch_url, read_sources_list

SUFFIXES: dict[str, str] = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}


class DiscoverError(ValueError):
    """The raw folder is missing or not a folder."""


class SourceError(OSError):
    """A discovered file refused before it is read; `code` is stable (symlink_outside_raw, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str]]:  # picklable across processes
        return (type(self), (self.code, self.message))


def display_path(rel: PurePath) -> str:
    """A relative path as valid Unicode: bytes of a file name that are not UTF-8 are shown as
    `\\xNN` (such a name cannot be written to JSON as it is).

    >>> display_path(PurePath(os.fsdecode(b"press/caf\\xe9.html")))
    'press/caf\\\\xe9.html'
    """
    return "/".join(os.fsencode(part).decode("utf-8", "backslashreplace") for part in rel.parts)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _candidates(folder: Path, rel: PurePath, root: Path, follow: bool) -> Iterator[tuple[PurePath, Path]]:
    """(relative path, path) of every regular file or file symlink below `folder`; folders
    that are symlinks are entered only when they lead outside raw/ and `follow` is set
    (one inside raw/ is walked at its real place already)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        path, sub = Path(entry.path), rel / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _candidates(path, sub, root, follow)
        elif entry.is_symlink() and path.is_dir():
            target = path.resolve()
            if follow and not _inside(target, root):
                yield from _candidates(path, sub, root, follow)
            elif not _inside(target, root):
                yield sub, path  # recorded as refused by `load`
        elif entry.is_symlink() or entry.is_file(follow_symlinks=False):
            yield sub, path


def discover(raw_dir: Path, settings: GuardSettings | None = None) -> list[SourceRef]:
    """Every PDF and HTML file below `raw_dir` (hidden and `_` folders skipped), sorted,
    then the URLs listed in `raw_dir/sources.txt`, in their order.

    Symlinks are listed like files; `load` refuses those that lead outside `raw_dir`
    (unless `follow_external_symlinks`), so each is recorded, never silently read.
    """
    if not raw_dir.exists():
        raise DiscoverError(f"raw folder {raw_dir} does not exist")
    if not raw_dir.is_dir():
        raise DiscoverError(f"raw folder {raw_dir} is not a folder")
    follow = (settings or guard_settings()).follow_external_symlinks
    found = _candidates(raw_dir, PurePath(), raw_dir.resolve(), follow)
    refs = [
        SourceRef(uri=display_path(rel), path=str(path))
        for rel, path in sorted(found)
        if rel.suffix.lower() in SUFFIXES or (path.is_symlink() and path.is_dir())
    ]
    listed = raw_dir / SOURCES_FILE
    if listed.is_file():
        try:
            refs.extend(SourceRef(uri=url) for url in read_sources_list(listed))
        except SourcesListError as exc:
            raise DiscoverError(str(exc)) from exc
    return refs


def read_inside_raw(ref: SourceRef, settings: GuardSettings | None = None) -> bytes:
    """A discovered file's bytes, refused with a specific `SourceError` when it leads outside
    the raw folder (checked again here, at the moment it is opened), is not a regular file,
    or is larger than `max_input_bytes` (at most that many bytes are ever read); an HTML page
    over `html_max_bytes` is refused from its first KiB."""
    assert ref.path is not None
    limits = settings or guard_settings()
    path = Path(ref.path)
    root = path.parents[len(PurePosixPath(ref.uri).parts) - 1]
    target = path.resolve()
    if not limits.follow_external_symlinks and not _inside(target, root.resolve()):
        raise SourceError(
            "symlink_outside_raw",
            f"{ref.uri} is a link leading outside the raw folder (follow_external_symlinks is off)",
        )
    if not target.is_file():
        raise SourceError("not_a_file", f"{ref.uri} is not a regular file")
    with open(target, "rb") as handle:
        head = handle.read(1024)
        size = os.fstat(handle.fileno()).st_size
        if size > limits.html_max_bytes and media_type_of(ref.uri, head) == "html":
            raise SourceError(
                "too_large",
                f"{ref.uri}: an HTML page of {size} bytes, more than html_max_bytes={limits.html_max_bytes}",
            )  # refused before it is read: the parser would refuse it anyway
        # read what the file holds (one byte more shows growth), never a max-sized buffer up front
        data = head + handle.read(max(0, min(size, limits.max_input_bytes) + 1 - len(head)))
    if len(data) > limits.max_input_bytes:
        raise SourceError("too_large", f"{ref.uri} is larger than max_input_bytes={limits.max_input_bytes}")
    return data


def doc_id_for(uri: str) -> str:
    """A document's id: stable for its place in the raw folder (its uri)."""
    return stable_id("doc", {"uri": uri})


def media_type_of(uri: str, data: bytes) -> str | None:
    """Sniff the content first, the suffix second."""
    head = data[:1024].lstrip().lower()
    if b"%pdf-" in data[:1024].lower():
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return SUFFIXES.get(Path(uri).suffix.lower())


def load(ref: SourceRef, client: httpx.Client | None = None) -> LoadedSource:
    """Read a file's bytes or fetch a listed URL (the only I/O before publish).

    Raises `FetchError` (an OSError) when a URL cannot be fetched, OSError when a file cannot be read.
    """
    data = read_inside_raw(ref) if ref.path is not None else fetch_url(ref.uri, client=client)
    return LoadedSource(
        uri=ref.uri,
        doc_id=doc_id_for(ref.uri),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        media_type=media_type_of(ref.uri, data),
    )


_PERMANENT = frozenset(
    {"blocked_scheme", "blocked_address", "too_large", "redirect_loop", "too_many_redirects",
     "unsupported_encoding", "symlink_outside_raw", "not_a_file"}
)  # fmt: skip


def worth_retrying(exc: BaseException) -> bool:
    """Whether a failed load may succeed if tried again: refusals by policy and client errors
    (4xx other than 408 and 429) never do; timeouts, network and server errors may.

    >>> worth_retrying(FetchError("http_503", "busy")), worth_retrying(FetchError("http_404", "gone"))
    (True, False)
    >>> worth_retrying(SourceError("symlink_outside_raw", "x.pdf"))
    False
    """
    code = getattr(exc, "code", None)
    if not isinstance(exc, (FetchError, SourceError)) or code is None:
        return True
    if code.startswith("http_4"):
        return code in ("http_408", "http_429")
    return code not in _PERMANENT


def load_failed(ref: SourceRef, exc: OSError) -> DocumentResult:
    """The record of a source that could not be read or fetched (after any retries)."""
    code = exc.code if isinstance(exc, (FetchError, SourceError)) else "unreadable"
    return DocumentResult(
        uri=ref.uri,
        doc_id=doc_id_for(ref.uri),
        sha256="",
        media_type=None,
        status=Status.QUARANTINED,
        errors=[StageError(stage="load", code=code, message=str(exc))],
    )
