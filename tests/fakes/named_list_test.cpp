// NamedList: the SAM's accounts and groups found by name (without regard to case) and by key in
// constant time, the index kept through adds, removals and copies.
#include "fakes/named_list.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "fakes/state.h"

namespace fakes {
namespace {

using Users = NamedList<UserAccount, RidOfAccount>;

UserAccount User(uint32_t rid, std::string name) { return {.rid = rid, .name = std::move(name)}; }

TEST(NamedList, FindsAnEntryByNameWithoutRegardToCaseAndByKey) {
  Users users{User(500, "Administrator"), User(1003, "ASPNET")};
  ASSERT_NE(users.FindName("aspnet"), nullptr);
  EXPECT_EQ(users.FindName("aspnet")->rid, 1003u);
  EXPECT_EQ(users.FindName("ADMINISTRATOR")->rid, 500u);
  EXPECT_EQ(users.FindKey(1003)->name, "ASPNET");
  EXPECT_EQ(users.FindName("ASPNET2"), nullptr);
  EXPECT_EQ(users.FindName("ASPNE"), nullptr);
  EXPECT_EQ(users.FindKey(1004), nullptr);
  // Only A-Z fold (fixer::SameWindowsName): "é" and "É" are two names.
  users.push_back(User(1004, "caf\xc3\xa9"));
  EXPECT_NE(users.FindName("CAF\xc3\xa9"), nullptr);
  EXPECT_EQ(users.FindName("CAF\xc3\x89"), nullptr);
}

TEST(NamedList, EveryOneOfManyEntriesIsFoundAfterTheIndexGrows) {
  Users users;
  for (uint32_t i = 0; i < 5000; ++i) users.push_back(User(1000 + i, "user" + std::to_string(i)));
  for (uint32_t i = 0; i < 5000; ++i) {
    const UserAccount* by_name = users.FindName("USER" + std::to_string(i));
    ASSERT_NE(by_name, nullptr) << i;
    EXPECT_EQ(by_name->rid, 1000 + i);
    ASSERT_NE(users.FindKey(1000 + i), nullptr) << i;
    EXPECT_EQ(users.FindKey(1000 + i)->name, "user" + std::to_string(i));
  }
  EXPECT_EQ(users.FindName("user5000"), nullptr);
  EXPECT_EQ(users.FindKey(6000), nullptr);
}

TEST(NamedList, TheFirstOfTwoEntriesOfOneNameIsFound) {
  Users users{User(1003, "bob"), User(1004, "BOB")};
  EXPECT_EQ(users.FindName("Bob")->rid, 1003u);
  users.erase_if([](const UserAccount& u) { return u.rid == 1003; });
  EXPECT_EQ(users.FindName("Bob")->rid, 1004u);
}

TEST(NamedList, ARemovedEntryIsNotFoundAndTheOthersStillAre) {
  Users users{User(1003, "a"), User(1004, "b"), User(1005, "c")};
  EXPECT_EQ(users.erase_if([](const UserAccount& u) { return u.name == "b"; }), 1u);
  EXPECT_EQ(users.FindName("b"), nullptr);
  EXPECT_EQ(users.FindKey(1004), nullptr);
  EXPECT_EQ(users.FindName("c")->rid, 1005u);  // moved down one place
  EXPECT_EQ(users.FindKey(1005)->name, "c");
  users.clear();
  EXPECT_EQ(users.FindName("a"), nullptr);
  users.push_back(User(1006, "d"));
  EXPECT_EQ(users.FindName("D")->rid, 1006u);
}

TEST(NamedList, ACopyKeepsItsOwnIndexOnceEitherChanges) {
  Users a{User(1003, "a")};
  Users b = a;  // shares a's index until one of them adds or removes
  b.push_back(User(1004, "b"));
  EXPECT_EQ(a.FindName("b"), nullptr);
  EXPECT_EQ(b.FindName("b")->rid, 1004u);
  a.erase_if([](const UserAccount&) { return true; });
  EXPECT_EQ(a.FindName("a"), nullptr);
  EXPECT_EQ(b.FindName("a")->rid, 1003u);
  EXPECT_EQ(&*b.FindName("a"), &b[0]);  // an entry of b, not of a
}

TEST(NamedList, ListsOfTheSameEntriesAreEqualWhateverTheirIndexes) {
  Users grown;
  for (uint32_t i = 0; i < 40; ++i) grown.push_back(User(1000 + i, std::to_string(i)));
  grown.erase_if([](const UserAccount& u) { return u.rid >= 1002; });
  EXPECT_EQ(grown, (Users{User(1000, "0"), User(1001, "1")}));
  EXPECT_NE(grown, (Users{User(1000, "0")}));
}

TEST(NamedList, GroupsAreFoundBySid) {
  NamedList<LocalGroup, SidOfGroup> groups{{.sid = fixer::Sid::Administrators(), .name = "Administrators"},
                                           {.sid = fixer::Sid::Users(), .name = "Users"}};
  EXPECT_EQ(groups.FindKey(fixer::Sid::Users())->name, "Users");
  EXPECT_EQ(groups.FindKey(fixer::Sid::Everyone()), nullptr);
  EXPECT_EQ(groups.FindName("administrators")->sid, fixer::Sid::Administrators());
}

TEST(NamedList, ApplicationsAreFoundByPathAlone) {
  NamedList<fixer::ApplicationInfo, NoKey, PathOfApplication> apps{{.path = "/LM/W3SVC/1/ROOT/shop"},
                                                                   {.path = "/LM/W3SVC/1/ROOT/admin"}};
  for (int i = 0; i < 100; ++i) apps.push_back({.path = "/LM/W3SVC/1/ROOT/app" + std::to_string(i)});
  EXPECT_EQ(apps.FindName("/lm/w3svc/1/root/SHOP"), &apps[0]);
  EXPECT_EQ(apps.FindName("/LM/W3SVC/1/ROOT/APP99"), &apps[101]);
  EXPECT_EQ(apps.FindName("/LM/W3SVC/1/ROOT"), nullptr);
}

TEST(NamedList, DatabaseUsersAreFoundByBothPartsOfTheirName) {
  NamedList<fixer::SqlDbUser, NoKey, NameOfDbUser> users{{.database = "shop", .name = "web"},
                                                         {.database = "Northwind", .name = "web"}};
  for (int i = 0; i < 100; ++i) users.push_back({.database = "shop", .name = "user" + std::to_string(i)});
  EXPECT_EQ(users.FindName({"SHOP", "Web"}), &users[0]);
  EXPECT_EQ(users.FindName({"northwind", "WEB"}), &users[1]);
  EXPECT_EQ(users.FindName({"shop", "USER99"}), &users[101]);
  EXPECT_EQ(users.FindName({"pubs", "web"}), nullptr);
  EXPECT_EQ(users.FindName({"shopweb", ""}), nullptr);  // the parts are not one text
  EXPECT_EQ(users.FindName({"sho", "pweb"}), nullptr);
}

TEST(NamedList, AnEntryFoundIsRemovedByItsAddressAndTheOthersStillFound) {
  Users users{User(1003, "a"), User(1004, "b"), User(1005, "c")};
  users.erase(users.FindName("B"));
  EXPECT_EQ(users.size(), 2u);
  EXPECT_EQ(users.FindName("b"), nullptr);
  EXPECT_EQ(users.FindKey(1004), nullptr);
  EXPECT_EQ(users.FindName("c"), &users[1]);
  EXPECT_EQ(users.FindKey(1003), &users[0]);
}

// generation() tells a reader whether what it built from the entries still holds: it changes with
// every entry added, removed or replaced, not with a field written in place, and a copy keeps it.
TEST(NamedList, TheGenerationChangesWithEveryAddRemovalOrReplacementAndACopyKeepsIt) {
  Users users;
  std::set<uint64_t> seen{users.generation()};
  auto changed = [&] { return seen.insert(users.generation()).second; };
  for (uint32_t rid = 1000; rid < 1040; ++rid) {  // past several growths of the index
    users.push_back(User(rid, "u" + std::to_string(rid)));
    EXPECT_TRUE(changed()) << rid;
  }
  users.Replace(3, User(2000, "replaced"));
  EXPECT_TRUE(changed());
  users.erase(users.FindName("u1010"));
  EXPECT_TRUE(changed());
  users.erase_if([](const UserAccount& u) { return u.rid == 1020; });
  EXPECT_TRUE(changed());
  EXPECT_EQ(users.erase_if([](const UserAccount& u) { return u.rid == 1; }), 0u);
  EXPECT_FALSE(changed());  // nothing removed
  users.FindName("u1030")->full_name = "written in place";
  EXPECT_FALSE(changed());
  const Users copy = users;
  EXPECT_EQ(copy.generation(), users.generation());
  users.clear();
  EXPECT_TRUE(changed());
  EXPECT_NE(copy.generation(), users.generation());
}

}  // namespace
}  // namespace fakes
