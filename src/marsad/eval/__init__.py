"""Evaluation helpers: score Marsad's output against gold annotations (used by scripts/eval_*.py)."""

from marsad.eval.mentions import MentionScore, score_actor_mentions, score_place_mentions

__all__ = ["MentionScore", "score_actor_mentions", "score_place_mentions"]
