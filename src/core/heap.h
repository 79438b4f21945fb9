// The process heap and how its pages are faulted in (Linux with glibc; elsewhere these do nothing).
#pragma once

namespace bidfmt::core {

// Called first in main. The process heap is reserved ahead and marked for transparent huge pages
// (madvise): reading a 1,000-page DOCX parses 9 MB of XML into a 24 MB tree, and faulting that in
// 4 KB at a time — thousands of page faults, each zeroing a page — took a quarter of the run; in
// 2 MB pages it takes a few dozen. Where the kernel leaves THP off it changes nothing.
void heap_on_huge_pages();

// Called once the main part is parsed: what the heap grows into from here — the model built while
// the tree is freed — is faulted in 4 KB pages. A huge page is resident whole however little of it
// is used, and the model's pages are touched a few at a time: in 2 MB pages a 1,000-page check
// held 2–3 MB more at its peak, for no time saved. Does nothing unless heap_on_huge_pages did.
void small_pages_from_here();

// Returns the heap's free pages to the system (malloc_trim).
void give_back_freed_memory();

}  // namespace bidfmt::core
