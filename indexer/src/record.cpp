// Formatting of import errors.
#include "agora/index/record.hpp"

namespace agora::index {

std::string format_error(const SourceLocation& where, const FieldError& error) {
  const int line = error.line > 0 ? error.line : where.line;
  std::string text = where.file;
  if (line > 0) text += ":" + std::to_string(line);
  return text + ": " + error.field + ": " + error.message;
}

}  // namespace agora::index
