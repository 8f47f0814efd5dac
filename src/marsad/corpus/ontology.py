"""Knowledge the cross-document pass needs: quad classes, type compatibility, date slack (data files).

The quad class of each PLOVER type comes from the events stage's ontology
(``marsad/events/data/plover.yaml``) when it is installed, else from ``data/ontology.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Ontology:
    """Type → quad class, quad weights, compatible type pairs and date tolerances."""

    quad: dict[str, str]
    weights: dict[str, int]
    compatible: frozenset[frozenset[str]]
    date_slack_days: dict[str, int]
    undated_window_days: int

    @property
    def types(self) -> list[str]:
        """Every PLOVER type known, in ontology order."""
        return list(self.quad)

    def compatible_types(self, a: str | None, b: str | None) -> bool:
        """Whether two outlets could have coded one happening as ``a`` and ``b``."""
        return a == b or frozenset((a, b)) in self.compatible

    def type_group(self, t: str | None) -> str:
        """A key shared by all types compatible with ``t`` (for blocking candidate pairs)."""
        members = {t}
        for pair in self.compatible:
            if t in pair:
                members |= pair
        return "|".join(sorted(str(m) for m in members))


def _read(package: str, name: str) -> Any:
    path = resources.files(package).joinpath(name)
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text("utf-8"))


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Parse the data files once."""
    own = _read("marsad.corpus", "data/ontology.yaml")
    quad = dict(own["quad_fallback"])
    try:
        plover = _read("marsad.events", "data/plover.yaml")
    except ModuleNotFoundError:  # events stage not installed: the fallback table is complete
        plover = None
    if plover and plover.get("types"):
        quad = {t: spec["quad"] for t, spec in plover["types"].items() if spec.get("quad") in QUADS} or quad
    return Ontology(
        quad=quad,
        weights={q: int(w) for q, w in own["quad_weights"].items()},
        compatible=frozenset(frozenset(p) for p in own.get("compatible_types") or ()),
        date_slack_days={k: int(v) for k, v in (own.get("date_slack_days") or {}).items()},
        undated_window_days=int(own.get("undated_window_days", 30)),
    )


@lru_cache(maxsize=1)
def load_acled_mapping() -> dict[str, Any]:
    """The PLOVER → ACLED mapping (``data/acled.yaml``)."""
    return _read("marsad.corpus", "data/acled.yaml")
