// The names a new profile's folder is given in turn; see profile_folder_names.h.
#include "fixer/profile_folder_names.h"

#include <algorithm>

#include <fmt/format.h>

#include "fixer/name_case.h"

namespace fixer {

std::vector<std::string> TakenProfileNames(std::string_view account, std::string_view computer,
                                           std::string_view chosen) {
  const std::string name(account);
  if (SameWindowsName(chosen, name)) return {};
  const std::string with_computer = name + "." + std::string(computer);
  if (SameWindowsName(chosen, with_computer)) return {name};
  const std::string numbered = with_computer + ".";
  if (computer.empty() || chosen.size() != numbered.size() + 3 ||
      !SameWindowsName(chosen.substr(0, numbered.size()), numbered)) {
    return {name};
  }
  const std::string_view digits = chosen.substr(numbered.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return {name};
  std::vector<std::string> taken = {name, with_computer};
  int chosen_number = 0;  // by hand: std::stoi imports strtol, which aspnet-fixer.exe may not (imports-allowed.txt)
  for (const char d : digits) chosen_number = chosen_number * 10 + (d - '0');
  for (int n = 0; n < chosen_number; ++n) taken.push_back(numbered + fmt::format("{:03}", n));
  return taken;
}

}  // namespace fixer
