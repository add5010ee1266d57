// The fixer step: runs the real fixer on the scenario's machine, with optional faults, and
// the invariants every fixer run must keep.
#include <set>
#include <string>

#include "fakes/machine.h"
#include "fakes/web_requests.h"
#include "fixer/quoted_value.h"
#include "fixer/text.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/legacy_run.h"
#include "sim/sweep.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

// The parameters that make a fault; each makes FaultsOf add a rule.
constexpr const char* kFaultParams[] = {"fail_at",  "fail_op",   "crash_at",    "crash_after",
                                        "crash_op", "fail_read", "fail_read_at"};

fakes::FaultPlan FaultsOf(const Step& step) {
  fakes::FaultPlan plan;
  if (step.args.count("fail_at") || step.args.count("fail_op")) {
    fakes::FaultRule rule;
    rule.nth = static_cast<uint64_t>(IntArg(step, "fail_at", 1));
    if (step.args.count("fail_op")) rule.op = Arg(step, "fail_op");
    rule.kind = fakes::FaultKind::kFail;
    rule.error = static_cast<uint32_t>(IntArg(step, "fail_error", fixer::kErrorAccessDenied));
    plan.Add(rule);
  }
  if (step.args.count("fail_read")) {  // a read that fails: the Nth of that op answers fail_error
    fakes::FaultRule rule;
    rule.op = Arg(step, "fail_read");
    rule.nth = static_cast<uint64_t>(IntArg(step, "fail_read_at", 1));
    rule.error = static_cast<uint32_t>(IntArg(step, "fail_error", fixer::kErrorAccessDenied));
    rule.read = true;
    plan.Add(rule);
  }
  if (step.args.count("crash_at") || step.args.count("crash_after") || step.args.count("crash_op")) {
    fakes::FaultRule rule;
    const bool after = step.args.count("crash_after") > 0;
    rule.nth = static_cast<uint64_t>(IntArg(step, after ? "crash_after" : "crash_at", 1));
    if (step.args.count("crash_op")) rule.op = Arg(step, "crash_op");
    rule.kind = after ? fakes::FaultKind::kCrashAfter : fakes::FaultKind::kCrash;
    plan.Add(rule);
  }
  return plan;
}

// Why a fault of the step never happened (its call was never made: a misspelt op, or a count past
// the run's calls), or "" when every one was reached.
std::string UnreachedFault(const fakes::FaultPlan& plan, const FixerRun& run) {
  for (const fakes::FaultRule& rule : plan.rules()) {
    if (rule.read) {
      auto made = run.reads.find(*rule.op);
      const uint64_t reads = made == run.reads.end() ? 0 : made->second;
      if (reads >= rule.nth) continue;
      return "the fault at read " + std::to_string(rule.nth) + " of " + *rule.op + " never happened: the run made " +
             fixer::CountText(reads, "such read", "such reads");
    }
    uint64_t calls = 0;
    for (const fakes::MutationEvent& e : run.trace) calls += !rule.op || e.op == *rule.op ? 1 : 0;
    if (calls >= rule.nth) continue;
    std::set<std::string> ops;
    for (const fakes::MutationEvent& e : run.trace) ops.insert(e.op);
    std::string made;
    for (const std::string& op : ops) made += (made.empty() ? "" : ", ") + op;
    const std::string which =
        rule.op ? "call " + std::to_string(rule.nth) + " of " + *rule.op : "mutating call " + std::to_string(rule.nth);
    return "the fault at " + which + " never happened: the run made " +
           fixer::CountText(calls, rule.op ? "such call" : "mutating call", rule.op ? "such calls" : "mutating calls") +
           " (" + (made.empty() ? "none" : made) + ")";
  }
  return "";
}

// The fail fault's error where its call, known only by number, turned out to be one that cannot
// give it, in the sweep's words; "" when it can, or the fault never fired (UnreachedFault).
std::string ImpossibleError(const fakes::FaultPlan& plan, const FixerRun& run) {
  for (const fakes::FaultRule& rule : plan.rules()) {
    if (rule.read || rule.op || rule.kind != fakes::FaultKind::kFail) continue;
    for (const fakes::MutationEvent& call : run.trace) {
      if (call.call != rule.nth) continue;
      const std::string name = call.target.empty() ? call.op : call.op + " " + call.target;
      std::string why = ErrorNotGivenBy("call " + std::to_string(rule.nth) + " (" + name + ")", call.op, rule.error);
      if (!why.empty()) return why;
    }
  }
  return "";
}

// A `fail_op` names the call, a `fail_read` the read: an error the one named cannot give (each,
// when both share the `fail_error`) is refused as the scenario loads.
std::optional<std::pair<std::string, std::string>> FailErrorOfNamedOps(const std::map<std::string, std::string>& args) {
  const auto error = args.find("fail_error");
  if (error == args.end()) return std::nullopt;
  uint64_t code = 0;
  for (char ch : error->second) code = code * 10 + static_cast<uint64_t>(ch - '0');  // checked whole already
  std::string why;
  if (const auto op = args.find("fail_op"); op != args.end())
    why = ErrorNotGivenBy(op->second, op->second, static_cast<uint32_t>(code));
  if (const auto read = args.find("fail_read"); why.empty() && read != args.end())
    why = ReadErrorNotGivenBy(read->second, static_cast<uint32_t>(code));
  if (why.empty()) return std::nullopt;
  return std::pair<std::string, std::string>{"fail_error", std::move(why)};
}

fixer::Options OptionsOf(const Step& step) {
  fixer::Options options;
  auto strategy = fixer::StrategyFromString(Arg(step, "strategy", "keep-sid"));
  if (!strategy)
    throw StepError{"strategy must be keep-sid or recreate, not " + fixer::QuotedValue(Arg(step, "strategy"))};
  options.strategy = *strategy;
  if (step.args.count("temp_password")) options.temp_password = fixer::Secret::FromString(Arg(step, "temp_password"));
  options.dry_run = BoolArg(step, "dry_run", false);
  return options;
}

StepReport Fixer(RunContext& ctx, const Step& step) {
  const std::string command = Arg(step, "command", "apply");
  fixer::Options options = OptionsOf(step);
  ctx.invariants.reset();
  fakes::MachineState before = ctx.machine.state();
  if (!ctx.episode_start) {
    ctx.episode_start = before;
    ctx.episode_start_statuses = StatusOfEveryApp(ctx.machine);
  }
  std::unique_ptr<PortsDecorator> decorator = ctx.decorate ? ctx.decorate() : nullptr;
  const fakes::FaultPlan faults = FaultsOf(step);
  FixerRun run = RunFixer(ctx.machine, command, options, faults, false, decorator.get());
  const std::string text = RunTranscript(run);
  ctx.output = text;
  ctx.all_output.push_back(text);
  ctx.exit_code = fixer::ToInt(run.exit_code);
  LastFixerRun last;
  last.command = command;
  last.exit_code = fixer::ToInt(run.exit_code);
  last.outcome = run.outcome;
  last.crashed = run.crashed;
  last.before = std::move(before);
  last.verified = run.verified;
  if (run.result)
    for (const auto& g : run.result->regranted) last.regranted += g.ok ? 1 : 0;
  last.unreached_fault = UnreachedFault(faults, run);
  last.impossible_error = ImpossibleError(faults, run);
  ctx.fixer = std::move(last);
  return {
      true, "",
      "aspnet-fixer " + command + " -> " + run.outcome + " (exit " + std::to_string(fixer::ToInt(run.exit_code)) + ")",
      text};
}

// The invariants as the `invariant` check reads them (after the last fixer or legacy run).
void Record(RunContext& ctx, std::vector<CheckResult>& out, const Step& step) {
  for (auto& c : out) c.pos = step.pos;
  ctx.invariants.emplace();
  for (const CheckResult& c : out)
    ctx.invariants->push_back({InvariantName(c), c.passed, c.what + ": expected " + c.expected + ", got " + c.actual});
}

// A `legacy` run of fixup.cmd keeps only the secret scan's promise: no password in its console
// (the published 1pass@word masked, steps_legacy.cpp), the journal or the events, against the
// machine before the run (RunContext::before_step) and after it; the passwords looked for are
// KnownPasswords'.
std::vector<CheckResult> LegacyInvariants(RunContext& ctx, const Step& step) {
  std::vector<CheckResult> out{
      NoSecretIn(ctx.all_output, ctx.before_step, ctx.machine.state(), KnownPasswords(ctx, step)),
      NoAccountPasswordIn(ctx.all_output_words, ctx.all_output, ctx.before_step, ctx.machine.state())};
  Record(ctx, out, step);
  return out;
}

}  // namespace

Step WithoutFaults(Step step) {
  for (const char* param : kFaultParams) step.args.erase(param);
  step.args.erase("fail_error");
  return step;
}

bool HasFaultsOfItsOwn(const Step& step) {
  for (const char* param : kFaultParams)
    if (step.args.count(param)) return true;
  return false;
}

std::vector<std::string> KnownPasswords(const std::vector<std::string>& given, const std::set<std::string>& batch) {
  std::vector<std::string> known = {kFixupCmdPassword};
  known.insert(known.end(), given.begin(), given.end());
  known.insert(known.end(), batch.begin(), batch.end());
  return known;
}

std::vector<std::string> KnownPasswords(const RunContext& ctx, const Step& step) {
  std::vector<std::string> given;
  // A fixer's temporary password; what the user typed at runas (a password).
  for (const char* key : {"temp_password", "answer"})
    if (step.args.count(key)) given.push_back(Arg(step, key));
  return KnownPasswords(given, ctx.batch_passwords);
}

std::vector<CheckResult> CheckInvariants(RunContext& ctx, const Step& step) {
  if (step.kind == "legacy") return LegacyInvariants(ctx, step);
  std::vector<CheckResult> out;
  if (!ctx.fixer || !ctx.episode_start) return out;
  const std::string& command = ctx.fixer->command;
  const fakes::MachineState& found = *ctx.episode_start;
  const fakes::MachineState& now = ctx.machine.state();
  out.push_back(NoSecretIn(ctx.all_output, found, now, KnownPasswords(ctx, step)));
  const fakes::MachineState* as_found = ctx.episode_changed_by_others ? nullptr : &found;
  for (CheckResult& c : ExitCodePromises(ctx.fixer->exit_code, ctx.fixer->outcome, ctx.fixer->before, as_found,
                                         ctx.machine, ctx.fixer->verified))
    out.push_back(std::move(c));
  // An interrupted episode is judged when it ends: after the resume or rollback that clears
  // its journal (a refused rollback leaves the journal, and the machine, mid-repair).
  const bool episode_open =
      ctx.fixer->crashed || ctx.fixer->exit_code == fixer::ToInt(fixer::ExitCode::kNotRestored) || !now.journal.empty();
  if (command == "diagnose") out.push_back(DiagnosisAgreesWithRequests(ctx.fixer->outcome, ctx.output, ctx.machine));
  const bool dry_run = BoolArg(step, "dry_run", false);
  if (command == "diagnose" || command == "plan" || dry_run)
    out.push_back(ReadOnlyRunChangesNothing(dry_run ? command + " --dry-run" : command, ctx.fixer->before, now));
  const std::string& o = episode_open ? std::string() : ctx.fixer->outcome;
  const bool as_found_applies = !ctx.episode_changed_by_others;
  if (as_found_applies && (o == "fixed" || o == "nothing-to-do" || o == "failed-restored" || o == "rolled-back" ||
                           o == "refused" || o == "planned")) {
    out.push_back(ServicesAsFound(found, now));
    out.push_back(GrantsStillWork(found, now, kWorkerAccount));
    out.push_back(NoGrantWidened(found, now, kWorkerAccount));
    out.push_back(WorkerSecretNotWorse(found, now, kWorkerAccount));
    out.push_back(SiteNotWorse(ctx.episode_start_statuses, StatusOfEveryApp(ctx.machine)));
  }
  if (o == "fixed") {
    // Idempotence: a second apply on the fixed machine, on a copy, changes nothing.
    fakes::Machine again(now);
    FixerRun second = RunFixer(again, "apply", fixer::Options{}, {});
    auto changes = DiffMachines(now, again.state());
    // Exit 3 also promises nothing changed: a machine moved off ASP.NET 1.0 during the episode
    // (install_framework 1.1 remaps its applications) is rightly "not affected" the second time.
    const bool quiet = second.exit_code == fixer::ExitCode::kOk || second.exit_code == fixer::ExitCode::kRefused;
    out.push_back({"invariant", "a second apply changes nothing", changes.empty() && quiet, "no change, exit 0 or 3",
                   (changes.empty() ? std::string("no change") : changes[0].path + " changed") + ", exit " +
                       std::to_string(fixer::ToInt(second.exit_code)) + " (" + second.outcome + ")",
                   step.pos});
  }
  Record(ctx, out, step);
  if (!episode_open) {
    ctx.episode_start.reset();
    ctx.episode_changed_by_others = false;
  }
  return out;
}

std::vector<Word> FixerStepWords() {
  return {
      {.name = "fixer",
       .scalar_arg = "command",
       .params =
           {{.name = "command",
             .kind = ValueKind::kWord,
             .words = {"diagnose", "plan", "apply", "resume", "rollback"},
             .note = "(default `apply`)"},
            {.name = "strategy",
             .kind = ValueKind::kWord,
             .words = {"keep-sid", "recreate"},
             .note = "(default `keep-sid`)"},
            {.name = "temp_password"},
            {.name = "dry_run", .kind = ValueKind::kTrueFalse},
            {.name = "fail_at", .kind = ValueKind::kWholeNumber, .min = 1},  // 0: no call, no fault
            {.name = "fail_op"},
            {.name = "fail_error",
             .kind = ValueKind::kWholeNumber,
             .note = "(a Windows error the call or read can give; 0 is success, no error)",
             .min = 1,
             .max = 0xFFFFFFFF},  // a DWORD
            {.name = "fail_read", .note = "(a read of the fixer's ports: `eventlog.read`, `scm.list`, ...)"},
            {.name = "fail_read_at", .kind = ValueKind::kWholeNumber, .note = "(default 1)", .min = 1},
            {.name = "crash_at", .kind = ValueKind::kWholeNumber, .note = "(power lost before that call)", .min = 1},
            {.name = "crash_after",
             .kind = ValueKind::kWholeNumber,
             .note = "(power lost right after that call)",
             .min = 1},
            {.name = "crash_op"}},
       .doc = "runs the real fixer (`aspnet-fixer`) on the machine; sets the *last exit code*, *last output* and "
              "the fixer's outcome; then the runner checks the [invariants](#invariants-checked-after-every-fixer-run)",
       .run = Fixer,
       .at_most_one_of = {{"crash_at", "crash_after"}},
       .only_with = {{"fail_error", {"fail_at", "fail_op", "fail_read"}}, {"fail_read_at", {"fail_read"}}},
       .args_rule = FailErrorOfNamedOps},
  };
}

}  // namespace sim
