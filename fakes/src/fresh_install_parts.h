// The parts FreshInstall assembles a machine from, one file each (internal to fakes/src).
//
//   fresh_install.cpp           options, products, session, the folders and their ACLs
//   fresh_install_accounts.cpp  users, groups, user rights, policy
//   fresh_install_services.cpp  services per OS edition and web server
#pragma once

#include <cstdint>

#include "fakes/fresh_install.h"
#include "fakes/os_editions.h"

namespace fakes::fresh_install {

// A 64-bit value derived from the seed for one purpose (`salt`): SplitMix64 of seed ^ salt.
uint64_t Derive(uint64_t seed, uint64_t salt);

bool IsXpFamily(fixer::OsEdition os);  // XP Home, XP Professional, Server 2003

void AddAccounts(MachineState& s, const InstallOptions& options);
void AddIisWorkerGroup(MachineState& s);  // IIS 6 only
void AddServices(MachineState& s, fixer::OsEdition os, fixer::WebServerKind web);
void AddFileSystem(MachineState& s, fixer::OsEdition os, fixer::WebServerKind web);

}  // namespace fakes::fresh_install
