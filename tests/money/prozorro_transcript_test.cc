// ProZorro features against a real API transcript: openprocurement.api's
// documentation of a closeFrameworkAgreementSelectionUA tender
// (ProzorroUKR/openprocurement.api, Apache-2.0), stored in
// ../shared/data/openprocurement-api/ (provenance: ../shared/data/SOURCES.txt):
//
//   docs/source/tendering/cfaselectionua/tutorial/auction-url.http
//       GET tender: data.features (two features, maxima 0.15 + 0.15) and
//       data.agreements[0].contracts[] (each supplier's parameters)
//   docs/source/tendering/cfaselectionua/tutorial/register-bidder.http
//   docs/source/tendering/cfaselectionua/tutorial/register-2nd-bidder.http
//       POST bid responses: data.id, data.lotValues[0].value, data.parameters
//   docs/source/tendering/cfaselectionua/tutorial/awards-get.http
//   docs/source/tendering/cfaselectionua/tutorial/confirm-qualification.http
//       awards: value.amount, bid_id, suppliers and weightedValue
//       {amount, denominator}
//
// circa must reproduce every award's weightedValue.denominator and, to the
// cent, weightedValue.amount. An award's parameters are those of its bid
// (by bid_id) when the bid is in the transcript, otherwise those of the
// framework agreement's active contract with the same supplier (in this
// procedure a bid's parameters are the agreement contract's).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "circa/money.h"
#include "test_util.h"

namespace circa {
namespace {

using nlohmann::json;

const std::string kData =
    std::string(CIRCA_SOURCE_DIR) + "/../shared/data/openprocurement-api";
const std::string kTutorial =
    kData + "/docs/source/tendering/cfaselectionua/tutorial/";

// The JSON body of the response in an .http transcript: after the
// "HTTP/1.0 200 OK" status line, its headers and a blank line.
json ResponseBody(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::size_t status = text.find("\nHTTP/1.");
  if (status == std::string::npos) return json();
  const std::size_t body = text.find("\n\n", status);
  if (body == std::string::npos) return json();
  return json::parse(text.substr(body + 2));
}

ProzorroFeatures FeaturesOf(const json& features) {
  ProzorroFeatures m;
  for (const json& f : features) {
    ProzorroFeature feature;
    feature.code = f.at("code").get<std::string>();
    feature.title = f.value("title_en", feature.code);
    for (const json& e : f.at("enum")) {
      feature.options.push_back(
          {e.value("title", std::string()), e.at("value").get<double>()});
    }
    m.features.push_back(std::move(feature));
  }
  return m;
}

std::map<std::string, double> ParametersOf(const json& parameters) {
  std::map<std::string, double> out;
  for (const json& p : parameters) {
    out[p.at("code").get<std::string>()] = p.at("value").get<double>();
  }
  return out;
}

class ProzorroTranscript : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(kTutorial)) {
      GTEST_SKIP() << "the ProZorro transcript is not here: " << kTutorial
                   << " (../shared/data next to the source tree)";
    }
    tender_ = ResponseBody(kTutorial + "auction-url.http").at("data");
    features_ = FeaturesOf(tender_.at("features"));
    for (const char* file :
         {"register-bidder.http", "register-2nd-bidder.http"}) {
      const json bid = ResponseBody(kTutorial + file).at("data");
      bids_[bid.at("id").get<std::string>()] = bid;
    }
    const json listed = ResponseBody(kTutorial + "awards-get.http");
    for (const json& award : listed.at("data")) awards_.push_back(award);
    awards_.push_back(
        ResponseBody(kTutorial + "confirm-qualification.http").at("data"));
  }

  // The parameters behind an award (see the file comment).
  std::map<std::string, double> AwardParameters(const json& award) const {
    const auto bid = bids_.find(award.at("bid_id").get<std::string>());
    if (bid != bids_.end()) return ParametersOf(bid->second.at("parameters"));
    const std::string supplier =
        award.at("suppliers")[0].at("identifier").at("id").get<std::string>();
    for (const json& c : tender_.at("agreements")[0].at("contracts")) {
      if (c.at("status") == "active" &&
          c.at("suppliers")[0].at("identifier").at("id") == supplier) {
        return ParametersOf(c.at("parameters"));
      }
    }
    return {};
  }

  json tender_;
  ProzorroFeatures features_;
  std::map<std::string, json> bids_;
  std::vector<json> awards_;
};

TEST_F(ProzorroTranscript, FeaturesAreWithinTheCap) {
  ASSERT_EQ(features_.features.size(), 2u);
  Diagnostics diag;
  CheckMethod(features_, &diag);
  EXPECT_TRUE(diag.items().empty());
}

TEST_F(ProzorroTranscript, EveryAwardsWeightedValueIsReproduced) {
  ASSERT_EQ(awards_.size(), 2u);
  MoneyOptions options;
  options.currency = "UAH";
  for (const json& award : awards_) {
    SCOPED_TRACE(award.at("id").get<std::string>());
    MoneyBid bid;
    bid.id = award.at("bid_id").get<std::string>();
    bid.price = award.at("value").at("amount").get<double>();
    bid.values = AwardParameters(award);
    ASSERT_EQ(bid.values.size(), 2u);
    const Result<MoneyRanking> r = EvaluateProzorro(features_, {bid}, options);
    ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
    const json& weighted = award.at("weightedValue");
    // 1 + (0.1 + 0.1) / (1 - (0.15 + 0.15)) = 1.2857142857142858.
    EXPECT_DOUBLE_EQ(r.value->bids[0].coefficient,
                     weighted.at("denominator").get<double>());
    // 499 / 1.2857142857142858 = 388.111... -> 388.11.
    EXPECT_DOUBLE_EQ(r.value->bids[0].evaluated,
                     weighted.at("amount").get<double>());
    EXPECT_EQ(weighted.at("currency"), "UAH");
  }
}

TEST_F(ProzorroTranscript, BothBidsRankOnTheirWeightedValues) {
  // The two registered bids: 500 and 499 UAH, both with 0.1 + 0.1.
  std::vector<MoneyBid> bids;
  for (const auto& [id, b] : bids_) {
    MoneyBid bid;
    bid.id = id;
    bid.price = b.at("lotValues")[0].at("value").at("amount").get<double>();
    bid.values = ParametersOf(b.at("parameters"));
    bids.push_back(bid);
  }
  MoneyOptions options;
  options.currency = "UAH";
  const Result<MoneyRanking> r = EvaluateProzorro(features_, bids, options);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const MoneyBidResult& winner = r.value->bids[r.value->order[0]];
  // The 499 UAH bid is the one awarded in awards-get.http.
  EXPECT_EQ(winner.id, awards_[0].at("bid_id").get<std::string>());
  EXPECT_DOUBLE_EQ(winner.evaluated,
                   awards_[0].at("weightedValue").at("amount").get<double>());
  // 500 / (9/7) = 388.888... -> 388.89.
  EXPECT_DOUBLE_EQ(r.value->bids[r.value->order[1]].evaluated, 388.89);
}

TEST_F(ProzorroTranscript, FrameworkFeaturesOverTheCapAreRefused) {
  // src/openprocurement/framework/cfaua/tests/data/features.json: maxima
  // 0.04 + 0.07 + 0.3 = 0.41 > 0.30.
  std::ifstream in(kData +
                   "/src/openprocurement/framework/cfaua/tests/data/"
                   "features.json");
  ASSERT_TRUE(in.good());
  const ProzorroFeatures m = FeaturesOf(json::parse(in));
  Diagnostics diag;
  CheckMethod(m, &diag);
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].ToString(),
            "<input>: features: the features' maximum values add up to 0.41; "
            "expected at most 0.3 (30 %, ProZorro's limit on non-price "
            "criteria)");
}

}  // namespace
}  // namespace circa
