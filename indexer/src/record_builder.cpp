// Field-by-field validation and normalisation of incoming records.
#include "agora/index/record_builder.hpp"
#include "agora/base/parse.hpp"

#include <algorithm>
#include <regex>

#include "agora/analyzers/language_tag.hpp"
#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/error.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Collects errors for one item; every check names its field.
class Checker {
 public:
  Checker(const json& fields, const std::map<std::string, int>& field_lines, int line,
          std::vector<FieldError>& errors)
      : fields_(fields), field_lines_(field_lines), line_(line), errors_(errors) {}

  void fail(const std::string& field, std::string message) {
    const auto line = field_lines_.find(field);
    errors_.push_back(
        {field, std::move(message), line == field_lines_.end() ? line_ : line->second});
  }

  /// The trimmed string value of `field`; "" when absent. Non-strings are errors.
  std::string text(const std::string& field, bool required = false) {
    const json& fields = fields_;
    if (!fields.contains(field) || fields[field].is_null()) {
      if (required) fail(field, "is required");
      return "";
    }
    if (!fields[field].is_string()) {
      fail(field, std::string("must be a string, not ") + fields[field].type_name());
      return "";
    }
    std::string value = trim_whitespace(fields[field].get<std::string>());
    if (required && value.empty()) fail(field, "is required and must not be empty");
    return value;
  }

  /// A list from an array of strings or from one string split at `separator`.
  std::vector<std::string> list(const std::string& field, char separator) {
    const json& fields = fields_;
    std::vector<std::string> items;
    if (!fields.contains(field) || fields[field].is_null()) return items;
    const json& value = fields[field];
    auto add = [&](const std::string& raw) {
      std::size_t start = 0;
      while (start <= raw.size()) {
        std::size_t end = separator ? raw.find(separator, start) : std::string::npos;
        if (end == std::string::npos) end = raw.size();
        std::string piece = trim_whitespace(raw.substr(start, end - start));
        if (!piece.empty()) items.push_back(std::move(piece));
        start = end + 1;
      }
    };
    if (value.is_string()) {
      add(value.get<std::string>());
    } else if (value.is_array()) {
      for (const json& item : value) {
        if (item.is_string()) {
          items.push_back(trim_whitespace(item.get<std::string>()));
        } else {
          fail(field, std::string("items must be strings, found ") + item.type_name());
        }
      }
    } else {
      fail(field, std::string("must be a string or a list of strings, not ") + value.type_name());
    }
    std::erase_if(items, [](const std::string& s) { return s.empty(); });
    return items;
  }

  /// Values that may be concepts (SKOS, as AMB and OERSI write them): names, lower-cased,
  /// from a string split at `separator` or a list; concepts, `{"id": URI, "prefLabel":
  /// {"de": "Mathematik", ...}}`, by their URI, with their labels added to `labels`.
  std::vector<std::string> concepts(const std::string& field, char separator, ConceptLabels& labels,
                                    bool lower_case_names = true) {
    const auto name_of = [&](std::string name) {
      return lower_case_names ? lower_ascii(name) : name;
    };
    const json& fields = fields_;
    if (!fields.contains(field) || fields[field].is_null()) return {};
    const json& value = fields[field];
    const bool has_concept =
        value.is_object() ||
        (value.is_array() && std::any_of(value.begin(), value.end(),
                                         [](const json& item) { return item.is_object(); }));
    if (!has_concept) {
      std::vector<std::string> names = list(field, separator);
      for (std::string& name : names) name = name_of(name);
      return names;
    }
    std::vector<std::string> values;
    for (const json& item : value.is_array() ? value : json::array({value})) {
      if (item.is_string()) {
        if (std::string name = name_of(trim_whitespace(item.get<std::string>())); !name.empty())
          values.push_back(std::move(name));
      } else if (auto uri = concept_uri(field, item)) {
        add_labels(field, item, labels[*uri]);
        values.push_back(std::move(*uri));
      }
    }
    return values;
  }

  /// Names from a string, a {"name": ...} object or a list of either.
  std::vector<std::string> names(const std::string& field) {
    const json& fields = fields_;
    std::vector<std::string> out;
    if (!fields.contains(field) || fields[field].is_null()) return out;
    const json& value = fields[field];
    auto add = [&](const json& entry) {
      if (entry.is_string()) {
        out.push_back(trim_whitespace(entry.get<std::string>()));
      } else if (entry.is_object() && entry.contains("name") && entry["name"].is_string()) {
        out.push_back(trim_whitespace(entry["name"].get<std::string>()));
      } else {
        fail(field, "must be a name, an object with a \"name\", or a list of those");
      }
    };
    if (value.is_array()) {
      for (const json& entry : value) add(entry);
    } else {
      add(value);
    }
    return out;
  }

 private:
  std::optional<std::string> concept_uri(const std::string& field, const json& item) {
    static const std::regex uri(R"(^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$)");
    const json& id = item.is_object() ? item.value("id", item.value("@id", json())) : item;
    if (!id.is_string() || !std::regex_match(id.get<std::string>(), uri)) {
      fail(field, "a concept must be an object with an \"id\" URI (and a \"prefLabel\"), found " +
                      item.dump());
      return std::nullopt;
    }
    return id.get<std::string>();
  }

  // prefLabel is a language map ({"de": "Mathematik"}) or, loosely written, one text.
  void add_labels(const std::string& field, const json& item,
                  std::map<std::string, std::string>& labels) {
    const json& label = item.value("prefLabel", json());
    if (label.is_null()) return;
    if (label.is_string()) {
      labels.emplace("und", trim_whitespace(label.get<std::string>()));
      return;
    }
    if (!label.is_object()) {
      fail(field, "prefLabel must be a map from language to label, like {\"en\": \"Mathematics\"}");
      return;
    }
    for (const auto& [language, text] : label.items()) {
      if (!text.is_string()) {
        fail(field, "prefLabel." + language + " must be a string");
        continue;
      }
      try {
        labels[analyzers::parse_language_tag(language).canonical] =
            trim_whitespace(text.get<std::string>());
      } catch (const InvalidInput&) {
        fail(field, "prefLabel: '" + language + "' is not a BCP-47 language tag");
      }
    }
  }

  const json& fields_;
  const std::map<std::string, int>& field_lines_;
  int line_;
  std::vector<FieldError>& errors_;
};

bool valid_date(const std::string& date) {
  static const std::regex pattern(
      R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?)?)?$)");
  std::smatch match;
  if (!std::regex_match(date, match, pattern)) return false;
  if (match[2].matched) {
    const auto month = parse_whole_number(match.str(2), "month", 0, 99);
    if (month < 1 || month > 12) return false;
  }
  if (match[3].matched) {
    const auto day = parse_whole_number(match.str(3), "day", 0, 99);
    if (day < 1 || day > 31) return false;
  }
  return true;
}

// schema.org aggregateRating, as searchd writes it when learners rate a resource (and as
// an export carries it, so that a rebuilt index ranks the same).
void read_aggregate_rating(const json& fields, Record& record, Checker& check) {
  const auto found = fields.find("aggregateRating");
  if (found == fields.end() || found->is_null()) return;
  const json& rating = *found;
  if (!rating.is_object() || !rating.contains("ratingValue") ||
      !rating["ratingValue"].is_number() || !rating.contains("ratingCount") ||
      !rating["ratingCount"].is_number_integer() || rating["ratingCount"].get<std::int64_t>() < 0) {
    check.fail("aggregateRating",
               "must be an object with a number ratingValue and a whole ratingCount");
    return;
  }
  const double value = rating["ratingValue"].get<double>();
  const double count = static_cast<double>(rating["ratingCount"].get<std::int64_t>());
  if (count > 0 && (value < 1 || value > 5)) {
    check.fail("aggregateRating", "ratingValue must be from 1 to 5");
    return;
  }
  record.rating_value = count > 0 ? value : 0;
  record.rating_count = count;
}

// workTranslation: the other language versions, each an http(s) address or a record id
// (the index links them into one work when they arrive, in any order).
std::vector<std::string> version_links(Checker& check, const std::string& own_id) {
  static const std::regex address(R"(^https?://[^\s/$.?#][^\s]*$)", std::regex::icase);
  static const std::regex id(R"(^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$)");
  std::vector<std::string> links;
  for (std::string& link : check.list("workTranslation", '\0')) {
    if (!std::regex_match(link, address) && !std::regex_match(link, id)) {
      check.fail("workTranslation", "'" + link + "' is neither an http(s) address nor a record id");
    } else if (link != own_id && std::find(links.begin(), links.end(), link) == links.end()) {
      links.push_back(std::move(link));
    }
  }
  return links;
}

// Stores the normalised values of a field that may hold concepts: names as names, concepts
// as {"id", "prefLabel"}. A single name stays a single name where the schema wants one.
void store_concepts(json& stored, const char* field, const std::vector<std::string>& values,
                    const ConceptLabels& labels, bool single_name_as_text) {
  if (values.empty()) return;
  json out = json::array();
  for (const std::string& value : values) {
    const auto concept_labels = labels.find(value);
    if (concept_labels == labels.end()) {
      out.push_back(value);
    } else {
      json concept_node = {{"id", value}};
      if (!concept_labels->second.empty()) concept_node["prefLabel"] = concept_labels->second;
      out.push_back(std::move(concept_node));
    }
  }
  stored[field] = single_name_as_text && out.size() == 1 && out[0].is_string() ? out[0] : out;
}

}  // namespace

std::optional<std::string> normalise_license(const std::string& license) {
  static const std::regex cc_url(
      R"(^https?://creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d\.\d)(/.*)?$)",
      std::regex::icase);
  std::smatch match;
  if (std::regex_match(license, match, cc_url)) {
    const std::string kind = lower_ascii(match[2]);
    if (kind == "zero") return "CC0-" + match[3].str();
    if (kind == "mark") return "PDM-" + match[3].str();
    std::string id = "CC-" + kind + "-" + match[3].str();
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return id;
  }
  // SPDX short identifiers ("CC-BY-SA-4.0", "MIT"); "CC BY-SA 4.0", as Creative Commons
  // writes its names, is read as one too.
  std::string id = license;
  if (lower_ascii(id.substr(0, 3)) == "cc ") std::replace(id.begin(), id.end(), ' ', '-');
  static const std::regex spdx(R"(^[A-Za-z][A-Za-z0-9.+\-]{0,63}$)");
  if (std::regex_match(id, spdx)) return id;
  return std::nullopt;
}

namespace {

// Both entry points: `field_lines` and `line` place each error where the format can tell.
BuiltRecord build(const json& fields, const std::map<std::string, int>& field_lines, int line,
                  const std::string& default_collection,
                  const analyzers::LanguageDetector& detector) {
  BuiltRecord built;
  Checker check(fields, field_lines, line, built.errors);
  Record record;
  record.stored = fields;
  json& stored = record.stored;
  // An empty YAML value or a JSON null means "not given": store nothing for it.
  for (auto it = stored.begin(); it != stored.end();) {
    it = it->is_null() ? stored.erase(it) : std::next(it);
  }

  record.id = check.text("id", true);
  static const std::regex id_pattern(R"(^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$)");
  if (!record.id.empty() && !std::regex_match(record.id, id_pattern)) {
    check.fail("id", "'" + record.id +
                         "' must start with a letter or digit and use only letters, digits and "
                         ". _ : / - (at most 200)");
  }
  record.url = check.text("url", true);
  static const std::regex url_pattern(R"(^https?://[^\s/$.?#][^\s]*$)", std::regex::icase);
  if (!record.url.empty() && !std::regex_match(record.url, url_pattern)) {
    check.fail("url", "'" + record.url + "' is not an http:// or https:// address");
  }
  // Lengths count characters (code points), as JSON Schema's maxLength does.
  record.title = check.text("title", true);
  if (const std::size_t length = utf8_length(record.title); length > kMaxTitleCharacters) {
    check.fail("title", "is " + std::to_string(length) + " characters long, more than " +
                            std::to_string(kMaxTitleCharacters));
  }
  record.description = check.text("description");
  if (const std::size_t length = utf8_length(record.description);
      length > kMaxDescriptionCharacters) {
    check.fail("description", "is " + std::to_string(length) + " characters long, more than " +
                                  std::to_string(kMaxDescriptionCharacters));
  }
  record.text = check.text("text");
  const std::string work = check.text("work");
  record.work = lower_ascii(work);  // "Start-a-Coop" and "start-a-coop" are one work
  if (const auto publishers = check.names("publisher"); !publishers.empty()) {
    record.publisher = publishers.front();
  }
  record.collection = check.text("collection");
  if (record.collection.empty()) record.collection = default_collection;

  if (const std::string language = check.text("inLanguage"); !language.empty()) {
    try {
      record.language = analyzers::parse_language_tag(language).canonical;
    } catch (const InvalidInput&) {
      check.fail("inLanguage", "'" + language + "' is not a BCP-47 language tag (e.g. fr, pt-BR)");
    }
  }
  if (const std::string license = check.text("license"); !license.empty()) {
    if (auto spdx = normalise_license(license)) {
      record.license = *spdx;
    } else {
      check.fail("license",
                 "'" + license + "' is neither an SPDX id (CC-BY-4.0) nor a Creative Commons URL");
    }
  }
  record.types = check.concepts("learningResourceType", ',', record.concept_labels);
  // A concept (a URI) names a level of any scheme; a bare name is one of Agora's three,
  // written as the schema's enum writes it.
  record.levels = check.concepts("educationalLevel", '\0', record.concept_labels, false);
  for (const std::string& level : record.levels) {
    if (level.find(':') != std::string::npos || level == "beginner" || level == "intermediate" ||
        level == "advanced") {
      continue;
    }
    const std::string lower = lower_ascii(level);
    check.fail("educationalLevel",
               lower == "beginner" || lower == "intermediate" || lower == "advanced"
                   ? "'" + level + "' must be written in lower case: '" + lower + "'"
                   : "'" + level +
                         "' is not one of beginner, intermediate, advanced, nor a concept "
                         "{\"id\": URI, \"prefLabel\": {...}}");
  }
  record.keywords = check.list("keywords", ',');
  record.subjects = check.concepts("about", ',', record.concept_labels);
  record.authors = check.names("author");
  for (const char* field : {"datePublished", "dateModified"}) {
    const std::string date = check.text(field);
    if (!date.empty() && !valid_date(date)) {
      check.fail(field, "'" + date + "' is not an ISO 8601 date (YYYY-MM-DD)");
    }
    (field == std::string("datePublished") ? record.date_published : record.date_modified) = date;
  }
  if (fields.contains("isAccessibleForFree") && !fields["isAccessibleForFree"].is_boolean() &&
      !fields["isAccessibleForFree"].is_null()) {
    check.fail("isAccessibleForFree", "must be true or false");
  }
  record.version_links = version_links(check, record.id);
  read_aggregate_rating(fields, record, check);
  if (!built.errors.empty()) return built;

  // An exported record keeps the mark of a detected language: re-importing it must not
  // turn a guess into a declaration.
  if (const json& detected = fields.value("languageDetected", json());
      detected.is_object() && detected.contains("inLanguage") &&
      detected["inLanguage"].is_string() && detected["inLanguage"] == record.language) {
    record.language_detected = true;
    if (detected.contains("confidence") && detected["confidence"].is_number()) {
      record.detection_confidence = detected["confidence"].get<double>();
    }
  }
  if (record.language == "und") {
    std::string sample = record.title + "\n" + record.description + "\n" + record.text;
    // A few paragraphs are plenty; cut on a character boundary or CLD2 gives up.
    const analyzers::Detection detection =
        detector.detect(std::string_view(sample).substr(0, utf8_cut(sample, 20000)));
    record.language = detection.language;
    record.language_detected = true;
    record.detection_confidence = detection.confidence;
    stored["languageDetected"] = {{"inLanguage", detection.language},
                                  {"confidence", detection.confidence}};
  }
  // What is stored and exported is the normalised record, unknown fields included.
  stored["id"] = record.id;
  stored["url"] = record.url;
  stored["title"] = record.title;
  stored["inLanguage"] = record.language;
  if (!record.license.empty()) stored["license"] = record.license;
  store_concepts(stored, "learningResourceType", record.types, record.concept_labels, false);
  store_concepts(stored, "educationalLevel", record.levels, record.concept_labels, true);
  if (!record.keywords.empty()) stored["keywords"] = record.keywords;
  store_concepts(stored, "about", record.subjects, record.concept_labels, false);
  if (!record.collection.empty()) stored["collection"] = record.collection;
  if (!work.empty()) stored["work"] = work;
  if (!record.version_links.empty()) stored["workTranslation"] = record.version_links;
  built.record = std::move(record);
  return built;
}

}  // namespace

BuiltRecord build_record(const ImportItem& item, const std::string& default_collection,
                         const analyzers::LanguageDetector& detector) {
  return build(item.fields, item.field_lines, item.where.line, default_collection, detector);
}

BuiltRecord build_record(const nlohmann::json& fields, const std::string& default_collection,
                         const analyzers::LanguageDetector& detector) {
  static const std::map<std::string, int> no_lines;
  return build(fields, no_lines, 0, default_collection, detector);
}

}  // namespace agora::index
