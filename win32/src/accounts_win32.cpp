// Accounts on the local SAM: NetUserGetInfo (level 4 and 23, XP+), NetUserGetLocalGroups, NetUserAdd (level 2),
// NetLocalGroupEnum and NetLocalGroupGetMembers (a token's groups),
// NetUserDel, NetUserSetInfo (levels 1003, 1008, 4), NetLocalGroupAddMembers and DelMembers, LookupAccountSid (NameOf).
// The NET_API_STATUS each returns is the port's error number (2221, 2224, 2245, 2220, 1378): passed through, never
// translated.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <lm.h>

#include "win32_ports.h"

namespace win32 {

namespace {

// Frees a buffer the Net* functions allocated.
struct NetBuffer {
  BYTE* data = nullptr;
  ~NetBuffer() {
    if (data) NetApiBufferFree(data);
  }
};

fixer::AccountFlags FlagsFrom(DWORD uf) {
  return {.disabled = (uf & UF_ACCOUNTDISABLE) != 0,
          .locked_out = (uf & UF_LOCKOUT) != 0,
          .password_never_expires = (uf & UF_DONT_EXPIRE_PASSWD) != 0,
          .cannot_change_password = (uf & UF_PASSWD_CANT_CHANGE) != 0};
}

DWORD SetBit(DWORD uf, DWORD bit, bool on) { return on ? (uf | bit) : (uf & ~bit); }

fixer::Result<std::vector<std::string>> LocalGroupsOf(const std::wstring& user) {
  NetBuffer buffer;
  DWORD read = 0, total = 0;
  NET_API_STATUS rc = NetUserGetLocalGroups(nullptr, user.c_str(), 0, LG_INCLUDE_INDIRECT, &buffer.data,
                                            MAX_PREFERRED_LENGTH, &read, &total);
  if (rc != NERR_Success) return Error(rc);
  std::vector<std::string> groups;
  auto* info = reinterpret_cast<LOCALGROUP_USERS_INFO_0*>(buffer.data);
  for (DWORD i = 0; i < read; ++i) groups.push_back(Narrow(info[i].lgrui0_name));
  return groups;
}

// The user's SID alone (NetUserGetInfo level 23, USER_INFO_23: XP and later), without the
// group read Lookup makes.
fixer::Result<fixer::Sid> SidOf(const std::wstring& user) {
  NetBuffer buffer;
  if (NET_API_STATUS rc = NetUserGetInfo(nullptr, user.c_str(), 23, &buffer.data); rc != NERR_Success) return Error(rc);
  return FromPsid(reinterpret_cast<const USER_INFO_23*>(buffer.data)->usri23_user_sid);
}

// NetLocalGroupAddMembers or NetLocalGroupDelMembers (the same parameters): one member, by SID
// (level 0).
using MembersCall = NET_API_STATUS(NET_API_FUNCTION*)(LPCWSTR, LPCWSTR, DWORD, LPBYTE, DWORD);

fixer::Status ChangeMembers(MembersCall call, const std::string& group, const fixer::Sid& member, ChangeFlag& changes) {
  std::vector<BYTE> sid = ToBinary(member);
  LOCALGROUP_MEMBERS_INFO_0 info{AsPsid(sid)};
  if (NET_API_STATUS rc = call(nullptr, Widen(group).c_str(), 0, reinterpret_cast<BYTE*>(&info), 1);
      rc != NERR_Success) {
    return Error(rc);
  }
  changes.Mark();
  return {};
}

}  // namespace

fixer::Result<fixer::Account> Win32Accounts::Lookup(const std::string& name) {
  const std::wstring wide = Widen(name);
  NetBuffer buffer;
  if (NET_API_STATUS rc = NetUserGetInfo(nullptr, wide.c_str(), 4, &buffer.data); rc != NERR_Success) return Error(rc);
  const auto* info = reinterpret_cast<const USER_INFO_4*>(buffer.data);
  fixer::Account account{.name = Narrow(info->usri4_name),
                         .sid = FromPsid(info->usri4_user_sid),
                         .full_name = Narrow(info->usri4_full_name ? info->usri4_full_name : L""),
                         .comment = Narrow(info->usri4_comment ? info->usri4_comment : L""),
                         .flags = FlagsFrom(info->usri4_flags),
                         .password_expired = info->usri4_password_expired != 0,
                         .password_not_required = (info->usri4_flags & UF_PASSWD_NOTREQD) != 0};
  auto groups = LocalGroupsOf(wide);
  if (!groups) return groups.status();
  account.groups = std::move(*groups);
  return account;
}

fixer::Result<fixer::Sid> Win32Accounts::Create(const fixer::NewAccount& spec, const fixer::Secret& password) {
  std::wstring name = Widen(spec.name), full_name = Widen(spec.full_name), comment = Widen(spec.comment), empty;
  WidePassword clear(password);
  DWORD flags = UF_SCRIPT | UF_NORMAL_ACCOUNT;  // UF_SCRIPT: required by NetUserAdd
  flags = SetBit(flags, UF_ACCOUNTDISABLE, spec.flags.disabled);
  flags = SetBit(flags, UF_DONT_EXPIRE_PASSWD, spec.flags.password_never_expires);
  flags = SetBit(flags, UF_PASSWD_CANT_CHANGE, spec.flags.cannot_change_password);
  // Level 2 carries the full name too: the account is created whole by one call.
  USER_INFO_2 info{};
  info.usri2_name = name.data();
  info.usri2_password = clear.text.data();
  info.usri2_priv = USER_PRIV_USER;  // NetUserAdd puts a USER_PRIV_USER account in Users
  info.usri2_home_dir = empty.data();
  info.usri2_comment = comment.data();
  info.usri2_flags = flags;
  info.usri2_script_path = empty.data();
  info.usri2_full_name = full_name.data();
  info.usri2_usr_comment = empty.data();
  info.usri2_parms = empty.data();
  info.usri2_workstations = empty.data();
  info.usri2_acct_expires = TIMEQ_FOREVER;
  info.usri2_max_storage = USER_MAXSTORAGE_UNLIMITED;
  NET_API_STATUS rc = NetUserAdd(nullptr, 2, reinterpret_cast<BYTE*>(&info), nullptr);
  // A password the policy refuses: the SAM made the account and deleted it again, and its RID
  // stays used (docs/windows-reference.md#sids), as the fake's machine then differs too.
  if (rc == NERR_PasswordTooShort) changes_.Mark();
  if (rc != NERR_Success) return Error(rc);
  changes_.Mark();
  // Only the SID: the account exists now, and a failed read of its groups must not say otherwise.
  return SidOf(name);
}

fixer::Status Win32Accounts::Delete(const std::string& name) {
  if (NET_API_STATUS rc = NetUserDel(nullptr, Widen(name).c_str()); rc != NERR_Success) return Error(rc);
  changes_.Mark();
  return {};
}

fixer::Status Win32Accounts::SetPassword(const std::string& name, const fixer::Secret& password) {
  WidePassword clear(password);
  USER_INFO_1003 info{clear.text.data()};
  NET_API_STATUS rc = NetUserSetInfo(nullptr, Widen(name).c_str(), 1003, reinterpret_cast<BYTE*>(&info), nullptr);
  if (rc != NERR_Success) return Error(rc);
  changes_.Mark();
  return {};
}

fixer::Status Win32Accounts::SetFlags(const std::string& name, const fixer::AccountFlags& flags) {
  const std::wstring wide = Widen(name);
  DWORD uf = 0;
  {
    NetBuffer buffer;
    if (NET_API_STATUS rc = NetUserGetInfo(nullptr, wide.c_str(), 1, &buffer.data); rc != NERR_Success) {
      return Error(rc);
    }
    uf = reinterpret_cast<const USER_INFO_1*>(buffer.data)->usri1_flags;
  }
  DWORD wanted = SetBit(uf, UF_ACCOUNTDISABLE, flags.disabled);
  if (!flags.locked_out) wanted &= ~UF_LOCKOUT;  // only an unlock: Windows alone locks an account out
  wanted = SetBit(wanted, UF_DONT_EXPIRE_PASSWD, flags.password_never_expires);
  wanted = SetBit(wanted, UF_PASSWD_CANT_CHANGE, flags.cannot_change_password);
  if (wanted == uf) return {};
  USER_INFO_1008 info{wanted};
  if (NET_API_STATUS rc = NetUserSetInfo(nullptr, wide.c_str(), 1008, reinterpret_cast<BYTE*>(&info), nullptr);
      rc != NERR_Success) {
    return Error(rc);
  }
  changes_.Mark();
  return {};
}

// Microsoft's own recipe ("Forcing a User to Change the Logon Password"): read the user at level 4
// (recommended over 3 from XP on), set usri4_password_expired, write the same level back, so no
// other field changes; the password is not set (NetUserGetInfo leaves usri4_password NULL).
fixer::Status Win32Accounts::RequirePasswordChange(const std::string& name) {
  const std::wstring wide = Widen(name);
  NetBuffer buffer;
  if (NET_API_STATUS rc = NetUserGetInfo(nullptr, wide.c_str(), 4, &buffer.data); rc != NERR_Success) return Error(rc);
  auto* info = reinterpret_cast<USER_INFO_4*>(buffer.data);
  info->usri4_password_expired = TRUE;
  if (NET_API_STATUS rc = NetUserSetInfo(nullptr, wide.c_str(), 4, buffer.data, nullptr); rc != NERR_Success) {
    return Error(rc);
  }
  changes_.Mark();
  return {};
}

fixer::Status Win32Accounts::AddToGroup(const std::string& group, const fixer::Sid& member) {
  return ChangeMembers(NetLocalGroupAddMembers, group, member, changes_);
}

fixer::Status Win32Accounts::RemoveFromGroup(const std::string& group, const fixer::Sid& member) {
  return ChangeMembers(NetLocalGroupDelMembers, group, member, changes_);
}

namespace {

// A local group's SID: LookupAccountName on its name, which names it uniquely on this machine.
fixer::Result<fixer::Sid> GroupSid(const std::wstring& group) {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD sid_size = sizeof(sid);
  wchar_t domain[256];
  DWORD domain_size = 256;
  SID_NAME_USE use;
  if (!LookupAccountNameW(nullptr, group.c_str(), sid, &sid_size, domain, &domain_size, &use)) return LastError();
  return FromPsid(sid);
}

// Whether the local group `group` holds one of `members` (NetLocalGroupGetMembers, level 0: SIDs).
fixer::Result<bool> HoldsOneOf(const std::wstring& group, std::span<const fixer::Sid> members) {
  NetBuffer buffer;
  DWORD read = 0, total = 0;
  if (NET_API_STATUS rc = NetLocalGroupGetMembers(nullptr, group.c_str(), 0, &buffer.data, MAX_PREFERRED_LENGTH, &read,
                                                  &total, nullptr);
      rc != NERR_Success) {
    return Error(rc);
  }
  const auto* info = reinterpret_cast<const LOCALGROUP_MEMBERS_INFO_0*>(buffer.data);
  for (DWORD i = 0; i < read; ++i) {
    const fixer::Sid member = FromPsid(info[i].lgrmi0_sid);
    for (const fixer::Sid& m : members) {
      if (m == member) return true;
    }
  }
  return false;
}

}  // namespace

fixer::Result<std::vector<fixer::LocalGroupRef>> Win32Accounts::GroupsContaining(std::span<const fixer::Sid> members) {
  NetBuffer buffer;
  DWORD read = 0, total = 0;
  // One read of every local group: a machine has tens of them, each read once.
  if (NET_API_STATUS rc = NetLocalGroupEnum(nullptr, 0, &buffer.data, MAX_PREFERRED_LENGTH, &read, &total, nullptr);
      rc != NERR_Success) {
    return Error(rc);
  }
  std::vector<fixer::LocalGroupRef> groups;
  const auto* info = reinterpret_cast<const LOCALGROUP_INFO_0*>(buffer.data);
  for (DWORD i = 0; i < read; ++i) {
    const std::wstring name = info[i].lgrpi0_name;
    auto holds = HoldsOneOf(name, members);
    if (!holds) return holds.status();
    if (!*holds) continue;
    auto sid = GroupSid(name);
    if (!sid) return sid.status();
    groups.push_back({Narrow(name), *sid});
  }
  return groups;
}

fixer::Result<std::string> Win32Accounts::NameOf(const fixer::Sid& sid) {
  std::vector<BYTE> binary = ToBinary(sid);
  wchar_t name[257];    // UNLEN + 1
  wchar_t domain[257];  // DNLEN is 15; a domain's NetBIOS name fits
  DWORD name_length = 257, domain_length = 257;
  SID_NAME_USE use;
  // ERROR_NONE_MAPPED (1332) for a SID no account holds (a deleted account's).
  if (!LookupAccountSidW(nullptr, AsPsid(binary), name, &name_length, domain, &domain_length, &use)) return LastError();
  const std::string qualified = Narrow(domain);
  return (qualified.empty() ? "" : qualified + "\\") + Narrow(name);
}

}  // namespace win32
