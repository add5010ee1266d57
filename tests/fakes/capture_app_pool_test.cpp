// A capture keeps IIS 6's application pools: DefaultAppPool's identity (web_server.app_pool_identity),
// each application's pool when it is another (its `app_pool`, read through Inventory::AppPoolOf)
// and that pool's identity (web_server.app_pools, through Inventory::AppPoolIdentity): the
// reproduction's w3wp.exe runs each application as the machine's, not as NETWORK SERVICE, the
// machine file's default. A read that failed is listed, and the reproduction's read and its
// w3wp.exe fail with it instead of standing in with the default.
#include <string>

#include <gtest/gtest.h>

#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/web_stack.h"

namespace {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

// Server 2003 in worker process isolation mode, ASP.NET 1.1, its pool as `identity`.
std::string Server2003With(const std::string& identity) {
  return "os: windows-server-2003\n"
         "web_server: {kind: iis-6.0, app_pool_identity: '" +
         identity +
         "'}\n"
         "frameworks: ['1.1']\n"
         "accounts:\n"
         "  webpool: {password: P00l-Identity!, groups: [IIS_WPG]}\n"
         "applications: [{path: /LM/W3SVC/1/ROOT/shop, framework: '1.1'}]\n";
}

TEST(CaptureAppPool, KeepsTheIdentityAndTheReproductionRunsAsIt) {
  fakes::Machine original(Load(Server2003With("LOCAL SERVICE"), "pool.yaml"));
  const app::Capture c = CaptureOf(original);
  ASSERT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  EXPECT_EQ(c.document["web_server"]["app_pool_identity"], "LOCAL SERVICE") << app::CaptureText(c);
  EXPECT_FALSE(c.document["accounts"].contains("LOCAL SERVICE")) << "no SAM account";
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  EXPECT_EQ(reproduced.state().products.app_pool_identity, "LOCAL SERVICE");
  fakes::MachineBackend a(original), b(reproduced);
  EXPECT_EQ(*a.ports().inventory.AppPoolIdentity("DefaultAppPool"),
            *b.ports().inventory.AppPoolIdentity("DefaultAppPool"));
  EXPECT_EQ(fakes::WebStack(reproduced).Probe("/LM/W3SVC/1/ROOT/shop").identity, "NT AUTHORITY\\LOCAL SERVICE");
}

// A user the pool runs as is an account of the machine: captured, as a service's account is.
TEST(CaptureAppPool, CapturesTheUserThePoolRunsAs) {
  fakes::Machine original(Load(Server2003With("webpool"), "user.yaml"));
  const app::Capture c = CaptureOf(original);
  EXPECT_EQ(c.document["web_server"]["app_pool_identity"], "webpool") << app::CaptureText(c);
  EXPECT_TRUE(c.document["accounts"].contains("webpool")) << app::CaptureText(c);
}

// IIS 5.x has no application pools: the port answers "" and the capture writes no identity.
TEST(CaptureAppPool, NoneOnIis51) {
  fakes::Machine xp(Load("os: windows-xp-professional\nframeworks: ['1.0']\n", "xp.yaml"));
  fakes::MachineBackend backend(xp);
  EXPECT_EQ(*backend.ports().inventory.AppPoolIdentity("DefaultAppPool"), "");
  EXPECT_EQ(*backend.ports().inventory.AppPoolOf("/LM/W3SVC/1/ROOT"), "");
  const app::Capture c = CaptureOf(xp);
  EXPECT_FALSE(c.document["web_server"].contains("app_pool_identity")) << app::CaptureText(c);
}

TEST(CaptureAppPool, AnUnreadIdentityIsListedAndNoDefaultServes) {
  fakes::Machine original(Load(Server2003With("LOCAL SERVICE"), "pool.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "inventory.app_pool_identity", .nth = 1, .error = 3, .read = true});
  original.set_faults(plan);
  const app::Capture c = CaptureOf(original);
  ASSERT_EQ(c.unreadable.size(), 1u) << app::CaptureText(c);
  EXPECT_EQ(c.unreadable[0].read, "the application pool identity");
  EXPECT_EQ(c.unreadable[0].error.code(), 3u);
  EXPECT_FALSE(c.document["web_server"].contains("app_pool_identity"));
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().inventory.AppPoolIdentity("DefaultAppPool").status().code(), 3u) << "fails as on the machine";
  const fakes::RequestExplanation r = fakes::WebStack(reproduced).Probe("/LM/W3SVC/1/ROOT/shop");
  EXPECT_FALSE(r.Served());
  EXPECT_NE(r.Cause().find("the capture could not read the application pool identity (3: "), std::string::npos)
      << r.Cause();
}

// Server 2003 with three applications: shop in ShopPool (a user), docs in DocsPool (LOCAL
// SERVICE), and docs/api, which sets no AppPoolId and inherits docs' pool.
constexpr const char* kThreePools =
    "os: windows-server-2003\n"
    "web_server: {kind: iis-6.0, app_pools: {ShopPool: webpool, DocsPool: LOCAL SERVICE}}\n"
    "frameworks: ['1.1']\n"
    "accounts:\n"
    "  webpool: {password: P00l-Identity!, groups: [IIS_WPG]}\n"
    "applications:\n"
    "  - {path: /LM/W3SVC/1/ROOT/shop, framework: '1.1', app_pool: ShopPool}\n"
    "  - {path: /LM/W3SVC/1/ROOT/docs, framework: '1.1', app_pool: DocsPool}\n"
    "  - {path: /LM/W3SVC/1/ROOT/docs/api, framework: '1.1'}\n"
    "  - {path: /LM/W3SVC/1/ROOT/home, framework: '1.1'}\n";

// AppPoolId is inherited from the parent node, else DefaultAppPool; names compare as the
// metabase's keys do, case-insensitively; a pool the metabase has no node for is 3.
TEST(CaptureAppPool, ThePortReadsEachApplicationsPoolAndItsIdentity) {
  fakes::Machine machine(Load(kThreePools, "pools.yaml"));
  fakes::MachineBackend backend(machine);
  fixer::Inventory& inventory = backend.ports().inventory;
  EXPECT_EQ(*inventory.AppPoolOf("/LM/W3SVC/1/ROOT/shop"), "ShopPool");
  EXPECT_EQ(*inventory.AppPoolOf("/LM/W3SVC/1/ROOT/DOCS/api"), "DocsPool");
  EXPECT_EQ(*inventory.AppPoolOf("/LM/W3SVC/1/ROOT/home"), "DefaultAppPool");
  EXPECT_EQ(*inventory.AppPoolIdentity("shoppool"), "webpool");
  EXPECT_EQ(*inventory.AppPoolIdentity("DocsPool"), "LOCAL SERVICE");
  EXPECT_EQ(*inventory.AppPoolIdentity("DefaultAppPool"), "NETWORK SERVICE");
  EXPECT_EQ(inventory.AppPoolIdentity("NoSuchPool").status().code(), 3u);
  EXPECT_EQ(fakes::WebStack(machine).Probe("/LM/W3SVC/1/ROOT/docs/api").identity, "NT AUTHORITY\\LOCAL SERVICE");
  EXPECT_EQ(fakes::WebStack(machine).Probe("/LM/W3SVC/1/ROOT/home").identity, "NT AUTHORITY\\NETWORK SERVICE");
}

TEST(CaptureAppPool, KeepsEachApplicationsPoolAndItsUser) {
  fakes::Machine original(Load(kThreePools, "pools.yaml"));
  const app::Capture c = CaptureOf(original);
  ASSERT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  EXPECT_EQ(c.document["web_server"]["app_pools"]["ShopPool"], "webpool") << app::CaptureText(c);
  EXPECT_EQ(c.document["web_server"]["app_pools"]["DocsPool"], "LOCAL SERVICE") << app::CaptureText(c);
  EXPECT_TRUE(c.document["accounts"].contains("webpool")) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  fakes::MachineBackend a(original), b(reproduced);
  for (const char* app :
       {"/LM/W3SVC/1/ROOT/shop", "/LM/W3SVC/1/ROOT/docs", "/LM/W3SVC/1/ROOT/docs/api", "/LM/W3SVC/1/ROOT/home"}) {
    const std::string pool = *a.ports().inventory.AppPoolOf(app);
    EXPECT_EQ(*b.ports().inventory.AppPoolOf(app), pool) << app;
    EXPECT_EQ(*b.ports().inventory.AppPoolIdentity(pool), *a.ports().inventory.AppPoolIdentity(pool)) << app;
    EXPECT_EQ(fakes::WebStack(reproduced).Probe(app).identity, fakes::WebStack(original).Probe(app).identity) << app;
  }
}

// An application's pool whose read failed: listed, and the reproduction fails that read too.
TEST(CaptureAppPool, AnUnreadPoolOfAnApplicationIsListed) {
  fakes::Machine original(Load(kThreePools, "pools.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "inventory.app_pool", .nth = 1, .error = 5, .read = true});
  original.set_faults(plan);
  const app::Capture c = CaptureOf(original);
  ASSERT_EQ(c.unreadable.size(), 1u) << app::CaptureText(c);
  EXPECT_EQ(c.unreadable[0].read, "the application pool of /LM/W3SVC/1/ROOT/shop");
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().inventory.AppPoolOf("/LM/W3SVC/1/ROOT/shop").status().code(), 5u);
  EXPECT_FALSE(fakes::WebStack(reproduced).Probe("/LM/W3SVC/1/ROOT/shop").Served());
}

// An application whose AppPoolId names a pool the metabase has no node for: the machine answers
// 503 and writes no event (choice-app-pool-identity). The capture lists the pool's identity read
// (3), and its reproduction answers as the machine does: the pool missing, not an identity that
// is invalid (W3SVC event 1021 names one).
constexpr const char* kMissingPool =
    "os: windows-server-2003\n"
    "web_server: {kind: iis-6.0, app_pools: {ShopPool: LOCAL SERVICE}}\n"
    "frameworks: ['1.0']\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - {path: /LM/W3SVC/1/ROOT/shop, app_pool: ShopPool}\n"
    "  - {path: /LM/W3SVC/1/ROOT/ghost, app_pool: NoSuchPool}\n";

TEST(CaptureAppPool, APoolThatDoesNotExistIsReproducedAsMissing) {
  fakes::Machine original(Load(kMissingPool, "missing.yaml"));
  const app::Capture c = CaptureOf(original);
  ASSERT_EQ(c.unreadable.size(), 1u) << app::CaptureText(c);
  EXPECT_EQ(c.unreadable[0].read, "the identity of application pool NoSuchPool");
  EXPECT_EQ(c.unreadable[0].error.code(), 3u);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  const fakes::RequestExplanation machine = fakes::WebStack(original).Request("/LM/W3SVC/1/ROOT/ghost");
  const fakes::RequestExplanation copy = fakes::WebStack(reproduced).Request("/LM/W3SVC/1/ROOT/ghost");
  EXPECT_EQ(machine.response.status, 503);
  EXPECT_FALSE(machine.event.has_value()) << machine.event->text;
  EXPECT_EQ(copy.response.status, machine.response.status);
  EXPECT_FALSE(copy.event.has_value()) << copy.event->text;
  EXPECT_EQ(copy.Cause(), machine.Cause());
  EXPECT_EQ(reproduced.state().events.size(), original.state().events.size());
}

// A pool's identity the capture could not read (5): the reproduction serves that application
// nothing, saying why, and writes no event the machine's log may never have held (1021 would say
// the identity is invalid; it was only unread).
TEST(CaptureAppPool, AnUnreadPoolIdentityWritesNoEvent) {
  fakes::Machine original(Load(kMissingPool, "missing.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "inventory.app_pool_identity", .nth = 2, .error = 5, .read = true});  // ShopPool's
  original.set_faults(plan);
  const app::Capture c = CaptureOf(original);
  ASSERT_EQ(c.unreadable.size(), 2u) << app::CaptureText(c);
  EXPECT_EQ(c.unreadable[0].read, "the identity of application pool ShopPool");
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  const size_t events = reproduced.state().events.size();
  const fakes::RequestExplanation r = fakes::WebStack(reproduced).Request("/LM/W3SVC/1/ROOT/shop");
  EXPECT_FALSE(r.Served());
  EXPECT_NE(r.Cause().find("the capture could not read the identity of application pool ShopPool (5: "),
            std::string::npos)
      << r.Cause();
  EXPECT_FALSE(r.event.has_value()) << r.event->text;
  EXPECT_EQ(reproduced.state().events.size(), events);
}

}  // namespace
