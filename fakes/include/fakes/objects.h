// ObjectStore: securable objects (files and folders, registry keys, metabase nodes) with an
// owner and an ordered DACL, on a fake machine.
//
// Paths compare case-insensitively. ACEs store SIDs, so deleting an account leaves its ACEs in
// place; tools show them by name while the SID resolves, and as the bare SID string after.
// AddAce keeps canonical order (explicit deny, explicit allow, then inherited). Access checks
// walk the DACL: the first deny ACE matching a token SID and a requested bit refuses it.
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\app)"};
//   fakes::ObjectStore objs(machine);
//   fixer::Status st = objs.Create(ref.ns, ref.path, true, fixer::Sid::Administrators(),
//                                  {{fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileGenericRead, 3}});
//   st = objs.AddAce(ref, {fixer::AceType::kAllow, aspnet_sid, fixer::kFileModify, 0});
#pragma once

#include <span>
#include <string>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/security.h"

namespace fakes {

class ObjectStore {
 public:
  explicit ObjectStore(Machine& machine) : m_(machine) {}

  // "file.create" / "registry.create" / "metabase.create"; 183 if it exists.
  fixer::Status Create(fixer::ObjectNamespace ns, const std::string& path, bool container, const fixer::Sid& owner,
                       std::vector<fixer::Ace> dacl);
  // "<ns>.delete"; 2 if absent.
  fixer::Status Erase(const fixer::ObjectRef& ref);
  bool Exists(const fixer::ObjectRef& ref) const;
  const SecurableObject* Find(const fixer::ObjectRef& ref) const;

  // "acl.add_ace" / "acl.remove_ace". Missing object: 2 for files and keys, 3 for a path.
  fixer::Status AddAce(const fixer::ObjectRef& ref, const fixer::Ace& ace);
  // "acl.set_dacl", once for all of `aces` (those already present are skipped; none new: no
  // mutation), as SetEntriesInAcl + SetNamedSecurityInfo write one object's DACL.
  fixer::Status AddAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces);
  // AddAces on each of `objects` in order, as fixer::Security::AddAcesEach: each object is tried
  // first as the one after the last found (objects from an earlier walk come in the map's order).
  void AddAcesEach(std::span<const fixer::ObjectAces> objects, fixer::AceWrites& writes);
  fixer::Status RemoveAce(const fixer::ObjectRef& ref, const fixer::Ace& ace);
  // Every explicit ACE equal to one of `aces` off the DACL in one mutation ("acl.set_dacl", as
  // AddAces); none held: no mutation.
  fixer::Status RemoveAces(const fixer::ObjectRef& ref, std::span<const fixer::Ace> aces);
  // "registry.set_value".
  fixer::Status SetValue(const fixer::ObjectRef& ref, const std::string& name, const std::string& data);

  // Every explicit ACE naming `sid`, ordered by namespace, path (case folded), then DACL
  // position; FindAcesByObject gives the same grouped by object.
  std::vector<fixer::AceGrant> FindAces(const fixer::Sid& sid) const;
  std::vector<fixer::ObjectAces> FindAcesByObject(const fixer::Sid& sid) const;
  // The explicit ACEs naming `sid` on each object of `on`, one list per object in that order
  // (empty where none, or where the object is gone): a lookup per object, no walk of them all.
  std::vector<std::vector<fixer::Ace>> FindAcesOn(const fixer::Sid& sid, std::span<const fixer::ObjectAces> on) const;
  // The owner and whole DACL; 2 / 3 if the object does not exist (as AddAce).
  fixer::Result<fixer::ObjectSecurity> ReadSecurity(const fixer::ObjectRef& ref) const;
  // Would a token with these SIDs get every bit of `mask`? (fixer::CheckAccess; false if missing)
  bool AccessAllowed(const fixer::ObjectRef& ref, const std::vector<fixer::Sid>& token, uint32_t mask) const;
  // The DACL as cacls prints it, one line per ACE: "XPPRO\ASPNET:(OI)(CI)C" or
  // "S-1-5-21-...-1004:R" for an orphaned SID.
  std::vector<std::string> DescribeDacl(const fixer::ObjectRef& ref) const;

 private:
  // AddAces on `seen`, the object `ref` names as the objects read now (end() when it names
  // none): AddAces and AddAcesEach. A write that copies the objects' index moves `seen` to it.
  fixer::Status AddAcesTo(ObjectMap::const_iterator& seen, const fixer::ObjectRef& ref,
                          std::span<const fixer::Ace> aces);
  // The object `ref` names (it must exist), to change: only after the Mutate() announcing the
  // change, which may keep the machine as found, sharing the objects (object_map.h).
  SecurableObject& WritableAt(const fixer::ObjectRef& ref);

  Machine& m_;
};

}  // namespace fakes
