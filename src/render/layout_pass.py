# bidfmt's LibreOffice layout pass (run with Debian's /usr/bin/python3 and python3-uno):
#   layout_pass.py [--profile-dir DIR] IN.docx OUT.json [--pdf OUT.pdf] [--doc OUT.doc] [--docx OUT.docx]
#                  [--update-toc | --toc-mark NAME] [--anchors PREFIX]
#   layout_pass.py [--profile-dir DIR] --serve      (a worker: jobs of the same arguments on fd 0, see serve())
# Starts a headless soffice (its user profile a slot under DIR, created once and reused; a fresh
# temp profile without DIR), loads IN.docx hidden — once: everything below is done on that one
# load — optionally updates every document index (the TOC), and writes OUT.json:
#   {"toc": [[entry text, page text], ...], "body_pages": N, "pages": M,
#    "page_starts": [[page the view cursor reached, Y], ...],            (with --anchors)
#    "anchors": {bookmark: [page, Y, table width or null, table's last page or null], ...}}
# body_pages is LibreOffice's own value of the footer field PAGEREF _BodyEnd (ooxml-notes §2, §10),
# read with --update-toc or --toc-mark only (null without).
# --toc-mark NAME: IN is bidfmt's layout draft, whose TOC is plain paragraphs (no TOC field) inside
# the bookmark NAME, each with a PAGEREF field to its heading. LibreOffice computes page references
# as it lays the pages out, so the layout and the PDF show the right numbers with no index update
# (which lays the document out a second time); the numbers are read back from the bookmark's text
# after the PDF export has drawn the pages (without --pdf, after one refresh of the fields).
# --anchors PREFIX reports where each bookmark named PREFIX… is laid out: its page as LibreOffice
# counts them (automatic blank pages included), the Y of its line in 1/100 mm of the layout, and
# for a bookmark named PREFIXt… in a table cell the table's rendered width (1/100 mm) and its last
# page. Each bookmark costs a few round trips to soffice (about 5 ms): mark what you need.
# page_starts[i] is where the view cursor lands on jumping to page i+1: a page it cannot reach is
# an automatic blank page (LibreOffice inserts one before a section that restarts at an odd number
# on an even page), which the PDF export skips.
# Without --update-toc the document is laid out as it is: the TOC keeps the page numbers it was saved with.
# With --pdf it also exports the laid-out document as PDF. It saves a DOCX only with --docx, which
# converts a file people have (.doc, .wps, .rtf, .odt: IN is then that file) into a DOCX for check
# and fix to read; bidfmt's own DOCX output is never saved by LibreOffice.
import fcntl
import json
import os
import shutil
import signal
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


def toc_lines(indexes):
    """The number of lines of every table of contents."""
    n = 0
    for i in range(indexes.getCount()):
        idx = indexes.getByIndex(i)
        if idx.supportsService("com.sun.star.text.ContentIndex"):
            n += len(idx.getAnchor().getString().splitlines())
    return n


def toc_entries(text):
    """[entry text, page] of each TOC line ("entry<TAB>page") of `text`."""
    out = []
    for line in text.splitlines():
        if "\t" in line:
            entry, page = line.rsplit("\t", 1)
            out.append([entry.strip(), page.strip()])
    return out


def is_body_total(field):
    """Is `field` the footer total PAGEREF _BodyEnd?"""
    try:
        return (field.supportsService("com.sun.star.text.TextField.GetReference")
                and field.getPropertyValue("SourceName") == "_BodyEnd")
    except Exception:
        return False


def footer_total(doc):
    """The value of PAGEREF _BodyEnd in the first page style footer that has it (None if none
    has): a few dozen round trips, where a walk over every field of the document costs one per
    field (seconds on a 1,500-page bid)."""
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if not style.getPropertyValue("FooterIsOn"):
            continue
        for key in ("FooterText", "FooterTextLeft", "FooterTextFirst"):
            text = style.getPropertyValue(key)
            paras = text.createEnumeration() if text is not None else None
            while paras is not None and paras.hasMoreElements():
                para = paras.nextElement()
                if not para.supportsService("com.sun.star.text.Paragraph"):
                    continue
                portions = para.createEnumeration()
                while portions.hasMoreElements():
                    portion = portions.nextElement()
                    if portion.getPropertyValue("TextPortionType") == "TextField":
                        field = portion.getPropertyValue("TextField")
                        if is_body_total(field):
                            return field.getPresentation(False)
    return None


def export(doc, path, filter_name):
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", filter_name),))


def page_count(doc):
    return doc.getCurrentController().getPropertyValue("PageCount")


def parse_job(args):
    """IN.docx OUT.json [--pdf OUT.pdf] [--doc OUT.doc] [--update-toc | --toc-mark NAME] [--anchors PREFIX]"""
    args = list(args)
    job = {"pdf": None, "doc": None, "docx": None, "update_toc": False, "anchors": None, "toc_mark": None}
    for opt, key in (("--pdf", "pdf"), ("--doc", "doc"), ("--docx", "docx")):
        if opt in args:
            i = args.index(opt)
            job[key] = os.path.abspath(args[i + 1])
            del args[i:i + 2]
    if "--update-toc" in args:
        args.remove("--update-toc")
        job["update_toc"] = True
    for opt, key in (("--anchors", "anchors"), ("--toc-mark", "toc_mark")):
        if opt in args:
            i = args.index(opt)
            job[key] = args[i + 1]
            del args[i:i + 2]
    job["src"], job["json"] = os.path.abspath(args[0]), os.path.abspath(args[1])
    return job


def lay_out(desktop, job, done=None):
    """One document: load it once, update (with update_toc), read the numbers, export, write
    OUT.json, call done() (the worker answers then: closing the document is not the caller's
    wait), close."""
    src, update_toc = job["src"], job["update_toc"]
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("LibreOffice cannot open " + src)
    try:
        toc = []
        indexes = doc.getDocumentIndexes()
        # Two rounds of index update, unless the first changed neither the number of TOC lines
        # nor of pages: then no heading moved and the second would find the same numbers
        # (bidfmt's draft TOC already holds one line per entry; a round is about a tenth of the
        # pass on a 160-page bid). The fields are not refreshed: the footers' PAGEREF _BodyEnd is
        # a page reference, which LibreOffice computes as it lays the page out (a draft saying
        # 共1384页 exports 共1541页 without a refresh), and bidfmt's other fields (PAGE, REF, SEQ)
        # hold their results already. A refresh made LibreOffice lay the whole document out once
        # more: 3 of the 50 s a 1,571-page bid took, for the same PDF.
        for n in range(2 if update_toc else 0):
            before = (toc_lines(indexes), page_count(doc)) if n == 0 else None
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            if before is not None and before == (toc_lines(indexes), page_count(doc)):
                break
        pdf_done = False
        if job["toc_mark"] is not None:
            # The PDF first, from the one layout: its TOC numbers and footer totals are the page
            # references LibreOffice computed as it laid the pages out, its other fields (REF, SEQ)
            # the results bidfmt wrote, as Word shows them. Drawing the pages for the export leaves
            # each PAGEREF field holding the number its page shows, so bidfmt's own TOC lines and
            # the footer total are read as they are. Without a PDF nothing has drawn the pages and
            # the fields still hold the draft's estimates: they are refreshed first (0.15 s on a
            # 160-page bid, the one step a bare conversion does not take).
            if job["pdf"]:
                export(doc, job["pdf"], "writer_pdf_Export")
                pdf_done = True
            else:
                doc.getTextFields().refresh()
            marks = doc.getBookmarks()
            if marks.hasByName(job["toc_mark"]):
                toc = toc_entries(marks.getByName(job["toc_mark"]).getAnchor().getString())
        else:
            for i in range(indexes.getCount()):
                idx = indexes.getByIndex(i)
                if idx.supportsService("com.sun.star.text.ContentIndex"):
                    toc += toc_entries(idx.getAnchor().getString())
        # Only a build asks for it (it writes the number into its footers).
        body_pages = footer_total(doc) if update_toc or job["toc_mark"] is not None else None
        pages = page_count(doc)
        result = {"toc": toc, "body_pages": body_pages, "pages": pages}
        if job["anchors"] is not None:
            result.update(locate(doc, job["anchors"], pages))
        if job["pdf"] and not pdf_done:
            export(doc, job["pdf"], "writer_pdf_Export")
        if job["doc"]:  # output.word2003: a Word 97-2003 copy
            export(doc, job["doc"], "MS Word 97")
        if job["docx"]:  # a .doc/.wps/.rtf/.odt input, converted for check and fix
            export(doc, job["docx"], "MS Word 2007 XML")
        with open(job["json"], "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False)
        if done is not None:
            done()
    finally:
        try:
            doc.close(True)
        except Exception:
            pass


class Office:
    """A headless soffice on a private pipe, with the user profile at `profile` (a file path)."""

    def __init__(self, profile):
        self.profile = profile
        self.pipe = "bidfmt%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        soffice = os.environ.get("BIDFMT_SOFFICE", "soffice")
        self.proc = subprocess.Popen(
            [soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless", "--invisible",
             "--nologo", "--norestore", "--nodefault", "--accept=pipe,name=%s;urp;" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.desktop = None
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        # Asked every 20 ms for a minute: soffice takes a few tenths of a second to accept, and
        # each poll it answers late is time the caller waits.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                return
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise RuntimeError("soffice exited before accepting a connection")
                time.sleep(0.02)
        self.close()
        raise RuntimeError("cannot connect to soffice")

    def alive(self):
        return self.proc.poll() is None

    def close(self):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def profile_slot(base):
    """A user profile under `base` that no other soffice uses now: slot N is taken by holding an
    exclusive lock on base/N.lock for this process's life (two bidfmt runs, or the workers of one,
    get different slots; a killed worker's lock goes with it). Created on first use, then reused.
    Returns (path, lock file) or (None, None) when `base` cannot be used."""
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None, None
    for n in range(64):
        try:
            lock = open(os.path.join(base, "%d.lock" % n), "a")
        except OSError:
            return None, None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        path = os.path.join(base, str(n))
        # LibreOffice's own lock of a profile left by a killed soffice: ours says nobody uses it.
        try:
            os.remove(os.path.join(path, ".lock"))
        except OSError:
            pass
        return path, lock
    return None, None


def start_office(profile_base):
    """soffice on a persistent profile slot when there is one (a fresh temp profile otherwise). A
    slot whose profile does not start (left half-written by a killed first run) is made anew once.
    Returns (office, temp dir to remove or None, lock)."""
    path, lock = profile_slot(profile_base) if profile_base else (None, None)
    if path is None:
        tmp = tempfile.mkdtemp(prefix="bidfmt-lo-")
        return Office(tmp), tmp, None
    try:
        return Office(path), None, lock
    except RuntimeError:
        shutil.rmtree(path, ignore_errors=True)
        return Office(path), None, lock


def test_fault(src):
    """Test hook: BIDFMT_TEST_LO_FAULT=crash:NAME or hang:NAME makes soffice crash on, or the pass
    hang over, a document whose file name contains NAME; crash-after:NAME makes soffice crash once
    that document's job is answered and the document closed (tests of the pool's recovery)."""
    fault = os.environ.get("BIDFMT_TEST_LO_FAULT", "")
    kind, _, name = fault.partition(":")
    return kind if name and name in os.path.basename(src) else None


def office_answers(office):
    """After a failed job: is soffice still there and talking (else the job crashed it)?"""
    if not office.alive():
        return False
    try:
        office.desktop.getComponents()
        return True
    except Exception:
        return False


def children(pid):
    """Processes whose parent is `pid` (from /proc)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return out


def crash(office):
    """Test hook: soffice.bin, the child of the oosplash we started, dies."""
    for pid in children(office.proc.pid):
        os.kill(pid, signal.SIGSEGV)
    office.proc.wait()


def serve(profile_base):
    """Worker mode: jobs on fd 0 (a socket), each its arguments NUL-terminated and closed by an
    empty one; one answer line per job: "ok", "fail MESSAGE" (the worker goes on) or "dead MESSAGE"
    (soffice is gone; the worker exits). EOF on fd 0 ends the worker."""
    chan = os.fdopen(0, "rb", buffering=0)
    out = os.fdopen(os.dup(0), "wb", buffering=0)
    os.dup2(2, 1)  # nothing but answers on the channel
    office, tmp, lock = start_office(profile_base)
    out.write(b"ready\n")
    pending = b""
    try:
        while True:
            while b"\0\0" not in pending:
                chunk = chan.read(65536)
                if not chunk:
                    return
                pending += chunk
            raw, pending = pending.split(b"\0\0", 1)
            job = parse_job([a.decode("utf-8", "surrogateescape") for a in raw.split(b"\0")])
            # The answer goes before the document is closed: a soffice that died closing the
            # last one (its job was done) is replaced here, on the same profile, not blamed on
            # the next document.
            if not office.alive():
                office.close()
                office = Office(office.profile)
            fault = test_fault(job["src"])
            if fault == "crash":  # soffice.bin, the child of the oosplash we started, dies
                crash(office)
            elif fault == "hang":
                time.sleep(10 ** 6)
            try:
                lay_out(office.desktop, job, lambda: out.write(b"ok\n"))
                if fault == "crash-after":
                    crash(office)
            except Exception as e:
                msg = str(e).replace("\n", " ") or type(e).__name__
                if not office_answers(office):
                    out.write(("dead soffice crashed on this document (" + msg + ")\n").encode("utf-8", "replace"))
                    return
                out.write(("fail " + msg + "\n").encode("utf-8", "replace"))
    finally:
        office.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    args = sys.argv[1:]
    profile_base = None
    if "--profile-dir" in args:
        i = args.index("--profile-dir")
        profile_base = args[i + 1]
        del args[i:i + 2]
    if "--serve" in args:
        serve(profile_base)
        return
    job = parse_job(args)
    office, tmp, lock = start_office(profile_base)
    try:
        lay_out(office.desktop, job)
    except RuntimeError as e:
        raise SystemExit(str(e))
    finally:
        office.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
