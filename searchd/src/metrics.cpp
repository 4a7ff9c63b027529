// Prometheus metrics of the daemon.
#include "metrics.hpp"

#include <cstdio>

#include "agora/build_info.hpp"

namespace agora::searchd {
namespace {

// Upper bounds in seconds; search answers should land in the first few.
constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
constexpr std::size_t kBucketCount = sizeof kBuckets / sizeof kBuckets[0];

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  Latency& latency = latency_[route];
  if (latency.buckets.empty()) latency.buckets.assign(kBucketCount, 0);
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    if (seconds <= kBuckets[i]) ++latency.buckets[i];
  }
  ++latency.count;
  latency.sum += seconds;
}

void Metrics::record_refusal(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++refusals_[reason];
}

std::string Metrics::render(unsigned documents, unsigned long long index_bytes,
                            std::size_t connections) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  out += "# HELP agora_build_info The running version, as a label; the value is always 1.\n";
  out += "# TYPE agora_build_info gauge\n";
  out += std::string("agora_build_info{version=\"") + kVersion + "\"} 1\n";
  out += "# HELP agora_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE agora_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "agora_requests_total{route=\"" + key.first + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP agora_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE agora_request_duration_seconds histogram\n";
  for (const auto& [route, latency] : latency_) {
    const std::string label = "route=\"" + route + "\"";
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      out += "agora_request_duration_seconds_bucket{" + label + ",le=\"" + number(kBuckets[i]) +
             "\"} " + std::to_string(latency.buckets[i]) + "\n";
    }
    out += "agora_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(latency.count) + "\n";
    out += "agora_request_duration_seconds_sum{" + label + "} " + number(latency.sum) + "\n";
    out += "agora_request_duration_seconds_count{" + label + "} " + std::to_string(latency.count) +
           "\n";
  }
  out += "# HELP agora_connections_refused_total Connections refused or closed before an answer.\n";
  out += "# TYPE agora_connections_refused_total counter\n";
  for (const auto& [reason, count] : refusals_) {
    out += "agora_connections_refused_total{reason=\"" + reason + "\"} " + std::to_string(count) +
           "\n";
  }
  out += "# HELP agora_connections_open Client connections open now.\n";
  out += "# TYPE agora_connections_open gauge\n";
  out += "agora_connections_open " + std::to_string(connections) + "\n";
  out += "# HELP agora_index_documents Documents in the index.\n";
  out += "# TYPE agora_index_documents gauge\n";
  out += "agora_index_documents " + std::to_string(documents) + "\n";
  out += "# HELP agora_index_size_bytes Size of the index files.\n";
  out += "# TYPE agora_index_size_bytes gauge\n";
  out += "agora_index_size_bytes " + std::to_string(index_bytes) + "\n";
  return out;
}

}  // namespace agora::searchd
