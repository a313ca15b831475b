"""Editorial review: ``check`` (lint-style findings and house thresholds), ``compare`` (a
draft against its edit) and ``explain`` (one rule, from its data)."""
