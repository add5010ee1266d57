// Automatic propagation of inheritable ACEs at each DACL write (fakes/acl_propagation.h): an
// inheritable ACE added to a folder reaches its existing folders and files as an inherited ACE
// (CREATOR OWNER as each one's owner, NP stopping after one level), one removed takes its copies
// with it, explicit ACEs stay, and a protected child (no inherited ACE) is left alone with all
// below it; registry keys alike, metabase nodes never; a fault writes nothing anywhere.
#include "fakes/acl_propagation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fakes/acl_inheritance.h"
#include "fakes/faults.h"
#include "fakes/fresh_install.h"
#include "fakes/objects.h"

namespace {

using fakes::ObjectStore;
using fixer::Ace;
using fixer::AceType;
using fixer::ObjectNamespace;
using fixer::ObjectRef;
using fixer::Sid;

constexpr uint32_t kOiCi = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
constexpr uint32_t kI = fixer::kInheritedAce;

const Sid kBob = *Sid::Parse("S-1-5-21-1-2-3-1010");
const Sid kCarol = *Sid::Parse("S-1-5-21-1-2-3-1011");

class AclPropagationTest : public ::testing::Test {
 protected:
  AclPropagationTest() : machine_(fakes::FreshInstall({.seed = 11})), objects_(machine_) {}

  // A folder (or file) made the Windows way: its nearest ancestor's inheritable ACEs.
  void Make(const std::string& path, bool container = true, const Sid& owner = Sid::Administrators(),
            ObjectNamespace ns = ObjectNamespace::kFile) {
    const ObjectRef ref{ns, path};
    ASSERT_TRUE(
        objects_.Create(ns, path, container, owner, fakes::DaclForNewObject(machine_.state(), ref, container, owner))
            .ok());
  }
  std::vector<Ace> Dacl(const std::string& path, ObjectNamespace ns = ObjectNamespace::kFile) {
    const fakes::SecurableObject* o = objects_.Find({ns, path});
    return o == nullptr ? std::vector<Ace>{} : o->dacl;
  }
  bool Holds(const std::string& path, const Ace& ace, ObjectNamespace ns = ObjectNamespace::kFile) {
    for (const Ace& a : Dacl(path, ns))
      if (a == ace) return true;
    return false;
  }

  fakes::Machine machine_;
  ObjectStore objects_;
};

TEST_F(AclPropagationTest, AnInheritableAceReachesExistingFoldersAndFilesBelow) {
  Make(R"(C:\data)");
  Make(R"(C:\data\sub)");
  Make(R"(C:\data\sub\deeper)");
  Make(R"(C:\data\sub\file.txt)", /*container=*/false);
  ASSERT_TRUE(
      objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, {AceType::kAllow, kBob, fixer::kFileModify, kOiCi}).ok());
  EXPECT_TRUE(Holds(R"(C:\data\sub)", {AceType::kAllow, kBob, fixer::kFileModify, kOiCi | kI}));
  EXPECT_TRUE(Holds(R"(C:\data\sub\deeper)", {AceType::kAllow, kBob, fixer::kFileModify, kOiCi | kI}));
  EXPECT_TRUE(Holds(R"(C:\data\sub\file.txt)", {AceType::kAllow, kBob, fixer::kFileModify, kI}));
  // Each one is what Windows gives a child made now: the DACLs agree with a fresh creation.
  EXPECT_EQ(Dacl(R"(C:\data\sub\deeper)"),
            fakes::InheritedDacl(Dacl(R"(C:\data\sub)"), /*container=*/true, Sid::Administrators()));
}

TEST_F(AclPropagationTest, ExplicitAcesStayFirstAndTheInheritedOnesAreRecomputed) {
  Make(R"(C:\data)");
  Make(R"(C:\data\sub)");
  const Ace own{AceType::kAllow, kCarol, fixer::kFileGenericRead, 0};
  ASSERT_TRUE(objects_.AddAce({ObjectNamespace::kFile, R"(C:\data\sub)"}, own).ok());
  ASSERT_TRUE(
      objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, {AceType::kDeny, kBob, fixer::kFileModify, kOiCi}).ok());
  const std::vector<Ace> dacl = Dacl(R"(C:\data\sub)");
  ASSERT_FALSE(dacl.empty());
  EXPECT_EQ(dacl.front(), own);
  EXPECT_TRUE(Holds(R"(C:\data\sub)", {AceType::kDeny, kBob, fixer::kFileModify, kOiCi | kI}));
}

TEST_F(AclPropagationTest, ARemovedInheritableAceTakesItsInheritedCopiesWithIt) {
  Make(R"(C:\data)");
  Make(R"(C:\data\sub)");
  const std::vector<Ace> before = Dacl(R"(C:\data\sub)");
  const Ace grant{AceType::kAllow, kBob, fixer::kFileModify, kOiCi};
  ASSERT_TRUE(objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, grant).ok());
  ASSERT_NE(Dacl(R"(C:\data\sub)"), before);
  ASSERT_TRUE(objects_.RemoveAce({ObjectNamespace::kFile, R"(C:\data)"}, grant).ok());
  EXPECT_EQ(Dacl(R"(C:\data\sub)"), before);
  ASSERT_TRUE(objects_.AddAces({ObjectNamespace::kFile, R"(C:\data)"}, {&grant, 1}).ok());
  ASSERT_TRUE(objects_.RemoveAces({ObjectNamespace::kFile, R"(C:\data)"}, {&grant, 1}).ok());
  EXPECT_EQ(Dacl(R"(C:\data\sub)"), before);
}

TEST_F(AclPropagationTest, CreatorOwnerBecomesEachChildsOwnerAndNoPropagateStopsAfterOneLevel) {
  Make(R"(C:\data)");
  Make(R"(C:\data\sub)", true, kCarol);
  Make(R"(C:\data\sub\deeper)");
  ASSERT_TRUE(
      objects_
          .AddAces({ObjectNamespace::kFile, R"(C:\data)"},
                   std::vector<Ace>{
                       {AceType::kAllow, Sid::CreatorOwner(), fixer::kFileAllAccess, kOiCi | fixer::kInheritOnlyAce},
                       {AceType::kAllow, kBob, fixer::kFileGenericRead, kOiCi | fakes::kNoPropagateInheritAce}})
          .ok());
  EXPECT_TRUE(Holds(R"(C:\data\sub)", {AceType::kAllow, kCarol, fixer::kFileAllAccess, kI}));
  EXPECT_TRUE(Holds(R"(C:\data\sub)", {AceType::kAllow, kBob, fixer::kFileGenericRead, kI}));
  for (const Ace& a : Dacl(R"(C:\data\sub\deeper)")) EXPECT_FALSE(a.sid == kBob) << "NP reached two levels down";
}

TEST_F(AclPropagationTest, AProtectedChildAndAllBelowItAreLeftAlone) {
  Make(R"(C:\data)");
  ASSERT_TRUE(objects_
                  .Create(ObjectNamespace::kFile, R"(C:\data\own)", true, Sid::Administrators(),
                          {{AceType::kAllow, Sid::Administrators(), fixer::kFileAllAccess, kOiCi}})
                  .ok());
  Make(R"(C:\data\own\inner)");
  const std::vector<Ace> own = Dacl(R"(C:\data\own)");
  const std::vector<Ace> inner = Dacl(R"(C:\data\own\inner)");
  ASSERT_TRUE(
      objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, {AceType::kAllow, kBob, fixer::kFileModify, kOiCi}).ok());
  EXPECT_EQ(Dacl(R"(C:\data\own)"), own);
  EXPECT_EQ(Dacl(R"(C:\data\own\inner)"), inner);
}

TEST_F(AclPropagationTest, ANameThatOnlyBeginsLikeTheFolderIsNotBelowIt) {
  Make(R"(C:\data)");
  Make(R"(C:\data2)");
  Make(R"(C:\data 2)");
  const std::vector<Ace> data2 = Dacl(R"(C:\data2)");
  const std::vector<Ace> data_2 = Dacl(R"(C:\data 2)");
  ASSERT_TRUE(
      objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, {AceType::kAllow, kBob, fixer::kFileModify, kOiCi}).ok());
  EXPECT_EQ(Dacl(R"(C:\data2)"), data2);
  EXPECT_EQ(Dacl(R"(C:\data 2)"), data_2);
}

TEST_F(AclPropagationTest, RegistryKeysPropagateAndMetabaseNodesDoNot) {
  constexpr auto kReg = ObjectNamespace::kRegistry;
  constexpr auto kMeta = ObjectNamespace::kMetabase;
  ASSERT_TRUE(objects_.Create(kReg, R"(HKEY_LOCAL_MACHINE\SOFTWARE\Shop)", true, Sid::Administrators(), {}).ok());
  ASSERT_TRUE(objects_
                  .Create(kReg, R"(HKEY_LOCAL_MACHINE\SOFTWARE\Shop\Sub)", true, Sid::Administrators(),
                          {{AceType::kAllow, Sid::Administrators(), 0xF003F, kOiCi | kI}})
                  .ok());
  ASSERT_TRUE(
      objects_.AddAce({kReg, R"(HKEY_LOCAL_MACHINE\SOFTWARE\Shop)"}, {AceType::kAllow, kBob, 0x20019, kOiCi}).ok());
  EXPECT_TRUE(Holds(R"(HKEY_LOCAL_MACHINE\SOFTWARE\Shop\Sub)", {AceType::kAllow, kBob, 0x20019, kOiCi | kI}, kReg));

  ASSERT_TRUE(objects_.Create(kMeta, "/LM/W3SVC/1/ROOT", true, Sid::Administrators(), {}).ok());
  const std::vector<Ace> node = {{AceType::kAllow, Sid::Administrators(), 0x1, kOiCi | kI}};
  ASSERT_TRUE(objects_.Create(kMeta, "/LM/W3SVC/1/ROOT/shop", true, Sid::Administrators(), node).ok());
  ASSERT_TRUE(objects_.AddAce({kMeta, "/LM/W3SVC/1/ROOT"}, {AceType::kAllow, kBob, 0x1, kOiCi}).ok());
  EXPECT_EQ(Dacl("/LM/W3SVC/1/ROOT/shop", kMeta), node);
}

TEST_F(AclPropagationTest, AFaultedWriteChangesNothingBelow) {
  Make(R"(C:\data)");
  Make(R"(C:\data\sub)");
  const std::vector<Ace> sub = Dacl(R"(C:\data\sub)");
  fakes::FaultPlan plan;
  plan.Add({.op = "acl.add_ace", .nth = 1, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
  machine_.set_faults(plan);
  EXPECT_FALSE(
      objects_.AddAce({ObjectNamespace::kFile, R"(C:\data)"}, {AceType::kAllow, kBob, fixer::kFileModify, kOiCi}).ok());
  EXPECT_EQ(Dacl(R"(C:\data\sub)"), sub);
}

// One pass over the objects below: a folder with many files, each below a chain of folders, is
// written once each, and a second write of the same ACE changes nothing (no write at all).
TEST_F(AclPropagationTest, ManyDescendantsEachGetTheAceOnce) {
  Make(R"(C:\big)");
  std::string folder = R"(C:\big)";
  for (int depth = 0; depth < 20; ++depth) {
    folder += "\\d" + std::to_string(depth);
    Make(folder);
    for (int f = 0; f < 50; ++f) Make(folder + "\\f" + std::to_string(f) + ".aspx", false);
  }
  const Ace grant{AceType::kAllow, kBob, fixer::kFileGenericRead, kOiCi};
  ASSERT_TRUE(objects_.AddAce({ObjectNamespace::kFile, R"(C:\big)"}, grant).ok());
  size_t reached = 0;
  for (const auto& [key, object] : machine_.state().objects) {
    if (key.rfind(R"(file:c:\big\)", 0) != 0) continue;
    size_t copies = 0;
    for (const Ace& a : object.dacl) copies += a.sid == kBob ? 1 : 0;
    EXPECT_EQ(copies, 1u) << object.path;
    ++reached;
  }
  EXPECT_EQ(reached, 20u * 51u);
}

}  // namespace
