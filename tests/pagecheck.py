"""Structural checks on rendered HTML, used on every page of the matrix (test client, fast).

In the spirit of notifications-admin's page checks: one h1, the title starts with it, no
duplicate ids, the skip link first, every control labelled, lang on the root element.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

import html5lib

FOCUSABLE = {"a", "button", "input", "select", "textarea"}


@dataclass
class Page:
    root: Element

    @classmethod
    def parse(cls, html: str | bytes) -> "Page":
        return cls(html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False))

    def all(self, tag: str) -> list[Element]:
        return list(self.root.iter(tag))

    def text(self, el: Element) -> str:
        return " ".join("".join(el.itertext()).split())

    def by_id(self, id_: str) -> Element | None:
        return next((e for e in self.root.iter() if e.get("id") == id_), None)

    @property
    def lang(self) -> str:
        return self.root.get("lang", "")

    @property
    def title(self) -> str:
        return self.text(self.all("title")[0])

    @property
    def h1(self) -> str:
        return self.text(self.all("h1")[0])


def problems(html: str | bytes) -> list[str]:
    """Everything wrong with a page's structure; an empty list is a pass."""
    page = Page.parse(html)
    found: list[str] = []
    h1s = page.all("h1")
    if len(h1s) != 1:
        found.append(f"expected exactly one h1, found {len(h1s)}")
    titles = page.all("title")
    if len(titles) != 1 or not page.text(titles[0]):
        found.append("missing or empty <title>")
    elif h1s:
        title = page.text(titles[0])
        h1 = page.text(h1s[0])
        # "<h1> – <site>", or "<Error:> <h1> – <site>" when the form has errors (translated prefix)
        main_part = title.rsplit(" – ", 1)[0] if " – " in title else ""
        at = main_part.find(h1)
        if not (at == 0 or (at > 0 and main_part[:at].strip().endswith((":", "：")))):
            found.append(f"title {title!r} does not start with the h1 {h1!r}")
    ids = [e.get("id") for e in page.root.iter() if e.get("id")]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        found.append(f"duplicate ids: {sorted(duplicates)}")
    focusables = [e for e in page.root.iter() if e.tag in FOCUSABLE
                  and e.get("type") != "hidden"]
    if not focusables or "skip-link" not in (focusables[0].get("class") or "") \
            or focusables[0].get("href") != "#main":
        found.append("the first focusable element is not the skip link to #main")
    if page.by_id("main") is None or page.by_id("main").tag != "main":
        found.append("no <main id=main>")
    labels = {e.get("for") for e in page.all("label")}
    for control in page.root.iter():
        if control.tag in ("input", "select", "textarea") and control.get("type") not in (
                "hidden", "submit", "button"):
            if control.get("id") not in labels and not control.get("aria-label"):
                found.append(f"control without a label: {control.tag}#{control.get('id')}")
    for ref in (e.get("aria-describedby") for e in page.root.iter() if e.get("aria-describedby")):
        for id_ in ref.split():
            if page.by_id(id_) is None:
                found.append(f"aria-describedby points to missing id {id_}")
    for link in page.all("a"):
        href = link.get("href", "")
        if href.startswith("#") and len(href) > 1 and page.by_id(href[1:]) is None:
            found.append(f"in-page link to missing id {href}")
        if not page.text(link) and not link.get("aria-label"):
            found.append(f"link without text: {href}")
    return found
