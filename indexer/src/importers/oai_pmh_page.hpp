// One OAI-PMH 2.0 response, as a file holds it or a repository sends it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agora/index/importer.hpp"

namespace agora::index {

/// The metadata formats Agora reads from OAI-PMH records.
enum class OaiMetadata {
  dublin_core,  ///< oai_dc
  lom,          ///< IEEE LOM (metadataPrefix lom, lom_ieee, ...)
};

/// What a response says besides its records.
struct OaiPage {
  /// The response could not be read (XML, encoding, not OAI-PMH): nothing else holds.
  std::optional<FieldError> unreadable;
  std::string error_code;     ///< an OAI-PMH <error code="..">, "noRecordsMatch" included
  std::string error_message;  ///< its text
  int error_line = 0;
  std::string response_date;  ///< <responseDate>, the repository's clock
  /// <resumptionToken> of an incomplete list: empty (or absent) on the last page.
  std::string resumption_token;
  std::string granularity;  ///< Identify's granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)
  std::size_t records = 0;  ///< records and deletions sent to the sink
};

/// Reads `xml` (named `source` in messages): each ListRecords record (or deletion) goes
/// to `sink` as an item, with its line. An error of the protocol is returned, not sent.
OaiPage read_oai_page(std::string_view xml, const std::string& source, const ReadOptions& options,
                      const ItemSink& sink);

/// The metadata format a metadataPrefix names: oai_dc, or a LOM prefix ("lom",
/// "lom_ieee", "oai_lom"); nullopt for others.
std::optional<OaiMetadata> metadata_of_prefix(std::string_view prefix);

}  // namespace agora::index
