// net's check of a command's switches (ValidateSwitches, sw_compare): a switch's first letters
// are that switch, letters that begin two are 3507, a value where none belongs (or none where one
// is needed) is 3505, and the grammar counts a switch given twice as two
// (docs/windows-reference.md#net-unknown-option).
#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetSwitches : public LegacyFixture {
 protected:
  const fakes::UserAccount* User(const std::string& name) { return fakes::Sam(machine).FindUser(name); }
  bool InGroup(const std::string& group, const std::string& user) {
    fakes::Sam sam(machine);
    const fakes::LocalGroup* g = sam.FindGroup(group);
    auto sid = sam.LookupName(user);
    return g && sid.ok() && g->members.Contains(*sid);
  }
  // The syntax message and the NET HELPMSG line of `message` follow `first`, all on standard error.
  void ExpectRefused(const std::string& first, const std::string& usage_head, int message) {
    EXPECT_EQ(Out().rfind(first + "\n\nThe syntax of this command is:\n\n\n" + usage_head + "\n", 0), 0u) << Out();
    const std::string more = "\n\nMore help is available by typing NET HELPMSG " + std::to_string(message) + ".\n\n";
    EXPECT_TRUE(Out().ends_with(more)) << Out();
  }
};

TEST_F(NetSwitches, TheFirstLettersOfASwitchAreThatSwitch) {
  EXPECT_EQ(Run("net user ASPNET /act:no"), 0) << Out();
  EXPECT_EQ(Out(), "The command completed successfully.\n\n");
  EXPECT_TRUE(User("ASPNET")->flags.disabled);
  EXPECT_EQ(Run("net user ASPNET /AC"), 0) << Out();  // /ACTIVE without a value: Yes
  EXPECT_FALSE(User("ASPNET")->flags.disabled);
  EXPECT_EQ(Run("net user ASPNET /fu:\"ASP.NET worker\""), 0) << Out();
  EXPECT_EQ(User("ASPNET")->full_name, "ASP.NET worker");
  EXPECT_EQ(Run("net user ASPNET /de"), 0) << Out();
  EXPECT_EQ(User("ASPNET"), nullptr);
  EXPECT_EQ(Run("net user bob B0b-pass /ad"), 0) << Out();
  EXPECT_NE(User("bob"), nullptr);
  // net localgroup's table has /ADD alone under "/A".
  EXPECT_EQ(Run("net localgroup Administrators bob /a"), 0) << Out();
  EXPECT_TRUE(InGroup("Administrators", "bob"));
}

// /REMARK is read as /COMMENT (the table's translation).
TEST_F(NetSwitches, RemarkIsComment) {
  EXPECT_EQ(Run("net user ASPNET /remark:\"the worker\""), 0) << Out();
  EXPECT_EQ(User("ASPNET")->comment, "the worker");
  EXPECT_EQ(Run("net user ASPNET /rem:again"), 0) << Out();
  EXPECT_EQ(User("ASPNET")->comment, "again");
}

TEST_F(NetSwitches, LettersThatBeginTwoSwitchesAre3507) {
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net user ASPNET /d"), 1);
  ExpectRefused("Option /D is ambiguous.", "NET USER", 3507);  // /DELETE, /DOMAIN
  EXPECT_EQ(Run("net user ASPNET /a:no"), 1);
  ExpectRefused("Option /A:no is ambiguous.", "NET USER", 3507);  // /ADD, /ACTIVE; the value as typed
  // net user's table lists /COMMENT twice: its first letters begin two rows, the whole name one.
  EXPECT_EQ(Run("net user ASPNET /comm:x"), 1);
  ExpectRefused("Option /COMM:x is ambiguous.", "NET USER", 3507);
  EXPECT_EQ(Run("net localgroup Users /d"), 1);
  ExpectRefused("Option /D is ambiguous.", "NET LOCALGROUP", 3507);
  EXPECT_EQ(machine.state(), before);
  EXPECT_EQ(Run("net user ASPNET /comment:x"), 0) << Out();
  EXPECT_EQ(User("ASPNET")->comment, "x");
}

TEST_F(NetSwitches, AValueWhereNoneBelongsOrNoneWhereOneIsNeededIs3505) {
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net user ASPNET /fullname"), 1);
  ExpectRefused("You used an option with an invalid value.", "NET USER", 3505);
  EXPECT_EQ(Run("net user ASPNET /delete:yes"), 1);
  ExpectRefused("You used an option with an invalid value.", "NET USER", 3505);
  EXPECT_EQ(Run("net localgroup Users ASPNET /del:x"), 1);
  ExpectRefused("You used an option with an invalid value.", "NET LOCALGROUP", 3505);
  EXPECT_EQ(machine.state(), before);
}

// The switches are checked in their order: the first that fails is the one named.
TEST_F(NetSwitches, TheFirstSwitchThatFailsIsNamed) {
  EXPECT_EQ(Run("net user ASPNET /bogus /d"), 1);
  ExpectRefused("The option /BOGUS is unknown.", "NET USER", 3506);
  EXPECT_EQ(Run("net user ASPNET /d /bogus"), 1);
  ExpectRefused("Option /D is ambiguous.", "NET USER", 3507);
  // "/" alone names nothing (fewer than two characters).
  EXPECT_EQ(Run("net user ASPNET /"), 1);
  ExpectRefused("The option / is unknown.", "NET USER", 3506);
  // Letters longer than every switch they begin name none.
  EXPECT_EQ(Run("net user ASPNET /activex"), 1);
  ExpectRefused("The option /ACTIVEX is unknown.", "NET USER", 3506);
}

// The grammar counts switches: /DELETE takes no other, itself twice included, and a group's
// members take /ADD or /DELETE once. /ADD twice on net user is read twice and adds the account.
TEST_F(NetSwitches, ASwitchGivenTwiceIsTwoSwitches) {
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net user ASPNET /delete /delete"), 1);
  EXPECT_EQ(Out().rfind("The syntax of this command is:", 0), 0u) << Out();
  EXPECT_EQ(Out().find("HELPMSG"), std::string::npos) << Out();
  EXPECT_EQ(Run("net user ASPNET /delete /active:no"), 1);
  EXPECT_EQ(Run("net localgroup Administrators ASPNET /add /add"), 1);
  EXPECT_EQ(Out().rfind("The syntax of this command is:\n\n\nNET LOCALGROUP\n", 0), 0u) << Out();
  EXPECT_EQ(Run("net localgroup Users ASPNET /delete /comment:x"), 1);
  EXPECT_EQ(machine.state(), before);
  EXPECT_EQ(Run("net user bob B0b-pass /add /add"), 0) << Out();
  EXPECT_NE(User("bob"), nullptr);
  // A value switch given twice: the last is the one kept, as user_munge reads them in turn.
  EXPECT_EQ(Run("net user bob /active:no /active:yes"), 0) << Out();
  EXPECT_FALSE(User("bob")->flags.disabled);
}

}  // namespace
}  // namespace legacy_test
