// The Win32 ports, one class per fixer port; each is implemented in its own <port>_win32.cpp
// with the API its port header names. A port that changes the machine marks the backend's
// ChangeFlag after each call that succeeded. Built by win32::OpenLocalMachine only.
//
//   win32::ChangeFlag changes;
//   win32::Win32Accounts accounts(changes);
//   fixer::Result<fixer::Account> a = accounts.Lookup("ASPNET");   // 2221 if there is no such user
#pragma once

#include <string>

#include <windows.h>
// windows.h first: wincrypt.h needs its types.
#include <wincrypt.h>

#include "fixer/ports/ports.h"
#include "win32_util.h"

namespace win32 {

class Win32Accounts : public fixer::Accounts {
 public:
  explicit Win32Accounts(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<fixer::Account> Lookup(const std::string& name) override;
  fixer::Result<fixer::Sid> Create(const fixer::NewAccount& spec, const fixer::Secret& password) override;
  fixer::Status Delete(const std::string& name) override;
  fixer::Status SetPassword(const std::string& name, const fixer::Secret& password) override;
  fixer::Status SetFlags(const std::string& name, const fixer::AccountFlags& flags) override;
  fixer::Status RequirePasswordChange(const std::string& name) override;
  fixer::Status AddToGroup(const std::string& group, const fixer::Sid& member) override;
  fixer::Status RemoveFromGroup(const std::string& group, const fixer::Sid& member) override;
  fixer::Result<std::vector<fixer::LocalGroupRef>> GroupsContaining(std::span<const fixer::Sid> members) override;
  fixer::Result<std::string> NameOf(const fixer::Sid& sid) override;

 private:
  ChangeFlag& changes_;
};

class Win32Rights : public fixer::Rights {
 public:
  explicit Win32Rights(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::vector<std::string>> Of(const fixer::Sid& sid) override;
  fixer::Status Grant(const fixer::Sid& sid, const std::string& right) override;
  fixer::Status Revoke(const fixer::Sid& sid, const std::string& right) override;

 private:
  ChangeFlag& changes_;
};

class Win32Secrets : public fixer::Secrets {
 public:
  explicit Win32Secrets(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<fixer::Secret> Retrieve(const std::string& key) override;
  fixer::Status Store(const std::string& key, const fixer::Secret& value) override;

 private:
  ChangeFlag& changes_;
};

class Win32Profiles : public fixer::Profiles {
 public:
  explicit Win32Profiles(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::optional<fixer::ProfileInfo>> Find(const fixer::Sid& sid) override;
  fixer::Status Delete(const fixer::Sid& sid) override;
  fixer::Result<std::string> NewProfileFolder(const std::string& user, fixer::NewProfileOwner owner) override;
  fixer::Result<fixer::PathHolder> WhatIsAt(const std::string& path) override;
  fixer::Result<std::optional<fixer::ProfileListEntry>> ReadEntry(const fixer::Sid& sid) override;
  fixer::Status RemoveEntry(const fixer::Sid& sid) override;
  fixer::Status WriteEntry(const fixer::ProfileListEntry& entry) override;

 private:
  ChangeFlag& changes_;
};

class Win32Logon : public fixer::Logon {
 public:
  explicit Win32Logon(ChangeFlag& changes) : changes_(changes) {}
  fixer::Status RunWithProfile(const std::string& user, const fixer::Secret& password,
                               const std::string& command_line) override;
  fixer::Status CheckPassword(const std::string& user, const fixer::Secret& password) override;

 private:
  ChangeFlag& changes_;
};

class Win32Security : public fixer::Security {
 public:
  explicit Win32Security(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::vector<fixer::AceGrant>> FindAces(const fixer::Sid& sid) override;
  fixer::Status AddAce(const fixer::ObjectRef& object, const fixer::Ace& ace) override;
  fixer::Status AddAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) override;
  fixer::Result<fixer::ObjectSecurity> ReadSecurity(const fixer::ObjectRef& object) override;
  fixer::Status RemoveAces(const fixer::ObjectRef& object, std::span<const fixer::Ace> aces) override;
  // One read of each object's DACL, no scan of the disk and the registry as FindAces does.
  fixer::Result<std::vector<std::vector<fixer::Ace>>> FindAcesOn(const fixer::Sid& sid,
                                                                 std::span<const fixer::ObjectAces> on) override;
  fixer::Result<std::vector<fixer::SqlLogin>> LoginsFor(const fixer::Sid& sid) override;
  fixer::Result<std::vector<fixer::SqlDbUser>> DbUsersFor(const fixer::Sid& sid) override;
  fixer::Result<std::vector<fixer::SqlLogin>> LoginsNamed(const std::string& name) override;
  fixer::Result<std::vector<std::string>> Databases() override;
  fixer::Status CreateLogin(const fixer::SqlLogin& login) override;
  fixer::Status DropLogin(const std::string& name) override;
  fixer::Status CreateDbUser(const fixer::SqlDbUser& user) override;
  fixer::Status DropDbUser(const std::string& database, const std::string& name) override;

 private:
  ChangeFlag& changes_;
};

class Win32AspNet : public fixer::AspNet {
 public:
  explicit Win32AspNet(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::vector<fixer::FrameworkInfo>> Frameworks() override;
  fixer::Result<std::vector<fixer::ApplicationInfo>> Applications() override;
  fixer::Result<std::string> ResolveRegistryCredential(const std::string& reference) override;
  fixer::Status Register(const std::string& version) override;
  fixer::Status SetScriptMap(const std::string& path, const std::string& version) override;

 private:
  // Runs that version's aspnet_regiis.exe with `arguments` and answers its exit code as an error.
  fixer::Status RunRegiis(const std::string& version, const std::wstring& arguments);
  ChangeFlag& changes_;
};

class Win32Services : public fixer::ServiceControl {
 public:
  explicit Win32Services(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<fixer::ServiceInfo> Query(const std::string& name) override;
  fixer::Result<std::vector<fixer::ServiceInfo>> List() override;
  fixer::Result<std::vector<std::string>> ActiveDependents(const std::string& name) override;
  fixer::Status Stop(const std::string& name) override;
  fixer::Status Start(const std::string& name) override;
  fixer::Status Pause(const std::string& name) override;
  fixer::Status SetLogonPassword(const std::string& name, const fixer::Secret& password) override;

 private:
  ChangeFlag& changes_;
};

class Win32Inventory : public fixer::Inventory {
 public:
  fixer::Result<fixer::OsInfo> Os() override;
  fixer::Result<fixer::WebServerInfo> WebServer() override;
  fixer::Result<std::vector<std::string>> Hotfixes() override;
  fixer::Result<fixer::CallerInfo> Caller() override;
  fixer::Result<std::string> ConsoleUser() override;  // console_user_win32.cpp
  fixer::Result<std::string> AppPoolOf(const std::string& application) override;
  fixer::Result<std::string> AppPoolIdentity(const std::string& pool) override;
  fixer::Result<fixer::Sid> MachineSid() override;  // machine_sid_win32.cpp
};

class Win32PasswordPolicy : public fixer::PasswordPolicy {
 public:
  fixer::Result<fixer::PasswordPolicyInfo> Get() override;
  fixer::Status Check(const std::string& account, const fixer::Secret& password) override;
  fixer::Result<bool> LimitsBlankPasswordUse() override;
};

class Win32Journal : public fixer::Journal {
 public:
  explicit Win32Journal(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::vector<fixer::JournalRecord>> Load() override;
  fixer::Status Append(fixer::JournalRecord record) override;
  fixer::Status Clear() override;

 private:
  ChangeFlag& changes_;
};

class Win32EventLog : public fixer::EventLog {
 public:
  explicit Win32EventLog(ChangeFlag& changes) : changes_(changes) {}
  fixer::Result<std::vector<fixer::EventRecord>> Read(const std::string& log) override;
  fixer::Status Write(const fixer::EventRecord& record) override;

 private:
  ChangeFlag& changes_;
};

class Win32Random : public fixer::Random {
 public:
  Win32Random();
  ~Win32Random() override;
  uint64_t Next() override;

 private:
  HCRYPTPROV provider_ = 0;
  DWORD acquire_error_ = ERROR_SUCCESS;
};

class Win32WebProbe : public fixer::WebProbe {
 public:
  // `events`: where a failed request's ASP.NET error entry is read back from.
  explicit Win32WebProbe(fixer::EventLog& events) : events_(events) {}
  fixer::Result<fixer::HttpResponse> Get(const std::string& application_path) override;

 private:
  fixer::EventLog& events_;
};

}  // namespace win32
