// What `aspnet-fixer capture --out FILE` prints on standard output about the capture (README.md's
// capture row), with --json as one JSON object and in text the same for a reader: the file
// written and each read that failed (also listed in the file, `capture.unreadable`). A file not
// written is said as every verb's machine not written (app::NotWrittenText). Without --out the
// capture itself is standard output.
//
//   app::Capture c = app::CaptureMachine(ports, "aspnet-fixer 0.1.0");
//   std::string text = app::CaptureWrittenText(c, "c.json");   // "Written: c.json\nEverything was read.\n"
//   nlohmann::json j = app::CaptureWrittenJson(c, "c.json");   // {"command": "capture", "outcome": "written", ...}
//   nlohmann::json list = app::UnreadableJson(c.unreadable);   // [{"read": "...", "error": "5: Access is denied."}]
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/capture.h"

namespace app {

// The reads that failed, as the reports list them: [{"read", "error"}], the error as
// "5: Access is denied.".
nlohmann::json UnreadableJson(const std::vector<UnreadablePart>& unreadable);
// {"command": "capture", "outcome": "written", "exit_code": 0, "out": FILE, "unreadable": [...]}
nlohmann::json CaptureWrittenJson(const Capture& capture, const std::string& out);
// "Written: FILE\n", then "Everything was read.\n" or "Not read (listed in it as
// capture.unreadable):\n" and one indented line per read that failed, "  READ: ERROR\n".
std::string CaptureWrittenText(const Capture& capture, const std::string& out);

}  // namespace app
