#include "fakes/testing/profile_matchers.h"

#include "fakes/objects.h"
#include "fakes/profiles.h"
#include "fixer/name_case.h"
#include "fixer/win_error.h"

namespace fakes_testing {

ProfileMatcher ProfileMatcher::At(std::string path) const {
  ProfileMatcher m = *this;
  m.path_ = std::move(path);
  return m;
}

ProfileMatcher ProfileMatcher::WithFolder() const {
  ProfileMatcher m = *this;
  m.with_folder_ = true;
  return m;
}

bool ProfileMatcher::Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
  const std::optional<fixer::Sid> sid = account_.Resolve(machine);
  if (!sid) {
    *listener << "no account is named " << account_.Written() << " ("
              << fixer::Status::Win(fixer::kErrorNoneMapped).ToString() << ")";
    return false;
  }
  const std::string who = account_.Label(machine);
  const fakes::ProfileEntry* entry = fakes::ProfileStore(ForReading(machine)).Find(*sid);
  if (!entry) {
    *listener << who << " has no profile (no ProfileList entry for its SID)";
    return false;
  }
  *listener << who << " has its profile at " << entry->path;
  if (path_ && !fixer::SameWindowsName(entry->path, *path_)) return false;
  if (with_folder_ && !fakes::ObjectStore(ForReading(machine)).Exists({fixer::ObjectNamespace::kFile, entry->path})) {
    *listener << ", a folder that does not exist";
    return false;
  }
  return true;
}

void ProfileMatcher::DescribeTo(std::ostream* os) const {
  *os << "has a profile for " << account_.Written();
  if (path_) *os << " at " << *path_;
  if (with_folder_) *os << " whose folder exists";
}

void ProfileMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "has no profile for " << account_.Written();
  if (path_) *os << " at " << *path_;
  if (with_folder_) *os << " whose folder exists";
}

}  // namespace fakes_testing
