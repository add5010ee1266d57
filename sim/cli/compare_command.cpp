// fixup-sim compare SCENARIO [--json] [--answer TEXT] [--strategy keep-sid|recreate]: the
// published fixup.cmd and the fixer, each on its own copy of the scenario's machine (after its
// set-up steps), side by side: site, account SID, profile, services, grants, secrets, exit.
// --html FILE also writes the comparison as a page. Works from any folder: fixup.cmd is built in.
// Exit: 0 compared; 1 the batch file stopped before its end (a line the interpreter does not
// understand: its rows are shown, not judged); 2 usage or input error.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli_values.h"
#include "app/json_text.h"
#include "app/parse_errors.h"
#include "commands.h"
#include "fakes/load_result.h"
#include "fakes/modelling_choices.h"
#include "fixer/quoted_value.h"
#include "legacy_target.h"
#include "sim/choices_report.h"
#include "sim/legacy_compare.h"
#include "sim/legacy_run.h"
#include "sim/report_html.h"

namespace sim::cli {

void AddCompareCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scenario;
    std::string script;
    std::optional<std::string> answer;
    std::string strategy = "keep-sid";
    bool json = false;
    std::string html;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("compare", "Run fixup.cmd and the fixer on copies of a scenario's machine");
  app::Required(
      cmd->add_option("scenario", args->scenario, "scenario file (its set-up steps run first) or machine state file"),
      "give the scenario or machine state file whose machine the two tools repair")
      ->check(app::kFileName);
  cmd->add_option(
         "--script", args->script,
         "batch file (default: the one the scenario's first legacy step names, else scenarios/legacy/fixup.cmd above "
         "the scenario, else the built-in copy)")
      ->check(app::kFileName);
  cmd->add_option(
         "--answer", args->answer,
         "what the user types at runas's prompt (default: the scenario's legacy step's answer, else 1pass@word)")
      ->check(app::kWindowsText);
  cmd->add_option("--strategy", args->strategy, "the fixer's strategy: keep-sid (default) or recreate");
  cmd->add_flag("--json", args->json, "print the comparison as JSON");
  cmd->add_option("--html", args->html, "also write the comparison as a self-contained HTML page to this file")
      ->check(app::kFileName);
  cmd->callback([args, &exit_code] {
    std::vector<std::string> inputs = {args->scenario};
    if (!args->script.empty()) inputs.push_back(args->script);
    if (auto refused = RefuseUnwritableOutputs(args->json, "compare", {{"--html", args->html}}, inputs)) {
      exit_code = *refused;
      return;
    }
    auto strategy = fixer::StrategyFromString(args->strategy);
    if (!strategy) {
      exit_code = SayInputError(args->json, "compare",
                                "--strategy must be keep-sid or recreate, not " + fixer::QuotedValue(args->strategy));
      return;
    }
    fakes::ChoiceLog choices;
    std::string why;
    const auto target = ResolveLegacyTarget(args->scenario, args->script, why);
    if (!target) {
      exit_code = SayInputError(args->json, "compare", why);
      return;
    }
    const PreparedMachine& setup = target->setup;
    const std::string& script = target->script;
    if (script == setup.legacy_step_script && args->script.empty()) {  // read too: never written over
      if (auto refused =
              RefuseUnwritableOutputs(args->json, "compare", {{"--html", args->html}}, {args->scenario, script})) {
        exit_code = *refused;
        return;
      }
    }
    fixer::Options options;
    options.strategy = *strategy;
    const std::string answer = args->answer.value_or(setup.legacy_step_answer.value_or(std::string(kFixupCmdPassword)));
    Comparison c = CompareOnMachine(*setup.state, script, answer, options, setup.batch_passwords);
    if (!c.legacy_load_error.empty()) {  // fixup.cmd never ran: a table would read as its result
      exit_code = SayInputError(args->json, "compare", c.legacy_load_error);
      return;
    }
    // The page first, so that --json's one object says how the command ended.
    std::string error;
    if (!args->html.empty()) {
      if (auto st = WriteHtml(args->html, CompareReportHtml(c, args->scenario, args->strategy)); !st.ok())
        error = CannotWrite("--html", st);
    }
    if (args->json) {
      nlohmann::json j = ComparisonToJson(c);
      j["scenario"] = args->scenario;
      j["modelling_choices"] = choices.ids();
      j["exit_code"] = !error.empty() ? kExitInput : c.legacy_stopped ? kExitFailed : kExitOk;
      if (!error.empty()) j["error"] = error;
      std::cout << app::JsonText(j) << "\n";
    } else {
      std::cout << "compare " << fakes::EscapeForMessage(args->scenario) << " ("
                << fakes::EscapeForMessage(c.script_name) << " answered at runas; aspnet-fixer apply --strategy "
                << args->strategy << ")\n\n"
                << RenderComparisonText(c) << RenderChoices(choices.ids(), "");
    }
    if (!error.empty()) {
      std::cerr << Said("compare", error) << "\n";
      exit_code = kExitInput;
      return;
    }
    // A batch that stopped before its end was not compared as fixup.cmd's result: said plainly, 1.
    if (c.legacy_stopped) {
      std::cerr << Said("compare", c.LegacyStoppedText()) << "\n";
      exit_code = kExitFailed;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace sim::cli
