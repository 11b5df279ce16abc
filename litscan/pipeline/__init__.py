"""The pipeline: import files (parse → tag → store, on every core for large files), run a topic
(fetch what is new or revised from PubMed, tag, store, digest) and the bundled offline demo."""
