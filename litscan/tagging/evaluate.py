"""Measure the tagger against hand-labelled records (``litscan eval GOLD.jsonl...``).

Gold records go through the same path a new PubMed record takes: each one is
written as a PubmedArticle (title, abstract split into labelled sections,
journal, year, publication type "Journal Article" only, no MeSH), parsed by
``litscan.pubmed.xml_reader``, stored and tagged in a throwaway store, and read back.
Scores: per-label precision/recall/F1 and micro-F1 for conditions and routes
over the on-topic records; accuracy for design and on_topic over all records.

To keep rules honest, every record falls in one of K folds by a hash of its id (``fold_of``; with
K=5 the folds the project's sealed fold is defined by). Rules are written on some folds and scored
on the others: ``evaluate`` reports each fold's scores, and can score one fold or leave one out.
The older fixed two-thirds/one-third ``split`` still selects records.
"""

from __future__ import annotations

import hashlib
import html
import json
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Record, Tags
from ..pipeline.prepare import store_records
from ..pubmed.sections import Category, category_of, split_labelled
from ..pubmed.xml_reader import parse_pubmed_bytes
from ..store import RecordFilter, Store
from .tagger import Tagger


def pubmed_xml(gold: Sequence[dict[str, Any]]) -> bytes:
    """A PubmedArticleSet document holding each gold record as a new, unindexed PubMed record."""
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n']
    for item in gold:
        sections = split_labelled(item.get("abstract"))
        parts = []
        for label, text in sections:
            attrs = ""
            if label:
                attrs = f' Label="{html.escape(label.upper())}"'
                attrs += f' NlmCategory="{category_of(label) or Category.UNASSIGNED}"'
            parts.append(f"<AbstractText{attrs}>{html.escape(text, quote=False)}</AbstractText>")
        abstract = f"<Abstract>{''.join(parts)}</Abstract>" if parts else ""
        year = item.get("year")
        pubdate = f"<PubDate><Year>{int(year)}</Year></PubDate>" if year else "<PubDate/>"
        journal = html.escape(item.get("journal") or "Unknown journal", quote=False)
        out.append(
            f'<PubmedArticle><MedlineCitation Status="Publisher" Owner="NLM">'
            f'<PMID Version="1">{item["_pmid"]}</PMID><Article PubModel="Electronic">'
            f'<Journal><JournalIssue CitedMedium="Internet">{pubdate}</JournalIssue>'
            f"<Title>{journal}</Title></Journal>"
            f"<ArticleTitle>{html.escape(item.get('title') or '', quote=False)}</ArticleTitle>{abstract}"
            f"<Language>eng</Language><PublicationTypeList>"
            f'<PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>'
            f"</Article></MedlineCitation><PubmedData><PublicationStatus>aheadofprint</PublicationStatus>"
            f"</PubmedData></PubmedArticle>\n"
        )
    out.append("</PubmedArticleSet>\n")
    return "".join(out).encode("utf-8")


def load_gold(path: str | Path, used: set[str] | None = None) -> list[dict[str, Any]]:
    """Gold records, one JSON object a line; each gets a ``_pmid`` (its PMID, or a stable stand-in).

    ``used``: stand-ins already given (records of other files read with this one); updated.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("gold file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read ({exc})", path=str(path)) from None
    gold: list[dict[str, Any]] = []
    used = set() if used is None else used
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON ({exc.msg})", path=str(path), where=f"line {number}") from None
        labels = item.get("labels") if isinstance(item, dict) else None
        if not isinstance(labels, dict) or "on_topic" not in labels or "design" not in labels or not item.get("title"):
            raise InputError(
                "needs title and labels.on_topic/conditions/routes/design", path=str(path), where=f"line {number}"
            )
        pmid = str(item.get("pmid") or "")
        if not pmid.isdigit() or pmid in used:
            # Records without a PMID get a stand-in from their title, well above real PMIDs.
            digest = hashlib.sha1((item.get("title") or str(number)).encode()).hexdigest()
            pmid = str(900_000_000 + int(digest[:8], 16) % 99_000_000)
        used.add(pmid)
        item["_pmid"] = pmid
        item["_line"] = number
        item["_file"] = path.name
        gold.append(item)
    return gold


FOLD_SALT = "litscan-fold:"
DEFAULT_FOLDS = 5


def fold_of(item: dict[str, Any], folds: int = DEFAULT_FOLDS) -> int:
    """The fold of a gold record: a hash of its PMID (or, without one, its title), modulo ``folds``."""
    key = str(item["pmid"]) if item.get("pmid") else str(item["title"])
    return int(hashlib.sha1((FOLD_SALT + key).encode()).hexdigest()[:8], 16) % folds


def split_of(item: dict[str, Any]) -> str:
    """ "dev" for two thirds of records, "holdout" for one third: fixed by a hash of the id."""
    key = str(item.get("pmid") or item.get("title") or "")
    return "holdout" if int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores of one evaluation, and every disagreement with the gold labels."""

    records: int = 0
    on_topic_records: int = 0
    conditions: dict[str, LabelScore] = field(default_factory=dict)
    routes: dict[str, LabelScore] = field(default_factory=dict)
    design_correct: int = 0
    on_topic_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def micro(scores: dict[str, LabelScore]) -> LabelScore:
        total = LabelScore()
        for s in scores.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total

    @property
    def design_accuracy(self) -> float:
        return self.design_correct / self.records if self.records else 0.0

    @property
    def on_topic_accuracy(self) -> float:
        return self.on_topic_correct / self.records if self.records else 0.0

    def summary(self) -> dict[str, Any]:
        """The headline figures: counts, micro P/R/F1 of conditions and routes, the two accuracies."""
        conditions, routes = self.micro(self.conditions), self.micro(self.routes)
        return {
            "records": self.records,
            "on_topic_records": self.on_topic_records,
            "condition_micro_f1": round(conditions.f1, 4),
            "condition_precision": round(conditions.precision, 4),
            "condition_recall": round(conditions.recall, 4),
            "route_micro_f1": round(routes.f1, 4),
            "route_precision": round(routes.precision, 4),
            "route_recall": round(routes.recall, 4),
            "design_accuracy": round(self.design_accuracy, 4),
            "on_topic_accuracy": round(self.on_topic_accuracy, 4),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "conditions": {k: v.as_dict() for k, v in sorted(self.conditions.items())},
            "routes": {k: v.as_dict() for k, v in sorted(self.routes.items())},
            "errors": self.errors,
        }


def score(pairs: Iterable[tuple[dict[str, Any], Tags]]) -> Report:
    """Compare predicted tags with gold labels."""
    report = Report()
    for gold, tags in pairs:
        labels = gold["labels"]
        report.records += 1
        where = {
            "pmid": gold.get("pmid"),
            "file": gold.get("_file"),
            "line": gold.get("_line"),
            "fold": gold.get("_fold"),
            "title": (gold.get("title") or "")[:90],
        }
        if tags.design == labels["design"]:
            report.design_correct += 1
        else:
            report.errors.append({**where, "field": "design", "gold": labels["design"], "tagged": tags.design})
        if tags.on_topic == bool(labels["on_topic"]):
            report.on_topic_correct += 1
        else:
            report.errors.append({**where, "field": "on_topic", "gold": labels["on_topic"], "tagged": tags.on_topic})
        if not labels["on_topic"]:
            continue
        report.on_topic_records += 1
        for name, scores, predicted in (
            ("conditions", report.conditions, tags.conditions),
            ("routes", report.routes, tags.routes),
        ):
            expected = set(labels.get(name) or ())
            got = set(predicted)
            for label in expected | got:
                s = scores.setdefault(label, LabelScore())
                if label in expected and label in got:
                    s.tp += 1
                elif label in got:
                    s.fp += 1
                else:
                    s.fn += 1
            if expected != got:
                report.errors.append(
                    {
                        **where,
                        "field": name,
                        "gold": sorted(expected),
                        "tagged": sorted(got),
                        "missing": sorted(expected - got),
                        "extra": sorted(got - expected),
                    }
                )
    return report


def tag_gold(gold: Sequence[dict[str, Any]], tagger: Tagger) -> list[tuple[dict[str, Any], Tags, Record]]:
    """Gold records through parse → store (a throwaway one) → read back, tagged by ``tagger``."""
    items = parse_pubmed_bytes(pubmed_xml(gold), name="gold.xml")
    with tempfile.TemporaryDirectory(prefix="litscan-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.sqlite")
        try:
            store_records(store, items, tagger=tagger, tagger_id=tagger.fingerprint)
            stored = {s.pmid: s for s in store.query(RecordFilter(include_deleted=True))}
        finally:
            store.close()
    out = []
    for item in gold:
        found = stored.get(item["_pmid"])
        if found is None:
            raise InputError("record did not survive parse and store", path="gold", where=f"line {item['_line']}")
        out.append((item, found.tags, found.record))
    return out


@dataclass(frozen=True)
class Selection:
    """Which gold records to score: by fold (of ``folds``), and by the older two-thirds split."""

    folds: int = DEFAULT_FOLDS
    fold: int | None = None  # score only this fold
    exclude_fold: int | None = None  # leave this fold out
    split: str = "all"  # "all", "dev" or "holdout"

    def check(self) -> None:
        if self.folds < 2:
            raise InputError(f"--folds {self.folds}: needs at least 2 folds")
        for name, value in (("--fold", self.fold), ("--exclude-fold", self.exclude_fold)):
            if value is not None and not 0 <= value < self.folds:
                raise InputError(f"{name} {value}: the folds are numbered 0 to {self.folds - 1}")

    def keeps(self, item: dict[str, Any]) -> bool:
        fold = item["_fold"]
        if (self.fold is not None and fold != self.fold) or fold == self.exclude_fold:
            return False
        return self.split == "all" or split_of(item) == self.split

    def describe(self) -> str:
        if self.fold is not None:
            return f"fold {self.fold} of {self.folds}"
        left_out = f" (fold {self.exclude_fold} left out)" if self.exclude_fold is not None else ""
        return f"{self.folds} folds{left_out}"


TaggerForFold = Callable[[int], Tagger]


def _tag_by_fold(
    chosen: list[dict[str, Any]], tagger: Tagger | TaggerForFold
) -> dict[int, list[tuple[dict[str, Any], Tags]]]:
    """The chosen records tagged, by fold: by one tagger, or each fold by the tagger made for it."""
    tagged: dict[int, list[tuple[dict[str, Any], Tags]]] = {}
    if isinstance(tagger, Tagger):
        for g, t, _ in tag_gold(chosen, tagger) if chosen else []:
            tagged.setdefault(g["_fold"], []).append((g, t))
        return tagged
    by_fold: dict[int, list[dict[str, Any]]] = {}
    for item in chosen:
        by_fold.setdefault(item["_fold"], []).append(item)
    for fold, items in sorted(by_fold.items()):
        tagged[fold] = [(g, t) for g, t, _ in tag_gold(items, tagger(fold))]
    return tagged


def evaluate(
    paths: str | Path | Sequence[str | Path],
    tagger: Tagger | TaggerForFold,
    *,
    selection: Selection | None = None,
    part: str | None = None,
) -> dict[str, Any]:
    """Scores of the selected gold records, overall and fold by fold.

    ``tagger`` is a ``Tagger``, or a function giving the tagger to score one fold with (one trained
    without that fold). Records left out by ``selection`` are neither tagged nor reported.
    ``part`` is the older spelling of ``selection.split``.
    """
    selection = selection or Selection(split=part or "all")
    selection.check()
    path_list = [paths] if isinstance(paths, str | Path) else list(paths)
    used: set[str] = set()
    gold = [item for path in path_list for item in load_gold(path, used)]
    for item in gold:
        item["_fold"] = fold_of(item, selection.folds)
    chosen = [item for item in gold if selection.keeps(item)]
    tagged = _tag_by_fold(chosen, tagger)
    position = {id(item): i for i, item in enumerate(chosen)}
    ordered = sorted((pair for pairs in tagged.values() for pair in pairs), key=lambda p: position[id(p[0])])
    result = score(ordered).as_dict()
    result["files"] = [str(p) for p in path_list]
    result["file"] = ", ".join(result["files"])
    result["selection"] = selection.describe()
    result["tagger"] = tagger.fingerprint if isinstance(tagger, Tagger) else "trained per fold"
    result["folds"] = {str(fold): score(pairs).summary() for fold, pairs in sorted(tagged.items())}
    if selection.split == "all":
        result["splits"] = {
            name: score((g, t) for g, t in ordered if split_of(g) == name).summary() for name in ("dev", "holdout")
        }
    return result


def _figures(row: dict[str, Any]) -> str:
    return (
        f"{row['records']:>7} {row['on_topic_records']:>8}  "
        f"{row['condition_precision']:.3f} {row['condition_recall']:.3f} {row['condition_micro_f1']:.3f}   "
        f"{row['route_precision']:.3f} {row['route_recall']:.3f} {row['route_micro_f1']:.3f}  "
        f"{row['design_accuracy']:>6.3f} {row['on_topic_accuracy']:>8.3f}"
    )


def format_report(result: dict[str, Any]) -> str:
    """The scores as text for a terminal."""
    lines = [
        f"{result['file']}: {result['records']} records ({result['on_topic_records']} on topic), "
        f"{result.get('selection', '')}",
        "",
        f"  condition micro-F1 {result['condition_micro_f1']:.3f}   route micro-F1 "
        f"{result['route_micro_f1']:.3f}   design accuracy {result['design_accuracy']:.3f}   "
        f"on-topic accuracy {result['on_topic_accuracy']:.3f}",
        "",
        f"  {'':<8}{'records':>7} {'on topic':>8}  {'conditions P / R / F1':<21}  {'routes P / R / F1':<21}"
        f"{'design':>6} {'on topic':>8}",
    ]
    for fold, row in (result.get("folds") or {}).items():
        lines.append(f"  {'fold ' + fold:<8}{_figures(row)}")
    lines.append(f"  {'all':<8}{_figures(result)}")
    for kind in ("conditions", "routes"):
        lines += ["", f"  {kind[:-1]:<26} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn"]
        for label, s in result[kind].items():
            lines.append(
                f"  {label:<26} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  "
                f"{s['tp']:>2} {s['fp']:>2} {s['fn']:>2}"
            )
    lines += ["", f"  errors ({len(result['errors'])}):"]
    for e in result["errors"]:
        ident = e.get("pmid") or f"{e.get('file')} line {e.get('line')}"
        if e["field"] in ("conditions", "routes"):
            detail = f"missing {e['missing']} extra {e['extra']}"
        else:
            detail = f"gold {e['gold']} tagged {e['tagged']}"
        lines.append(f"  - {ident} {e['field']}: {detail}  | {e['title']}")
    return "\n".join(lines)
