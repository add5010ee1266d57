// EventLogs: Write stamps the machine clock and is a mutation; Read filters by log name.
#include "fakes/event_log.h"

#include <gtest/gtest.h>

#include "fakes/fresh_install.h"

namespace {

TEST(EventLogTest, WriteStampsTheClockAndReadFiltersByLog) {
  fakes::Machine machine(fakes::FreshInstall({}));
  fakes::EventLogs logs(machine);
  const int64_t t0 = machine.Now();
  ASSERT_TRUE(logs.Write({.log = "Application",
                          .source = "ASP.NET 1.0.3705.0",
                          .id = 1084,
                          .type = fixer::EventType::kError,
                          .text = "aspnet_wp.exe could not be started.",
                          .time = 42})
                  .ok());
  machine.Advance(60);
  ASSERT_TRUE(logs.Write({.log = "System", .source = "Service Control Manager", .id = 7036}).ok());
  ASSERT_TRUE(logs.Write({.log = "application", .source = "W3SVC", .id = 1}).ok());

  const auto app = logs.Read("APPLICATION");
  ASSERT_EQ(app.size(), 2u);
  EXPECT_EQ(app[0].id, 1084u);
  EXPECT_EQ(app[0].time, t0);  // the caller's time is replaced by the machine clock
  EXPECT_EQ(app[0].source, "ASP.NET 1.0.3705.0");
  EXPECT_EQ(app[1].source, "W3SVC");
  EXPECT_EQ(app[1].time, t0 + 60);
  const auto sys = logs.Read("System");
  ASSERT_EQ(sys.size(), 1u);
  EXPECT_EQ(sys[0].id, 7036u);
  EXPECT_TRUE(logs.Read("Security").empty());
}

TEST(EventLogTest, WriteIsAMutationAndAFaultWritesNothing) {
  fakes::Machine machine(fakes::FreshInstall({}));
  fakes::FaultPlan plan;
  plan.Add({.op = "eventlog.write", .nth = 1, .error = fixer::kErrorDiskFull});
  machine.set_faults(plan);
  fakes::EventLogs logs(machine);
  EXPECT_EQ(logs.Write({.source = "x", .id = 1}).code(), fixer::kErrorDiskFull);
  EXPECT_TRUE(logs.Read("Application").empty());
  EXPECT_TRUE(logs.Write({.source = "x", .id = 2}).ok());
  ASSERT_EQ(logs.Read("Application").size(), 1u);
  EXPECT_EQ(machine.faults().trace().back().op, "eventlog.write");
}

}  // namespace
