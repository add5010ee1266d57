// aspnet-fixer: the real fixer run against a machine state file (the fake machine's disk).
//
// The state is saved atomically before every mutating call (when every earlier change is
// complete) and once at the end, so a killed process leaves a whole file whose journal
// `resume` or `rollback` continues. Exit codes (also in --help and README.md):
//   0 fixed or nothing to do · 1 failed, machine restored · 2 usage or input error ·
//   3 refused, nothing changed · 4 failed or interrupted and not restored: run resume or rollback
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "commands.h"
#include "fakes/machine_yaml.h"
#include "sim/fixer_report.h"
#include "sim/fixer_session.h"

namespace sim::cli {
namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 fixed or nothing to do; 1 failed, machine restored; 2 usage or input error; "
    "3 refused, nothing changed; 4 failed or interrupted and not restored: run resume or rollback.";

struct FixerArgs {
  std::string command;
  std::string machine;
  std::string strategy = "keep-sid";
  std::string temp_password;  // "-": one line from standard input
  bool temp_password_given = false;
  bool dry_run = false;
  bool json = false;
  bool verbose = false;
  uint64_t kill_at_mutation = 0;  // test hook: SIGKILL this process before mutation N
};

bool Mutates(const std::string& command) { return command == "apply" || command == "resume" || command == "rollback"; }

// Saves the machine before every mutation; the test hook kills the process right after such
// a save, exactly as a power cut between two changes would.
void InstallSaveHook(fakes::Machine& machine, const FixerArgs& args) {
  auto count = std::make_shared<uint64_t>(0);
  machine.set_before_mutation([&machine, &args, count] {
    if (auto st = fakes::SaveMachineFile(machine.state(), args.machine); !st.ok()) {
      std::cerr << "aspnet-fixer: cannot save " << args.machine << ": " << st.ToString()
                << "\nThe file holds the machine as it was before this change; run resume or rollback.\n";
      std::_Exit(4);
    }
    if (args.kill_at_mutation != 0 && ++*count == args.kill_at_mutation) std::raise(SIGKILL);
  });
}

nlohmann::json RunJson(const FixerRun& run) {
  nlohmann::json j = {{"command", run.command}, {"outcome", run.outcome}, {"exit_code", run.exit_code}};
  if (run.diagnosis) {
    if (run.diagnosis->ok()) j["diagnosis"] = DiagnosisToJson(**run.diagnosis);
    else j["error"] = run.diagnosis->status().ToString();
  }
  if (run.plan) {
    if (run.plan->ok()) j["plan"] = PlanToJson(**run.plan);
    else j["error"] = run.plan->status().ToString();
  }
  if (run.result) j["result"] = RunToJson(*run.result);
  if (run.crashed) j["interrupted"] = run.crash;
  return j;
}

std::string RunText(const FixerRun& run) {
  std::string out;
  if (run.diagnosis) {
    out += run.diagnosis->ok() ? RenderDiagnosisText(**run.diagnosis)
                               : "Diagnosis failed: " + run.diagnosis->status().ToString() + "\n";
  }
  if (run.plan) {
    out += run.plan->ok() ? RenderPlanText(**run.plan) : "Planning failed: " + run.plan->status().ToString() + "\n";
  }
  if (run.result) out += RenderRunText(*run.result);
  if (run.crashed) out += "Interrupted: " + run.crash + "\nRun `aspnet-fixer resume` or `aspnet-fixer rollback`.\n";
  return out;
}

int Execute(FixerArgs& args) {
  auto loaded = fakes::LoadMachineFile(args.machine);
  if (!loaded.ok()) {
    std::cerr << loaded.error->ToString() << "\n";
    return kExitInput;
  }
  fixer::Options options;
  auto strategy = fixer::StrategyFromString(args.strategy);
  if (!strategy.ok()) {
    std::cerr << "aspnet-fixer: --strategy must be keep-sid or recreate, not '" << args.strategy << "'\n";
    return kExitInput;
  }
  options.strategy = *strategy;
  options.dry_run = args.dry_run;
  if (args.temp_password_given) {
    std::string typed = args.temp_password;
    if (typed == "-" && !std::getline(std::cin, typed)) {
      std::cerr << "aspnet-fixer: --temp-password -: no line on standard input\n";
      return kExitInput;
    }
    options.temp_password = fixer::Secret::FromString(std::move(typed));
    args.temp_password.assign(args.temp_password.size(), '\0');
  }

  fakes::Machine machine(std::move(*loaded.value));
  const bool mutates = Mutates(args.command) && !args.dry_run;
  if (mutates) InstallSaveHook(machine, args);
  FixerRun run = RunFixer(machine, args.command, options, {}, args.verbose);
  machine.set_before_mutation({});
  if (mutates) {
    if (auto st = fakes::SaveMachineFile(machine.state(), args.machine); !st.ok()) {
      std::cerr << "aspnet-fixer: cannot save " << args.machine << ": " << st.ToString() << "\n";
      return 4;
    }
  }
  if (args.verbose) std::cerr << run.log;
  std::cout << (args.json ? RunJson(run).dump(2) + "\n" : RunText(run));
  return run.exit_code;
}

}  // namespace

int AspnetFixerMain(int argc, char** argv) {
  FixerArgs args;
  CLI::App app{"aspnet-fixer: repairs ASP.NET 1.0 \"Server Application Unavailable\" after MS03-032"};
  app.footer(kExitCodesHelp);
  app.add_option("command", args.command, "diagnose | plan | apply | resume | rollback")
      ->required()
      ->check(CLI::IsMember({"diagnose", "plan", "apply", "resume", "rollback"}));
  app.add_option("--machine", args.machine, "machine state file (YAML); saved atomically as the fix goes")
      ->required();
  app.add_option("--strategy", args.strategy, "keep-sid (default: keeps the SID) or recreate (as fixup.cmd)");
  app.add_option("--temp-password", args.temp_password,
                 "temporary password to use instead of a random one; '-' reads it from standard input")
      ->each([&args](const std::string&) { args.temp_password_given = true; });
  app.add_flag("--dry-run", args.dry_run, "apply: print the plan and change nothing");
  app.add_flag("--json", args.json, "print one JSON object");
  app.add_flag("-v,--verbose", args.verbose, "print the fixer's log on standard error");
  app.add_option("--kill-at-mutation", args.kill_at_mutation, "")->group("");  // crash tests
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitInput;
  }
  return Execute(args);
}

}  // namespace sim::cli
