// A fixed set of threads that turn jobs into results, handed back in submission order.
// The import analyses records on these threads and writes them, in file order, on one.
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

  /// `threads` 0 runs every job on the submitting thread. At most `window` jobs are in
  /// flight, which bounds memory however long the input is.
  OrderedWorkers(unsigned threads, Work work, std::size_t window)
      : work_(std::move(work)), slots_(threads == 0 ? 1 : window) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { serve(); });
  }

  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  /// Stops the threads; results not yet taken are dropped.
  ~OrderedWorkers() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
      jobs_.clear();
    }
    job_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  /// Queues `job`. While the window is full it hands finished results to `consume`, on
  /// this thread, oldest first.
  template <typename Consume>
  void submit(Job job, Consume&& consume) {
    if (threads_.empty()) {
      Result result = work_(job);
      consume(result);
      return;
    }
    std::unique_lock lock(mutex_);
    while (submitted_ - taken_ == slots_.size()) take_one(lock, consume);
    jobs_.emplace_back(submitted_++, std::move(job));
    lock.unlock();
    job_ready_.notify_one();
  }

  /// Waits for every job submitted so far and hands their results to `consume`, in order.
  template <typename Consume>
  void finish(Consume&& consume) {
    std::unique_lock lock(mutex_);
    while (taken_ < submitted_) take_one(lock, consume);
  }

 private:
  template <typename Consume>
  void take_one(std::unique_lock<std::mutex>& lock, Consume& consume) {
    std::optional<Result>& slot = slots_[taken_ % slots_.size()];
    result_ready_.wait(lock, [&] { return slot.has_value(); });
    Result result = std::move(*slot);
    slot.reset();
    ++taken_;
    lock.unlock();
    consume(result);
    lock.lock();
  }

  void serve() {
    for (;;) {
      std::unique_lock lock(mutex_);
      job_ready_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
      if (closing_) return;
      auto [sequence, job] = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      Result result = work_(job);
      lock.lock();
      slots_[sequence % slots_.size()] = std::move(result);
      // Only the oldest result unblocks the consumer; waking it for others is wasted.
      if (sequence == taken_) {
        lock.unlock();
        result_ready_.notify_one();
      }
    }
  }

  Work work_;
  std::vector<std::optional<Result>> slots_;
  std::deque<std::pair<std::size_t, Job>> jobs_;
  std::size_t submitted_ = 0;
  std::size_t taken_ = 0;
  bool closing_ = false;
  std::mutex mutex_;
  std::condition_variable job_ready_;
  std::condition_variable result_ready_;
  std::vector<std::thread> threads_;
};

}  // namespace agora::index
