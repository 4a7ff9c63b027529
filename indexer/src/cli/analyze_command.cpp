// `agora-index analyze`: look inside the analysis pipeline from the shell.
#include <iomanip>
#include <iostream>
#include <iterator>
#include <optional>

#include "agora/analyzers/language_detector.hpp"
#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/dictionaries.hpp"
#include "translation/query_translation.hpp"

namespace agora::index::cli {
namespace {

constexpr const char* kHelp =
    "usage: agora-index analyze [--lang TAG] [--query] [--words]\n"
    "       agora-index analyze --detect\n"
    "       agora-index analyze --lang TAG --explain\n"
    "       agora-index analyze --list\n"
    "       agora-index analyze --lang TAG --translate TARGET [--dictionaries FILE]\n"
    "\n"
    "Reads text on standard input and prints one token per line:\n"
    "  position<TAB>normalised term<TAB>stem\n"
    "\n"
    "  --lang TAG   BCP-47 language of the text (default: und, language-neutral)\n"
    "  --query      analyse as a search query (stopwords dropped)\n"
    "  --words      each input line is one word; print exactly one line, its stem\n"
    "  --detect     print the detected language and confidence: TAG<TAB>0.97\n"
    "  --explain    print the stages of the chain for TAG, index then query\n"
    "  --list       print the supported language tags\n"
    "  --translate TARGET  what a query in TAG becomes in TARGET: one line per word or\n"
    "               dictionary entry, word<TAB>alternatives separated by ' | ' (- when no\n"
    "               dictionary has it), then the query as the search answer shows it\n"
    "  --dictionaries FILE  compiled by agora-index dictionaries (default: the build's)\n";

enum class Mode { tokens, words, detect, explain, list, translate };

struct Options {
  std::string lang = "und";
  Mode mode = Mode::tokens;
  analyzers::Purpose purpose = analyzers::Purpose::index;
  bool help = false;
  std::string target;  ///< --translate
  std::string dictionaries = default_compiled_dictionaries_path().string();
};

Options parse(const std::vector<std::string>& args) {
  const CommandLine arguments(args,
                              {"--query", "--words", "--detect", "--explain", "--list", "--help"},
                              {"--lang", "--translate", "--dictionaries"});
  if (!arguments.positional().empty()) {
    throw InvalidInput("unexpected argument '" + arguments.positional().front() +
                       "': text is read from standard input");
  }
  Options options;
  options.lang = arguments.value("--lang").value_or("und");
  options.help = arguments.has("--help");
  if (arguments.has("--query")) options.purpose = analyzers::Purpose::query;
  std::optional<Mode> mode;
  for (const auto& [flag, chosen] : {std::pair{"--words", Mode::words},
                                     {"--detect", Mode::detect},
                                     {"--explain", Mode::explain},
                                     {"--list", Mode::list}}) {
    if (!arguments.has(flag)) continue;
    if (mode) throw InvalidInput(std::string(flag) + " cannot be combined with another mode flag");
    mode = chosen;
  }
  options.mode = mode.value_or(Mode::tokens);
  if (auto target = arguments.value("--translate")) {
    if (mode) throw InvalidInput("--translate cannot be combined with another mode flag");
    options.mode = Mode::translate;
    options.target = *target;
  }
  if (auto path = arguments.value("--dictionaries")) options.dictionaries = *path;
  return options;
}

void print_words(const analyzers::Analyzer& analyzer, Streams streams) {
  for (std::string line; std::getline(streams.in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    streams.out << analyzer.stem_word(line) << '\n';
  }
}

void print_translation(const analyzers::Registry& registry, const Options& options,
                       Streams streams) {
  const Dictionaries dictionaries = Dictionaries::open(options.dictionaries, registry);
  const analyzers::Analyzer& source = registry.for_tag(options.lang);
  const analyzers::Analyzer& target = registry.for_tag(options.target);
  if (!dictionaries.covers(source.language(), target.language())) {
    streams.err << "note: no dictionary links " << source.language() << " and " << target.language()
                << ", directly or through English\n";
  }
  const std::string text(std::istreambuf_iterator<char>(streams.in), {});
  const QueryTranslation translation = translate_query(text, source, target, dictionaries);
  for (const TranslatedWord& word : translation.words) {
    streams.out << word.source << '\t';
    if (word.alternatives.empty()) streams.out << '-';
    for (std::size_t i = 0; i < word.alternatives.size(); ++i) {
      streams.out << (i ? " | " : "") << word.alternatives[i];
    }
    streams.out << '\n';
  }
  streams.out << "query: " << translation.text() << '\n';
}

}  // namespace

int run_analyze(const std::vector<std::string>& args, Streams streams) {
  const Options options = parse(args);
  if (options.help) {
    streams.out << kHelp;
    return 0;
  }
  if (options.mode == Mode::detect) {
    const std::string text(std::istreambuf_iterator<char>(streams.in), {});
    const analyzers::Detection detection = analyzers::LanguageDetector().detect(text);
    streams.out << detection.language << '\t' << std::fixed << std::setprecision(2)
                << detection.confidence << '\n';
    return 0;
  }
  const analyzers::Registry registry;
  if (options.mode == Mode::translate) {
    print_translation(registry, options, streams);
    return 0;
  }
  if (options.mode == Mode::list) {
    for (const analyzers::Analyzer* analyzer : registry.analyzers()) {
      streams.out << analyzer->language() << '\t' << analyzer->display_name() << '\n';
    }
    return 0;
  }
  const analyzers::Resolution resolution = registry.resolve(options.lang);
  if (!resolution.exact) {
    streams.err << "note: no analyzer for '" << resolution.canonical_tag << "'; using "
                << resolution.analyzer->display_name() << " (" << resolution.analyzer->language()
                << ")\n";
  }
  const analyzers::Analyzer& analyzer = *resolution.analyzer;
  switch (options.mode) {
    case Mode::explain:
      for (auto purpose : {analyzers::Purpose::index, analyzers::Purpose::query}) {
        streams.out << (purpose == analyzers::Purpose::index ? "index:" : "query:");
        for (const std::string& stage : analyzer.stage_names(purpose)) streams.out << ' ' << stage;
        streams.out << '\n';
      }
      return 0;
    case Mode::words: print_words(analyzer, streams); return 0;
    default: {
      const std::string text(std::istreambuf_iterator<char>(streams.in), {});
      streams.out << analyzers::format_tokens(analyzer.analyze(text, options.purpose));
      return 0;
    }
  }
}

}  // namespace agora::index::cli
