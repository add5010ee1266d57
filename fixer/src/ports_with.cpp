// Ports::With: a bundle with one port replaced (fixer/ports/ports.h).
#include "fixer/ports/ports.h"

namespace fixer {

Ports Ports::With(ServiceControl& replacement) const {
  return Ports{replacement, accounts, rights, secrets, profiles, logon, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Accounts& replacement) const {
  return Ports{services, replacement, rights, secrets, profiles, logon, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Rights& replacement) const {
  return Ports{services, accounts, replacement, secrets, profiles, logon, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Secrets& replacement) const {
  return Ports{services, accounts, rights, replacement, profiles, logon, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Profiles& replacement) const {
  return Ports{services, accounts, rights, secrets, replacement, logon, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Logon& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, replacement, security,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(Security& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, replacement,
               aspnet, inventory, policy, journal, random, web};
}

Ports Ports::With(AspNet& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               replacement, inventory, policy, journal, random, web};
}

Ports Ports::With(Inventory& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               aspnet, replacement, policy, journal, random, web};
}

Ports Ports::With(PasswordPolicy& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               aspnet, inventory, replacement, journal, random, web};
}

Ports Ports::With(Journal& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               aspnet, inventory, policy, replacement, random, web};
}

Ports Ports::With(Random& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               aspnet, inventory, policy, journal, replacement, web};
}

Ports Ports::With(WebProbe& replacement) const {
  return Ports{services, accounts, rights, secrets, profiles, logon, security,
               aspnet, inventory, policy, journal, random, replacement};
}

}  // namespace fixer
