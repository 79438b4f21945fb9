#!/usr/bin/env python3
"""Baseline peer for `bidfmt check`: a python-docx checker with a partial style-chain resolver.

    pydocx_check.py FILE.docx

It resolves, per paragraph, font size, East Asian font, first-line indent, line spacing and
alignment through direct formatting → paragraph style → basedOn chain (python-docx's own
properties, no numbering, no theme fonts, no table styles), checks section margins, and prints
the number of violations of Standard A's body rules. Used only by bench/run.sh for comparison.
"""
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def resolve(paragraph, attr):
    value = getattr(paragraph.paragraph_format, attr)
    if value is not None:
        return value
    for s in style_chain(paragraph.style):
        value = getattr(s.paragraph_format, attr)
        if value is not None:
            return value
    return None


def run_size(paragraph, run):
    if run.font.size is not None:
        return run.font.size
    for s in style_chain(paragraph.style):
        if s.font.size is not None:
            return s.font.size
    return None


def east_asia(paragraph, run):
    for rpr in [run._element.rPr] + [s.element.rPr for s in style_chain(paragraph.style)]:
        if rpr is not None and rpr.rFonts is not None:
            v = rpr.rFonts.get(qn("w:eastAsia"))
            if v:
                return v
    return None


def main():
    doc = Document(sys.argv[1])
    findings = 0
    for section in doc.sections:
        for got, want in ((section.top_margin, Mm(25)), (section.bottom_margin, Mm(25)),
                          (section.left_margin, Mm(22)), (section.right_margin, Mm(22))):
            if got is None or abs(got - want) > Mm(0.1):
                findings += 1
    for p in doc.paragraphs:
        if not p.text.strip():
            continue
        if p.style is not None and p.style.name.lower().startswith("heading"):
            continue
        if resolve(p, "line_spacing") not in (1.5, None):
            findings += 1
        if resolve(p, "space_before") not in (0, None) or resolve(p, "space_after") not in (0, None):
            findings += 1
        indent = resolve(p, "first_line_indent")
        if indent is None or abs(indent - Pt(24)) > Pt(1):
            findings += 1
        for r in p.runs:
            if run_size(p, r) not in (Pt(12), None):
                findings += 1
            if east_asia(p, r) not in ("宋体", "SimSun", None):
                findings += 1
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        if run_size(p, r) not in (Pt(10.5), None):
                            findings += 1
    print(findings)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
