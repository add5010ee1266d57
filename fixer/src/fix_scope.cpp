// What a fix would touch, read before anything changes, so the plan and the operator see it.
#include "diagnose_parts.h"
#include "service_names.h"

namespace fixer {

Result<FixScope> ReadFixScope(Ports& ports, const WorkerIdentity& worker, const std::string& computer) {
  FixScope scope;
  auto services = ReadServicesToStop(ports.services);
  if (!services) return services.status();
  scope.services_to_stop = std::move(services->order);
  scope.services_paused = std::move(services->paused);
  if (!worker.exists || !worker.sid.IsAccountSid()) return scope;

  auto acct = ports.accounts.Lookup(worker.account);
  if (!acct) return acct.status();
  scope.groups = std::move(acct->groups);
  auto rights = ports.rights.Of(worker.sid);
  if (!rights) return rights.status();
  scope.rights = std::move(*rights);
  auto aces = ports.security.FindAcesByObject(worker.sid);
  if (!aces) return aces.status();
  scope.aces = std::move(*aces);
  scope.aces_read_for = worker.sid;
  auto logins = ports.security.LoginsFor(worker.sid);
  if (!logins) return logins.status();
  scope.sql_logins = std::move(*logins);
  auto users = ports.security.DbUsersFor(worker.sid);
  if (!users) return users.status();
  scope.db_users = std::move(*users);
  auto old_sids = ReadOldSidLeftovers(ports, worker, computer);
  if (!old_sids) return old_sids.status();
  scope.old_sids = std::move(*old_sids);
  return scope;
}

}  // namespace fixer
