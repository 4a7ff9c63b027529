// Ratings, comments and resource requests.
#include <catch2/catch.hpp>

#include "agora/index/index_schema.hpp"
#include "agora/index/rating_prior.hpp"
#include "community_fixture.hpp"

using namespace agora::community;
using agora::test::CommunityFixture;
using agora::test::refusal_of;
using agora::test::Refused;
using nlohmann::json;

TEST_CASE("the rating prior keeps unrated resources in the middle", "[feedback]") {
  using agora::index::rating_boost;
  CHECK(rating_boost(0, 0) == Approx(agora::index::kRatingWeight / 2));
  CHECK(rating_boost(5, 1) > rating_boost(0, 0));
  CHECK(rating_boost(5, 1) < rating_boost(5, 20));
  CHECK(rating_boost(1, 1) < rating_boost(0, 0));
  CHECK(rating_boost(1, 1000) >= 0);
  CHECK(rating_boost(5, 1000) <= agora::index::kRatingWeight);
}

TEST_CASE("ratings are one per learner and reach the index", "[feedback]") {
  CommunityFixture f;
  const Caller lea = f.caller("lea", Role::learner);
  const Caller tom = f.caller("tom", Role::learner);
  CHECK(refusal_of([&] {
          f.feedback->rate(Caller{}, "imported-meetings", {{"stars", 5}});
        }) == Refused::unauthenticated);
  CHECK(refusal_of([&] {
          f.feedback->rate(lea, "imported-meetings", {{"stars", 6}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.feedback->rate(lea, "imported-meetings", {{"stars", "5"}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.feedback->rate(lea, "no-such-thing", {{"stars", 5}});
        }) == Refused::not_found);
  f.feedback->rate(lea, "imported-meetings", {{"stars", 2}});
  f.feedback->rate(tom, "imported-meetings", {{"stars", 5}});
  const RatingSummary again = f.feedback->rate(lea, "imported-meetings", {{"stars", 4}});
  CHECK(again.count == 2);
  CHECK(again.value == Approx(4.5));
  REQUIRE(f.sync->sync_now());
  const json record = *f.published->record("imported-meetings");
  CHECK(record["aggregateRating"]["ratingCount"] == 2);
  const auto& database = f.published->searcher().database();
  const auto posting = database.postlist_begin("Qimported-meetings");
  const double boost = Xapian::sortable_unserialise(
      database.get_document(*posting).get_value(agora::index::schema::kRatingBoost));
  CHECK(boost == Approx(agora::index::rating_boost(4.5, 2)));
}

TEST_CASE("comments are stored as text, with a length limit", "[feedback]") {
  CommunityFixture f;
  const Caller lea = f.caller("lea", Role::learner);
  f.feedback->comment(lea, "imported-budget", {{"body", "<script>alert(1)</script> Very useful"}});
  CHECK(refusal_of([&] {
          f.feedback->comment(lea, "imported-budget", {{"body", "  "}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.feedback->comment(lea, "imported-budget", {{"body", std::string(2001, 'x')}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.feedback->comment(lea, "imported-budget", {{"body", std::string(2000, 'x')}});
        }) == Refused::nothing);
  const std::vector<CommentView> comments = f.feedback->comments("imported-budget");
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].body == "<script>alert(1)</script> Very useful");
  REQUIRE(comments[0].author);
  CHECK(comments[0].author->username == "lea");
}

TEST_CASE("requests are made, searched in their language and answered", "[requests]") {
  CommunityFixture f;
  const Caller lea = f.caller("lea", Role::learner);
  const Caller ana = f.caller("ana", Role::contributor);
  const RequestView made = f.requests->create(lea, {{"topic", "Comptabilitat per a cooperatives"},
                                                    {"details", "Per a principiants"},
                                                    {"language", "ca"},
                                                    {"level", "beginner"}});
  CHECK(made.status == RequestStatus::open);
  CHECK(made.mine);
  f.requests->create(Caller{}, {{"topic", "Meeting facilitation videos"}, {"language", "en-GB"}});
  try {
    f.requests->create(Caller{}, {{"topic", "x"}, {"language", "not a tag!"}, {"level", "expert"}});
    FAIL("invalid request accepted");
  } catch (const InvalidFields& refusal) {
    CHECK(refusal.problems().size() == 3);
  }

  RequestFilter filter;
  filter.query = "cooperativa";  // the stem finds "cooperatives"
  filter.query_language = "ca";
  CHECK(f.requests->list(Caller{}, filter).total == 1);
  filter.query = "";
  filter.language = "en";
  const RequestList english = f.requests->list(Caller{}, filter);
  REQUIRE(english.total == 1);
  CHECK(english.requests[0].language == "en-GB");
  filter.language = "";
  filter.query = "100%_";
  CHECK(f.requests->list(Caller{}, filter).total == 0);

  const std::int64_t id = made.id;
  CHECK(refusal_of([&] {
          f.requests->answer(lea, id, {{"resourceId", "imported-budget"}});
        }) == Refused::forbidden);
  CHECK(refusal_of([&] {
          f.requests->answer(ana, id, {{"resourceId", "nothing-here"}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.requests->answer(ana, 999, {{"resourceId", "imported-budget"}});
        }) == Refused::not_found);
  f.requests->answer(ana, id, {{"resourceId", "imported-budget"}, {"note", "close enough"}});
  filter.query = "";
  filter.mine = true;
  filter.status = RequestStatus::answered;
  const RequestList mine = f.requests->list(lea, filter);
  REQUIRE(mine.total == 1);
  REQUIRE(mine.requests[0].answer);
  CHECK(mine.requests[0].answer->title == "Participatory budgeting for housing cooperatives");
  REQUIRE(mine.requests[0].answer->by);
  CHECK(mine.requests[0].answer->by->username == "ana");
  CHECK(refusal_of([&] { f.requests->list(Caller{}, filter); }) == Refused::unauthenticated);
}

TEST_CASE("an answered request keeps its answer", "[requests]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const std::int64_t id =
      f.requests->create(Caller{}, {{"topic", "Housing budgets"}, {"language", "en"}}).id;
  f.requests->answer(ana, id, {{"resourceId", "imported-budget"}});
  CHECK(refusal_of([&] {
          f.requests->answer(ana, id, {{"resourceId", "imported-meetings"}});
        }) == Refused::conflict);
  const auto answer = f.requests->get(Caller{}, id).answer;
  REQUIRE(answer);
  CHECK(answer->resource_id == "imported-budget");
}

TEST_CASE("a rated imported resource follows the index's newer copy", "[feedback]") {
  CommunityFixture f;
  f.feedback->rate(f.caller("lea", Role::learner), "imported-meetings", {{"stars", 5}});
  REQUIRE(f.sync->sync_now());
  {
    // agora-index add brings a new version of the same record.
    agora::index::IndexWriter writer(f.directory.path() / "index", agora::test::shared_registry());
    agora::index::ImportItem item;
    item.fields =
        agora::test::guide("Running fair meetings, second edition", "https://example.org/meetings");
    item.fields["id"] = "imported-meetings";
    writer.upsert(
        *agora::index::build_record(item, "seed", agora::analyzers::LanguageDetector()).record);
    writer.commit();
  }
  f.feedback->rate(f.caller("tom", Role::learner), "imported-meetings", {{"stars", 4}});
  REQUIRE(f.sync->sync_now());
  const json record = *f.published->record("imported-meetings");
  CHECK(record["title"] == "Running fair meetings, second edition");
  CHECK(record["aggregateRating"]["ratingCount"] == 2);
}
