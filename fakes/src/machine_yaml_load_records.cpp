// Machine state files: the session (who runs the tools, who is logged on), event log entries
// and the fixer's journal.
#include <algorithm>

#include "fakes/logon.h"
#include "fakes/sam.h"
#include "fixer/journal_codec.h"
#include "fixer/quoted_value.h"
#include "machine_yaml_load.h"
#include "machine_yaml_names.h"

namespace fakes::yaml {
namespace {

// A user name the session refers to must be an account of this machine (fresh form only; the
// saved form is taken as written).
std::string LoadSessionUser(LoadContext& c, const Field& f) {
  const std::string name = f.Str();
  if (!c.full) {
    const UserAccount* u = Sam(c.machine).FindUser(name);
    if (!u) f.Fail("no account named " + fixer::QuotedValue(name) + WindowsErrorAside(2221));
    return u->name;
  }
  return name;
}

// The user logs on at the console as the scenario step set_interactive_user does (one home:
// LogonService::ConsoleLogon): Winlogon loads the profile, making it at the first logon, so a
// machine with a user at the console holds that profile ([Profiles] in docs/windows-reference.md).
// A logon Windows would refuse (a disabled or locked-out account, an expired password, the
// interactive logon right denied) is an error at the value, with Windows' error.
void LogonAtTheConsole(LoadContext& c, const Field& f) {
  const std::string name = LoadSessionUser(c, f);
  const fixer::Result<Token> token = LogonService(c.machine).ConsoleLogon(name);
  if (!token) f.Fail(fixer::QuotedValue(name) + " cannot log on at the console: " + token.status().ToString());
}

}  // namespace

void LoadSession(LoadContext& c, const Field& f) {
  MapFields m(f, {"caller", "interactive_user"});
  if (auto v = m.Get("caller")) c.st().session.caller = LoadSessionUser(c, *v);
  if (auto v = m.Get("interactive_user")) {
    if (v->IsNull()) {
      c.st().session.interactive_user.reset();  // `interactive_user: ~`: no one is logged on
    } else if (c.full) {
      c.st().session.interactive_user = LoadSessionUser(c, *v);  // the saved form: its profile saved with it
    } else {
      LogonAtTheConsole(c, *v);
    }
  }
}

void LoadEvents(LoadContext& c, const Field& f) {
  for (const Field& item : f.Items()) {
    MapFields m(item, {"log", "source", "id", "type", "text", "time"});
    fixer::EventRecord e;
    if (auto v = m.Get("log")) e.log = v->Str();
    e.source = m.Require("source").Str();
    e.id = m.Require("id").U32();
    if (auto v = m.Get("type")) e.type = ParseEnum(*v, std::span(kEventTypeNames), "event type");
    if (auto v = m.Get("text")) e.text = v->Str();
    e.time = m.Get("time") ? m.Get("time")->I64() : c.st().clock;
    c.st().events.push_back(std::move(e));
  }
}

namespace {
// One record of the journal, `index` from 0.
void LoadJournalRecord(LoadContext& c, const Field& item, size_t index) {
  MapFields m(item, {"seq", "step", "phase", "data"});
  fixer::JournalRecord r;
  r.seq = m.Require("seq").U32();
  r.step = m.Require("step").Str();
  r.phase = ParseEnum(m.Require("phase"), std::span(kJournalPhaseNames), "journal phase");
  if (auto d = m.Get("data")) {
    const std::vector<Entry> entries = MapEntries(*d);
    for (const Entry& e : entries) r.data[e.key] = e.value.Str();
    // The grants record-grants wrote out as text are typed again, as the fixer holds them; one
    // that does not decode is said as the journal checks say a record, at its key's value.
    fixer::GrantProblem problem;
    auto grants = fixer::TakeGrants(r.data, &problem);
    if (!grants) {
      const auto at =
          std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == problem.key; });
      const Field& where = at == entries.end() ? *d : at->value;
      throw LoadFailure{MakeError(where.file(), where.mark(), fixer::JournalProblemText({index, problem.why}))};
    }
    r.grants = std::move(*grants);
  }
  c.st().journal.push_back(std::move(r));
}
}  // namespace

void LoadJournal(LoadContext& c, const Field& f) {
  const std::vector<Field> items = f.Items();
  for (size_t index = 0; index < items.size(); ++index) {
    try {
      LoadJournalRecord(c, items[index], index);
    } catch (LoadFailure& failure) {
      // A record is named one way in every message, as the journal checks name it: `journal
      // record 2: seq: expected an integer ...`, not the path `journal[2].seq`.
      std::string& message = failure.error.message;
      const std::string& path = items[index].path();
      if (message.starts_with(path) && message.size() > path.size() &&
          (message[path.size()] == '.' || message[path.size()] == ':')) {
        std::string rest = message.substr(path.size() + (message[path.size()] == '.' ? 1 : 0));
        message = "journal record " + std::to_string(index + 1) + (rest.starts_with(":") ? "" : ": ") + rest;
      }
      throw;
    }
  }
}

}  // namespace fakes::yaml
