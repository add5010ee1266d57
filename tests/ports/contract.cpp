// The port contract fixture (contract.h): expectations collected per test and judged against
// the divergence list (divergences.h).
#include "contract.h"

#include <cstdio>
#include <random>

#include "divergences.h"

namespace ports_contract {

void PortContract::SetUp() { backend_ = Factory().Make(); }

void PortContract::TearDown() {
  for (const std::string& user : users_) (void)ports().accounts.Delete(user);  // 2221 if the test deleted it
  if (IsSkipped()) return;
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test = std::string(info->test_suite_name()) + "." + info->name();
  const Divergence* d = FindDivergence(Factory().Kind(), test);
  if (d == nullptr) {
    for (const std::string& b : broken_) ADD_FAILURE() << b;
    return;
  }
  if (broken_.empty()) {
    ADD_FAILURE() << "listed as a divergence of " << Factory().Kind() << " but passes: remove it from divergences.h";
    return;
  }
  std::printf("[ DIVERGES ] %s on %s (expected failure): Windows: %.*s; instead: %.*s\n", test.c_str(),
              Factory().Kind().c_str(), static_cast<int>(d->windows.size()), d->windows.data(),
              static_cast<int>(d->instead.size()), d->instead.data());
  for (const std::string& b : broken_) std::printf("             %s\n", b.c_str());
  RecordProperty("divergence", std::string(d->instead));
}

void PortContract::Expect(bool held, const std::string& promise) {
  if (!held) broken_.push_back(promise);
}

void PortContract::ExpectOk(const fixer::Status& status, const std::string& call) {
  Expect(status.ok(), call + ": expected success, got " + status.ToString());
}

void PortContract::ExpectCode(const fixer::Status& status, uint32_t code, const std::string& call) {
  Expect(status.code() == code,
         call + ": expected error " + std::to_string(code) + ", got " + (status.ok() ? "success" : status.ToString()));
}

bool PortContract::MutatingAllowed() const { return Factory().MutatingAllowed(); }

std::string PortContract::TestUserName() {
  std::random_device rd;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%05x", static_cast<unsigned>(rd() & 0xfffff));
  return std::string("fxsim_contract_") + suffix;
}

fixer::Secret PortContract::TestPassword() { return fixer::Secret::FromString("Fx-Contract-9z!q"); }

fixer::Result<fixer::Sid> PortContract::CreateTestUser(const std::string& name) {
  fixer::Result<fixer::Sid> sid =
      ports().accounts.Create({.name = name, .comment = "fixup-sim contract test"}, TestPassword());
  if (sid.ok()) users_.push_back(name);
  return sid;
}

}  // namespace ports_contract
