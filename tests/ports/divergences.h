// The divergence list (like Wine's todo_wine): where a backend is known to differ from what
// Windows does, the contract test still runs and prints its result, and counts as an expected
// failure; a listed test that passes fails, so an entry goes when the backend is fixed. The
// expectation in the test is never changed to fit a backend.
//
//   const ports_contract::Divergence* d = ports_contract::FindDivergence("win32", "Accounts.CreateLookupDelete");
//   bool expected_to_fail = d != nullptr;
#pragma once

#include <string_view>

namespace ports_contract {

struct Divergence {
  std::string_view backend;  // "fake", "win32" (under wine64 in CI)
  std::string_view test;     // "Suite.Name" of the contract test
  std::string_view windows;  // what Windows does, and the source
  std::string_view instead;  // what this backend does instead
};

// "win32" entries: port_contract_tests.exe under Debian 12's Wine 8.0 (scripts/test-windows.sh),
// a fresh 64-bit prefix set to Windows XP. docs/windows.md, "What was verified where".
inline constexpr std::string_view kWineNetUserAdd =
    "NetUserAdd of a new user by an administrator succeeds (Wine dlls/netapi32/tests/access.c, "
    "run_userhandling_tests)";
inline constexpr std::string_view kWineNetUserAddInstead =
    "NetUserAdd answers 2140 NERR_InternalError (Wine keeps no SAM without Samba's libnetapi), so "
    "no test user can be created";

inline constexpr std::string_view kWineSetDacl =
    "SetNamedSecurityInfo replaces a file's or folder's DACL and GetNamedSecurityInfo reads that DACL back "
    "(learn.microsoft.com, SetNamedSecurityInfoW and GetNamedSecurityInfoW)";
inline constexpr std::string_view kWineSetDaclInstead =
    "SetNamedSecurityInfo succeeds but stores nothing (no user.wine.sd extended attribute is written): "
    "GetNamedSecurityInfo reads back the DACL Wine derives from the Unix mode (SYSTEM, the user, Everyone), "
    "with no ACE naming the SID; a missing file is still 2";

inline constexpr Divergence kDivergences[] = {
    {"win32", "Accounts.NamesAreCaseInsensitive",
     "NetUserGetInfo always works for the current user (Wine dlls/netapi32/tests/access.c, run_usergetinfo_tests); "
     "SAM names compare case-insensitively",
     "the current user read in its own spelling answers 2140 NERR_InternalError, in another spelling 2221"},
    {"win32", "Accounts.TheBuiltInGuestNeedsNoPasswordAndAdministratorDoes",
     "NetUserGetInfo reads the built-in Guest (RID 501, UF_PASSWD_NOTREQD in usri4_flags) and Administrator "
     "(learn.microsoft.com, USER_INFO_4; Wine dlls/netapi32/tests/access.c, run_usergetinfo_tests)",
     "Lookup of Guest and of Administrator answers 2221 NERR_UserNotFound: Wine's NetUserGetInfo knows the "
     "current user only"},
    {"win32", "Policy.ReadsThePasswordPolicy",
     "NetUserModalsGet of the local machine succeeds (Wine dlls/netapi32/tests/access.c, "
     "run_usermodalsget_tests, at level 2)",
     "the levels the backend reads (0, 3) answer 2140 NERR_InternalError"},
    {"win32", "Policy.LengthIsCountedInUtf16UnitsNotBytes",
     "NetUserModalsGet of the local machine succeeds (Wine dlls/netapi32/tests/access.c, "
     "run_usermodalsget_tests, at level 2), so Check gets past reading the minimum length",
     "the levels the backend reads (0, 3) answer 2140 NERR_InternalError"},
    {"win32", "MutatingJournal.AFailedReadIsAnErrorAndLosesNoRecord",
     "ReadFile fails where another handle holds a lock on the range it reads (learn.microsoft.com, ReadFile, "
     "Remarks; LockFileEx: a second handle of the locking process cannot access the locked region either)",
     "ReadFile reads through a LockFile lock another handle of the process holds: Load reads both records, so "
     "the backend's handling of a failed read is not reached"},
    {"win32", "MutatingAccounts.CreateLookupDelete", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.ASidIsNeverReused", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.ANameTakenIsRefusedByWhatHoldsIt",
     "NetUserAdd of a local group's name answers 1379 ERROR_ALIAS_EXISTS, of a well-known principal's 2224 "
     "NERR_UserExists (Samba's can_create, ReactOS netapi32 NetpNtStatusToApiStatus; "
     "docs/windows-reference.md#account-names-taken)",
     kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.GroupMembershipErrors", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.RemoveFromGroupTakesANewAccountOutOfUsers", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.FlagsReadBackAndUnknownUserIs2221", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.RequirePasswordChangeIsReadBackAndAPasswordSetClearsIt", kWineNetUserAdd,
     kWineNetUserAddInstead},
    {"win32", "MutatingRights.GrantRevokeEnumerate", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingRights.RightNamesAreCaseInsensitive", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingDelete.LeavesAcesAndProfileNamingTheBareSid", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingDelete.AProfileEntryRemovedIsWrittenBackValueForValue", kWineNetUserAdd, kWineNetUserAddInstead},
    {"win32", "MutatingAccounts.CheckPasswordIsABatchLogonAndNameOfNamesTheUser", kWineNetUserAdd,
     kWineNetUserAddInstead},
    {"win32", "MutatingSecrets.StoreThenRetrieveRoundTrips",
     "LsaStorePrivateData creates or replaces the named secret, LsaRetrievePrivateData reads it back "
     "(Microsoft docs, LsaStorePrivateData)",
     "LsaStorePrivateData answers STATUS_OBJECT_NAME_NOT_FOUND (2) and stores nothing"},
    {"win32", "MutatingSecurity.AcesAddedToAFolderAreReadBackFromItInCanonicalOrder", kWineSetDacl,
     kWineSetDaclInstead},
    {"win32", "MutatingSecurity.AcesAddedToAFileAreReadBackFromItInCanonicalOrder", kWineSetDacl, kWineSetDaclInstead},
    {"win32", "MutatingSecurity.AcesOfOneSidAreKeptApartNotMerged", kWineSetDacl, kWineSetDaclInstead},
    {"win32", "MutatingSecurity.RemoveAcesTakesOffExactlyTheAcesNamed", kWineSetDacl, kWineSetDaclInstead},
};

inline const Divergence* FindDivergence(std::string_view backend, std::string_view test) {
  for (const Divergence& d : kDivergences) {
    if (d.backend == backend && d.test == test) return &d;
  }
  return nullptr;
}

}  // namespace ports_contract
