"""The on-disk cache of parsed knowledge: rebuilt when the source changes, never required."""

from __future__ import annotations

from marsad.knowledge import cache


def test_yaml_is_parsed_once_and_reparsed_when_edited(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "actors.yaml"
    src.write_text("- id: a\n  name_ar: روسيا\n", encoding="utf-8")
    assert cache.load_yaml(src) == [{"id": "a", "name_ar": "روسيا"}]
    assert len(list((tmp_path / "cache" / "marsad").glob("actors-*.pickle"))) == 1
    src.write_text("- id: b\n", encoding="utf-8")
    assert cache.load_yaml(src) == [{"id": "b"}]


def test_cached_pickle_builds_once_and_rejects_foreign_values(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"v": 1}

    assert cache.cached_pickle("x", "k1", build) == {"v": 1}
    assert cache.cached_pickle("x", "k1", build) == {"v": 1} and len(calls) == 1
    assert cache.cached_pickle("x", "k1", build, accept=lambda v: False) == {"v": 1} and len(calls) == 2
    cache.cached_pickle("x", "k2", build, prune=True)
    assert [p.name for p in (tmp_path / "marsad").glob("x-*.pickle")] == ["x-k2.pickle"]


def test_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(blocker))
    assert cache.cached_pickle("y", "k", lambda: 42) == 42
