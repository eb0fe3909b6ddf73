"""The demo community behind ``flask --app forum seed-demo``.

``content`` holds the data (groups, people and their conversations) and
``seed`` builds it through the ordinary actions, then spreads the timestamps
over the last couple of months so the site looks lived in.
"""
