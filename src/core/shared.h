// Shared<T>: a value shared by reference count, in one pointer.
//
// std::shared_ptr is two pointers (the object and its control block). A finding holds two shared
// values — what it says and where — and a badly formatted 1,000-page bid has 160,000 findings:
// the second pointer of each was 5 MB of check's peak. Shared has no weak references, no custom
// deleter and no aliasing, which those values do not need. Copies share; the count is atomic, so
// copies may live in several threads. The value is read through the handle; edit() gives a
// handle of its own (a copy when others share it) to change before sharing it again.
#pragma once
#include <atomic>
#include <cstddef>
#include <utility>

namespace bidfmt::core {

template <typename T>
class Shared {
 public:
  Shared() = default;
  Shared(std::nullptr_t) {}  // NOLINT: null converts, as for shared_ptr
  template <typename... Args>
  static Shared make(Args&&... args) {
    Shared s;
    s.box_ = new Box(std::forward<Args>(args)...);
    return s;
  }
  Shared(const Shared& o) noexcept : box_(o.box_) {
    if (box_) box_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  Shared(Shared&& o) noexcept : box_(std::exchange(o.box_, nullptr)) {}
  Shared& operator=(Shared o) noexcept {
    std::swap(box_, o.box_);
    return *this;
  }
  ~Shared() {
    if (box_ && box_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete box_;
  }

  const T* get() const { return box_ ? &box_->value : nullptr; }
  const T& operator*() const { return box_->value; }
  const T* operator->() const { return &box_->value; }
  explicit operator bool() const { return box_ != nullptr; }
  bool operator==(const Shared& o) const { return box_ == o.box_; }
  bool operator!=(const Shared& o) const { return box_ != o.box_; }

  // The value to change: this handle's own (copied first when another handle shares it, made
  // from T's default when null).
  T& edit() {
    if (!box_) box_ = new Box();
    else if (box_->refs.load(std::memory_order_acquire) != 1) *this = make(box_->value);
    return box_->value;
  }

 private:
  struct Box {
    template <typename... Args>
    explicit Box(Args&&... args) : value(std::forward<Args>(args)...) {}
    std::atomic<long> refs{1};
    T value;
  };
  Box* box_ = nullptr;
};

}  // namespace bidfmt::core
