"""Marsad's knowledge base: actors, their Arabic names, offices held over time (data in YAML).

``load_actors()`` returns the cached :class:`ActorIndex`; see ``README.md`` for the file schema.
"""

from marsad.knowledge.loader import Actor, ActorIndex, AmbiguityRule, Role, load_actors

__all__ = ["Actor", "ActorIndex", "AmbiguityRule", "Role", "load_actors"]
