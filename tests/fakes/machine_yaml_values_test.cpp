// Values Windows never had are input errors at their place in a machine file: a service pack
// past its edition's last (docs/windows-reference.md, "Service packs"), in the short and the full
// form; a clock that looks like a date but is none is said to be a bad time, not a bad number;
// and a right's name, which LSA compares without case, is kept in its one spelling, and one the
// service pack lacks is refused; a saved
// machine whose next RID is one in use (the SAM would give it twice) is refused at that RID; a new
// local group's name Windows would refuse is refused at that name.
#include <regex>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/fresh_install.h"
#include "fakes/lsa.h"
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"

namespace {

struct LastServicePack {
  const char* os;
  int last;
};

constexpr LastServicePack kLast[] = {{"windows-2000-professional", 4},
                                     {"windows-2000-server", 4},
                                     {"windows-xp-home", 3},
                                     {"windows-xp-professional", 3},
                                     {"windows-server-2003", 2}};

TEST(MachineYamlValues, AServicePackPastTheEditionsLastIsRejectedAtItsPlace) {
  for (const LastServicePack& e : kLast) {
    for (const char* base : {"", "base: empty\n"}) {
      const std::string head = std::string(base) + "os: " + e.os + "\nservice_pack: ";
      const auto last = fakes::LoadMachineText(head + std::to_string(e.last) + "\n", "m.yaml");
      ASSERT_TRUE(last.ok()) << e.os << ": " << last.error->ToString();
      EXPECT_EQ(last.value->products.os.service_pack, e.last);
      const auto past = fakes::LoadMachineText(head + std::to_string(e.last + 1) + "\n", "m.yaml");
      ASSERT_FALSE(past.ok()) << e.os << " SP" << e.last + 1 << " loaded";
      EXPECT_EQ(past.error->line, base[0] == '\0' ? 2 : 3) << past.error->ToString();
      EXPECT_NE(past.error->message.find("from 0 to " + std::to_string(e.last)), std::string::npos)
          << past.error->ToString();
    }
  }
}

TEST(MachineYamlValues, ABadDateIsABadTimeNotABadNumber) {
  const auto bad = fakes::LoadMachineText("os: windows-xp-professional\nclock: 2003-13-45T00:00:00Z\n", "m.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error->line, 2);
  EXPECT_NE(bad.error->message.find("a UTC time like 2003-08-22T00:00:00Z"), std::string::npos)
      << bad.error->ToString();
  for (const char* good : {"clock: 1061510400\n", "clock: -5\n", "clock: 2003-08-22T00:00:00Z\n"}) {
    const auto loaded = fakes::LoadMachineText(std::string("os: windows-xp-professional\n") + good, "m.yaml");
    EXPECT_TRUE(loaded.ok()) << good << loaded.error->ToString();
  }
}

// LSA names rights without regard to case [docs/windows-reference.md#user-rights]: a file that
// writes `sebatchlogonright` grants the right a batch logon asks for, in either form of the file.
TEST(MachineYamlValues, ARightWrittenInAnyCaseIsThatRight) {
  for (const char* base : {"", "base: empty\n"}) {
    const auto loaded = fakes::LoadMachineText(
        std::string(base) +
            "os: windows-xp-professional\nrights:\n  S-1-5-32-545: [sebatchlogonright, SEBATCHLOGONRIGHT]\n",
        "m.yaml");
    ASSERT_TRUE(loaded.ok()) << base << loaded.error->ToString();
    const auto held = loaded.value->lsa.rights.find(fixer::Sid::Users());
    ASSERT_NE(held, loaded.value->lsa.rights.end()) << base;
    EXPECT_EQ(held->second, fakes::RightSet{"SeBatchLogonRight"}) << base;
    EXPECT_TRUE(fakes::LogonAllowedIn(*loaded.value, {fixer::Sid::Users()}, fakes::LogonType::kBatch)) << base;
  }
}

// A privilege younger than the machine's service pack (KB 821546) is an input error at its name;
// from that service pack on it loads (a capture of an XP SP2 machine holds it).
// A refusal that stands for a Windows error gives its number with Windows' text, never the number
// alone: an unknown right (1313), a member of no local group (2220), a record naming no account (2221).
TEST(MachineYamlValues, ARefusalGivesTheWindowsErrorWithItsText) {
  const auto right = fakes::LoadMachineText("frameworks: [1.0]\nrights:\n  ASPNET: [SeBogusRight]\n", "r.yaml");
  ASSERT_FALSE(right.ok());
  EXPECT_EQ(right.error->message,
            "rights.ASPNET[1]: unknown right 'SeBogusRight' (1313: A specified privilege does not exist.)");
  const auto group = fakes::LoadMachineText("accounts:\n  bob: {password: x, groups: [Nobody]}\n", "g.yaml");
  ASSERT_FALSE(group.ok());
  EXPECT_NE(group.error->message.find("(2220: The group name could not be found.)"), std::string::npos)
      << group.error->ToString();
}

// One metabase node has one spelling: names compare without case, and a trailing '/', an empty
// name or a '\\' is refused at the path (choice-application-path), never a second application.
TEST(MachineYamlValues, AnApplicationPathHasOneSpelling) {
  const std::string head = "frameworks: [1.0]\napplications:\n  - path: /LM/W3SVC/1/ROOT/a\n  - path: ";
  for (const char* path :
       {"/LM/W3SVC/1/ROOT/b/", "/LM/W3SVC/1/ROOT//b", "LM/W3SVC/1/ROOT/b", "'/LM/W3SVC/1/ROOT\\b'"}) {
    const auto loaded = fakes::LoadMachineText(head + path + "\n", "k.yaml");
    ASSERT_FALSE(loaded.ok()) << path;
    EXPECT_EQ(loaded.error->line, 4) << path;
    EXPECT_EQ(loaded.error->column, 11) << path;
    EXPECT_THAT(loaded.error->message, testing::StartsWith("applications[2].path: application path '")) << path;
  }
  const auto twice = fakes::LoadMachineText(head + "/lm/w3svc/1/root/A\n", "k.yaml");
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.error->message, testing::HasSubstr("is listed twice"));
  EXPECT_TRUE(fakes::LoadMachineText(head + "/LM/W3SVC/1/ROOT/b\n", "k.yaml").ok());
}

TEST(MachineYamlValues, APrivilegeTheServicePackLacksIsRefusedAtItsName) {
  for (const char* base : {"", "base: empty\n"}) {
    const std::string rights = "rights:\n  S-1-5-32-544: [SeCreateGlobalPrivilege]\n";
    const std::string head = std::string(base) + "os: windows-xp-professional\nservice_pack: ";
    const auto sp1 = fakes::LoadMachineText(head + "1\n" + rights, "m.yaml");
    ASSERT_FALSE(sp1.ok()) << base;
    EXPECT_EQ(sp1.error->line, base[0] == '\0' ? 4 : 5) << sp1.error->ToString();
    EXPECT_NE(sp1.error->message.find(
                  "does not exist on Windows XP Professional SP1 (1313: A specified privilege does not exist.)"),
              std::string::npos)
        << sp1.error->ToString();
    const auto sp2 = fakes::LoadMachineText(head + "2\n" + rights, "m.yaml");
    EXPECT_TRUE(sp2.ok()) << base << sp2.error->ToString();
  }
}

// A time past what Windows keeps (FILETIME: 1601 to the year 30828) overflowed when a policy's
// days were added to it (undefined behaviour; a password read as expired): an input error now.
TEST(MachineYamlValues, ATimeWindowsCannotKeepIsRefusedAtItsPlace) {
  const std::string head = "os: windows-xp-professional\n";
  for (const std::string bad : {"clock: 9223372036854775807\n", "clock: -11644473601\n", "clock: 0001-01-01\n",
                                "accounts:\n  bob: {password_last_set: 9223372036854775000}\n",
                                // past an int64 too: said as a time, not as "expected an integer"
                                "clock: 18446744073709551615\n", "clock: -99999999999999999999\n",
                                "accounts:\n  bob: {locked_out_at: 99999999999999999999}\n"}) {
    const auto loaded = fakes::LoadMachineText(head + bad, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << bad;
    EXPECT_NE(loaded.error->message.find("the year 30828"), std::string::npos) << loaded.error->ToString();
  }
  EXPECT_TRUE(fakes::LoadMachineText(head + "clock: 910692730085\n", "m.yaml").ok());
  // An integer that is no time says the range it may take.
  const auto huge = fakes::LoadMachineText(
      head + "events:\n  - {source: S, id: 1, type: error, text: t, time: 99999999999999999999}\n", "m.yaml");
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error->message.find("expected an integer from -9223372036854775808 to 9223372036854775807"),
            std::string::npos)
      << huge.error->ToString();
}

// A saved machine with next_rid at or below a RID in use loaded, and `recreate` then gave the new
// ASPNET that account's SID (exit 0), leaving a file that no longer loaded (two accounts, one RID).
TEST(MachineYamlValues, ANextRidThatWouldGiveARidAgainIsRefused) {
  fakes::Machine machine(fakes::FreshInstall(fakes::InstallOptions{}));
  ASSERT_TRUE(fakes::Sam(machine).CreateUser({.name = "alice"}, fixer::Secret::FromString("Alice-Passw0rd")).ok());
  const std::string saved = fakes::MachineToText(machine.state());
  const uint32_t alice = fakes::Sam(machine).FindUser("alice")->rid;
  ASSERT_TRUE(fakes::LoadMachineText(saved, "m.yaml").ok());
  for (const uint32_t next : {alice, alice - 1}) {
    const std::string edited =
        std::regex_replace(saved, std::regex("next_rid: [0-9]+"), "next_rid: " + std::to_string(next));
    const auto loaded = fakes::LoadMachineText(edited, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << next;
    // At the first account (in the file's order) whose RID the SAM would give again.
    EXPECT_NE(loaded.error->message.find(" is not below next_rid (" + std::to_string(next) + ")"), std::string::npos)
        << loaded.error->ToString();
  }
}

// A new local group is made as NetLocalGroupAdd makes one: a name the account name rules refuse
// (LOCALGROUP_INFO_0 remarks: up to 256 characters, none of " / \ [ ] : | < > + = ; ? * , nor a
// final period) is 2202, a user's or a well-known principal's name 2224, each at the group's name
// (docs/windows-reference.md#local-groups).
TEST(MachineYamlValues, ALocalGroupNameWindowsRefusesIsAnErrorAtItsName) {
  const std::string head = "os: windows-xp-professional\ngroups:\n  ";
  const std::string long_name(256, 'g');
  const auto fine = fakes::LoadMachineText(head + long_name + ": {comment: x}\n", "m.yaml");
  ASSERT_TRUE(fine.ok()) << fine.error->ToString();
  struct Refused {
    std::string name;
    std::string code;
  };
  for (const Refused& r : {Refused{"\"a/b\"", "2202"}, Refused{"trail.", "2202"}, Refused{long_name + "g", "2202"},
                           Refused{"Administrator", "2224"}, Refused{"SYSTEM", "2224"}, Refused{"XPPRO", "2224"}}) {
    const auto loaded = fakes::LoadMachineText(head + r.name + ": {comment: x}\n", "m.yaml");
    ASSERT_FALSE(loaded.ok()) << r.name;
    EXPECT_EQ(loaded.error->line, 3) << loaded.error->ToString();
    EXPECT_NE(loaded.error->message.find(r.code), std::string::npos) << loaded.error->ToString();
  }
}

// docs/machine-format.md: an account's last logon is optional, loaded as seconds since 1970,
// saved once set and read back the same; an account that never logged on saves no such key.
TEST(MachineYamlValues, ALastLogonLoadsSavesAndReadsBack) {
  const auto loaded = fakes::LoadMachineText(
      "os: windows-xp-professional\naccounts:\n  bob: {password: 'Tulip#2003pass', last_logon: 1061559900}\n",
      "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_EQ(fakes::FindUserIn(*loaded.value, "bob")->last_logon, 1061510400 + 13 * 3600 + 45 * 60);
  EXPECT_EQ(fakes::FindUserIn(*loaded.value, "Administrator")->last_logon, 0);
  const std::string saved = fakes::MachineToText(*loaded.value);
  EXPECT_NE(saved.find("last_logon: 1061559900"), std::string::npos) << saved;
  EXPECT_EQ(saved.find("last_logon: 0"), std::string::npos) << saved;
  const auto again = fakes::LoadMachineText(saved, "m.yaml");
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  EXPECT_EQ(*again.value, *loaded.value);
}

}  // namespace
