// LoadCallerProfile: the caller's interactive logon has loaded its profile.
#include "caller_session.h"

#include <utility>

#include "fakes/profiles.h"
#include "fakes/sam.h"

namespace sim {

void LoadCallerProfile(fakes::Machine& machine) {
  fakes::Sam sam(machine);
  const fakes::UserAccount* caller = std::as_const(sam).FindUser(machine.state().session.caller);
  if (caller == nullptr) return;
  // A profile that cannot be made (every numbered folder taken) leaves the session without one,
  // as the batch file then finds it.
  static_cast<void>(fakes::ProfileStore(machine).LoadOrCreate(sam.SidOf(*caller), caller->name));
}

}  // namespace sim
