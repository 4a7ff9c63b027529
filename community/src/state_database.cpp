// Opening the state database and migrating its schema.
#include "agora/community/state_database.hpp"

#include "agora/error.hpp"

namespace agora::community {
namespace {

// One entry per schema version; entry N takes a database from version N to N + 1.
// Never edit an entry once released: add a new one.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('learner', 'contributor', 'reviewer', 'admin')),
  password_hash TEXT,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  digest TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE TABLE sessions (
  digest TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE resources (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pending', 'changes_requested', 'published', 'rejected', 'deleted')),
  status_before_delete TEXT,
  author_id INTEGER REFERENCES accounts (id),
  language TEXT NOT NULL,
  url_key TEXT NOT NULL,
  title_words TEXT NOT NULL,
  latest_revision INTEGER NOT NULL,
  published_revision INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  index_wanted INTEGER NOT NULL DEFAULT 0,
  index_done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX resources_by_url ON resources (url_key);
CREATE INDEX resources_by_language ON resources (language, status);
CREATE INDEX resources_to_index ON resources (index_wanted, index_done);
CREATE TABLE revisions (
  resource_id TEXT NOT NULL REFERENCES resources (id),
  number INTEGER NOT NULL,
  record TEXT NOT NULL,
  author_id INTEGER REFERENCES accounts (id),
  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'changes_requested', 'rejected', 'superseded', 'imported')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (resource_id, number)
);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL REFERENCES resources (id),
  revision INTEGER NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES accounts (id),
  verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'changes', 'reject')),
  comment TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (resource_id, revision, reviewer_id)
);
CREATE TABLE ratings (
  resource_id TEXT NOT NULL REFERENCES resources (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (resource_id, account_id)
);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL REFERENCES resources (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  requester_id INTEGER REFERENCES accounts (id),
  topic TEXT NOT NULL,
  details TEXT NOT NULL,
  language TEXT NOT NULL,
  level TEXT,
  search_terms TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
  answer_resource_id TEXT,
  answer_title TEXT,
  answer_url TEXT,
  answer_note TEXT,
  answered_by INTEGER REFERENCES accounts (id),
  created_at INTEGER NOT NULL,
  answered_at INTEGER
);
CREATE INDEX requests_by_status ON requests (status, language);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
)sql",
    // A record the index sync refused (it no longer passes the record rules): why.
    "ALTER TABLE resources ADD COLUMN index_problem TEXT;",
    // Password resets an admin hands out (admin reset-token): single use, and only a
    // digest of each token is kept. Used and expired rows stay a week, so that a second
    // try is told what happened to its token.
    R"sql(
CREATE TABLE password_resets (
  digest TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX password_resets_by_account ON password_resets (account_id);
)sql",
};

constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

int user_version(sqlite::Connection& connection) {
  sqlite::Statement query(connection, "PRAGMA user_version");
  query.step();
  return static_cast<int>(query.integer(0));
}

}  // namespace

std::string default_state_path(const std::string& index_directory) {
  std::string path = index_directory;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path + ".state.sqlite";
}

StateDatabase::StateDatabase(const std::filesystem::path& path)
    : path_(path), connection_([&] {
        std::error_code ignored;
        if (path.has_parent_path())
          std::filesystem::create_directories(path.parent_path(), ignored);
        return path.string();
      }()) {
  // WAL lets readers run while one writer commits; FULL makes each commit durable on
  // return, which is what "the submission is stored" promises.
  connection_.execute("PRAGMA journal_mode = WAL");
  connection_.execute("PRAGMA synchronous = FULL");
  connection_.execute("PRAGMA foreign_keys = ON");
  const int version = user_version(connection_);
  if (version > kSchemaVersion) {
    throw InvalidInput("state database " + path.string() + " has schema version " +
                       std::to_string(version) + ", newer than this agora-searchd (" +
                       std::to_string(kSchemaVersion) + ")");
  }
  for (int step = version; step < kSchemaVersion; ++step) {
    sqlite::Transaction transaction(connection_);
    connection_.execute(kMigrations[step]);
    connection_.execute("PRAGMA user_version = " + std::to_string(step + 1));
    transaction.commit();
  }
}

StateDatabase::Reader::Reader(StateDatabase& owner) : database(owner) {
  {
    std::lock_guard<std::mutex> lock(database.readers_mutex_);
    if (!database.idle_readers_.empty()) {
      connection = std::move(database.idle_readers_.back());
      database.idle_readers_.pop_back();
      return;
    }
  }
  connection = std::make_unique<sqlite::Connection>(database.path_.string());
  // A read that tried to change something would be a bug: refuse it outright.
  connection->execute("PRAGMA query_only = ON");
}

StateDatabase::Reader::~Reader() {
  std::lock_guard<std::mutex> lock(database.readers_mutex_);
  database.idle_readers_.push_back(std::move(connection));
}

}  // namespace agora::community
