// The capture defects of audit 11 (items 1, 5, 6) and what a capture could not read (the password
// policy, a domain caller): a capture's reproduction answers as the machine did, or fails the read
// the capture could not make, never resting on the file's defaults.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fakes/objects.h"
#include "fakes/registry_credentials.h"
#include "fakes/sam.h"
#include "fakes/web_requests.h"

namespace capture_reproduces {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

const app::UnreadablePart* Unread(const app::Capture& c, std::string_view read) {
  const auto it = std::find_if(c.unreadable.begin(), c.unreadable.end(),
                               [&](const app::UnreadablePart& u) { return u.read == read; });
  return it == c.unreadable.end() ? nullptr : &*it;
}

// aspnet_setreg (KB 329290) keeps processModel's identity in a registry key SYSTEM may read.
constexpr const char* kSetreg = R"(os: windows-xp-professional
accounts:
  webworker: {password: W3b-Worker-2003}
rights:
  webworker: [SeBatchLogonRight]
objects:
  - registry: 'HKLM\SOFTWARE\Contoso\ASPNET_SETREG'
    acl:
      - {allow: SYSTEM, mask: full}
      - {allow: Administrators, mask: full}
    values: {Uid: webworker, Pwd: W3b-Worker-2003}
frameworks:
  - version: '1.0'
    process_model:
      userName: 'registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Uid'
      password: 'registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Pwd'
hotfixes: [MS03-032]
applications:
  - path: /LM/W3SVC/1/ROOT/app
)";

// Audit 11 item 1: the key the references name is captured with its DACL and the user name, so
// the reproduction resolves the worker as the machine does; the password never leaves the machine.
TEST(CaptureReproduces, TheRegistryKeyAspNetSetregKeepsTheIdentityIn) {
  fakes::Machine original(Load(kSetreg, "setreg.yaml"));
  const app::Capture c = CaptureOf(original);
  EXPECT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  const std::string text = app::CaptureText(c);
  EXPECT_EQ(text.find("W3b-Worker-2003"), std::string::npos) << "the password was written:\n" << text;

  fakes::Machine reproduced(Load(text, "captured.json"));
  fakes::MachineBackend a(original), b(reproduced);
  const std::string user = R"(registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Uid)";
  const fixer::Result<std::string> theirs = a.ports().aspnet.ResolveRegistryCredential(user);
  const fixer::Result<std::string> ours = b.ports().aspnet.ResolveRegistryCredential(user);
  ASSERT_TRUE(ours.ok()) << ours.status().ToString();
  EXPECT_EQ(*ours, *theirs);
  // The password value exists there, holding what no password matches.
  EXPECT_TRUE(fakes::RegistryCredentialIn(reproduced.state(), R"(registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Pwd)")
                  .has_value());
  EXPECT_NE(fakes::RegistryCredentialIn(reproduced.state(), R"(registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Pwd)"),
            "W3b-Worker-2003");
  // Its DACL too: SYSTEM, as which inetinfo.exe reads the key, may still read it.
  const fixer::ObjectRef key{fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Contoso\ASPNET_SETREG)"};
  EXPECT_EQ(capture_helpers::SecurityByName(original, key), capture_helpers::SecurityByName(reproduced, key));
  // And the capture of the reproduction is the same document.
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), text);
}

// A machine whose listed objects each hold what a capture once dropped: System32 and the assembly
// folder inherit from C:\WINDOWS, which no capture holds; a folder below one the capture does not
// hold, owned by the worker; a key inheriting from its parent; a deny ACE and an inherit-only one.
constexpr const char* kInheriting = R"(hotfixes: [MS03-032]
accounts:
  webworker: {password: W3b-Worker-2003}
rights:
  webworker: [SeBatchLogonRight]
objects:
  - file: 'C:\Data'
    acl:
      - {allow: Administrators, mask: full, flags: [OI, CI]}
      - {allow: Users, mask: read, flags: [OI, CI]}
      - {allow: CREATOR OWNER, mask: full, flags: [OI, CI, IO]}
  - file: 'C:\Data\Uploads'
    owner: ASPNET
  - registry: 'HKLM\SOFTWARE\Contoso'
    acl:
      - {allow: SYSTEM, mask: full, flags: [CI]}
      - {allow: Administrators, mask: full, flags: [CI]}
  - registry: 'HKLM\SOFTWARE\Contoso\ASPNET_SETREG'
    owner: webworker
    values: {Uid: webworker, Pwd: W3b-Worker-2003}
frameworks:
  - version: '1.0'
    process_model:
      userName: 'registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Uid'
      password: 'registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,Pwd'
applications:
  - path: /LM/W3SVC/1/ROOT/app
)";

// Each object the capture lists is the original's in the reproduction: its owner and its whole
// DACL, explicit and inherited ACEs in order with their flags, where a parent the capture does not
// hold gave it ACEs (the loader takes a listed object's acl as its whole DACL).
TEST(CaptureReproduces, EachListedObjectWithItsOwnerAndWholeDacl) {
  fakes::Machine original(Load(kInheriting, "inheriting.yaml"));
  fakes::ObjectStore store(original);
  const fixer::Sid aspnet = *fakes::Sam(original).LookupName("ASPNET");
  const fixer::ObjectRef uploads{fixer::ObjectNamespace::kFile, R"(C:\Data\Uploads)"};
  const fixer::ObjectRef parent_key{fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Contoso)"};
  const fixer::Sid webworker = *fakes::Sam(original).LookupName("webworker");
  ASSERT_TRUE(store.AddAce(uploads, {fixer::AceType::kDeny, aspnet, 0x40000, 0}).ok());  // WRITE_DAC denied
  ASSERT_TRUE(store.AddAce(parent_key, {fixer::AceType::kAllow, webworker, 0x20019, fixer::kContainerInheritAce}).ok());
  const app::Capture c = CaptureOf(original);
  ASSERT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  const std::vector<fixer::ObjectRef> listed = capture_helpers::ListedObjects(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  for (const fixer::ObjectRef& o : listed) {
    EXPECT_EQ(capture_helpers::SecurityByName(reproduced, o), capture_helpers::SecurityByName(original, o)) << o.path;
  }
  // Those whose parent the file does not hold are listed, and hold inherited ACEs: the comparison
  // above is of more than the ACEs naming a captured account.
  for (const fixer::ObjectRef& o :
       {fixer::ObjectRef{fixer::ObjectNamespace::kFile, R"(C:\WINDOWS\System32)"},
        fixer::ObjectRef{fixer::ObjectNamespace::kFile, R"(C:\WINDOWS\assembly)"}, uploads,
        fixer::ObjectRef{fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Contoso\ASPNET_SETREG)"}}) {
    EXPECT_TRUE(std::any_of(listed.begin(), listed.end(), [&](const fixer::ObjectRef& l) { return l == o; }))
        << o.path << " is not listed:\n"
        << app::CaptureText(c);
    const std::vector<std::string> theirs = capture_helpers::SecurityByName(original, o);
    EXPECT_TRUE(std::any_of(theirs.begin(), theirs.end(), [](const std::string& line) {
      return line.find("(I)") != std::string::npos;
    })) << o.path;
  }
  EXPECT_EQ(capture_helpers::SecurityByName(reproduced, uploads).front(), "owner XPPRO\\ASPNET");
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), app::CaptureText(c));
}

// Audit 11 item 5: one folder under two spellings (IIS's trailing backslash) is one object, which
// the capture writes once: the file loads, and captures the same again.
TEST(CaptureReproduces, OneFolderSpelledTwoWaysIsWrittenOnce) {
  fakes::Machine original(Load(R"(frameworks: ["1.0"]
hotfixes: [MS03-032]
objects:
  - file: 'C:\Inetpub\wwwroot\shop'
    acl: [{allow: ASPNET, mask: modify, flags: [OI, CI]}]
applications:
  - path: /LM/W3SVC/1/ROOT/shop
    physical_path: 'C:\Inetpub\wwwroot\shop\'
  - path: /LM/W3SVC/1/ROOT/shop2
    physical_path: 'c:\inetpub\WWWROOT\Shop'
)",
                               "two-spellings.yaml"));
  const std::string text = app::CaptureText(CaptureOf(original));
  auto loaded = fakes::LoadMachineText(text, "captured.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  fakes::Machine reproduced(*loaded.value);
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), text);
  EXPECT_EQ(fakes::StatusOfEveryApp(reproduced), fakes::StatusOfEveryApp(original));
  for (const fixer::ObjectRef& o : capture_helpers::ListedObjects(CaptureOf(original))) {
    EXPECT_EQ(capture_helpers::SecurityByName(reproduced, o), capture_helpers::SecurityByName(original, o)) << o.path;
  }
}

// Audit 11 item 6: the console user is captured, account and profile: a Cassini site (XP Home,
// served as that user) answers in the reproduction as on the machine, in another domain (seed 99).
TEST(CaptureReproduces, TheConsoleUserCassiniRunsAs) {
  fakes::Machine original(Load(R"(seed: 99
os: windows-xp-home
web_server: cassini
accounts:
  Owner: {password: 0wner-Home-2003, groups: [Administrators]}
profiles:
  Owner: present
session: {interactive_user: Owner}
frameworks: ['1.0']
applications:
  - path: /app
    physical_path: 'C:\Documents and Settings\Owner\My Documents\app'
)",
                               "home99.yaml"));
  const app::Capture c = CaptureOf(original);
  EXPECT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  EXPECT_EQ(reproduced.state().session.interactive_user, std::optional<std::string>("Owner"));
  EXPECT_EQ(fakes::StatusOfEveryApp(original), (std::map<std::string, int>{{"/app", 200}}));
  EXPECT_EQ(fakes::StatusOfEveryApp(reproduced), fakes::StatusOfEveryApp(original));
  // The objects naming the console user (its profile, the application's folder) are the machine's,
  // owner and whole DACL, by name: the reproduction's domain is another.
  const std::vector<fixer::ObjectRef> listed = capture_helpers::ListedObjects(c);
  EXPECT_FALSE(listed.empty());
  for (const fixer::ObjectRef& o : listed) {
    EXPECT_EQ(capture_helpers::SecurityByName(reproduced, o), capture_helpers::SecurityByName(original, o)) << o.path;
  }
  // Nobody at the console is a fact the file says too.
  fakes::Machine nobody(Load("os: windows-xp-home\nweb_server: cassini\n", "nobody.yaml"));
  fakes::Machine nobody_reproduced(Load(app::CaptureText(CaptureOf(nobody)), "captured.json"));
  EXPECT_FALSE(nobody_reproduced.state().session.interactive_user.has_value());
}

// The console user a capture cannot hold (a domain user): listed, and the reproduction's Cassini
// says so instead of serving as nobody.
struct DomainConsoleUser : fixer::InventoryWrapper {
  using InventoryWrapper::InventoryWrapper;
  fixer::Result<std::string> ConsoleUser() override { return std::string("CORP\\bob"); }
};

TEST(CaptureReproduces, AConsoleUserTheFileCannotHoldIsListed) {
  fakes::Machine machine(Load("os: windows-xp-professional\nframeworks: ['1.0']\n", "domain.yaml"));
  fakes::MachineBackend backend(machine);
  DomainConsoleUser inventory(backend.ports().inventory);
  fixer::Ports ports = backend.ports().With(inventory);
  const app::Capture c = app::CaptureMachine(ports, "aspnet-fixer test");
  const app::UnreadablePart* console = Unread(c, "the console user");
  ASSERT_NE(console, nullptr) << app::CaptureText(c);
  EXPECT_EQ(console->error.code(), 2221u);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().inventory.ConsoleUser().status().code(), 2221u);
}

// A domain caller (GetUserName's bare name, no account of this SAM) is recorded as the machine's
// caller read gave it (capture.caller): the reproduction's caller read answers the same, never
// with the file's default caller, Administrator (an administrator).
struct DomainCaller : fixer::InventoryWrapper {
  using InventoryWrapper::InventoryWrapper;
  fixer::Result<fixer::CallerInfo> Caller() override { return fixer::CallerInfo{"CORP\\alice", false}; }
};

TEST(CaptureReproduces, ADomainCallerIsNoDefaultCaller) {
  fakes::Machine machine(Load("os: windows-xp-professional\nframeworks: ['1.0']\n", "domain.yaml"));
  fakes::MachineBackend backend(machine);
  DomainCaller inventory(backend.ports().inventory);
  fixer::Ports ports = backend.ports().With(inventory);
  const app::Capture c = app::CaptureMachine(ports, "aspnet-fixer test");
  EXPECT_EQ(Unread(c, "the calling user"), nullptr) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  fakes::MachineBackend b(reproduced);
  const fixer::Result<fixer::CallerInfo> read = b.ports().inventory.Caller();
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->name, "CORP\\alice");
  EXPECT_FALSE(read->is_admin);
}

// A password policy the capture could not read: the reproduction holds a fresh install's, so its
// policy reads and checks fail with the capture's error instead of answering from that default.
TEST(CaptureReproduces, AnUnreadPasswordPolicyIsNoDefaultPolicy) {
  fakes::Machine machine(
      Load("os: windows-xp-professional\n"
           "policy:\n"
           "  password: {min_length: 12, complexity: true}\n"
           "  limit_blank_password_use: false\n",
           "policy.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "policy.get", .nth = 1, .error = 2140, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  ASSERT_NE(Unread(c, "the password policy"), nullptr) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().policy.Get().status().code(), 2140u);
  EXPECT_EQ(b.ports().policy.Check("ASPNET", fixer::Secret::FromString("short")).code(), 2140u);
  // What was read is kept: a blank password logs on from the network there.
  const fixer::Result<bool> console_only = b.ports().policy.LimitsBlankPasswordUse();
  ASSERT_TRUE(console_only.ok()) << console_only.status().ToString();
  EXPECT_FALSE(*console_only);
}

// Audit 24 item 9: a folder the worker needs that the machine lacks (Wine has no %WINDIR%\assembly)
// is written absent, so its reproduction lacks it too instead of holding a fresh install's.
TEST(CaptureReproduces, AWorkerFolderTheMachineLacksIsAbsentInTheReproduction) {
  fakes::Machine machine(
      Load("os: windows-xp-professional\n"
           "frameworks: ['1.0']\n"
           "objects:\n"
           "  - {file: 'C:\\WINDOWS\\assembly', absent: true}\n",
           "no-gac.yaml"));
  const fixer::ObjectRef gac{fixer::ObjectNamespace::kFile, "C:\\WINDOWS\\assembly"};
  ASSERT_EQ(fakes::ObjectStore(machine).Find(gac), nullptr);
  const app::Capture c = CaptureOf(machine);
  bool written_absent = false;
  for (const auto& item : c.document["objects"]) {
    if (item.value("file", std::string()) == gac.path) written_absent = item.value("absent", false);
  }
  EXPECT_TRUE(written_absent) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  EXPECT_EQ(fakes::ObjectStore(reproduced).Find(gac), nullptr);
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), app::CaptureText(c));
}

}  // namespace capture_reproduces
