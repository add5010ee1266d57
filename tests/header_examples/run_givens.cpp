// The givens (givens.h) of the header examples that run (header_examples_run): `machine`, a fresh
// Windows XP Professional SP1 (seed 7) with ASP.NET 1.0 registered (aspnet_regiis -i made ASPNET,
// its rights and ACLs, and no profile: MS03-032's failure), and `sid`, ASPNET's SID there.
#include <cstdlib>
#include <iostream>

#include "fakes/aspnet_setup.h"
#include "fakes/fresh_install.h"
#include "fakes/sam.h"
#include "givens.h"

namespace header_examples {
namespace {

fakes::Machine& FreshXpWithAspNet10() {
  static fakes::Machine fresh = [] {
    fakes::Machine m(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}));
    if (const fixer::Status st = fakes::AspNetSetup(m).InstallFramework("1.0.3705"); !st.ok()) {
      std::cerr << "run_givens: installing ASP.NET 1.0: " << st << "\n";
      std::abort();
    }
    return m;
  }();
  return fresh;
}

fixer::Sid& AspNetSid() {
  static fixer::Sid aspnet = [] {
    fixer::Result<fixer::Sid> aspnet = fakes::LookupNameIn(FreshXpWithAspNet10().state(), "ASPNET");
    if (!aspnet) {
      std::cerr << "run_givens: ASPNET after aspnet_regiis -i: " << aspnet.status() << "\n";
      std::abort();
    }
    return *aspnet;
  }();
  return aspnet;
}

}  // namespace

fakes::Machine& machine = FreshXpWithAspNet10();
fixer::Sid& sid = AspNetSid();

}  // namespace header_examples
