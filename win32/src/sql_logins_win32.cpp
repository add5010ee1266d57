// Security, SQL Server half (sp_grantlogin, sp_grantdbaccess, sp_revokelogin over ODBC): not
// written yet. Each call answers ERROR_CALL_NOT_IMPLEMENTED (120), as docs/windows.md lists.
#include "win32_ports.h"

namespace win32 {

fixer::Result<std::vector<fixer::SqlLogin>> Win32Security::LoginsFor(const fixer::Sid&) {
  return Error(ERROR_CALL_NOT_IMPLEMENTED);
}
fixer::Result<std::vector<fixer::SqlDbUser>> Win32Security::DbUsersFor(const fixer::Sid&) {
  return Error(ERROR_CALL_NOT_IMPLEMENTED);
}
fixer::Status Win32Security::CreateLogin(const fixer::SqlLogin&) { return Error(ERROR_CALL_NOT_IMPLEMENTED); }
fixer::Status Win32Security::DropLogin(const std::string&) { return Error(ERROR_CALL_NOT_IMPLEMENTED); }
fixer::Status Win32Security::CreateDbUser(const fixer::SqlDbUser&) { return Error(ERROR_CALL_NOT_IMPLEMENTED); }
fixer::Status Win32Security::DropDbUser(const std::string&, const std::string&) {
  return Error(ERROR_CALL_NOT_IMPLEMENTED);
}

}  // namespace win32
