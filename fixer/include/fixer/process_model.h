// What a `<processModel>` userName or password in machine.config says, read as ASP.NET reads it
// (in any case): the password kept in the LSA for the machine's own worker account
// (`AutoGenerate`), a reference to a registry value aspnet_setreg wrote (`registry:HKLM\...,Name`),
// or, for a custom account, a password in clear.
//
//   #include "fixer/secret.h"
//   std::string shown = "W0rker!pass";  // <processModel password="W0rker!pass">: a custom account's
//   if (fixer::IsClearProcessModelPassword(shown)) shown = fixer::kMaskedSecret;  // "********"
//   bool lsa = fixer::IsAutoGeneratePassword("autogenerate");                    // true: any case
#pragma once

#include <string_view>

namespace fixer {

inline constexpr std::string_view kAutoGeneratePassword = "AutoGenerate";
inline constexpr std::string_view kRegistryReferencePrefix = "registry:";

bool IsAutoGeneratePassword(std::string_view password);
bool IsRegistryReference(std::string_view value);
// What a registry reference names, its prefix taken off: "HKLM\SOFTWARE\X,userName"; `value` itself
// when it is no reference.
std::string_view RegistryReferenceKey(std::string_view value);
// Neither of those: a password in clear (a secret wherever it would be shown).
bool IsClearProcessModelPassword(std::string_view password);

}  // namespace fixer
