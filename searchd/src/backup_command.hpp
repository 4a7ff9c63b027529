// `agora-searchd admin backup DIR` and `restore DIR`: the index and the state database,
// copied consistently while the daemon runs, and put back when it is stopped.
#pragma once

#include <iosfwd>
#include <string>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// Writes DIR/index, DIR/state.sqlite and DIR/backup.json (what was copied, when, by which
/// version). DIR must be new or empty.
void back_up(const ServerConfig& config, const std::string& directory, std::ostream& out);

/// Replaces the index and the state database of `config` by the backup in `directory`. What
/// was there is moved aside (NAME.replaced-TIME), never deleted.
void restore(const ServerConfig& config, const std::string& directory, std::ostream& out);

}  // namespace agora::searchd
