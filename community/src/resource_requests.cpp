// Storing, searching and answering resource requests.
#include "agora/community/resource_requests.hpp"

#include <set>

#include "agora/analyzers/language_tag.hpp"
#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"
#include "resource_rows.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr const char* kRequestColumns =
    "id, requester_id, topic, details, language, level, status, answer_resource_id, "
    "answer_title, answer_url, answer_note, answered_by, created_at, answered_at";

std::string trimmed_string(const json& body, const char* field,
                           std::vector<FieldProblem>& problems) {
  const json& value = body.value(field, json());
  if (value.is_null()) return "";
  if (!value.is_string()) {
    problems.push_back({field, "must be a string"});
    return "";
  }
  return trim_whitespace(value.get<std::string>());
}

RequestView request_of(sqlite::Connection& connection, const sqlite::Statement& row,
                       const Caller& caller) {
  const auto requester = row.optional_integer(1);
  RequestView view;
  view.id = row.integer(0);
  view.topic = row.text(2);
  view.details = row.text(3);
  view.language = row.text(4);
  view.level = row.optional_text(5);
  view.status = state_column<RequestStatus>(row, 6);
  view.created_at = row.integer(12);
  view.mine = caller.account && requester && *requester == caller.account->id;
  if (view.status == RequestStatus::answered) {
    view.answer = RequestAnswer{row.text(7),
                                row.text(8),
                                row.text(9),
                                row.text(10),
                                load_account(connection, row.optional_integer(11)),
                                row.integer(13)};
  }
  return view;
}

// LIKE patterns treat % and _ as wildcards: escape them in words.
std::string like_word(const std::string& word) {
  std::string out = "% ";
  for (const char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + " %";
}

}  // namespace

std::string ResourceRequests::search_terms(const std::string& text,
                                           const std::string& language) const {
  std::set<std::string> terms;
  for (const analyzers::Token& token : registry_.for_tag(language).analyze(text)) {
    terms.insert(token.folded);
    terms.insert(token.stem);
  }
  std::string out = " ";
  for (const std::string& term : terms) out += term + " ";
  return out;
}

RequestView ResourceRequests::create(const Caller& caller, const json& body) {
  std::vector<FieldProblem> problems;
  const std::string topic = trimmed_string(body, "topic", problems);
  const std::string details = trimmed_string(body, "details", problems);
  const std::string language_tag = trimmed_string(body, "language", problems);
  const std::string level = trimmed_string(body, "level", problems);
  if (utf8_length(topic) < 3 || utf8_length(topic) > 200) {
    problems.push_back({"topic", "is required: 3 to 200 characters saying what you look for"});
  }
  if (utf8_length(details) > 4000)
    problems.push_back({"details", "must be at most 4000 characters"});
  std::string language;
  if (language_tag.empty()) {
    problems.push_back({"language", "is required: the language you want the resource in"});
  } else {
    try {
      language = analyzers::parse_language_tag(language_tag).canonical;
    } catch (const InvalidInput&) {
      problems.push_back({"language", "'" + language_tag + "' is not a BCP-47 language tag"});
    }
  }
  if (!level.empty() && level != "beginner" && level != "intermediate" && level != "advanced") {
    problems.push_back({"level", "must be beginner, intermediate or advanced"});
  }
  if (!problems.empty()) throw InvalidFields(problems);
  const std::string terms = search_terms(topic + "\n" + details, language);
  return state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement(connection,
                      "INSERT INTO requests (requester_id, topic, details, language, level, "
                      "search_terms, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(caller.account ? std::optional(caller.account->id) : std::nullopt, topic, details,
                  language, level.empty() ? std::nullopt : std::optional(level), terms,
                  name_of(RequestStatus::open), now_seconds())
        .run();
    const std::int64_t id = connection.last_insert_id();
    append_audit(connection, caller.actor(), "request.create", "request:" + std::to_string(id),
                 {{"topic", topic}, {"language", language}});
    sqlite::Statement row(connection,
                          std::string("SELECT ") + kRequestColumns + " FROM requests WHERE id = ?");
    row.bind(1, id);
    row.step();
    RequestView out = request_of(connection, row, caller);
    out.mine = true;
    return out;
  });
}

RequestList ResourceRequests::list(const Caller& caller, const RequestFilter& filter) {
  if (filter.mine) require_role(caller, Role::learner);
  std::string sql = std::string("SELECT ") + kRequestColumns + " FROM requests WHERE 1 = 1";
  std::vector<std::string> arguments;
  if (filter.status) {
    sql += " AND status = ?";
    arguments.emplace_back(name_of(*filter.status));
  }
  if (!filter.language.empty()) {
    sql += " AND (language = ? OR language LIKE ? || '-%')";
    arguments.push_back(filter.language);
    arguments.push_back(filter.language);
  }
  if (filter.mine) {
    sql += " AND requester_id = ?";
    arguments.push_back(std::to_string(caller.account->id));
  }
  // Each query word must match, as its folded form or as its stem in the query language.
  for (const analyzers::Token& token :
       registry_.for_tag(filter.query_language.empty() ? "und" : filter.query_language)
           .analyze(filter.query, analyzers::Purpose::query)) {
    sql += " AND (search_terms LIKE ? ESCAPE '\\' OR search_terms LIKE ? ESCAPE '\\')";
    arguments.push_back(like_word(token.folded));
    arguments.push_back(like_word(token.stem));
  }
  sql += " ORDER BY id DESC";
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection, sql);
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      query.bind(static_cast<int>(i + 1), arguments[i]);
    }
    RequestList found;
    while (query.step()) {
      if (++found.total <= filter.limit)
        found.requests.push_back(request_of(connection, query, caller));
    }
    return found;
  });
}

RequestView ResourceRequests::get(const Caller& caller, std::int64_t id) {
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement row(connection,
                          std::string("SELECT ") + kRequestColumns + " FROM requests WHERE id = ?");
    row.bind(1, id);
    if (!row.step()) throw NotFound("no request with id " + std::to_string(id));
    return request_of(connection, row, caller);
  });
}

RequestView ResourceRequests::answer(const Caller& caller, std::int64_t id, const json& body) {
  require_role(caller, Role::contributor);
  std::vector<FieldProblem> problems;
  const std::string resource_id = trimmed_string(body, "resourceId", problems);
  const std::string note = trimmed_string(body, "note", problems);
  if (resource_id.empty())
    problems.push_back({"resourceId", "is required: the resource that answers"});
  if (utf8_length(note) > 2000) problems.push_back({"note", "must be at most 2000 characters"});
  if (!problems.empty()) throw InvalidFields(problems);
  // An unknown request is 404 whatever the body says; an answered one keeps its answer.
  if (get(caller, id).status == RequestStatus::answered) {
    throw Conflict("request " + std::to_string(id) + " is already answered");
  }
  const auto record = index_.record(resource_id);
  if (!record) {
    throw InvalidFields("resourceId", "no published resource has the id '" + resource_id + "'");
  }
  state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement(connection,
                      "UPDATE requests SET status = ?, answer_resource_id = ?, "
                      "answer_title = ?, answer_url = ?, answer_note = ?, answered_by = ?, "
                      "answered_at = ? WHERE id = ?")
        .bind_all(name_of(RequestStatus::answered), resource_id, record->value("title", ""),
                  record->value("url", ""), note, caller.account->id, now_seconds(), id)
        .run();
    append_audit(connection, caller.actor(), "request.answer", "request:" + std::to_string(id),
                 {{"resourceId", resource_id}});
  });
  return get(caller, id);
}

}  // namespace agora::community
