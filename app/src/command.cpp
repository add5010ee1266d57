// aspnet-fixer's command line (app/command.h): parses the options, opens the backend, runs one
// verb (app/verbs.h) and prints its report.
#include "app/command.h"

#include <iostream>
#include <string>

#include "app/verbs.h"
#include "fixer/exit_code.h"
#include "fixup/version.h"

namespace app {
namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 fixed or nothing to do; 1 failed, machine restored (or a read failed, nothing changed); "
    "2 usage or input error; 3 refused, nothing changed; 4 failed or interrupted and not restored: "
    "run resume or rollback.";

struct FixerArgs {
  std::string command;
  std::string strategy = "keep-sid";
  std::string temp_password;  // "-": one line from standard input
  bool temp_password_given = false;
  bool dry_run = false;
  bool json = false;
  bool verbose = false;
};

fixer::ExitCode Execute(FixerArgs& args, BackendOpener& opener) {
  const Verb verb = *VerbFromString(args.command);  // CLI11 checked the name
  fixer::Options options;
  auto strategy = fixer::StrategyFromString(args.strategy);
  if (!strategy.ok()) {
    std::cerr << "aspnet-fixer: --strategy must be keep-sid or recreate, not '" << args.strategy << "'\n";
    return fixer::ExitCode::kUsage;
  }
  options.strategy = *strategy;
  options.dry_run = args.dry_run;
  if (args.temp_password_given) {
    std::string typed = args.temp_password;
    if (typed == "-" && !std::getline(std::cin, typed)) {
      std::cerr << "aspnet-fixer: --temp-password -: no line on standard input\n";
      return fixer::ExitCode::kUsage;
    }
    options.temp_password = fixer::Secret::FromString(std::move(typed));
    args.temp_password.assign(args.temp_password.size(), '\0');
  }

  std::string error;
  std::unique_ptr<fixer::Backend> backend = opener.Open(error);
  if (!backend) {
    std::cerr << error << "\n";
    return fixer::ExitCode::kUsage;
  }
  const VerbRun run = RunVerb(*backend, verb, options, args.verbose);
  if (args.verbose) std::cerr << run.log;
  std::cout << (args.json ? RunJson(run).dump(2) + "\n" : RunText(run));
  return run.exit_code;
}

}  // namespace

int AspnetFixerMain(int argc, char** argv, BackendOpener& opener) {
  FixerArgs args;
  CLI::App app{"aspnet-fixer: repairs ASP.NET 1.0 \"Server Application Unavailable\" after MS03-032"};
  app.footer(kExitCodesHelp);
  app.set_version_flag("--version",
                       std::string("aspnet-fixer ") + fixup::kVersion + " (commit " + fixup::kCommit + ")");
  app.add_option("command", args.command, "diagnose | plan | apply | resume | rollback")
      ->required()
      ->check(CLI::IsMember({"diagnose", "plan", "apply", "resume", "rollback"}));
  opener.AddOptions(app);
  app.add_option("--strategy", args.strategy, "keep-sid (default: keeps the SID) or recreate (as fixup.cmd)");
  app.add_option("--temp-password", args.temp_password,
                 "temporary password to use instead of a random one; '-' reads it from standard input")
      ->each([&args](const std::string&) { args.temp_password_given = true; });
  app.add_flag("--dry-run", args.dry_run, "apply: print the plan and change nothing");
  app.add_flag("--json", args.json, "print one JSON object");
  app.add_flag("-v,--verbose", args.verbose, "print the fixer's log on standard error");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return fixer::ToInt(code == 0 ? fixer::ExitCode::kOk : fixer::ExitCode::kUsage);
  }
  return fixer::ToInt(Execute(args, opener));
}

}  // namespace app
