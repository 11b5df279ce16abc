"""PubMed in, records out: the E-utilities client, its pacing and date windows, and the readers of
PubMed XML and MEDLINE text that turn what PubMed sends into ``Record`` and ``Deletion`` values."""
