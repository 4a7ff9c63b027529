// The admin subcommands, writing the same state database as the daemon (safe while it runs).
#include "agora/searchd/admin_command.hpp"

#include <filesystem>
#include <istream>
#include <ostream>

#include "agora/base/command_line.hpp"
#include "agora/base/parse.hpp"
#include "agora/community/accounts.hpp"
#include "agora/community/audit_log.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/passwords.hpp"
#include "agora/community/personal_data.hpp"
#include "agora/community/secrets.hpp"
#include "agora/error.hpp"
#include "agora/searchd/server_config.hpp"
#include "backup_command.hpp"

namespace agora::searchd {
namespace {

constexpr const char* kAdminUsage =
    "usage: agora-searchd admin [--config FILE] [--db DIR | --state FILE] COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  create-account --username NAME --role ROLE [--display-name TEXT] [--password-stdin]\n"
    "                 ROLE is learner, contributor, reviewer or admin; without a password\n"
    "                 the account can only use API tokens\n"
    "  create-token   --username NAME [--name LABEL] [--days N]   prints the token once\n"
    "  list-tokens    --username NAME   ids, names, expiry (the tokens are not kept)\n"
    "  revoke-token   --id N\n"
    "  set-role       --username NAME --role ROLE\n"
    "  set-password   --username NAME   reads the new password from standard input (one\n"
    "                 line, 10 to 1024 bytes) and ends the account's sessions\n"
    "  reset-token    --username NAME [--hours H]   prints once a single-use token with\n"
    "                 which its owner sets a new password (POST /api/password-reset)\n"
    "                 within H hours (default 24)\n"
    "  end-sessions   --username NAME   signs the account out everywhere (its tokens stay)\n"
    "  disable-account --username NAME   ends its sessions and revokes its tokens\n"
    "  list-accounts\n"
    "  export-user    --username NAME   prints as one JSON document everything the state\n"
    "                 database holds about the person (never password or token hashes)\n"
    "  delete-user    --username NAME --confirm   erases the account: its ratings,\n"
    "                 comments, sessions and tokens go; its submissions, revisions and\n"
    "                 reviews stay, by a nameless \"former member\" (docs/personal-data.md)\n"
    "  audit-log      [--limit N]   the newest N entries (default 50), newest first, one a\n"
    "                 line: time, actor, action, subject, detail (tab-separated)\n"
    "  backup DIR     copies the index and the state database into the new folder DIR,\n"
    "                 consistently, while the daemon runs\n"
    "  restore DIR    puts a backup back, moving what was there aside; stop the daemon\n"
    "                 first (docs/deploy.md)\n"
    "\n"
    "--db DIR finds the state next to the index (DIR.state.sqlite), as agora-searchd does.\n"
    "--config FILE takes db and state from the daemon's config file (/etc/agora/searchd.json\n"
    "when installed); --db and --state win over it.\n";

const community::Actor kCommandLine{std::nullopt, "command line"};

community::Role role_option(const CommandLine& arguments) {
  const std::string name = arguments.required("--role", "contributor");
  const auto role = community::parse_role(name);
  if (!role) {
    throw InvalidInput("--role: '" + name + "' is not learner, contributor, reviewer or admin");
  }
  return *role;
}

/// One line of standard input, without its line ending: a password piped or typed.
std::string password_line(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  const CommandLine arguments(args, {"--help", "--password-stdin", "--confirm"},
                              {"--config", "--db", "--state", "--username", "--role",
                               "--display-name", "--name", "--days", "--id", "--hours", "--limit"});
  if (arguments.has("--help") || arguments.positional().empty()) {
    out << kAdminUsage;
    return arguments.has("--help") ? 0 : 2;
  }
  ServerConfig config = default_server_config();
  if (auto file = arguments.value("--config")) {
    bool help = false;
    config = parse_server_config({"--config", *file}, help);
  }
  if (auto db = arguments.value("--db")) config.db = *db;
  if (auto state = arguments.value("--state")) config.state = *state;
  const std::string& command = arguments.positional().front();
  // Before the state database is opened: a backup must not create one, a restore replaces it.
  if (command == "backup" || command == "restore") {
    if (arguments.positional().size() != 2) {
      throw InvalidInput(command + " needs one folder: agora-searchd admin " + command + " DIR");
    }
    const std::string& directory = arguments.positional()[1];
    command == "backup" ? back_up(config, directory, out) : restore(config, directory, out);
    return 0;
  }
  community::StateDatabase state(state_path(config));
  community::Accounts accounts(state);

  if (command == "create-account") {
    std::optional<std::string> password;
    if (arguments.has("--password-stdin")) password = password_line(in);
    const community::Account account = accounts.create(
        arguments.required("--username", "ana"), arguments.value("--display-name").value_or(""),
        role_option(arguments), password, kCommandLine);
    out << "created account " << account.id << " '" << account.username << "' ("
        << community::role_name(account.role) << ")\n";
  } else if (command == "create-token") {
    std::optional<int> days;
    if (auto text = arguments.value("--days"))
      days = parse_whole_number_as<int>(*text, "--days", 1, 3650);
    const community::IssuedToken token =
        accounts.create_token(arguments.required("--username", "ana"),
                              arguments.value("--name").value_or("api"), days, kCommandLine);
    out << token.token << '\n';
    err << "token " << token.id << " created; it is shown only this once\n";
  } else if (command == "list-tokens") {
    for (const auto& token : accounts.list_tokens(arguments.required("--username", "ana"))) {
      out << token.id << '\t' << token.name << '\t' << community::iso_time(token.created_at) << '\t'
          << (token.expires_at ? community::iso_time(*token.expires_at) : "no expiry") << '\t'
          << (token.revoked ? "revoked" : "active") << '\n';
    }
  } else if (command == "revoke-token") {
    accounts.revoke_token(parse_whole_number(arguments.required("--id", "3"), "--id", 1, 1 << 30),
                          kCommandLine);
    out << "revoked\n";
  } else if (command == "set-role") {
    accounts.set_role(arguments.required("--username", "ana"), role_option(arguments),
                      kCommandLine);
    out << "role changed\n";
  } else if (command == "set-password") {
    community::Passwords(state).set(arguments.required("--username", "ana"), password_line(in),
                                    kCommandLine);
    out << "password changed; the account's sessions have ended\n";
  } else if (command == "reset-token") {
    double hours = 24;
    if (auto text = arguments.value("--hours"))
      hours = parse_decimal(*text, "--hours", 0.0001, 720);
    const std::string username = arguments.required("--username", "ana");
    const community::IssuedReset reset =
        community::Passwords(state).issue_reset(username, hours, kCommandLine);
    out << reset.token << '\n';
    err << "password reset token for '" << username << "', usable once until "
        << community::iso_time(reset.expires_at) << "; it is shown only this once\n";
  } else if (command == "end-sessions") {
    const int ended = accounts.end_sessions(arguments.required("--username", "ana"), kCommandLine);
    out << "ended " << ended << (ended == 1 ? " session\n" : " sessions\n");
  } else if (command == "disable-account") {
    accounts.disable(arguments.required("--username", "ana"), kCommandLine);
    out << "disabled\n";
  } else if (command == "list-accounts") {
    for (const community::Account& account : accounts.list()) {
      out << account.id << '\t' << account.username << '\t' << community::role_name(account.role)
          << '\t' << (account.disabled ? "disabled" : "active") << '\t' << account.display_name
          << '\n';
    }
  } else if (command == "export-user") {
    out << community::PersonalData(state)
               .export_account(arguments.required("--username", "ana"))
               .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  } else if (command == "delete-user") {
    const std::string username = arguments.required("--username", "ana");
    if (!arguments.has("--confirm")) {
      throw InvalidInput("delete-user erases '" + username +
                         "' for good; run it again with --confirm (export-user first keeps a "
                         "copy for them)");
    }
    const community::Erasure erased = community::PersonalData(state).erase(username, kCommandLine);
    out << "erased account " << erased.account_id << ": deleted " << erased.ratings << " ratings, "
        << erased.comments << " comments, " << erased.sessions << " sessions, " << erased.tokens
        << " tokens; kept " << erased.submissions << " submissions and " << erased.reviews
        << " reviews as '" << erased.placeholder << "'; " << erased.requests
        << " requests made anonymous\n";
  } else if (command == "audit-log") {
    std::int64_t limit = 50;
    if (auto text = arguments.value("--limit"))
      limit = parse_whole_number(*text, "--limit", 1, 100000);
    const auto entries = state.read([&](community::sqlite::Connection& connection) {
      return community::recent_audit(connection, limit);
    });
    for (const community::AuditEntry& entry : entries) {
      out << community::iso_time(entry.at) << '\t' << entry.actor << '\t' << entry.action << '\t'
          << entry.subject << '\t'
          << (entry.detail.empty()
                  ? ""
                  : entry.detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          << '\n';
    }
  } else {
    throw InvalidInput("unknown admin command '" + command + "' (see agora-searchd admin --help)");
  }
  return 0;
}

}  // namespace

int run_admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
  try {
    return run(args, in, out, err);
  } catch (const community::Refusal& refusal) {
    err << "agora-searchd admin: " << refusal.what() << '\n';
    return 2;
  } catch (const InvalidInput& error) {
    err << "agora-searchd admin: " << error.what() << '\n';
    return 2;
  } catch (const NotFound& error) {
    err << "agora-searchd admin: " << error.what() << '\n';
    return 1;
  } catch (const Error& error) {
    err << "agora-searchd admin: " << error.what() << '\n';
    return 1;
  } catch (const std::filesystem::filesystem_error& error) {
    // Backups and restores move folders: a full disk or a missing permission ends here.
    err << "agora-searchd admin: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace agora::searchd
