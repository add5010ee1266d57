// Machine::Changed against the answer of a full copy taken at MarkFound (`state != found`), after
// every step of random runs that change each kind of field (objects added, removed, renamed;
// their namespace, path, kind, owner, DACL and values; every other section; the clock and the
// random stream) and undo changes exactly, so that both answers occur often. Run once with the
// machine copying the found state at the first mutation and once with the caller handing it in.
#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "fakes/fresh_install.h"
#include "fakes/machine.h"

namespace {

using fakes::MachineState;
using fakes::SecurableObject;

class Mutator {
 public:
  Mutator(fakes::Machine& machine, const MachineState& found, uint32_t seed) : m_(machine), found_(found), rng_(seed) {}

  // One random change (or exact undo) of one field, behind a Mutate() as every port change is.
  void Step() {
    ASSERT_TRUE(m_.Mutate("test.change", "x").ok());
    MachineState& s = m_.state();
    switch (Pick(23)) {
      case 0: Object().dacl.push_back({.sid = Sid(), .mask = Pick(4)}); break;
      case 1:
        if (auto& d = Object().dacl; !d.empty()) d.pop_back();
        break;
      case 2:
        if (auto& d = Object().dacl; !d.empty()) d[Pick(d.size())].mask ^= 1u << Pick(32);
        break;
      case 3:
        if (auto& d = Object().dacl; !d.empty()) d[Pick(d.size())].flags ^= 1u << Pick(4);
        break;
      case 4:
        if (auto& d = Object().dacl; !d.empty()) d[Pick(d.size())].type = fixer::AceType::kDeny;
        break;
      case 5:
        if (auto& d = Object().dacl; !d.empty()) d[Pick(d.size())].sid = Sid();
        break;
      case 6: Object().owner = Sid(); break;
      case 7: Object().values["v" + std::to_string(Pick(3))] = std::to_string(Pick(3)); break;
      case 8: Object().values.erase("v" + std::to_string(Pick(3))); break;
      case 22: Object().values["v0"] += "0"; break;
      case 9: Object().path += "x"; break;
      case 10: Object().container = !Object().container; break;
      case 11: Object().ns = fixer::ObjectNamespace::kMetabase; break;
      case 12: s.objects.Erase(std::next(s.objects.begin(), Pick(s.objects.size()))->first); break;
      case 13: s.objects.Add("zz" + std::to_string(Pick(3)), SecurableObject{.path = "p"}); break;
      case 14: {  // the same object under another key (lost when that key is taken)
        const auto it = std::next(s.objects.begin(), Pick(s.objects.size()));
        std::string key = it->first + std::to_string(Pick(2));
        SecurableObject object = it->second;
        s.objects.Erase(it->first);
        s.objects.Add(std::move(key), std::move(object));
        break;
      }
      case 15: s.sam.users[Pick(s.sam.users.size())].comment = std::to_string(Pick(2)); break;
      case 16: s.lsa.secrets["k" + std::to_string(Pick(2))] = "v"; break;
      case 17: s.services[Pick(s.services.size())].state = fixer::ServiceState::kRunning; break;
      case 18: s.events.push_back({}); break;
      case 19: m_.Advance(Pick(2)); break;
      case 20: s.objects = found_.objects; break;  // every object put back exactly
      case 21: {                                   // everything but the objects put back exactly
        fakes::ObjectMap objects = std::move(s.objects);
        s = found_;
        s.objects = std::move(objects);
        break;
      }
    }
    // Everything, or one object, put back exactly, often, so that runs return to the found state.
    if (Pick(6) == 0) s = found_;
    if (Pick(3) == 0) {
      auto it = std::next(found_.objects.begin(), Pick(found_.objects.size()));
      s.objects.Put(it->first, it->second);
    }
  }

 private:
  uint32_t Pick(size_t n) { return static_cast<uint32_t>(std::uniform_int_distribution<size_t>(0, n - 1)(rng_)); }
  fixer::Sid Sid() { return fixer::Sid(5, {21, 1, 2, 3, 1000 + Pick(3)}); }
  // One of the first few objects (those the undo above puts back), or any.
  SecurableObject& Object() {
    fakes::ObjectMap& objects = m_.state().objects;
    if (objects.empty()) objects.Add("zz", SecurableObject{});
    const size_t n = Pick(2) == 0 ? std::min<size_t>(objects.size(), 4) : objects.size();
    return objects.Writable(std::next(objects.begin(), Pick(n))->first);
  }

  fakes::Machine& m_;
  const MachineState& found_;
  std::mt19937 rng_;
};

class MachineChangedProperty : public ::testing::TestWithParam<bool> {};

TEST_P(MachineChangedProperty, AnswersAsAFullCopyWouldAfterEveryStep) {
  const bool handed_in = GetParam();
  size_t changed = 0, unchanged = 0;
  for (uint32_t seed = 1; seed <= 60; ++seed) {
    fakes::Machine machine(fakes::FreshInstall({.seed = seed}));
    machine.state().objects.ChangeWhere([](const std::string&, const SecurableObject&) { return true; },
                                        [](const std::string&, SecurableObject& object) {
                                          object.values.emplace("v0", "0");  // data to change alone
                                        });
    auto found = std::make_shared<const MachineState>(machine.state());
    if (handed_in) {
      machine.MarkFound(found);
    } else {
      machine.MarkFound();
    }
    if (seed % 3 == 0) machine.NextRandom();  // drawn before the first mutation
    Mutator mutator(machine, *found, seed);
    for (int step = 0; step < 40; ++step) {
      ASSERT_NO_FATAL_FAILURE(mutator.Step());
      const bool expected = machine.state() != *found;
      ASSERT_EQ(machine.Changed(), expected) << "seed " << seed << ", step " << step;
      ++(expected ? changed : unchanged);
    }
  }
  // Both answers must be exercised, many times.
  EXPECT_GT(changed, 500u);
  EXPECT_GT(unchanged, 200u);
}

INSTANTIATE_TEST_SUITE_P(KeptOrHandedIn, MachineChangedProperty, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "HandedIn" : "Copied"; });

}  // namespace
