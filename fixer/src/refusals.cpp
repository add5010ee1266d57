// Texts of the refusals; see refusals.h.
#include "refusals.h"

#include <fmt/format.h>

namespace fixer {

Refusal NotAdministrator(const CallerInfo& caller) {
  return {RefusalReason::kNotAdministrator,
          fmt::format("{} is not a member of the Administrators group", caller.name),
          "Log on as an administrator (or use runas /user:Administrator cmd.exe) and run the "
          "fixer again."};
}

Refusal NotAffected(const Diagnosis& d) {
  return {RefusalReason::kNotAffected,
          fmt::format("This machine is not affected by the MS03-032 / ASP.NET 1.0 issue: {}.",
                      fmt::join(d.missing, "; ")),
          "Nothing to repair with this tool. If ASP.NET applications still fail, read the "
          "Application event log for the cause."};
}

Refusal CustomAccount(const WorkerIdentity& w) {
  const std::string& name = w.account;
  return {RefusalReason::kCustomAccount,
          fmt::format("The ASP.NET 1.0 worker runs as the account {} (processModel userName=\"{}\"), "
                      "not as ASPNET. Recreating ASPNET would change nothing for it, and its "
                      "password belongs to you.",
                      name, w.configured),
          fmt::format("Create a profile for {} instead: log on interactively once as {}, or run "
                      "`runas /profile /user:{} cmd.exe`, type its password and close the window "
                      "that opens. Then restart IIS (iisreset).",
                      name, name, name)};
}

Refusal TempPasswordRejected(const std::string& account, const Status& why) {
  return {RefusalReason::kTempPasswordRejected,
          fmt::format("The temporary password given for {} does not meet the local password "
                      "policy ({}).", account, why),
          "Give a longer password with upper and lower case letters, digits and symbols that does "
          "not contain the account name, or leave --temp-password out so a compliant random one "
          "is generated."};
}

Refusal ToolsMissing() {
  return {RefusalReason::kToolsMissing,
          fmt::format("The ASP.NET {} tools (aspnet_regiis.exe, mscorlib.dll) are missing.",
                      kFramework10),
          "Repair or reinstall the .NET Framework 1.0 first, then run the fixer again."};
}

Refusal JournalPending() {
  return {RefusalReason::kJournalPending,
          "A previous run was interrupted and left its journal; the machine may be half repaired.",
          "Run resume to finish that run, or rollback to undo it, before a new run."};
}

Refusal CannotRollBack(const std::string& account) {
  return {RefusalReason::kCannotRollBack,
          fmt::format("The run already deleted {}; its old SID cannot come back.", account),
          "Run resume: it finishes the repair forward and re-grants what the old SID held."};
}

Refusal DiagnoseFailed(const Status& why) {
  return {RefusalReason::kDiagnoseFailed,
          fmt::format("The machine could not be read: {}.", why),
          "Nothing was changed. Fix the cause (e.g. run as an administrator) and try again."};
}

}  // namespace fixer
