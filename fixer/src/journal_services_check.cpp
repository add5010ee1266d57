// What a journal's stop-services and start-services records name, checked on read (see
// fixer/ports/journal.h: CheckJournalServiceLists, CheckJournalServicesOnMachine). resume and rollback
// start exactly the services these records list: a list edited to name another service leaves one
// the run stopped down behind an exit 0, and an empty one leaves IIS down behind an exit 4 for ever.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fixer/journal_codec.h"
#include "fixer/name_case.h"
#include "fixer/ports/journal.h"
#include "fixer/quoted_value.h"
#include "fixer/win_error.h"
#include "service_names.h"

namespace fixer {
namespace {

bool ListsServices(const JournalRecord& rec) {
  return rec.phase == JournalPhase::kBegin && (rec.step == "stop-services" || rec.step == "start-services");
}

JournalProblem At(size_t record, std::string key, std::string why) {
  return JournalProblem{record, std::move(why), std::move(key)};
}

bool Holds(std::span<const std::string> names, const std::string& name) {
  for (const std::string& n : names)
    if (SameWindowsName(n, name)) return true;
  return false;
}

// Whether `name` needs IISADMIN running, directly or through another service (what
// ActiveDependents("IISADMIN") lists while it runs). A read that fails says "cannot tell": yes.
bool DependsOnIisAdmin(const ServiceLookup& lookup, const std::string& name, std::vector<std::string>& seen) {
  // A few names at most (a service's chain of dependencies): a look along them, no folded copies.
  if (Holds(seen, name)) return false;
  seen.push_back(name);
  Result<ServiceInfo> info = lookup(name);
  if (!info) return info.status().code() != kErrorServiceDoesNotExist;
  for (const std::string& dep : info->dependencies) {
    if (SameWindowsName(dep, kIisAdmin) || DependsOnIisAdmin(lookup, dep, seen)) return true;
  }
  return false;
}

}  // namespace

std::optional<JournalProblem> CheckJournalServiceLists(const std::vector<JournalRecord>& records) {
  for (size_t i = 0; i < records.size(); ++i) {
    const JournalRecord& rec = records[i];
    if (!ListsServices(rec)) continue;
    auto services = rec.data.find("services");
    const std::vector<std::string> names =
        services == rec.data.end() ? std::vector<std::string>() : SplitList(services->second);
    // The plan runs only while IIS runs (1062 is refused), so stop-services always stops IISADMIN.
    if (names.empty()) {
      return At(i, "services",
                rec.step + " lists no service: the run stopped at least IISADMIN, and " +
                    "a resume or rollback would start none of them again");
    }
    for (size_t n = 0; n < names.size(); ++n) {
      if (names[n].empty()) return At(i, "services", rec.step + " lists an empty service name");
      if (Holds(std::span(names).first(n), names[n]))
        return At(i, "services", rec.step + " lists the service " + QuotedValue(names[n]) + " twice");
    }
    if (auto paused = rec.data.find("paused"); paused != rec.data.end()) {
      for (const std::string& name : SplitList(paused->second)) {
        if (!Holds(names, name)) {
          return At(i, "paused",
                    rec.step + " says " + QuotedValue(name) + " was found paused, which it does not list as stopped");
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<JournalProblem> CheckJournalServicesOnMachine(const std::vector<JournalRecord>& records,
                                                            const ServiceLookup& lookup) {
  for (size_t i = 0; i < records.size(); ++i) {
    const JournalRecord& rec = records[i];
    if (!ListsServices(rec)) continue;
    auto services = rec.data.find("services");
    if (services == rec.data.end()) continue;  // CheckJournalServiceLists says it
    for (const std::string& name : SplitList(services->second)) {
      if (SameWindowsName(name, kIisAdmin) || SameWindowsName(name, kAspNetState)) continue;
      Result<ServiceInfo> info = lookup(name);
      if (!info && info.status().code() == kErrorServiceDoesNotExist) {
        return At(i, "services",
                  rec.step + " names the service " + QuotedValue(name) +
                      ", which is not installed on this machine (1060): the journal no longer says which "
                      "services the run stopped; reinstall it, or take it out of the record, then run resume "
                      "or rollback");
      }
      std::vector<std::string> seen;
      if (info && !DependsOnIisAdmin(lookup, name, seen)) {
        return At(i, "services",
                  rec.step + " names the service " + QuotedValue(name) +
                      ", which the repair never stops: it stops only IISADMIN, the services that depend on it, "
                      "and aspnet_state");
      }
    }
  }
  return std::nullopt;
}

std::optional<JournalProblem> CheckJournalServicesThrough(const std::vector<JournalRecord>& records,
                                                          ServiceControl& scm) {
  return CheckJournalServicesOnMachine(records, [&](const std::string& name) { return scm.Query(name); });
}

}  // namespace fixer
