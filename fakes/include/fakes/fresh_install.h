// FreshInstall: the state of a freshly installed machine of an OS edition.
//
// What a state file leaves out takes these defaults. Windows XP Professional SP1 by default:
// machine SID from the seed; Administrator (500), Guest (501, disabled), HelpAssistant (1000),
// the local group HelpServicesGroup (1001) and SUPPORT_388945a0 (1002), its member, so the first
// free RID is 1003 (2000: none of the three, 1000); builtin groups
// Administrators, Users, Guests, Power Users; default rights (Users: interactive, network;
// the Guest account: deny network ...); the XP default password and lockout policy
// (docs/windows-reference.md#password-age, #lockout);
// "C:\WINDOWS" (2000: "C:\WINNT"), Documents and Settings with Default User and All Users;
// services per OS and web server (IISADMIN, W3SVC, SMTPSVC, MSFTPSVC on IIS 5.x; seclogon,
// ...); no frameworks, no hotfixes; caller Administrator; no one logged on.
//
//   fakes::MachineState s = fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fakes/state.h"
#include "fixer/secret.h"

namespace fakes {

struct InstallOptions {
  fixer::OsEdition os = fixer::OsEdition::kWindowsXpProfessional;
  int service_pack = 1;
  std::string computer_name;                                       // empty: a name per edition ("XPPRO", "W2KSRV", ...)
  fixer::WebServerKind web_server = fixer::WebServerKind::kIis51;  // matched to the OS if
                                                                   // left as default
  uint64_t seed = 1;
  // The machine SID (S-1-5-21-a-b-c); none: derived from `seed`. A capture's reproduction gives
  // the captured machine's own, so its accounts keep their SIDs.
  std::optional<fixer::Sid> machine_sid;
};

MachineState FreshInstall(const InstallOptions& options);

// The web server an edition ships with: IIS 5.0 on 2000, 5.1 on XP Pro, 6.0 on 2003, none on
// XP Home.
fixer::WebServerKind DefaultWebServer(fixer::OsEdition os);

// The Administrator password FreshInstall gives a machine of this seed (14 characters, all four
// classes, so it passes any policy), for tests and scenarios that log on as Administrator.
fixer::Secret FreshAdministratorPassword(uint64_t seed);

}  // namespace fakes
