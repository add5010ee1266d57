// The checks on what the last request, run or logon left: status, page, exit code, outcome,
// output, ERRORLEVELs, the logon's answer, re-grants; and machine_unchanged, services_as_before.
#include <algorithm>
#include <cstdint>

#include "check_support.h"
#include "fakes/scm.h"
#include "fakes/state.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/batch.h"
#include "sim/text_match.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

using namespace checks;

const LastResponse& Response(RunContext& ctx) {
  if (!ctx.response) throw BadCheck{"no request has been made yet"};
  return *ctx.response;
}

CheckResult Status(RunContext& ctx, const Expectation& e) {
  const auto& r = Response(ctx);
  return Compare(e, "status of " + r.app, Need(e, "code"), std::to_string(r.status));
}

CheckResult PageContains(RunContext& ctx, const Expectation& e) {
  const auto& r = Response(ctx);
  const std::string text = Need(e, "text");
  return {e.kind, "page of " + r.app, r.page.find(text) != std::string::npos, "a page containing \"" + text + "\"",
          r.page,  // whole: each report shows it as it shows a value (the text one escaped and cut as a line)
          e.pos};
}

CheckResult ExitCode(RunContext& ctx, const Expectation& e) {
  if (!ctx.exit_code) throw BadCheck{"nothing has run yet, so there is no exit code"};
  return Compare(e, "exit code", Need(e, "code"), std::to_string(*ctx.exit_code));
}

CheckResult Outcome(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  return Compare(e, "fixer outcome", Need(e, "name"), ctx.fixer->outcome);
}

CheckResult OutputContains(RunContext& ctx, const Expectation& e, bool want) {
  const std::string text = Need(e, "text");
  const bool found = ctx.output.find(text) != std::string::npos;
  // What an output must lack is most often a secret (a password that must not be printed): the
  // check says where it is written, never what it is.
  return {
      e.kind,
      "output",
      found == want,
      want ? "contains \"" + text + "\"" : std::string("lacks the text written there (not quoted: it may be a secret)"),
      found ? "it is there" : "it is not there",
      e.pos};
}

CheckResult OutputMatches(RunContext& ctx, const Expectation& e) {
  const std::string pattern = Need(e, "pattern");
  const bool ignore_case = Bool(e, "ignore_case", false);
  const bool found = SomeLineMatches(ctx.output, pattern, ignore_case);
  return {e.kind,
          "output",
          found,
          "a line matching /" + pattern + "/" + (ignore_case ? "i" : ""),
          found ? "a line matches" : "no line matches",
          e.pos};
}

// An exit code or ERRORLEVEL as cmd keeps it, a signed 32-bit number (`exit /b -1` leaves -1),
// written as std::to_string writes it, which is what the check compares with.
std::optional<std::string> SignedCodeRule(const std::string& value) {
  const std::string digits = value.starts_with('-') ? value.substr(1) : value;
  const bool canonical = !digits.empty() && digits.size() <= 10 &&
                         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                         (digits == "0" || digits[0] != '0') && value != "-0";
  if (canonical) {
    const long long number = std::stoll(value);
    if (number >= INT32_MIN && number <= INT32_MAX) return std::nullopt;
  }
  return "expected a whole number from -2147483648 to 2147483647 (an ERRORLEVEL is a signed 32-bit number), got " +
         fixer::QuotedValue(value);
}

// An `errorlevel` check's `program` names a program the simulator runs, as ProgramName names it.
std::optional<std::string> ProgramRule(const std::string& value) {
  if (ModelledProgramName(value)) return std::nullopt;
  std::string known;
  for (std::string_view name : ModelledProgramNames()) known += (known.empty() ? "" : ", ") + std::string(name);
  return "no modelled program is named " + fixer::QuotedValue(value) + " (expected one of: " + known + ")";
}

// The ERRORLEVEL a program of the last legacy / command run left: the one at `line` of the
// script, or the nth run of `program` ("runas", "net user": as BatchCommand names them).
CheckResult Errorlevel(RunContext& ctx, const Expectation& e) {
  if (!ctx.exit_code) throw BadCheck{"no legacy or command run yet, so there is no ERRORLEVEL"};
  const std::string written = Arg(e, "program");
  const std::string program = written.empty() ? "" : ModelledProgramName(written).value_or(written);
  const std::string line = Arg(e, "line");
  const long nth = std::stol(Arg(e, "nth", "1"));
  std::string what = program.empty() ? "line " + line : "'" + program + "'";
  if (!line.empty() && !program.empty()) what += " at line " + line;
  if (nth != 1) what += " (run " + std::to_string(nth) + ")";
  long seen = 0;
  for (const BatchCommand& c : ctx.commands) {
    if (!line.empty() && std::to_string(c.line) != line) continue;
    if (!program.empty() && c.program != program) continue;
    if (++seen == nth) return Compare(e, "ERRORLEVEL of " + what, Need(e, "code"), std::to_string(c.errorlevel));
  }
  std::string ran;
  for (const BatchCommand& c : ctx.commands)
    ran += (ran.empty() ? "" : ", ") + c.program + "@" + std::to_string(c.line);
  return {e.kind,
          "ERRORLEVEL of " + what,
          false,
          "that program to have run",
          "it did not run (ran: " + (ran.empty() ? std::string("nothing") : ran) + ")",
          e.pos};
}

// What the last `logon` step answered: 0 for a token, else the Windows error.
CheckResult LogonResult(RunContext& ctx, const Expectation& e) {
  if (!ctx.logon) throw BadCheck{"no logon step has run yet"};
  const fixer::Status& st = ctx.logon->status;
  CheckResult r = Compare(e, "logon of " + ctx.logon->user, Need(e, "error"), std::to_string(st.code()));
  if (!st.ok()) r.actual += " (" + st.ToString() + ")";
  return r;
}

CheckResult Regranted(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  return Compare(e, "grants re-granted", Need(e, "count"), std::to_string(ctx.fixer->regranted));
}

CheckResult MachineUnchanged(RunContext& ctx, const Expectation& e) {
  auto changes = DiffMachines(ctx.before_step, ctx.machine.state());
  std::string actual =
      changes.empty() ? "no change" : std::to_string(changes.size()) + " changes, first " + changes[0].path;
  return {e.kind, "machine", changes.empty(), "no change", actual, e.pos};
}

CheckResult ServicesAsBefore(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  std::string diffs;
  for (const auto& before : ctx.fixer->before.services) {
    const fixer::ServiceInfo* now = fakes::Scm(ctx.machine).Find(before.name);
    const std::string was(fixer::ToString(before.state));
    const std::string is = now ? std::string(fixer::ToString(now->state)) : "absent";
    if (was != is) diffs += (diffs.empty() ? "" : ", ") + before.name + " " + was + " -> " + is;
  }
  return {e.kind, "services after the fixer", diffs.empty(), "as before", diffs.empty() ? "as before" : diffs, e.pos};
}

}  // namespace

std::vector<Word> RunCheckWords() {
  return {
      {.name = "status",
       .scalar_arg = "code",
       .params = {{.name = "code", .kind = ValueKind::kWholeNumber, .required = true}},
       .doc = "the last response had this HTTP status (`0`: nothing listens on the port)",
       .check = Status},
      {.name = "page_contains",
       .scalar_arg = "text",
       .params = {{.name = "text", .required = true}},
       .doc = "the last response's page contains the text",
       .check = PageContains},
      {.name = "exit_code",
       .scalar_arg = "code",
       .params = {{.name = "code",
                   .required = true,
                   .note = "(a whole number; negative for a script's `exit /b -1`)",
                   .rule = SignedCodeRule}},
       .doc = "the last fixer / legacy / command run exited with it (fixer: 0 fixed / nothing to do / planned / "
              "rolled back, 1 failed and restored, 2 input error, 3 refused, 4 not restored or interrupted)",
       .check = ExitCode},
      {.name = "outcome",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "the fixer's last outcome: `fixed`, `nothing-to-do`, `planned`, `rolled-back`, `failed-restored`, "
              "`input-error`, `refused`, `not-restored`, `interrupted`; after `diagnose` the verdict: `affected`, "
              "`already-fixed`, `not-affected`, `not-admin`, `repair-pending`",
       .check = Outcome},
      {.name = "output_contains",
       .scalar_arg = "text",
       .params = {{.name = "text", .required = true}},
       .doc = "the last run's output contains the text",
       .check = [](RunContext& c, const Expectation& e) { return OutputContains(c, e, true); }},
      {.name = "output_lacks",
       .scalar_arg = "text",
       .params = {{.name = "text", .required = true}},
       .doc = "the last run's output does not contain it. Reports never quote the text (it is most often a "
              "password that must not be printed): the check reads `lacks the text written there`, at its "
              "FILE:LINE:COL; write a secret this way, not as `not: {output_contains: ...}`, which quotes it",
       .check = [](RunContext& c, const Expectation& e) { return OutputContains(c, e, false); }},
      {.name = "output_matches",
       .scalar_arg = "pattern",
       .params = {{.name = "pattern",
                   .kind = ValueKind::kRegex,
                   .required = true,
                   .note = "([RE2 syntax](https://github.com/google/re2/wiki/Syntax): ECMAScript's classes, groups, "
                           "alternation, counts up to 1000, anchors and `\\d \\w \\s \\b`, without backreferences or "
                           "lookaround; at most 500 characters; matched in time linear in the line, so no pattern can "
                           "hang a run)"},
                  {.name = "ignore_case", .kind = ValueKind::kTrueFalse, .note = "(default false)"}},
       .doc = "a line of the last run's output matches the regular expression (`^` and `$` are the line's ends)",
       .check = OutputMatches},
      {.name = "errorlevel",
       .scalar_arg = "",
       .params = {{.name = "code", .required = true, .note = "(a whole number, negative too)", .rule = SignedCodeRule},
                  {.name = "program",
                   .note = "(`iisreset`, `runas`, `aspnet_regiis`; `net user`, `net start`, `net stop`, `net pause`, "
                           "`net continue`, `net localgroup`, `net helpmsg` with their subcommand, `net` for the "
                           "others; any case, "
                           "`.exe` or a folder allowed)",
                   .rule = ProgramRule},
                  {.name = "line", .kind = ValueKind::kWholeNumber, .note = "(the script's line)", .min = 1},
                  {.name = "nth", .kind = ValueKind::kWholeNumber, .note = "(default 1: which run of it)", .min = 1}},
       .doc = "a program the last `legacy` or `command` run ran (the nth that matches `program` and `line`) left "
              "this ERRORLEVEL",
       .check = Errorlevel,
       .at_least_one_of = {{"program", "line"}}},
      {.name = "logon_result",
       .scalar_arg = "error",
       .params = {{.name = "error",
                   .kind = ValueKind::kWholeNumber,
                   .required = true,
                   .note = "(0: logged on; else the Windows error, e.g. 1326, 1331, 1909)"}},
       .doc = "the last `logon` step got this answer from LogonUser",
       .check = LogonResult},
      {.name = "regranted",
       .scalar_arg = "count",
       .params = {{.name = "count", .kind = ValueKind::kWholeNumber, .required = true}},
       .doc = "the last fixer run re-granted this many grants (ACEs, rights, logins) to a recreated account",
       .check = Regranted},
      {.name = "services_as_before",
       .scalar_arg = "",
       .params = {},
       .doc = "every service is in the state it had before the last fixer run",
       .check = ServicesAsBefore},
      {.name = "machine_unchanged",
       .scalar_arg = "",
       .params = {},
       .doc = "the step it belongs to changed nothing on the machine",
       .check = MachineUnchanged},
  };
}

}  // namespace sim
