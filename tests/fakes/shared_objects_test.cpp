// A machine's objects are shared between its copies until one writes them (object_map.h): each
// write of ObjectStore changes only the machine it is made on, never the machine as found (kept
// at the first mutation, or handed in) nor another copy; it copies only the object it changes
// (every other object stays shared); and a copy that writes nothing still shares.
#include <gtest/gtest.h>

#include <iterator>
#include <memory>
#include <string>

#include "fakes/fresh_install.h"
#include "fakes/objects.h"

namespace {

using fixer::ObjectNamespace;

const fixer::ObjectRef kRoot{ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot)"};
const fixer::Ace kWorkerAce{fixer::AceType::kAllow, fixer::Sid(5, {21, 1, 2, 3, 1004}), fixer::kFileModify, 0};

// Each write ObjectStore makes, on a machine whose objects another copy shares.
using Write = fixer::Status (*)(fakes::ObjectStore&);
const Write kWrites[] = {
    [](fakes::ObjectStore& s) { return s.AddAce(kRoot, kWorkerAce); },
    [](fakes::ObjectStore& s) { return s.AddAces(kRoot, std::span(&kWorkerAce, 1)); },
    [](fakes::ObjectStore& s) {
      const fixer::Ace held = *s.Find(kRoot)->dacl.begin();
      return s.RemoveAce(kRoot, held);
    },
    [](fakes::ObjectStore& s) {
      const fixer::Ace held = *s.Find(kRoot)->dacl.begin();
      return s.RemoveAces(kRoot, std::span(&held, 1));
    },
    [](fakes::ObjectStore& s) { return s.SetValue(kRoot, "v", "1"); },
    [](fakes::ObjectStore& s) {
      return s.Create(ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\new)", true, fixer::Sid::Administrators(), {});
    },
    [](fakes::ObjectStore& s) { return s.Erase(kRoot); },
};

TEST(SharedObjects, AWriteChangesOnlyTheMachineItIsMadeOn) {
  const fakes::MachineState fresh = fakes::FreshInstall({.seed = 3});
  for (size_t i = 0; i < std::size(kWrites); ++i) {
    for (const bool handed_in : {false, true}) {
      SCOPED_TRACE(testing::Message() << "write " << i << (handed_in ? ", found handed in" : ", found kept"));
      fakes::Machine machine(fresh);
      const auto found = std::make_shared<const fakes::MachineState>(fresh);
      if (handed_in) {
        machine.MarkFound(found);
      } else {
        machine.MarkFound();
      }
      const fakes::MachineState other = machine.state();  // another copy sharing the objects
      fakes::ObjectStore store(machine);
      ASSERT_TRUE(kWrites[i](store).ok());
      EXPECT_TRUE(machine.Changed());
      EXPECT_FALSE(machine.state().objects == fresh.objects);
      EXPECT_TRUE(other.objects == fresh.objects) << "a copy taken before the write keeps the objects";
      EXPECT_TRUE(*found == fresh) << "the machine as found keeps the objects";
    }
  }
}

TEST(SharedObjects, AWriteCopiesOnlyTheObjectItChanges) {
  const fakes::MachineState fresh = fakes::FreshInstall({.seed = 3});
  const std::string root = fakes::ObjectKey(kRoot.ns, kRoot.path);
  ASSERT_GT(fresh.objects.size(), 3u);
  for (size_t i = 0; i < std::size(kWrites); ++i) {
    SCOPED_TRACE(testing::Message() << "write " << i);
    fakes::Machine machine(fresh);
    machine.MarkFound();
    fakes::ObjectStore store(machine);
    ASSERT_TRUE(kWrites[i](store).ok());
    const fakes::ObjectMap& now = machine.state().objects;
    size_t shared = 0;
    for (const auto& [key, object] : fresh.objects) {
      if (key == root) continue;  // the object written (or the parent of the one created)
      EXPECT_EQ(&now.at(key), &object) << key << " copied by a write to another object";
      ++shared;
    }
    EXPECT_EQ(shared, fresh.objects.size() - 1);
  }
}

TEST(SharedObjects, ACopyThatWritesNothingStillShares) {
  fakes::Machine machine(fakes::FreshInstall({.seed = 3}));
  const fakes::MachineState copy = machine.state();
  fakes::ObjectStore store(machine);
  // Nothing new to add, nothing held to remove: no mutation, no copy of the objects.
  const fixer::Ace held = *store.Find(kRoot)->dacl.begin();
  ASSERT_TRUE(store.AddAce(kRoot, held).ok());
  ASSERT_TRUE(store.RemoveAce(kRoot, kWorkerAce).ok());
  EXPECT_TRUE(copy.objects.Shares(machine.state().objects));
}

}  // namespace
