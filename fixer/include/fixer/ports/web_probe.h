// WebProbe: request a page of a local application, as a support engineer would in a browser,
// so the fixer diagnoses from the symptom and not from a list of platforms.
//
// Real backend: an HTTP GET to http://localhost/<app>/ (WinHTTP), and the newest Application
// event log entry it caused. The simulator answers from its model of the web stack.
//
//   auto r = web.Get("/LM/W3SVC/1/ROOT/app");
//   if (r && r->status == 503 && r->body.find("Server Application Unavailable") ...) ...
#pragma once

#include <string>

#include "fixer/result.h"

namespace fixer {

struct HttpResponse {
  int status = 0;    // 200 served; 503 with the "Server Application Unavailable" page
  std::string body;  // the page text
};

class WebProbe {
 public:
  virtual ~WebProbe() = default;
  // 1060-style errors when nothing listens; otherwise the response.
  virtual Result<HttpResponse> Get(const std::string& application_path) = 0;
};

}  // namespace fixer
