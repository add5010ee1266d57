// The names a new profile's folder is given in turn (KB 324734): NAME, then NAME.COMPUTERNAME, then
// NAME.COMPUTERNAME.000, .001 ... .999, the first that nothing takes. What Windows chose
// (Profiles::NewProfileFolder) says which names before it were taken.
//
//   fixer::TakenProfileNames("ASPNET", "XPPRO", "ASPNET.XPPRO.000");  // {"ASPNET", "ASPNET.XPPRO"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fixer {

// The candidate folder names before `chosen` (a folder's name, no path), each found taken: none when
// `chosen` is NAME itself; {NAME} when it is no other candidate of `account` on `computer` (a name
// the machine chose its own way: at least NAME was taken).
std::vector<std::string> TakenProfileNames(std::string_view account, std::string_view computer,
                                           std::string_view chosen);

}  // namespace fixer
