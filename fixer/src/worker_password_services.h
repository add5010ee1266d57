// The services that log on as the worker account with the worker's password: the SCM keeps a
// service's password apart from the account's [Changing a Service's Password], so wherever the
// repair gives the worker a password, these are given it too, or their next start fails (1069).
#pragma once

#include <string>
#include <vector>

#include "step.h"

namespace fixer {

// The begin record's key (set-temp-password's, create-account's) listing them; written only when
// one does, so a journal of a machine with none reads as before.
inline constexpr const char* kPasswordServices = "password_services";

// Read from the SCM: aspnet_state when it logs on as the worker (aspnet_regiis gives it the
// worker's password). Services logging on as the worker with a password of their own are refused
// before any change (services-start-again), so none other is the worker's.
Result<std::vector<std::string>> ReadWorkerPasswordServices(RepairContext& ctx);

// Gives `password`, which the worker account has just been given, to every service the journal
// lists (kPasswordServices of set-temp-password or create-account); one not installed any more is skipped.
Status GiveServicesWorkerPassword(RepairContext& ctx, const Secret& password);

// Gives them the password the LSA secret holds now (after aspnet_regiis set a new one); reads
// nothing when the journal lists none.
Status GiveServicesLsaPassword(RepairContext& ctx);

}  // namespace fixer
