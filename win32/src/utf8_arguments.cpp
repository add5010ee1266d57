// Utf8Arguments (win32/utf8_arguments.h).
#include "win32/utf8_arguments.h"

#include "win32_util.h"

namespace win32 {

Utf8Arguments::Utf8Arguments(int argc, wchar_t** argv) {
  words_.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) words_.push_back(Narrow(argv[i]));
  for (std::string& word : words_) pointers_.push_back(word.data());
  pointers_.push_back(nullptr);
}

Utf8Arguments::~Utf8Arguments() {
  for (std::string& word : words_) word.assign(word.size(), '\0');
}

}  // namespace win32
