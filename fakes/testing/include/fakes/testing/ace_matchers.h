// HasAce: a matcher for an access-control entry on a file, folder, registry key or metabase node.
//
// Matches when the object's DACL has an allow ACE (explicit or inherited) for the principal whose
// access, with generic rights mapped for the namespace, includes every bit of `mask`. Deny()
// asks for a deny ACE instead. Objects are found case-insensitively; a string path is a file
// path. On failure the DACL is listed as cacls prints it:
//   "C:\WINDOWS\Temp has no allow ACE for XPPRO\ASPNET (S-1-5-21-...-1003) granting 0x1301BF;
//    its DACL: BUILTIN\Administrators:(OI)(CI)F, NT AUTHORITY\SYSTEM:(OI)(CI)F"
//
//   EXPECT_THAT(machine, fakes_testing::HasAce(R"(C:\WINDOWS\Temp)", "ASPNET", fixer::kFileModify));
//   EXPECT_THAT(machine, fakes_testing::HasAce({fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\X)"},
//                                              old_sid, fixer::kKeyRead));
#pragma once

#include <cstdint>
#include <string>

#include "fakes/testing/machine_matcher.h"
#include "fakes/testing/principal.h"
#include "fixer/ports/security.h"

namespace fakes_testing {

class AceMatcher : public MachineMatcher<AceMatcher> {
 public:
  AceMatcher(fixer::ObjectRef object, Principal principal, uint32_t mask)
      : object_(std::move(object)), principal_(std::move(principal)), mask_(mask) {}

  AceMatcher Deny() const;

  bool Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const;
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  fixer::ObjectRef object_;
  Principal principal_;
  uint32_t mask_;
  fixer::AceType type_ = fixer::AceType::kAllow;
};

inline AceMatcher HasAce(fixer::ObjectRef object, Principal principal, uint32_t mask) {
  return AceMatcher(std::move(object), std::move(principal), mask);
}
inline AceMatcher HasAce(std::string file_path, Principal principal, uint32_t mask) {
  return AceMatcher({fixer::ObjectNamespace::kFile, std::move(file_path)}, std::move(principal), mask);
}
inline AceMatcher HasAce(const char* file_path, Principal principal, uint32_t mask) {
  return HasAce(std::string(file_path), std::move(principal), mask);
}

}  // namespace fakes_testing
