"""Tagging: what a record is about (on topic, conditions, routes, design), each tag with the text that
decided it. The vocabulary is data (``queries/*.vocab.toml``); the rules that read it live here, with
``explain`` (why a record got its tags) and ``evaluate`` (scores against hand-labelled records)."""
