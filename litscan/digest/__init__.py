"""The digest: a topic's records of one period as a self-contained HTML page with an evidence map, its
CSV/RIS/BibTeX files, the archive page and Atom feed of every digest, and the optional e-mail."""
