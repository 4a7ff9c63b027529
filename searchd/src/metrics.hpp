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

  /// Records one connection refused or closed before its request was answered
  /// (`reason`: over a cap, overload, a timeout).
  void record_refusal(const std::string& reason);

  /// Prometheus exposition text; `documents` and `index_bytes` describe the index,
  /// `connections` the connections open now.
  std::string render(unsigned documents, unsigned long long index_bytes,
                     std::size_t connections) const;

 private:
  struct Latency {
    std::vector<unsigned long long> buckets;  ///< cumulative counts per upper bound
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::map<std::string, Latency> latency_;
  std::map<std::string, unsigned long long> refusals_;
};

}  // namespace agora::searchd
