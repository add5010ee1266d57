// fixup-sim show STATE: a machine state file as a support engineer reads it, or in a form that
// loads back (--format yaml|json: the saved state file, base: empty), every registry value's
// data and a processModel password in clear shown as ******** (fakes/shown_secrets.h).
#include <iostream>

#include "app/parse_errors.h"
#include "commands.h"
#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace sim::cli {

void AddShowCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string file;
    bool json = false;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("show", "Print a machine state file in readable form");
  app::Required(cmd->add_option("state", args->file, "machine state file (YAML)"),
                "give the machine state file to show")
      ->check(app::kFileName);
  CLI::Option* json =
      cmd->add_flag("--json", args->json, "print the state as JSON with what each application answers now");
  CLI::Option* format =
      cmd->add_option("--format", args->format,
                      "text (default, readable), yaml or json: the whole state as a machine file that loads back")
          ->check(CLI::IsMember({"text", "yaml", "json"}));
  cmd->callback([args, json, format, &exit_code] {
    // --json prints JSON: `--format json` beside it says the same (and prints what --json alone
    // does); text or yaml asks for another form.
    if (json->count() > 0 && format->count() > 0 && args->format != "json")
      throw CLI::ExcludesError(format->get_name(), json->get_name());
    auto loaded = fakes::LoadMachineFile(args->file);
    if (!loaded.ok()) {
      exit_code = SayInputError(args->json, "show", loaded.error->ToString());
      return;
    }
    if (args->json) {
      std::cout << MachineToJsonText(*loaded.value);
    } else if (args->format == "json" || args->format == "yaml") {
      const auto format = args->format == "json" ? fakes::MachineFileFormat::kJson : fakes::MachineFileFormat::kYaml;
      std::cout << MachineFileText(*loaded.value, format);
    } else {
      std::cout << RenderMachineText(*loaded.value);
    }
    exit_code = kExitOk;
  });
}

}  // namespace sim::cli
