#include "fixer/result.h"

#include "fixer/text.h"

namespace fixer {

Status Status::Explained(uint32_t code, std::string_view explanation, StatusReason reason) {
  std::string own = Sentence(std::string(explanation));
  if (!own.empty() && own[0] >= 'a' && own[0] <= 'z') own[0] = static_cast<char>(own[0] - 'a' + 'A');
  return Status(code, Text(FMT_COMPILE("{} {}"), WinErrorText(code), own), reason);
}

std::string Status::ToString() const {
  if (ok()) return "0: The operation completed successfully.";
  return Text(FMT_COMPILE("{}: {}"), code_, message_);
}

std::ostream& operator<<(std::ostream& os, const Status& s) { return os << s.ToString(); }

}  // namespace fixer
