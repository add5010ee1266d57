// ReadAppPools and AppPoolText: whom IIS 6.0's w3wp.exe runs each ASP.NET 1.0 application as.
#include <map>

#include "diagnose_parts.h"
#include "fixer/name_case.h"
#include "fixer/text.h"

namespace fixer {

std::vector<AppPoolReading> ReadAppPools(Inventory& inventory, const std::vector<ApplicationInfo>& applications) {
  std::vector<AppPoolReading> readings;
  std::map<std::string, Result<std::string>> identities;  // by folded pool name: each pool read once
  for (const ApplicationInfo& app : applications) {
    AppPoolReading r{.application = app.path};
    auto pool = inventory.AppPoolOf(app.path);
    if (!pool) {
      r.error = pool.status();
      readings.push_back(std::move(r));
      continue;
    }
    r.pool = std::move(*pool);
    auto known = identities.find(FoldWindowsName(r.pool));
    if (known == identities.end())
      known = identities.emplace(FoldWindowsName(r.pool), inventory.AppPoolIdentity(r.pool)).first;
    if (known->second.ok()) {
      r.identity = *known->second;
    } else {
      r.error = known->second.status();
    }
    readings.push_back(std::move(r));
  }
  return readings;
}

std::string AppPoolText(const AppPoolReading& r) {
  if (r.pool.empty())
    return Text(FMT_COMPILE("w3wp.exe as an identity not read: its application pool could not be read ({})"),
                r.error.ToString());
  if (!r.error.ok()) {
    return Text(FMT_COMPILE("w3wp.exe as an identity not read (application pool {}: {})"), r.pool, r.error.ToString());
  }
  return Text(FMT_COMPILE("w3wp.exe as {} (application pool {})"), r.identity, r.pool);
}

}  // namespace fixer
