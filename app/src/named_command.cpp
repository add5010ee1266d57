// NamedCommand and RefuseCommandAfterOptionsEnd (app/named_command.h): the command a line's words name.
#include "app/named_command.h"

namespace app {

std::string NamedCommand(int argc, const char* const* argv, const std::function<bool(std::string_view)>& is_command) {
  if (argc > 1 && !IsOption(argv[1]) && !is_command(argv[1])) return "";
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (is_command(word)) return std::string(word);
  }
  return "";
}

void RefuseCommandAfterOptionsEnd(int argc, const char* const* argv,
                                  const std::function<bool(std::string_view)>& is_command) {
  // A first word that names nothing is refused as such; one named before `--` is the command.
  if (argc < 2 || !IsOption(argv[1]) || !NamedCommand(argc, argv, is_command).empty()) return;
  int i = 1;
  while (i < argc && std::string_view(argv[i]) != "--") ++i;
  for (++i; i < argc; ++i) {
    if (!is_command(argv[i])) continue;
    throw CLI::ParseError(std::string("command: '") + argv[i] +
                              "' comes after '--', which ends the options and the command: name it first",
                          CLI::ExitCodes::ExtrasError);
  }
}

}  // namespace app
