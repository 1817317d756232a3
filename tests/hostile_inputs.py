"""Builders of hostile input files, generated on the fly (nothing hostile is committed).

Shared by `tests/test_hostile.py` (small but representative sizes) and
`benchmarks/hostile.py` (full sizes, measured). Every builder is deterministic.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence

MIB = 1024 * 1024
_CHUNK = MIB


def pdf_file(objects: Sequence[bytes], *, root: int = 1, info: int | None = None) -> bytes:
    """A PDF with a classic xref table from numbered object bodies (object n is objects[n-1])."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def deflate_repeated(byte: bytes, size: int, *, level: int = 9) -> bytes:
    """zlib stream of `size` copies of one byte, compressed chunk by chunk (bounded memory)."""
    compressor = zlib.compressobj(level)
    block = byte * _CHUNK
    parts = []
    for _ in range(size // _CHUNK):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(byte * (size % _CHUNK)))
    parts.append(compressor.flush())
    return b"".join(parts)


def _one_page(
    content_obj: bytes, *, media_box: bytes = b"[0 0 612 792]", extra: Sequence[bytes] = ()
) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + media_box
        + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        content_obj,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    return pdf_file(objects)


def flate_bomb_pdf(fill: bytes = b" ", size: int = 1024 * MIB) -> bytes:
    """One page whose content stream inflates to `size` bytes of `fill` (spaces or zeros)."""
    packed = deflate_repeated(fill, size)
    return _one_page(stream(packed, b"/Filter /FlateDecode "))


def double_flate_bomb_pdf(size: int = 1024 * MIB) -> bytes:
    """The bomb compressed twice: /Filter [/FlateDecode /FlateDecode]."""
    packed = zlib.compress(deflate_repeated(b" ", size), 9)
    return _one_page(stream(packed, b"/Filter [/FlateDecode /FlateDecode] "))


def scattered_runs_pdf(runs: int = 5000, seed: int = 12) -> bytes:
    """One page with `runs` short text runs at pseudo-random places (a layout stress test)."""
    rng = random.Random(seed)
    ops = []
    for _ in range(runs):
        x, y = rng.uniform(20, 580), rng.uniform(20, 770)
        size = rng.choice((6, 8, 9, 11))
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 7)))
        ops.append(b"BT /F1 %d Tf %.2f %.2f Td (%s) Tj ET" % (size, x, y, word.encode()))
    return _one_page(stream(b"\n".join(ops)))


def self_referencing_mediabox_pdf() -> bytes:
    """`/MediaBox 6 0 R` where object 6 is `6 0 R`: resolving it never ends in naive readers."""
    return _one_page(stream(b"BT /F1 12 Tf 72 700 Td (hello) Tj ET"), media_box=b"6 0 R", extra=[b"6 0 R"])


def many_pages_pdf(pages: int = 10_000) -> bytes:
    """`pages` blank pages under one page-tree node."""
    first_page = 3
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages,
    ]
    return pdf_file(objects)


def html_page(title: str, body: str) -> bytes:
    return (
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body><main><h1>"
        + title
        + "</h1>"
        + body
        + "</main></body></html>"
    ).encode("utf-8")


def huge_html(size: int = 200 * MIB) -> bytes:
    """An HTML page of about `size` bytes of paragraphs."""
    head = html_page("Large page", "")[: -len("</main></body></html>")]
    para = b"<p>Regional agencies publish long reports about many topics every year.</p>\n"
    count = max(0, (size - len(head)) // len(para))
    return head + para * count + b"</main></body></html>"


def invalid_utf8_html() -> bytes:
    """No declared charset and bytes that are not UTF-8 (a lone 0xff, a cut sequence)."""
    return b"<!doctype html><html><body><main><p>Caf\xff \xe2\x82 annual report</p></main></body></html>"


def markup_title_html() -> bytes:
    """Markup and script in the title and headings, escaped in the source: text, never markup."""
    title = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onmouseover=x()&gt;Annual review&lt;/b&gt;"
    body = (
        "<p>The regional office published its annual review of funding programmes this week.</p>"
        "<p>It lists workshops, open calls and contact points for applicants.</p>"
    )
    return html_page(title, body)


def lzw_zeros(size: int) -> bytes:
    """An LZWDecode stream of `size` zero bytes (PDF's LZW: 9-12 bit codes, early change).

    Each code is the previous string plus one more zero, so a table of 4,096 entries yields
    about 7 MB; the table is then cleared and the run goes on."""
    bits: list[str] = []
    width, table, produced, length = 9, 258, 0, 0

    def emit(code: int) -> None:
        bits.append(format(code, f"0{width}b"))

    emit(256)
    emit(0)
    produced, length = 1, 1
    while produced < size:
        emit(table)
        table += 1
        length += 1
        produced += length
        width = {511: 10, 1023: 11, 2047: 12}.get(table, width)
        if table >= 4094 and produced < size:
            emit(256)
            width, table = 9, 258
            emit(0)
            produced, length = produced + 1, 1
    emit(257)
    stream_bits = "".join(bits)
    stream_bits += "0" * (-len(stream_bits) % 8)
    return int(stream_bits, 2).to_bytes(len(stream_bits) // 8, "big")


def lzw_bomb_pdf(size: int = 1024 * MIB) -> bytes:
    """One page whose content stream is an LZW bomb of zeros."""
    return _one_page(stream(lzw_zeros(size), b"/Filter /LZWDecode "))


def objstm_pages_pdf(pages: int) -> bytes:
    """`pages` page objects stored inside a compressed object stream (invisible to a raw scan).

    Only for the byte-level guard: without an xref stream, readers cannot locate them."""
    first_page = 4
    bodies = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    offsets, position = [], 0
    for body in bodies:
        offsets.append(position)
        position += len(body) + 1
    header = b" ".join(b"%d %d" % (first_page + i, off) for i, off in enumerate(offsets)) + b"\n"
    content = header + b"\n".join(bodies) + b"\n"
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        stream(
            zlib.compress(content),
            b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode " % (pages, len(header)),
        ),
    ]
    return pdf_file(objects)


def evasive_bombs() -> dict[str, bytes]:
    """Bombs dressed to slip past a guard that only follows plain Flate chains."""
    zeros = deflate_repeated(b"\0", 32 * MIB)
    hexed = zlib.compress(zeros.hex().encode() + b">", 9)
    return {
        "flate_hex_flate": _one_page(
            stream(hexed, b"/Filter [/FlateDecode /ASCIIHexDecode /FlateDecode] ")
        ),
        "indirect_filter": _one_page(stream(zeros, b"/Filter 6 0 R "), extra=[b"[/FlateDecode]"]),
        "run_length": _one_page(stream(b"\x81\0" * (256 * 1024) + b"\x80", b"/Filter /RunLengthDecode ")),
        "a85_then_flate": _one_page(
            stream(__import__("base64").a85encode(zeros) + b"~>", b"/Filter [/A85 /Fl] ")
        ),
    }


def slow_under_caps_pdf() -> bytes:
    """A page of 15 MiB of zeros: under every guard cap, yet pdfminer's tokenizer spends about
    10 s of CPU on it. What the guards let through is the worker deadline's job: this is the
    input for testing that deadline."""
    return flate_bomb_pdf(b"\0", 15 * MIB)


def heavy_under_caps_pdf(streams: int = 15) -> bytes:
    """One page drawn from `streams` content streams of 15 MiB of spaces each: every stream is
    under `pdf_max_inflated_stream` and all under `pdf_max_inflated_total`, yet the parser holds
    them together (about 240 MiB above its baseline here). The input for testing a worker's
    memory cap below that."""
    packed = stream(deflate_repeated(b" ", 15 * MIB), b"/Filter /FlateDecode ")
    contents = b" ".join(b"%d 0 R" % (4 + i) for i in range(streams))
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + contents + b"] >>",
            *[packed] * streams,
        ]
    )
