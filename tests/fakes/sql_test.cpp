// SqlServer: sp_grantlogin resolution and errors, logins that keep the old SID after the
// account is recreated (orphaned), database users, and "not installed".
#include "fakes/sql.h"

#include <gtest/gtest.h>

#include "fakes/fresh_install.h"
#include "fakes/modelling_choices.h"
#include "fakes/sam.h"

namespace {

using fixer::Sid;

fixer::Secret Pw() { return fixer::Secret::FromString("Tmp!pass1"); }

class SqlTest : public ::testing::Test {
 protected:
  SqlTest() : machine_(fakes::FreshInstall({.seed = 5})), sql_(machine_), sam_(machine_) {
    machine_.state().sql.installed = true;
    machine_.state().sql.databases = {"master", "Northwind"};
  }
  fakes::Machine machine_;
  fakes::SqlServer sql_;
  fakes::Sam sam_;
};

TEST_F(SqlTest, NotInstalledAnswersServiceDoesNotExistAndNoLogins) {
  machine_.state().sql.installed = false;
  EXPECT_EQ(sql_.GrantLogin("XPPRO\\Administrator").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(sql_.CreateLogin({.name = "XPPRO\\x"}).code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(sql_.DropLogin("XPPRO\\x").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_FALSE(sql_.LoginWorksFor(machine_.state().sam.domain.WithRid(500)));
}

TEST_F(SqlTest, GrantLoginStoresTheCurrentSidUnderTheCanonicalName) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw());
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(sql_.GrantLogin("xppro\\aspnet").ok());
  const auto logins = sql_.LoginsFor(*sid);
  ASSERT_EQ(logins.size(), 1u);
  EXPECT_EQ(logins[0].name, "XPPRO\\ASPNET");
  EXPECT_EQ(logins[0].default_database, "master");
  EXPECT_TRUE(sql_.LoginWorksFor(*sid));
}

// SQL Server 2000 Books Online, sp_grantlogin: it also reverses an earlier sp_denylogin, so
// granting an account that has its login is no error; the login stays as it was
// (choice-sql-regrant, docs/windows-reference.md#sql-server).
TEST_F(SqlTest, GrantingTheSameAccountAgainSucceedsAndChangesNothing) {
  ASSERT_TRUE(sam_.CreateUser({.name = "ASPNET"}, Pw()).ok());
  ASSERT_TRUE(sql_.GrantLogin("XPPRO\\ASPNET").ok());
  const auto before = machine_.state().sql.logins;
  fakes::ChoiceLog choices;
  machine_.faults().ResetCounters();
  EXPECT_TRUE(sql_.GrantLogin("xppro\\aspnet").ok());
  EXPECT_EQ(machine_.state().sql.logins, before);
  EXPECT_EQ(machine_.faults().calls(), 0u);  // no mutation, so no fault point either
  EXPECT_TRUE(choices.ids().contains("choice-sql-regrant"));
}

// SQL Server's messages quote the name they are about: "Windows NT user or group '%s' not
// found. Check the name again." (15401), "The server principal '%s' already exists." (15025),
// "User or role '%s' already exists in the current database." (15023).
TEST_F(SqlTest, MessagesNameTheLoginOrUser) {
  EXPECT_EQ(sql_.GrantLogin("XPPRO\\nobody").message(),
            "Windows NT user or group 'XPPRO\\nobody' not found. Check the name again.");
  EXPECT_EQ(sql_.DropLogin("XPPRO\\nobody").message(),
            "Windows NT user or group 'XPPRO\\nobody' not found. Check the name again.");
  ASSERT_TRUE(sql_.CreateLogin({.name = "XPPRO\\web"}).ok());
  EXPECT_EQ(sql_.CreateLogin({.name = "xppro\\WEB"}).message(), "The server principal 'xppro\\WEB' already exists.");
  const fixer::SqlDbUser user{.database = "Northwind", .name = "web"};
  ASSERT_TRUE(sql_.CreateDbUser(user).ok());
  EXPECT_EQ(sql_.CreateDbUser(user).message(), "User or role 'web' already exists in the current database.");
}

TEST_F(SqlTest, GrantLoginRejectsNamesThatDoNotResolve) {
  EXPECT_EQ(sql_.GrantLogin("XPPRO\\nobody").code(), fixer::kSqlWindowsUserNotFound);
  EXPECT_EQ(sql_.GrantLogin("CORP\\Administrator").code(), fixer::kSqlWindowsUserNotFound);
  EXPECT_EQ(sql_.GrantLogin("Administrator").code(), 15407u);  // needs DOMAIN\name
  EXPECT_TRUE(machine_.state().sql.logins.empty());
}

TEST_F(SqlTest, ARecreatedAccountDoesNotGetTheOldLogin) {
  auto old_sid = sam_.CreateUser({.name = "ASPNET"}, Pw());
  ASSERT_TRUE(old_sid.ok());
  ASSERT_TRUE(sql_.GrantLogin("XPPRO\\ASPNET").ok());
  ASSERT_TRUE(
      sql_.CreateDbUser({.database = "Northwind", .name = "ASPNET", .login_sid = *old_sid, .roles = {"db_datareader"}})
          .ok());

  ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  auto new_sid = sam_.CreateUser({.name = "ASPNET"}, Pw());
  ASSERT_TRUE(new_sid.ok());
  ASSERT_NE(*new_sid, *old_sid);

  EXPECT_FALSE(sql_.LoginWorksFor(*new_sid));
  EXPECT_TRUE(sql_.LoginsFor(*new_sid).empty());
  EXPECT_TRUE(sql_.DbUsersFor(*new_sid).empty());
  // The login is still there under the old SID and the same name: the orphan trap.
  ASSERT_EQ(sql_.LoginsFor(*old_sid).size(), 1u);
  EXPECT_EQ(sql_.LoginsFor(*old_sid)[0].name, "XPPRO\\ASPNET");
  EXPECT_EQ(sql_.DbUsersFor(*old_sid).size(), 1u);
  // Found by its name, any case, with the SID it stores: the old one.
  const auto named = sql_.LoginsNamed("xppro\\aspnet");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].sid, *old_sid);
  EXPECT_TRUE(sql_.LoginsNamed("XPPRO\\Administrator").empty());
  EXPECT_EQ(sql_.GrantLogin("XPPRO\\ASPNET").code(), fixer::kSqlLoginExists);
  // The repair: drop and grant again.
  ASSERT_TRUE(sql_.DropLogin("XPPRO\\ASPNET").ok());
  ASSERT_TRUE(sql_.GrantLogin("XPPRO\\ASPNET").ok());
  EXPECT_TRUE(sql_.LoginWorksFor(*new_sid));
}

TEST_F(SqlTest, AGroupLoginLetsItsMembersIn) {
  const Sid admin = machine_.state().sam.domain.WithRid(500);
  EXPECT_FALSE(sql_.LoginWorksFor(admin));
  ASSERT_TRUE(sql_.GrantLogin("BUILTIN\\Administrators").ok());
  EXPECT_EQ(machine_.state().sql.logins.back().sid, Sid::Administrators());
  EXPECT_TRUE(sql_.LoginWorksFor(admin));
  EXPECT_TRUE(sql_.LoginsFor(admin).empty());  // no login of its own
}

TEST_F(SqlTest, DatabaseUsersAndDropErrors) {
  const Sid admin = machine_.state().sam.domain.WithRid(500);
  const fixer::SqlDbUser user{.database = "Northwind", .name = "web", .login_sid = admin};
  fixer::SqlDbUser elsewhere = user;
  elsewhere.database = "pubs";
  EXPECT_EQ(sql_.CreateDbUser(elsewhere).code(), 911u);
  ASSERT_TRUE(sql_.CreateDbUser(user).ok());
  EXPECT_EQ(sql_.CreateDbUser(user).code(), fixer::kSqlUserExists);
  EXPECT_EQ(sql_.DbUsersFor(admin).size(), 1u);
  ASSERT_TRUE(sql_.DropDbUser("northwind", "WEB").ok());
  EXPECT_EQ(sql_.DropDbUser("Northwind", "web").code(), 15008u);
  EXPECT_EQ(sql_.DropLogin("XPPRO\\nobody").code(), fixer::kSqlWindowsUserNotFound);
}

// A user's name is unique within its database only, compared without case in both parts.
TEST_F(SqlTest, AUserNameIsTakenPerDatabase) {
  const Sid admin = machine_.state().sam.domain.WithRid(500);
  ASSERT_TRUE(sql_.CreateDbUser({.database = "master", .name = "web", .login_sid = admin}).ok());
  ASSERT_TRUE(sql_.CreateDbUser({.database = "Northwind", .name = "web", .login_sid = admin}).ok());
  EXPECT_EQ(sql_.CreateDbUser({.database = "NORTHWIND", .name = "WEB"}).code(), fixer::kSqlUserExists);
  EXPECT_EQ(sql_.CreateDbUser({.database = "northwind", .name = "web"}).code(), fixer::kSqlUserExists);
  ASSERT_TRUE(sql_.DropDbUser("MASTER", "Web").ok());
  EXPECT_EQ(sql_.DbUsersFor(admin).size(), 1u);
  EXPECT_EQ(sql_.DbUsersFor(admin)[0].database, "Northwind");  // the other database's is kept
  EXPECT_EQ(sql_.CreateDbUser({.database = "Northwind", .name = "web"}).code(), fixer::kSqlUserExists);
  ASSERT_TRUE(sql_.CreateDbUser({.database = "master", .name = "WEB", .login_sid = admin}).ok());
}

TEST_F(SqlTest, ChangesAreMutations) {
  machine_.faults().ResetCounters();
  ASSERT_TRUE(sql_.GrantLogin("XPPRO\\Administrator").ok());
  ASSERT_TRUE(sql_.CreateDbUser({.database = "master", .name = "a"}).ok());
  ASSERT_TRUE(sql_.DropDbUser("master", "a").ok());
  ASSERT_TRUE(sql_.DropLogin("XPPRO\\Administrator").ok());
  std::vector<std::string> ops;
  for (const auto& e : machine_.faults().trace()) ops.push_back(e.op);
  EXPECT_EQ(ops, (std::vector<std::string>{"sql.create_login", "sql.create_user", "sql.drop_user", "sql.drop_login"}));
}

}  // namespace
