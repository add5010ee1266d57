// aspnet-fixer: the fixer against a machine state file. See sim/cli/aspnet_fixer_command.cpp.
#include "commands.h"

int main(int argc, char** argv) { return sim::cli::AspnetFixerMain(argc, argv); }
