// /oai: an OAI-PMH 2.0 data provider over the published resources (docs/harvesting.md).
#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace agora::searchd {

/// Who the repository is, as Identify says.
struct OaiRepository {
  std::string base_url;    ///< the address of /oai, as the harvester reached it
  std::string name;        ///< repositoryName
  std::string identifier;  ///< repositoryIdentifier: items are oai:IDENTIFIER:ID
  std::string admin_email;
  std::size_t page_size = 100;
};

/// The OAI-PMH answer to the request's `arguments` (a repeated one is refused, as the
/// protocol asks): always an XML document, errors included, which the protocol answers
/// with HTTP 200.
std::string oai_response(const std::multimap<std::string, std::string>& arguments,
                         const OaiRepository& repository, const Xapian::Database& database);

}  // namespace agora::searchd
