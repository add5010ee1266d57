// The web probe is a request: on Windows it makes aspnet_wp.exe log on with processModel's
// password. Once one request fails that logon (event 1007), the other ASP.NET 1.0 applications,
// served by the same worker, are not requested: each would be one more failed logon toward the
// lockout (audits 10 and 12). A failure that is no logon's (1084) still requests each. A worker
// that did not start (503) with no event read back may have failed its logon: the bound holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock_ports.h"

namespace fixer_test {
namespace {

using ::testing::_;
using ::testing::HasSubstr;

class ProbeBound : public MockPortsTest {
 public:
  void ThreeApplications() {
    w.applications.clear();
    for (const char* name : {"shop", "admin", "orders"}) {
      w.applications.push_back({std::string("/LM/W3SVC/1/ROOT/") + name, std::string("C:\\Inetpub\\wwwroot\\") + name,
                                std::string(fixer::kFramework10), fixer::SessionStateMode::kInProc});
    }
  }
  // Every request fails the worker's start, and the entry it wrote cannot be read back.
  void EveryRequestFailsWithNoEventRead() {
    ON_CALL(web, Get(_)).WillByDefault([this](const std::string& path) -> Result<fixer::HttpResponse> {
      ++requests;
      requested.push_back(path);
      return fixer::HttpResponse{503, kSymptomPage, std::nullopt};
    });
  }
  // Every request fails the worker's start, writing the entry `event_id`.
  void EveryRequestFails(uint32_t event_id) {
    ON_CALL(web, Get(_)).WillByDefault([this, event_id](const std::string& path) -> Result<fixer::HttpResponse> {
      ++requests;
      requested.push_back(path);
      fixer::HttpResponse r{503, kSymptomPage, std::nullopt};
      r.event = fixer::EventRecord{.source = "ASP.NET 1.0.3705.0",
                                   .id = event_id,
                                   .type = fixer::EventType::kError,
                                   .text = "aspnet_wp.exe could not be launched\nCause: ..."};
      return r;
    });
  }
  int requests = 0;
  std::vector<std::string> requested;
};

TEST_F(ProbeBound, AFailedLogonStopsTheRequestsToTheSameWorker) {
  ThreeApplications();
  EveryRequestFails(1007);
  auto d = MakeFixer().Diagnose();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(requests, 1);
  ASSERT_EQ(d->probes.size(), 3u);
  EXPECT_TRUE(d->probes[0].answered);
  ASSERT_TRUE(d->probes[0].event.has_value());
  EXPECT_EQ(d->probes[0].event->id, 1007u);
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_FALSE(d->probes[i].answered);
    EXPECT_THAT(d->probes[i].not_requested, HasSubstr("failed the logon of ASPNET"));
  }
  std::string notes;
  for (const auto& n : d->notes) notes += n + "\n";
  EXPECT_THAT(notes, HasSubstr("one failed logon of ASPNET counted toward the account lockout"));
  EXPECT_THAT(notes, HasSubstr("not requested: /LM/W3SVC/1/ROOT/admin, /LM/W3SVC/1/ROOT/orders"));
}

TEST_F(ProbeBound, AWorkerThatDidNotStartWithNoEventReadStopsTheRequests) {
  ThreeApplications();
  EveryRequestFailsWithNoEventRead();
  auto d = MakeFixer().Diagnose();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(requests, 1);
  ASSERT_EQ(d->probes.size(), 3u);
  EXPECT_TRUE(d->probes[0].answered);
  EXPECT_FALSE(d->probes[0].event.has_value());
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_FALSE(d->probes[i].answered);
    EXPECT_THAT(d->probes[i].not_requested,
                HasSubstr("did not start the worker, and the event that says whether the logon of ASPNET failed "
                          "could not be read"));
  }
  std::string notes;
  for (const auto& n : d->notes) notes += n + "\n";
  EXPECT_THAT(notes, HasSubstr("not requested: /LM/W3SVC/1/ROOT/admin, /LM/W3SVC/1/ROOT/orders"));
}

TEST_F(ProbeBound, AFailureThatIsNoLogonsRequestsEachApplication) {
  ThreeApplications();
  EveryRequestFails(1084);
  auto d = MakeFixer().Diagnose();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(requests, 3);
  for (const auto& p : d->probes) EXPECT_TRUE(p.not_requested.empty()) << p.application;
  std::string notes;
  for (const auto& n : d->notes) notes += n + "\n";
  EXPECT_THAT(notes, HasSubstr("could not start the worker, which wrote event 1084 (ASP.NET 1.0.3705.0)"));
}

}  // namespace
}  // namespace fixer_test
