// The catalogue of modelling choices and the per-thread logs; see modelling_choices.h.
#include "fakes/modelling_choices.h"

#include <algorithm>

namespace fakes {
namespace {

thread_local ChoiceLog* innermost = nullptr;

}  // namespace

const std::vector<ModellingChoice>& ModellingChoices() {
  static const std::vector<ModellingChoice> choices = {
      {"choice-10-no-profile-load",
       "ASP.NET 1.0's process model starts aspnet_wp.exe without loading or creating a profile"},
      {"choice-11-loads-profile", "ASP.NET 1.1's process model loads (creates) the worker's profile"},
      {"choice-urlmon-flaw", "the MS03-032 flaw is urlmon.dll failing in a worker with no profile (E_ACCESSDENIED)"},
      {"choice-stale-profile-entry",
       "a ProfileList entry whose folder is missing is no profile to the worker; a profile-loading logon on XP makes "
       "the folder again at its path"},
      {"choice-win2000-build", "the Windows 2000 (IE 5.01) builds of MS03-032 and MS03-040 carry no flaw"},
      {"choice-ms03-040-keeps-flaw", "MS03-040 keeps the MS03-032 flaw in its urlmon.dll builds"},
      {"choice-event-text", "the Application event of the MS03-032 failure: 'could not be started' + 80070005"},
      {"choice-probe-effects",
       "the fixer's web probe reports the failed logon and the event its request makes on Windows, and writes neither"},
      {"choice-aspnet-rights",
       "aspnet_regiis -i grants ASPNET SeBatchLogonRight, SeServiceLogonRight and the two deny-logon rights"},
      {"choice-script-map-path",
       "aspnet_regiis -sn/-kn change one application's own maps; a path no application has answers 3"},
      {"choice-seclogon-demand-start", "a stopped, enabled Secondary Logon service is demand-started by runas"},
      {"choice-workgroup-only", "machines are in a workgroup: a domain account cannot log on (1326)"},
      {"choice-app-pool-identity",
       "a configurable IIS 6 application pool identity is outside the model, and an AppPoolId naming no pool "
       "answers 503 with no event"},
      {"choice-pid", "process ids in events are a deterministic stand-in"},
      {"choice-write-dac-administrators",
       "a DACL write through the fake's Security port needs an administrator (no owner's WRITE_DAC)"},
      {"choice-drive-root-dacl",
       "a folder with no ancestor in the machine file inherits its drive root's modelled DACL"},
      {"choice-protected-dacl",
       "an object whose DACL holds no inherited ACE is protected: a DACL written above it does not propagate there"},
      {"choice-runas-no-wait", "runas returns without waiting for the program it started (fixup.cmd's runas)"},
      {"choice-sql-regrant", "sp_grantlogin for an account that already has its login succeeds and changes nothing"},
      {"choice-x64-hotfix-error",
       "a 2003 bulletin's update on XP x64 fails with 1633 (a package for another processor)"},
      {"choice-service-pack-hotfix-error",
       "update.exe refusing a package older than the service pack exits 1603 (its words are sourced)"},
      {"choice-x64-framework-error",
       "on XP x64 the ASP.NET 1.0 setup fails with 1603; 1.1 installs and runs as if IIS 6 ran 32-bit workers"},
      {"choice-domain-name-taken",
       "a new account named like the computer or BUILTIN is refused with 2224, as Samba's SAM answers"},
  };
  return choices;
}

std::string_view ChoiceTitle(std::string_view id) {
  const auto& all = ModellingChoices();
  auto it = std::find_if(all.begin(), all.end(), [&](const ModellingChoice& c) { return c.id == id; });
  return it == all.end() ? std::string_view() : it->title;
}

void RelyOn(std::string_view id) {
  for (ChoiceLog* log = innermost; log != nullptr; log = log->outer_) log->ids_.emplace(id);
}

ChoiceLog::ChoiceLog() : outer_(innermost) { innermost = this; }
ChoiceLog::~ChoiceLog() { innermost = outer_; }

}  // namespace fakes
