// The objects of a machine as found, flat: Machine::KeepFound writes MachineState::objects in map
// order into one append-only byte buffer (no allocation per object), and Machine::Changed walks
// the live map against it, the first difference ending the walk. The other sections are copied
// and compared with == (SameExceptObjects); together the two answer exactly `state == found`.
// The buffer lives only in memory, for one run: it is never saved, so it is in native byte order.
//
//   std::vector<char> flat = fakes::FlattenObjects(state.objects);
//   state.objects.begin()->second.dacl.clear();
//   bool same = fakes::SameObjects(state.objects, flat);  // false (unless that DACL was empty)
#pragma once

#include <vector>

#include "fakes/state.h"

namespace fakes {

std::vector<char> FlattenObjects(const ObjectMap& objects);
// Whether `objects` equals, field by field, the map FlattenObjects wrote into `flat`.
bool SameObjects(const ObjectMap& objects, const std::vector<char>& flat);
// `a == b` but for their objects.
bool SameExceptObjects(const MachineState& a, const MachineState& b);

}  // namespace fakes
