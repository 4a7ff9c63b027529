// A one-line progress display for terminals: records, records/s, current file.
#pragma once

#include <chrono>
#include <ostream>

#include "agora/index/import_run.hpp"

namespace agora::index::cli {

/// Redraws at most ten times a second on `out`, which must be a terminal.
class ProgressBar final : public ImportProgress {
 public:
  explicit ProgressBar(std::ostream& out) : out_(out) {}
  void update(const ImportSummary& so_far, const std::string& current_file) override;
  void finish() override;

 private:
  std::ostream& out_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace agora::index::cli
