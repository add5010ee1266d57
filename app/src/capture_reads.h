// aspnet-fixer capture (app/capture.h): the reads a capture makes for what the fixer's own checks
// read beyond the accounts, each in a reader of its own (capture_*.cpp), so the reproduction gets
// the machine's diagnosis and plan: the LSA rights of every SID of a logon's token, the services
// logging on as local accounts, SQL Server and its databases.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/capture.h"
#include "fixer/ports/ports.h"

namespace app::capture_reads {

using Json = nlohmann::ordered_json;

// The value of a read, or nullopt with the failure listed under capture.unreadable.
template <class T>
std::optional<T> Got(Capture& out, fixer::Result<T> r, std::string what) {
  if (r.ok()) {
    ++out.reads_ok;
    return std::move(*r);
  }
  out.unreadable.push_back({std::move(what), r.status()});
  return std::nullopt;
}

// The SIDs a logon adds to every token of a captured account (the fixer's logon checks read the
// rights of each): Everyone, Authenticated Users and the logon type's (BATCH, SERVICE, INTERACTIVE).
struct WellKnownTokenSid {
  fixer::Sid sid;
  const char* name;  // as the machine file names it
};
const std::vector<WellKnownTokenSid>& WellKnownTokenSids();

// The rights the fixer's batch, service and interactive logon checks read beyond the accounts'
// own: those of the well-known SIDs of a token and of every local group holding a captured account
// or one of those SIDs (LsaEnumerateAccountRights), each written exactly under `doc["rights"]`
// (a built-in group and a well-known SID by SID string, which no locale renames; a group of the
// machine by name, created with the members that put it in a token). `accounts` are the captured
// accounts' SIDs and names.
void ReadTokenRights(fixer::Ports& ports, Capture& out, const std::vector<std::pair<fixer::Sid, std::string>>& accounts,
                     Json& doc);

// The services (EnumServicesStatus) that log on as an account of this machine, stopped or running:
// the fixer's services check reads each one's logon (a stale password fails its next start, 1069),
// so the capture writes them and their accounts. Listed as "the services" when the list fails.
std::vector<std::string> ServicesLoggingOnAsLocalUsers(fixer::ServiceControl& services, Capture& out,
                                                       const std::string& computer);
inline constexpr const char* kServicesRead = "the services";

// SQL Server as the fixer's session-state check reads it (Security::Databases): installed with
// these databases, not installed (1060: nothing written, the file's default), or listed as
// "the SQL Server databases" with the error, which the reproduction's read then fails with.
void ReadSqlServer(fixer::Security& security, Capture& out, Json& doc);
inline constexpr const char* kSqlDatabasesRead = "the SQL Server databases";

}  // namespace app::capture_reads
