"""Fuzzing the reader of the store: whatever the bytes, a store error or a register."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pilot_tui.store import Store, StoreError, parse_register_bytes, read_register_file

from .helpers.safety import valid_bytes, valid_data

# -- fuzzing: only StoreError, never another exception ------------------------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["2021-12-01", "lopend", "bezig", "1", "0", "", "x" * 3]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


VALID = valid_data(3)
VALID_PATHS = list(_paths(VALID))[1:]


@st.composite
def mutated_registers(draw: st.DrawFn) -> bytes:
    data = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))[1:]
        if not paths:
            break
        where = draw(st.sampled_from(paths))
        parent = data
        for key in where[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "delete", "rename"]))
        if action == "set":
            parent[where[-1]] = draw(json_values)
        elif action == "delete":
            del parent[where[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = parent.pop(where[-1])
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    raw = bytearray(valid_bytes(2))
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip":
            raw[i] = draw(st.integers(0, 255))
        elif action == "insert":
            raw[i:i] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del raw[i : i + draw(st.integers(1, 8))]
        else:
            del raw[i:]
        if not raw:
            break
    return bytes(raw)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def open_bytes(folder: Path, raw: bytes) -> None:
    """Write ``raw`` as a register and open it every way; only StoreError may come out."""
    path = folder / "store.json"
    path.write_bytes(raw)
    try:
        parse_register_bytes(path, raw)
    except StoreError as exc:
        assert "\n" not in str(exc)
    try:
        read_register_file(path)
        readable = True
    except StoreError:
        readable = False
    try:
        with Store.open(path, readonly=True) as store:
            register = store.register
    except StoreError as exc:
        assert "\n" not in str(exc) and path.name in str(exc)
        assert path.read_bytes() == raw
        assert not readable
        return
    assert readable
    # Accepted: then it must also save and read back the same register.
    with Store.open(path, daily_backup=False) as store:
        store.save_all()
    with Store.open(path, readonly=True) as store:
        assert store.register == register


@FUZZ
@given(raw=st.binary(max_size=300))
def test_fuzz_arbitrary_bytes(fuzz_dir: Path, raw: bytes) -> None:
    open_bytes(fuzz_dir, raw)


@FUZZ
@given(
    raw=st.text(alphabet=st.sampled_from('{}[]":,0123456789.-+eE \n\\u"abmetapilots'), max_size=80)
)
def test_fuzz_json_like_text(fuzz_dir: Path, raw: str) -> None:
    open_bytes(fuzz_dir, raw.encode("utf-8"))


@FUZZ
@given(raw=mutated_registers())
def test_fuzz_mutated_registers(fuzz_dir: Path, raw: bytes) -> None:
    open_bytes(fuzz_dir, raw)


@FUZZ
@given(raw=byte_mutations())
def test_fuzz_byte_mutations(fuzz_dir: Path, raw: bytes) -> None:
    assume(raw != valid_bytes(2))
    open_bytes(fuzz_dir, raw)
