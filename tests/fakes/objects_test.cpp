// ObjectStore: creation and erasure errors, canonical ACE order, cacls display (orphaned SIDs
// as bare SID strings), FindAces, FindAcesByObject and FindAcesOn, AddAces (one DACL write per
// object, the same DACL as AddAce one by one), and access checks with deny ACEs and the owner's
// implicit rights.
#include "fakes/objects.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fakes/fresh_install.h"
#include "fakes/sam.h"

namespace {

using fakes::ObjectStore;
using fixer::Ace;
using fixer::AceType;
using fixer::ObjectNamespace;
using fixer::ObjectRef;
using fixer::Sid;

constexpr uint32_t kOiCi = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
constexpr uint32_t kReadControl = 0x00020000;
constexpr uint32_t kWriteDac = 0x00040000;
constexpr uint32_t kGenericRead = 0x80000000;

const ObjectRef kApp{ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\app)"};

class ObjectsTest : public ::testing::Test {
 protected:
  ObjectsTest() : machine_(fakes::FreshInstall({.seed = 11})), objects_(machine_) {}

  Sid NewUser(const std::string& name) {
    auto sid = fakes::Sam(machine_).CreateUser({.name = name}, fixer::Secret::FromString("Tmp!pass1"));
    EXPECT_TRUE(sid.ok());
    return *sid;
  }
  // What a logon token of a plain local user holds.
  std::vector<Sid> TokenOf(const Sid& user) {
    std::vector<Sid> token = fakes::Sam(machine_).GroupsOf(user);
    token.push_back(user);
    token.push_back(Sid::Everyone());
    token.push_back(Sid::AuthenticatedUsers());
    return token;
  }

  fakes::Machine machine_;
  ObjectStore objects_;
};

TEST_F(ObjectsTest, CreateFindsCaseInsensitivelyAndRefusesADuplicate) {
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  EXPECT_TRUE(objects_.Exists({ObjectNamespace::kFile, R"(c:\INETPUB\WWWROOT\APP)"}));
  EXPECT_FALSE(objects_.Exists({ObjectNamespace::kRegistry, kApp.path}));
  EXPECT_EQ(objects_.Find(kApp)->path, kApp.path);  // keeps the spelling it was created with
  EXPECT_EQ(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).code(), 183u);
}

// A lookup folds its key into a buffer of its own (on the heap past 256 characters): in every
// namespace, short and long paths are found by any spelling, a key that is a prefix of another
// finds only its own object, and the folded key is ObjectKey's, so the map's order holds.
TEST_F(ObjectsTest, LookupsFindAnObjectByAnySpellingShortOrLong) {
  const std::string deep = R"(C:\Inetpub\wwwroot\)" + std::string(300, 'D') + R"(\Web.config)";
  const std::vector<ObjectRef> refs = {{ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\App)"},
                                       {ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\App-in)"},
                                       {ObjectNamespace::kFile, deep},
                                       {ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Microsoft\ASP.NET)"},
                                       {ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\)" + std::string(260, 'K')},
                                       {ObjectNamespace::kMetabase, "/LM/W3SVC/1/ROOT/App"}};
  const Ace ace{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  auto respelled = [](std::string path, bool upper) {
    for (char& c : path)
      c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                  : std::tolower(static_cast<unsigned char>(c)));
    return path;
  };
  for (const ObjectRef& ref : refs) {
    EXPECT_EQ(fakes::FoldedObjectKey(ref.ns, ref.path).view(), fakes::ObjectKey(ref.ns, ref.path)) << ref.path;
    EXPECT_EQ(fakes::FoldedObjectKey(ref.ns, respelled(ref.path, true)).view(), fakes::ObjectKey(ref.ns, ref.path));
    ASSERT_TRUE(objects_.Create(ref.ns, ref.path, true, Sid::Administrators(), {}).ok()) << ref.path;
  }
  for (const ObjectRef& ref : refs) {
    for (bool upper : {false, true}) {
      const ObjectRef spelt{ref.ns, respelled(ref.path, upper)};
      ASSERT_NE(objects_.Find(spelt), nullptr) << spelt.path;
      EXPECT_EQ(objects_.Find(spelt)->path, ref.path);  // the object itself, not a neighbour
      EXPECT_EQ(std::as_const(objects_).Find(spelt), objects_.Find(ref));
    }
    EXPECT_TRUE(objects_.AddAces({ref.ns, respelled(ref.path, true)}, {&ace, 1}).ok()) << ref.path;
    EXPECT_EQ(objects_.Find(ref)->dacl, std::vector<Ace>{ace});
    const ObjectRef longer{ref.ns, ref.path + "x"};
    EXPECT_EQ(objects_.Find(longer), nullptr) << longer.path;
    EXPECT_EQ(objects_.Find({ref.ns, ref.path.substr(0, ref.path.size() - 1)}), nullptr);
  }
  const std::vector<fixer::ObjectAces> found = objects_.FindAcesByObject(Sid::Users());
  std::vector<fixer::ObjectAces> asked;
  for (const fixer::ObjectAces& o : found) asked.push_back({{o.object.ns, respelled(o.object.path, false)}, {}});
  const auto on = objects_.FindAcesOn(Sid::Users(), asked);
  ASSERT_EQ(on.size(), found.size());
  for (size_t i = 0; i < on.size(); ++i) EXPECT_EQ(on[i], found[i].aces) << found[i].object.path;
}

// The key folds exactly the ASCII capitals, wherever they stand in a path (the compiler vectorises
// the fold): every byte value at every offset of a 16-byte block, the bytes past 0x7F untouched.
// A registry path: every byte a name character (a file path's '/', '.' and '\' are normalised first).
TEST(ObjectKey, FoldsOnlyAsciiCapitalsAtEveryOffset) {
  for (size_t offset = 0; offset < 17; ++offset) {
    std::string path(offset, 'Q');
    for (int c = 0; c < 256; ++c) path += static_cast<char>(c);
    std::string expected = "registry:";
    for (char c : path) expected += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    EXPECT_EQ(fakes::ObjectKey(ObjectNamespace::kRegistry, path), expected) << offset;
    EXPECT_EQ(fakes::FoldedObjectKey(ObjectNamespace::kRegistry, path).view(), expected) << offset;
  }
}

TEST_F(ObjectsTest, MissingObjectsGiveFileOrPathNotFound) {
  const Ace ace{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  // Parent exists (wwwroot) -> 2; parent missing too -> 3.
  EXPECT_EQ(objects_.AddAce(kApp, ace).code(), fixer::kErrorFileNotFound);
  EXPECT_EQ(objects_.AddAce({ObjectNamespace::kFile, R"(C:\Nowhere\app)"}, ace).code(), fixer::kErrorPathNotFound);
  EXPECT_EQ(objects_.AddAce({ObjectNamespace::kFile, R"(C:\top)"}, ace).code(),
            fixer::kErrorFileNotFound);  // under a drive root
  EXPECT_EQ(objects_.RemoveAce({ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Nope)"}, ace).code(),
            fixer::kErrorFileNotFound);
  EXPECT_EQ(objects_.Erase({ObjectNamespace::kMetabase, "/LM/W3SVC/1/ROOT/none"}).code(), fixer::kErrorPathNotFound);
  EXPECT_EQ(objects_.SetValue({ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Nope)"}, "v", "d").code(),
            fixer::kErrorFileNotFound);
}

TEST_F(ObjectsTest, EraseRemovesOnlyThatObject) {
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  ASSERT_TRUE(objects_.Erase(kApp).ok());
  EXPECT_FALSE(objects_.Exists(kApp));
  EXPECT_TRUE(objects_.Exists({ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot)"}));
  EXPECT_EQ(objects_.Erase(kApp).code(), fixer::kErrorFileNotFound);
}

TEST_F(ObjectsTest, AddAceKeepsCanonicalOrder) {
  const Sid alice = NewUser("alice");
  const Sid bob = NewUser("bob");
  const Ace inherited{AceType::kAllow, Sid::LocalSystem(), fixer::kFileAllAccess, fixer::kInheritedAce};
  const Ace users_read{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {users_read, inherited}).ok());
  const Ace alice_full{AceType::kAllow, alice, fixer::kFileAllAccess, kOiCi};
  const Ace bob_deny{AceType::kDeny, bob, fixer::kFileGenericWrite, 0};
  const Ace inherited_deny{AceType::kDeny, alice, fixer::kFileGenericWrite, fixer::kInheritedAce};
  ASSERT_TRUE(objects_.AddAce(kApp, alice_full).ok());
  ASSERT_TRUE(objects_.AddAce(kApp, bob_deny).ok());
  ASSERT_TRUE(objects_.AddAce(kApp, inherited_deny).ok());
  const std::vector<Ace> expected = {bob_deny, users_read, alice_full, inherited, inherited_deny};
  EXPECT_EQ(objects_.Find(kApp)->dacl, expected);
}

TEST_F(ObjectsTest, RepeatedAddAndAbsentRemoveChangeNothingAndAreNoMutation) {
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  const Ace ace{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, kOiCi};
  ASSERT_TRUE(objects_.AddAce(kApp, ace).ok());
  const uint64_t calls = machine_.faults().calls();
  EXPECT_TRUE(objects_.AddAce(kApp, ace).ok());
  EXPECT_TRUE(objects_.RemoveAce(kApp, {AceType::kDeny, Sid::Users(), 1, 0}).ok());
  EXPECT_EQ(objects_.Find(kApp)->dacl.size(), 1u);
  EXPECT_EQ(machine_.faults().calls(), calls);
}

TEST_F(ObjectsTest, RemoveAceTakesTheExplicitOneAndLeavesInheritedTwins) {
  const Ace explicit_ace{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  Ace inherited = explicit_ace;
  inherited.flags = fixer::kInheritedAce;
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {explicit_ace, inherited}).ok());
  ASSERT_TRUE(objects_.RemoveAce(kApp, explicit_ace).ok());
  EXPECT_EQ(objects_.Find(kApp)->dacl, std::vector<Ace>{inherited});
  ASSERT_TRUE(objects_.RemoveAce(kApp, inherited).ok());  // inherited ACEs are not removable
  EXPECT_EQ(objects_.Find(kApp)->dacl.size(), 1u);
}

TEST_F(ObjectsTest, DescribeDaclPrintsCaclsLines) {
  const Sid aspnet = NewUser("ASPNET");
  ASSERT_TRUE(
      objects_
          .Create(kApp.ns, kApp.path, true, Sid::Administrators(),
                  {{AceType::kDeny, Sid::Guests(), fixer::kFileGenericWrite, 0},
                   {AceType::kAllow, aspnet, fixer::kFileAllAccess, kOiCi},
                   {AceType::kAllow, Sid::Users(), fixer::kFileGenericRead | fixer::kFileGenericExecute, 0},
                   {AceType::kAllow, Sid::PowerUsers(), fixer::kFileModify, kOiCi},
                   {AceType::kAllow, Sid::CreatorOwner(), fixer::kFileAllAccess, kOiCi | fixer::kInheritOnlyAce},
                   {AceType::kAllow, Sid::Everyone(), 0x00100026, fixer::kContainerInheritAce},
                   {AceType::kAllow, Sid::LocalSystem(), kGenericRead, fixer::kInheritedAce}})
          .ok());
  const std::vector<std::string> expected = {
      "BUILTIN\\Guests:(DENY)W",        "XPPRO\\ASPNET:(OI)(CI)F",     "BUILTIN\\Users:R",
      "BUILTIN\\Power Users:(OI)(CI)C", "CREATOR OWNER:(OI)(CI)(IO)F", "Everyone:(CI)(special access:0x00100026)",
      "NT AUTHORITY\\SYSTEM:(I)R",
  };
  EXPECT_EQ(objects_.DescribeDacl(kApp), expected);
  EXPECT_TRUE(objects_.DescribeDacl({ObjectNamespace::kFile, R"(C:\none)"}).empty());
}

TEST_F(ObjectsTest, RegistryKeysShowKeyRights) {
  const ObjectRef key{ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Contoso)"};
  ASSERT_TRUE(objects_
                  .Create(key.ns, key.path, true, Sid::Administrators(),
                          {{AceType::kAllow, Sid::Administrators(), fixer::kKeyAllAccess, 0},
                           {AceType::kAllow, Sid::Users(), fixer::kKeyRead, 0}})
                  .ok());
  EXPECT_EQ(objects_.DescribeDacl(key), (std::vector<std::string>{"BUILTIN\\Administrators:F", "BUILTIN\\Users:R"}));
  ASSERT_TRUE(objects_.SetValue(key, "Pwd", "blob").ok());
  EXPECT_EQ(objects_.Find(key)->values.at("Pwd"), "blob");
}

TEST_F(ObjectsTest, AnOrphanedAceShowsTheBareSidAfterTheAccountIsDeleted) {
  const Sid aspnet = NewUser("ASPNET");
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  ASSERT_TRUE(objects_.AddAce(kApp, {AceType::kAllow, aspnet, fixer::kFileModify, kOiCi}).ok());
  EXPECT_EQ(objects_.DescribeDacl(kApp), std::vector<std::string>{"XPPRO\\ASPNET:(OI)(CI)C"});

  ASSERT_TRUE(fakes::Sam(machine_).DeleteUser("ASPNET").ok());
  EXPECT_EQ(objects_.DescribeDacl(kApp), std::vector<std::string>{aspnet.ToString() + ":(OI)(CI)C"});
  // The ACE is still there, under the old SID; a new ASPNET does not inherit it.
  const Sid reborn = NewUser("ASPNET");
  EXPECT_NE(reborn, aspnet);
  EXPECT_EQ(objects_.FindAces(aspnet).size(), 1u);
  EXPECT_TRUE(objects_.FindAces(reborn).empty());
  EXPECT_FALSE(objects_.AccessAllowed(kApp, TokenOf(reborn), fixer::kFileModify));
}

TEST_F(ObjectsTest, FindAcesListsExplicitAcesByNamespaceThenPath) {
  const Sid aspnet = NewUser("ASPNET");
  const Ace full{AceType::kAllow, aspnet, fixer::kFileAllAccess, kOiCi};
  const Ace deny{AceType::kDeny, aspnet, fixer::kFileGenericWrite, 0};
  const ObjectRef key{ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)"};
  const ObjectRef node{ObjectNamespace::kMetabase, "/LM/W3SVC/1/ROOT"};
  const ObjectRef b{ObjectNamespace::kFile, R"(C:\b)"};
  const ObjectRef a{ObjectNamespace::kFile, R"(C:\a)"};
  ASSERT_TRUE(objects_.Create(key.ns, key.path, true, Sid::Administrators(), {full}).ok());
  ASSERT_TRUE(objects_.Create(node.ns, node.path, true, Sid::Administrators(), {full}).ok());
  ASSERT_TRUE(objects_.Create(b.ns, b.path, true, Sid::Administrators(), {full}).ok());
  Ace inherited = full;
  inherited.flags |= fixer::kInheritedAce;
  ASSERT_TRUE(objects_.Create(a.ns, a.path, true, Sid::Administrators(), {deny, full, inherited}).ok());
  const auto found = objects_.FindAces(aspnet);
  ASSERT_EQ(found.size(), 5u);  // the inherited one is not listed
  EXPECT_EQ(found[0].object, a);
  EXPECT_EQ(found[0].ace, deny);
  EXPECT_EQ(found[1].object, a);
  EXPECT_EQ(found[1].ace, full);
  EXPECT_EQ(found[2].object, b);
  EXPECT_EQ(found[3].object, key);
  EXPECT_EQ(found[4].object, node);
}

TEST_F(ObjectsTest, FindAcesByObjectGroupsFindAcesInTheSameOrder) {
  const Sid aspnet = NewUser("ASPNET");
  const Ace full{AceType::kAllow, aspnet, fixer::kFileAllAccess, kOiCi};
  const Ace deny{AceType::kDeny, aspnet, fixer::kFileGenericWrite, 0};
  const Ace other{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  // Created out of order; the order is by folded path.
  for (const char* path : {R"(C:\b)", R"(C:\A)", R"(c:\c)"}) {
    ASSERT_TRUE(objects_.Create(ObjectNamespace::kFile, path, true, Sid::Administrators(), {deny, other, full}).ok());
  }
  ASSERT_TRUE(
      objects_.Create(ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)", true, Sid::Administrators(), {full}).ok());
  const auto grouped = objects_.FindAcesByObject(aspnet);
  ASSERT_EQ(grouped.size(), 4u);
  std::vector<fixer::AceGrant> flat;
  for (const auto& o : grouped) {
    EXPECT_EQ(o.aces, (o.object.ns == ObjectNamespace::kFile ? std::vector<Ace>{deny, full} : std::vector<Ace>{full}));
    for (const auto& ace : o.aces) flat.push_back({o.object, ace});
  }
  EXPECT_EQ(flat, objects_.FindAces(aspnet));
  EXPECT_EQ(grouped[0].object.path, R"(C:\A)");
  EXPECT_EQ(grouped[2].object.path, R"(c:\c)");
  EXPECT_EQ(grouped[3].object.ns, ObjectNamespace::kRegistry);
}

// FindAcesOn reads the objects it is given, in that order, whatever order they come in; a
// missing object, or one with no explicit ACE naming the SID, gets an empty list.
TEST_F(ObjectsTest, FindAcesOnAnswersForTheGivenObjectsInTheirOrder) {
  const Sid aspnet = NewUser("ASPNET");
  const Ace full{AceType::kAllow, aspnet, fixer::kFileAllAccess, kOiCi};
  const Ace deny{AceType::kDeny, aspnet, fixer::kFileGenericWrite, 0};
  const Ace inherited{AceType::kAllow, aspnet, fixer::kFileGenericRead, fixer::kInheritedAce};
  const Ace other{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  for (const char* path : {R"(C:\a)", R"(C:\b)", R"(C:\c)"}) {
    ASSERT_TRUE(objects_.Create(ObjectNamespace::kFile, path, true, Sid::Administrators(), {deny, other, full}).ok());
  }
  ASSERT_TRUE(objects_.Create(ObjectNamespace::kFile, R"(C:\d)", true, Sid::Administrators(), {other, inherited}).ok());
  ASSERT_TRUE(
      objects_.Create(ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)", true, Sid::Administrators(), {full}).ok());
  const std::vector<Ace> both = {deny, full};

  // In the map's order, as a walk answers.
  const std::vector<fixer::ObjectAces> walked = objects_.FindAcesByObject(aspnet);
  const auto on_walked = objects_.FindAcesOn(aspnet, walked);
  ASSERT_EQ(on_walked.size(), walked.size());
  for (size_t i = 0; i < walked.size(); ++i) EXPECT_EQ(on_walked[i], walked[i].aces) << walked[i].object.path;

  // Out of order, another spelling, a missing object, one without explicit ACEs of the SID.
  const std::vector<fixer::ObjectAces> asked = {{{ObjectNamespace::kRegistry, R"(hklm\software\a)"}, {}},
                                                {{ObjectNamespace::kFile, R"(C:\c)"}, {}},
                                                {{ObjectNamespace::kFile, R"(C:\gone)"}, {}},
                                                {{ObjectNamespace::kFile, R"(C:\a)"}, {}},
                                                {{ObjectNamespace::kFile, R"(C:\d)"}, {}},
                                                {{ObjectNamespace::kFile, R"(C:\b)"}, {}}};
  const auto on_asked = objects_.FindAcesOn(aspnet, asked);
  const std::vector<std::vector<Ace>> expected = {{full}, both, {}, both, {}, both};
  EXPECT_EQ(on_asked, expected);
  EXPECT_TRUE(objects_.FindAcesOn(aspnet, {}).empty());
}

// The walks copy each object's ACEs naming the SID a run at a time: whatever the runs (none, one,
// several, broken by another SID or by an inherited ACE of the same SID), both answer the ACEs a
// filter of each DACL keeps, in DACL order.
TEST_F(ObjectsTest, TheWalksAnswerWhatAFilterOfEachDaclKeeps) {
  const Sid aspnet = NewUser("ASPNET");
  const std::vector<Sid> sids = {aspnet, NewUser("other"), Sid::Users()};
  std::mt19937 random(27);
  auto pick = [&random](size_t n) { return static_cast<size_t>(random() % n); };
  std::vector<fixer::ObjectAces> expected;
  for (size_t i = 0; i < 80; ++i) {
    std::vector<Ace> dacl(pick(14));
    for (Ace& ace : dacl) {
      ace = {pick(2) == 0 ? AceType::kAllow : AceType::kDeny, sids[pick(sids.size())], 0x100u << pick(8),
             pick(4) == 0 ? fixer::kInheritedAce : kOiCi * static_cast<uint32_t>(pick(2))};
    }
    const ObjectRef ref{ObjectNamespace::kFile, "C:\\walk\\" + std::to_string(1000 + i)};
    ASSERT_TRUE(objects_.Create(ref.ns, ref.path, true, Sid::Administrators(), dacl).ok());
    std::vector<Ace> kept;
    std::copy_if(dacl.begin(), dacl.end(), std::back_inserter(kept),
                 [&](const Ace& a) { return a.sid == aspnet && !(a.flags & fixer::kInheritedAce); });
    if (!kept.empty()) expected.push_back({ref, kept});
  }
  const std::vector<fixer::ObjectAces> walked = objects_.FindAcesByObject(aspnet);
  EXPECT_EQ(walked, expected);
  const auto on = objects_.FindAcesOn(aspnet, expected);
  ASSERT_EQ(on.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(on[i], expected[i].aces) << expected[i].object.path;
}

TEST_F(ObjectsTest, AddAcesWritesOneObjectsDaclOnceInCanonicalOrder) {
  const Sid aspnet = NewUser("ASPNET");
  const Ace users{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  const Ace inherited{AceType::kAllow, Sid::Administrators(), fixer::kFileAllAccess, fixer::kInheritedAce};
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {users, inherited}).ok());
  const Ace allow{AceType::kAllow, aspnet, fixer::kFileModify, kOiCi};
  const Ace deny{AceType::kDeny, aspnet, fixer::kFileGenericWrite, 0};
  machine_.faults().ResetCounters();
  const std::vector<Ace> batch = {allow, deny, users};  // users is there already
  ASSERT_TRUE(objects_.AddAces(kApp, batch).ok());
  EXPECT_EQ(objects_.Find(kApp)->dacl, (std::vector<Ace>{deny, users, allow, inherited}));
  ASSERT_EQ(machine_.faults().trace().size(), 1u);
  EXPECT_EQ(machine_.faults().trace()[0].op, "acl.set_dacl");
  // Nothing new, or nothing at all: no write, no mutation.
  ASSERT_TRUE(objects_.AddAces(kApp, batch).ok());
  ASSERT_TRUE(objects_.AddAces(kApp, {}).ok());
  EXPECT_EQ(machine_.faults().trace().size(), 1u);
  // The same ACEs one by one give the same DACL.
  const ObjectRef twin{ObjectNamespace::kFile, R"(C:\twin)"};
  ASSERT_TRUE(objects_.Create(twin.ns, twin.path, true, Sid::Administrators(), {users, inherited}).ok());
  for (const Ace& ace : batch) ASSERT_TRUE(objects_.AddAce(twin, ace).ok());
  EXPECT_EQ(objects_.Find(twin)->dacl, objects_.Find(kApp)->dacl);
}

// A DACL a scenario gave out of canonical order keeps its order; each added ACE goes before
// the first ACE of a later class, as inserting them one by one would put it; a repeat is added once.
TEST_F(ObjectsTest, AddAcesInsertsBeforeTheFirstLaterClassInANonCanonicalDacl) {
  const Sid aspnet = NewUser("ASPNET");
  const Ace users{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0};
  const Ace deny_guests{AceType::kDeny, Sid::Guests(), fixer::kFileAllAccess, 0};
  const Ace inherited{AceType::kAllow, Sid::Administrators(), fixer::kFileAllAccess, fixer::kInheritedAce};
  const Ace power{AceType::kAllow, Sid::PowerUsers(), fixer::kFileModify, 0};
  ASSERT_TRUE(
      objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {users, deny_guests, inherited, power}).ok());
  const Ace allow{AceType::kAllow, aspnet, fixer::kFileModify, kOiCi};
  const Ace deny{AceType::kDeny, aspnet, fixer::kFileGenericWrite, 0};
  const Ace inherited_new{AceType::kAllow, aspnet, fixer::kFileGenericRead, fixer::kInheritedAce};
  const Ace read{AceType::kAllow, aspnet, fixer::kFileGenericRead, 0};
  const std::vector<Ace> batch = {allow, deny, inherited_new, allow, read};
  ASSERT_TRUE(objects_.AddAces(kApp, batch).ok());
  EXPECT_EQ(objects_.Find(kApp)->dacl,
            (std::vector<Ace>{deny, users, deny_guests, allow, read, inherited, power, inherited_new}));
}

// Every kind of batch on a canonical DACL: empty, repeats inside the batch, ACEs held already,
// every class, and batches past the flags AddAces keeps on the stack. One AddAces gives the DACL
// that AddAce one by one gives, and is one mutation exactly when something is new.
TEST_F(ObjectsTest, AddAcesOfAnyBatchEqualsAddAceOneByOne) {
  const std::vector<Sid> sids = {NewUser("ASPNET"), Sid::Users(), Sid::Guests()};
  const Sid regrant = NewUser("renamed");
  const std::vector<uint32_t> masks = {fixer::kFileGenericRead, fixer::kFileModify, fixer::kFileAllAccess};
  const std::vector<uint32_t> flags = {0, kOiCi, fixer::kInheritedAce};
  std::mt19937 random(15);
  auto pick = [&random](size_t n) { return static_cast<size_t>(random() % n); };
  auto any_ace = [&] {
    return Ace{pick(2) == 0 ? AceType::kAllow : AceType::kDeny, sids[pick(sids.size())], masks[pick(masks.size())],
               flags[pick(flags.size())]};
  };
  auto canonical = [](const Ace& a, const Ace& b) {
    auto cls = [](const Ace& x) { return (x.flags & fixer::kInheritedAce) ? 2 : x.type == AceType::kDeny ? 0 : 1; };
    return cls(a) < cls(b);
  };
  for (size_t round = 0; round < 120; ++round) {
    std::vector<Ace> dacl(pick(12));
    for (Ace& ace : dacl) ace = any_ace();
    std::stable_sort(dacl.begin(), dacl.end(), canonical);
    std::vector<Ace> batch(round < 10 ? round : pick(150));
    for (Ace& ace : batch) ace = !dacl.empty() && pick(4) == 0 ? dacl[pick(dacl.size())] : any_ace();
    if (round % 2 == 1) {  // a re-grant's batch: the DACL's ACEs again for another SID, in canonical order
      batch.clear();
      for (const Ace& ace : dacl) batch.push_back({ace.type, regrant, ace.mask, ace.flags});
    } else if (round % 4 == 2) {
      std::stable_sort(batch.begin(), batch.end(), canonical);
    }
    const ObjectRef batched{ObjectNamespace::kFile, "C:\\batched" + std::to_string(round)};
    const ObjectRef one_by_one{ObjectNamespace::kFile, "C:\\one-by-one" + std::to_string(round)};
    ASSERT_TRUE(objects_.Create(batched.ns, batched.path, true, Sid::Administrators(), dacl).ok());
    ASSERT_TRUE(objects_.Create(one_by_one.ns, one_by_one.path, true, Sid::Administrators(), dacl).ok());

    const uint64_t calls = machine_.faults().calls();
    ASSERT_TRUE(objects_.AddAces(batched, batch).ok());
    const bool changed = objects_.Find(batched)->dacl != dacl;
    EXPECT_EQ(machine_.faults().calls() - calls, changed ? 1u : 0u) << "round " << round;
    for (const Ace& ace : batch) ASSERT_TRUE(objects_.AddAce(one_by_one, ace).ok());
    EXPECT_EQ(objects_.Find(batched)->dacl, objects_.Find(one_by_one)->dacl) << "round " << round;
  }
}

TEST_F(ObjectsTest, AFailedAddAcesAddsNoneOfThatObjectsAces) {
  const Sid aspnet = NewUser("ASPNET");
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  fakes::FaultPlan plan;
  plan.Add({.op = "acl.set_dacl", .nth = 1, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
  machine_.set_faults(plan);
  const std::vector<Ace> batch = {{AceType::kAllow, aspnet, fixer::kFileModify, kOiCi},
                                  {AceType::kAllow, aspnet, fixer::kFileGenericRead, 0}};
  EXPECT_EQ(objects_.AddAces(kApp, batch).code(), fixer::kErrorAccessDenied);
  EXPECT_TRUE(objects_.Find(kApp)->dacl.empty());
  EXPECT_EQ(objects_.AddAces({ObjectNamespace::kFile, R"(C:\none\x)"}, batch).code(), fixer::kErrorPathNotFound);
}

TEST_F(ObjectsTest, AccessCheckAccumulatesAllowBitsAndDenyWins) {
  const Sid alice = NewUser("alice");
  ASSERT_TRUE(objects_
                  .Create(kApp.ns, kApp.path, true, Sid::Administrators(),
                          {{AceType::kAllow, Sid::Users(), fixer::kFileGenericRead, 0},
                           {AceType::kAllow, alice, fixer::kFileGenericWrite, 0}})
                  .ok());
  const auto token = TokenOf(alice);
  EXPECT_TRUE(objects_.AccessAllowed(kApp, token, fixer::kFileGenericRead));
  // Read from the group, write from her own ACE: granted together.
  EXPECT_TRUE(objects_.AccessAllowed(kApp, token, fixer::kFileGenericRead | fixer::kFileGenericWrite));
  EXPECT_FALSE(objects_.AccessAllowed(kApp, token, fixer::kFileAllAccess));
  EXPECT_FALSE(objects_.AccessAllowed(kApp, TokenOf(NewUser("bob")), fixer::kFileGenericWrite));

  // A deny to a group she is in refuses the bits it names, whatever she is allowed.
  ASSERT_TRUE(objects_.AddAce(kApp, {AceType::kDeny, Sid::Users(), fixer::kFileGenericWrite, 0}).ok());
  EXPECT_FALSE(objects_.AccessAllowed(kApp, token, fixer::kFileGenericWrite));
  EXPECT_TRUE(objects_.AccessAllowed(kApp, token, 0x1));  // FILE_READ_DATA: not denied
  EXPECT_FALSE(objects_.AccessAllowed({ObjectNamespace::kFile, R"(C:\none)"}, token, 0x1));
}

TEST_F(ObjectsTest, OwnerAlwaysGetsReadControlAndWriteDac) {
  const Sid alice = NewUser("alice");
  ASSERT_TRUE(
      objects_.Create(kApp.ns, kApp.path, true, alice, {{AceType::kDeny, alice, fixer::kFileAllAccess, 0}}).ok());
  EXPECT_TRUE(objects_.AccessAllowed(kApp, TokenOf(alice), kReadControl | kWriteDac));
  EXPECT_FALSE(objects_.AccessAllowed(kApp, TokenOf(alice), kReadControl | 0x1));
  EXPECT_FALSE(objects_.AccessAllowed(kApp, TokenOf(NewUser("bob")), kReadControl));
}

TEST_F(ObjectsTest, InheritOnlyAcesDoNotApplyAndGenericRightsAreMapped) {
  const Sid alice = NewUser("alice");
  ASSERT_TRUE(objects_
                  .Create(kApp.ns, kApp.path, true, Sid::Administrators(),
                          {{AceType::kDeny, alice, fixer::kFileAllAccess, kOiCi | fixer::kInheritOnlyAce},
                           {AceType::kAllow, alice, kGenericRead, 0}})
                  .ok());
  EXPECT_TRUE(objects_.AccessAllowed(kApp, TokenOf(alice), fixer::kFileGenericRead));
  EXPECT_FALSE(objects_.AccessAllowed(kApp, TokenOf(alice), fixer::kFileGenericWrite));
}

TEST_F(ObjectsTest, MutationsAreNamedByNamespace) {
  machine_.faults().ResetCounters();
  ASSERT_TRUE(objects_.Create(kApp.ns, kApp.path, true, Sid::Administrators(), {}).ok());
  ASSERT_TRUE(objects_.Create(ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\X)", true, Sid::Administrators(), {}).ok());
  ASSERT_TRUE(objects_.AddAce(kApp, {AceType::kAllow, Sid::Users(), 1, 0}).ok());
  ASSERT_TRUE(objects_.RemoveAce(kApp, {AceType::kAllow, Sid::Users(), 1, 0}).ok());
  ASSERT_TRUE(objects_.Erase(kApp).ok());
  std::vector<std::string> ops;
  for (const auto& e : machine_.faults().trace()) ops.push_back(e.op);
  EXPECT_EQ(ops, (std::vector<std::string>{"file.create", "registry.create", "acl.add_ace", "acl.remove_ace",
                                           "file.delete"}));
}

}  // namespace
