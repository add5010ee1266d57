// The symptom, seen as a browser would see it: 503 and "Server Application Unavailable".
// A request is no read: it makes IIS start the worker, which logs on with processModel's password
// and writes an error event when it cannot start (docs/windows-reference.md#the-probe-is-a-request).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "diagnose_parts.h"
#include "fixer/text.h"

namespace fixer {

namespace {

// What the request made the worker do, said for Windows: the logon it failed, the entry it wrote.
std::string WhatTheRequestDid(const ProbeResult& p, const ProbeWorker& worker) {
  const EventRecord& e = *p.event;
  if (e.id == kWorkerLogonFailedEvent) {
    const std::string counted =
        worker.has_lockout_counter
            ? Text(FMT_COMPILE("where the password was the cause, one failed logon of {} counted toward the account "
                               "lockout"),
                   worker.account)
            : Text(FMT_COMPILE("{} does not exist, so no account's lockout counted it"), worker.account);
    return Text(FMT_COMPILE("the probe's request to {} made aspnet_wp.exe log on as {} with processModel's "
                            "credentials, and the logon failed: event {} ({}) in the Application log, and, {}"),
                p.application, worker.account, e.id, e.source, counted);
  }
  return Text(FMT_COMPILE("the probe's request to {} could not start the worker, which wrote event {} ({}) to the "
                          "Application log: {}"),
              p.application, e.id, e.source, e.text);
}

}  // namespace

SymptomCheck ProbeApplications(WebProbe& web, const std::vector<ApplicationInfo>& apps, const ProbeWorker& worker,
                               std::vector<ProbeResult>& probes, std::vector<std::string>& notes) {
  if (apps.empty()) return SymptomCheck::kNoApplication;
  bool seen = false;
  bool answered = false;
  std::optional<std::string> failed_logon;  // the application whose request failed the worker's logon
  // The application whose request did not start the worker (503) with no event read back: its
  // logon may have failed, and only that event would say.
  std::optional<std::string> unread_start;
  std::string skipped;  // the applications not requested, listed
  for (const ApplicationInfo& app : apps) {
    ProbeResult p;
    p.application = app.path;
    if (failed_logon || unread_start) {
      // aspnet_wp.exe logs on before it reads any application: every request would fail the same logon.
      p.not_requested =
          failed_logon
              ? Text(FMT_COMPILE("not requested: {} failed the logon of {}, the worker of this application too"),
                     *failed_logon, worker.account)
              : Text(FMT_COMPILE("not requested: {} did not start the worker, and the event that says whether "
                                 "the logon of {} failed could not be read"),
                     *unread_start, worker.account);
      skipped += (skipped.empty() ? "" : ", ") + app.path;
      probes.push_back(std::move(p));
      continue;
    }
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
    p.event = std::move(r->event);
    // Its message only, as the worker's newest error is quoted: the first line.
    if (p.event) p.event->text.resize(std::min(p.event->text.size(), p.event->text.find('\n')));
    seen = seen || p.symptom;
    answered = true;
    if (p.event) notes.push_back(WhatTheRequestDid(p, worker));
    if (worker.shared_aspnet_wp && p.event && p.event->id == kWorkerLogonFailedEvent) failed_logon = app.path;
    if (worker.shared_aspnet_wp && !p.event && p.status == 503) unread_start = app.path;
    probes.push_back(std::move(p));
  }
  if (!skipped.empty() && unread_start) {
    notes.push_back(Text(FMT_COMPILE("not requested: {}: aspnet_wp.exe serves every ASP.NET 1.0 application as {}, "
                                     "and the request to {} did not start it (503) with no event read back from the "
                                     "Application log to say why; had its logon failed, each further request would "
                                     "be one more failed logon toward the lockout, so the probe keeps to one "
                                     "(request them once the cause is known)"),
                         skipped, worker.account, *unread_start));
  } else if (!skipped.empty()) {
    notes.push_back(Text(FMT_COMPILE("not requested: {}: aspnet_wp.exe serves every ASP.NET 1.0 application as {}, "
                                     "and its logon failed for {}; each further request would only be one more "
                                     "failed logon{} (request them once the logon is repaired)"),
                         skipped, worker.account, *failed_logon,
                         worker.has_lockout_counter ? " toward the lockout" : ""));
  }
  if (seen) return SymptomCheck::kSeen;
  if (answered) return SymptomCheck::kNotSeen;
  notes.push_back("no application answered the web probe: diagnosed from the causes alone");
  return SymptomCheck::kUnavailable;
}

}  // namespace fixer
