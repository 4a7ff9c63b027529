// agora-searchd's HTTP server: the read API, health, metrics and static files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "agora/analyzers/registry.hpp"
#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// Serves one index. Construction checks that the index opens; run() blocks until stop().
class SearchServer {
 public:
  SearchServer(ServerConfig config, const analyzers::Registry& registry);
  ~SearchServer();

  /// Binds the port (config.port, or a free one when 0) and returns it.
  int bind();
  /// Serves until stop() is called from another thread; in-flight requests finish.
  void run();
  void stop();
  /// Takes from `read_again` (the flags and config file read anew, on SIGHUP) the settings
  /// that can change while serving; connections stay open. Returns a line per changed
  /// setting, "KEY: OLD -> NEW", those that wait for a restart saying so.
  std::vector<std::string> reload(const ServerConfig& read_again);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace agora::searchd
