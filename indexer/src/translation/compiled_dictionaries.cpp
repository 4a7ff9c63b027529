// The compiled dictionary file: every direction's three arrays, written once by
// `agora-index dictionaries` and mapped by each server start.
//
// Layout (native byte order; the file is made and read on the same machine):
//   magic "AGORA-DICT 1\n\0\0\0" (16 bytes)
//   string fingerprint
//   u64 sources, each: string name, path, from, to; u64 entries
//   u64 directions, each: string from, to; u64 arena bytes, entries, spans;
//       then, each padded to 8 bytes: the arena, the entries, the spans
// where a string is a u64 length followed by its bytes, padded to 8.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "agora/error.hpp"
#include "agora/index/dictionaries.hpp"

namespace agora::index {
namespace {

constexpr char kMagic[16] = "AGORA-DICT 1\n";

void pad(std::string& out) { out.append((8 - out.size() % 8) % 8, '\0'); }

void put_number(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_string(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out.append(text);
  pad(out);
}

// Reads the mapped file front to back; any read past its end is a truncated file.
class Cursor {
 public:
  Cursor(std::string_view data, const std::filesystem::path& path) : data_(data), path_(path) {}

  std::string_view bytes(std::uint64_t count) {
    if (count > data_.size() - position_) {
      throw InvalidInput(path_.string() + ": truncated at byte " + std::to_string(position_) +
                         " (compile it again with agora-index dictionaries)");
    }
    const std::string_view out = data_.substr(position_, count);
    position_ += count;
    position_ += (8 - position_ % 8) % 8;
    position_ = std::min<std::size_t>(position_, data_.size());
    return out;
  }
  std::uint64_t number() {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes(sizeof value).data(), sizeof value);
    return value;
  }
  std::string string() { return std::string(bytes(number())); }

 private:
  std::string_view data_;
  const std::filesystem::path& path_;
  std::size_t position_ = 0;
};

// The whole file mapped read-only; unmapped when the last lexicon viewing it goes.
std::shared_ptr<const void> map_file(const std::filesystem::path& path, std::size_t& size) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    throw InvalidInput(path.string() +
                       ": no compiled dictionaries (make them with "
                       "agora-index dictionaries)");
  }
  struct stat status {};
  if (fstat(descriptor, &status) != 0 || status.st_size < static_cast<off_t>(sizeof kMagic)) {
    ::close(descriptor);
    throw InvalidInput(path.string() + ": not a compiled dictionary file");
  }
  size = static_cast<std::size_t>(status.st_size);
  void* address = mmap(nullptr, size, PROT_READ, MAP_SHARED, descriptor, 0);
  ::close(descriptor);
  if (address == MAP_FAILED) throw InvalidInput(path.string() + ": cannot be mapped");
  // Lookups are binary searches: reading ahead around each touched page would only fill
  // memory with pages no query needs.
  madvise(address, size, MADV_RANDOM);
  return std::shared_ptr<const void>(
      address, [size](const void* mapped) { munmap(const_cast<void*>(mapped), size); });
}

}  // namespace

void Lexicon::write(std::string& out) const {
  put_number(out, arena_.size());
  put_number(out, entry_count_);
  put_number(out, translation_count_);
  out.append(arena_);
  pad(out);
  out.append(reinterpret_cast<const char*>(entries_), entry_count_ * sizeof(Entry));
  pad(out);
  out.append(reinterpret_cast<const char*>(translations_), translation_count_ * sizeof(Span));
  pad(out);
}

void Dictionaries::write(const std::filesystem::path& path, const std::string& fingerprint) const {
  std::string out(kMagic, sizeof kMagic);
  put_string(out, fingerprint);
  put_number(out, sources_.size());
  for (const DictionarySource& source : sources_) {
    put_string(out, source.name);
    put_string(out, source.path);
    put_string(out, source.from);
    put_string(out, source.to);
    put_number(out, source.entries);
  }
  put_number(out, directions_.size());
  for (const auto& [direction, lexicon] : directions_) {
    put_string(out, direction.first);
    put_string(out, direction.second);
    lexicon.write(out);
  }
  // Written beside, then renamed: a server starting meanwhile maps the old file or the
  // new one, never half of one.
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file) throw InvalidInput(partial.string() + ": cannot be written");
  }
  std::filesystem::rename(partial, path);
}

Dictionaries Dictionaries::open(const std::filesystem::path& path,
                                const analyzers::Registry& registry) {
  std::size_t size = 0;
  std::shared_ptr<const void> mapping = map_file(path, size);
  const std::string_view data(static_cast<const char*>(mapping.get()), size);
  if (data.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
    throw InvalidInput(path.string() +
                       ": not a compiled dictionary file of this version of "
                       "Agora (compile it again with agora-index dictionaries)");
  }
  Cursor cursor(data.substr(sizeof kMagic), path);
  Dictionaries dictionaries;
  dictionaries.registry_ = &registry;
  cursor.string();  // fingerprint
  for (std::uint64_t count = cursor.number(); count > 0; --count) {
    DictionarySource source;
    source.name = cursor.string();
    source.path = cursor.string();
    source.from = cursor.string();
    source.to = cursor.string();
    source.entries = cursor.number();
    dictionaries.sources_.push_back(std::move(source));
  }
  for (std::uint64_t count = cursor.number(); count > 0; --count) {
    std::string from = cursor.string();
    std::string to = cursor.string();
    const std::uint64_t arena_bytes = cursor.number();
    const std::uint64_t entries = cursor.number();
    const std::uint64_t spans = cursor.number();
    const std::string_view arena = cursor.bytes(arena_bytes);
    const std::string_view entry_bytes = cursor.bytes(entries * sizeof(Lexicon::Entry));
    const std::string_view span_bytes = cursor.bytes(spans * sizeof(Lexicon::Span));
    dictionaries.directions_.emplace(
        std::make_pair(std::move(from), std::move(to)),
        Lexicon::view(arena, reinterpret_cast<const Lexicon::Entry*>(entry_bytes.data()), entries,
                      reinterpret_cast<const Lexicon::Span*>(span_bytes.data()), spans));
  }
  dictionaries.mapping_ = std::move(mapping);
  return dictionaries;
}

std::string Dictionaries::fingerprint_of(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  char magic[sizeof kMagic] = {};
  std::uint64_t length = 0;
  if (!file.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
      !file.read(reinterpret_cast<char*>(&length), sizeof length) || length > (1u << 24)) {
    return "";
  }
  std::string fingerprint(length, '\0');
  if (!file.read(fingerprint.data(), static_cast<std::streamsize>(length))) return "";
  return fingerprint;
}

}  // namespace agora::index
