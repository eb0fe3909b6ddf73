"""Keeping posts safe: sanitizing, and (later) flags, review and audit.

This package never imports a view; the forum calls into it.
"""
