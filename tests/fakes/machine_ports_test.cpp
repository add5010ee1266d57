// MachinePorts: the fixer's ports over a fake machine. Here, the password policy port and the
// security port's FindAcesOn and AddAcesEach.
#include "fakes/machine_ports.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include <span>
#include <string>
#include <vector>

#include "fakes/faults.h"
#include "fakes/objects.h"

#include "test_machine.h"

namespace fakes_test {
namespace {

fakes::Machine StrictMachine() {
  fakes::MachineState s = MinimalXpState();
  s.lsa.password_policy.min_length = 12;
  s.lsa.password_policy.complexity = true;
  s.lsa.password_policy.history = 5;
  return fakes::Machine(std::move(s));
}

// recreate asks for a temporary password after ASPNET is deleted: the answer is NetUserAdd's
// (the policy's rules), not 2221 for the missing account.
TEST(PolicyPort, ChecksAnAccountThatDoesNotExistYetAsNetUserAddWould) {
  fakes::Machine m = StrictMachine();
  fakes::MachinePorts ports(m);
  auto& policy = ports.ports().policy;
  EXPECT_EQ(policy.Check("ASPNET", Pw("1pass@word")).code(), fixer::kNerrPasswordTooShort);
  EXPECT_EQ(policy.Check("ASPNET", Pw("aspnet-Long-2003")).code(), fixer::kNerrPasswordTooShort)
      << "the account name inside the password";
  EXPECT_TRUE(policy.Check("ASPNET", Pw("Tmp!Pass-2003-xyz")).ok());
}

// The fixer sets passwords as an administrator: length and complexity bind it, the history does
// not (Q102529), so a remembered password passes and a short one does not.
TEST(PolicyPort, ChecksAnExistingAccountAsAnAdministratorsSet) {
  fakes::Machine m = StrictMachine();
  fakes::Sam sam(m);
  ASSERT_TRUE(sam.CreateUser({.name = "ASPNET"}, Pw("Old!Pass-2003-abc")).ok());
  fakes::MachinePorts ports(m);
  auto& policy = ports.ports().policy;
  EXPECT_TRUE(policy.Check("ASPNET", Pw("Old!Pass-2003-abc")).ok());
  EXPECT_EQ(policy.Check("ASPNET", Pw("Tmp!Pass")).code(), fixer::kNerrPasswordTooShort);
  EXPECT_TRUE(policy.Check("ASPNET", Pw("Tmp!Pass-2003-xyz")).ok());
}

// A backend without its own FindAcesOn: Security's default, which filters one walk.
class WalkOnlySecurity : public fixer::SecurityWrapper {
 public:
  using SecurityWrapper::SecurityWrapper;
  fixer::Result<std::vector<std::vector<fixer::Ace>>> FindAcesOn(const fixer::Sid& sid,
                                                                 std::span<const fixer::ObjectAces> on) override {
    return fixer::Security::FindAcesOn(sid, on);
  }
};

// The fake looks each object up; the default walks every object once. Both answer alike, and
// the fake's is one read of "acl.find_aces", which a read rule can fail.
TEST(SecurityPort, FindAcesOnAnswersAsTheDefaultWalkAndIsOneRead) {
  fakes::Machine m(MinimalXpState());
  auto aspnet = fakes::Sam(m).CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  ASSERT_TRUE(aspnet.ok());
  const fixer::Ace allow{fixer::AceType::kAllow, *aspnet, fixer::kFileModify, fixer::kObjectInheritAce};
  const fixer::Ace deny{fixer::AceType::kDeny, *aspnet, fixer::kFileGenericWrite, 0};
  const fixer::Ace users{fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 0};
  fakes::ObjectStore objects(m);
  ASSERT_TRUE(
      objects.Create(fixer::ObjectNamespace::kFile, R"(C:\a)", true, fixer::Sid::Administrators(), {deny, users, allow})
          .ok());
  ASSERT_TRUE(
      objects.Create(fixer::ObjectNamespace::kFile, R"(C:\b)", true, fixer::Sid::Administrators(), {users}).ok());
  ASSERT_TRUE(
      objects
          .Create(fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)", true, fixer::Sid::Administrators(), {allow})
          .ok());
  const std::vector<fixer::ObjectAces> asked = {{{fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\A)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\gone)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\b)"}, {}},
                                                {{fixer::ObjectNamespace::kFile, R"(C:\a)"}, {}}};
  fakes::MachinePorts ports(m);
  fixer::Security& security = ports.ports().security;
  WalkOnlySecurity walk_only(security);
  auto looked_up = security.FindAcesOn(*aspnet, asked);
  auto walked = walk_only.FindAcesOn(*aspnet, asked);
  ASSERT_TRUE(looked_up.ok());
  ASSERT_TRUE(walked.ok());
  const std::vector<std::vector<fixer::Ace>> expected = {{allow}, {}, {}, {deny, allow}};
  EXPECT_EQ(*looked_up, expected);
  EXPECT_EQ(*walked, expected);

  fakes::FaultPlan plan;
  plan.Add({.op = "acl.find_aces", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  m.set_faults(plan);
  EXPECT_EQ(security.FindAcesOn(*aspnet, asked).status().code(), fixer::kErrorAccessDenied);
  EXPECT_TRUE(security.FindAcesOn(*aspnet, asked).ok()) << "one read: the rule's first one only";
}

// The ACEs AddAcesEach adds to each object (a fixed list per object), and the answers it hears.
class FixedWrites final : public fixer::AceWrites {
 public:
  explicit FixedWrites(std::vector<std::vector<fixer::Ace>> aces) : aces_(std::move(aces)) {}
  void AcesFor(size_t i, std::vector<fixer::Ace>& aces) override {
    EXPECT_TRUE(aces.empty());
    aces = aces_.at(i);
  }
  void Written(size_t i, const fixer::Status& st) override {
    EXPECT_EQ(i, answers.size()) << "one answer per object, in order";
    answers.push_back(st.code());
  }
  std::vector<uint32_t> answers;

 private:
  std::vector<std::vector<fixer::Ace>> aces_;
};

// What AddAcesEach leaves: the answers, every object's DACL, and the mutations made.
struct EachOutcome {
  std::vector<uint32_t> answers;
  fakes::ObjectMap objects;
  std::vector<std::string> mutations;
};

// `shared`: another copy of the machine holds its objects, so the first write copies the index
// in the middle of the walk.
EachOutcome AddAcesEachOnFiveFiles(bool the_fakes_own, bool shared = false) {
  fakes::Machine m(MinimalXpState());
  auto aspnet = fakes::Sam(m).CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  EXPECT_TRUE(aspnet.ok());
  const fixer::Ace allow{fixer::AceType::kAllow, *aspnet, fixer::kFileModify, fixer::kObjectInheritAce};
  const fixer::Ace deny{fixer::AceType::kDeny, *aspnet, fixer::kFileGenericWrite, 0};
  const fixer::Ace inherited{fixer::AceType::kAllow, *aspnet, fixer::kFileGenericRead, fixer::kInheritedAce};
  const fixer::Ace users{fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 0};
  fakes::ObjectStore store(m);
  for (const char* path : {R"(C:\a)", R"(C:\b)", R"(C:\c)", R"(C:\d)", R"(C:\e)"}) {
    EXPECT_TRUE(store.Create(fixer::ObjectNamespace::kFile, path, true, fixer::Sid::Administrators(), {users}).ok());
  }
  EXPECT_TRUE(store.AddAce({fixer::ObjectNamespace::kFile, R"(C:\d)"}, allow).ok());
  const auto file = [](const char* path) { return fixer::ObjectAces{{fixer::ObjectNamespace::kFile, path}, {}}; };
  const std::vector<fixer::ObjectAces> objects = {file(R"(C:\a)"), file(R"(C:\B)"), file(R"(C:\gone)"),
                                                  file(R"(C:\c)"), file(R"(C:\d)"), file(R"(C:\nowhere\x)"),
                                                  file(R"(C:\a)"), file(R"(C:\e)"), file(R"(C:\b)")};
  FixedWrites writes({{allow, deny}, {deny, deny}, {allow}, {}, {allow}, {deny}, {deny, inherited}, {allow}, {allow}});
  fakes::FaultPlan plan;
  plan.Add({.op = "acl.set_dacl", .nth = 4, .error = fixer::kErrorAccessDenied});  // C:\e's
  m.set_faults(plan);
  fakes::MachinePorts ports(m);
  fixer::SecurityWrapper loop(ports.ports().security);
  fixer::Security& security = the_fakes_own ? ports.ports().security : loop;
  using Dacls = std::vector<std::pair<std::string, std::vector<fixer::Ace>>>;
  const auto dacls = [](const fakes::ObjectMap& map) {
    Dacls out;
    for (const auto& [key, object] : map) out.emplace_back(key, object.dacl);
    return out;
  };
  std::optional<fakes::MachineState> copy;  // unshared: no other copy at all
  Dacls before;
  if (shared) {
    copy = m.state();
    before = dacls(copy->objects);
  }
  security.AddAcesEach(objects, writes);
  if (copy) {
    EXPECT_TRUE(dacls(copy->objects) == before) << "the copy keeps its objects";
  }
  EachOutcome out{writes.answers, m.state().objects, {}};
  for (const fakes::MutationEvent& e : m.faults().trace()) out.mutations.push_back(e.op + " " + e.target);
  return out;
}

// The fake finds each object from the one before it; the port's default (which a
// SecurityWrapper keeps) is a loop of AddAces. Both make the same writes and answer alike: in
// the map's order and out of it, another spelling of a path, missing objects (2 with the folder,
// 3 without), nothing to add, nothing new, a repeated ACE, a failed write, an inherited ACE.
TEST(SecurityPort, AddAcesEachDoesWhatALoopOfAddAcesDoes) {
  const EachOutcome fakes_own = AddAcesEachOnFiveFiles(true);
  const EachOutcome looped = AddAcesEachOnFiveFiles(false);
  const std::vector<uint32_t> expected = {
      0, 0, fixer::kErrorFileNotFound, 0, 0, fixer::kErrorPathNotFound, 0, fixer::kErrorAccessDenied, 0};
  EXPECT_EQ(fakes_own.answers, expected);
  EXPECT_EQ(looped.answers, expected);
  const std::vector<std::string> writes = {R"(acl.set_dacl C:\a)", R"(acl.set_dacl C:\B)", R"(acl.set_dacl C:\a)",
                                           R"(acl.set_dacl C:\e)", R"(acl.set_dacl C:\b)"};
  EXPECT_EQ(fakes_own.mutations, writes);
  EXPECT_EQ(looped.mutations, writes);
  EXPECT_TRUE(fakes_own.objects == looped.objects) << "the same DACLs";
}

// The same walk when another copy shares the objects: the first write copies the index, and the
// walk goes on in the copy (the objects after it found from the one before, as unshared).
TEST(SecurityPort, AddAcesEachOnSharedObjectsDoesWhatItDoesOnItsOwn) {
  const EachOutcome own = AddAcesEachOnFiveFiles(true);
  for (const bool the_fakes_own : {true, false}) {
    const EachOutcome shared = AddAcesEachOnFiveFiles(the_fakes_own, true);
    EXPECT_EQ(shared.answers, own.answers);
    EXPECT_EQ(shared.mutations, own.mutations);
    EXPECT_TRUE(shared.objects == own.objects) << "the same DACLs";
  }
}

// The Win32 backend's Write registers its source under Eventlog\<log> (EventMessageFile,
// TypesSupported) before ReportEvent, so Event Viewer shows the mark's text; the fake's port makes
// the same key in the same call, and a fault on the call leaves neither the event nor the key
// (audit 10 item 12; docs/windows-reference.md#event-sources).
TEST(EventLogPort, WriteRegistersItsSourceInTheSameCall) {
  fakes::Machine m(MinimalXpState());
  fakes::MachinePorts ports(m);
  const fixer::ObjectRef key{fixer::ObjectNamespace::kRegistry,
                             "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Eventlog\\Application\\aspnet-fixer"};
  fakes::FaultPlan plan;
  plan.Add({.op = "eventlog.write", .nth = 1, .error = fixer::kErrorLogFileFull});
  m.set_faults(plan);
  const fixer::EventRecord mark{.source = "aspnet-fixer", .id = 1, .text = "The profile of ASPNET ..."};
  EXPECT_EQ(ports.ports().events.Write(mark).code(), fixer::kErrorLogFileFull);
  EXPECT_FALSE(fakes::ObjectStore(m).Exists(key));
  ASSERT_TRUE(ports.ports().events.Write(mark).ok());
  const fakes::SecurableObject* registered = fakes::ObjectStore(m).Find(key);
  ASSERT_NE(registered, nullptr);
  EXPECT_EQ(registered->values.at("TypesSupported"), "7");  // error, warning and information
  EXPECT_EQ(registered->values.at("EventMessageFile"), "aspnet-fixer.exe");
  EXPECT_TRUE(ports.ports().security.ReadSecurity(key).ok());
  ASSERT_EQ(ports.ports().events.Read("Application")->size(), 1u);
}

}  // namespace
}  // namespace fakes_test
