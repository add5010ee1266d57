// The machine state loader's shared context and its sections, one per part of the format
// (docs/machine-format.md). Private to fakes/src.
//
// A file is applied in a fixed order whatever the order of its keys: the base machine, then
// products, principals, objects, SQL, services, applications, policy, session and records, so
// a later section can name what an earlier one created. With `base: fresh-install` (default)
// sections change a FreshInstall through the subsystems (Sam, Lsa, ObjectStore, ...), so
// Windows rules hold; with `base: empty` (the saved form) they take the file literally.
//
//   LoadContext c(file_name, /*full=*/false);
//   LoadAccounts(c, top.Require("accounts"));
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "fakes/machine.h"
#include "fixer/ports/security.h"
#include "fixer/result.h"
#include "yaml_reader.h"

namespace fakes::yaml {

// What a capture's `secrets: NAME: {redacted: true}` stores when the machine has no value of its own.
inline constexpr std::string_view kNotCapturedSecret = "(value not captured)";

struct LoadContext {
  bool full = false;            // base: empty
  bool captured = false;        // the file has a `capture:` section (aspnet-fixer capture wrote it)
  bool next_rid_given = false;  // base: empty with `next_rid:` (else the default, 1000)
  Machine machine;

  MachineState& st() { return machine.state(); }

  // A principal written as a SID string ("S-1-5-21-...-1004") or a name ("ASPNET",
  // "XPPRO\ASPNET", "BUILTIN\Users", "NETWORK SERVICE"), resolved on the machine as it is now.
  fixer::Sid Principal(const Field& f);

  // Fails at `at` with "WHAT: CODE: TEXT" when a subsystem refused a change.
  void Check(const fixer::Status& status, const Field& at, std::string_view what) const;

  // Keys that only one of the two forms accepts; failing at the key with the reason.
  void OnlyInFull(const MapFields& m, std::initializer_list<std::string_view> keys, std::string_view why) const;
  void OnlyInFresh(const MapFields& m, std::initializer_list<std::string_view> keys, std::string_view why) const;
};

// " (1313: A specified privilege does not exist.)": the Windows error a refusal of the file
// stands for, its number never without its text.
inline std::string WindowsErrorAside(uint32_t code) { return " (" + fixer::Status::Win(code).ToString() + ")"; }

// A map keyed by names that compare case-insensitively (accounts, groups, services):
// its entries, with a second spelling of a name rejected as a duplicate `what`.
std::vector<Entry> NamedEntries(const Field& map, std::string_view what);

// ---- sections, in the order they are applied ----------------------------------------------
void LoadCapture(LoadContext& c, const Field& f);  // first: it changes how hotfixes load
void LoadFrameworks(LoadContext& c, const Field& f);
// Fresh form: `frameworks` with the SAM's next RID at the `rid` the file's ASPNET account gives.
void LoadFrameworksAtWorkerRid(LoadContext& c, const Field& frameworks, const std::optional<Field>& accounts);
void LoadHotfixes(LoadContext& c, const Field& f);
void LoadGroups(LoadContext& c, const Field& f);  // fresh: creates; members later
void LoadAccounts(LoadContext& c, const Field& f);
void LoadGroupMembers(LoadContext& c, const Field& f);  // the same `groups` node
// Fresh form: `next_rid`, the least next RID (a capture's: past every RID the machine used).
void LoadNextRid(LoadContext& c, const Field& f);
void LoadRights(LoadContext& c, const Field& f);
void LoadSecrets(LoadContext& c, const Field& f);
// service name -> the NT hash of the password the SCM keeps for it (LsaState::service_passwords).
void LoadServicePasswords(LoadContext& c, const Field& f);
void LoadProfiles(LoadContext& c, const Field& f);
void LoadObjects(LoadContext& c, const Field& f);
// Why `path` names no metabase node (an application's or a `metabase:` object's), or "".
std::string_view ApplicationPathProblem(std::string_view path);
// Why `path` names no registry key, or "": it starts with a predefined key the security API names.
std::string_view RegistryPathProblem(std::string_view path);
// A capture's objects hold every explicit ACE naming its accounts: those ACEs are removed from
// every object the file does not list (`objects` may be null).
void ScopeCapturedAces(LoadContext& c, const Field* objects);
void LoadSql(LoadContext& c, const Field& f);
void LoadServices(LoadContext& c, const Field& f);
void LoadApplications(LoadContext& c, const Field& f);
void LoadPolicy(LoadContext& c, const Field& f);
void LoadSession(LoadContext& c, const Field& f);
void LoadEvents(LoadContext& c, const Field& f);
void LoadJournal(LoadContext& c, const Field& f);

// A time in seconds since 1970 within kEarliestMachineTime..kLatestMachineTime (state.h), else an
// input error at `f`; InWindowsTime checks one already read from `f` (a UTC text).
int64_t LoadTimeSeconds(const Field& f);
int64_t InWindowsTime(const Field& f, int64_t seconds);
// One ACE: {allow|deny: PRINCIPAL, mask: NAME|HEX, flags: [OI, CI, NP, IO, I] | HEX}.
fixer::Ace LoadAce(LoadContext& c, const Field& f, fixer::ObjectNamespace ns);

}  // namespace fakes::yaml
