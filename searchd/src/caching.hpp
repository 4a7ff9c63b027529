// Headers that let browsers and shared caches keep what they already have.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <httplib.h>

namespace agora::searchd {

/// Adds `field` to the response's Vary header (once).
void add_vary(httplib::Response& response, std::string_view field);

/// Adds Vary: Accept-Encoding where httplib compresses the body (JSON, text), so that a
/// shared cache never hands a gzip body to a client that did not ask for one.
void vary_on_encoding(httplib::Response& response);

/// Makes `request` offer gzip alone where it offered gzip and Brotli ("br"), and no
/// compression where it offered Brotli without gzip. Debian's cpp-httplib compresses "br"
/// at Brotli's slowest, densest setting: an 8 KB search answer costs about 8 ms of CPU
/// that way against under 0.5 ms for gzip, to save a fifth of the bytes; a /oai page of
/// 1,000 records 0.6 s against 0.02 s. Every browser that takes br takes gzip too.
void offer_gzip_not_brotli(httplib::Request& request);

/// Validators and lifetimes for the static files of --web: an ETag (a digest of the
/// bytes), Last-Modified, and Cache-Control (HTML revalidates every time, other files are
/// kept for an hour). A conditional request that matches gets 304 with no body, so a
/// learner on a slow link downloads the page once.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  /// Called by httplib for each file it serves from --web, with the file in the body.
  void add_validators(const httplib::Request& request, httplib::Response& response) const;

 private:
  std::filesystem::path root_;
};

/// The ETag of `bytes`: a quoted hex digest.
std::string entity_tag(std::string_view bytes);

/// An HTTP date (RFC 9110 IMF-fixdate) for a file time.
std::string http_date(std::filesystem::file_time_type time);

}  // namespace agora::searchd
