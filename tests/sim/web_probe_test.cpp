// WebStack::Probe must answer exactly as WebStack::Request would on a copy of the machine (which
// is what the fixer's probe and the sweep's checks did before, at a copy per request), and must
// leave the machine untouched: no state change and no Machine::Mutate call; WebStack::Answer
// must give the probe's answer and its failed conditions. Checked on every state every scenario
// passes through, and on the paper's platforms.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/hotfix_catalog.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/web_stack.h"
#include "sim/matrix.h"
#include "sim/run_context.h"
#include "sim/scenario.h"
#include "sim/steps.h"
#include "support/source_tree.h"

namespace {

namespace fs = std::filesystem;

using test_support::ScenariosFolder;

// Everything but the conditions: the same for a request, a probe and an answer.
void ExpectSameOutcome(const fakes::RequestExplanation& a, const fakes::RequestExplanation& b) {
  EXPECT_EQ(a.web_server, b.web_server);
  EXPECT_EQ(a.framework_version, b.framework_version);
  EXPECT_EQ(a.host, b.host);
  EXPECT_EQ(a.host_process, b.host_process);
  EXPECT_EQ(a.identity, b.identity);
  EXPECT_EQ(a.worker_started, b.worker_started);
  EXPECT_EQ(a.listening, b.listening);
  EXPECT_EQ(a.connect_error.code(), b.connect_error.code());
  EXPECT_EQ(a.response.status, b.response.status);
  EXPECT_EQ(a.response.body, b.response.body);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.Cause(), b.Cause());
}

void ExpectSameAnswer(const fakes::RequestExplanation& probe, const fakes::RequestExplanation& request,
                      const std::string& where) {
  SCOPED_TRACE(where);
  ExpectSameOutcome(probe, request);
  ASSERT_EQ(probe.conditions.size(), request.conditions.size());
  for (size_t i = 0; i < probe.conditions.size(); ++i) {
    EXPECT_EQ(probe.conditions[i].id, request.conditions[i].id);
    EXPECT_EQ(probe.conditions[i].passed, request.conditions[i].passed);
    EXPECT_EQ(probe.conditions[i].detail, request.conditions[i].detail);
  }
}

// WebStack::Answer: the probe's answer, with only the failed conditions, in the probe's order.
void ExpectProbesAnswer(const fakes::RequestExplanation& answer, const fakes::RequestExplanation& probe,
                        const std::string& where) {
  SCOPED_TRACE(where + " (Answer)");
  ExpectSameOutcome(answer, probe);
  std::vector<const fakes::Condition*> failed;
  for (const fakes::Condition& c : probe.conditions)
    if (!c.passed) failed.push_back(&c);
  ASSERT_EQ(answer.conditions.size(), failed.size());
  for (size_t i = 0; i < failed.size(); ++i) {
    EXPECT_EQ(answer.conditions[i].id, failed[i]->id);
    EXPECT_EQ(answer.conditions[i].name, failed[i]->name);
    EXPECT_FALSE(answer.conditions[i].passed);
    EXPECT_EQ(answer.conditions[i].detail, failed[i]->detail);
  }
}

// Probes every application of `machine` and compares with a request on a copy, and the answer
// alone with the probe; returns how many.
size_t ProbeEveryApp(fakes::Machine& machine, const std::string& where) {
  const fakes::MachineState before = machine.state();
  size_t mutations = 0;
  machine.set_before_mutation([&] { ++mutations; });
  size_t probed = 0;
  for (const auto& app : before.products.applications) {
    const fakes::RequestExplanation probe = fakes::WebStack(machine).Probe(app.path);
    fakes::Machine copy(before);
    const fakes::RequestExplanation request = fakes::WebStack(copy).Request(app.path);
    ExpectSameAnswer(probe, request, where + " " + app.path);
    ExpectProbesAnswer(fakes::WebStack(machine).Answer(app.path), probe, where + " " + app.path);
    ++probed;
  }
  machine.set_before_mutation(nullptr);
  EXPECT_EQ(mutations, 0u) << where;
  EXPECT_TRUE(machine.state() == before) << where << ": the probe changed the machine";
  return probed;
}

TEST(WebProbe, AnswersAsARequestOnACopyInEveryScenarioState) {
  size_t probed = 0;
  for (const std::string& file : sim::FindScenarioFiles({ScenariosFolder().string()})) {
    sim::LoadedScenario loaded = sim::LoadScenarioFile(file);
    ASSERT_TRUE(loaded.ok()) << file;
    sim::RunContext ctx(loaded.value->machine);
    ctx.scenario_dir = fs::path(file).parent_path().string();
    probed += ProbeEveryApp(ctx.machine, file + " before any step");
    for (const sim::Step& step : loaded.value->steps) {
      if (!sim::ExecuteStep(ctx, step).ran) break;
      probed += ProbeEveryApp(ctx.machine, step.pos.ToString());
    }
  }
  EXPECT_GT(probed, 100u);
}

TEST(WebProbe, AnswersAsARequestOnACopyOnEveryPaperPlatform) {
  for (const sim::PlatformCase& c : sim::PaperPlatformCases()) {
    auto machine = sim::BuildPlatformMachine(c, 42);
    ASSERT_TRUE(machine.ok());
    ProbeEveryApp(*machine, "platform case for ASP.NET " + c.framework);
  }
}

// Microsoft supports ASP.NET 1.0 on Windows Server 2003 only in IIS 5.0 isolation mode (TechNet
// cc775512): the matrix judges that row not supported instead of showing w3wp.exe serving it
// (audit 13, item 9); 1.1 in worker process isolation and 1.0 in IIS 5.0 isolation stay judged.
TEST(PlatformMatrix, AspNet10InWorkerProcessIsolationIsNotSupported) {
  auto rows = sim::DeriveMatrix(1);
  ASSERT_TRUE(rows.ok());
  int judged_2003 = 0, unsupported = 0;
  for (const sim::MatrixRow& r : *rows) {
    if (r.platform.find("Windows Server 2003") == std::string::npos) {
      EXPECT_TRUE(r.supported) << r.framework << " " << r.platform;
      continue;
    }
    const bool worker = r.platform.find("worker process isolation") != std::string::npos;
    if (r.framework == "1.0" && worker) {
      ++unsupported;
      EXPECT_FALSE(r.supported);
      EXPECT_FALSE(r.affected);
      EXPECT_THAT(r.reason, ::testing::HasSubstr("only in IIS 5.0 isolation mode"));
      EXPECT_EQ(r.reason.find("w3wp.exe"), std::string::npos) << r.reason;
    } else {
      ++judged_2003;
      EXPECT_TRUE(r.supported) << r.framework << " " << r.platform;
      EXPECT_FALSE(r.affected) << r.framework << " " << r.platform << ": " << r.reason;
    }
  }
  EXPECT_EQ(unsupported, 1);
  EXPECT_EQ(judged_2003, 3);
  EXPECT_THAT(sim::FormatMatrixTable(*rows), ::testing::HasSubstr("n/a"));
}

// One WebStack answers request after request while the machine changes under it: each answer
// is what a fresh stack's probe gives of the machine as it is then, so nothing a request reads
// (the files the updates put on disk, the worker's profile) may be kept from an earlier one.
TEST(WebProbe, EachAnswerSeesTheMachineAsItIsNow) {
  auto machine = sim::BuildPlatformMachine({.framework = "1.0", .hotfixes = {}}, 42);
  ASSERT_TRUE(machine.ok());
  const std::string app = machine->state().products.applications.at(0).path;
  fakes::WebStack stack(*machine);
  const auto answer = [&](const std::string& where) {
    fakes::RequestExplanation r = stack.Answer(app);
    ExpectProbesAnswer(r, fakes::WebStack(*machine).Probe(app), where);
    return r;
  };
  EXPECT_EQ(answer("no update").response.status, 200);

  ASSERT_TRUE(fakes::InstallHotfix(*machine, "MS03-032").ok());
  fakes::RequestExplanation r = answer("MS03-032");
  EXPECT_EQ(r.response.status, 503);
  EXPECT_NE(r.Cause().find("urlmon.dll 6.0.2800.1226 from MS03-032 fails in aspnet_wp.exe"), std::string::npos)
      << r.Cause();

  ASSERT_TRUE(fakes::InstallHotfix(*machine, "MS03-040").ok());  // the newer build replaces it
  r = answer("MS03-040 over MS03-032");
  EXPECT_EQ(r.response.status, 503);
  EXPECT_NE(r.Cause().find("urlmon.dll 6.0.2800.1264 from MS03-040"), std::string::npos) << r.Cause();

  // ASPNET given a profile (what fixup.cmd's runas /profile leaves): served again.
  const fakes::Sam sam(*machine);
  const fakes::UserAccount* aspnet = sam.FindUser("ASPNET");
  ASSERT_NE(aspnet, nullptr);
  const fixer::Sid sid = sam.SidOf(*aspnet);
  ASSERT_TRUE(fakes::ProfileStore(*machine).LoadOrCreate(sid, "ASPNET").ok());
  EXPECT_EQ(answer("with a profile").response.status, 200);

  // The profile deleted: failing again; the updates removed too: served.
  ASSERT_TRUE(fakes::ProfileStore(*machine).Delete(sid).ok());
  EXPECT_EQ(answer("profile deleted").response.status, 503);
  machine->state().products.hotfixes.clear();
  EXPECT_EQ(answer("updates removed").response.status, 200);
}

}  // namespace
