// The text form of `fixup-sim show`: the local groups with their members, and the rights held by a
// SID that is not a live account's own (a group, a well-known principal, a deleted account's old
// SID). An account's token carries its groups' SIDs, so their rights and deny rights are its own too
// (LsaEnumerateAccountRights per SID): a refusal naming "Everyone holds SeDenyInteractiveLogonRight"
// must be visible here.
//
//   std::ostringstream out;
//   sim::RenderGroupsAndOtherRights(out, state, fakes::Sam(machine));
#pragma once

#include <ostream>

#include "fakes/sam.h"
#include "fakes/state.h"

namespace sim {

void RenderGroupsAndOtherRights(std::ostream& out, const fakes::MachineState& s, const fakes::Sam& sam);

}  // namespace sim
