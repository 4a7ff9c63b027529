// Progress display for agora-index add on a terminal.
#include "cli/progress_bar.hpp"

#include <algorithm>
#include <cstdio>

namespace agora::index::cli {

void ProgressBar::update(const ImportSummary& so_far, const std::string& current_file) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? so_far.records() / seconds : 0;
  const double bytes_per_second = seconds > 0 ? so_far.bytes / seconds : 0;
  // Whole files count as read once their records are written, so the estimate starts
  // after the first file.
  char eta[32] = "ETA --";
  if (bytes_per_second > 0 && so_far.total_bytes >= so_far.bytes) {
    const auto left = static_cast<long>((so_far.total_bytes - so_far.bytes) / bytes_per_second);
    std::snprintf(eta, sizeof eta, "ETA %ld:%02ld", left / 60, left % 60);
  }
  // A bar of 20 cells: the share of the input's bytes read.
  const std::size_t filled = so_far.total_bytes > 0 ? 20 * so_far.bytes / so_far.total_bytes : 0;
  char line[320];
  std::snprintf(
      line, sizeof line, "\r[%-20.*s] %zu records  %.0f/s  %.1f MB/s  %s  %zu failed  %.50s\x1b[K",
      static_cast<int>(std::min<std::size_t>(filled, 20)), "====================", so_far.records(),
      rate, bytes_per_second / 1e6, eta, so_far.failed, current_file.c_str());
  out_ << line << std::flush;
}

void ProgressBar::finish() {
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
}

}  // namespace agora::index::cli
