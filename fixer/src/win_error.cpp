#include "fixer/win_error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "fixer/result.h"

namespace fixer {
namespace {

// English XP texts. Sources: winerror.h / lmerr.h message tables as printed by
// `net helpmsg N` (ReactOS netmsg.mc, Q186555), docs/windows-reference.md#net-commands and #logon-order;
// Microsoft Learn's "System Error Codes" pages ([error-texts] in docs/windows-reference.md#sources). Every error the
// fake or the Win32 backend gives has its text here (tests/fixer/win_error_test.cpp lists them).
constexpr std::pair<uint32_t, std::string_view> kTexts[] = {
    {0, "The operation completed successfully."},
    {2, "The system cannot find the file specified."},
    {3, "The system cannot find the path specified."},
    {4, "The system cannot open the file."},
    {5, "Access is denied."},
    {6, "The handle is invalid."},
    {8, "Not enough storage is available to process this command."},
    {13, "The data is invalid."},
    {32, "The process cannot access the file because it is being used by another process."},
    {50, "The request is not supported."},
    {87, "The parameter is incorrect."},
    {112, "There is not enough space on the disk."},
    {120, "This function is not supported on this system."},
    {123, "The filename, directory name, or volume label syntax is incorrect."},
    {145, "The directory is not empty."},
    {170, "The requested resource is in use."},
    {183, "Cannot create a file when that file already exists."},
    {206, "The filename or extension is too long."},
    {223, "The file size exceeds the limit allowed and cannot be saved."},
    {232, "The pipe is being closed."},
    {1051, "A stop control has been sent to a service that other running services are dependent on."},
    {1052, "The requested control is not valid for this service."},
    {1053, "The service did not respond to the start or control request in a timely fashion."},
    {1056, "An instance of the service is already running."},
    {1058,
     "The service cannot be started, either because it is disabled or because it has no enabled devices associated "
     "with it."},
    {1059, "Circular service dependency was specified."},
    {1060, "The specified service does not exist as an installed service."},
    {1061, "The service cannot accept control messages at this time."},
    {1062, "The service has not been started."},
    {1067, "The process terminated unexpectedly."},
    {1068, "The dependency service or group failed to start."},
    {1069, "The service did not start due to a logon failure."},
    {1075, "The dependency service does not exist or has been marked for deletion."},
    {1115, "A system shutdown is in progress."},
    {1313, "A specified privilege does not exist."},
    {1315, "The name provided is not a properly formed account name."},
    {1316, "The specified user already exists."},
    {1317, "The specified user does not exist."},
    {1314, "A required privilege is not held by the client."},
    {1326, "Logon failure: unknown user name or bad password."},
    {1327,
     "Logon failure: user account restriction.  Possible reasons are blank passwords not allowed, logon hour "
     "restrictions, or a policy restriction has been enforced."},
    {1330, "Logon failure: the specified account password has expired."},
    {1328, "Logon failure: account logon time restriction violation."},
    {1329, "Logon failure: user not allowed to log on to this computer."},
    {1331, "Logon failure: account currently disabled."},
    {1332, "No mapping between account names and security IDs was done."},
    {1337, "The security ID structure is invalid."},
    {1371, "Cannot perform this operation on built-in accounts."},
    {1376, "The specified local group does not exist."},
    {1377, "The specified account name is not a member of the local group."},
    {1378, "The specified account name is already a member of the local group."},
    {1385, "Logon failure: the user has not been granted the requested logon type at this computer."},
    {1387, "A member could not be added to or removed from the local group because the member does not exist."},
    {1379, "The specified local group already exists."},
    {1388, "A new member could not be added to a local group because the member has the wrong account type."},
    {1450, "Insufficient system resources exist to complete the requested service."},
    {1603, "Fatal error during installation."},
    {1633, "This installation package is not supported by this processor type. Contact your product vendor."},
    {1907, "The user's password must be changed before logging on the first time."},
    {1909, "The referenced account is currently locked out and may not be logged on to."},
    {1920, "The file cannot be accessed by the system."},
    {1921, "The name of the file cannot be resolved by the system."},
    {2140, "An internal error occurred."},
    {2182, "The requested service has already been started."},
    {2184, "The service has not been started."},
    {2185, "The service name is invalid."},
    {2189, "The service could not be controlled in its present state."},
    {2191, "The requested pause, continue, or stop is not valid for this service."},
    {2202, "The user name or group name parameter is invalid."},
    {2203, "The password parameter is invalid."},
    {2220, "The group name could not be found."},
    {2221, "The user name could not be found."},
    {2223, "The group already exists."},
    {2224, "The account already exists."},
    {2245,
     "The password does not meet the password policy requirements. Check the minimum password length, password "
     "complexity and password history requirements."},
    {2452, "This operation is not allowed on the last administrative account."},
    {8209, "The directory service has exhausted the pool of relative identifiers."},  // ERROR_DS_NO_MORE_RIDS
    {9009, "is not recognized as an internal or external command,\noperable program or batch file."},
    {10061, "No connection could be made because the target machine actively refused it."},
    {911,
     "Could not locate entry in sysdatabases for database. No entry found with that name. Make sure that the "
     "name is entered correctly."},
    {15023, "User or role already exists in the current database."},
    {15025, "The server principal already exists."},
    {15401, "Windows NT user or group not found. Check the name again."},
    {14, "Not enough storage is available to complete this operation."},
    {18, "There are no more files."},
    {21, "The device is not ready."},
    {33, "The process cannot access the file because another process has locked a portion of the file."},
    {38, "Reached the end of the file."},
    {122, "The data area passed to a system call is too small."},
    {234, "More data is available."},
    {259, "No more data is available."},
    {1066, "The service has returned a service-specific error code."},
    {1072, "The specified service has been marked for deletion."},
    {1117, "The request could not be performed because of an I/O device error."},
    {1300, "Not all privileges or groups referenced are assigned to the caller."},
    {1455, "The paging file is too small for this operation to complete."},
    {1460, "This operation returned because the timeout period expired."},
    {1500, "The event log file is corrupted."},
    {1501, "No event log file could be opened, so the event logging service did not start."},
    {1502, "The event log file is full."},
    {1503, "The event log file has changed between read operations."},
    {1722, "The RPC server is unavailable."},
    {1789, "The trust relationship between this workstation and the primary domain failed."},
    {2226, "This operation is only allowed on the primary domain controller of the domain."},
};

}  // namespace

bool HasWinErrorText(uint32_t code) {
  return std::any_of(std::begin(kTexts), std::end(kTexts), [code](const auto& e) { return e.first == code; });
}

std::string_view WinErrorText(uint32_t code) {
  auto it = std::find_if(std::begin(kTexts), std::end(kTexts), [code](const auto& e) { return e.first == code; });
  if (it != std::end(kTexts)) return it->second;
  return "The system cannot find message text for this message number.";  // FormatMessage's 317
}

uint32_t WinErrorOfErrno(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: return kErrorPathNotFound;
    case EACCES:
    case EPERM:
    case EROFS:
    case EISDIR: return kErrorAccessDenied;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return kErrorDiskFull;
    case ENOMEM: return kErrorNotEnoughMemory;
    case EEXIST: return kErrorAlreadyExists;
    case EPIPE: return kErrorNoData;  // a write to a pipe whose reader closed it
    case EFBIG: return kErrorFileTooLarge;
    // Symbolic links that loop: Windows stops at a path's 63rd reparse point (31 on XP) with
    // STATUS_REPARSE_POINT_NOT_RESOLVED, which is 1921 (docs/windows-reference.md#file-errors).
    case ELOOP: return kErrorCantResolveFilename;
    // As Wine's errno_to_status and RtlNtStatusToDosError take them (docs/windows-reference.md#file-errors):
    case ENAMETOOLONG: return kErrorFilenameExcedRange;  // STATUS_NAME_TOO_LONG
    case EMFILE:
    case ENFILE: return kErrorTooManyOpenFiles;  // STATUS_TOO_MANY_OPENED_FILES
    case ENOTEMPTY: return kErrorDirNotEmpty;    // STATUS_DIRECTORY_NOT_EMPTY
    case EBUSY: return kErrorBusy;               // STATUS_DEVICE_BUSY
    case EINVAL: return kErrorInvalidParameter;  // STATUS_INVALID_PARAMETER
    case EBADF: return kErrorInvalidHandle;      // STATUS_INVALID_HANDLE: a closed standard output
    default: return kErrorCantAccessFile;
  }
}

std::string ErrnoReason(int err, ReasonWords words) {
  if (words == ReasonWords::kSystem) return std::strerror(err);
  const uint32_t code = WinErrorOfErrno(err);
  // 1920 is the tool's word for an error Windows has no closer one for: the C library's reason
  // follows it, as for a file that is not a regular one (fakes::ReadErrorText).
  if (code == kErrorCantAccessFile) return Status::Win(code).ToString() + " (" + std::strerror(err) + ")";
  return Status::Win(code).ToString();
}

}  // namespace fixer
