#include "sim/vocabulary.h"

#include <algorithm>

namespace sim {
namespace {

// What the executors (steps_*.cpp, expectations.cpp) need of a word's parameters, so that a
// scenario is rejected at load time rather than half-way through its run.
struct Rules {
  std::string_view word;
  std::vector<std::string_view> required;
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> values;
};

std::vector<Word> WithRules(std::vector<Word> words, const std::vector<Rules>& rules) {
  for (const Rules& r : rules) {
    for (Word& w : words) {
      if (w.name != r.word) continue;
      w.required = r.required;
      w.values = r.values;
    }
  }
  return words;
}

}  // namespace

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
  static const std::vector<Word> kChecked = WithRules(kWords, {
      {"install_hotfix", {"id"}, {}},
      {"install_framework", {"version"}, {{"version", {"1.0", "1.1", "1.0.3705", "1.1.4322"}}}},
      {"request", {"app"}, {}},
      {"fixer", {},
       {{"command", {"diagnose", "plan", "apply", "resume", "rollback"}},
        {"strategy", {"keep-sid", "recreate"}},
        {"dry_run", {kTrueFalse}},
        {"fail_at", {kWholeNumber}},
        {"fail_error", {kWholeNumber}},
        {"crash_at", {kWholeNumber}}}},
      {"legacy", {}, {{"no_answer", {kTrueFalse}}}},
      {"command", {"line"}, {}},
      {"stop_service", {"name"}, {}},
      {"start_service", {"name"}, {}},
      {"set_policy", {},
       {{"min_length", {kWholeNumber}},
        {"complexity", {kTrueFalse}},
        {"history", {kWholeNumber}},
        {"max_age_days", {kWholeNumber}},
        {"lockout_threshold", {kWholeNumber}},
        {"lockout_duration_minutes", {kWholeNumber}}}},
      {"logon", {"user"},
       {{"type", {"interactive", "network", "batch", "service", "remote_interactive"}},
        {"profile", {kTrueFalse}}}},
      {"create_account", {"name"}, {}},
      {"delete_account", {"name"}, {}},
      {"set_password", {"user"}, {}},
      {"disable_account", {"name"}, {}},
      {"enable_account", {"name"}, {}},
      {"grant_ace", {"path", "principal"},
       {{"namespace", {"file", "registry", "metabase"}}, {"type", {"allow", "deny"}}}},
      {"grant_right", {"principal", "right"}, {}},
      {"revoke_right", {"principal", "right"}, {}},
      {"grant_sql_login", {"name"}, {}},
      {"map_application", {"path"},
       {{"framework", {"1.0", "1.1", "1.0.3705", "1.1.4322"}},
        {"session_state", {"Off", "InProc", "StateServer", "SQLServer"}}}},
      {"set_process_model", {}, {{"framework", {"1.0", "1.1", "1.0.3705", "1.1.4322"}}}},
      {"set_interactive_user", {"user"}, {}},
      {"set_caller", {"user"}, {}},
      {"advance_clock", {"seconds"}, {{"seconds", {kWholeNumber}}}},
  });
  return kChecked;
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
  static const std::vector<Word> kChecked = WithRules(kWords, {
      {"status", {"code"}, {{"code", {kWholeNumber}}}},
      {"page_contains", {"text"}, {}},
      {"exit_code", {"code"}, {{"code", {kWholeNumber}}}},
      {"outcome", {"name"}, {}},
      {"output_contains", {"text"}, {}},
      {"output_lacks", {"text"}, {}},
      {"account", {"name"},
       {{"exists", {kTrueFalse}},
        {"sid", {"unchanged", "changed"}},
        {"disabled", {kTrueFalse}},
        {"locked_out", {kTrueFalse}}}},
      {"profile", {"account"}, {{"exists", {kTrueFalse}}}},
      {"service", {"name"},
       {{"state", {"stopped", "start-pending", "stop-pending", "running", "paused"}},
        {"start_type", {"boot", "system", "auto", "manual", "disabled"}}}},
      {"right", {"principal"}, {}},
      {"ace", {"path", "principal"},
       {{"namespace", {"file", "registry", "metabase"}},
        {"works", {kTrueFalse}},
        {"orphaned", {kTrueFalse}}}},
      {"event", {}, {{"id", {kWholeNumber}}, {"present", {kTrueFalse}}}},
      {"sql_login", {"account"}, {{"works", {kTrueFalse}}}},
      {"password_valid", {"user"}, {{"valid", {kTrueFalse}}}},
      {"regranted", {"count"}, {{"count", {kWholeNumber}}}},
  });
  return kChecked;
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
