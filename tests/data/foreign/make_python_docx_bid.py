# Makes python-docx-bid.docx: a Standard A (xx-2014) compliant bid written by python-docx 0.8.11
# (Debian's python3-docx), i.e. on Word's own default template — theme fonts in docDefaults,
# Word's Heading 1-3 and Header styles with their own tab stops, latent styles — with typed
# heading numbers, a TOC field, a body section with its own header and footer (SECTIONPAGES).
# The .docx is committed; run this (/usr/bin/python3) only to make it again.

import docx
from docx.shared import Pt, Mm, Twips
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

d = docx.Document()
def fonts(style_or_run, ea="宋体", latin="Calibri"):
    rpr = style_or_run.element.get_or_add_rPr()
    rf = rpr.find(qn('w:rFonts'))
    if rf is None:
        rf = OxmlElement('w:rFonts'); rpr.insert(0, rf)
    for a in list(rf.attrib):
        del rf.attrib[a]
    rf.set(qn('w:ascii'), latin); rf.set(qn('w:hAnsi'), latin); rf.set(qn('w:eastAsia'), ea); rf.set(qn('w:cs'), latin)

st = d.styles['Normal']
fonts(st); st.font.size = Pt(12)
pf = st.paragraph_format
pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY; pf.first_line_indent = Pt(24); pf.space_before = Pt(0); pf.space_after = Pt(0); pf.line_spacing = 1.5
pf.left_indent = Pt(0); pf.right_indent = Pt(0)
# firstLineChars
ind = st.element.get_or_add_pPr().find(qn('w:ind')); ind.set(qn('w:firstLineChars'), '200')
for lvl, bold in ((1, True), (2, True), (3, False)):
    h = d.styles['Heading %d' % lvl]
    fonts(h); h.font.size = Pt(12); h.font.bold = bold; h.font.italic = False
    h.font.color.rgb = None
    h.paragraph_format.first_line_indent = Pt(0); h.paragraph_format.space_before = Pt(0); h.paragraph_format.space_after = Pt(0)
    h.paragraph_format.line_spacing = 1.5; h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    ind = h.element.get_or_add_pPr().find(qn('w:ind')); ind.set(qn('w:firstLineChars'), '0')

sec = d.sections[0]
sec.page_width = Mm(210); sec.page_height = Mm(297)
sec.top_margin = Mm(25); sec.bottom_margin = Mm(25); sec.left_margin = Mm(22); sec.right_margin = Mm(22); sec.gutter = Mm(0)
# TOC section: just a title and static entries, no header
from docx.enum.style import WD_STYLE_TYPE
th = d.add_paragraph('目录'); th.alignment = WD_ALIGN_PARAGRAPH.CENTER
th.paragraph_format.first_line_indent = Pt(0); th._p.get_or_add_pPr().find(qn('w:ind')).set(qn('w:firstLineChars'), '0')
for i in (1, 2):
    ts = d.styles.add_style('toc %d' % i, WD_STYLE_TYPE.PARAGRAPH); ts.base_style = d.styles['Normal']
    ts.paragraph_format.line_spacing = 1.0; ts.paragraph_format.first_line_indent = Pt(0); ts.paragraph_format.left_indent = Pt(12 * (i - 1))
    ts.element.get_or_add_pPr().find(qn('w:ind')).set(qn('w:firstLineChars'), '0')
def fc(p, t):
    r = p.add_run(); f = OxmlElement('w:fldChar'); f.set(qn('w:fldCharType'), t); r._r.append(f)
entries = [('一、工程概况', 1), ('1.1 工程简介', 2), ('二、施工方案', 1)]
for n, (t, lvl) in enumerate(entries):
    p = d.add_paragraph(style='toc %d' % lvl)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(166), WD_TAB_ALIGNMENT.RIGHT)
    if n == 0:
        fc(p, 'begin'); r = p.add_run(); it = OxmlElement('w:instrText'); it.set(qn('xml:space'), 'preserve'); it.text = ' TOC \\o "1-3" \\h \\z \\u '; r._r.append(it); fc(p, 'separate')
    p.add_run(t + '\t1')
    if n == len(entries) - 1:
        fc(p, 'end')
body = d.add_section(WD_SECTION.NEW_PAGE)
body.header.is_linked_to_previous = False; body.footer.is_linked_to_previous = False
hp = body.header.paragraphs[0]
hp.text = '某某道路改造工程\t技术标'
hp.paragraph_format.tab_stops.clear_all()
hp.paragraph_format.tab_stops.add_tab_stop(Mm(166), WD_TAB_ALIGNMENT.RIGHT)
# Word's Header style has centre 4680 and right 9360 stops: clear them
tabs = hp._p.get_or_add_pPr().find(qn('w:tabs'))
for pos in ('4680', '9360'):
    t = OxmlElement('w:tab'); t.set(qn('w:val'), 'clear'); t.set(qn('w:pos'), pos); tabs.append(t)
for r in hp.runs: r.font.size = Pt(9)
fp = body.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
def field(p, instr):
    r = p.add_run(); f = OxmlElement('w:fldChar'); f.set(qn('w:fldCharType'), 'begin'); r._r.append(f)
    r = p.add_run(); i = OxmlElement('w:instrText'); i.set(qn('xml:space'), 'preserve'); i.text = instr; r._r.append(i)
    r = p.add_run(); f = OxmlElement('w:fldChar'); f.set(qn('w:fldCharType'), 'separate'); r._r.append(f)
    r = p.add_run('1')
    r = p.add_run(); f = OxmlElement('w:fldChar'); f.set(qn('w:fldCharType'), 'end'); r._r.append(f)
fp.add_run('第'); field(fp, ' PAGE '); fp.add_run('页，共'); field(fp, ' SECTIONPAGES '); fp.add_run('页')
pg = OxmlElement('w:pgNumType'); pg.set(qn('w:start'), '1'); body._sectPr.append(pg)
d.add_paragraph('一、工程概况', style='Heading 1')
d.add_paragraph('本工程位于某某县城区，道路全长2.5km，设计速度40km/h。', style='Normal')
d.add_paragraph('1.1 工程简介', style='Heading 2')
d.add_paragraph('1.1.1 建设内容', style='Heading 3')
d.add_paragraph('主要建设内容包括道路、排水、照明及绿化工程。', style='Normal')
d.core_properties.author = ''
d.core_properties.last_modified_by = ''
d.save('python-docx-bid.docx')
