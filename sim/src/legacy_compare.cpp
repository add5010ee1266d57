// CompareOnMachine: fixup.cmd and the fixer side by side on two copies of one machine.
//
// Judgement per row: site up = every application answers 200; SID kept = ASPNET still has the
// SID it had (grants keyed to it keep working without re-granting); profile = the worker
// identity (ASPNET, or the custom processModel account) has one (a ProfileList entry whose folder
// does not exist is none, as the diagnosis' `profile none`), or needs none on this machine
// by the fixer's own rule (fixer::ProfileNeeded, read on the machine as found);
// services = each in the state it was found in (ServicesAsFound); grants = every explicit ACE,
// right and SQL login of ASPNET still works for it (GrantsStillWork); secrets = the known
// temporary password 1pass@word does not log ASPNET on and no worker password was printed;
// exit = the exit state tells the truth: success (errorlevel / exit 0) only with the site up,
// or a refusal that changed nothing; the batch's failed commands are listed by line.
#include "sim/legacy_compare.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/fixer_report.h"
#include "fakes/load_result.h"
#include "fakes/logon.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/web_requests.h"
#include "fixer/name_case.h"
#include "fixer/process_model.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/legacy_run.h"
#include "sim/machine_diff.h"

namespace sim {
namespace {

struct SideFacts {
  std::string site;
  bool site_up = false;
  std::string sid;
  bool sid_kept = false;
  std::string profile;
  bool profile_ok = false;
  CheckResult services, grants, output_secrets;
  std::string known_password_valid;  // which known password still logs ASPNET on, said without it; "" none
  std::string exit;
  bool exit_ok = false;
};

std::string SidOf(const fakes::MachineState& state) {
  fakes::Machine m(state);
  fakes::Sam sam(m);
  const fakes::UserAccount* u = sam.FindUser(kWorkerAccount);
  return u ? sam.SidOf(*u).ToString() : std::string("(no ASPNET)");
}

// The account aspnet_wp.exe runs as: ASPNET for userName="machine" (and for aspnet_setreg
// references, which this comparison does not resolve), else the account part of userName.
std::string WorkerAccount(const fakes::MachineState& state) {
  for (const auto& fw : state.products.frameworks) {
    if (fw.version != "1.0.3705") continue;
    const std::string& user = fw.process_model.user_name;
    if (fixer::SameWindowsName(user, "machine") || fixer::IsRegistryReference(user)) return kWorkerAccount;
    return user.substr(user.find('\\') == std::string::npos ? 0 : user.find('\\') + 1);
  }
  return kWorkerAccount;
}

// Why the machine as found needs no worker profile, by the fixer's own diagnosis of it
// (docs/windows-reference.md#fixer-decisions); nullopt where it needs one, or where it cannot be read.
std::optional<std::string> WhyNoProfileNeededOn(const fakes::MachineState& found) {
  fakes::Machine copy(found);
  const FixerRun run = RunFixer(copy, "diagnose", fixer::Options{}, fakes::FaultPlan{});
  if (!run.diagnosis || !run.diagnosis->ok() || fixer::ProfileNeeded(**run.diagnosis)) return std::nullopt;
  return fixer::WhyNoProfileNeeded(**run.diagnosis);
}

// Which of the `known` passwords (the published one, what was typed at runas, what the script
// set) still logs ASPNET on in `now`, said without the password unless it is the published
// 1pass@word; "" when none does. Each is tried on its own copy, so one wrong try's count toward
// the lockout cannot make the next look right. Any answer but 1326 means the password matched.
std::string KnownPasswordStillValid(const fakes::MachineState& now, const std::vector<std::string>& known) {
  bool published = false, other = false;
  for (const std::string& password : known) {
    if ((password == kFixupCmdPassword ? published : other)) continue;
    fakes::Machine m(now);
    auto token = fakes::LogonService(m).LogonUser(kWorkerAccount, fixer::Secret::FromString(password),
                                                  fakes::LogonType::kNetwork);
    if (token.ok() || token.status().code() != fixer::kErrorLogonFailure)
      (password == kFixupCmdPassword ? published : other) = true;
  }
  std::string said = published ? std::string(kFixupCmdPassword) + " still logs ASPNET on" : "";
  if (other)
    said += std::string(said.empty() ? "" : "; ") +
            "a temporary password typed at runas or set by the script still logs ASPNET on";
  return said;
}

// `output` as cmd.exe printed it (a batch's unmasked console as ConsoleForSecretScan leaves it), `known` as
// KnownPasswords gives them.
SideFacts Judge(const fakes::MachineState& found, const fakes::MachineState& now, const std::string& output,
                const std::vector<std::string>& known) {
  SideFacts f;
  const auto apps = StatusOfEveryApp(now);
  // A machine with no ASP.NET application serves no page to be down: not affected, as the fixer's
  // diagnosis says of it, and a batch file that leaves it so tells the truth with errorlevel 0.
  f.site_up = std::all_of(apps.begin(), apps.end(), [](const auto& a) { return a.second == 200; });
  for (const auto& [app, status] : apps) f.site += (f.site.empty() ? "" : ", ") + app + " " + std::to_string(status);
  f.site = apps.empty() ? "not affected (no ASP.NET application)" : (f.site_up ? "up (" : "down (") + f.site + ")";

  const std::string before = SidOf(found), after = SidOf(now);
  f.sid_kept = before == after;
  f.sid = f.sid_kept ? "kept " + after : "changed " + before + " -> " + after;

  fakes::Machine m(now);
  fakes::Sam sam(m);
  const std::string worker = WorkerAccount(now);
  if (auto sid = sam.LookupName(worker)) {
    if (const fakes::ProfileEntry* p = fakes::ProfileStore(m).Find(*sid)) {
      // An entry whose folder does not exist is no profile, as the diagnosis says (profile none).
      f.profile_ok = fakes::ProfileFolderExists(now, *p);
      f.profile = worker + ": " + p->path + (f.profile_ok ? "" : " (its folder does not exist: no profile)");
    } else if (fixer::SameWindowsName(worker, "SYSTEM")) {
      f.profile = "SYSTEM: its own";
      f.profile_ok = true;
    }
  }
  if (!f.profile_ok) {
    if (f.profile.empty()) f.profile = worker + ": none";
    if (const auto why = WhyNoProfileNeededOn(found)) {
      f.profile += ", which the worker's start does not need here: " + *why;
      f.profile_ok = true;  // judged met, as the fixer's diagnosis judges it
    }
  }

  f.services = ServicesAsFound(found, now);
  f.grants = GrantsStillWork(found, now, kWorkerAccount);
  f.output_secrets = NoSecretIn({output}, found, now, known);
  f.known_password_valid = KnownPasswordStillValid(now, known);
  return f;
}

std::string Secrets(const SideFacts& f) {
  std::string s = f.known_password_valid;
  if (!f.output_secrets.passed) s += (s.empty() ? "" : "; ") + f.output_secrets.actual;
  return s.empty() ? "none exposed" : s;
}

}  // namespace

std::vector<std::string> KnownPasswordsAfter(const LegacyRun& run, const std::vector<std::string>& typed,
                                             const std::set<std::string>& earlier) {
  std::set<std::string> batch = earlier;
  batch.insert(run.passwords.begin(), run.passwords.end());
  return KnownPasswords(typed, batch);
}

std::vector<OutcomeRow> JudgeOutcome(const fakes::MachineState& found, const fakes::MachineState& now,
                                     const LegacyRun& run, const std::vector<std::string>& known) {
  const SideFacts f = Judge(found, now, ConsoleForSecretScan(run.unmasked_console), known);
  return {{"site", f.site, f.site_up},
          {"account SID", f.sid, f.sid_kept},
          {"profile", f.profile, f.profile_ok},
          {"services", f.services.actual, f.services.passed},
          {"grants", f.grants.actual, f.grants.passed},
          {"secrets", Secrets(f), f.known_password_valid.empty() && f.output_secrets.passed}};
}

OutcomeRow LegacyExitRow(const LegacyRun& run, bool site_up) {
  OutcomeRow row{"exit", "", false};
  if (!run.load_error.empty()) {
    row.value = run.load_error;
  } else if (run.error) {
    row.value = "stopped at line " + std::to_string(run.error->line) + ": " + run.error->message;
  } else {
    row.value = "errorlevel " + std::to_string(run.errorlevel) + " at the end";
    std::string failed;
    for (const auto& f : run.failures)
      failed += (failed.empty() ? "" : ", ") + std::string("line ") + std::to_string(f.line) + " " + f.program + " (" +
                std::to_string(f.errorlevel) + ")";
    if (!failed.empty()) row.value += "; failed along the way: " + failed;
  }
  // A batch file's errorlevel says nothing of the site unless 0 goes with a working one.
  row.ok = run.load_error.empty() && !run.error && (run.errorlevel == 0) == site_up;
  return row;
}

std::vector<std::string> Comparison::FixerAhead() const {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (r.Ahead() == "fixer") out.push_back(r.name);
  return out;
}

std::vector<std::string> Comparison::LegacyAhead() const {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (r.Ahead() == "legacy") out.push_back(r.name);
  return out;
}

Comparison CompareOnMachine(const fakes::MachineState& state, const std::string& script, const std::string& answer,
                            const fixer::Options& options, const std::set<std::string>& earlier_batch_passwords) {
  Comparison c;
  if (script != kBuiltInFixupCmdName) c.script_name = std::filesystem::path(script).filename().string();
  fakes::Machine legacy_machine(state);
  fakes::FixedInput input(answer);
  LegacyRun legacy = RunLegacyScript(legacy_machine, script, input, earlier_batch_passwords);
  c.legacy_console = legacy.console;
  c.legacy_load_error = legacy.load_error;
  const std::vector<std::string> known = KnownPasswordsAfter(legacy, {answer}, earlier_batch_passwords);
  SideFacts l = Judge(state, legacy_machine.state(), ConsoleForSecretScan(legacy.unmasked_console), known);
  const OutcomeRow exit = LegacyExitRow(legacy, l.site_up);
  l.exit = exit.value;
  l.exit_ok = exit.ok;

  fakes::Machine fixer_machine(state);
  FixerRun run = RunFixer(fixer_machine, "apply", options, fakes::FaultPlan{});
  c.fixer_log = run.log + (run.result ? app::RenderRunText(*run.result) : std::string());
  SideFacts x = Judge(state, fixer_machine.state(), c.fixer_log, known);
  x.exit = "exit " + std::to_string(fixer::ToInt(run.exit_code)) + " (" + run.outcome + ")";
  const bool refused_cleanly = run.outcome == "refused" && DiffMachines(state, fixer_machine.state()).empty();
  x.exit_ok = refused_cleanly || (run.exit_code == fixer::ExitCode::kOk) == x.site_up;

  c.rows = {
      {"site", l.site, x.site, l.site_up, x.site_up},
      {"account SID", l.sid, x.sid, l.sid_kept, x.sid_kept},
      {"profile", l.profile, x.profile, l.profile_ok, x.profile_ok},
      {"services", l.services.actual, x.services.actual, l.services.passed, x.services.passed},
      {"grants", l.grants.actual, x.grants.actual, l.grants.passed, x.grants.passed},
      {"secrets", Secrets(l), Secrets(x), l.known_password_valid.empty() && l.output_secrets.passed,
       x.known_password_valid.empty() && x.output_secrets.passed},
      {"exit", l.exit, x.exit, l.exit_ok, x.exit_ok},
  };
  // A batch that stopped at a line it does not understand left the machine half-way: not fixup.cmd's
  // result, so its side of every row but the exit is shown, not judged.
  c.legacy_stopped = legacy.error;
  if (c.legacy_stopped)
    for (CompareRow& row : c.rows)
      if (row.name != "exit") row.legacy_judged = false;
  return c;
}

std::string Comparison::LegacyStoppedText() const {
  if (!legacy_stopped) return "";
  return script_name + " did not run to its end: it stopped at line " + std::to_string(legacy_stopped->line) + ": " +
         legacy_stopped->message;
}

std::string RenderComparisonText(const Comparison& c) {
  std::string out;
  auto mark = [](bool ok) { return ok ? "ok  " : "BAD "; };
  const std::string script = fakes::EscapeForMessage(c.script_name);
  const size_t width = std::max<size_t>(script.size(), std::string_view("aspnet-fixer").size()) + 2;
  auto label = [&](std::string name) {
    name.resize(std::max(name.size(), width), ' ');
    return "  " + name;
  };
  if (c.legacy_stopped)
    out += fakes::EscapeForMessage(c.LegacyStoppedText()) +
           "\nIts side of each row is what it left there, not judged (--).\n\n";
  for (const auto& r : c.rows) {
    out += r.name + ":\n";
    // A value may quote the batch file's own text (a redirection's file name): shown escaped.
    out += label(script) + (r.legacy_judged ? mark(r.legacy_ok) : "--  ") + fakes::EscapeForMessage(r.legacy) + "\n";
    out += label("aspnet-fixer") + mark(r.fixer_ok) + fakes::EscapeForMessage(r.fixer) + "\n";
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? std::string("nothing") : s;
  };
  out += "\nfixer ahead on: " + join(c.FixerAhead()) + "\n";
  out += script + " ahead on: " +
         (c.legacy_stopped ? "not judged: it stopped at line " + std::to_string(c.legacy_stopped->line)
                           : join(c.LegacyAhead())) +
         "\n";
  return out;
}

nlohmann::json ComparisonToJson(const Comparison& c) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : c.rows) {
    rows.push_back({{"name", r.name},
                    {"legacy", {{"value", r.legacy}, {"ok", r.legacy_ok}, {"judged", r.legacy_judged}}},
                    {"fixer", {{"value", r.fixer}, {"ok", r.fixer_ok}}},
                    {"ahead", r.Ahead()}});
  }
  nlohmann::json stopped = nullptr;
  if (c.legacy_stopped)
    stopped = {
        {"line", c.legacy_stopped->line}, {"message", c.legacy_stopped->message}, {"text", c.LegacyStoppedText()}};
  return {
      {"rows", rows}, {"fixer_ahead", c.FixerAhead()}, {"legacy_ahead", c.LegacyAhead()}, {"legacy_stopped", stopped}};
}

}  // namespace sim
