// metabase.h: reads and writes of the IIS metabase through IMSAdminBase (iadmw.h).
// MinGW-w64 ships iadmw.h; its GUIDs are defined here (initguid.h), once for the program.
#include <windows.h>
// windows.h first; initguid.h then makes DEFINE_GUID define CLSID_MSAdminBase_W and IID_IMSAdminBase_W.
#include <initguid.h>
#include <objbase.h>
// objbase.h first: iadmw.h needs COM's types.
#include <iadmw.h>
#include <iiscnfg.h>

#include "metabase.h"
#include "win32_util.h"

namespace win32 {

namespace {

constexpr DWORD kTimeoutMs = 10000;  // how long OpenKey waits for a node another writer holds
constexpr HRESULT kMdErrorDataNotFound = static_cast<HRESULT>(0x800CC801L);  // mdmsg.h

// Windows' text for an HRESULT that is no Win32 error, from the system's message table
// (FormatMessage, FORMAT_MESSAGE_FROM_SYSTEM: E_NOINTERFACE's "No such interface supported"); ""
// where it has none (the metabase's own MD_ERROR_* texts are IIS's, not the system's).
std::string SystemText(HRESULT hr) {
  char text[512] = {};
  const DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                                 static_cast<DWORD>(hr), 0, text, sizeof(text), nullptr);
  std::string out(text, n);
  while (!out.empty() && (out.back() == '\r' || out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// The Windows error an HRESULT carries; IIS absent (class not registered) is 1060. Another
// HRESULT keeps its number, with Windows' text where the system has one.
fixer::Status FromHresult(HRESULT hr) {
  if (hr == REGDB_E_CLASSNOTREG) return Error(ERROR_SERVICE_DOES_NOT_EXIST);
  if (HRESULT_FACILITY(hr) == FACILITY_WIN32) return Error(HRESULT_CODE(hr));
  std::string text = SystemText(hr);
  return fixer::Status(static_cast<uint32_t>(hr), text.empty() ? "COM error" : std::move(text));
}

// The admin base object, released when it goes out of scope.
class AdminBase {
 public:
  fixer::Status Create() {
    void* object = nullptr;
    HRESULT hr = CoCreateInstance(CLSID_MSAdminBase_W, nullptr, CLSCTX_ALL, IID_IMSAdminBase_W, &object);
    if (FAILED(hr)) return FromHresult(hr);
    base_ = static_cast<IMSAdminBaseW*>(object);
    return {};
  }
  AdminBase() = default;
  AdminBase(const AdminBase&) = delete;
  AdminBase& operator=(const AdminBase&) = delete;
  ~AdminBase() {
    if (base_) base_->Release();
  }
  IMSAdminBaseW* operator->() const { return base_; }

 private:
  IMSAdminBaseW* base_ = nullptr;
};

static_assert(kMdAppPoolIdentityType == MD_APPPOOL_IDENTITY_TYPE && kMdWamUserName == MD_WAM_USER_NAME &&
              kMdAppPoolId == MD_APP_APPPOOL_ID);
static_assert(kMdInherit == METADATA_INHERIT && kMdPartialPath == METADATA_PARTIAL_PATH &&
              kMdSecure == METADATA_SECURE && kMdReference == METADATA_REFERENCE &&
              kMdIsInherited == METADATA_ISINHERITED && kMdUserTypeServer == IIS_MD_UT_SERVER &&
              kMdUserTypeFile == IIS_MD_UT_FILE);

// GetData of any type into `bytes`, asked with `attributes` (METADATA_INHERIT: a parent's value
// too); nullopt when the property is not set. `info`: the attributes and user type GetData
// answered (METADATA_ISINHERITED set when asked for and the value is a parent's).
fixer::Result<std::optional<std::vector<BYTE>>> GetRaw(const std::wstring& path, DWORD id, DWORD type,
                                                       DWORD attributes = METADATA_INHERIT,
                                                       MetabaseRecordInfo* info = nullptr) {
  AdminBase base;
  if (fixer::Status st = base.Create(); !st.ok()) return st;
  std::vector<BYTE> bytes(256);
  for (;;) {
    METADATA_RECORD record{};
    record.dwMDIdentifier = id;
    record.dwMDAttributes = attributes;
    record.dwMDUserType = ALL_METADATA;
    record.dwMDDataType = type;
    record.dwMDDataLen = static_cast<DWORD>(bytes.size());
    record.pbMDData = bytes.data();
    DWORD needed = 0;
    HRESULT hr = base->GetData(METADATA_MASTER_ROOT_HANDLE, path.c_str(), &record, &needed);
    if (hr == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)) {
      bytes.resize(needed);
      continue;
    }
    if (hr == kMdErrorDataNotFound) return std::optional<std::vector<BYTE>>();
    if (FAILED(hr)) return FromHresult(hr);
    bytes.resize(record.dwMDDataLen);
    if (info) *info = {.attributes = record.dwMDAttributes, .user_type = record.dwMDUserType};
    return std::optional<std::vector<BYTE>>(std::move(bytes));
  }
}

std::wstring WideFrom(const std::vector<BYTE>& bytes) {
  std::wstring text(bytes.size() / sizeof(wchar_t), L'\0');
  std::memcpy(text.data(), bytes.data(), text.size() * sizeof(wchar_t));
  return text;
}

}  // namespace

fixer::Result<std::optional<DWORD>> ReadMetabaseDword(const std::wstring& path, DWORD id) {
  auto raw = GetRaw(path, id, DWORD_METADATA);
  if (!raw) return raw.status();
  if (!*raw || (*raw)->size() < sizeof(DWORD)) return std::optional<DWORD>();
  DWORD value = 0;
  std::memcpy(&value, (*raw)->data(), sizeof(value));
  return std::optional<DWORD>(value);
}

fixer::Result<std::optional<std::wstring>> ReadMetabaseString(const std::wstring& path, DWORD id) {
  auto raw = GetRaw(path, id, STRING_METADATA);
  if (!raw) return raw.status();
  if (!*raw) return std::optional<std::wstring>();
  std::wstring text = WideFrom(**raw);
  text.resize(wcsnlen(text.c_str(), text.size()));
  return std::optional<std::wstring>(std::move(text));
}

fixer::Result<std::optional<std::vector<std::wstring>>> ReadMetabaseMultiSz(const std::wstring& path, DWORD id) {
  auto raw = GetRaw(path, id, MULTISZ_METADATA);
  if (!raw) return raw.status();
  if (!*raw) return std::optional<std::vector<std::wstring>>();
  std::wstring all = WideFrom(**raw);
  std::vector<std::wstring> strings;
  for (size_t start = 0; start < all.size();) {
    size_t end = all.find(L'\0', start);
    if (end == std::wstring::npos) end = all.size();
    if (end == start) break;  // the empty string that ends a MULTISZ
    strings.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  return std::optional<std::vector<std::wstring>>(std::move(strings));
}

fixer::Result<std::optional<MetabaseBinary>> ReadMetabaseBinary(const std::wstring& path, DWORD id) {
  MetabaseRecordInfo info;
  auto raw = GetRaw(path, id, BINARY_METADATA, METADATA_INHERIT | METADATA_ISINHERITED, &info);
  if (!raw) return raw.status();
  if (!*raw) return std::optional<MetabaseBinary>();
  return std::optional<MetabaseBinary>(MetabaseBinary{.bytes = std::move(**raw), .info = info});
}

fixer::Status WriteMetabaseBinary(const std::wstring& path, DWORD id, const std::vector<BYTE>& value,
                                  const MetabaseRecordInfo& info) {
  AdminBase base;
  if (fixer::Status st = base.Create(); !st.ok()) return st;
  METADATA_HANDLE handle = 0;
  HRESULT hr = base->OpenKey(METADATA_MASTER_ROOT_HANDLE, path.c_str(), METADATA_PERMISSION_WRITE, kTimeoutMs, &handle);
  if (FAILED(hr)) return FromHresult(hr);
  METADATA_RECORD record{};
  record.dwMDIdentifier = id;
  record.dwMDAttributes = info.attributes;
  record.dwMDUserType = info.user_type;
  record.dwMDDataType = BINARY_METADATA;
  record.dwMDDataLen = static_cast<DWORD>(value.size());
  record.pbMDData = const_cast<BYTE*>(value.data());
  hr = base->SetData(handle, L"", &record);
  base->CloseKey(handle);
  if (FAILED(hr)) return FromHresult(hr);
  // The metabase is written to MetaBase.bin/xml lazily; SaveData makes the change durable now.
  if (hr = base->SaveData(); FAILED(hr)) return FromHresult(hr);
  return {};
}

fixer::Result<std::vector<std::wstring>> MetabaseChildren(const std::wstring& path) {
  AdminBase base;
  if (fixer::Status st = base.Create(); !st.ok()) return st;
  std::vector<std::wstring> names;
  for (DWORD i = 0;; ++i) {
    wchar_t name[METADATA_MAX_NAME_LEN] = {};
    HRESULT hr = base->EnumKeys(METADATA_MASTER_ROOT_HANDLE, path.c_str(), name, i);
    if (hr == HRESULT_FROM_WIN32(ERROR_NO_MORE_ITEMS)) return names;
    if (FAILED(hr)) return FromHresult(hr);
    names.emplace_back(name);
  }
}

}  // namespace win32
