// aspnet-fixer capture: the services logging on as accounts of the machine and SQL Server's
// databases (capture_reads.h): what the fixer's services-start-again and session-state checks
// read, written so the reproduction answers alike.
#include <algorithm>

#include "capture_reads.h"
#include "fixer/name_case.h"
#include "fixer/win_error.h"

namespace app::capture_reads {

std::vector<std::string> ServicesLoggingOnAsLocalUsers(fixer::ServiceControl& services, Capture& out,
                                                       const std::string& computer) {
  std::vector<std::string> names;
  auto every = Got(out, services.List(), kServicesRead);
  if (!every) return names;
  for (const fixer::ServiceInfo& s : *every) {
    if (!fixer::LocalUserOfService(s.account, computer).empty()) names.push_back(s.name);
  }
  return names;
}

void ReadSqlServer(fixer::Security& security, Capture& out, Json& doc) {
  fixer::Result<std::vector<std::string>> databases = security.Databases();
  if (!databases.ok() && databases.status().code() == fixer::kErrorServiceDoesNotExist) {
    ++out.reads_ok;  // no SQL Server: the file's default
    return;
  }
  auto read = Got(out, std::move(databases), kSqlDatabasesRead);
  if (!read) return;
  Json& sql = doc["sql"];
  if (!sql.is_object()) sql = {{"installed", true}, {"logins", Json::array()}, {"users", Json::array()}};
  // Every database the instance lists, then any a login or user named that it does not (kept, as
  // the logins' and users' reader wrote them, so the file loads).
  Json list = Json::array();
  for (const std::string& db : *read) list.push_back(db);
  if (sql.contains("databases")) {
    for (const Json& named : sql["databases"]) {
      const std::string name = named.get<std::string>();
      const bool listed = std::any_of(read->begin(), read->end(),
                                      [&](const std::string& db) { return fixer::SameWindowsName(db, name); });
      if (!listed) list.push_back(name);
    }
  }
  sql["installed"] = true;
  sql["databases"] = std::move(list);
}

}  // namespace app::capture_reads
