// agora-searchd: flags, start-up checks, and a clean stop on SIGTERM or SIGINT.
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
    bool help = false;
    const ServerConfig config = parse_server_config({argv + 1, argv + argc}, help);
    if (help) {
      std::cout << server_usage();
      return 0;
    }
    // Signals go to one waiting thread, never to a worker in the middle of a request.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Every waiting client holds a descriptor: take all the system allows.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      setrlimit(RLIMIT_NOFILE, &files);
    }
    const agora::analyzers::Registry registry;
    SearchServer server(config, registry);
    const int port = server.bind();
    std::cerr << "agora-searchd " << agora::kVersion << ": serving " << config.db << " on http://"
              << config.host << ":" << port << "/ with " << config.threads << " threads"
              << std::endl;
    std::thread waiter([&] {
      int received = 0;
      sigwait(&signals, &received);
      std::cerr << "agora-searchd: stopping (signal " << received << ")" << std::endl;
      server.stop();
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
