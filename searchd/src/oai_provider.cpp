// The six OAI-PMH verbs over the index catalogue, answered as pugixml documents.
#include "oai_provider.hpp"

#include <sodium.h>

#include <ctime>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "agora/base/text.hpp"
#include "agora/index/catalogue.hpp"
#include "agora/index/dublin_core.hpp"

namespace agora::searchd {
namespace {

using nlohmann::json;
using Arguments = std::multimap<std::string, std::string>;

constexpr const char* kOaiNamespace = "http://www.openarchives.org/OAI/2.0/";
constexpr const char* kDcNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";

// An OAI-PMH error: its code, from the protocol's list, and a message for people.
struct OaiError {
  std::string code;
  std::string message;
};

// The arguments each verb allows (besides verb), and which it requires.
struct VerbRule {
  std::set<std::string> allowed;
  std::set<std::string> required;
};
const std::map<std::string, VerbRule>& verb_rules() {
  static const std::map<std::string, VerbRule> rules = {
      {"Identify", {{}, {}}},
      {"ListMetadataFormats", {{"identifier"}, {}}},
      {"ListSets", {{"resumptionToken"}, {}}},
      {"GetRecord", {{"identifier", "metadataPrefix"}, {"identifier", "metadataPrefix"}}},
      {"ListIdentifiers",
       {{"metadataPrefix", "from", "until", "set", "resumptionToken"}, {"metadataPrefix"}}},
      {"ListRecords",
       {{"metadataPrefix", "from", "until", "set", "resumptionToken"}, {"metadataPrefix"}}},
  };
  return rules;
}

std::optional<std::string> argument(const Arguments& arguments, const std::string& name) {
  const auto found = arguments.find(name);
  if (found == arguments.end()) return std::nullopt;
  return found->second;
}

// The checks every request passes before its verb runs.
std::optional<OaiError> check_arguments(const Arguments& arguments) {
  const std::optional<std::string> verb = argument(arguments, "verb");
  if (!verb) return OaiError{"badVerb", "no verb given"};
  if (arguments.count("verb") > 1) return OaiError{"badVerb", "verb is given more than once"};
  const auto rule = verb_rules().find(*verb);
  if (rule == verb_rules().end())
    return OaiError{"badVerb", "'" + *verb + "' is not an OAI-PMH verb"};
  for (const auto& [name, value] : arguments) {
    if (name == "verb") continue;
    if (!rule->second.allowed.count(name)) {
      return OaiError{"badArgument", *verb + " takes no argument '" + name + "'"};
    }
    if (arguments.count(name) > 1)
      return OaiError{"badArgument", name + " is given more than once"};
  }
  if (arguments.count("resumptionToken")) {
    if (arguments.size() > 2) {
      return OaiError{"badArgument", "resumptionToken is an exclusive argument"};
    }
    return std::nullopt;
  }
  for (const std::string& name : rule->second.required) {
    if (!arguments.count(name)) return OaiError{"badArgument", *verb + " needs " + name};
  }
  return std::nullopt;
}

// A from or until date as a whole datestamp: a day's from is its first second, its
// until its last.
std::optional<std::string> datestamp_bound(const std::string& date, bool until) {
  if (!index::is_oai_date(date)) return std::nullopt;
  constexpr std::size_t kDayLength = 10;  // YYYY-MM-DD
  if (date.size() > kDayLength) return date;
  return date + (until ? "T23:59:59Z" : "T00:00:00Z");
}

// Where a list stands between pages. The token is the request itself, so the provider
// keeps no state; pages are offsets in the index's order, stable while it does not change.
struct ListPlace {
  std::string verb;
  std::optional<std::string> from;
  std::optional<std::string> until;
  std::string set;
  std::size_t offset = 0;
};

std::string encode_token(const ListPlace& place) {
  json token = {{"verb", place.verb}, {"set", place.set}, {"offset", place.offset}};
  if (place.from) token["from"] = *place.from;
  if (place.until) token["until"] = *place.until;
  const std::string text = token.dump();
  std::string encoded(
      sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::optional<ListPlace> decode_token(const std::string& token, const std::string& verb) {
  std::string text(token.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(text.data()), text.size(), token.c_str(),
                        token.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  text.resize(length);
  const json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_object() || parsed.value("verb", "") != verb ||
      !parsed.value("offset", json()).is_number_unsigned() ||
      !parsed.value("set", json()).is_string()) {
    return std::nullopt;
  }
  ListPlace place{verb, std::nullopt, std::nullopt, parsed["set"], parsed["offset"]};
  if (parsed.contains("from") && parsed["from"].is_string()) place.from = parsed["from"];
  if (parsed.contains("until") && parsed["until"].is_string()) place.until = parsed["until"];
  return place;
}

// Texts of a stored field: a string, a list, names ({"name"}) or concepts, whose label in
// the record's language (else its URI) Dublin Core carries.
std::vector<std::string> texts_of(const json& value, const std::string& language) {
  std::vector<std::string> out;
  const auto add = [&](const json& item) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else if (item.is_object() && item.contains("prefLabel") && item["prefLabel"].is_object()) {
      const json& labels = item["prefLabel"];
      out.push_back(labels.contains(language) && labels[language].is_string()
                        ? labels[language].get<std::string>()
                        : item.value("id", ""));
    } else if (item.is_object() && item.contains("name") && item["name"].is_string()) {
      out.push_back(item["name"].get<std::string>());
    } else if (item.is_object() && item.contains("id") && item["id"].is_string()) {
      out.push_back(item["id"].get<std::string>());
    }
  };
  if (value.is_array()) {
    for (const json& item : value) add(item);
  } else if (!value.is_null()) {
    add(value);
  }
  std::erase_if(out, [](const std::string& text) { return text.empty(); });
  return out;
}

class Provider {
 public:
  Provider(const Arguments& arguments, const OaiRepository& repository,
           const Xapian::Database& database)
      : arguments_(arguments), repository_(repository), database_(database) {
    pugi::xml_node declaration = document_.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    root_ = document_.append_child("OAI-PMH");
    root_.append_attribute("xmlns") = kOaiNamespace;
    root_.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root_.append_attribute("xsi:schemaLocation") =
        "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    text_child(root_, "responseDate", utc_timestamp_now());
  }

  std::string answer() {
    pugi::xml_node request = text_child(root_, "request", repository_.base_url);
    const std::optional<OaiError> invalid = check_arguments(arguments_);
    if (!invalid) {
      // The request element repeats the arguments only when they were valid.
      for (const auto& [name, value] : arguments_)
        request.append_attribute(name.c_str()) = value.c_str();
    }
    const std::optional<OaiError> error = invalid ? invalid : run(arguments_.find("verb")->second);
    if (error) {
      pugi::xml_node node = text_child(root_, "error", error->message);
      node.prepend_attribute("code") = error->code.c_str();
    }
    std::ostringstream out;
    document_.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
  }

 private:
  static pugi::xml_node text_child(pugi::xml_node parent, const char* name,
                                   const std::string& text) {
    pugi::xml_node node = parent.append_child(name);
    node.text().set(text.c_str());
    return node;
  }

  std::string oai_identifier(const std::string& id) const {
    return "oai:" + repository_.identifier + ":" + id;
  }
  std::optional<std::string> record_id(const std::string& identifier) const {
    const std::string prefix = "oai:" + repository_.identifier + ":";
    if (identifier.rfind(prefix, 0) != 0 || identifier.size() == prefix.size()) return std::nullopt;
    return identifier.substr(prefix.size());
  }

  std::optional<OaiError> run(const std::string& verb) {
    if (verb == "Identify") return identify();
    if (verb == "ListMetadataFormats") return list_metadata_formats();
    if (verb == "ListSets") return list_sets();
    if (verb == "GetRecord") return get_record();
    return list(verb, verb == "ListRecords");
  }

  std::optional<OaiError> identify() {
    pugi::xml_node identify = root_.append_child("Identify");
    text_child(identify, "repositoryName", repository_.name);
    text_child(identify, "baseURL", repository_.base_url);
    text_child(identify, "protocolVersion", "2.0");
    text_child(identify, "adminEmail", repository_.admin_email);
    text_child(identify, "earliestDatestamp", index::earliest_datestamp(database_));
    text_child(identify, "deletedRecord", "persistent");
    text_child(identify, "granularity", "YYYY-MM-DDThh:mm:ssZ");
    return std::nullopt;
  }

  std::optional<OaiError> list_metadata_formats() {
    if (const auto identifier = argument(arguments_, "identifier")) {
      const auto id = record_id(*identifier);
      if (!id || !index::catalogue_entry(database_, *id)) {
        return OaiError{"idDoesNotExist", "no item " + *identifier + " in this repository"};
      }
    }
    pugi::xml_node formats = root_.append_child("ListMetadataFormats");
    pugi::xml_node format = formats.append_child("metadataFormat");
    text_child(format, "metadataPrefix", "oai_dc");
    text_child(format, "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
    text_child(format, "metadataNamespace", kDcNamespace);
    return std::nullopt;
  }

  std::optional<OaiError> list_sets() {
    if (arguments_.count("resumptionToken")) {
      return OaiError{"badResumptionToken", "ListSets answers in one page: there is no token"};
    }
    const std::vector<std::string> sets = index::catalogue_sets(database_);
    if (sets.empty()) return OaiError{"noSetHierarchy", "this repository holds no records yet"};
    pugi::xml_node list = root_.append_child("ListSets");
    for (const std::string& spec : sets) {
      pugi::xml_node set = list.append_child("set");
      text_child(set, "setSpec", spec);
      const std::size_t colon = spec.find(':');
      text_child(set, "setName",
                 (spec.substr(0, colon) == "language" ? "Resources in " : "Collection ") +
                     spec.substr(colon + 1));
    }
    return std::nullopt;
  }

  std::optional<OaiError> check_prefix() const {
    const std::string prefix = argument(arguments_, "metadataPrefix").value_or("oai_dc");
    if (prefix != "oai_dc") {
      return OaiError{"cannotDisseminateFormat",
                      "'" + prefix + "' is not a format of this repository: oai_dc"};
    }
    return std::nullopt;
  }

  std::optional<OaiError> get_record() {
    if (auto error = check_prefix()) return error;
    const std::string identifier = *argument(arguments_, "identifier");
    const auto id = record_id(identifier);
    const auto entry = id ? index::catalogue_entry(database_, *id) : std::nullopt;
    if (!entry) return OaiError{"idDoesNotExist", "no item " + identifier + " in this repository"};
    add_record(root_.append_child("GetRecord"), *entry);
    return std::nullopt;
  }

  std::optional<OaiError> list(const std::string& verb, bool with_metadata) {
    ListPlace place{verb, std::nullopt, std::nullopt, "", 0};
    if (const auto token = argument(arguments_, "resumptionToken")) {
      const auto decoded = decode_token(*token, verb);
      if (!decoded)
        return OaiError{"badResumptionToken",
                        "the resumptionToken is not one this repository gave"};
      place = *decoded;
    } else {
      if (auto error = check_prefix()) return error;
      const auto from = argument(arguments_, "from");
      const auto until = argument(arguments_, "until");
      if (from && !(place.from = datestamp_bound(*from, false))) {
        return OaiError{"badArgument",
                        "from '" + *from + "' is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"};
      }
      if (until && !(place.until = datestamp_bound(*until, true))) {
        return OaiError{"badArgument",
                        "until '" + *until + "' is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"};
      }
      if (from && until && from->size() != until->size()) {
        return OaiError{"badArgument", "from and until must have the same granularity"};
      }
      if (place.from && place.until && *place.from > *place.until) {
        return OaiError{"badArgument", "from is later than until"};
      }
      place.set = argument(arguments_, "set").value_or("");
    }
    const index::CataloguePage page = index::catalogue_page(
        database_, {place.from, place.until, place.set, place.offset, repository_.page_size});
    if (page.entries.empty()) {
      if (place.offset > 0) return OaiError{"badResumptionToken", "the list has changed and ended"};
      return OaiError{"noRecordsMatch", "no records match the request"};
    }
    pugi::xml_node list = root_.append_child(verb.c_str());
    for (const index::CatalogueEntry& entry : page.entries) {
      if (with_metadata) {
        add_record(list, entry);
      } else {
        add_header(list, entry);
      }
    }
    const std::size_t next = place.offset + page.entries.size();
    if (place.offset > 0 || next < page.total) {
      // The last page of a list carries an empty token, as the protocol asks.
      place.offset = next;
      pugi::xml_node token = list.append_child("resumptionToken");
      if (next < page.total) token.text().set(encode_token(place).c_str());
      token.append_attribute("completeListSize") = static_cast<unsigned long long>(page.total);
      token.append_attribute("cursor") =
          static_cast<unsigned long long>(next - page.entries.size());
    }
    return std::nullopt;
  }

  void add_header(pugi::xml_node parent, const index::CatalogueEntry& entry) const {
    pugi::xml_node header = parent.append_child("header");
    if (entry.deleted) header.append_attribute("status") = "deleted";
    text_child(header, "identifier", oai_identifier(entry.id));
    text_child(header, "datestamp", entry.datestamp);
    for (const std::string& set : index::sets_of(entry)) text_child(header, "setSpec", set);
  }

  void add_record(pugi::xml_node parent, const index::CatalogueEntry& entry) const {
    pugi::xml_node record = parent.append_child("record");
    add_header(record, entry);
    if (entry.deleted) return;
    pugi::xml_node dc = record.append_child("metadata").append_child("oai_dc:dc");
    dc.append_attribute("xmlns:oai_dc") = kDcNamespace;
    dc.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    dc.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    dc.append_attribute("xsi:schemaLocation") =
        "http://www.openarchives.org/OAI/2.0/oai_dc/ "
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    const json& stored = entry.record;
    const std::string language = stored.value("inLanguage", "");
    for (const index::DublinCoreElement& known : index::kDublinCoreElements) {
      const auto value = stored.find(std::string(known.field));
      if (value == stored.end()) continue;
      const std::string element = "dc:" + std::string(known.element);
      for (const std::string& text : texts_of(*value, language)) {
        text_child(dc, element.c_str(), text);
      }
    }
    if (stored.contains("workTranslation")) {
      for (const std::string& link : texts_of(stored["workTranslation"], language)) {
        text_child(dc, "dc:relation", "hasTranslation: " + link);
      }
    }
  }

  const Arguments& arguments_;
  const OaiRepository& repository_;
  const Xapian::Database& database_;
  pugi::xml_document document_;
  pugi::xml_node root_;
};

}  // namespace

std::string oai_response(const Arguments& arguments, const OaiRepository& repository,
                         const Xapian::Database& database) {
  return Provider(arguments, repository, database).answer();
}

}  // namespace agora::searchd
