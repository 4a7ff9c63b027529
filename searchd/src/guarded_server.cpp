// Connection admission, the epoll poller for arriving requests, and the worker pool.
#include "guarded_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "agora/error.hpp"
#include "api_json.hpp"
#include "client_address.hpp"
#include "problem.hpp"

namespace agora::searchd {
namespace {

constexpr int kSweepMilliseconds = 100;

// httplib's accept loop hands each socket to the task queue; here the hand-over itself is
// the admission, which is quick, so it runs on the accepting thread.
class AdmitOnAcceptingThread final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  } else {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  }
  ip = canonical_address(text);
}

// A whole, final response written by the poller or the accepting thread, which answer
// before the library has read the request: small, fixed, and followed by a close.
std::string final_response(int status, const char* reason, const char* content_type,
                           const std::string& body) {
  std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
  response += std::string("Content-Type: ") + content_type + "\r\n";
  if (status == 429 || status == 503) response += "Retry-After: 1\r\n";
  response += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  response += "Connection: close\r\n\r\n";
  return response + body;
}

// A refusal as problem details, for a connection whose request the workers will not see.
std::string refusal_response(int status, const std::string& detail) {
  const char* reason = status == 429   ? "Too Many Requests"
                       : status == 408 ? "Request Timeout"
                       : status == 431 ? "Request Header Fields Too Large"
                                       : "Service Unavailable";
  return final_response(status, reason, "application/problem+json",
                        dump_safely(problem_body({status, reason, detail}, "")));
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits,
                             std::function<void(const std::string&)> on_refusal)
    : limits_(std::move(limits)), on_refusal_(std::move(on_refusal)) {
  new_task_queue = [] { return new AdmitOnAcceptingThread; };
  // Half the workers at most may wait for slow bodies; the others answer whole requests.
  waiting_for_clients_.most = std::max<std::size_t>(1, limits_.workers / 2);
  // httplib announces these in its Keep-Alive header; the poller is what enforces them.
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  set_keep_alive_timeout(std::max<time_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(limits_.keep_alive_timeout).count()));
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw Error("cannot create the connection poller");
}

GuardedServer::~GuardedServer() {
  stop_guard();
  ::close(epoll_fd_);
}

void GuardedServer::widen_backlog(int connections) {
  // listen() again on a listening socket only changes the length of its queue.
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, connections);
}

void GuardedServer::start_guard() {
  stopping_ = false;
  poller_ = std::thread([this] { poll_loop(); });
  for (std::size_t i = 0; i < limits_.workers; ++i) workers_.emplace_back([this] { work_loop(); });
}

void GuardedServer::stop_guard() {
  stopping_ = true;
  work_ready_.notify_all();
  if (poller_.joinable()) poller_.join();
  for (auto& worker : workers_) worker.join();
  workers_.clear();
  std::unordered_map<int, std::unique_ptr<Connection>> left;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    left.swap(parked_);
  }
  for (auto& [fd, connection] : left) release(std::move(connection));
}

std::size_t GuardedServer::open_connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

bool GuardedServer::exempt(const std::string& address) const {
  return std::find(limits_.trusted_proxies.begin(), limits_.trusted_proxies.end(), address) !=
         limits_.trusted_proxies.end();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  auto connection = std::make_unique<Connection>();
  connection->fd = sock;
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(sock, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    address_of(address, connection->remote_ip, connection->remote_port);
  }
  length = sizeof address;
  if (::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    address_of(address, connection->local_ip, connection->local_port);
  }
  std::string refusal;
  int status = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || open_ >= limits_.max_connections) {
      status = 503;
      refusal = "the server has as many connections open as it can take; try again shortly";
    } else if (!exempt(connection->remote_ip) &&
               per_address_[connection->remote_ip] >= limits_.max_per_address) {
      status = 429;
      refusal = "at most " + std::to_string(limits_.max_per_address) +
                " connections from one address are open at once";
    } else {
      ++open_;
      ++per_address_[connection->remote_ip];
    }
  }
  if (status != 0) {
    on_refusal_(status == 429 ? "over_address_cap" : "over_total_cap");
    send_and_close(sock, refusal_response(status, refusal));
    return false;
  }
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  park(std::move(connection), true);
  return true;
}

void GuardedServer::park(std::unique_ptr<Connection> connection, bool first_time) {
  const int fd = connection->fd;
  connection->idle = connection->buffer.empty();
  connection->deadline =
      SteadyClock::now() +
      (connection->idle && !first_time ? limits_.keep_alive_timeout : limits_.header_timeout);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    parked_[fd] = std::move(connection);
  }
  if (!watch(fd, first_time ? EPOLL_CTL_ADD : EPOLL_CTL_MOD)) {
    std::unique_ptr<Connection> lost;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      lost = std::move(parked_[fd]);
      parked_.erase(fd);
    }
    if (lost) release(std::move(lost));
  }
}

bool GuardedServer::watch(int fd, int operation) {
  // One-shot: a connection is reported once, then not again until it is parked anew, so
  // the poller never sees a connection that a worker is answering.
  epoll_event wanted{};
  wanted.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  wanted.data.fd = fd;
  return ::epoll_ctl(epoll_fd_, operation, fd, &wanted) == 0;
}

void GuardedServer::poll_loop() {
  auto next_sweep = SteadyClock::now();
  std::vector<epoll_event> events(256);
  while (!stopping_) {
    const int ready =
        ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), kSweepMilliseconds);
    for (int i = 0; i < ready; ++i) on_readable(events[static_cast<std::size_t>(i)].data.fd);
    if (SteadyClock::now() >= next_sweep) {
      sweep_expired();
      next_sweep = SteadyClock::now() + std::chrono::milliseconds(kSweepMilliseconds);
    }
  }
}

void GuardedServer::on_readable(int fd) {
  Connection* connection = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = parked_.find(fd);
    if (found == parked_.end()) return;
    connection = found->second.get();
  }
  // Only this thread touches a parked connection, so it is read without the lock.
  const bool open = receive_available(*connection, limits_.max_head_bytes);
  const bool whole = connection->has_whole_head();
  const bool too_large = connection->buffer.size() >= limits_.max_head_bytes;
  if (open && !whole && !too_large) {
    if (connection->idle && !connection->buffer.empty()) {
      // The next request has begun: from now on its head must arrive within the timeout.
      connection->idle = false;
      connection->deadline = SteadyClock::now() + limits_.header_timeout;
    }
    watch(fd, EPOLL_CTL_MOD);
    return;
  }
  std::unique_ptr<Connection> taken;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    taken = std::move(parked_[fd]);
    parked_.erase(fd);
  }
  if (whole) {
    dispatch(std::move(taken));  // a client that half-closed after its request is answered
  } else if (!open) {
    release(std::move(taken));
  } else {
    refuse(std::move(taken), 431, "head_too_large",
           "the request line and headers take more than " + std::to_string(limits_.max_head_bytes) +
               " bytes");
  }
}

void GuardedServer::sweep_expired() {
  const auto now = SteadyClock::now();
  std::vector<std::unique_ptr<Connection>> expired;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto entry = parked_.begin(); entry != parked_.end();) {
      if (entry->second->deadline <= now) {
        expired.push_back(std::move(entry->second));
        entry = parked_.erase(entry);
      } else {
        ++entry;
      }
    }
  }
  for (auto& connection : expired) {
    if (connection->idle) {
      release(std::move(connection));  // an idle keep-alive connection closes quietly
    } else {
      refuse(std::move(connection), 408, "header_timeout",
             "the request's headers did not arrive within " +
                 nlohmann::json(limits_.header_timeout.count() / 1000.0).dump() + " s");
    }
  }
}

void GuardedServer::dispatch(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (queue_.size() < limits_.queue_length && !stopping_) {
      queue_.push_back(std::move(connection));
      work_ready_.notify_one();
      return;
    }
  }
  // A supervisor that asks whether the process lives must hear yes from a busy daemon,
  // or it restarts one that is merely loaded. Liveness reads nothing, so the poller can
  // answer it; every other request gets the 503.
  if (connection->buffer.rfind("GET /healthz ", 0) == 0) {
    on_refusal_("overload_healthz_answered");
    answer_and_close(std::move(connection),
                     final_response(200, "OK", "application/json", dump_safely(liveness_json())));
    return;
  }
  refuse(std::move(connection), 503, "overload",
         "every worker is busy and the queue is full; try again in a second");
}

void GuardedServer::work_loop() {
  for (;;) {
    std::unique_ptr<Connection> connection;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to answer
      connection = std::move(queue_.front());
      queue_.pop_front();
    }
    serve(std::move(connection));
  }
}

void GuardedServer::serve(std::unique_ptr<Connection> connection) {
  // Requests a client sent back to back (pipelined) are answered here in turn.
  do {
    const bool last = ++connection->requests >= limits_.max_requests_per_connection || stopping_;
    ConnectionStream stream(*connection, SteadyClock::now() + limits_.body_timeout,
                            limits_.write_timeout, waiting_for_clients_);
    bool closed = false;
    const bool answered = process_request(stream, last, closed, [this](httplib::Request& request) {
      // Everything after this (rate limits, the access log) sees the client, not its proxy.
      request.remote_addr =
          client_address(request.remote_addr, request.get_header_value("X-Forwarded-For"),
                         limits_.trusted_proxies);
      // httplib 0.11 answers any number of byte ranges, overlapping ones too, each with its
      // own copy of the bytes: a few bytes of request could ask for megabytes of answer.
      // More than one range is ignored (RFC 9110 lets a server ignore Range): the whole
      // file comes back once, with 200.
      if (request.ranges.size() > 1) {
        request.ranges.clear();
        request.headers.erase("Range");
      }
    });
    if (!answered || closed || last) {
      release(std::move(connection));
      return;
    }
  } while (connection->has_whole_head());
  park(std::move(connection), false);
}

void GuardedServer::refuse(std::unique_ptr<Connection> connection, int status,
                           const std::string& label, const std::string& detail) {
  on_refusal_(label);
  answer_and_close(std::move(connection), refusal_response(status, detail));
}

void GuardedServer::answer_and_close(std::unique_ptr<Connection> connection,
                                     const std::string& response) {
  const int fd = connection->fd;
  connection->fd = -1;  // counted out here, closed by send_and_close
  release(std::move(connection));
  send_and_close(fd, response);
}

void GuardedServer::release(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
    const auto count = per_address_.find(connection->remote_ip);
    if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  }
  if (connection->fd >= 0) {
    ::shutdown(connection->fd, SHUT_RDWR);
    ::close(connection->fd);
  }
}

}  // namespace agora::searchd
