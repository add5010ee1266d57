// Security, ACL half: GetNamedSecurityInfo / acl_edit.h / SetNamedSecurityInfo for files
// and registry keys, and the AdminACL property (a self-relative security descriptor) of
// metabase nodes through IMSAdminBase. Which objects FindAces reads: scanned_objects.h.
// The SQL Server half is sql_logins_win32.cpp.
#include <windows.h>
// windows.h first: aclapi.h needs its types.
#include <aclapi.h>
#include <iiscnfg.h>

#include <optional>

#include "acl_edit.h"
#include "fixer/name_case.h"
#include "metabase.h"
#include "scanned_objects.h"
#include "win32_ports.h"

namespace win32 {

namespace {

// "HKLM\SOFTWARE\x" as the security API names a key: "MACHINE\SOFTWARE\x".
std::wstring RegistryObjectName(const std::string& path) {
  static const std::pair<const char*, const wchar_t*> roots[] = {
      {"hklm\\", L"MACHINE\\"}, {"hku\\", L"USERS\\"}, {"hkcr\\", L"CLASSES_ROOT\\"}, {"hkcu\\", L"CURRENT_USER\\"}};
  const std::string lower = fixer::FoldWindowsName(path);
  for (const auto& [prefix, name] : roots) {
    if (lower.starts_with(prefix)) return name + Widen(path.substr(std::char_traits<char>::length(prefix)));
  }
  return Widen(path);
}

// A security descriptor read from an object, and its DACL (which points into it).
struct ReadSd {
  LocalPtr<void> owner;     // from GetNamedSecurityInfo
  std::vector<BYTE> bytes;  // or a metabase AdminACL
  ACL* dacl = nullptr;
  bool dacl_protected = false;
  // Metabase: the AdminACL record read (none: no AdminACL here or above); `dacl` is the node's own
  // or, when info has kMdIsInherited, the list it inherits.
  std::optional<MetabaseRecordInfo> admin_acl;
  // Whether `dacl` is the object's own: an inherited AdminACL names nobody on this node.
  bool own() const { return !admin_acl || IsOwnRecord(*admin_acl); }
};

fixer::Result<ReadSd> ReadNamed(const std::wstring& name, SE_OBJECT_TYPE type) {
  ReadSd sd;
  PSECURITY_DESCRIPTOR raw = nullptr;
  if (DWORD rc = GetNamedSecurityInfoW(name.c_str(), type, DACL_SECURITY_INFORMATION, nullptr, nullptr, &sd.dacl,
                                       nullptr, &raw);
      rc != ERROR_SUCCESS) {
    return Error(rc);
  }
  sd.owner.reset(raw);
  SECURITY_DESCRIPTOR_CONTROL control = 0;
  DWORD revision = 0;
  if (GetSecurityDescriptorControl(raw, &control, &revision)) sd.dacl_protected = (control & SE_DACL_PROTECTED) != 0;
  return sd;
}

// A metabase node's AdminACL: its own, or the one it inherits (then ReadSd::own() is false); no
// DACL when there is neither.
fixer::Result<ReadSd> ReadAdminAcl(const std::string& path) {
  auto record = ReadMetabaseBinary(Widen(path), MD_ADMIN_ACL);
  if (!record) return record.status();
  ReadSd sd;
  if (!*record || (*record)->bytes.empty()) return sd;
  sd.admin_acl = (*record)->info;
  sd.bytes = std::move((*record)->bytes);
  BOOL present = FALSE, defaulted = FALSE;
  if (!GetSecurityDescriptorDacl(sd.bytes.data(), &present, &sd.dacl, &defaulted)) return LastError();
  if (!present) sd.dacl = nullptr;
  return sd;
}

fixer::Result<ReadSd> Read(const fixer::ObjectRef& object) {
  switch (object.ns) {
    case fixer::ObjectNamespace::kFile: return ReadNamed(Widen(object.path), SE_FILE_OBJECT);
    case fixer::ObjectNamespace::kRegistry: return ReadNamed(RegistryObjectName(object.path), SE_REGISTRY_KEY);
    case fixer::ObjectNamespace::kMetabase: return ReadAdminAcl(object.path);
  }
  return Error(ERROR_INVALID_PARAMETER);
}

// The metabase node's AdminACL replaced by `sd` with `dacl`, self-relative, SaveData'd.
fixer::Status WriteAdminAcl(const std::string& path, const ReadSd& old, ACL* dacl) {
  SECURITY_DESCRIPTOR absolute;
  if (!InitializeSecurityDescriptor(&absolute, SECURITY_DESCRIPTOR_REVISION)) return LastError();
  PSID owner = nullptr, group = nullptr;
  BOOL defaulted = FALSE;
  if (!old.bytes.empty()) {
    auto* sd = const_cast<BYTE*>(old.bytes.data());
    if (!GetSecurityDescriptorOwner(sd, &owner, &defaulted) || !GetSecurityDescriptorGroup(sd, &group, &defaulted)) {
      return LastError();
    }
  }
  if ((owner && !SetSecurityDescriptorOwner(&absolute, owner, FALSE)) ||
      (group && !SetSecurityDescriptorGroup(&absolute, group, FALSE)) ||
      !SetSecurityDescriptorDacl(&absolute, TRUE, dacl, FALSE)) {
    return LastError();
  }
  DWORD length = 0;
  MakeSelfRelativeSD(&absolute, nullptr, &length);  // the size, with ERROR_INSUFFICIENT_BUFFER
  std::vector<BYTE> relative(length);
  if (!MakeSelfRelativeSD(&absolute, relative.data(), &length)) return LastError();
  // The node's own record's attributes and user type; the schema's for a node's first own one.
  return WriteMetabaseBinary(Widen(path), MD_ADMIN_ACL, relative, AdminAclWriteInfo(old.admin_acl));
}

// ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND: an object this machine lacks, or one gone while
// the scan ran; it holds nothing. Any other failure would make the scan's answer short.
bool Vanished(uint32_t code) { return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND; }

// Closes a FindFirstFile search handle.
struct FindHandle {
  HANDLE h;
  ~FindHandle() {
    if (h != INVALID_HANDLE_VALUE) FindClose(h);
  }
};

fixer::Status FindIn(const fixer::ObjectRef& object, bool recursive, const fixer::Sid& sid,
                     std::vector<fixer::AceGrant>& found);

// Every entry of a folder, each scanned (folders as trees).
fixer::Status FindInFolder(const std::string& path, const fixer::Sid& sid, std::vector<fixer::AceGrant>& found) {
  WIN32_FIND_DATAW entry;
  const std::wstring folder = Widen(path);
  FindHandle search{FindFirstFileW((folder + L"\\*").c_str(), &entry)};
  if (search.h == INVALID_HANDLE_VALUE) {
    const DWORD error = GetLastError();
    return Vanished(error) ? fixer::Status{} : Error(error);
  }
  for (;;) {
    const std::wstring name = entry.cFileName;
    // A junction or symbolic link is its target's object: scanned where the target is, never twice.
    if (name != L"." && name != L".." && !(entry.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)) {
      if (fixer::Status st = FindIn({fixer::ObjectNamespace::kFile, Narrow(folder + L"\\" + name)},
                                    (entry.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0, sid, found);
          !st.ok()) {
        return st;
      }
    }
    if (!FindNextFileW(search.h, &entry)) {
      const DWORD error = GetLastError();  // ERROR_NO_MORE_FILES is the end; anything else a short list
      return error == ERROR_NO_MORE_FILES ? fixer::Status{} : Error(error);
    }
  }
}

// Every subkey of a registry key, each scanned as a tree.
fixer::Status FindInKey(const std::string& path, const fixer::Sid& sid, std::vector<fixer::AceGrant>& found) {
  const std::string sub = path.substr(path.find('\\') + 1);  // past "HKLM\"
  auto key = OpenLocalMachineKey(Widen(sub));
  if (!key) return Vanished(key.status().code()) ? fixer::Status{} : key.status();
  RegKey owner(*key);
  auto names = SubkeyNames(owner.get());
  if (!names) return Vanished(names.status().code()) ? fixer::Status{} : names.status();
  for (const std::wstring& name : *names) {
    if (fixer::Status st = FindIn({fixer::ObjectNamespace::kRegistry, path + "\\" + Narrow(name)}, true, sid, found);
        !st.ok()) {
      return st;
    }
  }
  return {};
}

fixer::Status FindIn(const fixer::ObjectRef& object, bool recursive, const fixer::Sid& sid,
                     std::vector<fixer::AceGrant>& found) {
  auto sd = Read(object);
  if (!sd) return Vanished(sd.status().code()) ? fixer::Status{} : sd.status();
  if (sd->own()) {
    for (fixer::Ace& ace : ExplicitAcesFor(sd->dacl, sid)) found.push_back({object, std::move(ace)});
  }
  if (!recursive) return {};
  if (object.ns == fixer::ObjectNamespace::kFile) return FindInFolder(object.path, sid, found);
  if (object.ns == fixer::ObjectNamespace::kRegistry) return FindInKey(object.path, sid, found);
  return {};
}

}  // namespace

fixer::Result<std::vector<fixer::AceGrant>> Win32Security::FindAces(const fixer::Sid& sid) {
  std::vector<fixer::AceGrant> found;
  for (const ScanRoot& root : ScanRoots()) {
    // A recreate carries over what this finds: an object that could not be read fails the scan.
    if (fixer::Status st = FindIn(root.object, root.recursive, sid, found); !st.ok()) return st;
  }
  return found;
}

fixer::Result<std::vector<std::vector<fixer::Ace>>> Win32Security::FindAcesOn(const fixer::Sid& sid,
                                                                              std::span<const fixer::ObjectAces> on) {
  std::vector<std::vector<fixer::Ace>> held(on.size());
  for (size_t i = 0; i < on.size(); ++i) {
    auto sd = Read(on[i].object);
    if (sd) {
      if (sd->own()) held[i] = ExplicitAcesFor(sd->dacl, sid);
      continue;
    }
    // An object gone since it was found holds nothing; any other failure is the answer.
    const uint32_t code = sd.status().code();
    if (code != ERROR_FILE_NOT_FOUND && code != ERROR_PATH_NOT_FOUND) return sd.status();
  }
  return held;
}

fixer::Result<fixer::ObjectSecurity> Win32Security::ReadSecurity(const fixer::ObjectRef& object) {
  fixer::ObjectSecurity out;
  if (object.ns == fixer::ObjectNamespace::kMetabase) {
    auto sd = ReadAdminAcl(object.path);
    if (!sd) return sd.status();
    PSID owner = nullptr;
    BOOL defaulted = FALSE;
    if (!sd->bytes.empty() && GetSecurityDescriptorOwner(sd->bytes.data(), &owner, &defaulted) && owner) {
      out.owner = FromPsid(owner);
    }
    out.has_dacl = sd->dacl != nullptr;
    out.dacl = AllowAndDenyAces(sd->dacl);
    return out;
  }
  const bool file = object.ns == fixer::ObjectNamespace::kFile;
  const std::wstring name = file ? Widen(object.path) : RegistryObjectName(object.path);
  PSID owner = nullptr;
  ACL* dacl = nullptr;
  PSECURITY_DESCRIPTOR raw = nullptr;
  if (DWORD rc = GetNamedSecurityInfoW(name.c_str(), file ? SE_FILE_OBJECT : SE_REGISTRY_KEY,
                                       OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner, nullptr, &dacl,
                                       nullptr, &raw);
      rc != ERROR_SUCCESS) {
    return Error(rc);
  }
  LocalPtr<void> held(raw);
  if (owner) out.owner = FromPsid(owner);
  out.has_dacl = dacl != nullptr;  // a NULL DACL grants everyone everything
  out.dacl = AllowAndDenyAces(dacl);
  return out;
}

fixer::Status Win32Security::AddAce(const fixer::ObjectRef& object, const fixer::Ace& ace) {
  return AddAces(object, std::span<const fixer::Ace>(&ace, 1));
}

namespace {

// Writes `dacl` as the object's DACL (a file's or key's protection from inheritance kept as it
// was; a metabase node's AdminACL record keeping its attributes): AddAces and RemoveAces.
fixer::Status WriteDacl(const fixer::ObjectRef& object, const ReadSd& sd, ACL* dacl) {
  if (object.ns == fixer::ObjectNamespace::kMetabase) {
    if (fixer::Status st = WriteAdminAcl(object.path, sd, dacl); !st.ok()) return st;
  } else {
    const std::wstring name =
        object.ns == fixer::ObjectNamespace::kFile ? Widen(object.path) : RegistryObjectName(object.path);
    const SECURITY_INFORMATION info =
        DACL_SECURITY_INFORMATION |
        (sd.dacl_protected ? PROTECTED_DACL_SECURITY_INFORMATION : UNPROTECTED_DACL_SECURITY_INFORMATION);
    if (DWORD rc = SetNamedSecurityInfoW(const_cast<wchar_t*>(name.c_str()),
                                         object.ns == fixer::ObjectNamespace::kFile ? SE_FILE_OBJECT : SE_REGISTRY_KEY,
                                         info, nullptr, nullptr, dacl, nullptr);
        rc != ERROR_SUCCESS) {
      return Error(rc);
    }
  }
  return {};
}

}  // namespace

fixer::Status Win32Security::AddAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) {
  auto sd = Read(object);
  if (!sd) return sd.status();
  auto merged = WithAces(sd->dacl, aces);
  if (!merged) return merged.status();
  if (!*merged && sd->own()) return {};  // every ACE is there already: nothing written, no change
  // A metabase node with no AdminACL of its own starts from the one it inherits, never from an
  // empty list; an inherited list that holds every ACE already is written as the node's own.
  fixer::Status st = WriteDacl(object, *sd, *merged ? reinterpret_cast<ACL*>((*merged)->data()) : sd->dacl);
  if (st.ok()) changes_.Mark();
  return st;
}

fixer::Status Win32Security::RemoveAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) {
  auto sd = Read(object);
  if (!sd) return sd.status();
  if (!sd->own()) return {};  // an inherited AdminACL names nobody on this node
  auto rest = WithoutAces(sd->dacl, aces);
  if (!rest) return rest.status();
  if (!*rest) return {};  // none of them is there: nothing written, no change
  fixer::Status st = WriteDacl(object, *sd, reinterpret_cast<ACL*>((*rest)->data()));
  if (st.ok()) changes_.Mark();
  return st;
}

}  // namespace win32
