// Security, SQL Server half: Windows logins and database users of the local default instance
// (service MSSQLSERVER: SQL Server 2000 or MSDE) over ODBC ("SQL Server" driver, Windows
// authentication), read from master.dbo.syslogins and each database's sysusers/sysmembers, and
// changed with sp_grantlogin / sp_defaultdb / sp_addsrvrolemember / sp_revokelogin and
// sp_grantdbaccess / sp_addrolemember / sp_revokedbaccess. SQL Server's own error numbers (15025,
// 15023, 15401...) are passed on. No MSSQLSERVER service: reads find nothing and changes answer
// 1060, as the fake's SQL Server does.
#include <windows.h>
// windows.h first: the ODBC headers need its types.
#include <sql.h>
#include <sqlext.h>

#include "fixer/name_case.h"
#include "win32_ports.h"

namespace win32 {

namespace {

// One ODBC connection to master on (local), its handles freed on destruction.
class SqlConnection {
 public:
  SqlConnection() = default;
  SqlConnection(const SqlConnection&) = delete;
  SqlConnection& operator=(const SqlConnection&) = delete;
  ~SqlConnection() {
    if (dbc_) {
      SQLDisconnect(dbc_);
      SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
    }
    if (env_) SQLFreeHandle(SQL_HANDLE_ENV, env_);
  }

  fixer::Status Open() {
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env_))) return Error(ERROR_NOT_ENOUGH_MEMORY);
    SQLSetEnvAttr(env_, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env_, &dbc_))) return Diagnostic(SQL_HANDLE_ENV, env_);
    std::wstring connect = L"DRIVER={SQL Server};SERVER=(local);DATABASE=master;Trusted_Connection=yes;";
    SQLRETURN rc = SQLDriverConnectW(dbc_, nullptr, connect.data(), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
      fixer::Status st = Diagnostic(SQL_HANDLE_DBC, dbc_);
      SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
      dbc_ = nullptr;
      return st;
    }
    return {};
  }

  // Runs `statement`; each row's columns as text (NULL as "") to `rows` when given.
  fixer::Status Run(const std::wstring& statement, std::vector<std::vector<std::string>>* rows = nullptr) {
    SQLHSTMT stmt = nullptr;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc_, &stmt))) return Diagnostic(SQL_HANDLE_DBC, dbc_);
    std::wstring text = statement;
    fixer::Status st;
    if (!SQL_SUCCEEDED(SQLExecDirectW(stmt, text.data(), SQL_NTS))) {
      st = Diagnostic(SQL_HANDLE_STMT, stmt);
    } else if (rows) {
      SQLSMALLINT columns = 0;
      SQLNumResultCols(stmt, &columns);
      while (SQL_SUCCEEDED(SQLFetch(stmt))) {
        std::vector<std::string>& row = rows->emplace_back();
        for (SQLSMALLINT c = 1; c <= columns; ++c) {
          wchar_t cell[1024] = {};
          SQLLEN length = 0;
          SQLGetData(stmt, c, SQL_C_WCHAR, cell, sizeof(cell), &length);
          row.push_back(length == SQL_NULL_DATA ? "" : Narrow(cell));
        }
      }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return st;
  }

 private:
  // The first diagnostic record: SQL Server's error number and text (e.g. 15025), or the
  // driver's when the server gave none.
  static fixer::Status Diagnostic(SQLSMALLINT type, SQLHANDLE handle) {
    wchar_t state[6] = {}, message[1024] = {};
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    if (!SQL_SUCCEEDED(SQLGetDiagRecW(type, handle, 1, state, &native, message, 1024, &length))) {
      return Error(ERROR_INVALID_PARAMETER);
    }
    return fixer::Status(native ? static_cast<uint32_t>(native) : ERROR_INVALID_PARAMETER, Narrow(message));
  }

  SQLHENV env_ = nullptr;
  SQLHDBC dbc_ = nullptr;
};

// Whether the default instance is installed (its service exists), whatever its state.
fixer::Result<bool> SqlServerInstalled() {
  SC_HANDLE scm = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
  if (!scm) return LastError();
  SC_HANDLE service = OpenServiceW(scm, L"MSSQLSERVER", SERVICE_QUERY_STATUS);
  DWORD error = service ? ERROR_SUCCESS : GetLastError();
  if (service) CloseServiceHandle(service);
  CloseServiceHandle(scm);
  if (error == ERROR_SERVICE_DOES_NOT_EXIST) return false;
  if (error != ERROR_SUCCESS) return Error(error);
  return true;
}

// N'text' with quotes doubled, and [name] with ] doubled: T-SQL literals and identifiers.
std::wstring Literal(const std::string& text) {
  std::wstring out = L"N'";
  for (wchar_t c : Widen(text)) out += c == L'\'' ? std::wstring(L"''") : std::wstring(1, c);
  return out + L"'";
}
std::wstring Identifier(const std::string& name) {
  std::wstring out = L"[";
  for (wchar_t c : Widen(name)) out += c == L']' ? std::wstring(L"]]") : std::wstring(1, c);
  return out + L"]";
}
// 0x0105000000000005150000... : the binary SID as a T-SQL varbinary literal.
std::wstring SidLiteral(const fixer::Sid& sid) {
  static const wchar_t digits[] = L"0123456789ABCDEF";
  std::wstring out = L"0x";
  for (BYTE b : ToBinary(sid)) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// A binary column as ODBC gives it in text: two hex digits a byte (ODBC's SQL_BINARY to SQL_C_CHAR
// conversion). Empty when a character is no hex digit.
std::vector<BYTE> FromHex(const std::string& hex) {
  std::vector<BYTE> out;
  if (hex.size() % 2) return {};
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int high = digit(hex[i]), low = digit(hex[i + 1]);
    if (high < 0 || low < 0) return {};
    out.push_back(static_cast<BYTE>(high * 16 + low));
  }
  return out;
}

fixer::Result<std::unique_ptr<SqlConnection>> Connect() {
  auto connection = std::make_unique<SqlConnection>();
  if (fixer::Status st = connection->Open(); !st.ok()) return st;
  return connection;
}

// Connects for a change; 1060 when there is no SQL Server.
fixer::Result<std::unique_ptr<SqlConnection>> ConnectToChange() {
  auto installed = SqlServerInstalled();
  if (!installed) return installed.status();
  if (!*installed) return Error(ERROR_SERVICE_DOES_NOT_EXIST);
  return Connect();
}

constexpr const char* kServerRoles[] = {"sysadmin",     "securityadmin", "serveradmin", "setupadmin",
                                        "processadmin", "diskadmin",     "dbcreator",   "bulkadmin"};

}  // namespace

namespace {

// The Windows logins syslogins holds where `where` holds (an SQL condition), each with its
// server roles and the SID it stores (none, or 0 rows, where SQL Server is not installed).
fixer::Result<std::vector<fixer::SqlLogin>> WindowsLoginsWhere(const std::wstring& where) {
  auto installed = SqlServerInstalled();
  if (!installed) return installed.status();
  if (!*installed) return std::vector<fixer::SqlLogin>{};
  auto sql = Connect();
  if (!sql) return sql.status();
  std::vector<std::vector<std::string>> rows;
  if (fixer::Status st = (*sql)->Run(L"SELECT name, dbname, sysadmin, securityadmin, serveradmin, setupadmin, "
                                     L"processadmin, diskadmin, dbcreator, bulkadmin, sid FROM master.dbo.syslogins "
                                     L"WHERE isntname = 1 AND " +
                                         where,
                                     &rows);
      !st.ok()) {
    return st;
  }
  std::vector<fixer::SqlLogin> logins;
  for (const auto& row : rows) {
    std::vector<BYTE> binary = FromHex(row[10]);
    // A binary SID: revision 1, then its sub-authority count, 8 bytes and 4 a sub-authority (MS-DTYP 2.4.2.2).
    if (binary.size() < 8 || binary[0] != 1 || binary.size() != 8 + 4 * size_t{binary[1]}) continue;
    fixer::SqlLogin login{.name = row[0], .sid = FromPsid(binary.data()), .default_database = row[1]};
    for (size_t r = 0; r < std::size(kServerRoles); ++r) {
      if (row[2 + r] == "1") login.server_roles.push_back(kServerRoles[r]);
    }
    logins.push_back(std::move(login));
  }
  return logins;
}

}  // namespace

fixer::Result<std::vector<fixer::SqlLogin>> Win32Security::LoginsFor(const fixer::Sid& sid) {
  return WindowsLoginsWhere(L"sid = " + SidLiteral(sid));
}

fixer::Result<std::vector<fixer::SqlLogin>> Win32Security::LoginsNamed(const std::string& name) {
  // syslogins.name compares under the server's collation, case-insensitive by default.
  return WindowsLoginsWhere(L"name = " + Literal(name));
}

fixer::Result<std::vector<std::string>> Win32Security::Databases() {
  auto installed = SqlServerInstalled();
  if (!installed) return installed.status();
  if (!*installed) return Error(ERROR_SERVICE_DOES_NOT_EXIST);
  auto sql = Connect();
  if (!sql) return sql.status();
  std::vector<std::vector<std::string>> rows;
  if (fixer::Status st = (*sql)->Run(L"SELECT name FROM master.dbo.sysdatabases ORDER BY name", &rows); !st.ok()) {
    return st;
  }
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row[0]);
  return names;
}

fixer::Result<std::vector<fixer::SqlDbUser>> Win32Security::DbUsersFor(const fixer::Sid& sid) {
  auto installed = SqlServerInstalled();
  if (!installed) return installed.status();
  if (!*installed) return std::vector<fixer::SqlDbUser>{};
  auto sql = Connect();
  if (!sql) return sql.status();
  std::vector<std::vector<std::string>> databases;
  if (fixer::Status st = (*sql)->Run(L"SELECT name FROM master.dbo.sysdatabases ORDER BY name", &databases); !st.ok()) {
    return st;
  }
  std::vector<fixer::SqlDbUser> users;
  for (const auto& db : databases) {
    const std::wstring d = Identifier(db[0]);
    std::vector<std::vector<std::string>> rows;
    fixer::Status st = (*sql)->Run(L"SELECT u.name, r.name FROM " + d + L".dbo.sysusers u LEFT JOIN " + d +
                                       L".dbo.sysmembers m ON m.memberuid = u.uid LEFT JOIN " + d +
                                       L".dbo.sysusers r ON r.uid = m.groupuid WHERE u.sid = " + SidLiteral(sid) +
                                       L" ORDER BY u.name, r.name",
                                   &rows);
    if (!st.ok()) return st;
    for (const auto& row : rows) {
      if (users.empty() || users.back().database != db[0] || users.back().name != row[0]) {
        users.push_back({.database = db[0], .name = row[0], .login_sid = sid});
      }
      if (!row[1].empty()) users.back().roles.push_back(row[1]);
    }
  }
  return users;
}

fixer::Status Win32Security::CreateLogin(const fixer::SqlLogin& login) {
  auto sql = ConnectToChange();
  if (!sql) return sql.status();
  if (fixer::Status st = (*sql)->Run(L"EXEC sp_grantlogin " + Literal(login.name)); !st.ok()) return st;
  changes_.Mark();
  if (!login.default_database.empty() && !fixer::SameWindowsName(login.default_database, "master")) {
    fixer::Status st =
        (*sql)->Run(L"EXEC sp_defaultdb " + Literal(login.name) + L", " + Literal(login.default_database));
    if (!st.ok()) return st;
  }
  for (const std::string& role : login.server_roles) {
    fixer::Status st = (*sql)->Run(L"EXEC sp_addsrvrolemember " + Literal(login.name) + L", " + Literal(role));
    if (!st.ok()) return st;
  }
  return {};
}

fixer::Status Win32Security::DropLogin(const std::string& name) {
  auto sql = ConnectToChange();
  if (!sql) return sql.status();
  if (fixer::Status st = (*sql)->Run(L"EXEC sp_revokelogin " + Literal(name)); !st.ok()) return st;
  changes_.Mark();
  return {};
}

fixer::Status Win32Security::CreateDbUser(const fixer::SqlDbUser& user) {
  auto sql = ConnectToChange();
  if (!sql) return sql.status();
  // sp_grantdbaccess takes the login by name: the login that holds the user's SID.
  std::vector<std::vector<std::string>> logins;
  fixer::Status st =
      (*sql)->Run(L"SELECT name FROM master.dbo.syslogins WHERE sid = " + SidLiteral(user.login_sid), &logins);
  if (!st.ok()) return st;
  if (logins.empty()) return Error(fixer::kSqlWindowsUserNotFound);
  const std::wstring db = Identifier(user.database);
  st = (*sql)->Run(L"EXEC " + db + L".dbo.sp_grantdbaccess " + Literal(logins[0][0]) + L", " + Literal(user.name));
  if (!st.ok()) return st;
  changes_.Mark();
  for (const std::string& role : user.roles) {
    st = (*sql)->Run(L"EXEC " + db + L".dbo.sp_addrolemember " + Literal(role) + L", " + Literal(user.name));
    if (!st.ok()) return st;
  }
  return {};
}

fixer::Status Win32Security::DropDbUser(const std::string& database, const std::string& name) {
  auto sql = ConnectToChange();
  if (!sql) return sql.status();
  if (fixer::Status st = (*sql)->Run(L"EXEC " + Identifier(database) + L".dbo.sp_revokedbaccess " + Literal(name));
      !st.ok()) {
    return st;
  }
  changes_.Mark();
  return {};
}

}  // namespace win32
