// dictd index + dictzip data → headwords with their translations.
#include "translation/dictd_reader.hpp"

#include <zlib.h>

#include <cctype>
#include <fstream>
#include <memory>

#include "agora/error.hpp"

namespace agora::index {
namespace {

// An alternative longer than this many words is an explanation, not a translation.
constexpr std::size_t kMaxWordsPerAlternative = 4;

// dictd writes offsets and lengths as numbers in base 64 with this digit order.
constexpr std::string_view kDigits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool decode_number(std::string_view digits, std::uint64_t& out) {
  if (digits.empty() || digits.size() > 10) return false;
  out = 0;
  for (char digit : digits) {
    const std::size_t value = kDigits.find(digit);
    if (value == std::string_view::npos) return false;
    out = out * 64 + value;
  }
  return true;
}

std::string inflate_file(const std::filesystem::path& path) {
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
  if (!file) throw InvalidInput(path.string() + ": cannot be opened");
  std::string data;
  char buffer[1 << 16];
  for (;;) {
    const int read = gzread(file.get(), buffer, sizeof buffer);
    if (read < 0) {
      int code = 0;
      throw InvalidInput(path.string() + ": not valid dictzip/gzip data (" +
                         gzerror(file.get(), &code) + ")");
    }
    if (read == 0) break;
    data.append(buffer, static_cast<std::size_t>(read));
  }
  return data;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && (is_space(text.back()) || text.back() == '.')) text.remove_suffix(1);
  return text;
}

// "12. word" → "word"; anything else → empty view with `numbered` false.
std::string_view sense_text(std::string_view line, bool& numbered) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  numbered = digits > 0 && line.substr(digits, 2) == ". ";
  return numbered ? line.substr(digits + 2) : line;
}

}  // namespace

std::vector<std::string> split_alternatives(std::string_view line) {
  // Trailing examples run on after the translations: "eğe, törpü. file fish dikenli…".
  if (const std::size_t stop = line.find(". "); stop != std::string_view::npos) {
    line = line.substr(0, stop);
  }
  std::vector<std::string> out;
  std::string current;
  int depth = 0;  // inside (), [], <> or {}: labels such as <masc>, [comp.], (zool.)
  auto finish = [&] {
    const std::string_view alternative = trim(current);
    std::size_t words = alternative.empty() ? 0 : 1;
    for (char c : alternative) words += c == ' ';
    if (words > 0 && words <= kMaxWordsPerAlternative) out.emplace_back(alternative);
    current.clear();
  };
  for (char c : line) {
    if (c == '(' || c == '[' || c == '<' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '>' || c == '}') && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ',' || c == ';')) {
      finish();
    } else if (depth == 0) {
      current += c;
    }
  }
  finish();
  return out;
}

std::vector<std::string> translations_in_article(std::string_view article) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < article.size();) {
    std::size_t end = article.find('\n', start);
    if (end == std::string_view::npos) end = article.size();
    lines.push_back(article.substr(start, end - start));
    start = end + 1;
  }
  // Lines that can hold translations: flush left, or one space before a usage label
  // (" [Am.] Packung"). Deeper indents are examples, notes and synonyms.
  std::vector<std::pair<std::string_view, bool>> candidates;  // text, numbered
  bool any_numbered = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent >= 2 || indent == line.size()) continue;
    if (indent == 1 && line[1] != '[') continue;
    bool numbered = false;
    const std::string_view text = sense_text(line.substr(indent), numbered);
    any_numbered |= numbered;
    candidates.emplace_back(text, numbered);
  }
  std::vector<std::string> out;
  for (const auto& [text, numbered] : candidates) {
    // Numbered senses: only they translate (the lines between them are glosses).
    // Otherwise the first line that gives anything does.
    if (any_numbered && !numbered) continue;
    std::vector<std::string> alternatives = split_alternatives(text);
    out.insert(out.end(), std::make_move_iterator(alternatives.begin()),
               std::make_move_iterator(alternatives.end()));
    if (!any_numbered && !out.empty()) break;
  }
  return out;
}

std::vector<DictionaryEntry> read_dictd(const std::filesystem::path& base) {
  const std::filesystem::path index_path = base.string() + ".index";
  const std::filesystem::path data_path = base.string() + ".dict.dz";
  std::ifstream index(index_path);
  if (!index) throw InvalidInput(index_path.string() + ": cannot be opened");
  const std::string data = inflate_file(data_path);

  std::vector<DictionaryEntry> entries;
  std::string line;
  for (std::size_t number = 1; std::getline(index, line); ++number) {
    if (line.empty()) continue;
    const std::size_t first_tab = line.find('\t');
    const std::size_t second_tab =
        first_tab == std::string::npos ? std::string::npos : line.find('\t', first_tab + 1);
    auto fail = [&](const std::string& what) {
      throw InvalidInput(index_path.string() + ":" + std::to_string(number) + ": " + what);
    };
    if (second_tab == std::string::npos) fail("expected a headword, an offset and a length");
    const std::string_view rest(line.c_str() + second_tab + 1);
    const std::string_view length_digits = rest.substr(0, rest.find('\t'));
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    if (!decode_number(std::string_view(line).substr(first_tab + 1, second_tab - first_tab - 1),
                       offset) ||
        !decode_number(length_digits, length)) {
      fail("offset or length is not a dictd base-64 number");
    }
    if (offset + length > data.size()) {
      fail("article at " + std::to_string(offset) + "+" + std::to_string(length) +
           " lies beyond the end of " + data_path.filename().string() + " (" +
           std::to_string(data.size()) + " bytes)");
    }
    std::string headword = line.substr(0, first_tab);
    if (headword.rfind("00database", 0) == 0 || headword.rfind("00-database", 0) == 0) continue;
    std::vector<std::string> translations =
        translations_in_article(std::string_view(data).substr(offset, length));
    if (translations.empty()) continue;
    entries.push_back({std::move(headword), std::move(translations)});
  }
  return entries;
}

}  // namespace agora::index
