// A fixed set of threads that turn jobs into results, handed back in submission order.
// The import reads records on one thread, analyses them on these, and writes them, in
// the order read, on a third.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace agora::index {

template <typename Job, typename Result>
class OrderedWorkers {
 public:
  using Work = std::function<Result(Job&)>;

  /// At most `window` jobs are in flight, which bounds memory however long the input is.
  /// Each thread calls `on_start` first (to lower its priority, say).
  OrderedWorkers(
      unsigned threads, Work work, std::size_t window, std::function<void()> on_start = [] {})
      : work_(std::move(work)), slots_(window) {
    for (unsigned i = 0; i < threads; ++i) {
      threads_.emplace_back([this, on_start] {
        on_start();
        serve();
      });
    }
  }

  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  ~OrderedWorkers() {
    cancel();
    for (std::thread& thread : threads_) thread.join();
  }

  /// Queues `job`, waiting while the window is full. False once cancel() was called.
  bool submit(Job job) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return cancelled_ || submitted_ - taken_ < slots_.size(); });
    if (cancelled_) return false;
    jobs_.emplace_back(submitted_++, std::move(job));
    lock.unlock();
    job_ready_.notify_one();
    return true;
  }

  /// No more jobs will come: drain() returns once it has handed over the last result.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    result_ready_.notify_all();
  }

  /// Drops what is queued and wakes everyone; submit() refuses from now on.
  void cancel() {
    {
      std::lock_guard lock(mutex_);
      cancelled_ = closed_ = true;
      jobs_.clear();
    }
    job_ready_.notify_all();
    space_.notify_all();
    result_ready_.notify_all();
  }

  /// Hands every result to `consume`, in submission order, until close() or cancel().
  template <typename Consume>
  void drain(Consume&& consume) {
    std::unique_lock lock(mutex_);
    for (;;) {
      std::optional<Result>& slot = slots_[taken_ % slots_.size()];
      result_ready_.wait(lock, [&] {
        return cancelled_ || slot.has_value() || (closed_ && taken_ == submitted_);
      });
      if (cancelled_ || !slot.has_value()) return;
      Result result = std::move(*slot);
      slot.reset();
      ++taken_;
      lock.unlock();
      space_.notify_one();
      consume(result);
      lock.lock();
    }
  }

 private:
  void serve() {
    for (;;) {
      std::unique_lock lock(mutex_);
      job_ready_.wait(lock, [&] { return cancelled_ || !jobs_.empty(); });
      if (cancelled_) return;
      auto [sequence, job] = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      Result result = work_(job);
      lock.lock();
      if (cancelled_) return;
      slots_[sequence % slots_.size()] = std::move(result);
      // Only the oldest result unblocks the consumer; waking it for others is wasted.
      const bool oldest = sequence == taken_;
      lock.unlock();
      if (oldest) result_ready_.notify_one();
    }
  }

  Work work_;
  std::vector<std::optional<Result>> slots_;
  std::deque<std::pair<std::size_t, Job>> jobs_;
  std::size_t submitted_ = 0;
  std::size_t taken_ = 0;
  bool closed_ = false;
  bool cancelled_ = false;
  std::mutex mutex_;
  std::condition_variable job_ready_;
  std::condition_variable result_ready_;
  std::condition_variable space_;
  std::vector<std::thread> threads_;
};

}  // namespace agora::index
