// aspnet-fixer capture keeps whether the LSA secret still logs ASPNET on, never its value (audit 16
// item 6): a reproduction of a machine whose secret no longer matches ASPNET's password fails the
// worker's logon as the machine does, instead of answering 200 with the secret aspnet_regiis stored.
#include <gtest/gtest.h>

#include <string>

#include "capture_helpers.h"
#include "fakes/machine_backend.h"
#include "fixer/ports/aspnet.h"

namespace {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

constexpr const char* kStaleSecret = "not-the-real-password";

std::string MachineWithSecret(const std::string& secret_line) {
  return "frameworks: ['1.0']\n"
         "hotfixes: [MS03-032]\n"
         "applications:\n"
         "  - path: /LM/W3SVC/1/ROOT/orders\n"
         "profiles:\n"
         "  ASPNET: present\n" +
         secret_line;
}

// What a batch logon of ASPNET with the machine's own secret answers.
fixer::Status WorkerLogon(fakes::Machine& machine) {
  fakes::MachineBackend backend(machine);
  fixer::Ports& ports = backend.ports();
  auto secret = ports.secrets.Retrieve(std::string(fixer::kAspNetWorkerSecret));
  EXPECT_TRUE(secret.ok()) << secret.status().ToString();
  if (!secret.ok()) return secret.status();
  return ports.logon.CheckPassword(std::string(fixer::kMachineWorkerAccount), *secret);
}

TEST(CaptureSecretLogon, AStaleSecretIsCapturedAsNotLoggingOnAndReproducedSo) {
  fakes::Machine original(Load(
      MachineWithSecret("secrets:\n  aspnet_WP_PASSWORD: {clear: " + std::string(kStaleSecret) + "}\n"), "stale.yaml"));
  ASSERT_EQ(WorkerLogon(original).code(), 1326u);
  const app::Capture c = CaptureOf(original);
  const std::string text = app::CaptureText(c);
  EXPECT_TRUE(c.unreadable.empty()) << text;
  EXPECT_EQ(text.find(kStaleSecret), std::string::npos) << "the secret's value stays on the machine";
  const auto& entry = c.document["secrets"][std::string(fixer::kAspNetWorkerSecret)];
  EXPECT_EQ(entry.value("redacted", false), true) << text;
  ASSERT_TRUE(entry.contains("logs_on")) << text;
  EXPECT_FALSE(entry["logs_on"].get<bool>()) << text;

  fakes::Machine reproduced(Load(text, "captured.yaml"));
  EXPECT_EQ(WorkerLogon(reproduced).code(), 1326u) << "the reproduction's worker fails the same logon";
}

TEST(CaptureSecretLogon, ASecretThatMatchesIsCapturedAsLoggingOnAndReproducedSo) {
  fakes::Machine original(Load(MachineWithSecret(""), "fresh.yaml"));
  ASSERT_TRUE(WorkerLogon(original).ok());
  const app::Capture c = CaptureOf(original);
  const auto& entry = c.document["secrets"][std::string(fixer::kAspNetWorkerSecret)];
  ASSERT_TRUE(entry.contains("logs_on")) << app::CaptureText(c);
  EXPECT_TRUE(entry["logs_on"].get<bool>());
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  EXPECT_TRUE(WorkerLogon(reproduced).ok());
}

// The lockout is judged before the password, so a locked-out ASPNET says nothing of the secret:
// the file keeps it as redacted alone, and the reproduction's lockout fails the logon first.
TEST(CaptureSecretLogon, ALockedOutWorkerLeavesItOut) {
  fakes::Machine original(Load(MachineWithSecret("accounts:\n  ASPNET: {flags: [locked_out]}\n"), "locked.yaml"));
  const app::Capture c = CaptureOf(original);
  const auto& entry = c.document["secrets"][std::string(fixer::kAspNetWorkerSecret)];
  EXPECT_FALSE(entry.contains("logs_on")) << app::CaptureText(c);
  EXPECT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.yaml"));
  EXPECT_EQ(WorkerLogon(reproduced).code(), 1909u);
}

// The loader takes logs_on only beside redacted: true.
TEST(CaptureSecretLogon, LogsOnWithoutRedactedIsRefused) {
  auto loaded = fakes::LoadMachineText("secrets:\n  aspnet_WP_PASSWORD: {clear: x, logs_on: false}\n", "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error->ToString().find("logs_on goes with redacted: true only"), std::string::npos)
      << loaded.error->ToString();
}

}  // namespace
