"""Verb-named actions: each owns its transaction and keeps counters in step.

Views parse input and check permissions, then call one action. Actions raise
``ActionError`` with a message fit to show a person when a rule refuses them.
"""


class ActionError(ValueError):
    """A request that breaks a rule; ``str(error)`` is shown to the user."""
