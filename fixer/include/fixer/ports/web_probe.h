// WebProbe: request a page of a local application, as a support engineer would in a browser,
// so the fixer diagnoses from the symptom and not from a list of platforms.
//
// Real backend: an HTTP GET to http://localhost/<app>/ (WinInet, which every XP has; WinHTTP 5.1 came with XP SP1), and
// the newest Application event log entry it caused. The simulator answers from its model of the web stack.
// A GET is no read: on Windows it makes IIS start the application's worker, which logs on with processModel's
// password (a wrong one is a failed logon toward the lockout) and writes an error event when it cannot start;
// `event` reports that entry, so the diagnosis can say what its own request did.
//
//   fixer::Result<fixer::HttpResponse> r = web.Get("/LM/W3SVC/1/ROOT/app");
//   bool unavailable = r && r->status == 503 && r->body.find("Server Application Unavailable") != std::string::npos;
#pragma once

#include <string>

#include <optional>

#include "fixer/ports/event_log.h"
#include "fixer/result.h"

namespace fixer {

struct HttpResponse {
  int status = 0;    // 200 served; 503 with the "Server Application Unavailable" page
  std::string body;  // the page text
  // The Application log entry this request made the worker write (a failed start), if any.
  std::optional<EventRecord> event;
};

class WebProbe {
 public:
  virtual ~WebProbe() = default;
  // 1060-style errors when nothing listens; otherwise the response.
  virtual Result<HttpResponse> Get(const std::string& application_path) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class WebProbeWrapper : public WebProbe {
 public:
  explicit WebProbeWrapper(WebProbe& target) : target_(target) {}
  WebProbe& target() { return target_; }
  Result<HttpResponse> Get(const std::string& application_path) override { return target_.Get(application_path); }

 private:
  WebProbe& target_;
};

}  // namespace fixer
