// Whether a command colours its text: `--color=auto|always|never`, auto meaning a terminal on
// standard output, no NO_COLOR in the environment (https://no-color.org) and TERM not "dumb".
//
//   std::string color = "auto";
//   cmd->add_option("--color", color)->check(sim::cli::kColorChoices);
//   bool on = sim::cli::UseColor(color);
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace sim::cli {

inline const CLI::IsMember kColorChoices({"auto", "always", "never"});

bool UseColor(const std::string& when);

}  // namespace sim::cli
