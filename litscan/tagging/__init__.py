"""Tagging: what a record is about (on topic, conditions, routes, design), each tag with the text that
decided it. The vocabulary (``queries/*.vocab.toml``) and the sentence cues (``cues.toml``) are data;
``tagger`` runs the rules over a ``document``: ``cues`` say which sentences describe the study,
``conditions``, ``routes``, ``design`` and ``on_topic`` decide one thing each. ``explain`` says why a
record got its tags, ``evaluate`` scores the tagger against hand-labelled records."""
