// WinErrorText: the network (NERR_*) texts against net.exe's message table, netmsg.dll, as
// ReactOS's netmsg.mc has it (docs/windows-reference.md#net-commands, [ReactOS netmsg]).
#include "fixer/win_error.h"

#include <cerrno>

#include "fixer/ports/secrets.h"

#include <gtest/gtest.h>

namespace {

TEST(WinErrorText, NetworkTextsAreNetmsgs) {
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrBadUsername), "The user name or group name parameter is invalid.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrBadPassword), "The password parameter is invalid.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrGroupNotFound), "The group name could not be found.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrUserNotFound), "The user name could not be found.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrUserExists), "The account already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrPasswordTooShort),
            "The password does not meet the password policy requirements. Check the minimum password length, "
            "password complexity and password history requirements.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrLastAdmin),
            "This operation is not allowed on the last administrative account.");
}

// Every logon failure runas and LogonUser give (docs/windows-reference.md#logon-order), in XP's
// English wording ([winerror]): 1328 and 1329 too, which the model never causes (it keeps no logon
// hours or workstation list) but a program passing a Windows number through may print.
TEST(WinErrorText, EveryLogonFailureHasXpsText) {
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorLogonFailure), "Logon failure: unknown user name or bad password.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorInvalidLogonHours),
            "Logon failure: account logon time restriction violation.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorInvalidWorkstation),
            "Logon failure: user not allowed to log on to this computer.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorPasswordExpired),
            "Logon failure: the specified account password has expired.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorAccountDisabled), "Logon failure: account currently disabled.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorLogonTypeNotGranted),
            "Logon failure: the user has not been granted the requested logon type at this computer.");
}

// The account errors of winerror.h and lmerr.h beside the ones the fake gives: a program passing
// SAM's or NetUserAdd's number through prints Windows' words, never "cannot find message text".
TEST(WinErrorText, AccountErrorsHaveXpsText) {
  EXPECT_EQ(fixer::WinErrorText(1315), "The name provided is not a properly formed account name.");
  EXPECT_EQ(fixer::WinErrorText(1316), "The specified user already exists.");
  EXPECT_EQ(fixer::WinErrorText(1317), "The specified user does not exist.");
  EXPECT_EQ(fixer::WinErrorText(1379), "The specified local group already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrGroupExists), "The group already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorSpecialAccount), "Cannot perform this operation on built-in accounts.");
}

// A file call's errno in Windows' words: links that loop are a reparse point Windows cannot
// resolve, 1921 (Wine: ELOOP -> STATUS_REPARSE_POINT_NOT_RESOLVED -> ERROR_CANT_RESOLVE_FILENAME),
// and a write past the file-size limit is 223 ERROR_FILE_TOO_LARGE; neither is 1920's "cannot be
// accessed" (docs/windows-reference.md#file-errors).
TEST(WinErrorOfErrno, LinksThatLoopAndTooLargeAFileAreWindowsOwnErrors) {
  EXPECT_EQ(fixer::WinErrorOfErrno(ELOOP), 1921u);
  EXPECT_EQ(fixer::ErrnoReason(ELOOP, fixer::ReasonWords::kWindows),
            "1921: The name of the file cannot be resolved by the system.");
  EXPECT_EQ(fixer::WinErrorOfErrno(EFBIG), 223u);
  EXPECT_EQ(fixer::ErrnoReason(EFBIG, fixer::ReasonWords::kWindows),
            "223: The file size exceeds the limit allowed and cannot be saved.");
  EXPECT_EQ(fixer::WinErrorOfErrno(ENOSPC), 112u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EIO), 1920u);  // anything else
}

// A name too long is Windows' 206 (Wine: STATUS_NAME_TOO_LONG -> ERROR_FILENAME_EXCED_RANGE), and
// every errno Wine gives a Windows error of its own has it; none falls to 1920 without its reason.
TEST(WinErrorOfErrno, EveryErrnoWindowsHasAWordForIsThatWordAndTheRestSayWhy) {
  EXPECT_EQ(fixer::ErrnoReason(ENAMETOOLONG, fixer::ReasonWords::kWindows),
            "206: The filename or extension is too long.");
  EXPECT_EQ(fixer::WinErrorOfErrno(EMFILE), 4u);
  EXPECT_EQ(fixer::WinErrorOfErrno(ENFILE), 4u);
  EXPECT_EQ(fixer::WinErrorOfErrno(ENOTEMPTY), 145u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EBUSY), 170u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EINVAL), 87u);
  // A closed standard output (EBADF): Wine's STATUS_INVALID_HANDLE, WriteFile's 6 (audit 8 item 10).
  EXPECT_EQ(fixer::WinErrorOfErrno(EBADF), 6u);
  EXPECT_EQ(fixer::ErrnoReason(EBADF, fixer::ReasonWords::kWindows), "6: The handle is invalid.");
  for (const int err : {ENAMETOOLONG, EMFILE, ENOTEMPTY, EBUSY, EINVAL, EBADF})
    EXPECT_TRUE(fixer::HasWinErrorText(fixer::WinErrorOfErrno(err))) << err;
  EXPECT_EQ(fixer::ErrnoReason(EIO, fixer::ReasonWords::kWindows),
            "1920: The file cannot be accessed by the system. (Input/output error)");
  EXPECT_EQ(fixer::ErrnoReason(ENAMETOOLONG, fixer::ReasonWords::kSystem), "File name too long");
}

}  // namespace

// The worker's password is the LSA secret aspnet_WP_PASSWORD, not L$ASP.NETAutoGenKeys (the
// machineKey material): impacket's secretsdump and Metasploit's lsa_dump_secrets decode
// aspnet_WP_PASSWORD as "ASPNET: <password>" (docs/windows-reference.md#aspnet-secret). The Win32
// backend reads and the fake stores the secret by this name.
TEST(WindowsNames, TheWorkerPasswordSecretIsAspnetWpPassword) {
  EXPECT_EQ(fixer::kAspNetWorkerSecret, "aspnet_WP_PASSWORD");
}

// Every error the fake or the Win32 backend can give (the sweep's ErrorsFor, the Win32 calls'
// ERROR_* constants, audit 10's list) has Windows' own text, never "cannot find message text"
// (Microsoft Learn, "System Error Codes"; docs/windows-reference.md#error-texts).
TEST(WinErrorText, EveryErrorTheBackendsGiveHasWindowsText) {
  EXPECT_EQ(fixer::WinErrorText(14), "Not enough storage is available to complete this operation.");
  EXPECT_EQ(fixer::WinErrorText(21), "The device is not ready.");
  EXPECT_EQ(fixer::WinErrorText(33),
            "The process cannot access the file because another process has locked a portion of the file.");
  EXPECT_EQ(fixer::WinErrorText(1072), "The specified service has been marked for deletion.");
  EXPECT_EQ(fixer::WinErrorText(1117), "The request could not be performed because of an I/O device error.");
  EXPECT_EQ(fixer::WinErrorText(1300), "Not all privileges or groups referenced are assigned to the caller.");
  EXPECT_EQ(fixer::WinErrorText(1455), "The paging file is too small for this operation to complete.");
  EXPECT_EQ(fixer::WinErrorText(1500), "The event log file is corrupted.");
  EXPECT_EQ(fixer::WinErrorText(1501),
            "No event log file could be opened, so the event logging service did not start.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorLogFileFull), "The event log file is full.");
  EXPECT_EQ(fixer::WinErrorText(1503), "The event log file has changed between read operations.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kRpcServerUnavailable), "The RPC server is unavailable.");
  EXPECT_EQ(fixer::WinErrorText(1789),
            "The trust relationship between this workstation and the primary domain failed.");
  EXPECT_EQ(fixer::WinErrorText(2226),
            "This operation is only allowed on the primary domain controller of the domain.");
  // The Win32 backend's own: ERROR_NO_MORE_FILES, ERROR_HANDLE_EOF, ERROR_INSUFFICIENT_BUFFER,
  // ERROR_MORE_DATA, ERROR_NO_MORE_ITEMS, ERROR_SERVICE_SPECIFIC_ERROR, ERROR_TIMEOUT.
  for (uint32_t code : {18u, 38u, 122u, 234u, 259u, 1066u, 1460u}) EXPECT_TRUE(fixer::HasWinErrorText(code)) << code;
  // Every fixer::kError* / kNerr* constant the code names.
  for (uint32_t code : {fixer::kErrorFileNotFound,
                        fixer::kErrorPathNotFound,
                        fixer::kErrorTooManyOpenFiles,
                        fixer::kErrorAccessDenied,
                        fixer::kErrorInvalidHandle,
                        fixer::kErrorNotEnoughMemory,
                        fixer::kErrorInvalidData,
                        fixer::kErrorSharingViolation,
                        fixer::kErrorLockViolation,
                        fixer::kErrorInvalidParameter,
                        fixer::kErrorNotSupported,
                        fixer::kErrorDiskFull,
                        fixer::kErrorDirNotEmpty,
                        fixer::kErrorBusy,
                        fixer::kErrorAlreadyExists,
                        fixer::kErrorFilenameExcedRange,
                        fixer::kErrorFileTooLarge,
                        fixer::kErrorNoData,
                        fixer::kErrorDependentServicesRunning,
                        fixer::kErrorInvalidServiceControl,
                        fixer::kErrorServiceRequestTimeout,
                        fixer::kErrorServiceAlreadyRunning,
                        fixer::kErrorServiceDisabled,
                        fixer::kErrorServiceDoesNotExist,
                        fixer::kErrorServiceCannotAcceptCtrl,
                        fixer::kErrorServiceNotActive,
                        fixer::kErrorCircularDependency,
                        fixer::kErrorServiceDependencyFail,
                        fixer::kErrorServiceLogonFailed,
                        fixer::kErrorServiceDependencyDeleted,
                        fixer::kErrorShutdownInProgress,
                        fixer::kWsaConnectionRefused,
                        fixer::kErrorNoSuchPrivilege,
                        fixer::kErrorPrivilegeNotHeld,
                        fixer::kErrorNoneMapped,
                        fixer::kErrorInvalidSid,
                        fixer::kErrorNoSuchAlias,
                        fixer::kErrorMemberNotInAlias,
                        fixer::kErrorMemberInAlias,
                        fixer::kErrorAliasExists,
                        fixer::kErrorNoSuchMember,
                        fixer::kErrorInvalidMember,
                        fixer::kErrorNoSystemResources,
                        fixer::kErrorInstallFailure,
                        fixer::kErrorInstallPlatformUnsupported,
                        fixer::kErrorPasswordMustChange,
                        fixer::kErrorAccountLockedOut,
                        fixer::kErrorCantAccessFile,
                        fixer::kErrorCantResolveFilename,
                        fixer::kNerrServiceAlreadyStarted,
                        fixer::kNerrBadServiceName,
                        fixer::kErrorNoMoreRids,
                        fixer::kErrorBadCommand,
                        fixer::kSqlWindowsUserNotFound,
                        fixer::kSqlLoginExists,
                        fixer::kSqlUserExists}) {
    EXPECT_TRUE(fixer::HasWinErrorText(code)) << code;
  }
}
