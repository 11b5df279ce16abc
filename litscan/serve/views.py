"""The pages: the topics, a topic's records as a list, one record at a time, and recording a decision.

Every decision goes through the screening library (``litscan.screening.decisions.decide``) and is in
the store before the answer leaves; a decision the library refuses (a reason not in the topic's
list) comes back as the same page with the error, status 400, and nothing recorded.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from ..config import Topic
from ..digest.cards import authors_text
from ..errors import InputError
from ..screening.decisions import Choice, decide
from ..screening.listing import ScreeningItem, screening_list
from ..store import utc_now
from .highlight import mark_record
from .state import served, store
from .walk import SHOWS, Walk

views = Blueprint("views", __name__)

PAGE_SIZE = 100  # records on one page of the list
DONE_WORDS = {"include": "Included", "exclude": "Excluded", "maybe": "Marked maybe"}


def _topic(name: str) -> Topic:
    topic = served().topics.get(name)
    if topic is None:
        abort(404, description=f"no topic named {name[:64]!r} is being screened here")
    return topic


def _show() -> str:
    show = request.values.get("show", "undecided")
    return show if show in SHOWS else "undecided"


def _walk(topic: Topic, show: str) -> Walk:
    """The sitting's walk: a sitting begins at the first page a browser opens."""
    since = session.get("since")
    if not isinstance(since, str):
        since = session["since"] = utc_now()
    return Walk(screening_list(store(), topic), show, since)


def _record_url(topic: Topic, item: ScreeningItem | None, show: str) -> str | None:
    return url_for("views.record", topic=topic.name, pmid=item.pmid, show=show) if item else None


@views.get("/")
def index() -> ResponseReturnValue:
    topics = list(served().topics.values())
    if len(topics) == 1:
        return redirect(url_for("views.topic_list", topic=topics[0].name))
    rows = [(topic, _walk(topic, "undecided")) for topic in topics]
    return render_template("index.html", rows=rows)


@views.get("/<topic>/")
def topic_list(topic: str) -> ResponseReturnValue:
    chosen, show = _topic(topic), _show()
    walk = _walk(chosen, show)
    shown = walk.shown
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    return render_template(
        "list.html",
        topic=chosen,
        labels=served().labels[chosen.name],
        walk=walk,
        show=show,
        items=shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(shown),
        page=page,
        pages=pages,
        page_size=PAGE_SIZE,
        first_url=_record_url(chosen, walk.first(), show),
    )


@views.get("/<topic>/<pmid>")
def record(topic: str, pmid: str) -> ResponseReturnValue:
    chosen = _topic(topic)
    return render_template("record.html", **_record_page(chosen, pmid, _show()))


@views.post("/<topic>/<pmid>")
def record_decision(topic: str, pmid: str) -> ResponseReturnValue:
    chosen, show = _topic(topic), _show()
    decision, _, reason = request.form.get("choice", "").partition(":")
    choice = Choice(decision, reason or request.form.get("reason") or None, request.form.get("note") or None)
    try:
        if decision == "exclude" and choice.reason is None and chosen.screening.reasons:
            raise InputError("choose the reason to exclude the record for")
        decide(store(), chosen, [pmid], choice, by=served().settings.reviewer, source="web")
    except InputError as exc:
        if request.form.get("back") == "list":
            abort(400, description=str(exc))
        return render_template("record.html", **_record_page(chosen, pmid, show), error=str(exc)), 400
    flash(f"{DONE_WORDS[decision]}: PMID {pmid}" + (f" ({choice.reason})" if choice.reason else ""))
    walk = _walk(chosen, show)
    if request.form.get("back") == "list":
        following = walk.next(pmid)
        anchor = f"r-{following.pmid}" if following else f"r-{pmid}"
        page = request.form.get("page", 1, type=int) or 1
        return redirect(url_for("views.topic_list", topic=chosen.name, show=show, page=page, _anchor=anchor), 303)
    target = _record_url(chosen, walk.after_decision(pmid), show)
    return redirect(target or url_for("views.topic_list", topic=chosen.name, show=show), 303)


def _record_page(topic: Topic, pmid: str, show: str) -> dict[str, Any]:
    walk = _walk(topic, show)
    at = walk.position(pmid)
    stored = store().get(pmid) if at is not None else None
    if at is None or stored is None:
        abort(404, description=f"PMID {pmid[:20]} is not a record of topic {topic.name}")
    item = walk.items[at]
    shown = walk.shown
    labels = served().labels[topic.name]
    return {
        "topic": topic,
        "labels": labels,
        "show": show,
        "item": item,
        "stored": stored,
        "marked": mark_record(stored.record, stored.tags, labels),
        "authors": authors_text(stored.record),
        "history": store().decision_history(topic.name, pmid),
        "place": next((index + 1 for index, shown_item in enumerate(shown) if shown_item.pmid == pmid), None),
        "count": len(shown),
        "awaiting": walk.awaiting,
        "previous_url": _record_url(topic, walk.previous(pmid), show),
        "next_url": _record_url(topic, walk.next(pmid), show),
        "list_url": url_for("views.topic_list", topic=topic.name, show=show, _anchor=f"r-{pmid}"),
    }
