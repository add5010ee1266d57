// Whether a SID has a usable profile: a ProfileList entry whose folder exists.
#pragma once

#include "fixer/ports/profiles.h"

namespace fixer {

inline bool IsUsable(const std::optional<ProfileInfo>& p) { return p && p->folder_exists; }

}  // namespace fixer
