#include "config_check.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "agora/error.hpp"
#include "agora/index/search.hpp"
#include "settings_reload.hpp"

namespace agora::searchd {
namespace {

namespace fs = std::filesystem;

// What start-up would trip over, in the words of the setting that causes it. Nothing is
// created or migrated: the check only reads.
std::vector<std::string> problems_of(const ServerConfig& config,
                                     const analyzers::Registry& registry) {
  std::vector<std::string> problems;
  try {
    index::Searcher probe(config.db, registry);
  } catch (const Error& error) {
    problems.push_back("db " + config.db + ": " + error.what());
  } catch (const Xapian::Error& error) {
    problems.push_back("db " + config.db + ": " + error.get_description());
  }
  if (!config.web.empty() && !fs::is_directory(config.web)) {
    problems.push_back("web " + config.web + ": not a folder");
  }
  const fs::path state = state_path(config);
  const fs::path state_folder = state.has_parent_path() ? state.parent_path() : fs::path(".");
  if (!fs::is_directory(state_folder)) {
    problems.push_back("state " + state.string() + ": its folder " + state_folder.string() +
                       " does not exist");
  }
  if (config.translation && !config.dictionaries.empty() && !fs::exists(config.dictionaries)) {
    problems.push_back("dictionaries " + config.dictionaries +
                       ": not found (agora-index dictionaries makes it)");
  }
  return problems;
}

}  // namespace

int check_config(const ServerConfig& config, const analyzers::Registry& registry, std::ostream& out,
                 std::ostream& problems) {
  out << settings_json(config).dump(2) << '\n';
  const std::vector<std::string> found = problems_of(config, registry);
  for (const std::string& problem : found) problems << "agora-searchd: " << problem << '\n';
  if (found.empty()) problems << "agora-searchd: the settings are usable\n";
  return found.empty() ? 0 : 1;
}

}  // namespace agora::searchd
