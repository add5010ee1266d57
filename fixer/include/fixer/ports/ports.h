// Ports: every port the fixer needs, bundled, so one object wires a backend to the fixer.
// Each port has a forwarding wrapper (AccountsWrapper, JournalWrapper, ...; LevelDB's
// EnvWrapper), and With() swaps one port of a bundle, so a test double overrides one method:
//
//   struct NoProfile : fixer::LogonWrapper {
//     using LogonWrapper::LogonWrapper;
//     fixer::Status RunWithProfile(const std::string&, const fixer::Secret&, const std::string&) override {
//       return fixer::Status::Win(1385);
//     }
//   };
//   NoProfile no_profile(ports.logon);
//   fixer::Ports with_double = ports.With(no_profile);   // every other port as in `ports`
#pragma once

#include "fixer/ports/accounts.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/logon.h"
#include "fixer/ports/password_policy.h"
#include "fixer/ports/profiles.h"
#include "fixer/ports/random.h"
#include "fixer/ports/rights.h"
#include "fixer/ports/secrets.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"
#include "fixer/ports/web_probe.h"

namespace fixer {

struct Ports {
  ServiceControl& services;
  Accounts& accounts;
  Rights& rights;
  Secrets& secrets;
  Profiles& profiles;
  Logon& logon;
  Security& security;
  AspNet& aspnet;
  Inventory& inventory;
  PasswordPolicy& policy;
  Journal& journal;
  EventLog& events;
  Random& random;
  WebProbe& web;

  // This bundle with one port replaced (e.g. by a wrapper around it).
  Ports With(ServiceControl& replacement) const;
  Ports With(Accounts& replacement) const;
  Ports With(Rights& replacement) const;
  Ports With(Secrets& replacement) const;
  Ports With(Profiles& replacement) const;
  Ports With(Logon& replacement) const;
  Ports With(Security& replacement) const;
  Ports With(AspNet& replacement) const;
  Ports With(Inventory& replacement) const;
  Ports With(PasswordPolicy& replacement) const;
  Ports With(Journal& replacement) const;
  Ports With(EventLog& replacement) const;
  Ports With(Random& replacement) const;
  Ports With(WebProbe& replacement) const;
};

}  // namespace fixer
