#include "fixer/password_rules.h"

#include <algorithm>
#include <string>

#include "fixer/name_case.h"
#include "fixer/utf16.h"
#include "fixer/win_error.h"

namespace fixer {
namespace {

// The UTF-16 units of a clear password: on the stack for any usual password, on the heap past
// that, and wiped when it goes.
class WipedUtf16 {
 public:
  explicit WipedUtf16(std::string_view utf8) {
    if (utf8.size() > kOnStack) heap_.resize(utf8.size());  // never more units than bytes
    units_ = heap_.empty() ? stack_ : heap_.data();
    size_ = Utf8ToUtf16(utf8, units_);
  }
  ~WipedUtf16() { WipeMemory(units_, size_ * sizeof(char16_t)); }
  WipedUtf16(const WipedUtf16&) = delete;
  WipedUtf16& operator=(const WipedUtf16&) = delete;
  std::u16string_view view() const { return {units_, size_}; }

 private:
  static constexpr size_t kOnStack = 128;
  char16_t stack_[kOnStack];
  std::u16string heap_;
  char16_t* units_ = nullptr;
  size_t size_ = 0;
};

// Upper, lower, digit, other: how many of passfilt.dll's four classes `password` uses.
int ClassCount(std::u16string_view password) {
  bool upper = false, lower = false, digit = false, other = false;
  for (char16_t c : password) {
    if (c >= u'A' && c <= u'Z')
      upper = true;
    else if (c >= u'a' && c <= u'z')
      lower = true;
    else if (c >= u'0' && c <= u'9')
      digit = true;
    else
      other = true;
  }
  return int{upper} + int{lower} + int{digit} + int{other};
}

// Whether `name` occurs in `password`, folded one unit at a time (no folded copy of either).
bool ContainsName(std::u16string_view password, std::u16string_view name) {
  if (name.size() > password.size()) return false;
  for (size_t at = 0; at + name.size() <= password.size(); ++at) {
    size_t i = 0;
    while (i < name.size() && FoldWindowsChar(password[at + i]) == FoldWindowsChar(name[i])) ++i;
    if (i == name.size()) return true;
  }
  return false;
}

// A name passfilt.dll looks for: one of 3 characters or more that the password contains.
bool ContainsLongName(std::u16string_view password, std::u16string_view name) {
  return name.size() >= kShortestNameChecked && ContainsName(password, name);
}

bool PassesComplexity(std::u16string_view account, std::u16string_view full_name, std::u16string_view password) {
  if (password.size() < kComplexityMinChars || ClassCount(password) < 3) return false;
  if (ContainsLongName(password, account)) return false;
  static constexpr std::u16string_view kDelimiters = u",.-_ #\t";
  for (size_t start = 0; start <= full_name.size();) {
    const size_t end = std::min(full_name.find_first_of(kDelimiters, start), full_name.size());
    if (ContainsLongName(password, full_name.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

PasswordRule BrokenPasswordRule(const PasswordPolicyInfo& policy, std::string_view account_name,
                                std::string_view full_name, const Secret& password) {
  const WipedUtf16 clear(password.Reveal());
  const std::u16string_view units = clear.view();
  if (units.size() > kMaxPasswordChars) return PasswordRule::kTooLong;
  if (units.size() < policy.min_length) return PasswordRule::kTooShort;
  if (policy.complexity && !PassesComplexity(Utf8ToUtf16(account_name), Utf8ToUtf16(full_name), units))
    return PasswordRule::kComplexity;
  return PasswordRule::kNone;
}

Status CheckPasswordRules(const PasswordPolicyInfo& policy, std::string_view account_name, std::string_view full_name,
                          const Secret& password) {
  return BrokenPasswordRule(policy, account_name, full_name, password) == PasswordRule::kNone
             ? Status::Ok()
             : Status::Win(kNerrPasswordTooShort);
}

}  // namespace fixer
