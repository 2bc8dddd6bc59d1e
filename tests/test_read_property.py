"""Property: whatever bytes come in, the reader returns a consistent cable or raises CableError.

Random bytes, random text and cable text mutated (cut, spliced, characters swapped, markup
inserted) must never raise anything else, and every cable it does return keeps the
invariants the extractors rely on: paragraph texts are exact slices of the stored body, keys
are unique, the hash is the body's.
"""

from __future__ import annotations

import hashlib

from conftest import seed_path
from engagements.extract.read import read_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagements.errors import CableError

SEEDS = [seed_path("000").read_bytes(), seed_path("004").read_bytes()]
SNIPPETS = [
    "¶", "1. (C) ", "\n9. (S//NF) ", "(S NF)", "SECTION 02 OF 03", "LIMA 00001661 002 OF 002",
    "&amp;", "&", "<", "<a id='par3' href='#par3'>¶</a>3. ", "\u2028", "\t", "XХX", "´", "\r\n",
    "TAGS ", "SUBJECT: ", "REF: A. STATE 1 B. ", "E.O. 12958: DECL: 1/2/03", "Classified By: ",
    "<code><pre>", "</pre></code>", "<table class='cable'>", "VZCZC", "\x00", " ...", '",',
    "-------- HEADING --------", "11. (U) ",
]

# per test, not a global profile: other modules keep their own hypothesis settings
READER = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes) -> None:
    try:
        doc = read_bytes(data, "fuzz/input.txt")
    except CableError as err:
        assert err.code and "fuzz/input.txt" in str(err)
        assert "reader failed" not in str(err), str(err)  # an internal error, not a reason
        return
    body = doc.text.body
    assert doc.cable.body_sha256 == doc.text.body_sha256 == hashlib.sha256(body.encode("utf-8")).hexdigest()
    numbers = [p.paragraph_number for p in doc.paragraphs]
    assert len(numbers) == len(set(numbers))
    assert doc.cable.paragraph_count == len(doc.paragraphs)
    for p in doc.paragraphs:
        assert 0 <= p.char_start <= p.char_end <= len(body)
        assert body[p.char_start:p.char_end] == p.text
    assert [t.position for t in doc.tags] == list(range(1, len(doc.tags) + 1))


@given(st.binary(max_size=2000))
@READER
def test_random_bytes(data):
    check(data)


@given(st.text(max_size=2000))
@READER
def test_random_text(text):
    check(text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace").encode("utf-8"))


@st.composite
def mutated_seed(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cut", "insert", "delete", "swap"]))
        at = draw(st.integers(0, len(data)))
        if op == "cut":
            data = data[:at] if draw(st.booleans()) else data[at:]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(SNIPPETS)).encode("utf-8")
        elif op == "delete":
            del data[at: at + draw(st.integers(1, 200))]
        elif data:
            i = min(at, len(data) - 1)
            data[i] = draw(st.integers(0, 255))
    return bytes(data)


@given(mutated_seed())
@READER
def test_mutated_cables(data):
    check(data)


@given(st.lists(st.sampled_from(SNIPPETS + ["word ", "\n", "\n\n", "2. ", "(C) "]), max_size=60))
@READER
def test_cable_like_snippets(parts):
    check("".join(parts).encode("utf-8"))
