// The process heap and its pages (Linux, glibc): see heap.h.
#include "core/heap.h"

#include <atomic>
#include <cstdint>  // before the tests below: a C library header defines __GLIBC__
#include <cstdlib>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace bidfmt::core {

#if defined(__linux__) && defined(__GLIBC__)
namespace {
constexpr uintptr_t kHuge = uintptr_t{2} << 20;
std::atomic<bool> g_huge{false};  // heap_on_huge_pages marked the heap
}  // namespace
#endif

void heap_on_huge_pages() {
#if defined(__linux__) && defined(__GLIBC__)
  constexpr size_t kPad = size_t{128} << 20;  // virtual address space only: pages are backed when touched
  // Large blocks (a part's inflated XML, the paragraph and finding arrays) from the heap too, not
  // from mmap calls of their own; each growth of the heap reserves kPad more, and freeing memory
  // keeps kPad of it instead of giving it back to be faulted in again.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TOP_PAD, static_cast<int>(kPad)) != 1) return;
  // Grow the heap now (a block larger than what static initialisation left free), then mark what
  // it reserved. Under a sanitizer's allocator the break does not move and nothing is marked.
  auto old_break = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile block = std::malloc(size_t{1} << 20);  // volatile: the compiler may not drop the pair
  std::free(block);                                     // the heap keeps kPad past its top: the break after the free is what stays
  auto new_break = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t from = (old_break + kHuge - 1) & ~(kHuge - 1), to = new_break & ~(kHuge - 1);
  // A hint: failure is harmless.
  if (to > from && madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) == 0) g_huge = true;
#endif
}

void small_pages_from_here() {
#if defined(__linux__) && defined(__GLIBC__)
  if (!g_huge) return;
  // The heap in use ends where its free top chunk (mallinfo2's keepcost) begins; from the next
  // 2 MB boundary to the break, pages are small again. The huge pages already touched stay.
  struct mallinfo2 mi = mallinfo2();
  auto brk_now = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t from = (brk_now - mi.keepcost + kHuge - 1) & ~(kHuge - 1);
  if (brk_now > from) madvise(reinterpret_cast<void*>(from), brk_now - from, MADV_NOHUGEPAGE);
#endif
}

void give_back_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace bidfmt::core
