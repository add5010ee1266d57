#include "machines.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fakes/hotfix_catalog.h"
#include "fakes/machine.h"
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"

namespace bench {
namespace {

constexpr const char* kTypical = R"(os: windows-xp-professional
frameworks: [1.0]
applications:
  - path: /LM/W3SVC/1/ROOT/shop
objects:
  - file: 'C:\Inetpub\wwwroot\shop\App_Data'
    acl:
      - {allow: Administrators, mask: full, flags: [OI, CI]}
      - {allow: ASPNET, mask: modify, flags: [OI, CI]}
sql:
  databases: [shop]
  logins:
    - {name: 'XPPRO\ASPNET', default_database: shop}
  users:
    - {database: shop, name: ASPNET, login: 'XPPRO\ASPNET', roles: [db_datareader, db_datawriter]}
)";

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench: %s\n", what.c_str());
  std::abort();
}

fakes::MachineState BuildTypical() {
  auto loaded = fakes::LoadMachineText(kTypical, "typical.yaml");
  if (!loaded.ok()) Die(loaded.error->ToString());
  fakes::Machine m(std::move(*loaded.value));
  if (auto st = fakes::InstallHotfix(m, "MS03-032"); !st.ok()) Die("InstallHotfix: " + st.ToString());
  return m.state();
}

}  // namespace

const fakes::MachineState& TypicalAffectedMachine() {
  static const fakes::MachineState state = BuildTypical();
  return state;
}

fakes::MachineState MachineWithAspnetAces(size_t files, size_t aces_per_file) {
  fakes::MachineState state = TypicalAffectedMachine();
  fakes::Machine m(state);
  auto aspnet = fakes::Sam(m).LookupName("ASPNET");
  if (!aspnet.ok()) Die("no ASPNET on the typical machine");
  const fixer::Sid admins = *fixer::Sid::Parse("S-1-5-32-544");
  // Distinct (type, mask, flags) triples, so no two ACEs of a file are the same ACE.
  static constexpr std::array<uint32_t, 5> kMasks = {fixer::kFileGenericRead, fixer::kFileGenericWrite,
                                                     fixer::kFileGenericExecute, fixer::kFileModify,
                                                     fixer::kFileAllAccess};
  static constexpr std::array<uint32_t, 4> kFlags = {0, fixer::kObjectInheritAce, fixer::kContainerInheritAce,
                                                     fixer::kObjectInheritAce | fixer::kContainerInheritAce};
  if (aces_per_file > kMasks.size() * kFlags.size() * 2) Die("too many ACEs per file");
  fakes::ObjectMap& objects = m.state().objects;
  for (size_t f = 0; f < files; ++f) {
    fakes::SecurableObject obj;
    obj.ns = fixer::ObjectNamespace::kFile;
    obj.path = "C:\\Inetpub\\wwwroot\\big\\file" + std::to_string(f) + ".aspx";
    obj.container = false;
    obj.owner = admins;
    for (size_t a = 0; a < aces_per_file; ++a) {
      const auto type = (a % 2 == 0) ? fixer::AceType::kAllow : fixer::AceType::kDeny;
      const size_t k = a / 2;
      obj.dacl.push_back({type, *aspnet, kMasks[k % kMasks.size()], kFlags[(k / kMasks.size()) % kFlags.size()]});
    }
    // Canonical order: explicit deny before explicit allow.
    std::stable_sort(obj.dacl.begin(), obj.dacl.end(), [](const fixer::Ace& x, const fixer::Ace& y) {
      return (x.type == fixer::AceType::kDeny) > (y.type == fixer::AceType::kDeny);
    });
    obj.dacl.push_back({fixer::AceType::kAllow, admins, fixer::kFileAllAccess, 0});
    const std::string key = fakes::ObjectKey(obj.ns, obj.path);
    objects.Add(key, std::move(obj));
  }
  return std::move(m.state());
}

}  // namespace bench
