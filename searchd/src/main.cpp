// agora-searchd: flags, start-up checks, a reload of its settings on SIGHUP, and a clean
// stop on SIGTERM or SIGINT.
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <iostream>
#include <thread>

#include <xapian.h>

#include "agora/build_info.hpp"
#include "agora/error.hpp"
#include "agora/searchd/admin_command.hpp"
#include "agora/searchd/search_server.hpp"
#include "config_check.hpp"

namespace {

// The same flags and config file, read again: a file that does not check changes nothing.
void reload(agora::searchd::SearchServer& server, const std::vector<std::string>& args) {
  try {
    bool help = false;
    const auto lines = server.reload(agora::searchd::parse_server_config(args, help));
    if (lines.empty()) std::cerr << "agora-searchd: reload: no setting changed\n";
    for (const std::string& line : lines) std::cerr << "agora-searchd: reload: " << line << '\n';
  } catch (const agora::InvalidInput& error) {
    std::cerr << "agora-searchd: reload refused, the settings stay as they were: " << error.what()
              << '\n';
  } catch (const std::exception& error) {
    std::cerr << "agora-searchd: reload failed, the settings stay as they were: " << error.what()
              << '\n';
  }
  std::cerr << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace agora::searchd;
  if (argc > 1 && std::string(argv[1]) == "--version") {
    std::cout << "agora-searchd " << agora::kVersion << '\n';
    return 0;
  }
  if (argc > 1 && std::string(argv[1]) == "admin") {
    return run_admin({argv + 2, argv + argc}, std::cin, std::cout, std::cerr);
  }
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    bool help = false;
    const ServerConfig config = parse_server_config(args, help);
    if (help) {
      std::cout << server_usage();
      return 0;
    }
    const agora::analyzers::Registry registry;
    if (config.check_config) return check_config(config, registry, std::cout, std::cerr);
    // Signals go to one waiting thread, never to a worker in the middle of a request.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Every waiting client holds a descriptor: take all the system allows.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      setrlimit(RLIMIT_NOFILE, &files);
    }
    SearchServer server(config, registry);
    const int port = server.bind();
    std::cerr << "agora-searchd " << agora::kVersion << ": serving " << config.db << " on http://"
              << config.host << ":" << port << "/ with " << config.threads << " threads"
              << std::endl;
    std::thread waiter([&] {
      for (int received = 0; sigwait(&signals, &received) == 0;) {
        if (received == SIGHUP) {
          reload(server, args);
          continue;
        }
        std::cerr << "agora-searchd: stopping (signal " << received << ")" << std::endl;
        server.stop();
        return;
      }
    });
    server.run();
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if run() ended first
    waiter.join();
    return 0;
  } catch (const agora::InvalidInput& error) {
    std::cerr << "agora-searchd: " << error.what() << '\n';
    return 2;
  } catch (const agora::Error& error) {
    std::cerr << "agora-searchd: " << error.what() << '\n';
    return 1;
  } catch (const Xapian::Error& error) {
    std::cerr << "agora-searchd: index error: " << error.get_description() << '\n';
    return 1;
  }
}
