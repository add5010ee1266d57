// A usage error's message without the words typed as a secret: the value of a password option
// (aspnet-fixer --temp-password, fixup-sim --answer) and every word after it up to the next
// option. A password with an unquoted space arrives as two words, and the second is refused as
// unexpected, quoted ("'word' was not expected", app/parse_errors.h); each such word is shown as ********.
//
//   const char* argv[] = {"aspnet-fixer", "apply", "--temp-password", "Pass", "w0rd!"};
//   std::string said = app::WithoutTypedSecrets("'w0rd!' was not expected", 5, argv, {"--temp-password"});
//   // "'********' was not expected"
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace CLI {
class App;
}  // namespace CLI

namespace app {

// With `app`, an option it does not know (nor any of its commands: a mistyped `--temp_password`,
// `--answe`) is taken as a secret one: the words after it are never echoed either.
// A word typed as a secret that is also one of the tool's own words (`is_tool_word`: a command
// name, `apply` typed after --temp-password) is masked only where the message quotes it
// (`'apply'`): elsewhere the word is the tool's text (`give a command: diagnose, plan, apply, ...`).
std::string WithoutTypedSecrets(std::string message, int argc, const char* const* argv,
                                std::initializer_list<std::string_view> secret_options, const CLI::App* app = nullptr,
                                const std::function<bool(std::string_view)>& is_tool_word = {});

}  // namespace app
