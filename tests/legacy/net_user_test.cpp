// net user: output and errorlevel against docs/windows-reference.md#net-commands.
#include "fakes/commands.h"
#include "fakes/logon.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetUser : public LegacyFixture {};

TEST_F(NetUser, DeleteExisting) {
  EXPECT_EQ(Run("net user ASPNET /delete"), 0);
  EXPECT_EQ(Out(), "The command completed successfully.\n\n");
  EXPECT_EQ(fakes::Sam(machine).FindUser("ASPNET"), nullptr);
}

TEST_F(NetUser, DeleteMissingIs2221) {
  EXPECT_EQ(Run("net user NOBODY /delete"), 2);
  EXPECT_EQ(Out(), "The user name could not be found.\n\nMore help is available by typing NET HELPMSG 2221.\n\n");
}

// A built-in account (RID below 1000) is refused by the SAM with STATUS_SPECIAL_ACCOUNT, which net
// prints as the Win32 error 1371; the account stays (docs/windows-reference.md#sids).
TEST_F(NetUser, DeletingABuiltInAccountIsSystemError1371) {
  machine.state().sam.users.push_back({.rid = 503, .name = "Builtin503"});
  for (const char* name : {"Administrator", "guest", "BUILTIN503"}) {
    EXPECT_EQ(Run(std::string("net user ") + name + " /delete"), 2) << name;
    EXPECT_EQ(Out(), "System error 1371 has occurred.\n\nCannot perform this operation on built-in accounts.\n\n")
        << name;
    EXPECT_NE(fakes::Sam(machine).FindUser(name), nullptr) << name;
  }
}

TEST_F(NetUser, AddExistingIs2224) {
  EXPECT_EQ(Run("net user ASPNET 1pass@word /add"), 2);
  EXPECT_EQ(Out(), "The account already exists.\n\nMore help is available by typing NET HELPMSG 2224.\n\n");
}

// The SAM answers by what holds the name: a local group is ERROR_ALIAS_EXISTS, which net prints as
// a system error; a well-known principal or the computer's name is NERR_UserExists
// (docs/windows-reference.md#account-names-taken). Nothing is created.
TEST_F(NetUser, AddOfAGroupsNameIsSystemError1379AndOfAPrincipals2224) {
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net user Administrators Adm1n-Passw0rd /add"), 2);
  EXPECT_EQ(Out(), "System error 1379 has occurred.\n\nThe specified local group already exists.\n\n");
  for (const char* name : {"SYSTEM", "everyone", "XPPRO"}) {
    EXPECT_EQ(Run(std::string("net user ") + name + " Some-Passw0rd /add"), 2) << name;
    EXPECT_EQ(Out(), "The account already exists.\n\nMore help is available by typing NET HELPMSG 2224.\n\n") << name;
  }
  EXPECT_EQ(machine.state(), before);
}

// None, the account domain's global group on a machine outside a domain, holds its name as a
// group: NERR_GroupExists, a net message (docs/windows-reference.md#account-names-taken).
TEST_F(NetUser, AddOfTheGlobalGroupNonesNameIs2223) {
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net user None Some-Passw0rd /add"), 2);
  EXPECT_EQ(Out(), "The group already exists.\n\nMore help is available by typing NET HELPMSG 2223.\n\n");
  EXPECT_EQ(machine.state(), before);
}

TEST_F(NetUser, AddNewGetsNextRidAndJoinsUsers) {
  Run("net user ASPNET /delete");
  const uint32_t next = machine.state().sam.next_rid;
  EXPECT_EQ(Run("net user ASPNET 1pass@word /add"), 0);
  EXPECT_EQ(Out(), "The command completed successfully.\n\n");
  const fakes::UserAccount* u = fakes::Sam(machine).FindUser("ASPNET");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->rid, next);
  EXPECT_EQ(u->full_name, "");
}

TEST_F(NetUser, PolicyRejectionIs2245) {
  machine.state().lsa.password_policy.complexity = true;
  machine.state().lsa.password_policy.min_length = 12;
  Run("net user ASPNET /delete");
  const uint32_t next = machine.state().sam.next_rid;
  EXPECT_EQ(Run("net user ASPNET 1pass@word /add"), 2);
  EXPECT_EQ(Out(),
            "The password does not meet the password policy requirements. Check the minimum password length, "
            "password complexity and password history requirements.\n\nMore help is available by typing NET "
            "HELPMSG 2245.\n\n");
  EXPECT_EQ(fakes::Sam(machine).FindUser("ASPNET"), nullptr);
  // The refused create used its RID (docs/windows-reference.md#sids): the next account gets the one after.
  EXPECT_EQ(Run("net user ASPNET Long-Enough-Passw0rd /add /y"), 0);  // /y: longer than 14, net asks
  EXPECT_EQ(fakes::Sam(machine).FindUser("ASPNET")->rid, next + 1);
}

// docs/windows-reference.md#last-logon: a successful logon sets the account's last logon to the
// clock, which net user prints as the other times; a wrong password sets nothing.
TEST_F(NetUser, LastLogonIsTheLastSuccessfulLogon) {
  machine.state().clock = 1061510400 + 13 * 3600 + 5 * 60;  // 8/22/2003 1:05 PM
  EXPECT_EQ(Run("net user carol Tulip-2003 /add"), 0);
  fakes::LogonService logon(machine);
  EXPECT_FALSE(logon.LogonUser("carol", fixer::Secret::FromString("wrong"), fakes::LogonType::kInteractive).ok());
  EXPECT_EQ(Run("net user carol"), 0);
  EXPECT_NE(Out().find("Last logon                   Never\n"), std::string::npos) << Out();
  ASSERT_TRUE(logon.LogonUser("carol", fixer::Secret::FromString("Tulip-2003"), fakes::LogonType::kNetwork).ok());
  EXPECT_EQ(fakes::Sam(machine).FindUser("carol")->last_logon, machine.state().clock);
  EXPECT_EQ(Run("net user carol"), 0);
  EXPECT_NE(Out().find("Last logon                   8/22/2003 1:05 PM\n"), std::string::npos) << Out();
}

TEST_F(NetUser, ChangePassword) {
  EXPECT_EQ(Run("net user ASPNET N3w-Passw0rd"), 0);
  EXPECT_EQ(Run("net user GHOST N3w-Passw0rd"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 2221"), std::string::npos);
}

// docs/windows-reference.md#net-commands: XP's fields, in XP's order, with the bare names of the
// local groups (ReactOS net's DisplayUser), each in a 22-column cell, two to a row (print_aliases).
TEST_F(NetUser, ShowPrintsXpsFields) {
  machine.state().clock = 1061510400;  // 2003-08-22 00:00 UTC
  EXPECT_EQ(Run("net user carol Tulip-2003 /add /fullname:\"Carol Jones\""), 0);
  fakes::UserAccount* carol = fakes::Sam(machine).FindUser("carol");
  ASSERT_NE(carol, nullptr);
  carol->password_last_set = 1061510400 + 13 * 3600 + 5 * 60;  // 1:05 PM
  machine.state().lsa.password_policy.max_age_days = 42;
  machine.state().lsa.password_policy.min_age_days = 1;
  EXPECT_EQ(Run("net user carol"), 0);
  EXPECT_EQ(Out(),
            "User name                    carol\n"
            "Full Name                    Carol Jones\n"
            "Comment                      \n"
            "User's comment               \n"
            "Country code                 000 (System Default)\n"
            "Account active               Yes\n"
            "Account expires              Never\n"
            "\n"
            "Password last set            8/22/2003 1:05 PM\n"
            "Password expires             10/3/2003 1:05 PM\n"
            "Password changeable          8/23/2003 1:05 PM\n"
            "Password required            Yes\n"
            "User may change password     Yes\n"
            "\n"
            "Workstations allowed         All\n"
            "Logon script                 \n"
            "User profile                 \n"
            "Home directory               \n"
            "Last logon                   Never\n"
            "\n"
            "Logon hours allowed          All\n"
            "\n"
            "Local Group Memberships      *Users                \n"
            "Global Group memberships     *None                 \n"
            "The command completed successfully.\n\n");
  // Two groups: one row; "password never expires" shows as Never; a lockout as Locked.
  ASSERT_TRUE(fakes::Sam(machine).AddMember("Administrators", fakes::Sam(machine).SidOf(*carol)).ok());
  carol->flags.password_never_expires = true;
  carol->flags.locked_out = true;
  carol->locked_out_at = machine.state().clock;
  machine.state().lsa.lockout.duration_minutes = 0;
  EXPECT_EQ(Run("net user carol"), 0);
  EXPECT_NE(Out().find("Account active               Locked\n"), std::string::npos) << Out();
  EXPECT_NE(Out().find("Password expires             Never\n"), std::string::npos) << Out();
  EXPECT_NE(Out().find("Local Group Memberships      *Administrators       *Users                \n"),
            std::string::npos)
      << Out();
}

// docs/windows-reference.md#net-commands: "Account active" is No for a disabled account, also
// when it is locked out too (ReactOS net's DisplayUser tests UF_ACCOUNTDISABLE before
// UF_LOCKOUT); "Password expires" is Never when the policy has no maximum age.
TEST_F(NetUser, ShowSaysNoForADisabledAccountAndNeverWithoutAMaximumAge) {
  fakes::UserAccount* u = fakes::Sam(machine).FindUser("ASPNET");
  ASSERT_NE(u, nullptr);
  u->flags.password_never_expires = false;
  machine.state().lsa.password_policy.max_age_days = 42;
  EXPECT_EQ(Run("net user ASPNET /active:no"), 0);
  EXPECT_EQ(Run("net user ASPNET"), 0);
  EXPECT_NE(Out().find("Account active               No\n"), std::string::npos) << Out();
  EXPECT_EQ(Out().find("Password expires             Never\n"), std::string::npos) << Out();
  u->flags.locked_out = true;
  u->locked_out_at = machine.state().clock;
  machine.state().lsa.lockout.duration_minutes = 0;
  EXPECT_EQ(Run("net user ASPNET"), 0);
  EXPECT_NE(Out().find("Account active               No\n"), std::string::npos) << Out();
  machine.state().lsa.password_policy.max_age_days = 0;
  EXPECT_EQ(Run("net user ASPNET"), 0);
  EXPECT_NE(Out().find("Password expires             Never\n"), std::string::npos) << Out();
}

TEST_F(NetUser, NotAnAdministratorIsSystemError5) {
  Run("net user bob Bob-Passw0rd /add");
  machine.state().session.caller = "bob";
  EXPECT_EQ(Run("net user ASPNET /delete"), 2);
  EXPECT_EQ(Out(), "System error 5 has occurred.\n\nAccess is denied.\n\n");
}

TEST_F(NetUser, BadSyntaxIsErrorlevel1) {
  EXPECT_EQ(Run("net user ASPNET /add /delete"), 1);
  EXPECT_EQ(Out().rfind("The syntax of this command is:", 0), 0u);
}

// docs/windows-reference.md#net-unknown-option: the option named first, NET HELPMSG 3506 last.
TEST_F(NetUser, AnUnknownOptionIsNamedThenTheSyntax) {
  EXPECT_EQ(Run("net user ASPNET /bogus:x"), 1);
  EXPECT_EQ(Out().rfind("The option /BOGUS:x is unknown.\n\nThe syntax of this command is:\n\n\nNET USER\n", 0), 0u)
      << Out();
  EXPECT_NE(Out().find("\n\nMore help is available by typing NET HELPMSG 3506.\n\n"), std::string::npos) << Out();
}

TEST_F(NetUser, ShowAndList) {
  EXPECT_EQ(Run("net user ASPNET"), 0);
  EXPECT_NE(Out().find("User name                    ASPNET\n"), std::string::npos);
  EXPECT_EQ(Run("net user"), 0);
  EXPECT_NE(Out().find("User accounts for \\\\XPPRO"), std::string::npos);
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

class NetUserStar : public LegacyFixture {};

TEST_F(NetUserStar, StarPromptsTwiceWithoutEcho) {
  Answer("Typed-Passw0rd");
  EXPECT_EQ(Run("net user ASPNET *"), 0);
  EXPECT_EQ(Out(),
            "Type a password for the user: \nRetype the password to confirm: \n"
            "The command completed successfully.\n\n");
}

TEST_F(NetUserStar, ClosedInputDoesNotMatch) {
  EXPECT_EQ(Run("net user ASPNET *"), 2);
  EXPECT_NE(Out().find("The passwords do not match."), std::string::npos);
}

// What a report shows of a command line: net's password word masked however it was written,
// and any password a command took masked wherever it appears in the line.
TEST(MaskedCommandLine, HidesThePasswordNetReadsAndEveryTypedSecret) {
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob S3cret /add"), "net user bob ******** /add");
  EXPECT_EQ(fakes::MaskedCommandLine("net user /ADD bob S3cret"), "net user /ADD bob ********");
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob /add S3cret"), "net user bob /add ********");
  EXPECT_EQ(fakes::MaskedCommandLine("NET.EXE USERS bob S3cret"), "NET.EXE USERS bob ********");
  EXPECT_EQ(fakes::MaskedCommandLine("C:\\WINDOWS\\system32\\net1 user bob S3cret"),
            "C:\\WINDOWS\\system32\\net1 user bob ********");
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob \"two words\" /active:yes"), "net user bob ******** /active:yes");
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob *"), "net user bob *");  // a prompt: nothing typed
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob /delete"), "net user bob /delete");
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob S3cret >nul"), "net user bob ******** >nul");
  EXPECT_EQ(fakes::MaskedCommandLine("net localgroup Users bob /add"), "net localgroup Users bob /add");
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob S3cret&&echo S3cret", {"S3cret"}), "net user bob ******** ********");
  EXPECT_EQ(fakes::MaskedCommandLine("echo S3cret and S3cret", {"S3cret"}), "echo ******** and ********");
}

// The rest of the line is kept byte for byte: its spacing, and a mask's text it held already.
// A typed secret is masked where it stands as a word, not inside the words that hold its letters.
TEST(MaskedCommandLine, MasksATypedSecretAsAWordOnly) {
  EXPECT_EQ(fakes::MaskedCommandLine("net user bob", {"e"}), "net user bob");
  EXPECT_EQ(fakes::MaskedCommandLine("echo hello there", {"e"}), "echo hello there");
  EXPECT_EQ(fakes::MaskedCommandLine("echo e,e \"e\" PW=e e&&echo e", {"e"}),
            "echo ********,******** \"********\" PW=******** ********&&echo ********");
  EXPECT_EQ(fakes::MaskedCommandLine("net localgroup", {"a", "b", "c"}), "net localgroup");
  EXPECT_EQ(fakes::MaskedCommandLine("echo Passw0rd!, (Passw0rd!)", {"Passw0rd!"}), "echo ********, (********)");
  EXPECT_EQ(fakes::MaskedSecrets("hello there", {"e"}), "hello there");
}

TEST(MaskedCommandLine, KeepsTheLineAsWrittenAroundWhatItMasks) {
  EXPECT_EQ(fakes::MaskedCommandLine("net  user\tbob   S3cret  /add "), "net  user\tbob   ********  /add ");
  EXPECT_EQ(fakes::MaskedCommandLine("echo  a  ********\tb "), "echo  a  ********\tb ");
  EXPECT_EQ(fakes::MaskedCommandLine("echo  S3cret  ", {"S3cret"}), "echo  ********  ");
  EXPECT_EQ(fakes::MaskedCommandLine("net user net user  S3cret x"), "net user net ********  ******** ********");
}

// The words net user reads as a password, wherever it starts on the line; none for a prompt.
TEST(NetUserPasswordWords, AreTheWordsAfterTheName) {
  using W = std::vector<size_t>;
  auto words = [](const std::string& line) { return fakes::NetUserPasswordWords(fakes::SplitCommandLine(line)); };
  EXPECT_EQ(words("if errorlevel 1 net user %U% %PW% /add"), W{6});
  EXPECT_EQ(words("net user /add ASPNET \"%PW%\""), W{4});
  EXPECT_EQ(words("net user ASPNET *"), W{});
  EXPECT_EQ(words("net user ASPNET /delete"), W{});
  EXPECT_EQ(words("net user ASPNET a b >nul"), (W{3, 4}));
  EXPECT_EQ(words("net user net user a"), (W{3, 4}));  // each word once
  EXPECT_EQ(words("net localgroup Users ASPNET /add"), W{});
}

TEST(MaskedSecrets, MasksEachSecretWhereverItIsAWord) {
  EXPECT_EQ(fakes::MaskedSecrets("a S3cret, S3cret.S3cret", {"S3cret"}), "a ********, ********.********");
  EXPECT_EQ(fakes::MaskedSecrets("a * b", {"", "*"}), "a * b");  // nothing typed, or a prompt
  EXPECT_EQ(fakes::MaskedSecrets("one two", {"one", "two"}), "******** ********");
}

// net user records the password it was given on its line, for the report to mask.
TEST_F(NetUser, APasswordOnTheLineIsATypedSecret) {
  EXPECT_EQ(Run("net user ASPNET N3w-Passw0rd"), 0);
  EXPECT_EQ(con->typed_secrets, std::vector<std::string>{"N3w-Passw0rd"});
}

}  // namespace
}  // namespace legacy_test
