// Reading and writing a client connection without ever blocking past a deadline.
#include "connection.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace agora::searchd {
namespace {

constexpr std::size_t kReadChunk = 16 * 1024;

int milliseconds_until(SteadyClock::time_point until) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, 60'000));
}

}  // namespace

bool ConnectionStream::wait_for(short events, SteadyClock::time_point until) const {
  for (;;) {
    pollfd watched{connection_.fd, events, 0};
    const int ready = ::poll(&watched, 1, milliseconds_until(until));
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return false;
  }
}

bool ConnectionStream::wait_for_client() {
  if (waiting_.now.fetch_add(1) >= waiting_.most) {
    --waiting_.now;
    return false;
  }
  const bool arrived = wait_for(POLLIN, deadline_);
  --waiting_.now;
  return arrived;
}

bool ConnectionStream::is_readable() const {
  return !connection_.buffer.empty() || wait_for(POLLIN, deadline_);
}

bool ConnectionStream::is_writable() const {
  return wait_for(POLLOUT, SteadyClock::now() + write_timeout_);
}

ssize_t ConnectionStream::read(char* ptr, std::size_t size) {
  if (connection_.buffer.empty()) {
    for (;;) {
      char chunk[kReadChunk];
      const ssize_t got = ::recv(connection_.fd, chunk, sizeof chunk, 0);
      if (got > 0) {
        connection_.buffer.append(chunk, static_cast<std::size_t>(got));
        break;
      }
      if (got == 0) return 0;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (!wait_for_client()) return -1;  // the body timeout passed, or too many wait
    }
  }
  const std::size_t taken = std::min(size, connection_.buffer.size());
  std::memcpy(ptr, connection_.buffer.data(), taken);
  connection_.buffer.erase(0, taken);
  return static_cast<ssize_t>(taken);
}

ssize_t ConnectionStream::write(const char* ptr, std::size_t size) {
  std::size_t sent = 0;
  const auto until = SteadyClock::now() + write_timeout_;
  while (sent < size) {
    const ssize_t wrote = ::send(connection_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
    if (wrote > 0) {
      sent += static_cast<std::size_t>(wrote);
      continue;
    }
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_for(POLLOUT, until)) {
      continue;
    }
    return -1;
  }
  return static_cast<ssize_t>(sent);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = connection_.remote_ip;
  port = connection_.remote_port;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = connection_.local_ip;
  port = connection_.local_port;
}

socket_t ConnectionStream::socket() const { return connection_.fd; }

bool receive_available(Connection& connection, std::size_t limit) {
  while (connection.buffer.size() < limit) {
    char chunk[kReadChunk];
    const std::size_t room = std::min(sizeof chunk, limit - connection.buffer.size());
    const ssize_t got = ::recv(connection.fd, chunk, room, 0);
    if (got > 0) {
      connection.buffer.append(chunk, static_cast<std::size_t>(got));
      continue;
    }
    if (got == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

void send_and_close(int fd, const std::string& bytes) {
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

}  // namespace agora::searchd
