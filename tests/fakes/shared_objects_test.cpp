// A machine's objects are shared between its copies until one writes them (state.h's ObjectMap):
// each write of ObjectStore changes only the machine it is made on, never the machine as found
// (kept at the first mutation, or handed in) nor another copy, and a copy that writes nothing
// still shares.
#include <gtest/gtest.h>

#include <memory>

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
      EXPECT_TRUE(other.objects.get() == fresh.objects.get()) << "a copy taken before the write keeps the objects";
      EXPECT_TRUE(found->objects.get() == fresh.objects.get()) << "the machine as found keeps the objects";
    }
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
  EXPECT_EQ(&copy.objects.get(), &machine.state().objects.get());
}

}  // namespace
