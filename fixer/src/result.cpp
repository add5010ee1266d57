#include "fixer/result.h"

#include <fmt/format.h>

namespace fixer {

std::string Status::ToString() const {
  if (ok()) return "0: The operation completed successfully.";
  return fmt::format("{}: {}", code_, message_);
}

std::ostream& operator<<(std::ostream& os, const Status& s) { return os << s.ToString(); }

}  // namespace fixer
