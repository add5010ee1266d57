// ExplainedFirst; see explained_first.h.
#include "explained_first.h"

#include <string>

#include "fixer/text.h"

namespace fixer {

Status ExplainedFirst(const Status& st, std::string_view explanation) {
  const Status windows = Status::Explained(st.code(), explanation, st.reason());
  const std::string_view text = WinErrorText(st.code());
  std::string_view rest = st.message();
  // The port's message opens with Windows' text (Status::Win, Status::Explained): its own words follow it.
  if (rest.substr(0, text.size()) == text) rest.remove_prefix(text.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return windows;
  return Status(st.code(), Text(FMT_COMPILE("{} {}"), windows.message(), Sentence(std::string(rest))), st.reason());
}

}  // namespace fixer
