// JobQueue: a fixed set of worker threads with a bounded queue in front, and a time limit on
// each answer — the load limits of `bidfmt serve`.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace bidfmt::serve {

class JobQueue {
 public:
  // `workers` threads; at most `capacity` jobs wait for one. `before_job` (may be empty) runs on
  // the worker before each job.
  JobQueue(int workers, int capacity, std::function<void()> before_job);
  ~JobQueue();  // drain()
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  enum class Outcome { done, full, timeout };
  // Runs `job` on a worker and waits for it up to `timeout`. full: `capacity` jobs are already
  // waiting (nothing runs). timeout: no result in time — a job not yet started is dropped; one
  // running cannot be interrupted inside the library, so it finishes on its own and its result is
  // thrown away (the job must own what it uses: it may outlive the caller). An exception the job
  // throws is rethrown here.
  Outcome run(std::function<void()> job, std::chrono::milliseconds timeout);
  // Stops taking jobs, lets every queued and running one finish, joins the workers.
  void drain();

 private:
  struct Task;
  void work();
  std::function<void()> before_job_;
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Task>> waiting_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace bidfmt::serve
