// LibreOffice workers kept for the life of the process: each a layout_pass.py --serve with its own
// headless soffice, reused for document after document (as JODConverter does). A batch — check
// --render of many files, a split build — thus starts soffice once per worker, not per document.
#pragma once
#include <string>
#include <vector>

namespace bidfmt::render {

struct JobOutcome {
  enum Kind { ok, failed, timed_out };
  Kind kind = ok;
  std::string message;  // why it failed: LibreOffice's words, or how the worker ended
};

// Runs one layout job (layout_pass.py's arguments: IN OUT.json [--pdf …] …) on an idle worker, or
// a new one when all are busy — so there are as many workers as threads asking at once (check's
// --jobs). A worker is replaced after it has laid out `documents_per_worker()` documents, after
// soffice crashed (this job fails; the next gets a fresh worker) and after a timeout (the worker and
// its soffice are killed). `env` ("K=V") is the environment a new worker starts with.
JobOutcome run_job(const std::vector<std::string>& job, const std::vector<std::string>& env, int timeout_s);

// Starts `n` workers now (python and soffice start in the background; nothing waits for them) for
// the jobs that will come: a build starts soffice before writing the DOCX it will lay out, check
// --render before reading the files. Workers started for the job environment {} (layout()'s).
void prestart_workers(int n);

// Documents a worker lays out before it is replaced: 50, or BIDFMT_LO_MAX_DOCS.
int documents_per_worker();

// Workers started and documents laid out so far in this process (tests, --progress).
struct PoolCounts {
  int workers_started = 0;
  int documents = 0;
  long pages = 0;  // pages laid out, as the jobs reported them (add_pages)
};
PoolCounts pool_counts();
void add_pages(int pages);

// Ends every idle worker and waits for it (soffice closes its profile cleanly). At exit the
// workers are only told to end: they close soffice after bidfmt has returned.
void shut_down_workers();

}  // namespace bidfmt::render
