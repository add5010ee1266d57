// The IIS metabase through its admin base object (IMSAdminBase, iadmw.h; COM class
// CLSID_MSAdminBase in inetinfo.exe), for the ports that read or change it: inventory (IIS 6
// isolation mode, the application pool identity), aspnet (applications and script maps), security (metabase ACLs).
// Without IIS the class is not registered: CoCreateInstance answers REGDB_E_CLASSNOTREG, which
// these helpers report as ERROR_SERVICE_DOES_NOT_EXIST (1060, "no IIS here") so callers need
// not know COM. Metabase errors are HRESULT_FROM_WIN32: the Windows number is passed on.
//
//   auto root = win32::ReadMetabaseString(L"/LM/W3SVC/1/ROOT", MD_VR_PATH);   // L"C:\\Inetpub\\wwwroot"
//   auto apps = win32::MetabaseChildren(L"/LM/W3SVC/1/ROOT");
#pragma once

#include <windows.h>

#include <optional>
#include <string>
#include <vector>

#include "admin_acl_record.h"
#include "fixer/result.h"

namespace win32 {

inline constexpr DWORD kMdIis5IsolationModeEnabled = 9203;  // IIs5IsolationModeEnabled (iiscnfg.h)
inline constexpr DWORD kMdAppPoolIdentityType = 9021;       // AppPoolIdentityType: 0 SYSTEM ... 3 WAMUserName
inline constexpr DWORD kMdAppPoolId = 9101;                 // AppPoolId: the pool an application runs in
inline constexpr DWORD kMdWamUserName = 7501;               // WAMUserName: the user of an identity type 3

// Each read: nullopt when the node has no such property (MD_ERROR_DATA_NOT_FOUND), inherited
// values included; 3 when the node does not exist; 1060 without IIS.
fixer::Result<std::optional<DWORD>> ReadMetabaseDword(const std::wstring& path, DWORD id);
fixer::Result<std::optional<std::wstring>> ReadMetabaseString(const std::wstring& path, DWORD id);
// A MULTISZ property (e.g. ScriptMaps) as its strings.
fixer::Result<std::optional<std::vector<std::wstring>>> ReadMetabaseMultiSz(const std::wstring& path, DWORD id);
// A binary value and how GetData answered it.
struct MetabaseBinary {
  std::vector<BYTE> bytes;
  MetabaseRecordInfo info;  // kMdIsInherited set: a parent's value, none of the node's own
};
// The node's own value or the one it inherits (info says which); nullopt when neither is set.
fixer::Result<std::optional<MetabaseBinary>> ReadMetabaseBinary(const std::wstring& path, DWORD id);
// Sets the node's own value with `info`'s attributes and user type, then SaveData.
fixer::Status WriteMetabaseBinary(const std::wstring& path, DWORD id, const std::vector<BYTE>& value,
                                  const MetabaseRecordInfo& info);
// The names of the child nodes of `path`.
fixer::Result<std::vector<std::wstring>> MetabaseChildren(const std::wstring& path);

}  // namespace win32
