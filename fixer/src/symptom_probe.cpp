// The symptom, seen as a browser would see it: 503 and "Server Application Unavailable".
#include <fmt/format.h>

#include <utility>

#include "diagnose_parts.h"

namespace fixer {

SymptomCheck ProbeApplications(WebProbe& web, const std::vector<ApplicationInfo>& apps,
                               std::vector<ProbeResult>& probes, std::vector<std::string>& notes) {
  if (apps.empty()) return SymptomCheck::kNoApplication;
  bool seen = false;
  bool answered = false;
  for (const ApplicationInfo& app : apps) {
    ProbeResult p;
    p.application = app.path;
    auto r = web.Get(app.path);
    if (!r) {
      p.error = r.status().ToString();
      probes.push_back(std::move(p));
      if (r.status().code() == kErrorNotSupported) {
        notes.push_back("the web probe is not supported here: diagnosed from the causes alone");
        return SymptomCheck::kUnavailable;
      }
      continue;
    }
    p.answered = true;
    p.status = r->status;
    p.symptom = r->status == 503 && r->body.find(kSymptomText) != std::string::npos;
    seen = seen || p.symptom;
    answered = true;
    probes.push_back(std::move(p));
  }
  if (seen) return SymptomCheck::kSeen;
  if (answered) return SymptomCheck::kNotSeen;
  notes.push_back("no application answered the web probe: diagnosed from the causes alone");
  return SymptomCheck::kUnavailable;
}

}  // namespace fixer
