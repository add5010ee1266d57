// NamedCommand and RefuseCommandAfterOptionsEnd (app/named_command.h): the command a line's words name.
#include "app/named_command.h"

namespace app {

std::string NamedCommand(int argc, const char* const* argv, const std::function<bool(std::string_view)>& is_command,
                         const std::function<bool(std::string_view)>& takes_value) {
  if (argc > 1 && !IsOption(argv[1]) && !is_command(argv[1])) return "";
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (is_command(word)) return std::string(word);
    if (takes_value && IsOption(word) && takes_value(word)) ++i;  // its value, whatever it reads as
  }
  return "";
}

bool TakesValue(const CLI::App& app, std::string_view name) {
  const CLI::Option* option = app.get_option_no_throw(std::string(name));
  return option != nullptr && option->nonpositional() && option->get_expected_max() != 0 &&
         option->get_type_size_max() != 0;
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
