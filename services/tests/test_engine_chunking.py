"""Chunk planning: windows cover the text, own disjoint spans and never cut a token."""

from __future__ import annotations

import itertools
import random

import pytest

from redacta.engine import chunking


def _words(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)  # noqa: S311 - deterministic corpus
    vocab = ["alpha", "beta", "gamma", "delta", "John", "Smith", "works", "in", "Paris"]
    out = []
    for i in range(n):
        out.append(rng.choice(vocab))
        out.append("." if i % 13 == 12 else "")
        out.append("\n\n" if i % 97 == 96 else ("\n" if i % 31 == 30 else " "))
    return "".join(out)


def _check_partition(text: str, chunks: list[chunking.Chunk]) -> None:
    assert chunks[0].own_start == 0
    assert chunks[-1].own_end == len(text)
    for left, right in itertools.pairwise(chunks):
        assert left.own_end == right.own_start
    for chunk in chunks:
        assert chunk.start <= chunk.own_start < chunk.own_end <= chunk.end


def _is_token_edge(text: str, pos: int) -> bool:
    return pos in (0, len(text)) or text[pos - 1].isspace() or text[pos].isspace()


def test_short_text_is_one_chunk_without_margins() -> None:
    text = "John Smith lives in Paris."
    assert list(chunking.plan(text)) == [chunking.Chunk(0, len(text), 0, len(text))]


def test_empty_text_has_no_chunks() -> None:
    assert list(chunking.plan("")) == []


@pytest.mark.parametrize("target", [64, 300, chunking.TARGET_CHARS])
def test_chunks_partition_the_text_on_token_edges(target: int) -> None:
    text = _words(6000)
    chunks = list(chunking.plan(text, target))
    assert len(chunks) > 3
    _check_partition(text, chunks)
    for chunk in chunks:
        for pos in (chunk.start, chunk.end, chunk.own_start, chunk.own_end):
            assert _is_token_edge(text, pos), (target, pos)
        assert chunk.own_end - chunk.own_start <= target + target // 2 + 1


def test_boundaries_prefer_paragraphs_then_sentences() -> None:
    para = ("word " * 300).strip() + ".\n\n"
    text = para * 10
    cuts = chunking.boundaries(text, chunking.TARGET_CHARS)[1:-1]
    assert cuts
    assert all(text[cut - 2 : cut] == "\n\n" for cut in cuts)


def test_margins_reach_into_neighbours() -> None:
    text = _words(3000)
    chunks = list(chunking.plan(text))
    inner = chunks[1:-1]
    assert inner
    for chunk in inner:
        assert chunk.own_start - chunk.start >= chunking.MARGIN_CHARS // 2
        assert chunk.end - chunk.own_end >= chunking.MARGIN_CHARS


def test_a_giant_token_is_cut_only_when_unavoidable() -> None:
    blob = "x" * (chunking.MAX_TOKEN * 3)
    text = f"start {blob} end " + "word " * 2000
    chunks = list(chunking.plan(text))
    _check_partition(text, chunks)
    hard_cuts = [c.own_end for c in chunks if not _is_token_edge(text, c.own_end)]
    # Inside the blob only, and at most one cut per MAX_TOKEN-bounded search.
    assert all(6 <= cut < 6 + len(blob) for cut in hard_cuts)


def test_owns_is_half_open() -> None:
    chunk = chunking.Chunk(0, 100, 10, 20)
    assert chunk.owns(10)
    assert chunk.owns(19)
    assert not chunk.owns(20)
    assert not chunk.owns(9)
