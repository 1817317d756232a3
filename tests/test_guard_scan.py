"""The guard's object-header scan (`object_headers`, from each `obj` keyword backwards) finds
exactly what the regular expression `_OBJ` finds: on every PDF of the robustness corpus and the
sample, on random bytes made of the characters a header is made of, and on the edge cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.backend.guards import _OBJ, object_headers

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"
CORPUS = sorted(ROBUSTNESS.glob("*.pdf")) if ROBUSTNESS.is_dir() else []
SAMPLES = sorted((ROOT / "raw").rglob("*.pdf"))
needs_corpus = pytest.mark.skipif(not CORPUS, reason=f"robustness corpus not found at {ROBUSTNESS}")


def _by_regex(data: bytes) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), int(m.group(1))) for m in _OBJ.finditer(data)]


def _by_scan(data: bytes) -> list[tuple[int, int, int]]:
    return [(h.start, h.end, h.number) for h in object_headers(data)]


@needs_corpus
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_headers_equal_the_regexs_on_the_robustness_corpus(path: Path) -> None:
    data = path.read_bytes()
    assert _by_scan(data) == _by_regex(data)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_headers_equal_the_regexs_on_the_sample(path: Path) -> None:
    data = path.read_bytes()
    found = _by_scan(data)
    assert found == _by_regex(data)
    assert len(found) > 5


# the bytes a header is made of, and its neighbours: digits, whitespace, NUL, the keyword's
# letters, "end" (endobj), a word character and a delimiter
ALPHABET = [
    b"0",
    b"1",
    b"7",
    b" ",
    b"\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\x0c",
    b"obj",
    b"o",
    b"j",
    b"end",
    b"x",
    b"_",
    b"<",
]


@pytest.mark.parametrize("seed", range(12))
def test_headers_equal_the_regexs_on_random_header_like_bytes(seed: int) -> None:
    rng = random.Random(seed)
    data = b"".join(rng.choice(ALPHABET) for _ in range(20_000))
    found = _by_scan(data)
    assert found == _by_regex(data)
    assert found  # the alphabet makes headers often enough for the comparison to mean something


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"1 0 obj", [(0, 7, 1)]),
        (b"12345678901 0 obj", []),  # an object number of 11 digits: no header
        (b"x1234567890 0 obj", [(1, 17, 1234567890)]),
        (b"1 123456 obj", []),  # a generation of 6 digits
        (b"1 0obj", []),  # no whitespace before the keyword
        (b"1 0 objx", []),  # a longer word
        (b"1 0 obj_", []),
        (b"1 0 obj<<", [(0, 7, 1)]),
        (b"1\x00\x00 0\x00obj", [(0, 9, 1)]),
        (b"1 2 3 obj", [(2, 9, 2)]),  # the last two numbers before the keyword
        (b"0 obj", []),  # one number only
        (b" 5 0 obj 6 0 obj", [(1, 8, 5), (9, 16, 6)]),
        (b"endobj 7 0 obj", [(7, 14, 7)]),
    ],
)
def test_header_edge_cases(data: bytes, expected: list[tuple[int, int, int]]) -> None:
    assert _by_scan(data) == expected == _by_regex(data)
