// A command-line error's message with each long word of the command line cut as every value an
// error quotes is (fixer::CappedValue, 60 bytes at most): CLI11 quotes the words it refuses whole
// (`--color` given 100 KB, an unexpected argument), which made a message as long. Call it after
// app::WithoutTypedSecrets, so that a secret is masked whole before any word is cut.
//
//   const std::string word(100, 'z');
//   const char* argv[] = {"fixup-sim", "run", "s.yaml", "--color", word.c_str()};
//   std::string said = app::WithLongWordsCut("--color: " + word + " not in {auto, always, never}", 5, argv);
//   // "--color: zzz...z... (60 of 100 bytes shown) not in {auto, always, never}"
#pragma once

#include <string>

namespace app {

std::string WithLongWordsCut(std::string message, int argc, const char* const* argv);

}  // namespace app
