"""marsad.open_store: the store as DataFrames / Arrow tables."""

from __future__ import annotations

import pytest

import marsad


@pytest.fixture(scope="module")
def store(demo_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("frames")
    marsad.run([str(demo_dir)], out, quiet=True)
    with marsad.open_store(out / "marsad.duckdb") as s:
        yield s


def test_documents_frame_has_one_row_per_input(store, demo_dir):
    docs = store.documents()
    assert len(docs) >= 20 and set(docs["status"]) == {"ok"}
    assert "text" not in docs.columns and "text" in store.documents(with_text=True).columns


def test_events_filter_by_arabic_or_english_name(store):
    ar = store.events(actor="شويغو")
    en = store.events(actor="Shoigu")
    assert len(ar) > 0 and list(ar["event_id"]) == list(en["event_id"])


def test_arrow_and_pandas_agree(store):
    table = store.events(as_arrow=True, type="CONSULT")
    df = store.events(type="CONSULT")
    assert table.num_rows == len(df) > 0 and set(df["type"]) == {"CONSULT"}


def test_actors_and_graph(store):
    actors = store.actors(top=5)
    assert len(actors) == 5 and actors["n_events"].is_monotonic_decreasing
    assert len(store.graph()) > 0


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no Marsad store"):
        marsad.open_store(tmp_path / "nope.duckdb")
