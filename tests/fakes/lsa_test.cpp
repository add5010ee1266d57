// Lsa: user rights (deny beats allow) and LSA secrets kept obfuscated at rest.
#include "fakes/lsa.h"

#include <gtest/gtest.h>

#include "fakes/sam.h"
#include "test_machine.h"

namespace fakes_test {
namespace {

using fakes::LogonType;
using fixer::Sid;

class LsaTest : public ::testing::Test {
 protected:
  fakes::Machine m_{MinimalXpState()};
  fakes::Lsa lsa_{m_};
  Sid user_ = m_.state().sam.domain.WithRid(1004);
};

TEST(LogonRights, EachLogonTypeHasItsRightAndDenyTwin) {
  EXPECT_EQ(fakes::AllowRightFor(LogonType::kInteractive), "SeInteractiveLogonRight");
  EXPECT_EQ(fakes::DenyRightFor(LogonType::kInteractive), "SeDenyInteractiveLogonRight");
  EXPECT_EQ(fakes::AllowRightFor(LogonType::kNetwork), "SeNetworkLogonRight");
  EXPECT_EQ(fakes::DenyRightFor(LogonType::kNetwork), "SeDenyNetworkLogonRight");
  EXPECT_EQ(fakes::AllowRightFor(LogonType::kBatch), "SeBatchLogonRight");
  EXPECT_EQ(fakes::DenyRightFor(LogonType::kBatch), "SeDenyBatchLogonRight");
  EXPECT_EQ(fakes::AllowRightFor(LogonType::kService), "SeServiceLogonRight");
  EXPECT_EQ(fakes::DenyRightFor(LogonType::kService), "SeDenyServiceLogonRight");
  EXPECT_EQ(fakes::AllowRightFor(LogonType::kRemoteInteractive), "SeRemoteInteractiveLogonRight");
  EXPECT_EQ(fakes::DenyRightFor(LogonType::kRemoteInteractive), "SeDenyRemoteInteractiveLogonRight");
  EXPECT_TRUE(fakes::IsKnownRight("SeChangeNotifyPrivilege"));
  EXPECT_FALSE(fakes::IsKnownRight("SeMadeUpRight"));
}

TEST_F(LsaTest, GrantIsIdempotentSortedAndCaseInsensitive) {
  ASSERT_TRUE(lsa_.Grant(user_, "SeServiceLogonRight").ok());
  ASSERT_TRUE(lsa_.Grant(user_, "sebatchlogonright").ok());
  ASSERT_TRUE(lsa_.Grant(user_, "SeBatchLogonRight").ok());
  EXPECT_EQ(lsa_.RightsOf(user_), (std::vector<std::string>{"SeBatchLogonRight", "SeServiceLogonRight"}));
  EXPECT_EQ(m_.faults().calls(), 2u);  // the repeat changed nothing, so it was no mutation
}

TEST_F(LsaTest, UnknownRightFailsWith1313) {
  const fixer::Status st = lsa_.Grant(user_, "SeMadeUpRight");
  EXPECT_EQ(st.code(), 1313u);
  EXPECT_EQ(st.message(), "A specified privilege does not exist.");
  EXPECT_EQ(lsa_.Revoke(user_, "SeMadeUpRight").code(), 1313u);
}

// KB 821546: "Impersonate a client" and "Create global objects" came with 2000 SP4, XP SP2 and
// Server 2003; before them the names are unknown.
TEST_F(LsaTest, TheTwoLaterPrivilegesExistFromTheirServicePacksOn) {
  fixer::OsInfo& os = m_.state().products.os;
  os = {.edition = fixer::OsEdition::kWindowsXpProfessional, .service_pack = 1};
  EXPECT_EQ(lsa_.Grant(user_, "SeCreateGlobalPrivilege").code(), 1313u);
  EXPECT_EQ(lsa_.Grant(user_, "SeImpersonatePrivilege").code(), 1313u);
  EXPECT_EQ(lsa_.Revoke(user_, "SeImpersonatePrivilege").code(), 1313u);
  EXPECT_EQ(m_.faults().calls(), 0u);
  os.service_pack = 2;
  EXPECT_TRUE(lsa_.Grant(user_, "SeCreateGlobalPrivilege").ok());
  os = {.edition = fixer::OsEdition::kWindows2000Server, .service_pack = 3};
  EXPECT_EQ(lsa_.Grant(user_, "SeImpersonatePrivilege").code(), 1313u);
  os.service_pack = 4;
  EXPECT_TRUE(lsa_.Grant(user_, "SeImpersonatePrivilege").ok());
  os = {.edition = fixer::OsEdition::kWindowsServer2003, .service_pack = 0};
  EXPECT_NE(fakes::CanonicalRightOn(os, "seimpersonateprivilege"), nullptr);
  EXPECT_EQ(fakes::CanonicalRightOn(os, "SeMadeUpRight"), nullptr);
}

TEST_F(LsaTest, RevokeRemovesAndForgetsASidWithNoRightsLeft) {
  ASSERT_TRUE(lsa_.Grant(user_, "SeBatchLogonRight").ok());
  ASSERT_TRUE(lsa_.Revoke(user_, "SeBatchLogonRight").ok());
  EXPECT_TRUE(lsa_.RightsOf(user_).empty());
  EXPECT_FALSE(m_.state().lsa.rights.contains(user_));
  EXPECT_TRUE(lsa_.Revoke(user_, "SeBatchLogonRight").ok());  // not held: still fine
}

TEST_F(LsaTest, LogonAllowedThroughAGroupsRight) {
  EXPECT_TRUE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kInteractive));
  EXPECT_TRUE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kNetwork));
  EXPECT_FALSE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kBatch));
  EXPECT_FALSE(lsa_.IsLogonAllowed({user_}, LogonType::kInteractive));
}

TEST_F(LsaTest, DenyRightBeatsAllowRight) {
  ASSERT_TRUE(lsa_.Grant(user_, "SeDenyInteractiveLogonRight").ok());
  EXPECT_FALSE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kInteractive));
  EXPECT_TRUE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kNetwork));  // other types unaffected
  // A deny held by a group reaches every member, even one holding the allow right directly.
  ASSERT_TRUE(lsa_.Revoke(user_, "SeDenyInteractiveLogonRight").ok());
  ASSERT_TRUE(lsa_.Grant(user_, "SeBatchLogonRight").ok());
  ASSERT_TRUE(lsa_.Grant(Sid::Guests(), "SeDenyBatchLogonRight").ok());
  EXPECT_TRUE(lsa_.IsLogonAllowed({user_, Sid::Users()}, LogonType::kBatch));
  EXPECT_FALSE(lsa_.IsLogonAllowed({user_, Sid::Users(), Sid::Guests()}, LogonType::kBatch));
}

// Each logon type is allowed by its own right alone and denied by its own twin alone.
TEST_F(LsaTest, EachLogonTypeIsDecidedByItsOwnRightAndTwin) {
  const LogonType kTypes[] = {LogonType::kInteractive, LogonType::kNetwork, LogonType::kBatch, LogonType::kService,
                              LogonType::kRemoteInteractive};
  for (LogonType granted : kTypes) {
    fakes::Machine m{MinimalXpState()};
    fakes::Lsa lsa{m};
    ASSERT_TRUE(lsa.Grant(user_, std::string(fakes::AllowRightFor(granted))).ok());
    for (LogonType asked : kTypes) {
      EXPECT_EQ(lsa.IsLogonAllowed({user_}, asked), asked == granted) << fakes::AllowRightFor(asked);
    }
    for (LogonType denied : kTypes) {
      ASSERT_TRUE(lsa.Grant(user_, std::string(fakes::DenyRightFor(denied))).ok());
      EXPECT_EQ(lsa.IsLogonAllowed({user_}, granted), denied != granted) << fakes::DenyRightFor(denied);
      ASSERT_TRUE(lsa.Revoke(user_, std::string(fakes::DenyRightFor(denied))).ok());
    }
  }
}

TEST_F(LsaTest, SecretRoundTripsAndIsNotStoredInClear) {
  const std::string clear = "Zq9!aspnet-generated-Pw";
  ASSERT_TRUE(lsa_.StoreSecret("L$ASP.NETAutoGenKeys", Pw(clear)).ok());
  const std::string& stored = m_.state().lsa.secrets.at("L$ASP.NETAutoGenKeys");
  EXPECT_EQ(stored.find(clear), std::string::npos);
  EXPECT_EQ(stored.find("aspnet"), std::string::npos);
  EXPECT_EQ(stored.size(), clear.size() * 2);  // hex
  EXPECT_EQ(stored.find_first_not_of("0123456789abcdef"), std::string::npos);
  auto back = lsa_.RetrieveSecret("L$ASP.NETAutoGenKeys");
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(*back == Pw(clear));
  EXPECT_EQ(m_.faults().trace().at(0).target, "L$ASP.NETAutoGenKeys");  // the key, not the value
}

// The stored form is part of the machine file: these texts were written by the first
// implementation (a keystream string per call), and a machine file holding them must still give
// the same secrets back, over several 8-byte blocks of the stream and with non-ASCII bytes; stored
// hex in upper case reads back too.
TEST_F(LsaTest, SecretsKeepTheirStoredForm) {
  ASSERT_TRUE(lsa_.StoreSecret("L$ASP.NETAutoGenKeys", Pw("0123456789abcdefXYZ!")).ok());
  EXPECT_EQ(m_.state().lsa.secrets.at("L$ASP.NETAutoGenKeys"), "8b662e288a77715d5c8cb9a43adf40e9c0c22ea1");
  ASSERT_TRUE(lsa_.StoreSecret("k", Pw("v")).ok());
  EXPECT_EQ(m_.state().lsa.secrets.at("k"), "d0");
  fakes::Machine other(MinimalXpState(42));
  fakes::Lsa other_lsa(other);
  ASSERT_TRUE(other_lsa.StoreSecret("ASPNET_WP_PASSWORD", Pw("\xC3\xA9t\xC3\xA9 pass")).ok());
  EXPECT_EQ(other.state().lsa.secrets.at("ASPNET_WP_PASSWORD"), "85b9c92e073855963d05");

  other.state().lsa.secrets["ASPNET_WP_PASSWORD"] = "85B9C92E073855963D05";
  auto back = other_lsa.RetrieveSecret("ASPNET_WP_PASSWORD");
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(*back == Pw("\xC3\xA9t\xC3\xA9 pass"));
  m_.state().lsa.secrets["L$ASP.NETAutoGenKeys"] = "8b662e288a77715d5c8cb9a43adf40e9c0c22ea1";
  EXPECT_TRUE(*lsa_.RetrieveSecret("L$ASP.NETAutoGenKeys") == Pw("0123456789abcdefXYZ!"));
  m_.state().lsa.secrets["e"] = "";
  EXPECT_TRUE(*lsa_.RetrieveSecret("e") == Pw(""));
}

TEST_F(LsaTest, SameValueUnderTwoKeysOrTwoMachinesStoresDifferently) {
  ASSERT_TRUE(lsa_.StoreSecret("A", Pw("same value")).ok());
  ASSERT_TRUE(lsa_.StoreSecret("B", Pw("same value")).ok());
  EXPECT_NE(m_.state().lsa.secrets.at("A"), m_.state().lsa.secrets.at("B"));
  fakes::Machine other(MinimalXpState(99));
  ASSERT_TRUE(fakes::Lsa(other).StoreSecret("A", Pw("same value")).ok());
  EXPECT_NE(other.state().lsa.secrets.at("A"), m_.state().lsa.secrets.at("A"));
}

TEST_F(LsaTest, MissingSecretIs2AndEraseRemovesIt) {
  const auto missing = lsa_.RetrieveSecret("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), 2u);
  EXPECT_EQ(missing.status().message(), "The system cannot find the file specified.");
  EXPECT_EQ(lsa_.EraseSecret("nope").code(), 2u);
  ASSERT_TRUE(lsa_.StoreSecret("k", Pw("v")).ok());
  ASSERT_TRUE(lsa_.EraseSecret("k").ok());
  EXPECT_EQ(lsa_.RetrieveSecret("k").status().code(), 2u);
}

// A secret's name is a registry key's (HKLM\SECURITY\Policy\Secrets\NAME), compared without case:
// storing ASPNET_WP_PASSWORD made a second secret beside aspnet_WP_PASSWORD, which the worker kept
// reading. One secret, kept under its first spelling; read and erased by any.
TEST_F(LsaTest, SecretNamesAreComparedWithoutCase) {
  ASSERT_TRUE(lsa_.StoreSecret("aspnet_WP_PASSWORD", Pw("first")).ok());
  ASSERT_TRUE(lsa_.StoreSecret("ASPNET_WP_PASSWORD", Pw("second")).ok());
  EXPECT_EQ(m_.state().lsa.secrets.size(), 1u);
  EXPECT_TRUE(m_.state().lsa.secrets.contains("aspnet_WP_PASSWORD"));
  EXPECT_EQ(lsa_.RetrieveSecret("Aspnet_Wp_Password")->Reveal(), "second");
  ASSERT_TRUE(lsa_.EraseSecret("ASPNET_wp_password").ok());
  EXPECT_TRUE(m_.state().lsa.secrets.empty());
}

TEST_F(LsaTest, CorruptStoredSecretIsInvalidData) {
  m_.state().lsa.secrets["k"] = "zz";
  EXPECT_EQ(lsa_.RetrieveSecret("k").status().code(), 13u);
  m_.state().lsa.secrets["k"] = "abc";
  EXPECT_EQ(lsa_.RetrieveSecret("k").status().code(), 13u);
  m_.state().lsa.secrets["k"] = "d0d0d0g0";  // a bad digit past the first byte
  EXPECT_EQ(lsa_.RetrieveSecret("k").status().code(), 13u);
}

TEST_F(LsaTest, InjectedFaultLeavesStateUnchanged) {
  ASSERT_TRUE(lsa_.StoreSecret("k", Pw("v")).ok());
  ASSERT_TRUE(lsa_.Grant(user_, "SeBatchLogonRight").ok());
  for (const char* op : {"lsa.grant", "lsa.revoke", "lsa.store_secret", "lsa.erase_secret"}) {
    fakes::FaultPlan plan;
    plan.Add({.op = op, .nth = 1, .kind = fakes::FaultKind::kFail, .error = 1450});
    m_.set_faults(plan);
    const fakes::MachineState before = m_.state();
    const std::string o = op;
    fixer::Status st;
    if (o == "lsa.grant") st = lsa_.Grant(user_, "SeServiceLogonRight");
    if (o == "lsa.revoke") st = lsa_.Revoke(user_, "SeBatchLogonRight");
    if (o == "lsa.store_secret") st = lsa_.StoreSecret("k", Pw("new"));
    if (o == "lsa.erase_secret") st = lsa_.EraseSecret("k");
    EXPECT_EQ(st.code(), 1450u) << op;
    EXPECT_TRUE(m_.state() == before) << op;
  }
}

}  // namespace
}  // namespace fakes_test
