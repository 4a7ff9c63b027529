// Build-time tool: writes which stopword list each language takes, read from the one
// table of languages, for scripts/generate-stopwords.pl. One "tag source" line each.
#include <fstream>
#include <iostream>

#include "language_profiles.hpp"

namespace {

const char* source_name(agora::analyzers::StopwordSource source) {
  switch (source) {
    case agora::analyzers::StopwordSource::snowball: return "snowball";
    case agora::analyzers::StopwordSource::stopwords_iso: return "stopwords-iso";
    case agora::analyzers::StopwordSource::none: break;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: stopword_plan OUTPUT\n";
    return 2;
  }
  std::ofstream out(argv[1]);
  for (const auto& profile : agora::analyzers::language_profiles()) {
    if (const char* source = source_name(profile.stopwords)) {
      out << profile.tag << ' ' << source << '\n';
    }
  }
  out.close();
  if (!out) {
    std::cerr << "stopword_plan: cannot write " << argv[1] << '\n';
    return 1;
  }
  return 0;
}
