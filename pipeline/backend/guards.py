"""Cheap pre-parse guards: refuse hostile inputs before a parser spends time or memory on them.

A PDF is scanned at the byte level (no PDF library) before pdfplumber opens it:

    raw bytes ─► indirect objects ─► streams (declared /Length, filters)
              ─► streaming inflate of FlateDecode streams, every layer, with a byte cap
              ─► objects inside object streams (/Type /ObjStm)
              ─► page count, object count, reference-only objects that loop

An HTML page is refused by size alone before it is decoded. Text beyond spaCy's
`max_length` is cut into chunks (`split_for_nlp`), never refused.

Each check returns a specific error code (`GUARD_CODES`); the backends turn it into their
own parse error. Limits are a validated settings model with `DEFAULT_*` constants, read
from `CLUSTERPIPE_*` environment variables so that worker processes see the same values.
"""

from __future__ import annotations

import base64
import bisect
import io
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from pdfminer.lzw import LZWDecoder
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.datamodel.document import Block

MIB = 1024 * 1024
DEFAULT_MAX_INPUT_BYTES = 256 * MIB
DEFAULT_PDF_SCAN = True
DEFAULT_PDF_MAX_PAGES = 400
DEFAULT_PDF_MAX_OBJECTS = 250_000
DEFAULT_PDF_MAX_STREAM_LENGTH = 128 * MIB
DEFAULT_PDF_MAX_INFLATED_STREAM = 16 * MIB
DEFAULT_PDF_MAX_INFLATED_TOTAL = 256 * MIB
DEFAULT_HTML_MAX_BYTES = 10 * MIB
DEFAULT_NLP_CHUNK_CHARS = 100_000
DEFAULT_FOLLOW_EXTERNAL_SYMLINKS = False
DEFAULT_FETCH_MAX_BYTES = 50 * MIB
DEFAULT_FETCH_DEADLINE = 120.0
DEFAULT_FETCH_CONNECT_TIMEOUT = 10.0
DEFAULT_FETCH_READ_TIMEOUT = 30.0
DEFAULT_FETCH_MAX_REDIRECTS = 5

GUARD_CODES = {
    "too_large": "the input is larger than the configured size limit",
    "too_many_pages": "the PDF declares more pages than pdf_max_pages",
    "too_many_objects": "the PDF holds more indirect objects than pdf_max_objects",
    "stream_too_long": "a stream declares a /Length above pdf_max_stream_length",
    "decompression_bomb": "a Flate stream (or all of them) inflates beyond the configured cap",
    "reference_loop": "an indirect object refers to itself, directly or through a chain",
}

_INFLATE_CHUNK = 64 * 1024
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


class GuardSettings(BaseSettings):
    """Security-relevant limits (environment: `CLUSTERPIPE_<FIELD>`); every one is documented
    in SECURITY.md with its default."""

    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_", extra="ignore", frozen=True)

    max_input_bytes: int = Field(default=DEFAULT_MAX_INPUT_BYTES, ge=1)
    pdf_scan: bool = DEFAULT_PDF_SCAN
    pdf_max_pages: int = Field(default=DEFAULT_PDF_MAX_PAGES, ge=1)
    pdf_max_objects: int = Field(default=DEFAULT_PDF_MAX_OBJECTS, ge=1)
    pdf_max_stream_length: int = Field(default=DEFAULT_PDF_MAX_STREAM_LENGTH, ge=1)
    pdf_max_inflated_stream: int = Field(default=DEFAULT_PDF_MAX_INFLATED_STREAM, ge=1)
    pdf_max_inflated_total: int = Field(default=DEFAULT_PDF_MAX_INFLATED_TOTAL, ge=1)
    html_max_bytes: int = Field(default=DEFAULT_HTML_MAX_BYTES, ge=1)
    nlp_chunk_chars: int = Field(default=DEFAULT_NLP_CHUNK_CHARS, ge=1000)
    follow_external_symlinks: bool = DEFAULT_FOLLOW_EXTERNAL_SYMLINKS
    fetch_max_bytes: int = Field(default=DEFAULT_FETCH_MAX_BYTES, ge=1)
    fetch_deadline: float = Field(default=DEFAULT_FETCH_DEADLINE, gt=0)
    fetch_connect_timeout: float = Field(default=DEFAULT_FETCH_CONNECT_TIMEOUT, gt=0)
    fetch_read_timeout: float = Field(default=DEFAULT_FETCH_READ_TIMEOUT, gt=0)
    fetch_max_redirects: int = Field(default=DEFAULT_FETCH_MAX_REDIRECTS, ge=0, le=30)
    fetch_allowed_networks: tuple[str, ...] = Field(
        default=(),
        description="CIDR blocks fetched even though private, loopback or link-local (e.g. 127.0.0.1/32)",
    )

    @field_validator("fetch_allowed_networks")
    @classmethod
    def _networks_parse(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        import ipaddress

        for network in value:
            ipaddress.ip_network(network, strict=False)  # raises ValueError naming the bad block
        return value


def guard_settings() -> GuardSettings:
    """The limits in force (defaults overridden by `CLUSTERPIPE_*` environment variables).

    Built once per distinct set of those variables (validating a settings model from the
    environment costs milliseconds, and every document is checked several times)."""
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("CLUSTERPIPE_")))
    return _guard_settings_for(env)


@lru_cache(maxsize=16)
def _guard_settings_for(env: tuple[tuple[str, str], ...]) -> GuardSettings:
    return GuardSettings()


E = TypeVar("E", bound=Exception)


def coded(error: Callable[[str], E]) -> Callable[[str, str], E]:
    """Adapt an exception class taking one message into a `(code, message)` factory whose
    instances carry `.code` (the HTML backend's error has no code of its own)."""

    def make(code: str, message: str) -> E:
        exc = error(f"{code}: {message}")
        exc.code = code  # type: ignore[attr-defined]
        return exc

    return make


# ------------------------------------------------------------------ HTML


def guard_html(
    data: bytes, error: Callable[[str, str], Exception], settings: GuardSettings | None = None
) -> None:
    """Refuse a page over `html_max_bytes` before it is decoded or parsed.

    >>> guard_html(b"<p>x</p>", coded(ValueError))
    >>> guard_html(b"x" * 2000, coded(ValueError), GuardSettings(html_max_bytes=1000))
    Traceback (most recent call last):
    ValueError: too_large: the page has 2000 bytes, more than html_max_bytes=1000
    """
    limit = (settings or guard_settings()).html_max_bytes
    if len(data) > limit:
        raise error("too_large", f"the page has {len(data)} bytes, more than html_max_bytes={limit}")


# ------------------------------------------------------------------ PDF


@dataclass(frozen=True)
class PdfScan:
    """What the byte-level scan saw: enough to decide, cheap to compute."""

    objects: int
    pages: int
    streams: int
    inflated_bytes: int
    largest_stream: int


@dataclass(frozen=True)
class GuardViolation:
    code: str
    message: str


_OBJ = re.compile(rb"(?<![0-9])(\d{1,10})[\s\x00]+(\d{1,5})[\s\x00]+obj\b")  # found by `object_headers`
_OBJ_KEYWORD = re.compile(rb"obj\b")
_HEADER_SPACE = frozenset(b" \t\n\r\f\v\x00")  # `[\s\x00]` of a bytes pattern
_SPACE_BYTES = frozenset(bytes([c]) for c in _HEADER_SPACE)  # (data[0:0] == b"" is in none)
_DIGIT = frozenset(b"0123456789")
_STREAM_KEYWORD = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_LENGTH = re.compile(rb"/Length\s+(\d{1,15})(?!\s+\d+\s+R)\b")
_FILTER = re.compile(rb"/Filter\s*(/[^\s/\[\]<>()]+|\[[^\]]*\])")
_INDIRECT_FILTER = re.compile(rb"/Filter\s+(\d{1,10})\s+\d{1,5}\s+R")
_SMALL_OBJECT = 4096  # bodies kept for indirect /Filter lookups
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_PAGE_LEAF = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_OBJSTM_N = re.compile(rb"/N\s+(\d{1,9})\b")
_OBJSTM_FIRST = re.compile(rb"/First\s+(\d{1,12})\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_REF_ONLY = re.compile(rb"[\s\x00]*(\d{1,10})[\s\x00]+\d{1,5}[\s\x00]+R[\s\x00]*$")
_COMMENT = re.compile(rb"%[^\r\n]*")
_HEADER_PAIR = re.compile(rb"(\d+)\s+(\d+)")


class _Violation(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.violation = GuardViolation(code, message)


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Inflate a zlib stream chunk by chunk; output comes in pieces of at most 64 KiB, so
    memory stays bounded whatever the ratio. A corrupt stream just ends (the parser reports it)."""
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            data = chunk
            while data:
                out = inflater.decompress(data, _INFLATE_CHUNK)
                data = inflater.unconsumed_tail
                if out:
                    yield out
                if inflater.eof:
                    return
    except zlib.error:
        return


def _pieces(data: memoryview) -> Iterator[bytes]:
    for start in range(0, len(data), _INFLATE_CHUNK):
        yield bytes(data[start : start + _INFLATE_CHUNK])


def _counted(chunks: Iterable[bytes], cap: int, keep: bool) -> tuple[int, bytes]:
    total, kept = 0, []
    for piece in chunks:
        total += len(piece)
        if total > cap:
            break
        if keep:
            kept.append(piece)
    return total, b"".join(kept)


def inflated_size(raw: bytes | memoryview, layers: int, cap: int, keep: bool = False) -> tuple[int, bytes]:
    """Bytes produced by `layers` nested Flate decodings of `raw`, counting stops past `cap`
    (so the result is at most cap + 64 KiB); with `keep`, the output itself (<= cap) too.

    >>> import zlib
    >>> inflated_size(zlib.compress(zlib.compress(b" " * 10_000)), 2, 1_000_000)[0]
    10000
    >>> inflated_size(zlib.compress(b" " * 10_000_000), 1, 1_000_000)[0] <= 1_000_000 + 65536
    True
    """
    size, content = decoded_size(raw, [b"FlateDecode"] * layers, cap, keep)
    return size or 0, content


class _Reader(io.RawIOBase):
    """A file over an iterator of byte pieces (pdfminer's LZW decoder reads from a file)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            piece = next(self._chunks, None)
            if piece is None:
                break
            self._buffer += piece
        out, self._buffer = (self._buffer, b"") if size < 0 else (self._buffer[:size], self._buffer[size:])
        return out


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    return LZWDecoder(_Reader(chunks)).run()  # type: ignore[arg-type]


def _hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCIIHexDecode in pieces: hex digits up to `>`, whitespace ignored, odd digit padded."""
    carry = b""
    for chunk in chunks:
        end = chunk.find(b">")
        digits = carry + bytes(c for c in (chunk if end == -1 else chunk[:end]) if c in _HEX_DIGITS)
        even = len(digits) - len(digits) % 2
        carry = digits[even:]
        yield bytes.fromhex(digits[:even].decode("ascii"))
        if end != -1:
            break
    if carry:
        yield bytes.fromhex((carry + b"0").decode("ascii"))


def _a85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCII85Decode in pieces (`z` is four zero bytes; `~>` ends the data); a corrupt group
    just ends the stream, as the parser would."""
    carry = b""
    for chunk in chunks:
        end = chunk.find(b"~")
        text = carry + b"".join((chunk if end == -1 else chunk[:end]).split()).replace(b"z", b"!!!!!")
        whole = len(text) - len(text) % 5
        carry = text[whole:]
        try:
            yield base64.a85decode(text[:whole])
        except ValueError:
            return
        if end != -1:
            break
    if len(carry) > 1:
        try:
            yield base64.a85decode(carry + b"u" * (5 - len(carry)))[: len(carry) - 1]
        except ValueError:
            return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """RunLengthDecode in pieces: a length byte n < 128 copies n + 1 bytes, n > 128 repeats the
    next byte 257 - n times, 128 ends."""
    data = b""
    for chunk in chunks:
        data += chunk
        out, i = bytearray(), 0
        while i < len(data):
            n = data[i]
            if n == 128:
                yield bytes(out)
                return
            if n < 128:
                if i + n + 2 > len(data):
                    break
                out += data[i + 1 : i + n + 2]
                i += n + 2
            else:
                if i + 2 > len(data):
                    break
                out += data[i + 1 : i + 2] * (257 - n)
                i += 2
            if len(out) >= _INFLATE_CHUNK:
                yield bytes(out)
                out = bytearray()
        data = data[i:]
        yield bytes(out)


_DECODERS: dict[bytes, Callable[[Iterable[bytes]], Iterator[bytes]]] = {
    b"FlateDecode": _inflate,
    b"Fl": _inflate,
    b"LZWDecode": _lzw,
    b"LZW": _lzw,
    b"ASCIIHexDecode": _hex,
    b"AHx": _hex,
    b"ASCII85Decode": _a85,
    b"A85": _a85,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
}


def _decoding(raw: bytes | memoryview, filters: Sequence[bytes]) -> Iterator[bytes] | None:
    """The decoded stream as bounded pieces, every filter streamed in turn; the chain is cut at
    the first filter a text parser does not decode (image codecs: DCT, JPX, CCITT, JBIG2), whose
    input is then what is measured. None when no filter is one of ours."""
    chunks: Iterable[bytes] = _pieces(memoryview(raw))
    followed = 0
    for name in filters:
        decoder = _DECODERS.get(name)
        if decoder is None:
            break
        chunks = decoder(chunks)
        followed += 1
    return iter(chunks) if followed else None


def decoded_size(
    raw: bytes | memoryview, filters: Sequence[bytes], cap: int, keep: bool = False
) -> tuple[int | None, bytes]:
    """Size of the decoded stream (counting stops past `cap`), None when the chain is not
    followed; with `keep`, the decoded bytes (<= cap) too."""
    chunks = _decoding(raw, filters)
    if chunks is None:
        return None, b""
    return _counted(chunks, cap, keep)


def _filters(dictionary: bytes, small: dict[int, bytes]) -> list[bytes]:
    """The filter names of a stream dictionary ([] when unfiltered); an indirect `/Filter`
    (a name or an array in another object, which readers accept) is looked up in `small`."""
    match = _FILTER.search(dictionary)
    if match is not None:
        return _NAME.findall(match.group(1))
    indirect = _INDIRECT_FILTER.search(dictionary)
    if indirect is None:
        return []
    return _NAME.findall(small.get(int(indirect.group(1)), b""))


def _objstm_objects(content: bytes, dictionary: bytes) -> list[tuple[int, bytes]]:
    """(object number, body) of each object inside an object stream."""
    n_match, first_match = _OBJSTM_N.search(dictionary), _OBJSTM_FIRST.search(dictionary)
    if n_match is None or first_match is None:
        return []
    n, first = int(n_match.group(1)), int(first_match.group(1))
    pairs = [(int(a), int(b)) for a, b in _HEADER_PAIR.findall(content[:first])][:n]
    objects = []
    for i, (number, offset) in enumerate(pairs):
        end = first + pairs[i + 1][1] if i + 1 < len(pairs) else len(content)
        objects.append((number, content[first + offset : end]))
    return objects


def _ref_only(body: bytes) -> re.Match[bytes] | None:
    """`n g R` as an object's whole value (comments and NULs count as white space, as readers
    treat them); only short bodies can be one."""
    if len(body) > 256:
        return None
    return _REF_ONLY.match(_COMMENT.sub(b" ", body))


def _check_loops(refs: dict[int, int]) -> None:
    """Objects whose whole body is a reference: follow each chain once (chains already known to
    end are not walked again, so a long chain costs linear time); a repeat is a loop."""
    ends: set[int] = set()
    for start in refs:
        path: dict[int, None] = {}
        node = start
        while node in refs and node not in ends:
            if node in path:
                raise _Violation(
                    "reference_loop",
                    f"object {node} resolves through {len(path) - list(path).index(node)} "
                    f"reference(s) back to itself",
                )
            path[node] = None
            node = refs[node]
        ends.update(path)


class ObjectHeader(NamedTuple):
    """One `n g obj` header: where it starts and ends, and its object number."""

    start: int
    end: int
    number: int


def _run_start(data: bytes, end: int, chars: frozenset[int], longest: int) -> int:
    """Where the run of `chars` that ends at `end` starts, looking back at most `longest + 1`
    bytes (a run longer than `longest` shows as `end - start > longest`)."""
    start, stop = end, max(0, end - longest - 1)
    while start > stop and data[start - 1] in chars:
        start -= 1
    return start


def object_headers(data: bytes) -> Iterator[ObjectHeader]:
    """The matches of `_OBJ` (`n g obj`: object number, generation, keyword), in order, found
    from each `obj` keyword backwards: a regular expression that starts with a digit is tried at
    every byte of the file, a literal keyword is found by a fast scan (about 30 times faster
    on the robustness corpus; tests compare the two on it and on random bytes). What precedes a
    keyword is only digits and whitespace, so each header is the unique maximal run before it,
    and two headers never overlap.

    >>> [(h.start, h.end, h.number) for h in object_headers(b"x 12 0 obj<<>>endobj 3  1\\n\\x00obj")]
    [(2, 10, 12), (21, 30, 3)]
    """
    for keyword in _OBJ_KEYWORD.finditer(data):
        end_space = keyword.start()
        start_space = _run_start(data, end_space, _HEADER_SPACE, len(data))
        if start_space == end_space:
            continue  # "endobj", "xobj": no whitespace before the keyword
        start_gen = _run_start(data, start_space, _DIGIT, 5)
        if not 1 <= start_space - start_gen <= 5 or data[start_gen - 1 : start_gen] not in _SPACE_BYTES:
            continue  # a generation of 1 to 5 digits, whitespace before it
        end_number = _run_start(data, start_gen, _HEADER_SPACE, len(data))
        start_number = _run_start(data, end_number, _DIGIT, 10)
        if not 1 <= end_number - start_number <= 10:
            continue
        yield ObjectHeader(start_number, keyword.end(), int(data[start_number:end_number]))


@dataclass(frozen=True)
class _Stream:
    number: int
    head: bytes
    start: int
    end: int


def _streams_and_objects(
    data: bytes, limits: GuardSettings
) -> tuple[list[_Stream], set[int], set[int], dict[int, int], dict[int, bytes]]:
    """One pass over the file: streams, object numbers, page objects, reference-only objects and
    small bodies. Every search is bounded by the next object or `endobj`, so the pass stays
    linear even in a file of a million `obj` keywords without one `endobj`."""
    streams: list[_Stream] = []
    objects: set[int] = set()
    pages: set[int] = set()
    refs: dict[int, int] = {}
    small: dict[int, bytes] = {}
    endobjs = [m.start() for m in re.finditer(rb"endobj", data)]
    matches = list(object_headers(data))
    skip_until = 0
    for index, match in enumerate(matches):
        if match.start < skip_until:
            continue  # an "n g obj" lookalike inside stream data
        number = match.number
        objects.add(number)
        after = bisect.bisect_left(endobjs, match.end)
        body_end = min(
            endobjs[after] if after < len(endobjs) else len(data),
            matches[index + 1].start if index + 1 < len(matches) else len(data),
        )
        keyword = _STREAM_KEYWORD.search(data, match.end, body_end)
        head = data[match.end : keyword.start() + 2 if keyword else body_end]
        ref_only = _ref_only(head) if keyword is None else None
        if ref_only is not None:
            refs[number] = int(ref_only.group(1))
        else:
            refs.pop(number, None)
        if _PAGE_LEAF.search(head):
            pages.add(number)
        else:
            pages.discard(number)
        if keyword is None:
            if len(head) <= _SMALL_OBJECT:
                small[number] = head
            continue
        length_match = _LENGTH.search(head)
        body_start = keyword.end()
        if length_match is not None:
            declared = int(length_match.group(1))
            if declared > limits.pdf_max_stream_length:
                raise _Violation(
                    "stream_too_long",
                    f"object {number} declares a {declared}-byte stream, "
                    f"more than pdf_max_stream_length={limits.pdf_max_stream_length}",
                )
            stream_end = min(body_start + declared, len(data))
        else:
            found = data.find(b"endstream", body_start)
            stream_end = found if found != -1 else len(data)
        skip_until = stream_end
        streams.append(_Stream(number, head, body_start, stream_end))
        if len(objects) > limits.pdf_max_objects:
            break
    return streams, objects, pages, refs, small


def scan_pdf(data: bytes, settings: GuardSettings | None = None) -> PdfScan:
    """Scan PDF bytes and raise `_Violation` at the first limit crossed."""
    limits = settings or guard_settings()
    view = memoryview(data)
    streams, objects, pages, refs, small = _streams_and_objects(data, limits)
    inflated = largest = 0
    # object streams first: the objects inside them count, and may hold an indirect /Filter
    for stream in sorted(streams, key=lambda s: _OBJSTM.search(s.head) is None):
        filters = _filters(stream.head, small)
        if not filters:
            continue  # unfiltered: its size is its length
        image = _IMAGE.search(stream.head) is not None
        objstm = _OBJSTM.search(stream.head) is not None
        cap = limits.pdf_max_inflated_total - inflated
        if not image:
            cap = min(cap, limits.pdf_max_inflated_stream)
        decoded, content = decoded_size(view[stream.start : stream.end], filters, cap, keep=objstm)
        if decoded is None:
            continue  # only image codecs, which a text parser never decodes
        largest = max(largest, decoded)
        inflated += min(decoded, cap)
        if decoded > cap:
            total = cap < limits.pdf_max_inflated_stream or image
            which = "all streams" if total else f"object {stream.number}"
            raise _Violation(
                "decompression_bomb",
                f"{which} decode(s) to more than {cap} bytes "
                f"(filters {b' '.join(filters).decode(errors='replace')}; "
                f"pdf_max_inflated_stream={limits.pdf_max_inflated_stream}, "
                f"pdf_max_inflated_total={limits.pdf_max_inflated_total})",
            )
        if objstm:
            for inner, body in _objstm_objects(content, stream.head):
                objects.add(inner)
                if _PAGE_LEAF.search(body):
                    pages.add(inner)
                if (ref := _ref_only(body)) is not None:
                    refs[inner] = int(ref.group(1))
                if len(body) <= _SMALL_OBJECT:
                    small.setdefault(inner, body)
    if len(objects) > limits.pdf_max_objects:
        raise _Violation(
            "too_many_objects",
            f"more than {limits.pdf_max_objects} indirect objects (pdf_max_objects)",
        )
    if len(pages) > limits.pdf_max_pages:
        raise _Violation(
            "too_many_pages", f"{len(pages)} page objects exceed pdf_max_pages={limits.pdf_max_pages}"
        )
    _check_loops(refs)
    return PdfScan(
        objects=len(objects),
        pages=len(pages),
        streams=len(streams),
        inflated_bytes=inflated,
        largest_stream=largest,
    )


def check_pdf(data: bytes, settings: GuardSettings | None = None) -> GuardViolation | None:
    """The first limit a PDF crosses, or None.

    >>> check_pdf(b"%PDF-1.4\\n1 0 obj 1 0 R endobj\\n")
    GuardViolation(code='reference_loop', message='object 1 resolves through 1 reference(s) back to itself')
    """
    try:
        scan_pdf(data, settings)
    except _Violation as exc:
        return exc.violation
    return None


def guard_pdf(
    data: bytes, error: Callable[[str, str], Exception], settings: GuardSettings | None = None
) -> None:
    """Raise `error(code, message)` when the PDF crosses a limit (called before parsing);
    nothing is checked when `pdf_scan` is off (then only the worker's deadline and memory cap
    stand between a hostile PDF and the run)."""
    limits = settings or guard_settings()
    if not limits.pdf_scan:
        return
    violation = check_pdf(data, limits)
    if violation is not None:
        raise error(violation.code, violation.message)


# ------------------------------------------------------------------ text for spaCy


_BREAKS: tuple[str, ...] = ("\n\n", "\n", ". ", "; ", ", ", " ")


def _cut(text: str, limit: int) -> int:
    """Where to end a chunk of at most `limit` characters: the last paragraph, line, sentence,
    clause or word break in its second half, else a hard cut."""
    if len(text) <= limit:
        return len(text)
    for mark in _BREAKS:
        at = text.rfind(mark, limit // 2, limit)
        if at != -1:
            return at + len(mark)
    return limit


def split_for_nlp(
    blocks: Sequence[Block], max_length: int, settings: GuardSettings | None = None
) -> list[Block]:
    """Blocks with text longer than spaCy's `max_length` (or `nlp_chunk_chars`) cut into
    consecutive chunks at natural breaks; each chunk keeps the block's place (page, bbox,
    locator) and its own `start`/`end` offsets, so evidence offsets stay exact.

    >>> from pipeline.datamodel.document import Block
    >>> parts = split_for_nlp([Block(kind="paragraph", text="One. Two. Three.", start=5, end=21)], 12)
    >>> [(p.text, p.start, p.end) for p in parts]
    [('One. Two. ', 5, 15), ('Three.', 15, 21)]
    """
    limit = min(max_length - 1, (settings or guard_settings()).nlp_chunk_chars)
    out: list[Block] = []
    for block in blocks:
        if len(block.text) <= limit:
            out.append(block)
            continue
        offset, text = 0, block.text
        while offset < len(text):
            size = _cut(text[offset:], limit)
            out.append(
                block.model_copy(
                    update={
                        "text": text[offset : offset + size],
                        "start": block.start + offset,
                        "end": block.start + offset + size,
                    }
                )
            )
            offset += size
    return out
