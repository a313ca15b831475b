"""Stories: the tellings of one event by different outlets, and outlets compared on them.

:mod:`.signature` (what an article is about), :mod:`.grouping` (which articles tell one
event), :mod:`.table` (the story table), :mod:`.paired` (outlet effects with intervals).
"""

from .grouping import Stories, StoryItem, group_stories
from .paired import outlet_effects, story_values
from .signature import story_signature
from .table import group_analyses, story_frame, story_item

__all__ = [
    "Stories", "StoryItem", "group_analyses", "group_stories", "outlet_effects",
    "story_frame", "story_item", "story_signature", "story_values",
]
