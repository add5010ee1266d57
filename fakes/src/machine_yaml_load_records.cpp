// Machine state files: the session (who runs the tools, who is logged on), event log entries
// and the fixer's journal.
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

}  // namespace

void LoadSession(LoadContext& c, const Field& f) {
  MapFields m(f, {"caller", "interactive_user"});
  if (auto v = m.Get("caller")) c.st().session.caller = LoadSessionUser(c, *v);
  if (auto v = m.Get("interactive_user")) {
    if (v->IsNull()) {
      c.st().session.interactive_user.reset();  // `interactive_user: ~`: no one is logged on
    } else {
      c.st().session.interactive_user = LoadSessionUser(c, *v);
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

void LoadJournal(LoadContext& c, const Field& f) {
  for (const Field& item : f.Items()) {
    MapFields m(item, {"seq", "step", "phase", "data"});
    fixer::JournalRecord r;
    r.seq = m.Require("seq").U32();
    r.step = m.Require("step").Str();
    r.phase = ParseEnum(m.Require("phase"), std::span(kJournalPhaseNames), "journal phase");
    if (auto d = m.Get("data")) {
      for (const Entry& e : MapEntries(*d)) r.data[e.key] = e.value.Str();
      // The grants record-grants wrote out as text are typed again, as the fixer holds them.
      auto grants = fixer::TakeGrants(r.data);
      if (!grants) d->Fail("unreadable recorded grant " + grants.status().message());
      r.grants = std::move(*grants);
    }
    c.st().journal.push_back(std::move(r));
  }
}

}  // namespace fakes::yaml
