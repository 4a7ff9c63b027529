// Request counters and latency histograms in the Prometheus text format.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace agora::searchd {

class Metrics {
 public:
  /// Records one answered request of `route` (a route label, not the raw path).
  void record(const std::string& route, int status, double seconds);

  /// Prometheus exposition text; `documents` and `index_bytes` describe the index.
  std::string render(unsigned documents, unsigned long long index_bytes) const;

 private:
  struct Latency {
    std::vector<unsigned long long> buckets;  ///< cumulative counts per upper bound
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::map<std::string, Latency> latency_;
};

}  // namespace agora::searchd
