// ReadTypedLine (app/typed_line.h): one line of standard input without its line end.
#include "app/typed_line.h"

namespace app {

std::optional<std::string> ReadTypedLine(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (line.ends_with('\r')) line.pop_back();  // CR LF: the CR is the line end's
  return line;
}

}  // namespace app
