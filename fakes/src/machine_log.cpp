// The machine log's writer: which entities a mutating call changed, and the record that
// carries them (machine_log.h). The file operations are in machine_log_file.cpp.
#include "fakes/machine_log.h"

#include <array>

#include "fakes/event_log.h"
#include "machine_log_record.h"

namespace fakes {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Calls that change only sections compared whole at each record (sam, lsa, services ...), the
// event log or the journal, never an object. Any other call names its object or, when it
// cannot, makes the record carry every object.
bool ChangesNoObject(std::string_view op) {
  for (std::string_view family : {"sam.", "lsa.", "scm.", "sql.", "eventlog.", "profile.", "journal."}) {
    if (StartsWith(op, family)) return true;
  }
  return false;
}

// Calls on one object whose target is its path: acl.add_ace, acl.remove_ace, file.create ...
bool ChangesNamedObject(std::string_view op) {
  if (StartsWith(op, "acl.")) return true;
  for (fixer::ObjectNamespace ns : fixer::kObjectNamespaces) {
    if (op == std::string(fixer::ToString(ns)) + ".create") return true;
  }
  return false;
}

}  // namespace

MachineLog::MachineLog(std::string state_path, const LogPosition& position, const MachineState& now)
    : state_path_(std::move(state_path)), log_path_(MachineLogPath(state_path_)), at_(position) {
  Logged(now);
}

void MachineLog::Logged(const MachineState& now) {
  for (std::string_view name : LogSectionNames()) CopySection(name, now, logged_);
  logged_.seed = now.seed;
  logged_.rng_state = now.rng_state;
  logged_.clock = now.clock;
  logged_events_ = now.events.size();
  logged_journal_ = now.journal.size();
  objects_.clear();
  all_objects_ = false;
  journal_cleared_ = false;
}

void MachineLog::NoteObjectsBelow(const std::string& key, const MachineState& now) {
  std::string prefix = key;
  if (prefix.back() != '\\') prefix += '\\';
  std::string past = prefix;
  past.back() = static_cast<char>('\\' + 1);
  for (auto it = now.objects.lower_bound(prefix), end = now.objects.lower_bound(past); it != end; ++it)
    objects_.insert(it->first);
}

void MachineLog::Note(const MutationEvent& event, const MachineState& now) {
  const std::string_view op = event.op;
  if (op == "journal.clear") journal_cleared_ = true;
  if (op == "eventlog.write" && !all_objects_) {
    // The EventLog port registers the event's source in the same call ("<log>/<source>"): its key
    // goes with the record (noted after the call; none when the machine wrote the event itself).
    const std::string_view target = event.target;
    const size_t slash = target.find('/');
    std::string key = ObjectKey(fixer::ObjectNamespace::kRegistry,
                                EventSourceKeyPath(target.substr(0, slash), target.substr(slash + 1)));
    if (now.objects.contains(key)) objects_.insert(std::move(key));
    return;
  }
  if (ChangesNoObject(op) || all_objects_) return;
  if (ChangesNamedObject(op)) {
    for (fixer::ObjectNamespace ns : fixer::kObjectNamespaces) {
      std::string key = ObjectKey(ns, event.target);
      if (!now.objects.contains(key)) continue;
      // A DACL write propagates to the objects below (acl_propagation.h): they go too.
      if (StartsWith(op, "acl.") && ns != fixer::ObjectNamespace::kMetabase) NoteObjectsBelow(key, now);
      objects_.insert(std::move(key));
    }
    return;
  }
  if (op == "registry.set_value") {
    // The target is "<path>\<value name>", and a value name may hold a backslash too: every
    // object the target's prefixes name is recorded.
    for (size_t cut = event.target.find('\\'); cut != std::string::npos; cut = event.target.find('\\', cut + 1)) {
      for (fixer::ObjectNamespace ns : fixer::kObjectNamespaces) {
        std::string key = ObjectKey(ns, std::string_view(event.target).substr(0, cut));
        if (now.objects.contains(key)) objects_.insert(std::move(key));
      }
    }
    return;
  }
  // A delete may take a subtree (a profile folder); other calls may touch any object.
  all_objects_ = true;
}

std::string MachineLog::Record(const MachineState& now) {
  LogRecord what;
  MachineState part;
  part.seed = now.seed;
  part.rng_state = now.rng_state;
  part.clock = now.clock;
  // The loader checks the SIDs the record names against the machine SID and the RIDs given out.
  part.sam.domain = now.sam.domain;
  part.sam.next_rid = now.sam.next_rid;
  for (std::string_view name : LogSectionNames()) {
    if (SameSection(name, now, logged_)) continue;
    what.replace.emplace_back(name);
    CopySection(name, now, part);
  }
  if (all_objects_) {
    what.all_objects = true;
    part.objects = now.objects;
  } else {
    for (const std::string& key : objects_) {
      what.objects.push_back(key);
      if (auto it = now.objects.find(key); it != now.objects.end()) part.objects.AddShared(it);
    }
  }
  what.events_from = now.events.size() < logged_events_ ? 0 : logged_events_;
  part.events.assign(now.events.begin() + static_cast<std::ptrdiff_t>(what.events_from), now.events.end());
  what.journal_from = journal_cleared_ || now.journal.size() < logged_journal_ ? 0 : logged_journal_;
  part.journal.assign(now.journal.begin() + static_cast<std::ptrdiff_t>(what.journal_from), now.journal.end());

  const bool nothing = what.replace.empty() && !what.all_objects && what.objects.empty() && part.events.empty() &&
                       what.events_from == logged_events_ && part.journal.empty() &&
                       what.journal_from == logged_journal_ && now.seed == logged_.seed &&
                       now.rng_state == logged_.rng_state && now.clock == logged_.clock;
  if (nothing) return {};
  return EncodeLogRecord(what, part);
}

}  // namespace fakes
