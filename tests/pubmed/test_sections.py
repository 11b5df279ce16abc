"""Abstract sections: the category a label names, and labels found inside a one-piece abstract."""

from __future__ import annotations

import pytest

from litscan.pubmed.sections import Category, category_of, is_back_matter, section_category, split_labelled


@pytest.mark.parametrize(
    ("abstract", "labels"),
    [
        ("BACKGROUND: Old drug. METHODS: New trial.", ["BACKGROUND", "METHODS"]),
        ("Background: Old drug.\nMethods: New trial.\nResults: It worked.", ["Background", "Methods", "Results"]),
        ("Background\nOld drug.\nMethods\nNew trial.", ["Background", "Methods"]),
        ("PURPOSE OF REVIEW: Why. RECENT FINDINGS: What.", ["PURPOSE OF REVIEW", "RECENT FINDINGS"]),
        ("Plain text with no labels. Note: this is not a label.", [None]),
        # headings without a colon, before a capitalised word: two at least, one of the body's
        (
            "Background and Aims Old drug. Methods Ten took it. Results It worked.",
            ["Background and Aims", "Methods", "Results"],
        ),
        ("We saw ten. Results Of note were mixed.", [None]),
        # a review journal's headings without colons
        (
            "Purpose of Review Why it matters. Recent Findings Trials are few. Summary It may help.",
            ["Purpose of Review", "Recent Findings", "Summary"],
        ),
        ("In summary Ketamine helped. We saw ten.", [None]),
        # the singular heading some journals print: "Method This was a randomised trial."
        (
            "Background and objectives To compare. Method This was a randomised trial. Results It worked.",
            ["Background and objectives", "Method", "Results"],
        ),
        (
            "BACKGROUND Why. MATERIAL AND METHODS Ten took it. RESULTS It worked.",
            ["BACKGROUND", "MATERIAL AND METHODS", "RESULTS"],
        ),
        ("Results were mixed. Methods of the trial are given.", [None]),
        # headings closed by a full stop, as some journals print them; one alone is a sentence's word
        (
            "Objective. Why it matters. Design. Databases were searched. Setting. NA. Results. Ten trials.",
            ["Objective", "Design", "Setting", "Results"],
        ),
        ("We saw ten. Results. Of note, most improved.", [None]),
        # a copy that lost the space after a label's colon
        (
            "Background: Old drug. Methods:A liquid was given. Results:Ten improved.",
            ["Background", "Methods", "Results"],
        ),
        (
            "BACKGROUND:Old drug. METHODS:Three doses were given. RESULTS:Ten improved.",
            ["BACKGROUND", "METHODS", "RESULTS"],
        ),
        # ... or put a space before it
        ("Background : Old drug. Objective : To know. Results : Ten improved.", ["Background", "Objective", "Results"]),
        # capitals before a colon that are no label's words stay in the text
        ("We tested it. HIV:A virus. Ten improved.", [None]),
        # an ampersand joins a heading's words; Spanish and Portuguese headings are headings too
        ("Aim: Why. Materials & Methods: Ten took it.", ["Aim", "Materials & Methods"]),
        ("Introduction: Why. Material and methods: Ten took it.", ["Introduction", "Material and methods"]),
        (
            "JUSTIFICATIVA E OBJETIVOS: Comparar. MÉTODOS: Estudo com 26 pacientes. RESULTADOS: Menos dor.",
            ["JUSTIFICATIVA E OBJETIVOS", "MÉTODOS", "RESULTADOS"],
        ),
        (
            "Objetivo: Evaluar. Material y métodos: Diez pacientes. Resultados: Mejoría. Conclusiones: Útil.",
            ["Objetivo", "Material y métodos", "Resultados", "Conclusiones"],
        ),
        # the other labels journals print, in mixed case
        (
            "Introduction: Why. Methodology: Ten took it. Findings: Less pain. Interpretation: Useful.",
            ["Introduction", "Methodology", "Findings", "Interpretation"],
        ),
        (
            "Introduction: Why. Areas covered: Three uses. Expert opinion: Promising.",
            ["Introduction", "Areas covered", "Expert opinion"],
        ),
        ("Study population: Ten adults.\nPrimary outcome: Pain at 3 months.", ["Study population", "Primary outcome"]),
        (
            "Background The aim was to know. Participants and methods Ten took it. Results Less pain.",
            ["Background", "Participants and methods", "Results"],
        ),
    ],
)
def test_split_labelled(abstract: str, labels: list[str | None]) -> None:
    sections = split_labelled(abstract)
    assert [label for label, _ in sections] == labels
    assert all(text for _, text in sections)


@pytest.mark.parametrize(
    ("abstract", "sections"),
    [
        # Any words in capitals after a sentence are a label; a head without one stays a section.
        ("A tool is described. AVAILABILITY: Free.", [(None, "A tool is described."), ("AVAILABILITY", "Free.")]),
        ("Why. AIM: To know. CASE 2: A man.", [(None, "Why."), ("AIM", "To know."), ("CASE 2", "A man.")]),
        # Mixed case only for the words labels are made of.
        ("Objective: To know. Methods: A  cohort.", [("Objective", "To know."), ("Methods", "A cohort.")]),
        ("It worked. Note: not a label.", [(None, "It worked. Note: not a label.")]),
        # Capitals inside a sentence are no label.
        ("Oral ketamine (see HIV: a note) is described.", [(None, "Oral ketamine (see HIV: a note) is described.")]),
        ("OBJECTIVES:: To know.", [("OBJECTIVES", "To know.")]),
        ("   ", []),
    ],
)
def test_split_labelled_sections(abstract: str, sections: list[tuple[str | None, str]]) -> None:
    assert split_labelled(abstract) == sections


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("MATERIALS AND METHODS", Category.METHODS),
        ("Background and aims", Category.BACKGROUND),  # the first category named decides
        ("SUMMARY OF BACKGROUND DATA", Category.BACKGROUND),
        ("CASE PRESENTATION", Category.METHODS),
        ("MEASUREMENTS AND MAIN RESULTS", Category.METHODS),
        ("Recent findings", Category.RESULTS),
        ("EVIDENCE ACQUISITION", Category.METHODS),
        ("Data extraction", Category.METHODS),
        ("EVIDENCE SYNTHESIS", Category.RESULTS),
        ("DATA SYNTHESIS", Category.RESULTS),
        ("OBSERVATIONS", Category.RESULTS),
        ("PATIENT SUMMARY", Category.CONCLUSIONS),
        ("Take-home message", Category.CONCLUSIONS),
        ("DISCUSSION", Category.CONCLUSIONS),
        ("CONCLUSIONS", Category.CONCLUSIONS),
        ("Objetivo", Category.OBJECTIVE),
        ("JUSTIFICATIVA E OBJETIVOS", Category.BACKGROUND),
        ("Material y métodos", Category.METHODS),
        ("Resultados", Category.RESULTS),
        ("Conclusões", Category.CONCLUSIONS),
        ("Methodology", Category.METHODS),
        ("Study population", Category.METHODS),
        ("Statistical analysis", Category.METHODS),
        ("Primary outcome", Category.METHODS),  # what a trial measures, not what it found
        ("Main outcomes and measures", Category.METHODS),
        ("Areas covered", Category.OBJECTIVE),
        ("Expert opinion", Category.CONCLUSIONS),
        ("Key points", Category.CONCLUSIONS),
        ("Lessons learned", Category.CONCLUSIONS),
        ("FUNDING", None),
        ("UNASSIGNED", None),
        (None, None),
    ],
)
def test_category_of_a_label(label: str | None, category: Category | None) -> None:
    assert category_of(label) is category


def test_nlm_category_wins_and_unassigned_falls_back_to_the_label() -> None:
    assert section_category("CASE REPORT", "RESULTS") is Category.RESULTS
    assert section_category("PERSPECTIVE", "UNASSIGNED") is Category.CONCLUSIONS
    assert section_category("FUNDING", None) is None


def test_back_matter() -> None:
    assert is_back_matter("TRIAL REGISTRATION") and is_back_matter("Level of evidence")
    assert is_back_matter("Ethics and dissemination") and is_back_matter("STRENGTHS AND LIMITATIONS")
    assert not is_back_matter("CONCLUSIONS") and not is_back_matter(None)
