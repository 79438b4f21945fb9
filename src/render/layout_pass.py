# bidfmt's LibreOffice layout pass (run with Debian's /usr/bin/python3 and python3-uno):
#   layout_pass.py IN.docx OUT.json [--pdf OUT.pdf] [--doc OUT.doc] [--docx OUT.docx] [--update-toc]
#                  [--anchors PREFIX]
# Starts a private headless soffice, loads IN.docx hidden, optionally updates every document index
# (the TOC), refreshes fields, and writes OUT.json:
#   {"toc": [[entry text, page text], ...], "body_pages": N, "pages": M,
#    "page_starts": [[page the view cursor reached, Y], ...],            (with --anchors)
#    "anchors": {bookmark: [page, Y, table width or null, table's last page or null], ...}}
# body_pages is LibreOffice's own value of the footer field PAGEREF _BodyEnd (ooxml-notes §2, §10).
# --anchors PREFIX reports where each bookmark named PREFIX… is laid out: its page as LibreOffice
# counts them (automatic blank pages included), the Y of its line in 1/100 mm of the layout, and
# for a bookmark named PREFIXt… in a table cell the table's rendered width (1/100 mm) and its last
# page. Each bookmark costs a few round trips to soffice (about 5 ms): mark what you need.
# page_starts[i] is where the view cursor lands on jumping to page i+1: a page it cannot reach is
# an automatic blank page (LibreOffice inserts one before a section that restarts at an odd number
# on an even page), which the PDF export skips.
# Without --update-toc the document is laid out as it is: fields are not refreshed and the TOC
# keeps the page numbers it was saved with.
# With --pdf it also exports the laid-out document as PDF. It saves a DOCX only with --docx, which
# converts a file people have (.doc, .wps, .rtf, .odt: IN is then that file) into a DOCX for check
# and fix to read; bidfmt's own DOCX output is never saved by LibreOffice.
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def locate(doc, prefix, pages):
    """Pages and positions of the bookmarks named prefix…, and where each page starts."""
    vc = doc.getCurrentController().getViewCursor()
    starts = []
    for n in range(1, pages + 1):
        try:
            vc.jumpToPage(n)
            vc.jumpToStartOfPage()
            starts.append([vc.getPage(), vc.getPosition().Y])
        except Exception:
            starts.append([0, 0])
    anchors = {}
    marks = doc.getBookmarks()
    for name in marks.getElementNames():
        if not name.startswith(prefix):
            continue
        try:
            rng = marks.getByName(name).getAnchor()
            vc.gotoRange(rng, False)
            entry = [vc.getPage(), vc.getPosition().Y, None, None]
            table = None
            if name[len(prefix):len(prefix) + 1] == "t":  # PREFIXt…: a table's first cell
                try:
                    table = rng.getPropertyValue("TextTable")
                except Exception:
                    table = None
            if table is not None:
                entry[2] = table.getPropertyValue("Width")
                cells = table.getCellNames()
                if cells:
                    last = table.getCellByName(cells[-1])
                    vc.gotoRange(last.getText().getEnd(), False)
                    entry[3] = vc.getPage()
            anchors[name] = entry
        except Exception:
            pass
    return {"page_starts": starts, "anchors": anchors}


def main():
    args = sys.argv[1:]
    pdf = None
    update_toc = False
    if "--pdf" in args:
        i = args.index("--pdf")
        pdf = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    doc_out = None
    if "--doc" in args:
        i = args.index("--doc")
        doc_out = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    docx_out = None
    if "--docx" in args:
        i = args.index("--docx")
        docx_out = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    if "--update-toc" in args:
        args.remove("--update-toc")
        update_toc = True
    anchors_prefix = None
    if "--anchors" in args:
        i = args.index("--anchors")
        anchors_prefix = args[i + 1]
        del args[i:i + 2]
    src, out_json = os.path.abspath(args[0]), os.path.abspath(args[1])

    profile = tempfile.mkdtemp(prefix="bidfmt-lo-")
    pipe = "bidfmt%d" % os.getpid()
    soffice = os.environ.get("BIDFMT_SOFFICE", "soffice")
    proc = subprocess.Popen(
        [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if proc.poll() is not None:
                    raise SystemExit("soffice exited before accepting a connection")
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit("cannot connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                           (prop("Hidden", True), prop("ReadOnly", True)))
        if doc is None:
            raise SystemExit("LibreOffice cannot open " + src)
        toc = []
        indexes = doc.getDocumentIndexes()
        for _ in range(2 if update_toc else 0):
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.getTextFields().refresh()
        for i in range(indexes.getCount()):
            idx = indexes.getByIndex(i)
            if idx.supportsService("com.sun.star.text.ContentIndex"):
                for line in idx.getAnchor().getString().splitlines():
                    if "\t" in line:
                        text, page = line.rsplit("\t", 1)
                        toc.append([text.strip(), page.strip()])
        if update_toc:
            doc.getTextFields().refresh()
        body_pages = None
        fields = doc.getTextFields().createEnumeration()
        while fields.hasMoreElements():
            f = fields.nextElement()
            if f.supportsService("com.sun.star.text.TextField.GetReference"):
                try:
                    if f.getPropertyValue("SourceName") == "_BodyEnd":
                        body_pages = f.getPresentation(False)
                except Exception:
                    pass
        pages = doc.getCurrentController().getPropertyValue("PageCount")
        result = {"toc": toc, "body_pages": body_pages, "pages": pages}
        if anchors_prefix is not None:
            result.update(locate(doc, anchors_prefix, pages))
        if pdf:
            doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "writer_pdf_Export"),))
        if doc_out:  # output.word2003: a Word 97-2003 copy
            doc.storeToURL(uno.systemPathToFileUrl(doc_out), (prop("FilterName", "MS Word 97"),))
        if docx_out:  # a .doc/.wps/.rtf/.odt input, converted for check and fix
            doc.storeToURL(uno.systemPathToFileUrl(docx_out), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        with open(out_json, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
