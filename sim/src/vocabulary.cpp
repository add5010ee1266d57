#include "sim/vocabulary.h"

#include <algorithm>

namespace sim {

const std::vector<Word>& StepWords() {
  static const std::vector<Word> kWords = {
      {"install_hotfix", "id", {"id"}, false, "install an update (MS03-032 ...) from the catalog"},
      {"install_framework", "version", {"version"}, false, "install a .NET Framework and register ASP.NET"},
      {"request", "app", {"app"}, false, "request a page of a local application (metabase path)"},
      {"fixer", "command",
       {"command", "strategy", "temp_password", "dry_run", "fail_at", "fail_op", "fail_error",
        "crash_at", "crash_op"},
       false, "run aspnet-fixer: diagnose | plan | apply | resume | rollback"},
      {"legacy", "script", {"script", "answer", "no_answer"}, false,
       "run a batch file (default scenarios/legacy/fixup.cmd) through the fake cmd.exe"},
      {"command", "line", {"line", "answer"}, false, "run one fake command line (net, runas, ...)"},
      {"stop_service", "name", {"name"}, false, "stop a service and its running dependents"},
      {"start_service", "name", {"name"}, false, "start a service and its dependencies"},
      {"set_policy", "",
       {"min_length", "complexity", "history", "max_age_days", "lockout_threshold",
        "lockout_duration_minutes"},
       false, "change the local password or lockout policy"},
      {"logon", "user", {"user", "password", "type", "profile"}, false,
       "log on as a user (interactive | network | batch | service); profile: true loads it"},
      {"create_account", "name", {"name", "password", "full_name"}, false, "net user NAME PASSWORD /add"},
      {"delete_account", "name", {"name"}, false, "net user NAME /delete"},
      {"set_password", "user", {"user", "password"}, false, "net user NAME PASSWORD"},
      {"disable_account", "name", {"name"}, false, "net user NAME /active:no"},
      {"enable_account", "name", {"name"}, false, "net user NAME /active:yes"},
      {"grant_ace", "", {"path", "namespace", "principal", "mask", "type", "flags"}, false,
       "add an ACE naming an account to a file, registry key or metabase node"},
      {"grant_right", "", {"principal", "right"}, false, "assign a user right"},
      {"revoke_right", "", {"principal", "right"}, false, "remove a user right"},
      {"grant_sql_login", "name", {"name", "database", "roles"}, false,
       "sp_grantlogin (and sp_grantdbaccess when database is given) for a Windows account"},
      {"set_process_model", "", {"framework", "user_name", "password"}, false,
       "change <processModel> userName / password in machine.config"},
      {"map_application", "", {"path", "framework", "physical_path", "session_state"}, false,
       "create or remap an IIS application"},
      {"set_interactive_user", "user", {"user"}, false, "who is logged on at the console (none: nobody)"},
      {"set_caller", "user", {"user"}, false, "who runs the tools"},
      {"advance_clock", "seconds", {"seconds"}, false, "move the machine clock forward"},
  };
  return kWords;
}

const std::vector<Word>& ExpectWords() {
  static const std::vector<Word> kWords = {
      {"status", "code", {"code"}, false, "HTTP status of the last request"},
      {"page_contains", "text", {"text"}, false, "text in the last response page"},
      {"exit_code", "code", {"code"}, false, "exit code of the last fixer / legacy / command run"},
      {"outcome", "name", {"name"}, false, "the fixer's outcome: fixed, nothing-to-do, refused, ..."},
      {"output_contains", "text", {"text"}, false, "text in the last run's output"},
      {"output_lacks", "text", {"text"}, false, "text absent from the last run's output"},
      {"account", "name", {"name", "exists", "sid", "disabled", "locked_out", "member_of"}, false,
       "an account: exists, sid unchanged | changed (against the machine as the scenario began)"},
      {"profile", "account", {"account", "exists", "path"}, false, "an account's user profile"},
      {"service", "", {"name", "state", "start_type"}, false, "a service's state"},
      {"services_as_before", "", {}, false, "every service in the state it had before the last fixer run"},
      {"right", "", {"principal", "has", "lacks"}, false, "user rights held directly by a principal"},
      {"ace", "", {"path", "namespace", "principal", "works", "orphaned"}, false,
       "an ACE on an object names the principal's current SID (works) or only a dead SID (orphaned)"},
      {"event", "", {"source_contains", "id", "text_contains", "present"}, false,
       "an Application event log entry"},
      {"sql_login", "account", {"account", "works"}, false,
       "the account can use its SQL Server login (the login holds its current SID)"},
      {"password_valid", "", {"user", "password", "valid"}, false,
       "whether a known password (e.g. 1pass@word) logs the user on"},
      {"regranted", "count", {"count"}, false, "how many grants the last fixer run re-granted"},
      {"machine_unchanged", "", {}, false, "the last run changed nothing on the machine"},
  };
  return kWords;
}

namespace {
const Word* Find(const std::vector<Word>& words, std::string_view name) {
  auto it = std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.name == name; });
  return it == words.end() ? nullptr : &*it;
}
}  // namespace

const Word* FindStep(std::string_view name) { return Find(StepWords(), name); }
const Word* FindExpect(std::string_view name) { return Find(ExpectWords(), name); }

}  // namespace sim
