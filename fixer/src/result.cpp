#include "fixer/result.h"

#include "fixer/text.h"

namespace fixer {

std::string Status::ToString() const {
  if (ok()) return "0: The operation completed successfully.";
  return Text(FMT_COMPILE("{}: {}"), code_, message_);
}

std::ostream& operator<<(std::ostream& os, const Status& s) { return os << s.ToString(); }

}  // namespace fixer
