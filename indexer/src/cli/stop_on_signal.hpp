// SIGINT and SIGTERM ask a long command to stop after what it is doing, not to die.
#pragma once

#include <atomic>
#include <csignal>

namespace agora::index::cli {

/// While it lives, SIGINT and SIGTERM set `requested()` instead of ending the process;
/// the command polls it, commits what it has and returns.
class StopOnSignal {
 public:
  StopOnSignal() {
    flag().store(false);
    previous_int_ = std::signal(SIGINT, &StopOnSignal::request);
    previous_term_ = std::signal(SIGTERM, &StopOnSignal::request);
  }
  ~StopOnSignal() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  const std::atomic<bool>* requested() const { return &flag(); }

 private:
  static std::atomic<bool>& flag() {
    static std::atomic<bool> stop{false};
    return stop;
  }
  static void request(int) { flag().store(true); }

  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
};

}  // namespace agora::index::cli
