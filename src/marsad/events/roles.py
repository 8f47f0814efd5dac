"""Role repairs applied to one event after the clause rules of :mod:`marsad.events.arguments`.

Each function takes the actor and recipient lists an event has so far and returns them corrected
for one grammatical construction the clause rules cannot see on their own. They are small and
independent so that each can be measured (and dropped) on its own.
"""

from __future__ import annotations

from typing import Any

from marsad.events.text import norm_word

Refs = list[dict[str, Any]]
# Words between a joint-happening noun and the parties of its relative clause («قمة ثلاثية جمعت
# الرئيس الروسي …», «مذكرة التفاهم التي وقّعها الرئيسان …»).
_JOINT_REACH = 6


def split_joint_parties(etype: str, actor: Refs, recipient: Refs, symmetric: frozenset[str],
                        between: list[str] | None, joint_verbs: frozenset[str]) -> tuple[Refs, Refs]:
    """Joint happenings (CONSULT, AGREE, COOPERATE) always have an actor when parties are named.

    «قمة ثلاثية جمعت الرئيس الروسي فلاديمير بوتين ونظيريه …», «مذكرة التفاهم التي وقّعها الرئيسان
    بوتين وأردوغان»: the parties stand in an object or relative position, so the clause rules give
    them all as recipients and no actor. The seed gold's convention for joint happenings is the
    first party as actor and the others as recipients.

    ``between`` holds the normalised words between the trigger and the recipients' group: only
    parties named by a relative verb close after the trigger (cues.yaml ``joint_party_verbs``)
    are split; a genitive or a group in another clause stays as it is.
    """
    if etype in symmetric and not actor and len(recipient) > 1 and between is not None \
            and len(between) <= _JOINT_REACH and any(w in joint_verbs or _bare(w) in joint_verbs for w in between):
        return recipient[:1], recipient[1:]
    return actor, recipient


def _bare(w: str) -> str:
    """A word without a leading conjunction («وجمعت» → «جمعت»)."""
    return w[1:] if w[:1] in "وف" and len(w) > 3 else w



_CUE_SETS: dict[tuple[int, str], tuple[Any, frozenset[str]]] = {}


def cue_words(raw_cues: dict[str, Any], section: str, key: str) -> frozenset[str]:
    """Normalised words of a cues.yaml list (``raw_cues[section][key]``), built once per lexicon."""
    lst = (raw_cues.get(section) or {}).get(key) or ()
    got = _CUE_SETS.get((id(lst), key))
    if got is None or got[0] is not lst:
        got = (lst, frozenset(norm_word(w) for w in lst))
        _CUE_SETS[(id(lst), key)] = got
    return got[1]
