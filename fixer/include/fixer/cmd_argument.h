// A name as one argument of a command the advice tells the administrator to type at cmd.exe's
// prompt (`net user NAME * /add`, `sc config NAME start= auto`, `runas /user:NAME ...`): as it is
// when nothing in it means anything to cmd.exe or to the program's argument parser, else quoted so
// that cmd.exe passes it on whole and the program reads it back as the name
// (docs/windows-reference.md#cmd-arguments).
//
//   std::string plain = fixer::CmdArgument("ASPNET");        // ASPNET
//   std::string blank = fixer::CmdArgument("web worker");    // "web worker"
//   std::string amp = fixer::CmdArgument("a&b");             // "a&b"
//   std::string percent = fixer::CmdArgument("50%off");      // "50"^%"off"
//   std::string quote = fixer::CmdArgument("say \"hi\"");   // "say "\^""hi"\^"
#pragma once

#include <string>
#include <string_view>

namespace fixer {

// `name` as one argument on an interactive cmd.exe command line, read back by the program's C
// runtime (argv): between double quotes where it holds a blank or a character cmd.exe treats
// specially; a percent sign and a double quote stand outside the quotes, `^%` and `\^"`, as
// cmd.exe would expand `%NAME%` inside them and a quote inside would end them.
std::string CmdArgument(std::string_view name);

}  // namespace fixer
