// aspnet-fixer.exe's command line as the tool reads it, UTF-8: the words as typed reach wmain as
// UTF-16 (the C runtime parses GetCommandLineW as it parses main's line); main's own argv holds
// them in the ANSI code page, where "dïr" is the byte 0xEF, no UTF-8, and a character outside
// that code page is lost [main CRT].
//
//   int wmain(int argc, wchar_t** argv) {
//     win32::Utf8Arguments args(argc, argv);
//     return app::AspnetFixerMain(args.argc(), args.argv(), opener);   // argv[2] "dïr/cé.json", UTF-8
//   }
#pragma once

#include <string>
#include <vector>

namespace win32 {

class Utf8Arguments {
 public:
  Utf8Arguments(int argc, wchar_t** argv);
  Utf8Arguments(const Utf8Arguments&) = delete;
  Utf8Arguments& operator=(const Utf8Arguments&) = delete;
  // Wiped as they go: a --temp-password given on the line is a secret.
  ~Utf8Arguments();

  int argc() const { return static_cast<int>(words_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> words_;
  std::vector<char*> pointers_;  // words_' texts, then a null pointer, as main's argv ends
};

}  // namespace win32
