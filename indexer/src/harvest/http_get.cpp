// libcurl does the HTTP: redirects, TLS, compression, timeouts and URL escaping are not
// things to write by hand.
#include "http_get.hpp"

#include <curl/curl.h>

#include <ctime>
#include <memory>

#include "agora/error.hpp"

namespace agora::index {
namespace {

// Bodies larger than this are refused: no OAI-PMH page is that large.
constexpr curl_off_t kMaxBodyBytes = 256LL << 20;

void initialise_once() {
  static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  if (!done) throw Error("libcurl could not be initialised");
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

// Retry-After is a number of seconds or an HTTP date (RFC 9110 section 10.2.3).
std::optional<long> retry_after(CURL* curl) {
  curl_header* header = nullptr;
  if (curl_easy_header(curl, "Retry-After", 0, CURLH_HEADER, -1, &header) != CURLHE_OK) {
    return std::nullopt;
  }
  const std::string value = header->value;
  if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
    return value.size() > 9 ? 999999999L : std::stol(value);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max<long>(0, static_cast<long>(when - std::time(nullptr)));
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

}  // namespace

HttpAnswer http_get(const std::string& url, std::chrono::seconds timeout) {
  initialise_once();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw Error("libcurl could not start a request");
  HttpAnswer answer;
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "agora-index (OAI-PMH harvester)");
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, kMaxBodyBytes);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer.body);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    answer.error = error[0] ? error : curl_easy_strerror(code);
    return answer;
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
  answer.retry_after = retry_after(curl.get());
  return answer;
}

std::string with_query(const std::string& base,
                       const std::map<std::string, std::string>& parameters) {
  initialise_once();
  std::unique_ptr<CURLU, CurlDeleter> url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) {
    throw InvalidInput("'" + base + "' is not a URL");
  }
  for (const auto& [name, value] : parameters) {
    const std::string pair = name + "=" + value;
    curl_url_set(url.get(), CURLUPART_QUERY, pair.c_str(), CURLU_APPENDQUERY | CURLU_URLENCODE);
  }
  char* text = nullptr;
  if (curl_url_get(url.get(), CURLUPART_URL, &text, 0) != CURLUE_OK) {
    throw InvalidInput("'" + base + "' is not a URL");
  }
  std::string out = text;
  curl_free(text);
  return out;
}

}  // namespace agora::index
