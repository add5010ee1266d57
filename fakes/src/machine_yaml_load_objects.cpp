// Machine state files: securable objects (files, registry keys, metabase nodes) and profiles.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "fakes/acl_inheritance.h"
#include "fakes/objects.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fixer/file_path.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "fixer/text.h"
#include "fixer/win_error.h"
#include "machine_yaml_load.h"
#include "machine_yaml_names.h"

namespace fakes::yaml {
namespace {

uint32_t LoadMask(const Field& f, fixer::ObjectNamespace ns) {
  const std::string text = f.Str();
  std::vector<std::string_view> names;
  for (const auto& nv : MaskNamesFor(ns)) {
    if (fixer::SameWindowsName(nv.name, text)) return nv.value;
    names.push_back(nv.name);
  }
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) return f.U32();
  f.Fail("unknown access mask " + fixer::QuotedValue(text) + " for a " + std::string(fixer::ToString(ns)) +
         " object; expected one of: " + JoinNames(names) + ", or a hex mask like 0x1F01FF");
}

uint32_t LoadAceFlags(const Field& f) {
  if (f.IsScalar()) {  // hex, as the saver writes unnamed bits
    // A DACL ACE's flags are OI, CI, NP, IO and I: one byte of the header [MS-DTYP 2.4.4.1], whose
    // 0x40 and 0x80 are a SACL's audit flags.
    constexpr uint32_t kDaclAceFlags = 0x1F;
    const uint32_t flags = f.U32();
    if (flags & ~kDaclAceFlags) {
      f.Fail(fixer::Text(FMT_COMPILE("ACE flags 0x{:X} name bits no DACL ACE has: its flags are OI (0x1), CI (0x2), "
                                     "NP (0x4), IO (0x8) and I (0x10)"),
                         flags));
    }
    return flags;
  }
  uint32_t flags = 0;
  for (const Field& item : f.Items()) flags |= ParseEnum(item, std::span(kAceFlagNames), "ACE flag");
  return flags;
}

// A registry value's data, or a capture's placeholder for data it did not read (an aspnet_setreg
// password): `{redacted: true}` stores a value no password matches, as a redacted LSA secret does.
std::string LoadValueData(const Field& f) {
  if (!f.IsMap()) return f.Str();
  MapFields m(f, {"redacted"});
  const Field redacted = m.Require("redacted");
  if (!redacted.Bool()) redacted.Fail("expected redacted: true");
  return std::string(kNotCapturedSecret);
}

}  // namespace

// The predefined keys as the fixer writes them, each the security API's "MACHINE", "USERS",
// "CLASSES_ROOT" or "CURRENT_USER" (SE_OBJECT_TYPE, SE_REGISTRY_KEY; win32/src/security_win32.cpp).
std::string_view RegistryPathProblem(std::string_view path) {
  const std::string root = fixer::FoldWindowsName(path.substr(0, path.find('\\')));
  if (root != "hklm" && root != "hku" && root != "hkcr" && root != "hkcu")
    return "does not start with a predefined key: HKLM, HKU, HKCR or HKCU ('HKLM\\SOFTWARE\\Shop')";
  if (path.find("\\\\") != std::string_view::npos || path.ends_with('\\')) return "has an empty key name";
  return {};
}

fixer::Ace LoadAce(LoadContext& c, const Field& f, fixer::ObjectNamespace ns) {
  MapFields m(f, {"allow", "deny", "mask", "flags"});
  const auto allow = m.Get("allow");
  const auto deny = m.Get("deny");
  if (allow.has_value() == deny.has_value()) {
    f.Fail("expected exactly one of: allow, deny (naming the principal)");
  }
  fixer::Ace ace;
  ace.type = allow ? fixer::AceType::kAllow : fixer::AceType::kDeny;
  ace.sid = c.Principal(allow ? *allow : *deny);
  ace.mask = LoadMask(m.Require("mask"), ns);
  if (auto flags = m.Get("flags")) ace.flags = LoadAceFlags(*flags);
  return ace;
}

void LoadObjects(LoadContext& c, const Field& f) {
  std::map<std::string, int> seen;  // object key -> line first listed
  for (const Field& item : f.Items()) {
    MapFields m(item, {"file", "registry", "metabase", "container", "owner", "acl", "values", "absent"});
    std::optional<Field> path_field;
    fixer::ObjectNamespace ns = fixer::ObjectNamespace::kFile;
    for (const auto& nv : kNamespaceNames) {
      if (auto p = m.Get(nv.name)) {
        if (path_field) p->Fail("expected exactly one of: file, registry, metabase (the path)");
        path_field = p;
        ns = nv.value;
      }
    }
    if (!path_field) item.Fail("expected one of: file, registry, metabase (the path)");
    const std::string path = path_field->Str();
    if (path.empty()) path_field->Fail("expected a path");
    // A name Windows refuses (123) is on no disk: no capture writes it, and no repair reaches it.
    if (ns == fixer::ObjectNamespace::kFile) {
      if (const std::string fault = fixer::FilePathFault(path); !fault.empty()) {
        // Windows' answer to such a name; a relative path is no full one, and not Windows' 123.
        const std::string answer = fixer::HoldsCharacterNoFileNameHolds(path)
                                       ? " (" + std::to_string(fixer::kErrorInvalidName) + ": " +
                                             std::string(fixer::WinErrorText(fixer::kErrorInvalidName)) + ")"
                                       : std::string();
        path_field->Fail(fixer::QuotedValue(path) + " is no Windows file path: " + fault + answer);
      }
    } else if (const std::string_view why =
                   ns == fixer::ObjectNamespace::kRegistry ? RegistryPathProblem(path) : ApplicationPathProblem(path);
               !why.empty()) {
      path_field->Fail(fixer::QuotedValue(path) + " is no " + std::string(fixer::ToString(ns)) + " path: it " +
                       std::string(why));
    }
    const std::string key = ObjectKey(ns, path);
    if (auto it = seen.find(key); it != seen.end()) {
      path_field->Fail("duplicate object " + fixer::QuotedValue(path) + " (already listed at line " +
                       std::to_string(it->second) + "; paths are case-insensitive)");
    }
    seen[key] = path_field->mark().line;
    if (auto v = m.KeyOf("values"); v && ns != fixer::ObjectNamespace::kRegistry) {
      v->Fail("only a registry key has values");
    }
    std::vector<fixer::Ace> dacl;
    if (auto acl = m.Get("acl")) {
      for (const Field& ace : acl->Items()) dacl.push_back(LoadAce(c, ace, ns));
    }
    std::map<std::string, std::string> values;
    if (auto v = m.Get("values")) {
      for (const Entry& e : MapEntries(*v)) values[e.key] = LoadValueData(e.value);
    }

    if (c.full) {
      c.OnlyInFresh(m, {"absent"}, "leave the object out");
      SecurableObject o;
      o.ns = ns;
      o.path = path;
      if (auto v = m.Get("container")) o.container = v->Bool();
      if (auto v = m.Get("owner")) o.owner = c.Principal(*v);  // left out: the null SID
      o.dacl = std::move(dacl);
      o.values = std::move(values);
      c.st().objects.Put(key, std::move(o));
      continue;
    }

    ObjectStore store(c.machine);
    const fixer::ObjectRef ref{ns, path};
    if (auto absent = m.Get("absent")) {
      if (m.entries().size() > 2) absent->Fail("absent: true takes only the path");
      if (absent->Bool() && store.Exists(ref)) c.Check(store.Erase(ref), *path_field, "deleting");
      continue;
    }
    const fixer::Sid owner = m.Get("owner") ? c.Principal(*m.Get("owner")) : fixer::Sid::Administrators();
    const bool container = m.Get("container") ? m.Get("container")->Bool() : true;
    if (!store.Exists(ref)) {
      if (!m.Has("acl")) {
        // Created the Windows way: the parent's inheritable ACEs.
        dacl = DaclForNewObject(c.st(), ref, container, owner);
      }
      c.Check(store.Create(ns, path, container, owner, dacl), *path_field, "creating");
    } else {
      SecurableObject& o = c.st().objects.Writable(FoldedObjectKey(ns, path).view());
      if (m.Has("container")) o.container = container;
      if (m.Has("owner")) o.owner = owner;
      if (m.Has("acl")) o.dacl = dacl;  // replaced, in the order written
    }
    for (const auto& [name, data] : values) {
      c.Check(store.SetValue(ref, name, data), *m.Get("values"), "setting value " + fixer::QuotedValue(name));
    }
  }
}

void LoadProfiles(LoadContext& c, const Field& f) {
  std::unordered_set<fixer::Sid> seen;
  for (const Entry& e : MapEntries(f)) {
    const fixer::Sid sid = c.Principal(e.key_field);
    if (!seen.insert(sid).second)
      e.key_field.Fail("a profile of " + fixer::QuotedValue(e.key) + " is already listed (same SID)");

    if (c.full) {
      MapFields m(e.value, {"path", "folder"});
      c.OnlyInFresh(m, {"folder"}, "folders are listed under objects");
      c.st().profiles.push_back(ProfileEntry{sid, m.Require("path").Str()});
      continue;
    }

    ProfileStore profiles(c.machine);
    bool present = true;
    std::optional<std::string> path;
    bool folder = true;
    if (e.value.IsScalar()) {
      const std::string word = e.value.Str();  // in any case, as the file's other words
      if (!fixer::SameWindowsName(word, "present") && !fixer::SameWindowsName(word, "absent")) {
        e.value.Fail("expected present, absent, or a map with path and folder");
      }
      present = fixer::SameWindowsName(word, "present");
    } else {
      MapFields m(e.value, {"path", "folder"});
      if (auto p = m.Get("path")) path = p->Str();
      if (auto v = m.Get("folder")) folder = v->Bool();
    }
    if (!present) {
      if (profiles.Find(sid)) c.Check(profiles.Delete(sid), e.value, "deleting the profile");
      continue;
    }
    auto name = Sam(c.machine).LookupSid(sid);
    if (path) {
      // An explicit ProfileList entry; LoadOrCreate then builds its folder if it is missing.
      ProfileList& list = c.st().profiles;
      if (const ProfileEntry* listed = list.FindKey(sid)) {
        list.Replace(static_cast<size_t>(listed - &list[0]), ProfileEntry{sid, *path});
      } else {
        c.st().profiles.push_back(ProfileEntry{sid, *path});
      }
    } else if (!name) {
      e.key_field.Fail("the profile of an unresolved SID needs a path");
    }
    if (folder) {
      c.Check(profiles.LoadOrCreate(sid, name ? *name : e.key).status(), e.value, "creating the profile");
    }
  }
}

}  // namespace fakes::yaml
