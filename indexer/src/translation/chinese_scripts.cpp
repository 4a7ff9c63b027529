// OpenCC through its C interface, which reports a missing configuration by a return value.
#include "translation/chinese_scripts.hpp"

#include <opencc/opencc.h>

namespace agora::index {

struct ChineseScripts::Converter {
  opencc_t handle;
  ~Converter() { opencc_close(handle); }
};

namespace {

std::unique_ptr<ChineseScripts::Converter> open_converter(const char* configuration) {
  const opencc_t handle = opencc_open(configuration);
  if (handle == reinterpret_cast<opencc_t>(-1)) return nullptr;
  return std::unique_ptr<ChineseScripts::Converter>(new ChineseScripts::Converter{handle});
}

}  // namespace

ChineseScripts::ChineseScripts()
    : simplified_to_traditional_(open_converter(OPENCC_DEFAULT_CONFIG_SIMP_TO_TRAD)),
      traditional_to_simplified_(open_converter(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP)) {}

ChineseScripts::~ChineseScripts() = default;

namespace {

std::string convert(const std::unique_ptr<ChineseScripts::Converter>& converter,
                    std::string_view text) {
  if (!converter || text.empty()) return std::string(text);
  char* converted = opencc_convert_utf8(converter->handle, text.data(), text.size());
  if (converted == nullptr) return std::string(text);
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

}  // namespace

std::string ChineseScripts::to_traditional(std::string_view text) const {
  return convert(simplified_to_traditional_, text);
}

std::string ChineseScripts::to_simplified(std::string_view text) const {
  return convert(traditional_to_simplified_, text);
}

}  // namespace agora::index
