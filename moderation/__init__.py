"""Keeping member text safe, as a library of functions of text.

``sanitize`` turns Markdown into safe HTML; ``crisis`` and ``personal_data``
find crisis language and personal details, and ``safety`` combines them for
the author's safety panel; ``rules`` applies watched words and link limits.
Nothing here imports the app: the forum keeps the data (watched words, the
review queue, the audit log) and calls in.
"""
