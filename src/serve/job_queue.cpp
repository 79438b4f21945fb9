#include "serve/job_queue.h"

namespace bidfmt::serve {

struct JobQueue::Task {
  std::function<void()> fn;
  std::mutex mutex;
  std::condition_variable done_cv;
  bool started = false, finished = false, dropped = false;
  std::exception_ptr error;
};

JobQueue::JobQueue(int workers, int capacity, std::function<void()> before_job)
    : before_job_(std::move(before_job)), capacity_(static_cast<size_t>(capacity > 0 ? capacity : 0)) {
  for (int i = 0; i < (workers > 0 ? workers : 1); ++i) workers_.emplace_back([this] { work(); });
}

JobQueue::~JobQueue() { drain(); }

void JobQueue::drain() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_)
    if (t.joinable()) t.join();
}

JobQueue::Outcome JobQueue::run(std::function<void()> job, std::chrono::milliseconds timeout) {
  auto task = std::make_shared<Task>();
  task->fn = std::move(job);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || waiting_.size() >= capacity_) return Outcome::full;
    waiting_.push_back(task);
  }
  wake_.notify_one();
  std::unique_lock<std::mutex> lock(task->mutex);
  if (!task->done_cv.wait_for(lock, timeout, [&] { return task->finished; })) {
    if (!task->started) task->dropped = true;
    return Outcome::timeout;
  }
  if (task->error) std::rethrow_exception(task->error);
  return Outcome::done;
}

void JobQueue::work() {
  for (;;) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // stopping, and nothing left to do
      task = std::move(waiting_.front());
      waiting_.pop_front();
    }
    {
      std::lock_guard<std::mutex> lock(task->mutex);
      if (task->dropped) continue;  // its caller gave up before it started
      task->started = true;
    }
    std::exception_ptr error;
    try {
      if (before_job_) before_job_();
      task->fn();
    } catch (...) {
      error = std::current_exception();
    }
    task->fn = nullptr;  // what the job owns goes now (its temp dir), not when the caller lets go
    {
      std::lock_guard<std::mutex> lock(task->mutex);
      task->error = error;
      task->finished = true;
    }
    task->done_cv.notify_all();
  }
}

}  // namespace bidfmt::serve
