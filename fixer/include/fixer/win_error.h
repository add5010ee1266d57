// Windows error numbers the fixer and the fake machine use, and the text Windows prints for each.
//
// Win32 codes (winerror.h) and NET codes (lmerr.h, 2100..2999; net.exe messages 3500..) share
// one number space in practice, as `net helpmsg N` shows. Texts are the English XP wording.
//
//   fixer::Status st = fixer::Status::Win(1326);
//   if (st.code() == fixer::kErrorLogonFailure) logger->warn("{}", st);
//   std::string_view text = fixer::WinErrorText(2245);  // "The password does not meet the password policy ..."
//   uint32_t full = fixer::WinErrorOfErrno(ENOSPC);     // 112: "There is not enough space on the disk."
//   std::string why = fixer::ErrnoReason(ENOSPC, fixer::ReasonWords::kWindows);  // "112: There is not enough ..."
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fixer {

inline constexpr uint32_t kErrorSuccess = 0;
inline constexpr uint32_t kErrorFileNotFound = 2;
inline constexpr uint32_t kErrorPathNotFound = 3;
inline constexpr uint32_t kErrorTooManyOpenFiles = 4;  // EMFILE, ENFILE
inline constexpr uint32_t kErrorAccessDenied = 5;
inline constexpr uint32_t kErrorInvalidHandle = 6;  // EBADF: a write to a handle that is not open
inline constexpr uint32_t kErrorNotEnoughMemory = 8;
inline constexpr uint32_t kErrorInvalidData = 13;
inline constexpr uint32_t kErrorSharingViolation = 32;
inline constexpr uint32_t kErrorLockViolation = 33;  // ReadFile over a range another handle locked
inline constexpr uint32_t kErrorInvalidParameter = 87;
inline constexpr uint32_t kErrorNotSupported = 50;
inline constexpr uint32_t kErrorInvalidName = 123;  // a file name Win32 refuses (< > : " | ? *)
inline constexpr uint32_t kErrorDiskFull = 112;
inline constexpr uint32_t kErrorDirNotEmpty = 145;  // ENOTEMPTY
inline constexpr uint32_t kErrorBusy = 170;         // EBUSY
inline constexpr uint32_t kErrorAlreadyExists = 183;
inline constexpr uint32_t kErrorFilenameExcedRange = 206;  // a name too long (ENAMETOOLONG)
inline constexpr uint32_t kErrorFileTooLarge = 223;        // a write past the file-size limit (EFBIG)
inline constexpr uint32_t kErrorNoData = 232;              // ERROR_NO_DATA: a write to a pipe its reader closed
inline constexpr uint32_t kErrorDependentServicesRunning = 1051;
inline constexpr uint32_t kErrorInvalidServiceControl = 1052;  // a control the service does not accept
inline constexpr uint32_t kErrorServiceRequestTimeout = 1053;
inline constexpr uint32_t kErrorServiceAlreadyRunning = 1056;
inline constexpr uint32_t kErrorServiceDisabled = 1058;
inline constexpr uint32_t kErrorServiceDoesNotExist = 1060;
inline constexpr uint32_t kErrorServiceCannotAcceptCtrl = 1061;
inline constexpr uint32_t kErrorServiceNotActive = 1062;
inline constexpr uint32_t kErrorCircularDependency = 1059;
inline constexpr uint32_t kErrorServiceDependencyFail = 1068;
inline constexpr uint32_t kErrorServiceLogonFailed = 1069;
inline constexpr uint32_t kErrorServiceDependencyDeleted = 1075;
inline constexpr uint32_t kErrorShutdownInProgress = 1115;
// WSAECONNREFUSED: a connection to a port nothing listens on (Windows Sockets Error Codes).
inline constexpr uint32_t kWsaConnectionRefused = 10061;
inline constexpr uint32_t kErrorNoSuchPrivilege = 1313;
inline constexpr uint32_t kErrorPrivilegeNotHeld = 1314;
inline constexpr uint32_t kErrorLogonFailure = 1326;
inline constexpr uint32_t kErrorAccountRestriction = 1327;
inline constexpr uint32_t kErrorInvalidLogonHours = 1328;   // outside the account's logon hours
inline constexpr uint32_t kErrorInvalidWorkstation = 1329;  // not allowed on this computer
inline constexpr uint32_t kErrorPasswordExpired = 1330;
inline constexpr uint32_t kErrorAccountDisabled = 1331;
inline constexpr uint32_t kErrorNoneMapped = 1332;
inline constexpr uint32_t kErrorInvalidSid = 1337;
inline constexpr uint32_t kErrorSpecialAccount = 1371;  // deleting a built-in account (RID below 1000)
inline constexpr uint32_t kErrorNoSuchAlias = 1376;
inline constexpr uint32_t kErrorMemberNotInAlias = 1377;
inline constexpr uint32_t kErrorMemberInAlias = 1378;
inline constexpr uint32_t kErrorAliasExists = 1379;  // a new account named like a local group
inline constexpr uint32_t kErrorLogonTypeNotGranted = 1385;
inline constexpr uint32_t kErrorNoSuchMember = 1387;   // NetLocalGroupAddMembers: no such account
inline constexpr uint32_t kErrorInvalidMember = 1388;  // NetLocalGroupAddMembers: a local group
inline constexpr uint32_t kErrorNoSystemResources = 1450;
inline constexpr uint32_t kErrorLogFileFull = 1502;                 // ReportEvent: the event log is full
inline constexpr uint32_t kRpcServerUnavailable = 1722;             // the Event Log service is not running
inline constexpr uint32_t kErrorInstallFailure = 1603;              // an installer's launch condition failed
inline constexpr uint32_t kErrorInstallPlatformUnsupported = 1633;  // a package for another processor
inline constexpr uint32_t kErrorPasswordMustChange = 1907;          // "must change password at next logon"
inline constexpr uint32_t kErrorAccountLockedOut = 1909;
inline constexpr uint32_t kErrorCantAccessFile = 1920;
inline constexpr uint32_t kErrorCantResolveFilename = 1921;   // symbolic links that loop (ELOOP)
inline constexpr uint32_t kNerrServiceAlreadyStarted = 2182;  // net.exe: already started
inline constexpr uint32_t kNerrServiceNotInstalled = 2184;    // NetServiceControl: not started (1062)
inline constexpr uint32_t kNerrBadServiceName = 2185;         // net.exe: unknown service name
inline constexpr uint32_t kNerrServiceNotCtrl = 2189;         // NetServiceControl: pending (1061)
inline constexpr uint32_t kNerrServiceCtlNotValid = 2191;     // NetServiceControl: control not taken (1052)
inline constexpr uint32_t kNerrBadUsername = 2202;
inline constexpr uint32_t kNerrBadPassword = 2203;
inline constexpr uint32_t kNerrUserNotFound = 2221;
inline constexpr uint32_t kNerrGroupNotFound = 2220;
inline constexpr uint32_t kNerrGroupExists = 2223;
inline constexpr uint32_t kNerrUserExists = 2224;
inline constexpr uint32_t kNerrPasswordTooShort = 2245;  // any password-policy failure
inline constexpr uint32_t kNerrLastAdmin = 2452;
// ERROR_DS_NO_MORE_RIDS: creating an account or group when the SAM has no RID left to give.
inline constexpr uint32_t kErrorNoMoreRids = 8209;
inline constexpr uint32_t kErrorBadCommand = 9009;  // cmd.exe: not recognized as a command
// SQL Server 2000 (sp_grantlogin / sp_grantdbaccess).
inline constexpr uint32_t kSqlWindowsUserNotFound = 15401;
inline constexpr uint32_t kSqlLoginExists = 15025;
inline constexpr uint32_t kSqlUserExists = 15023;
// SQL Server 2000: a database sysdatabases does not hold (its text is choice-sql-session-state).
inline constexpr uint32_t kErrorSqlDatabaseNotFound = 911;

// The XP English message for `code`, or "Unknown error N." style text when not in the table.
std::string_view WinErrorText(uint32_t code);
// Whether WinErrorText has Windows' own text for `code` (not its "cannot find message text").
bool HasWinErrorText(uint32_t code);

// The Windows error a file call that failed with the C library's `err` (errno) gives: 3 path
// not found, 4 too many open files (EMFILE, ENFILE), 5 access denied, 87 invalid parameter
// (EINVAL), 112 disk full (ENOSPC, EDQUOT), 8 out of memory, 145 folder not empty (ENOTEMPTY),
// 170 busy (EBUSY), 183 already exists, 206 name too long (ENAMETOOLONG), 223 file too large
// (EFBIG), 232 a pipe its reader closed (EPIPE), 1921 links that loop (ELOOP), 1920 anything
// else. For a tool that says its errors in Windows' words (aspnet-fixer: the state file, --out,
// standard output).
uint32_t WinErrorOfErrno(int err);

// The words a tool says a failed file call in: the C library's (fixup-sim: "No space left on
// device") or Windows' error and text (aspnet-fixer: "112: There is not enough space on the disk.").
enum class ReasonWords {
  kSystem,   // strerror's
  kWindows,  // the Windows error of WinErrorOfErrno, as fixer::Status::ToString says it
};

// Why a file call that failed with `err` (errno) failed, in `words`; in Windows' words, 1920
// (no closer Windows error) is followed by the C library's reason: "1920: The file cannot be
// accessed by the system. (Input/output error)".
std::string ErrnoReason(int err, ReasonWords words);

}  // namespace fixer
