"""Plain text out of PubMed's mixed-content elements (titles, abstracts, keywords).

PubMed allows ``<i> <b> <u> <sup> <sub>`` and MathML inside these elements.
Text is joined exactly as it stands between the tags and only then are
whitespace runs collapsed, so ``Effect of <i>E. coli</i> on CO<sub>2</sub>``
reads ``Effect of E. coli on CO2``: stripping each piece before joining (as
pubmed_parser does) glues words together. ``&lt;`` arrives here already
decoded as ``<``; it is plain text, and any HTML output must escape it.

Whitespace is normalised the way XPath's ``normalize-space()`` does it: runs
of XML whitespace (space, tab, CR, LF) become one space and the ends are
stripped. Other Unicode spaces (no-break, thin) are kept as the publisher set
them. Most PubMed text is already clean, so that case is detected first and
costs no copy.
"""

from __future__ import annotations

import re

from lxml import etree

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
_MATH = f"{{{MATHML_NS}}}math"
# A formula's annotation repeats it in TeX or another markup; reading it as
# well would print the formula twice.
_MATH_ANNOTATIONS = (f"{{{MATHML_NS}}}annotation", f"{{{MATHML_NS}}}annotation-xml")
_XML_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_tostring = etree.tostring


def normalize(text: str | None) -> str | None:
    """XML whitespace runs collapsed to one space and the ends stripped; empty → None."""
    if not text:
        return None
    if "\n" in text or "\t" in text or "\r" in text or "  " in text or text[0] == " " or text[-1] == " ":
        text = _XML_SPACE_RUN.sub(" ", text).strip(" ")
    return text or None


def element_text(el: etree._Element) -> str | None:
    """All text inside ``el`` (not its tail), inline markup flattened, whitespace normalised."""
    if not len(el):
        return normalize(el.text)
    for child in el:
        if child.tag == _MATH:
            etree.strip_elements(el, *_MATH_ANNOTATIONS, with_tail=False)
            break
    return normalize(_tostring(el, method="text", encoding=str, with_tail=False))
