// httplib::Server with connection admission: slow clients wait in a poller, not in a worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <httplib.h>

#include "connection.hpp"

namespace agora::searchd {

/// How long and how much a client may take (docs/serving.md).
struct ConnectionLimits {
  std::size_t workers = 8;                           ///< threads answering requests
  std::size_t queue_length = 64;                     ///< whole requests waiting for a worker
  std::size_t max_connections = 4096;                ///< open connections in all
  std::size_t max_per_address = 128;                 ///< open connections from one client address
  std::chrono::milliseconds header_timeout{10'000};  ///< first byte → whole request head
  std::chrono::milliseconds body_timeout{20'000};    ///< whole head → whole body
  std::chrono::milliseconds keep_alive_timeout{5'000};  ///< idle time between requests
  std::chrono::milliseconds write_timeout{10'000};
  std::size_t max_requests_per_connection = 1000;
  std::size_t max_head_bytes = 32 * 1024;
  std::vector<std::string> trusted_proxies;  ///< no per-address cap; X-Forwarded-For believed
};

/// Serves like httplib::Server, but a connection reaches a worker thread only once a whole
/// request head has arrived. Until then (and between keep-alive requests) it waits in one
/// epoll thread, within the header and idle timeouts. Over the per-address cap a connection
/// is refused at once with 429; when every worker is busy and the queue is full, with 503.
class GuardedServer final : public httplib::Server {
 public:
  /// `on_refusal(reason)` hears of every connection refused or timed out.
  GuardedServer(ConnectionLimits limits, std::function<void(const std::string&)> on_refusal);
  ~GuardedServer() override;

  /// Lengthens the listening socket's queue of connections not yet accepted (httplib
  /// asks for 5); call after binding.
  void widen_backlog(int connections);

  /// Starts the poller and the workers; call before listen_after_bind().
  void start_guard();
  /// After listen_after_bind() returned: answers what is queued, closes the rest.
  void stop_guard();

  /// Connections open now.
  std::size_t open_connections() const;

 private:
  bool process_and_close_socket(socket_t sock) override;

  void poll_loop();
  void work_loop();
  void serve(std::unique_ptr<Connection> connection);
  void on_readable(int fd);
  void sweep_expired();
  void park(std::unique_ptr<Connection> connection, bool first_time);
  bool watch(int fd, int operation);
  void dispatch(std::unique_ptr<Connection> connection);
  void refuse(std::unique_ptr<Connection> connection, int status, const std::string& label,
              const std::string& detail);
  /// Writes a final `response` without waiting and closes the connection.
  void answer_and_close(std::unique_ptr<Connection> connection, const std::string& response);
  void release(std::unique_ptr<Connection> connection);
  bool exempt(const std::string& address) const;

  ConnectionLimits limits_;
  std::function<void(const std::string&)> on_refusal_;
  int epoll_fd_ = -1;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;
  std::unordered_map<int, std::unique_ptr<Connection>> parked_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::size_t open_ = 0;
  WaitingWorkers waiting_for_clients_;
  std::deque<std::unique_ptr<Connection>> queue_;
  std::thread poller_;
  std::vector<std::thread> workers_;
};

}  // namespace agora::searchd
