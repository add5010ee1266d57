// Security: ACEs on securable objects (files, registry keys, metabase nodes) and SQL Server
// logins and database users, found and changed by the SID they name.
//
// Real backend: GetNamedSecurityInfo / SetEntriesInAcl / SetNamedSecurityInfo for objects; for
// SQL Server 2000, sp_grantlogin / sp_revokelogin / sp_grantdbaccess / sp_revokedbaccess.
// ACEs and Windows logins store SIDs, so after an account is deleted they name a SID that
// resolves to nothing (shown as the bare SID string).
//
//   fixer::Sid old_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::Sid new_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1005");
//   for (const fixer::AceGrant& g : *security.FindAces(old_sid)) {
//     fixer::Status st = security.AddAce(g.object, {g.ace.type, new_sid, g.ace.mask, g.ace.flags});
//   }
//   auto by_object = security.FindAcesByObject(old_sid);
//   for (auto& o : *by_object) security.AddAces(o.object, o.aces);
//   auto held = security.FindAcesOn(new_sid, *by_object);  // (*held)[i]: what (*by_object)[i] holds now
//   fixer::ObjectSecurity sd = *security.ReadSecurity(by_object->front().object);  // owner, whole DACL
//   auto named = security.LoginsNamed("XPPRO\\ASPNET");  // a login an earlier recreate orphaned keeps the old SID
//   auto databases = security.Databases();  // {"master", ..., "ASPState"}, or 1060: no SQL Server
//   // security.AddAcesEach(*by_object, writes): the same AddAces calls, a fixer::AceWrites choosing each one's ACEs
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fixer/result.h"
#include "fixer/shared_list.h"
#include "fixer/sid.h"

namespace fixer {

enum class ObjectNamespace { kFile, kRegistry, kMetabase };
// Every namespace, in the enum's order.
inline constexpr std::array kObjectNamespaces = {ObjectNamespace::kFile, ObjectNamespace::kRegistry,
                                                 ObjectNamespace::kMetabase};
std::string_view ToString(ObjectNamespace ns);  // "file", "registry", "metabase"

struct ObjectRef {
  ObjectNamespace ns = ObjectNamespace::kFile;
  std::string path;  // "C:\Inetpub\wwwroot\app", "HKLM\SOFTWARE\Contoso", "/LM/W3SVC/1/ROOT"
  friend auto operator<=>(const ObjectRef&, const ObjectRef&) = default;
};

enum class AceType { kAllow, kDeny };

// Access masks used by the model (winnt.h values).
inline constexpr uint32_t kFileGenericRead = 0x120089;
inline constexpr uint32_t kFileGenericWrite = 0x120116;
inline constexpr uint32_t kFileGenericExecute = 0x1200A0;
inline constexpr uint32_t kFileModify = 0x1301BF;
inline constexpr uint32_t kFileAllAccess = 0x1F01FF;
inline constexpr uint32_t kKeyRead = 0x20019;
inline constexpr uint32_t kKeyAllAccess = 0xF003F;
// ACE flags (winnt.h).
inline constexpr uint32_t kObjectInheritAce = 0x1;
inline constexpr uint32_t kContainerInheritAce = 0x2;
inline constexpr uint32_t kInheritOnlyAce = 0x8;
inline constexpr uint32_t kInheritedAce = 0x10;

struct Ace {
  AceType type = AceType::kAllow;
  Sid sid;
  uint32_t mask = 0;
  uint32_t flags = 0;
  friend bool operator==(const Ace&, const Ace&) = default;
};

// One explicit ACE that names a SID, and where it is.
struct AceGrant {
  ObjectRef object;
  Ace ace;
  friend bool operator==(const AceGrant&, const AceGrant&) = default;
};

// The explicit ACEs of one object that name a SID, in DACL order: what one
// GetNamedSecurityInfo reads and one SetNamedSecurityInfo writes back.
struct ObjectAces {
  ObjectRef object;
  std::vector<Ace> aces;
  friend bool operator==(const ObjectAces&, const ObjectAces&) = default;
};
// An object's owner and its whole DACL, inherited ACEs included, in order: what AccessCheck
// reads (GetNamedSecurityInfo with OWNER_ and DACL_SECURITY_INFORMATION).
struct ObjectSecurity {
  Sid owner;
  bool has_dacl = true;  // false: a NULL DACL, which grants everyone every access
  std::vector<Ace> dacl;
  friend bool operator==(const ObjectSecurity&, const ObjectSecurity&) = default;
};

// A FindAcesByObject answer kept by several readers (the diagnosis, the journal) as one list.
using SharedObjectAces = SharedList<ObjectAces>;
// How many ACEs all the objects hold.
inline size_t CountAces(std::span<const ObjectAces> objects) {
  size_t n = 0;
  for (const ObjectAces& o : objects) n += o.aces.size();
  return n;
}

struct SqlLogin {
  std::string name;  // "XPPRO\ASPNET"
  Sid sid;           // the Windows account's SID, fixed when the login was granted
  std::vector<std::string> server_roles;
  std::string default_database = "master";
  friend bool operator==(const SqlLogin&, const SqlLogin&) = default;
};

struct SqlDbUser {
  std::string database;
  std::string name;                // user name inside the database
  Sid login_sid;                   // the login it maps to
  std::vector<std::string> roles;  // db_datareader, ...
  friend bool operator==(const SqlDbUser&, const SqlDbUser&) = default;
};

// What Security::AddAcesEach asks about each object, in the objects' order.
class AceWrites {
 public:
  virtual ~AceWrites() = default;
  // The ACEs to add to object i, appended to `aces` (empty when called); none: nothing is written.
  virtual void AcesFor(size_t i, std::vector<Ace>& aces) = 0;
  // AddAces' answer for object i (OK when nothing was written), heard before the next object is
  // written. It must not change any object.
  virtual void Written(size_t i, const Status& st) = 0;
};

class Security {
 public:
  virtual ~Security() = default;

  // Every explicit (not inherited) ACE naming `sid`, in every namespace, in a stable order.
  virtual Result<std::vector<AceGrant>> FindAces(const Sid& sid) = 0;
  // 2 / 3 if the object does not exist. Deny ACEs go before allow ACEs (canonical order).
  virtual Status AddAce(const ObjectRef& object, const Ace& ace) = 0;

  // FindAces grouped by object, in the same order. The default groups FindAces' answer.
  virtual Result<std::vector<ObjectAces>> FindAcesByObject(const Sid& sid);
  // The explicit ACEs naming `sid` on each object of `on` (an earlier FindAcesByObject answer),
  // one list per object in the same order, empty where it holds none or is gone: one
  // GetNamedSecurityInfo per object, no walk of every object. The default filters
  // FindAcesByObject(sid).
  virtual Result<std::vector<std::vector<Ace>>> FindAcesOn(const Sid& sid, std::span<const ObjectAces> on);
  // Adds every ACE to one object's DACL in one change (SetEntriesInAcl, then one
  // SetNamedSecurityInfo), as AddAce would one by one; the default calls AddAce for each.
  virtual Status AddAces(const ObjectRef& object, std::span<const Ace> aces);
  // Takes each explicit ACE equal to one of `aces` (type, SID, mask and flags) off the object's
  // DACL in one change (one SetNamedSecurityInfo); an ACE it does not hold is no change, and none
  // held is no write. 2 / 3 if the object does not exist.
  virtual Status RemoveAces(const ObjectRef& object, std::span<const Ace> aces) = 0;
  // AddAces on each of `objects` (an earlier FindAcesByObject answer; only the objects count), in
  // order, each object's ACEs and answer through `writes`: exactly that loop of AddAces, one DACL
  // write per object. The default is the loop; a backend may find each object from the one before.
  virtual void AddAcesEach(std::span<const ObjectAces> objects, AceWrites& writes);

  // The object's owner and whole DACL (a metabase node's own AdminACL or the one it inherits).
  // 2 / 3 if the object does not exist.
  virtual Result<ObjectSecurity> ReadSecurity(const ObjectRef& object) = 0;

  // Windows logins whose stored SID is `sid`, and database users mapped to it.
  virtual Result<std::vector<SqlLogin>> LoginsFor(const Sid& sid) = 0;
  virtual Result<std::vector<SqlDbUser>> DbUsersFor(const Sid& sid) = 0;
  // Windows logins named `name` ("XPPRO\ASPNET", case-insensitive), whatever SID they store: a
  // login granted to an account since deleted keeps its name and the dead SID (the login a
  // recreate orphans). Empty when there is none or no SQL Server.
  virtual Result<std::vector<SqlLogin>> LoginsNamed(const std::string& name) = 0;
  // The names of the databases of the local default instance (master.dbo.sysdatabases), as
  // SQLServer session state needs ASPState there; 1060 when SQL Server (its service, MSSQLSERVER)
  // is not installed.
  virtual Result<std::vector<std::string>> Databases() = 0;
  // 15025 if a login of that name exists.
  virtual Status CreateLogin(const SqlLogin& login) = 0;
  virtual Status DropLogin(const std::string& name) = 0;
  // 15023 if the user exists in that database.
  virtual Status CreateDbUser(const SqlDbUser& user) = 0;
  virtual Status DropDbUser(const std::string& database, const std::string& name) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class SecurityWrapper : public Security {
 public:
  explicit SecurityWrapper(Security& target) : target_(target) {}
  Security& target() { return target_; }
  Result<std::vector<AceGrant>> FindAces(const Sid& sid) override { return target_.FindAces(sid); }
  Status AddAce(const ObjectRef& object, const Ace& ace) override { return target_.AddAce(object, ace); }
  Result<std::vector<ObjectAces>> FindAcesByObject(const Sid& sid) override { return target_.FindAcesByObject(sid); }
  Result<std::vector<std::vector<Ace>>> FindAcesOn(const Sid& sid, std::span<const ObjectAces> on) override {
    return target_.FindAcesOn(sid, on);
  }
  Status AddAces(const ObjectRef& object, std::span<const Ace> aces) override { return target_.AddAces(object, aces); }
  Status RemoveAces(const ObjectRef& object, std::span<const Ace> aces) override {
    return target_.RemoveAces(object, aces);
  }
  Result<ObjectSecurity> ReadSecurity(const ObjectRef& object) override { return target_.ReadSecurity(object); }
  // AddAcesEach is not forwarded: its default loop calls this wrapper's AddAces, which a test
  // double may override.
  Result<std::vector<SqlLogin>> LoginsFor(const Sid& sid) override { return target_.LoginsFor(sid); }
  Result<std::vector<SqlDbUser>> DbUsersFor(const Sid& sid) override { return target_.DbUsersFor(sid); }
  Result<std::vector<SqlLogin>> LoginsNamed(const std::string& name) override { return target_.LoginsNamed(name); }
  Result<std::vector<std::string>> Databases() override { return target_.Databases(); }
  Status CreateLogin(const SqlLogin& login) override { return target_.CreateLogin(login); }
  Status DropLogin(const std::string& name) override { return target_.DropLogin(name); }
  Status CreateDbUser(const SqlDbUser& user) override { return target_.CreateDbUser(user); }
  Status DropDbUser(const std::string& database, const std::string& name) override {
    return target_.DropDbUser(database, name);
  }

 private:
  Security& target_;
};

}  // namespace fixer
