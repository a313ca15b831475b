"""Stories: the tellings of one event by different outlets, and outlets compared on them."""

from .grouping import Stories, StoryItem, group_stories
from .signature import story_signature

__all__ = ["Stories", "StoryItem", "group_stories", "story_signature"]
