// ProfileStore: ProfileList entries, profile folders and their naming when a folder is taken.
#include "fakes/profiles.h"

#include <gtest/gtest.h>

#include "fakes/profile_entry_values.h"
#include "fakes/sam.h"
#include "test_machine.h"

namespace fakes_test {
namespace {

using fixer::Sid;

constexpr const char* kRoot = R"(C:\Documents and Settings)";

class ProfilesTest : public ::testing::Test {
 protected:
  fakes::Machine m_{MinimalXpState()};
  fakes::Sam sam_{m_};
  fakes::ProfileStore profiles_{m_};

  Sid NewUser(const std::string& name) {
    auto sid = sam_.CreateUser({.name = name}, Pw(""));
    EXPECT_TRUE(sid.ok()) << sid.status();
    return sid.ok() ? *sid : Sid();
  }
  const fakes::SecurableObject* Folder(const std::string& path) const {
    auto it = m_.state().objects.find(fakes::ObjectKey(fixer::ObjectNamespace::kFile, path));
    return it == m_.state().objects.end() ? nullptr : &it->second;
  }
  // A folder some earlier account left behind.
  void PutStaleFolder(const std::string& path) {
    fakes::SecurableObject o;
    o.path = path;
    o.owner = Sid::Administrators();
    m_.state().objects.Put(fakes::ObjectKey(o.ns, path), o);
  }
};

TEST_F(ProfilesTest, RootIsDocumentsAndSettingsOnTheSystemDrive) { EXPECT_EQ(profiles_.ProfilesRoot(), kRoot); }

TEST_F(ProfilesTest, FirstProfileUsesTheBareNameWithEntryAndFolder) {
  const Sid sid = NewUser("ASPNET");
  EXPECT_EQ(profiles_.Find(sid), nullptr);
  const size_t first = m_.faults().trace().size();
  auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->path, std::string(kRoot) + "\\ASPNET");
  EXPECT_EQ(entry->sid, sid);
  ASSERT_NE(profiles_.Find(sid), nullptr);
  EXPECT_EQ(profiles_.Find(sid)->path, entry->path);
  EXPECT_EQ(m_.faults().trace().at(first).op, "profile.create");
  EXPECT_EQ(m_.faults().trace().at(first + 1).op, "file.create");
}

TEST_F(ProfilesTest, FolderIsOwnedByTheUserWithFullControlForUserSystemAndAdministrators) {
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  const fakes::SecurableObject* folder = Folder(std::string(kRoot) + "\\aspnet");  // case-insensitive
  ASSERT_NE(folder, nullptr);
  EXPECT_TRUE(folder->container);
  EXPECT_EQ(folder->owner, sid);
  const uint32_t oici = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
  const std::vector<fixer::Ace> expected = {
      {fixer::AceType::kAllow, sid, fixer::kFileAllAccess, oici},
      {fixer::AceType::kAllow, Sid::LocalSystem(), fixer::kFileAllAccess, oici},
      {fixer::AceType::kAllow, Sid::Administrators(), fixer::kFileAllAccess, oici},
  };
  EXPECT_EQ(folder->dacl, expected);
}

TEST_F(ProfilesTest, SecondLoadReturnsTheSameProfileWithoutMutating) {
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  const uint64_t calls = m_.faults().calls();
  auto again = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->path, std::string(kRoot) + "\\ASPNET");
  EXPECT_EQ(m_.faults().calls(), calls);
  EXPECT_EQ(m_.state().profiles.size(), 1u);
}

// The fixup.cmd story: delete and recreate ASPNET, and each new account's profile collides
// with the folders the old ones left: NAME -> NAME.COMPUTERNAME -> .000 -> .001 (KB 324734).
TEST_F(ProfilesTest, StaleFoldersOfDeletedAccountsPushNewProfilesToSuffixedNames) {
  const std::vector<std::string> expected = {
      std::string(kRoot) + "\\ASPNET",
      std::string(kRoot) + "\\ASPNET.XPPRO",
      std::string(kRoot) + "\\ASPNET.XPPRO.000",
      std::string(kRoot) + "\\ASPNET.XPPRO.001",
  };
  std::vector<Sid> sids;
  for (const std::string& want : expected) {
    const Sid sid = NewUser("ASPNET");
    auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
    ASSERT_TRUE(entry.ok()) << entry.status();
    EXPECT_EQ(entry->path, want);
    sids.push_back(sid);
    ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  }
  // Deleting the accounts left every profile behind: entries and folders.
  EXPECT_EQ(m_.state().profiles.size(), 4u);
  for (size_t i = 0; i < sids.size(); ++i) {
    ASSERT_NE(profiles_.Find(sids[i]), nullptr);
    EXPECT_EQ(profiles_.Find(sids[i])->path, expected[i]);
    EXPECT_NE(Folder(expected[i]), nullptr);
  }
}

// Resolve names the profile LoadOrCreate then makes, suffix included, and creates nothing.
TEST_F(ProfilesTest, ResolveNamesWhatLoadOrCreateWouldMakeAndMakesNothing) {
  PutStaleFolder(std::string(kRoot) + "\\ASPNET");
  const Sid sid = NewUser("ASPNET");
  const fakes::MachineState before = m_.state();
  auto resolved = profiles_.Resolve(sid, "ASPNET");
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->path, std::string(kRoot) + "\\ASPNET.XPPRO");
  EXPECT_TRUE(m_.state() == before);
  auto made = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->path, resolved->path);
  EXPECT_EQ(profiles_.Resolve(sid, "ASPNET")->path, made->path);  // now the existing one
}

TEST_F(ProfilesTest, AFolderMadeByAnyoneCountsAsTaken) {
  PutStaleFolder(std::string(kRoot) + "\\ASPNET");
  const Sid sid = NewUser("ASPNET");
  auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->path, std::string(kRoot) + "\\ASPNET.XPPRO");
}

// A stale entry (its folder gone) takes its folder from another SID's new profile, never from
// its own user's: create-profile deletes that entry and the logon makes the folder again there.
TEST_F(ProfilesTest, AStaleEntryTakesItsFolderFromAnotherSidOnly) {
  const std::string bare = std::string(kRoot) + "\\ASPNET";
  const Sid old_sid = NewUser("OLDASPNET");
  m_.state().profiles.push_back({old_sid, bare});  // its folder never made
  const Sid sid = NewUser("ASPNET");
  EXPECT_EQ(*profiles_.NewFolder("ASPNET", &sid), bare + ".XPPRO");
  m_.state().profiles.erase_if([&](const fakes::ProfileEntry& e) { return e.sid == old_sid; });
  m_.state().profiles.push_back({sid, bare});
  EXPECT_EQ(*profiles_.NewFolder("ASPNET", &sid), bare);
  EXPECT_EQ(*profiles_.NewFolder("ASPNET"), bare + ".XPPRO");  // whose entry it is unknown: taken
}

TEST_F(ProfilesTest, DeleteRemovesEntryAndFolderTreeAnd2WhenThereIsNone) {
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  PutStaleFolder(std::string(kRoot) + "\\ASPNET\\Local Settings");
  PutStaleFolder(std::string(kRoot) + "\\ASPNET.XPPRO");  // a sibling, not inside
  ASSERT_TRUE(profiles_.Delete(sid).ok());
  EXPECT_EQ(profiles_.Find(sid), nullptr);
  EXPECT_EQ(Folder(std::string(kRoot) + "\\ASPNET"), nullptr);
  EXPECT_EQ(Folder(std::string(kRoot) + "\\ASPNET\\Local Settings"), nullptr);
  EXPECT_NE(Folder(std::string(kRoot) + "\\ASPNET.XPPRO"), nullptr);
  const fixer::Status again = profiles_.Delete(sid);
  EXPECT_EQ(again.code(), 2u);
  EXPECT_EQ(again.message(), "The system cannot find the file specified.");
}

TEST_F(ProfilesTest, EntryWhoseFolderIsGoneGetsItsFolderBack) {
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  m_.state().objects = {};
  auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->path, std::string(kRoot) + "\\ASPNET");
  EXPECT_NE(Folder(entry->path), nullptr);
}

TEST_F(ProfilesTest, InjectedFaultOnCreateLeavesStateUnchanged) {
  const Sid sid = NewUser("ASPNET");
  for (const char* op : {"profile.create", "file.create"}) {
    fakes::FaultPlan plan;
    plan.Add({.op = op, .nth = 1, .kind = fakes::FaultKind::kFail, .error = 112});
    m_.set_faults(plan);
    const fakes::MachineState before = m_.state();
    auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
    ASSERT_FALSE(entry.ok()) << op;
    EXPECT_EQ(entry.status().code(), 112u) << op;
    EXPECT_TRUE(m_.state() == before) << op;
  }
}

TEST_F(ProfilesTest, InjectedFaultOnDeleteLeavesStateUnchanged) {
  const Sid first = NewUser("ALICE");
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  ASSERT_TRUE(profiles_.LoadOrCreate(first, "ALICE").ok());  // the entry is not the last one
  fakes::FaultPlan plan;
  plan.Add({.op = "file.delete", .nth = 1, .kind = fakes::FaultKind::kFail, .error = 32});
  m_.set_faults(plan);
  const fakes::MachineState before = m_.state();
  EXPECT_EQ(profiles_.Delete(sid).code(), 32u);
  EXPECT_TRUE(m_.state() == before);
}

TEST_F(ProfilesTest, DeleteRemovesTheFolderBeforeTheEntrySoAnInterruptedDeleteCanBeFinished) {
  const Sid sid = NewUser("ASPNET");
  ASSERT_TRUE(profiles_.LoadOrCreate(sid, "ASPNET").ok());
  fakes::FaultPlan plan;
  plan.Add({.op = "profile.delete", .nth = 1, .kind = fakes::FaultKind::kCrash});
  m_.set_faults(plan);
  EXPECT_THROW((void)profiles_.Delete(sid), fakes::PowerLoss);
  ASSERT_NE(profiles_.Find(sid), nullptr);                      // the entry survives...
  EXPECT_EQ(Folder(std::string(kRoot) + "\\ASPNET"), nullptr);  // ...its folder does not
  m_.set_faults({});
  ASSERT_TRUE(profiles_.Delete(sid).ok());  // a second delete finishes the job
  EXPECT_EQ(profiles_.Find(sid), nullptr);
  // Nothing is left to push the next profile of that name to ASPNET.XPPRO.
  auto again = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->path, std::string(kRoot) + "\\ASPNET");
}

TEST_F(ProfilesTest, CrashBetweenEntryAndFolderLeavesAnEntryTheNextLogonCompletes) {
  const Sid sid = NewUser("ASPNET");
  fakes::FaultPlan plan;
  plan.Add({.op = "file.create", .nth = 1, .kind = fakes::FaultKind::kCrash});
  m_.set_faults(plan);
  EXPECT_THROW((void)profiles_.LoadOrCreate(sid, "ASPNET"), fakes::PowerLoss);
  ASSERT_NE(profiles_.Find(sid), nullptr);
  EXPECT_EQ(Folder(std::string(kRoot) + "\\ASPNET"), nullptr);
  m_.set_faults({});
  auto entry = profiles_.LoadOrCreate(sid, "ASPNET");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->path, std::string(kRoot) + "\\ASPNET");
  EXPECT_NE(Folder(entry->path), nullptr);
}

// An entry removed alone (RegDeleteKey) leaves no folder behind to delete, and written back from
// its values (ProfileImagePath, Sid) it is the entry it was, its folder still missing.
TEST_F(ProfilesTest, AnEntryRemovedAloneIsWrittenBackFromItsValuesExactly) {
  const Sid sid = NewUser("ASPNET");
  const fakes::ProfileEntry stale{sid, std::string(kRoot) + "\\ASPNET.XPPRO"};
  m_.state().profiles.push_back(stale);
  const fixer::ProfileListEntry values = fakes::ValuesOf(stale);
  ASSERT_EQ(values.values.size(), 2u);
  EXPECT_EQ(values.values[0].name, "ProfileImagePath");
  EXPECT_EQ(values.values[0].type, fixer::kRegExpandSz);
  EXPECT_EQ(values.values[0].data.size(), (stale.path.size() + 1) * 2);  // UTF-16LE and its null
  EXPECT_EQ(values.values[1].name, "Sid");
  EXPECT_EQ(values.values[1].type, fixer::kRegBinary);
  EXPECT_EQ(values.values[1].data.size(), 8u + 4 * sid.sub_authorities().size());

  const size_t first = m_.faults().trace().size();
  ASSERT_TRUE(profiles_.RemoveEntry(sid).ok());
  EXPECT_EQ(m_.faults().trace().at(first).op, "profile.delete");
  EXPECT_EQ(profiles_.Find(sid), nullptr);
  EXPECT_EQ(profiles_.RemoveEntry(sid).code(), fixer::kErrorFileNotFound);

  auto back = fakes::EntryOf(values);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_TRUE(profiles_.PutEntry(*back).ok());
  ASSERT_NE(profiles_.Find(sid), nullptr);
  EXPECT_EQ(*profiles_.Find(sid), stale);
  EXPECT_EQ(Folder(stale.path), nullptr);
}

TEST_F(ProfilesTest, ValuesWithoutAPathOrWithAnotherSidAreNoEntry) {
  const Sid sid = NewUser("ASPNET");
  fixer::ProfileListEntry values = fakes::ValuesOf({sid, std::string(kRoot) + "\\ASPNET"});
  fixer::ProfileListEntry other_sid = values;
  other_sid.sid = Sid::LocalSystem();
  EXPECT_EQ(fakes::EntryOf(other_sid).status().code(), fixer::kErrorInvalidData);
  values.values.erase(values.values.begin());
  EXPECT_EQ(fakes::EntryOf(values).status().code(), fixer::kErrorInvalidData);
}

}  // namespace
}  // namespace fakes_test
