// ObjectMap (object_map.h): the objects in key order, each shared between copies until written;
// a write copies the index and the one object it changes, and only when another map holds them.
#include "fakes/object_map.h"

#include "fixer/name_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using fakes::ObjectMap;
using fakes::SecurableObject;
using fixer::ObjectNamespace;

const fixer::Ace kUsersRead{fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 0};

SecurableObject File(const std::string& path, size_t aces = 1) {
  SecurableObject object{.ns = ObjectNamespace::kFile, .path = path};
  object.dacl.assign(aces, kUsersRead);
  return object;
}

// Files C:\f0 .. C:\f<n-1>, put in reverse order.
ObjectMap Files(size_t n) {
  ObjectMap map;
  for (size_t i = n; i-- > 0;) {
    const std::string path = "C:\\F" + std::to_string(i);
    map.Put(fakes::ObjectKey(ObjectNamespace::kFile, path), File(path));
  }
  return map;
}

std::vector<std::string> Keys(const ObjectMap& map) {
  std::vector<std::string> keys;
  for (const auto& [key, object] : map) keys.push_back(key);
  return keys;
}

// Win32's path normalisation ("File path formats on Windows systems", Normalization): one folder
// however it is spelled, and so one key; a registry key keeps its '/' (a legal name character).
TEST(ObjectMap, AFilePathIsNormalisedAsWin32DoesBeforeItIsAKey) {
  EXPECT_EQ(fakes::NormalFilePath("C:/Inetpub//wwwroot\\.\\x\\..\\shop.\\"), "C:\\Inetpub\\wwwroot\\shop");
  EXPECT_EQ(fakes::NormalFilePath("C:\\shop  "), "C:\\shop");
  EXPECT_EQ(fakes::NormalFilePath("C:\\a.\\b"), "C:\\a\\b");   // a segment's one trailing period
  EXPECT_EQ(fakes::NormalFilePath("C:\\..\\..\\a"), "C:\\a");  // never above the drive
  EXPECT_EQ(fakes::NormalFilePath("C:\\"), "C:\\");
  using fixer::ObjectNamespace;
  EXPECT_EQ(fakes::ObjectKey(ObjectNamespace::kFile, "c:\\inetpub\\WWWROOT\\Shop\\"),
            fakes::ObjectKey(ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\shop"));
  EXPECT_EQ(fakes::FoldedObjectKey(ObjectNamespace::kFile, "C:/Inetpub/wwwroot/shop").view(),
            fakes::ObjectKey(ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\shop"));
  EXPECT_NE(fakes::ObjectKey(ObjectNamespace::kRegistry, "HKLM\\SOFTWARE\\a/b"),
            fakes::ObjectKey(ObjectNamespace::kRegistry, "HKLM\\SOFTWARE\\a\\b"));
}

// The key folds the path and checks it for what Win32 would spell otherwise in one pass: each
// spelling that needs normalising, wherever it stands, short or past the key's inline buffer,
// makes the key of its normal form, and a normal path its own folded key.
TEST(ObjectMap, TheOnePassFoldFindsEverySpellingThatNeedsNormalising) {
  using fixer::ObjectNamespace;
  const std::string long_folder(300, 'x');
  for (const std::string& path :
       {std::string("C:/a"), std::string("/a"), std::string("C:\\a\\\\b"), std::string("C:\\a\\.\\b"),
        std::string("C:\\a\\..\\b"), std::string("C:\\a."), std::string("C:\\a "), std::string("C:\\a\\"),
        std::string("C:."), "C:\\" + long_folder + "\\\\b", "C:\\" + long_folder + "/b.",
        std::string("C:\\Normal\\Path"), "C:\\" + long_folder + "\\Normal"}) {
    const std::string normal = fakes::NormalFilePath(path);
    std::string folded = "file:" + normal;
    for (char& c : folded) c = fixer::FoldWindowsChar(c);
    EXPECT_EQ(fakes::ObjectKey(ObjectNamespace::kFile, path), folded) << path;
    EXPECT_EQ(fakes::FoldedObjectKey(ObjectNamespace::kFile, path).view(), folded) << path;
  }
  EXPECT_EQ(fakes::FoldedObjectKey(ObjectNamespace::kFile, "").view(), "file:");
  EXPECT_EQ(fakes::ObjectKey(ObjectNamespace::kRegistry, "HKLM\\A/b."), "registry:hklm\\a/b.");
}

TEST(ObjectMap, IteratesInKeyOrderWhateverTheOrderOfWrites) {
  ObjectMap map = Files(12);
  map.Put(fakes::ObjectKey(ObjectNamespace::kRegistry, "HKLM\\A"),
          {.ns = ObjectNamespace::kRegistry, .path = "HKLM\\A"});
  const std::vector<std::string> keys = Keys(map);
  ASSERT_EQ(keys.size(), 13u);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(keys.front(), "file:c:\\f0");
  EXPECT_EQ(keys.back(), "registry:hklm\\a");
  EXPECT_EQ(map.lower_bound("file:c:\\f2")->first, "file:c:\\f2");
  EXPECT_EQ(map.find("file:c:\\f7")->second.path, "C:\\F7");
  EXPECT_TRUE(map.find("file:c:\\F7") == map.end()) << "keys are folded: a lookup takes a folded key";
  EXPECT_EQ(std::prev(map.end())->second.ns, ObjectNamespace::kRegistry);
  EXPECT_EQ(map.at("file:c:\\f3").path, "C:\\F3");
  EXPECT_THROW(map.at("file:c:\\none"), std::out_of_range);
}

TEST(ObjectMap, ACopySharesUntilAWriteThenOnlyTheObjectWrittenIsItsOwn) {
  const ObjectMap a = Files(8);
  ObjectMap b = a;
  EXPECT_TRUE(b.Shares(a));
  auto at = b.find("file:c:\\f3");
  b.Writable(at).dacl.push_back({fixer::AceType::kDeny, fixer::Sid::Users(), fixer::kFileGenericWrite, 0});
  EXPECT_FALSE(b.Shares(a));
  EXPECT_FALSE(a == b);
  EXPECT_EQ(a.at("file:c:\\f3").dacl.size(), 1u) << "the map copied keeps the object as it was";
  EXPECT_EQ(b.at("file:c:\\f3").dacl.size(), 2u);
  for (const auto& [key, object] : a) {
    if (key != "file:c:\\f3") {
      EXPECT_EQ(&b.at(key), &object) << key << " copied, though not written";
    }
  }
  b.Writable("file:c:\\f3").dacl.pop_back();
  EXPECT_TRUE(a == b) << "equal object by object, though no longer shared";
}

TEST(ObjectMap, AWriteThatCopiesTheIndexMovesTheIteratorToTheCopy) {
  const ObjectMap a = Files(5);
  ObjectMap b = a;
  auto at = b.find("file:c:\\f1");
  b.Writable(at).container = false;
  EXPECT_FALSE(at->second.container) << "at names the object written";
  size_t rest = 0;
  for (++at; at != b.end(); ++at) ++rest;  // walks b's own index to its end
  EXPECT_EQ(rest, 3u);
  EXPECT_TRUE(a.at("file:c:\\f1").container);
}

TEST(ObjectMap, AnObjectCopiedForAWriteHasTheRoomAsked) {
  const ObjectMap a = Files(3);
  ObjectMap b = a;
  auto at = b.find("file:c:\\f0");
  SecurableObject& written = b.Writable(at, 10);
  EXPECT_EQ(written.dacl.size(), 1u);
  EXPECT_GE(written.dacl.capacity(), 11u);
  EXPECT_TRUE(written == a.at("file:c:\\f0")) << "the copy is the object, room aside";
}

TEST(ObjectMap, WritesThatChangeNothingKeepTheIndexShared) {
  const ObjectMap a = Files(4);
  ObjectMap b = a;
  EXPECT_FALSE(b.Erase("file:c:\\none"));
  EXPECT_FALSE(b.Add("file:c:\\f0", File("C:\\other", 3)));
  EXPECT_EQ(b.EraseIf([](const std::string&, const SecurableObject&) { return false; }), 0u);
  b.ChangeWhere([](const std::string&, const SecurableObject&) { return false; },
                [](const std::string&, SecurableObject& object) { object.dacl.clear(); });
  EXPECT_TRUE(b.Shares(a));
  EXPECT_EQ(b.at("file:c:\\f0").path, "C:\\F0") << "Add keeps the object held";
}

TEST(ObjectMap, EachWriteActsOnTheObjectsItNamesOnly) {
  const ObjectMap a = Files(6);
  ObjectMap b = a;
  EXPECT_TRUE(b.Add("file:c:\\g", File("C:\\G")));
  EXPECT_TRUE(b.Erase("file:c:\\f5"));
  b.Put("file:c:\\f4", File("C:\\F4", 2));
  EXPECT_EQ(b.EraseIf([](const std::string& key, const SecurableObject&) { return key.ends_with("f0"); }), 1u);
  b.ChangeWhere([](const std::string& key, const SecurableObject&) { return key.ends_with("f1"); },
                [](const std::string&, SecurableObject& object) { object.owner = fixer::Sid::Administrators(); });
  EXPECT_EQ(Keys(b),
            (std::vector<std::string>{"file:c:\\f1", "file:c:\\f2", "file:c:\\f3", "file:c:\\f4", "file:c:\\g"}));
  EXPECT_EQ(b.at("file:c:\\f1").owner, fixer::Sid::Administrators());
  EXPECT_EQ(b.at("file:c:\\f4").dacl.size(), 2u);
  EXPECT_EQ(&b.at("file:c:\\f2"), &a.at("file:c:\\f2"));
  EXPECT_EQ(Keys(a).size(), 6u) << "the map copied has every object still";
  EXPECT_EQ(a.at("file:c:\\f1").owner, fixer::Sid());
}

// The key made from the object given in the same call: the object is moved only once both are
// made, whatever order the compiler makes the arguments in.
TEST(ObjectMap, AnObjectMovedInTheCallThatNamesItsKeyIsHeldAtThatKey) {
  const std::string path = "C:\\Documents and Settings\\SHOPWEB\\ASPNET\\Local Settings";  // past SSO
  ObjectMap map;
  SecurableObject object = File(path, 2);
  map.Put(fakes::ObjectKey(object.ns, object.path), std::move(object));
  ASSERT_TRUE(map.contains(fakes::ObjectKey(ObjectNamespace::kFile, path)));
  EXPECT_EQ(map.at(fakes::ObjectKey(ObjectNamespace::kFile, path)).dacl.size(), 2u);
  SecurableObject other = File(path + "2");
  EXPECT_TRUE(map.Add(fakes::ObjectKey(other.ns, other.path), std::move(other)));
  EXPECT_TRUE(map.contains(fakes::ObjectKey(ObjectNamespace::kFile, path + "2")));
}

}  // namespace

namespace {

TEST(ObjectMap, AnObjectAddedSharedIsTheOtherMapsUntilAWrite) {
  const ObjectMap a = Files(3);
  ObjectMap b;
  ASSERT_TRUE(b.AddShared(a.find("file:c:\\f1")));
  EXPECT_FALSE(b.AddShared(a.find("file:c:\\f1"))) << "a key held already keeps its object";
  EXPECT_EQ(Keys(b), std::vector<std::string>{"file:c:\\f1"});
  EXPECT_EQ(&b.at("file:c:\\f1"), &a.at("file:c:\\f1")) << "added by a reference count, not a copy";
  b.Writable("file:c:\\f1").dacl.clear();
  EXPECT_EQ(a.at("file:c:\\f1").dacl.size(), 1u) << "the write copies it first";
}

}  // namespace
