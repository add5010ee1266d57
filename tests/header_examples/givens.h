// The names a header's usage example may use without declaring them: the objects a caller
// usually has at hand. Declared only (the examples are compiled, never linked or run); an
// example that declares the same name hides the given.
//
//   fixer::RunResult r = repair.Apply();   // `repair` (a fixer::Fixer) is a given
#pragma once

#include <memory>

#include <gmock/gmock.h>  // fakes/testing's examples use EXPECT_THAT and gmock's matchers
#include <spdlog/logger.h>
#include <nlohmann/json.hpp>  // the headers declare JSON with json_fwd.hpp; an example may print it

#include "fakes/machine.h"
#include "fixer/backend.h"
#include "fixer/fixer.h"

namespace header_examples {

extern fixer::Ports& ports;
extern std::shared_ptr<spdlog::logger>& logger;
extern fakes::Machine& machine;
extern fixer::Fixer& repair;  // not `fixer`: that is the namespace
extern fixer::Backend& backend;
extern fixer::Accounts& accounts;
extern fixer::ServiceControl& scm;
extern fixer::Secrets& secrets;
extern fixer::Journal& journal;
extern fixer::Random& random;
extern fixer::AspNet& aspnet;
extern fixer::Rights& rights;
extern fixer::Security& security;
extern fixer::Profiles& profiles;
extern fixer::Logon& logon;
extern fixer::Inventory& inventory;
extern fixer::PasswordPolicy& policy;
extern fixer::Sid& sid;  // an account's SID; `old_sid` and `new_sid` before and after a recreate
extern fixer::Sid& old_sid;
extern fixer::Sid& new_sid;
extern fixer::WebProbe& web;
extern int argc;
extern char** argv;

}  // namespace header_examples
