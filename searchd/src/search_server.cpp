// The route table and the per-request plumbing (CORS, metrics, access log, errors).
#include "agora/searchd/search_server.hpp"
#include "agora/base/parse.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <mutex>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/search.hpp"
#include "api_json.hpp"
#include "api_params.hpp"
#include "caching.hpp"
#include "caller_auth.hpp"
#include "community_routes.hpp"
#include "community_stack.hpp"
#include "guarded_server.hpp"
#include "http_errors.hpp"
#include "live_dictionaries.hpp"
#include "live_settings.hpp"
#include "metrics.hpp"
#include "oai_provider.hpp"
#include "opensearch.hpp"
#include "problem.hpp"
#include "public_origin.hpp"
#include "resource_page.hpp"
#include "result_cache.hpp"
#include "results_page.hpp"
#include "settings_reload.hpp"
#include "sitemap.hpp"
#include "ui_strings.hpp"

namespace agora::searchd {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

thread_local Clock::time_point request_started;

ConnectionLimits connection_limits(const ServerConfig& config) {
  const auto milliseconds = [](double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  };
  ConnectionLimits limits;
  limits.workers = config.threads;
  limits.queue_length = config.queue_length;
  limits.max_connections = config.max_connections;
  limits.max_per_address = config.max_connections_per_address;
  limits.header_timeout = milliseconds(config.header_timeout);
  limits.body_timeout = milliseconds(config.body_timeout);
  limits.keep_alive_timeout = milliseconds(config.keep_alive_timeout);
  limits.max_requests_per_connection = config.max_requests_per_connection;
  limits.trusted_proxies = config.trusted_proxies;
  return limits;
}

index::RankingWeights ranking_weights(const ServerConfig& config) {
  return {config.bm25_k1, config.bm25_b, config.translation_weight};
}

}  // namespace

struct SearchServer::Impl {
  BodyTooLarge body_too_large() const {
    return BodyTooLarge("the body is larger than " + std::to_string(config.max_body_bytes) +
                        " bytes");
  }

  Impl(ServerConfig settings, const analyzers::Registry& analyzers)
      : config(std::move(settings)), registry(analyzers) {
    index::Searcher probe(config.db, registry);  // fail at start-up, not at the first request
  }

  const ServerConfig config;  ///< as started; what a reload may change is read from `live`
  LiveSettings live{config};
  const analyzers::Registry& registry;
  LiveDictionaries dictionaries{config, registry};
  UiStrings ui_strings{config.web};
  // The collaboration layer reads the index through the per-thread searchers.
  CommunityStack community{config, registry, [this]() -> index::Searcher& { return searcher(); }};
  Metrics metrics;
  GuardedServer server{connection_limits(config),
                       [this](const std::string& reason) { metrics.record_refusal(reason); }};
  StaticFiles static_files{config.web};
  ResultCache results{config.cache_entries};
  /// Counts reloads that change how results are made: part of a cached page's version.
  std::atomic<unsigned> ranking_generation{0};
  std::mutex log_mutex;

  // Each worker thread keeps its own database handle and picks up new commits, and takes
  // the dictionaries and ranking weights of the latest reload.
  index::Searcher& searcher() {
    struct Slot {
      std::unique_ptr<index::Searcher> searcher;
      std::shared_ptr<const index::Dictionaries> dictionaries;  ///< kept mapped while in use
    };
    thread_local std::map<std::string, Slot> searchers;
    Slot& slot = searchers[config.db];
    if (!slot.searcher) {
      slot.searcher = std::make_unique<index::Searcher>(config.db, registry);
    } else {
      try {
        slot.searcher->refresh();
      } catch (const Xapian::Error&) {
        // The directory now holds another database (agora-index compacted it into place,
        // or a rebuild was swapped in): open that one.
        slot.searcher = std::make_unique<index::Searcher>(config.db, registry);
      }
    }
    slot.dictionaries = dictionaries.get();
    slot.searcher->use_dictionaries(slot.dictionaries.get());
    slot.searcher->use_weights(ranking_weights(*live.get()));
    return *slot.searcher;
  }

  bool origin_allowed(const std::string& origin) const {
    for (const std::string& allowed : live.get()->cors_origins) {
      if (allowed == "*" || allowed == origin) return true;
    }
    return false;
  }

  void add_cors_headers(const httplib::Request& request, httplib::Response& response) const {
    const std::string origin = request.get_header_value("Origin");
    if (origin.empty() || !origin_allowed(origin)) return;
    response.set_header("Access-Control-Allow-Origin", origin);
    add_vary(response, "Origin");
  }

  // Wraps a handler: errors become problem details, every answer is counted.
  httplib::Server::Handler route(
      std::string label, std::function<void(const httplib::Request&, httplib::Response&)> handler,
      bool cross_origin) {
    return [this, label = std::move(label), handler = std::move(handler), cross_origin](
               const httplib::Request& request, httplib::Response& response) {
      try {
        handler(request, response);
      } catch (...) {
        send_problem(response, problem_for(std::current_exception()), request.path);
      }
      if (cross_origin) add_cors_headers(request, response);
      response.set_header("X-Content-Type-Options", "nosniff");
      vary_on_encoding(response);
      if (response.status == -1) response.status = 200;  // httplib's "not set yet"
      metrics.record(label, response.status,
                     std::chrono::duration<double>(Clock::now() - request_started).count());
    };
  }

  // The result of a search, from the cache when the index has not changed since.
  std::shared_ptr<const index::SearchResult> run_search(const index::SearchRequest& request) {
    // Read before the searcher takes the settings: a page is never filed under a newer
    // generation than the weights and dictionaries it was made with.
    const unsigned generation = ranking_generation.load();
    index::Searcher& current = searcher();
    const IndexVersion revision(current.database().get_revision(),
                                current.database().get_uuid() + '/' + std::to_string(generation));
    if (auto cached = results.find(request, revision)) return cached;
    auto result = std::make_shared<const index::SearchResult>(current.search(request));
    results.keep(request, revision, result);
    return result;
  }

  void search(const httplib::Request& request, httplib::Response& response) {
    const SearchParams params = parse_search_params(request, config, registry);
    const auto started = Clock::now();
    const auto result = run_search(params.request);
    const double took_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    send_json(response, search_json(params, *result, took_ms));
    add_vary(response, "Accept-Language");
  }

  // The arguments as OAI-PMH reads them: the query's, or a POSTed form's (httplib parses
  // both into params).
  void oai_answer(const httplib::Request& request, httplib::Response& response) {
    const auto settings = live.get();
    const OaiRepository repository{public_origin(request, *settings) + "/oai", settings->oai_name,
                                   config.oai_identifier, settings->oai_admin_email,
                                   settings->oai_page_size};
    const std::multimap<std::string, std::string> arguments(request.params.begin(),
                                                            request.params.end());
    response.set_content(oai_response(arguments, repository, searcher().database()),
                         "text/xml; charset=utf-8");
  }

  void suggest(const httplib::Request& request, httplib::Response& response) {
    check_parameters(request, {"q", "lang", "limit", "format"}, config.max_parameters);
    const std::string typed = request.get_param_value("q");
    require_utf8("q", typed);
    if (typed.size() > config.max_query_bytes) {
      throw InvalidInput("q: at most " + std::to_string(config.max_query_bytes) + " bytes");
    }
    std::size_t limit = 8;
    if (request.has_param("limit")) {
      limit = parse_whole_number_as<std::size_t>(request.get_param_value("limit"), "limit", 1, 20);
    }
    const std::string language = learner_language(request, registry);
    add_vary(response, "Accept-Language");
    const auto completions = searcher().complete(typed, language, limit);
    if (request.get_param_value("format") == "opensearch") {
      json texts = json::array();
      for (const auto& completion : completions) texts.push_back(completion.text);
      response.set_content(dump_safely(json::array({typed, texts})),
                           "application/x-suggestions+json");
      return;
    }
    send_json(response, completions_json(typed, language, completions));
  }

  // The no-JavaScript results page: same parameters, ranking and escaping as /api/search.
  void results_page(const httplib::Request& request, httplib::Response& response) {
    const SearchParams params = parse_search_params(request, config, registry);
    const std::string ui = ui_strings.choose(params.request.learner_language);
    const auto result = run_search(params.request);
    const std::string csrf = identify(request, community.accounts, false).csrf_token;
    add_vary(response, "Accept-Language");
    // A page carrying a signed-in learner's CSRF token is theirs alone.
    if (!csrf.empty()) response.set_header("Cache-Control", "private, no-store");
    // Result pages are endless and thin: search engines should index resource pages.
    response.set_header("X-Robots-Tag", "noindex");
    response.set_content(render_results_page(ui_strings, ui, params, *result, csrf),
                         "text/html; charset=utf-8");
  }

  // A resource's own page. A missing one is a page too, with the status problem_for gives,
  // since a learner follows these links from search engines.
  void resource_page(const httplib::Request& request, httplib::Response& response) {
    add_vary(response, "Accept-Language");
    std::string ui = "en";
    try {
      check_parameters(request, {"lang"}, config.max_parameters);
      ui = ui_strings.choose(learner_language(request, registry));
      const std::string id = request.matches[1];
      index::Searcher& current = searcher();
      std::optional<json> record = current.resource(id);
      if (!record) throw NotFound("there is no resource with the id '" + id + "'");
      record->erase("text");
      const ResourcePageContent content{std::move(*record), current.other_versions(id),
                                        community.feedback.comments(id),
                                        public_origin(request, *live.get())};
      response.set_content(render_resource_page(ui_strings, ui, content),
                           "text/html; charset=utf-8");
    } catch (...) {
      const Problem problem = problem_for(std::current_exception());
      response.status = problem.status;
      response.set_content(
          render_missing_resource_page(ui_strings, ui, problem.status, problem.detail),
          "text/html; charset=utf-8");
    }
  }

  // /sitemap.xml is the sitemap while the resources fit in one, else an index of
  // /sitemap-N.xml; `number` 0 asks for /sitemap.xml.
  void sitemap(std::size_t number, const httplib::Request& request, httplib::Response& response) {
    const Xapian::Database& database = searcher().database();
    const auto settings = live.get();
    const std::size_t per_page = settings->sitemap_page_size;
    const std::size_t pages =
        std::max<std::size_t>(1, (database.get_doccount() + per_page - 1) / per_page);
    const std::string origin = public_origin(request, *settings);
    std::string body;
    if (number == 0 && pages > 1) {
      body = sitemap_index_xml(pages, origin);
    } else {
      if (number > pages) throw NotFound("there are " + std::to_string(pages) + " sitemaps");
      const std::size_t offset = (number == 0 ? 0 : number - 1) * per_page;
      body = sitemap_xml(index::sitemap_entries(database, offset, per_page), origin);
    }
    response.set_content(body, "application/xml; charset=utf-8");
  }

  void register_routes() {
    const RouteWrapper community_route = [this](std::string label, Handler handler) {
      // httplib enforces the body limit on Content-Length only: a chunked body is read
      // whole first, so it is measured here, before anything acts on it.
      return route(
          std::move(label),
          [this, handler = std::move(handler)](const httplib::Request& q, httplib::Response& r) {
            if (q.body.size() > config.max_body_bytes) throw body_too_large();
            // Answers depend on who asks: no shared cache may keep them.
            r.set_header("Cache-Control", "no-store");
            handler(q, r);
          },
          true);
    };
    // Before the read API's routes: the first matching pattern wins.
    register_account_routes(server, community, live, community_route);
    register_resource_routes(server, community, community_route);
    register_request_routes(server, community, config, ui_strings, registry, community_route);
    server.Get("/api/search", route(
                                  "/api/search", [this](auto& q, auto& r) { search(q, r); }, true));
    server.Get("/api/suggest",
               route(
                   "/api/suggest", [this](auto& q, auto& r) { suggest(q, r); }, true));
    server.Get("/search", route(
                              "/search", [this](auto& q, auto& r) { results_page(q, r); }, false));
    server.Get("/api/stats", route(
                                 "/api/stats",
                                 [this](auto&, auto& r) {
                                   send_json(r, index::stats_to_json(searcher().stats()));
                                 },
                                 true));
    // The filter and facet fields, from the index schema's one table, for pages and widgets.
    server.Get(
        "/api/fields",
        route(
            "/api/fields",
            [](auto&, auto& r) {
              json fields = json::array();
              for (const index::schema::FilterField& field : index::schema::kFilterFields) {
                fields.push_back(
                    {{"name", field.name},
                     {"query_field", field.query_field.empty() ? json() : json(field.query_field)},
                     {"multi_valued", field.multi_valued}});
              }
              send_json(r, {{"fields", fields}});
            },
            true));
    // Liveness: the process answers. Nothing is read, so it stays cheap under any load.
    server.Get("/healthz",
               route(
                   "/healthz", [](auto&, auto& r) { send_json(r, liveness_json()); }, false));
    // Readiness: the index and the state database both answer a read.
    server.Get("/readyz", route(
                              "/readyz",
                              [this](auto&, auto& r) {
                                const auto documents = searcher().database().get_doccount();
                                community.state.read([](community::sqlite::Connection& connection) {
                                  connection.execute("SELECT 1");
                                });
                                send_json(r, {{"status", "ready"}, {"documents", documents}});
                              },
                              false));
    server.Get("/metrics", route(
                               "/metrics",
                               [this](auto&, auto& r) {
                                 const index::IndexStats stats = searcher().stats();
                                 r.set_content(metrics.render(stats.documents, stats.size_bytes,
                                                              server.open_connections()),
                                               "text/plain; version=0.0.4; charset=utf-8");
                               },
                               false));
    server.Get(R"(/resource/(.+))",
               route(
                   "/resource", [this](auto& q, auto& r) { resource_page(q, r); }, false));
    server.Get("/sitemap.xml",
               route(
                   "/sitemap.xml", [this](auto& q, auto& r) { sitemap(0, q, r); }, false));
    server.Get(R"(/sitemap-(\d{1,9})\.xml)", route(
                                                 "/sitemap.xml",
                                                 [this](auto& q, auto& r) {
                                                   const std::size_t number =
                                                       std::stoul(q.matches[1].str());
                                                   if (number == 0)
                                                     throw NotFound("sitemaps are numbered from 1");
                                                   sitemap(number, q, r);
                                                 },
                                                 false));
    server.Get("/robots.txt", route(
                                  "/robots.txt",
                                  [this](auto& q, auto& r) {
                                    r.set_content(robots_txt(public_origin(q, *live.get())),
                                                  "text/plain; charset=utf-8");
                                  },
                                  false));
    // OAI-PMH allows GET with a query and POST with a form body: the arguments are the same.
    const auto oai = route(
        "/oai", [this](auto& q, auto& r) { oai_answer(q, r); }, false);
    server.Get("/oai", oai);
    server.Post("/oai", oai);
    server.Get("/opensearch.xml", route(
                                      "/opensearch.xml",
                                      [this](auto& q, auto& r) {
                                        r.set_content(
                                            opensearch_description(public_origin(q, *live.get())),
                                            "application/opensearchdescription+xml");
                                      },
                                      false));
    // CORS preflight for the read API.
    server.Options(
        R"(/api/.*)", [this](const httplib::Request& request, httplib::Response& response) {
          response.status = 204;
          const std::string origin = request.get_header_value("Origin");
          if (!origin.empty() && origin_allowed(origin)) {
            add_cors_headers(request, response);
            response.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
            response.set_header("Access-Control-Allow-Headers", "Accept, Accept-Language");
            response.set_header("Access-Control-Max-Age", "86400");
          }
        });
    // Static files are public: the embedded widget on a partner's page reads the UI strings
    // (/i18n/*.json) from here, so any origin may read them.
    if (!config.web.empty() && !server.set_mount_point("/", config.web,
                                                       {{"Access-Control-Allow-Origin", "*"},
                                                        {"X-Content-Type-Options", "nosniff"}})) {
      throw InvalidInput("--web " + config.web + ": not a readable folder");
    }
    server.set_file_request_handler([this](const httplib::Request& q, httplib::Response& r) {
      static_files.add_validators(q, r);
    });
  }

  void install_plumbing() {
    // Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm
    // and delayed ACKs hold the body back for up to 40 ms on keep-alive connections.
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(config.max_body_bytes);
    server.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
          request_started = Clock::now();
          // httplib hands handlers the request as const, but it is its own, per request, and
          // it is read again only when the response is compressed (caching.hpp says why).
          offer_gzip_not_brotli(const_cast<httplib::Request&>(request));
          // This runs before httplib reads the body, which it limits by Content-Length only:
          // a chunked or compressed body could grow without bound in memory. Bodies here are
          // small JSON or form posts, which every client sends with a length and uncompressed.
          // The unread body is still on the connection: it must close after the refusal, or
          // the body would be read as the next request.
          const auto refuse = [&](const Problem& problem) {
            send_problem(response, problem, request.path);
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
          };
          const std::string encoding = request.get_header_value("Content-Encoding");
          if (!encoding.empty() && encoding != "identity") {
            return refuse({415, "Unsupported media type",
                           "compressed request bodies are not accepted; send it as is"});
          }
          if (request.has_header("Transfer-Encoding")) {
            return refuse({411, "Length required",
                           "send the body with a Content-Length (at most " +
                               std::to_string(config.max_body_bytes) + " bytes), not chunked"});
          }
          return httplib::Server::HandlerResponse::Unhandled;
        });
    // Unknown paths and methods, as problem details like every other error.
    server.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;
      const int status = response.status;
      Problem problem{status, "Request refused",
                      "the request was refused (" + std::to_string(status) + ")"};
      if (status == 404) problem = {404, "Not found", "nothing is served at " + request.path};
      if (status == 413) problem = problem_for(std::make_exception_ptr(body_too_large()));
      if (status == 400) {
        problem = {400, "Bad request",
                   "the request could not be read: its headers, or a body that does not match "
                   "its Content-Type (a multipart body without its boundary, say)"};
      }
      send_problem(response, problem, request.path);
      metrics.record(status == 404 ? "not_found" : "error", status,
                     std::chrono::duration<double>(Clock::now() - request_started).count());
    });
    server.set_exception_handler(
        [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
          send_problem(response, problem_for(error), request.path);
        });
    if (config.access_log) {
      server.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
        const double ms =
            std::chrono::duration<double, std::milli>(Clock::now() - request_started).count();
        json line = {{"method", request.method},
                     {"path", request.path},
                     {"status", response.status},
                     {"ms", std::round(ms * 100) / 100},
                     {"bytes", response.body.size()}};
        // Minimal: nothing that ties a person to what they looked for (docs/personal-data.md).
        if (!config.access_log_minimal) {
          line["remote"] = request.remote_addr;
          line["q"] = request.get_param_value("q");
        }
        std::lock_guard<std::mutex> lock(log_mutex);
        std::cout << dump_safely(line) << '\n' << std::flush;
      });
    }
  }
};

SearchServer::SearchServer(ServerConfig config, const analyzers::Registry& registry)
    : impl_(std::make_unique<Impl>(std::move(config), registry)) {
  impl_->install_plumbing();
  impl_->register_routes();
}

SearchServer::~SearchServer() = default;

int SearchServer::bind() {
  const ServerConfig& config = impl_->config;
  int port = config.port;
  if (port == 0) {
    port = impl_->server.bind_to_any_port(config.host);
    if (port < 0) throw InvalidInput("cannot listen on " + config.host);
  } else if (!impl_->server.bind_to_port(config.host, config.port)) {
    throw InvalidInput("cannot listen on " + config.host + ":" + std::to_string(config.port) +
                       " (in use, or not allowed)");
  }
  // A burst of new connections waits in the kernel, not in dropped handshakes.
  impl_->server.widen_backlog(
      static_cast<int>(std::min<std::size_t>(config.max_connections, 4096)));
  return port;
}

void SearchServer::run() {
  // Catches up with publications a crash may have left out of the index, then keeps at it.
  impl_->community.index_sync.start();
  impl_->server.start_guard();
  impl_->server.listen_after_bind();
  impl_->server.stop_guard();
  impl_->community.index_sync.stop();
}

void SearchServer::stop() { impl_->server.stop(); }

std::vector<std::string> SearchServer::reload(const ServerConfig& read_again) {
  Impl& self = *impl_;
  const std::shared_ptr<const ServerConfig> running = self.live.get();
  ReloadPlan plan = plan_reload(*running, read_again);
  const ServerConfig& next = plan.settings;
  // First what may fail (mapping the dictionaries), so that a failure changes nothing.
  const bool dictionaries_changed = self.dictionaries.reload(next);
  self.community.registrations.set_max_events(
      static_cast<std::size_t>(next.registrations_per_hour));
  self.community.anonymous_requests.set_max_events(
      static_cast<std::size_t>(next.anonymous_requests_per_hour));
  const bool ranking_changed = ranking_weights(next) != ranking_weights(*running);
  self.live.replace(std::move(plan.settings));
  // Pages kept from before were ranked or translated the old way.
  if (ranking_changed || dictionaries_changed) ++self.ranking_generation;
  std::vector<std::string> lines = std::move(plan.changed);
  for (const std::string& line : plan.deferred)
    lines.push_back(line + " (takes effect at the next start)");
  return lines;
}

}  // namespace agora::searchd
