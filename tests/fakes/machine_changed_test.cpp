// Machine::Changed, what a backend answers to "did this run change the machine?" (the exit
// code 3 promise): the state is copied only at the first mutation after MarkFound, so these
// check that the lazy copy answers as a copy taken up front would, for a run that mutates
// nothing, one that draws random numbers only, one that changes a thing and puts it back, and
// one that changes it.
#include <gtest/gtest.h>

#include "fakes/fresh_install.h"
#include "fakes/machine_backend.h"

namespace {

class MachineChanged : public ::testing::Test {
 protected:
  MachineChanged() : machine_(fakes::FreshInstall({.seed = 5})) {}
  fakes::Machine machine_;
};

TEST_F(MachineChanged, NothingMutatedIsNoChange) {
  fakes::MachineBackend backend(machine_);
  EXPECT_FALSE(backend.Changed());
}

TEST_F(MachineChanged, TheRandomStreamAndTheClockChangeWithoutAMutation) {
  fakes::MachineBackend backend(machine_);
  machine_.NextRandom();  // as MachinePorts' Random does for a temporary password
  EXPECT_TRUE(backend.Changed());
  fakes::MachineBackend later(machine_);
  machine_.Advance(60);
  EXPECT_TRUE(later.Changed());
}

TEST_F(MachineChanged, AChangePutBackIsNoChange) {
  fakes::MachineBackend backend(machine_);
  const bool container = machine_.state().objects.begin()->second.container;
  ASSERT_TRUE(machine_.Mutate("file.create", "C:\\x").ok());
  machine_.state().objects.Writable(machine_.state().objects.begin()->first).container = !container;
  EXPECT_TRUE(backend.Changed());
  ASSERT_TRUE(machine_.Mutate("file.create", "C:\\x").ok());
  machine_.state().objects.Writable(machine_.state().objects.begin()->first).container = container;
  EXPECT_FALSE(backend.Changed());
}

TEST_F(MachineChanged, RandomNumbersDrawnBeforeTheFirstMutationStillCount) {
  fakes::MachineBackend backend(machine_);
  machine_.NextRandom();
  ASSERT_TRUE(machine_.Mutate("file.create", "C:\\x").ok());  // copies the state, rng_state as marked
  EXPECT_TRUE(backend.Changed());
}

TEST_F(MachineChanged, EachBackendComparesWithTheStateItFound) {
  {
    fakes::MachineBackend first(machine_);
    ASSERT_TRUE(machine_.Mutate("file.create", "C:\\x").ok());
    machine_.state().objects = {};
    EXPECT_TRUE(first.Changed());
  }
  fakes::MachineBackend second(machine_);
  EXPECT_FALSE(second.Changed());
}

}  // namespace
