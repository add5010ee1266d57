// What capture prints about a capture (app/capture_report.h).
#include "app/capture_report.h"

#include <nlohmann/json.hpp>

#include "fixer/exit_code.h"

namespace app {
nlohmann::json UnreadableJson(const std::vector<UnreadablePart>& unreadable) {
  nlohmann::json list = nlohmann::json::array();
  for (const UnreadablePart& u : unreadable) list.push_back({{"read", u.read}, {"error", u.error.ToString()}});
  return list;
}

nlohmann::json CaptureWrittenJson(const Capture& capture, const std::string& out) {
  return {{"command", "capture"},
          {"outcome", "written"},
          {"exit_code", fixer::ToInt(fixer::ExitCode::kOk)},
          {"out", out},
          {"unreadable", UnreadableJson(capture.unreadable)}};
}

std::string CaptureWrittenText(const Capture& capture, const std::string& out) {
  std::string text = "Written: " + out + "\n";
  if (capture.unreadable.empty()) return text + "Everything was read.\n";
  text += "Not read (listed in it as capture.unreadable):\n";
  for (const UnreadablePart& u : capture.unreadable) text += "  " + u.read + ": " + u.error.ToString() + "\n";
  return text;
}

}  // namespace app
