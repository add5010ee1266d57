// fixup-sim matrix: the paper's platform table, derived from the web stack model.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "commands.h"
#include "sim/matrix.h"

namespace sim::cli {

void AddMatrixCommand(CLI::App& app, int& exit_code) {
  struct Args {
    bool json = false;
    uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "matrix",
      "Build the paper's machines (Server 2003 in both IIS 6 modes) from OS and framework, install MS03-032, "
      "request a page");
  cmd->add_flag("--json", args->json, "print one JSON object: {\"rows\": [...], \"exit_code\": 0}");
  cmd->add_option("--seed", args->seed, "seed of the machines (default 1)")->check(kWholeNumber);
  cmd->callback([args, &exit_code] {
    auto rows = DeriveMatrix(args->seed);
    if (!rows.ok()) {
      exit_code =
          SayError(args->json, "matrix", kExitFailed, "cannot build a platform machine: " + rows.status().ToString());
      return;
    }
    if (args->json) {
      // One object, as every --json of both tools prints: the rows, and the exit code.
      const nlohmann::json j = {{"rows", ToJson(*rows)}, {"exit_code", kExitOk}};
      std::cout << app::JsonText(j) << "\n";
    } else {
      std::cout << FormatMatrixTable(*rows);
    }
    exit_code = kExitOk;
  });
}

}  // namespace sim::cli
