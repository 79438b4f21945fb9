// core/shared.h: a value shared by reference count in one pointer — copies share, edit() copies
// first when shared, the last handle frees the value, and copies may be made in several threads.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/shared.h"

namespace bidfmt::core {
namespace {

// Counts the values alive, to see the last handle free its value.
struct Counted {
  static int alive;
  std::string text;
  explicit Counted(std::string t = "") : text(std::move(t)) { ++alive; }
  Counted(const Counted& o) : text(o.text) { ++alive; }
  ~Counted() { --alive; }
};
int Counted::alive = 0;

TEST(Shared, IsOnePointer) { EXPECT_EQ(sizeof(Shared<std::string>), sizeof(void*)); }

TEST(Shared, CopiesShareAndTheLastFrees) {
  {
    Shared<Counted> a = Shared<Counted>::make("一");
    Shared<Counted> b = a;
    Shared<Counted> c;
    EXPECT_FALSE(c);
    c = b;
    EXPECT_TRUE(a == c);
    EXPECT_EQ(c->text, "一");
    EXPECT_EQ(Counted::alive, 1);
    a = nullptr;
    b = Shared<Counted>();
    EXPECT_EQ(Counted::alive, 1);  // c still holds it
    Shared<Counted> d = std::move(c);
    EXPECT_FALSE(c);  // NOLINT: moved from, as specified
    EXPECT_EQ(d->text, "一");
  }
  EXPECT_EQ(Counted::alive, 0);
}

TEST(Shared, EditCopiesWhenShared) {
  Shared<Counted> a = Shared<Counted>::make("原");
  Shared<Counted> b = a;
  b.edit().text = "改";
  EXPECT_EQ(a->text, "原");
  EXPECT_EQ(b->text, "改");
  EXPECT_FALSE(a == b);
  const Counted* own = b.get();
  b.edit().text = "再改";  // its own now: changed in place
  EXPECT_EQ(b.get(), own);
  Shared<Counted> none;
  none.edit().text = "新";  // null: a default value, then changed
  EXPECT_EQ(none->text, "新");
}

TEST(Shared, CopiesInSeveralThreads) {
  Shared<std::string> s = Shared<std::string>::make("共享");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([s] {
      std::vector<Shared<std::string>> copies(1000, s);
      for (auto& c : copies) c = nullptr;
    });
  for (std::thread& t : threads) t.join();
  Shared<std::string> last = s;
  s = nullptr;
  EXPECT_EQ(*last, "共享");
}

}  // namespace
}  // namespace bidfmt::core
