// Lsa: user rights assignment and LSA private data (secrets) of a fake machine.
//
// Rights are held by SIDs (users or groups). A logon of type T is allowed when the token
// (user SID + its groups + Everyone + Authenticated Users) holds T's right and none of its
// SIDs holds T's deny twin; deny wins. Secrets are kept encrypted at rest in the state
// (a keyed stream derived from the machine seed, hex), so a state file never shows them.
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fakes::Lsa lsa(machine);
//   fixer::Status st = lsa.Grant(aspnet_sid, "SeBatchLogonRight");
//   bool allowed = lsa.IsLogonAllowed({aspnet_sid, fixer::Sid::Users()}, fakes::LogonType::kInteractive);
//   std::string kept = fakes::StoredSecretName(machine.state(), "ASPNET_WP_PASSWORD");  // "aspnet_WP_PASSWORD"
#pragma once

#include <string>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/inventory.h"
#include "fixer/secret.h"

namespace fakes {

enum class LogonType { kInteractive, kNetwork, kBatch, kService, kRemoteInteractive };

// The right a logon type needs, and the right that denies it.
std::string_view AllowRightFor(LogonType type);
std::string_view DenyRightFor(LogonType type);
// True for the rights and privileges the model knows (the logon rights, their deny twins,
// and the usual Se*Privilege names).
bool IsKnownRight(std::string_view right);
// The one spelling the model keeps a right by ("SeBatchLogonRight" for "sebatchlogonright": LSA
// compares the names without case), or nullptr for an unknown right (1313).
const std::string* CanonicalRight(std::string_view right);
// CanonicalRight, and only where that edition and service pack have it: SeImpersonatePrivilege and
// SeCreateGlobalPrivilege came with Windows 2000 SP4, XP SP2 and Server 2003 (KB 821546); before
// them they are unknown (1313).
const std::string* CanonicalRightOn(const fixer::OsInfo& os, std::string_view right);

// Reads straight from a state (no Machine, no copy); Lsa's reads answer through these.
bool LogonAllowedIn(const MachineState& state, const std::vector<fixer::Sid>& token, LogonType type);
fixer::Result<fixer::Secret> RetrieveSecretIn(const MachineState& state, const std::string& key);
// The name a secret is kept under: an existing secret's own spelling when one matches `key`
// without case (a secret is a registry key under HKLM\SECURITY\Policy\Secrets, and key names are
// compared without case), else `key`. StoreSecret("ASPNET_WP_PASSWORD") replaces aspnet_WP_PASSWORD.
std::string StoredSecretName(const MachineState& state, const std::string& key);

class Lsa {
 public:
  explicit Lsa(Machine& machine) : m_(machine) {}

  // "lsa.grant" / "lsa.revoke"; idempotent; 1313 for an unknown right.
  fixer::Status Grant(const fixer::Sid& sid, const std::string& right);
  fixer::Status Revoke(const fixer::Sid& sid, const std::string& right);
  std::vector<std::string> RightsOf(const fixer::Sid& sid) const;  // sorted, direct only
  bool IsLogonAllowed(const std::vector<fixer::Sid>& token, LogonType type) const;

  // "lsa.store_secret" / "lsa.erase_secret"; Retrieve gives 2 if absent. Names without case
  // (StoredSecretName).
  fixer::Status StoreSecret(const std::string& key, const fixer::Secret& value);
  fixer::Result<fixer::Secret> RetrieveSecret(const std::string& key) const;
  fixer::Status EraseSecret(const std::string& key);

 private:
  Machine& m_;
};

}  // namespace fakes
