"""Tagging: on_topic, conditions, routes and design, each with the evidence that decided it.

New records in a weekly digest have no MeSH yet, so everything is read from
the title and abstract; MeSH headings and publication types support the
reading when a record has them. The vocabulary (``queries/*.vocab.toml``)
says what the words are; the rules say which mentions count:

* A word counts when it describes the record's *own study*: the title, the
  objective, methods and results. Background sentences, comparisons with
  other work, exclusion criteria, treatment patients had before the study
  and calls for future research do not make a label (``cues``).
* A route belongs to the drug it is attached to: "oral morphine" says nothing
  of ketamine; "ketamine was given intravenously" does (``routes``).
* The design is the highest-priority design the abstract states of its own
  study; PubMed's publication types fill in only where the abstract is silent (``design``).
* Which conditions count is ``conditions``; whether the record is on topic at all, ``on_topic``.

This module compiles the vocabulary once, runs one pass of the pattern index
over each record (speed matters: tagging runs inside every import) and
assembles the decisions into ``Tags``.
"""

from __future__ import annotations

import functools
import hashlib
from bisect import bisect_right
from pathlib import Path

from ..config import Topic
from ..models import Evidence, Record, Tags
from . import regex_programs
from .abbreviations import abbreviated_mentions, defined_otherwise
from .animal_models import opioid_hyperalgesia_only
from .compiled import CompiledVocabulary
from .conditions import Conditions, population_conditions
from .context import CONTEXT_FILE
from .context import apply as apply_context
from .cues import CUES_FILE, classify, is_counted
from .design import study_design
from .document import Document, Hit
from .on_topic import on_topic
from .routes import drug_routes
from .vocabulary import Vocabulary, load_vocabulary

RULES_VERSION = "45"  # bump when a rule or a cue changes: stored records are then re-tagged
# Rule data beside the code: the fingerprint follows their bytes too, so editing one re-tags.
RULE_FILES = (CUES_FILE, CONTEXT_FILE)


def _not_narrowed(general: str, population: Evidence) -> Conditions:
    """A chronic pain population that no condition row names (patients of a pain clinic, an animal model of
    adjuvant arthritis) is chronic pain not narrowed to a row: the general one, on the population's evidence."""
    reason = f"chronic pain not narrowed to a condition row: {population.reason}"
    evidence = Evidence(population.field, population.text, reason, population.start, population.end)
    return Conditions({general: (evidence,)}, frozenset())


class Tagger:
    """Labels records with one topic's vocabulary; ``tagger(record)`` returns ``Tags``."""

    def __init__(self, vocabulary: Vocabulary | Path | str) -> None:
        self.vocabulary = vocabulary if isinstance(vocabulary, Vocabulary) else load_vocabulary(vocabulary)
        self.vocabulary_path = self.vocabulary.path
        rules = hashlib.sha1(b"".join(path.read_bytes() for path in RULE_FILES)).hexdigest()
        self.fingerprint = hashlib.sha1(f"{self.vocabulary.fingerprint}:{RULES_VERSION}:{rules}".encode()).hexdigest()[
            :12
        ]
        self.compiled = CompiledVocabulary(self.vocabulary)
        regex_programs.save()  # the next command builds this tagger from the programs kept

    @staticmethod
    def keep_compiled() -> None:
        """Keep the programs of the expressions compiled while tagging, for the next command (``regex_programs``)."""
        regex_programs.save()

    @classmethod
    def for_topic(cls, topic: Topic) -> Tagger:
        """The tagger of the topic's vocabulary, built once per process for the file's content.

        Building one takes a few tenths of a second (the vocabulary read and validated, every
        pattern compiled); a notebook, the web app or a run of several commands in one process asks
        again and again. A tagger is never changed once built, and an edited file is a new key.
        """
        path = Path(topic.vocabulary_path)
        try:
            content = path.read_bytes()
        except OSError:
            return cls(path)  # let the vocabulary loader say what is wrong with it
        return _built(path.resolve(), hashlib.sha1(content).hexdigest())

    def __call__(self, record: Record) -> Tags:
        return self.tag(record)

    def tag(self, record: Record) -> Tags:
        doc = self.read(record)
        compiled = self.compiled
        design, design_evidence = study_design(doc, compiled)
        conditions = population_conditions(doc, compiled, design)
        routes = drug_routes(doc, compiled, design=design)
        topical, on_topic_evidence = on_topic(doc, compiled, conditions, design, routes)
        if topical and not conditions.evidence and compiled.general_condition:
            conditions = _not_narrowed(compiled.general_condition, on_topic_evidence[0])
        return Tags(
            on_topic=topical,
            conditions=tuple(conditions.evidence),
            routes=tuple(routes),
            design=design,
            on_topic_evidence=tuple(on_topic_evidence),
            design_evidence=tuple(design_evidence),
            condition_evidence=conditions.evidence,
            route_evidence=routes,
        )

    def read(self, record: Record) -> Document:
        """The record as a document: its hits found, its sentences marked by the cues."""
        doc = Document(record)
        self._match(doc)
        learned = abbreviated_mentions(doc)
        if learned:
            doc.add_hits(learned)
        other = defined_otherwise(doc) + opioid_hyperalgesia_only(doc)
        if other:
            doc.remove_hits(other)
        classify(doc.sentences)
        apply_context(doc, self.compiled.context_rules)
        return doc

    def _match(self, doc: Document) -> None:
        """One pass of the pattern index: vocabulary hits into ``doc.hits``, cue flags onto sentences."""
        entries = self.compiled.entries
        cue_flags = self.compiled.cue_flags
        counted = self.compiled.counted_cues
        sentences = doc.sentences
        starts = doc.sentence_starts
        hits = []
        for index, start, end in self.compiled.index.find(doc.text, doc.lower):
            flag = cue_flags[index]
            if flag:  # a cue only marks its sentence (read by ``cues.classify``)
                sentence = sentences[bisect_right(starts, start) - 1]
                if sentence.cues & flag:
                    continue  # marked already: a count need not be checked again
                if index not in counted or is_counted(doc.lower, sentence.start, start):
                    sentence.cues |= flag
                continue
            entry = entries[index]
            hits.append(Hit(entry.kind, entry.ident, start, end, bisect_right(starts, start) - 1, entry))
        doc.set_hits(hits)  # in text order, as found


@functools.lru_cache(maxsize=8)
def _built(path: Path, content_sha1: str) -> Tagger:
    """One tagger per vocabulary file and content (``content_sha1`` is the key's part that changes with an edit)."""
    return Tagger(path)
