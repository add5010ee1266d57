// Machine state files: the `capture:` section `aspnet-fixer capture` writes (where the file came
// from, what could not be read), and the scope of a capture's ACEs.
#include <algorithm>
#include <set>

#include "fakes/sam.h"
#include "machine_yaml_load.h"

namespace fakes::yaml {

void LoadCapture(LoadContext& c, const Field& f) {
  MapFields m(f, {"tool", "caller", "accounts", "unreadable"});
  CaptureInfo& info = c.st().capture;
  c.captured = true;
  if (auto tool = m.Get("tool")) info.tool = tool->Str();
  if (auto caller = m.Get("caller")) {
    MapFields who(*caller, {"name", "administrator"});
    const auto admin = who.Get("administrator");
    info.caller = CapturedCaller{.name = who.Require("name").Str(), .is_admin = admin && admin->Bool()};
  }
  if (auto accounts = m.Get("accounts")) {
    for (const Field& a : accounts->Items()) info.accounts.push_back(a.Str());
  }
  if (auto unreadable = m.Get("unreadable")) {
    for (const Field& item : unreadable->Items()) {
      MapFields u(item, {"read", "error", "message"});
      const auto message = u.Get("message");
      info.unreadable.push_back({.read = u.Require("read").Str(),
                                 .error = u.Require("error").U32(),
                                 .message = message ? message->Str() : ""});
    }
  }
}

void ScopeCapturedAces(LoadContext& c, const Field* objects) {
  std::set<fixer::Sid> captured;
  const Sam sam(c.machine);
  for (const std::string& name : c.st().capture.accounts) {
    if (auto sid = sam.LookupName(name)) captured.insert(*sid);
  }
  std::set<std::string> listed;
  if (objects) {
    for (const Field& item : objects->Items()) {
      for (const Entry& e : MapEntries(item)) {  // LoadObjects checked the item
        if (e.key == "file") listed.insert(ObjectKey(fixer::ObjectNamespace::kFile, e.value.Str()));
        if (e.key == "registry") listed.insert(ObjectKey(fixer::ObjectNamespace::kRegistry, e.value.Str()));
        if (e.key == "metabase") listed.insert(ObjectKey(fixer::ObjectNamespace::kMetabase, e.value.Str()));
      }
    }
  }
  auto captured_ace = [&](const fixer::Ace& ace) {
    return (ace.flags & fixer::kInheritedAce) == 0 && captured.contains(ace.sid);
  };
  c.st().objects.ChangeWhere(
      [&](const std::string& key, const SecurableObject& object) {
        return !listed.contains(key) && std::any_of(object.dacl.begin(), object.dacl.end(), captured_ace);
      },
      [&](const std::string&, SecurableObject& object) { std::erase_if(object.dacl, captured_ace); });
}

}  // namespace fakes::yaml
