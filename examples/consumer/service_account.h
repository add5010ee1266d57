// CreateServiceAccount: the kind of code another team tests against the fake machine: an
// installer step that creates a local account for a service, lets it log on as a service, and
// gives it Modify on the service's data folder. Written only against fixup-sim's ports.
//
//   fakes::MachinePorts ports(machine);
//   fixer::Status st = CreateServiceAccount(ports.ports(), "AppSvc", pw, R"(C:\AppData)");
#pragma once

#include <string>

#include "fixer/ports/ports.h"

// On failure, undoes what it did (the account goes, and with it its grants) and returns the
// Windows error of the step that failed.
fixer::Status CreateServiceAccount(fixer::Ports& ports, const std::string& name, const fixer::Secret& password,
                                   const std::string& data_folder);
