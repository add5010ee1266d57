// Ports::With: a bundle with one port replaced (fixer/ports/ports.h).
#include <type_traits>

#include "fixer/ports/ports.h"

namespace fixer {
namespace {

// `own`, unless it is the port of the replacement's type.
template <class Port, class Own>
Own& Pick(Own& own, Port& replacement) {
  if constexpr (std::is_same_v<Own, Port>) {
    return replacement;
  } else {
    return own;
  }
}

template <class Port>
Ports Replace(const Ports& p, Port& r) {
  return Ports{Pick(p.services, r), Pick(p.accounts, r), Pick(p.rights, r), Pick(p.secrets, r),   Pick(p.profiles, r),
               Pick(p.logon, r),    Pick(p.security, r), Pick(p.aspnet, r), Pick(p.inventory, r), Pick(p.policy, r),
               Pick(p.journal, r),  Pick(p.events, r),   Pick(p.random, r), Pick(p.web, r)};
}

}  // namespace

Ports Ports::With(ServiceControl& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Accounts& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Rights& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Secrets& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Profiles& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Logon& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Security& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(AspNet& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Inventory& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(PasswordPolicy& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Journal& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(EventLog& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(Random& replacement) const { return Replace(*this, replacement); }
Ports Ports::With(WebProbe& replacement) const { return Replace(*this, replacement); }

}  // namespace fixer
