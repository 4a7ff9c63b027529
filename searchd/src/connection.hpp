// One client connection as the guarded server sees it, and the httplib stream over it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

#include <httplib.h>

namespace agora::searchd {

using SteadyClock = std::chrono::steady_clock;

/// A client's TCP connection between requests, and the bytes read ahead of the library.
/// Owned by exactly one side at a time: the connection poller while the next request is
/// arriving, a worker while one is being answered.
struct Connection {
  int fd = -1;
  std::string remote_ip;
  int remote_port = 0;
  std::string local_ip;
  int local_port = 0;
  std::string buffer;                ///< bytes received and not yet handed to the library
  std::size_t requests = 0;          ///< requests answered on this connection
  bool idle = true;                  ///< no byte of the next request has arrived yet
  SteadyClock::time_point deadline;  ///< when the poller gives up on it

  /// True when `buffer` holds a whole request head (request line and headers).
  bool has_whole_head() const { return buffer.find("\r\n\r\n") != std::string::npos; }
};

/// How many workers may wait for a client's bytes at once (a body still arriving).
struct WaitingWorkers {
  std::atomic<std::size_t> now{0};
  std::size_t most = 1;
};

/// httplib::Stream over a non-blocking socket: reads come from the connection's buffer
/// first, and every read waits at most until `deadline`, so that a body that trickles in
/// cannot hold a worker longer than the body timeout. A read that would wait while
/// `waiting.most` other workers already wait fails at once instead: slow bodies can hold
/// only that many workers, and the rest stay free for requests that have arrived whole.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(Connection& connection, SteadyClock::time_point deadline,
                   std::chrono::milliseconds write_timeout, WaitingWorkers& waiting)
      : connection_(connection),
        deadline_(deadline),
        write_timeout_(write_timeout),
        waiting_(waiting) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override;

 private:
  /// Waits for `events` on the socket until `until`; true when they came.
  bool wait_for(short events, SteadyClock::time_point until) const;

  /// wait_for(POLLIN) within the budget of waiting workers.
  bool wait_for_client();

  Connection& connection_;
  SteadyClock::time_point deadline_;
  std::chrono::milliseconds write_timeout_;
  WaitingWorkers& waiting_;
};

/// Receives what the socket has without waiting, at most `limit` bytes in all in the
/// buffer. Returns false when the peer closed the connection or it failed.
bool receive_available(Connection& connection, std::size_t limit);

/// Sends `bytes` without waiting for a slow reader (best effort), then closes the socket.
void send_and_close(int fd, const std::string& bytes);

}  // namespace agora::searchd
