// The process heap on transparent huge pages (Linux, glibc): see cli.h.
#include "cli/cli.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#endif

namespace bidfmt::cli {

void heap_on_huge_pages() {
#if defined(__linux__) && defined(__GLIBC__)
  constexpr size_t kPad = size_t{128} << 20;  // virtual address space only: pages are backed when touched
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  // Large blocks (a part's inflated XML, the paragraph and finding arrays) from the heap too, not
  // from mmap calls of their own; each growth of the heap reserves kPad more, and freeing memory
  // keeps kPad of it instead of giving it back to be faulted in again.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TOP_PAD, static_cast<int>(kPad)) != 1) return;
  // Grow the heap now (a block larger than what static initialisation left free), then mark what
  // it reserved. Under a sanitizer's allocator the break does not move and nothing is marked.
  auto old_break = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile block = std::malloc(size_t{1} << 20);  // volatile: the compiler may not drop the pair
  auto new_break = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(block);
  uintptr_t from = (old_break + kHuge - 1) & ~(kHuge - 1), to = new_break & ~(kHuge - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);  // a hint: failure is harmless
#endif
}

}  // namespace bidfmt::cli
