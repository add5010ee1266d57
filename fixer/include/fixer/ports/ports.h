// Ports: every port the fixer needs, bundled, so one object wires a backend to the fixer.
//
//   fixer::Ports ports{scm, accounts, rights, secrets, profiles, logon, security, aspnet,
//                      inventory, policy, journal, events, random, clock, web};
//   fixer::Fixer fixer(ports, logger);
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
  Clock& clock;
  WebProbe& web;
};

}  // namespace fixer
