// Progress display for agora-index add on a terminal.
#include "cli/progress_bar.hpp"

#include <cstdio>

namespace agora::index::cli {

void ProgressBar::update(const ImportSummary& so_far, const std::string& current_file) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? so_far.records() / seconds : 0;
  // A bar of 20 cells cycling with the record count: the total is not known in advance.
  const std::size_t filled = so_far.records() % 21;
  char line[256];
  std::snprintf(line, sizeof line, "\r[%-20.*s] %zu records  %.0f/s  %zu failed  %.60s\x1b[K",
                static_cast<int>(filled), "====================", so_far.records(), rate,
                so_far.failed, current_file.c_str());
  out_ << line << std::flush;
}

void ProgressBar::finish() {
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
}

}  // namespace agora::index::cli
