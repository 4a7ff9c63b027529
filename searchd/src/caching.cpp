// ETag, Last-Modified, Cache-Control and Vary.
#include "caching.hpp"

#include <sodium.h>

#include <chrono>
#include <ctime>

#include "agora/base/text.hpp"

namespace agora::searchd {
namespace {

bool compressible(const std::string& content_type) {
  return content_type == "application/json" || content_type == "application/javascript" ||
         content_type.rfind("text/", 0) == 0;
}

// True when an If-None-Match list names `tag` (or is "*").
bool names_tag(const std::string& if_none_match, const std::string& tag) {
  for (const std::string& item : split(if_none_match, ',')) {
    std::string candidate = trim_whitespace(item);
    if (candidate.rfind("W/", 0) == 0) candidate.erase(0, 2);  // weak comparison, RFC 9110
    if (candidate == tag || candidate == "*") return true;
  }
  return false;
}

}  // namespace

void add_vary(httplib::Response& response, std::string_view field) {
  const std::string present = response.get_header_value("Vary");
  for (const std::string& item : split(present, ',')) {
    if (trim_whitespace(item) == field) return;
  }
  const std::string value =
      present.empty() ? std::string(field) : present + ", " + std::string(field);
  response.headers.erase("Vary");  // set_header adds a second line rather than replacing
  response.set_header("Vary", value);
}

void vary_on_encoding(httplib::Response& response) {
  if (compressible(response.get_header_value("Content-Type"))) {
    add_vary(response, "Accept-Encoding");
  }
}

void offer_gzip_not_brotli(httplib::Request& request) {
  const auto offered = request.headers.find("Accept-Encoding");
  if (offered == request.headers.end() || offered->second.find("br") == std::string::npos) return;
  // httplib looks for the substrings "br" and "gzip" anywhere in the header, so the
  // header is replaced rather than edited.
  const bool gzip = offered->second.find("gzip") != std::string::npos;
  request.headers.erase("Accept-Encoding");
  if (gzip) request.headers.emplace("Accept-Encoding", "gzip");
}

std::string entity_tag(std::string_view bytes) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return "\"" + std::string(hex) + "\"";
}

std::string http_date(std::filesystem::file_time_type time) {
  const auto system = std::chrono::file_clock::to_sys(time);
  const std::time_t seconds = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(system));
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return text;
}

void StaticFiles::add_validators(const httplib::Request& request,
                                 httplib::Response& response) const {
  const std::string tag = entity_tag(response.body);
  response.set_header("ETag", tag);
  std::filesystem::path file = root_ / std::filesystem::path(request.path).relative_path();
  if (request.path.back() == '/') file /= "index.html";
  std::error_code error;
  const auto modified = std::filesystem::last_write_time(file, error);
  const std::string last_modified = error ? std::string() : http_date(modified);
  if (!last_modified.empty()) response.set_header("Last-Modified", last_modified);
  const bool page = response.get_header_value("Content-Type").rfind("text/html", 0) == 0;
  // The page itself is checked on every visit (a 304 is a few hundred bytes), so an upgrade
  // shows at once; scripts, styles and UI strings are kept for an hour.
  response.set_header("Cache-Control", page ? "no-cache" : "public, max-age=3600");
  vary_on_encoding(response);
  const bool unchanged = request.has_header("If-None-Match")
                             ? names_tag(request.get_header_value("If-None-Match"), tag)
                             : !last_modified.empty() &&
                                   request.get_header_value("If-Modified-Since") == last_modified;
  if (unchanged && request.ranges.empty()) {
    response.status = 304;
    response.body.clear();
  }
}

}  // namespace agora::searchd
