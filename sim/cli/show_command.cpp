// fixup-sim show STATE: a machine state file as a support engineer reads it.
#include <iostream>

#include "commands.h"
#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace sim::cli {

void AddShowCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string file;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("show", "Print a machine state file in readable form");
  cmd->add_option("state", args->file, "machine state file (YAML)")->required();
  cmd->add_flag("--json", args->json, "print the state as JSON");
  cmd->callback([args, &exit_code] {
    auto loaded = fakes::LoadMachineFile(args->file);
    if (!loaded.ok()) {
      std::cerr << loaded.error->ToString() << "\n";
      exit_code = kExitInput;
      return;
    }
    if (args->json) {
      std::cout << MachineToJson(*loaded.value).dump(2) << "\n";
    } else {
      std::cout << RenderMachineText(*loaded.value);
    }
    exit_code = kExitOk;
  });
}

}  // namespace sim::cli
