// .xml: saved OAI-PMH 2.0 ListRecords responses (oai_dc or IEEE LOM metadata).
#include "agora/base/text.hpp"
#include "agora/index/importer.hpp"
#include "oai_pmh_page.hpp"

namespace agora::index {
namespace {

class OaiPmhReader final : public FormatReader {
 public:
  std::string_view name() const override { return "xml"; }

  void read(const InputFile& file, const ReadOptions& options,
            const ItemSink& sink) const override {
    const std::string xml = read_file_bytes(file.path.string());
    const OaiPage page = read_oai_page(xml, file.display, options, sink);
    if (page.unreadable) {
      sink(failure_item(file.display, page.unreadable->line, page.unreadable->field,
                        page.unreadable->message));
    } else if (!page.error_code.empty() && page.error_code != "noRecordsMatch") {
      sink(failure_item(
          file.display, page.error_line, "oai-pmh",
          "the repository answered with error " + page.error_code + ": " + page.error_message));
    }
  }
};

}  // namespace

std::unique_ptr<FormatReader> make_oai_pmh_reader() { return std::make_unique<OaiPmhReader>(); }

}  // namespace agora::index
