"""Appraisal: what each record found (its key finding), how many took part and how the study was run.

``appraise(record, tags)`` gives an ``Appraisal``; each part has its own module (``key_finding``,
``sample_size``, ``trial_markers``), reading the abstract through ``sections`` and ``sentences``. The
phrases that reject a sentence as a finding are data (``phrases.toml``).
"""

from .appraise import Appraisal, appraise, fingerprint
from .key_finding import KeyFinding, key_finding
from .phrases import Phrases, load_phrases
from .sample_size import SampleSize, sample_size
from .trial_markers import MARKERS, trial_markers

__all__ = [
    "MARKERS",
    "Appraisal",
    "KeyFinding",
    "Phrases",
    "SampleSize",
    "appraise",
    "fingerprint",
    "key_finding",
    "load_phrases",
    "sample_size",
    "trial_markers",
]
