// The fixture of the port contract suite: a fresh backend per test, promises checked with
// Expect (collected, then judged against the divergence list in TearDown), and a test user of
// the test's own for the mutating tests (`fxsim_contract_` and 5 random hex digits; never ASPNET).
//
//   TEST_F(PortContract, SecretsUnknownKeyIs2) {
//     ExpectCode(ports().secrets.Retrieve("fxsim_contract_none").status(), 2, "Retrieve of an unknown key");
//   }
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "backend_factory.h"
#include "fixer/ports/ports.h"

namespace ports_contract {

class PortContract : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  fixer::Ports& ports() { return backend_->ports(); }
  fixer::Backend& backend() { return *backend_; }

  // Records a promise that did not hold; the test goes on.
  void Expect(bool held, const std::string& promise);
  void ExpectOk(const fixer::Status& status, const std::string& call);
  void ExpectCode(const fixer::Status& status, uint32_t code, const std::string& call);

  // Skips the test unless the factory allows mutating tests.
  bool MutatingAllowed() const;
  // A fresh name for a test user ("fxsim_contract_1a2b3"), at most 20 characters (a SAM limit).
  static std::string TestUserName();
  // Creates a test user with a strong password; deleted in TearDown if the test has not.
  fixer::Result<fixer::Sid> CreateTestUser(const std::string& name);
  static fixer::Secret TestPassword();

 private:
  std::unique_ptr<fixer::Backend> backend_;
  std::vector<std::string> broken_;
  std::vector<std::string> users_;  // to delete in TearDown
};

}  // namespace ports_contract
