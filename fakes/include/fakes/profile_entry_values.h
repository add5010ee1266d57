// The registry values of a fake ProfileList entry: the fake keeps an entry as its SID and its folder
// (ProfileEntry), which Windows stores as the values ProfileImagePath (REG_EXPAND_SZ) and Sid
// (REG_BINARY, the SID's binary form) of ProfileList\<SID>. The Profiles port reads and writes an
// entry as those values, so an undo records and writes back what the model holds.
//
//   fakes::ProfileEntry entry{sid, R"(C:\Documents and Settings\ASPNET)"};
//   fixer::ProfileListEntry values = fakes::ValuesOf(entry);    // ProfileImagePath, Sid
//   fixer::Result<fakes::ProfileEntry> back = fakes::EntryOf(values);  // == entry
#pragma once

#include "fakes/state.h"
#include "fixer/ports/profiles.h"

namespace fakes {

fixer::ProfileListEntry ValuesOf(const ProfileEntry& entry);
// The entry `values` describe: its ProfileImagePath a REG_SZ or REG_EXPAND_SZ string; 13 (the data
// is invalid) without one, or with a Sid value that is not the key's. The fake keeps no other value.
fixer::Result<ProfileEntry> EntryOf(const fixer::ProfileListEntry& values);

}  // namespace fakes
