#!/usr/bin/env python3
"""Builds security-5.0-word.docx: the bundled 第5版 of the telework security guideline as an office
would keep it in Word, written without guidekit (python-docx; `pip install python-docx`).

- Word heading styles (Heading 1 chapters and 別紙, Heading 2 sections, Heading 3 clauses) and the
  numbers typed as ministries type them: 第1章, 2-1, (1), ①, 「（注）」 notes, 表2-2 captions.
- No bookmarks: the importer must find the clause ids by aligning with the bundled edition.
- Changes against 5.0.xml, which the import test relies on:
  * reworded: basics-rules (a sentence added), intro-levels (a few words changed);
  * removed: intro-related-docs, so that intro-levels becomes (5) instead of (6);
  * added: a new clause (7) 「生成AIの利用」 at the end of section 2-1.
- Figures are left out; footnotes are written in parentheses after their word; cross-references
  as the number they show.

Run from the repository root:
    python3 Tests/GuideKitWordTests/Fixtures/make-fixture.py
The output is committed, so the tests need no Python.

Benchmarks/bench_import.sh uses the same writer on other editions, unchanged:
    make-fixture.py --source EDITION.xml --out FILE.docx --unchanged
"""

import os
import sys
import xml.etree.ElementTree as ET

import docx
from docx.shared import Pt

NS = {"g": "urn:guidekit:guideline:1"}
G = "{urn:guidekit:guideline:1}"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SOURCE = os.path.join(ROOT, "guidelines", "telework-security", "5.0.xml")
OUTPUT = os.path.join(HERE, "security-5.0-word.docx")

REMOVED = {"intro-related-docs"}
REWORDED = {
    "basics-rules": ("ルールは一度定めれば終わりではなく、", "ルールは、定めた後も定期的に点検することとし、一度定めれば終わりではなく、"),
    "intro-levels": ("重要度に応じて二つに区分しています。", "その重要度に応じて、基本対策と発展対策の二つに区分しています。"),
}
ADDED_AFTER = "basics-threats"
ADDED_TITLE = "生成AIの利用"
ADDED_TEXT = (
    "業務で生成AIサービスを利用する場合は、入力した情報がサービス提供者に保存され、学習に利用されることがあるため、"
    "機密情報や個人情報を入力しないよう、利用できるサービスと入力してよい情報の範囲をルールとして定めます。"
)


def labels(root):
    """The label an <xref> to each id shows (as the readers make it)."""
    out = {}

    def walk(element, parent_num):
        for child in element:
            tag = child.tag.replace(G, "")
            num = child.get("num")
            ident = child.get("id")
            if tag in ("chapter", "section", "appendix"):
                if ident:
                    out[ident] = num or (child.findtext(G + "title") or "")
                walk(child, num or "")
            elif tag == "clause":
                if ident:
                    out[ident] = (parent_num or "") + (num or "")
                walk(child, parent_num)
            elif tag in ("table", "figure"):
                if ident:
                    out[ident] = num or ""

    walk(root, "")
    return out


def inline_runs(element, xrefs):
    """(text, bold) runs of mixed content; <em> bold, <xref> its label, <fn> in parentheses."""
    runs = []
    if element.text:
        runs.append((element.text, False))
    for child in element:
        tag = child.tag.replace(G, "")
        if tag == "em":
            runs.append(("".join(child.itertext()), True))
        elif tag == "xref":
            runs.append((xrefs.get(child.get("target"), ""), False))
        elif tag == "fn":
            runs.append(("（" + "".join(child.itertext()) + "）", False))
        else:
            runs.append(("".join(child.itertext()), False))
        if child.tail:
            runs.append((child.tail, False))
    return [(" ".join(text.split()) if "\n" in text else text, bold) for text, bold in runs]


def paragraph(document, runs, style=None, prefix=""):
    p = document.add_paragraph(style=style)
    if prefix:
        p.add_run(prefix)
    for text, bold in runs:
        run = p.add_run(text)
        if bold:
            run.bold = True
    return p


def blocks(document, element, xrefs, ident=None):
    for child in element:
        tag = child.tag.replace(G, "")
        if tag == "p":
            runs = inline_runs(child, xrefs)
            if ident in REWORDED:
                old, new = REWORDED[ident]
                runs = [(text.replace(old, new), bold) for text, bold in runs]
            paragraph(document, runs)
        elif tag == "note":
            paragraph(document, inline_runs(child, xrefs), prefix="（注）")
        elif tag == "list":
            ordered = child.get("type") == "ordered"
            for index, item in enumerate(child.findall(G + "item"), start=1):
                if ordered:
                    paragraph(document, inline_runs(item, xrefs), prefix=(item.get("num") or f"{index}.") + "　")
                else:
                    paragraph(document, inline_runs(item, xrefs), style="List Bullet")
        elif tag == "table":
            paragraph(document, [(child.get("num", "") + "　" + "".join(child.find(G + "caption").itertext()), False)])
            rows = child.findall(G + "thead/" + G + "row") + child.findall(G + "tbody/" + G + "row")
            header = len(child.findall(G + "thead/" + G + "row"))
            columns = max(len(row.findall(G + "cell")) for row in rows)
            table = document.add_table(rows=0, cols=columns)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                cells = table.add_row().cells
                for c, cell in enumerate(row.findall(G + "cell")):
                    cells[c].text = "".join(text for text, _ in inline_runs(cell, xrefs)).strip()
                if r < header:
                    tr_pr = table.rows[r]._tr.get_or_add_trPr()
                    marker = tr_pr.makeelement(docx.oxml.ns.qn("w:tblHeader"), {})
                    tr_pr.append(marker)


def heading(document, level, num, title):
    text = num if not title else (num + "　" + title if num else title)
    document.add_heading(text, level=level)


def main():
    import argparse

    parser = argparse.ArgumentParser(description="Writes a guideline edition as a Word document.")
    parser.add_argument("--source", default=SOURCE)
    parser.add_argument("--out", default=OUTPUT)
    parser.add_argument("--unchanged", action="store_true", help="no rewording, removal or addition")
    args = parser.parse_args()
    if args.unchanged:
        REMOVED.clear()
        REWORDED.clear()
    root = ET.parse(args.source).getroot()
    xrefs = labels(root)
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(root.findtext(G + "title"), level=0)
    document.add_paragraph("令和3年5月31日")
    document.add_paragraph(root.findtext(G + "issuer"))

    def clause(element, number):
        ident = element.get("id")
        heading(document, 3, number, element.findtext(G + "title"))
        blocks(document, element, xrefs, ident)

    def container(element, level):
        number_shift = 0
        for child in element:
            tag = child.tag.replace(G, "")
            if tag == "section":
                heading(document, level, child.get("num"), child.findtext(G + "title"))
                blocks(document, child, xrefs)
                container(child, level + 1)
            elif tag == "clause":
                if child.get("id") in REMOVED:
                    number_shift += 1
                    continue
                num = child.get("num")
                if number_shift and num and num.startswith("("):
                    num = "(" + str(int(num[1:-1]) - number_shift) + ")"
                clause(child, num)
                if child.get("id") == ADDED_AFTER and not args.unchanged:
                    heading(document, 3, "(7)", ADDED_TITLE)
                    document.add_paragraph(ADDED_TEXT)

    for chapter in root.findall(G + "chapter"):
        heading(document, 1, chapter.get("num"), chapter.findtext(G + "title"))
        blocks(document, chapter, xrefs)
        container(chapter, 2)
    for appendix in root.findall(G + "appendix"):
        heading(document, 1, appendix.get("num"), appendix.findtext(G + "title"))
        blocks(document, appendix, xrefs)
        container(appendix, 2)

    # Fixed package times, so that running the script again gives the same document.
    document.core_properties.author = "総務省"
    import datetime

    fixed = datetime.datetime(2021, 5, 31, 0, 0, 0)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_modified_by = "総務省"
    document.save(args.out)
    print(args.out)


if __name__ == "__main__":
    sys.exit(main())
