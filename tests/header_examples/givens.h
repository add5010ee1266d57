// The names a header's usage example may use without declaring them: the objects a caller
// usually has at hand. Declared only (the examples are compiled, never linked or run); an
// example that declares the same name hides the given.
//
//   fixer::Fixer fixer(ports, logger);   // `ports` and `logger` are givens
#pragma once

#include <memory>

namespace spdlog {
class logger;
}
namespace fakes {
class Machine;
}
namespace fixer {
struct Ports;
class Fixer;
class Backend;
class Accounts;
class ServiceControl;
class Secrets;
class Journal;
class Random;
class AspNet;
class Rights;
class Security;
class Profiles;
class Logon;
class Inventory;
class PasswordPolicy;
class WebProbe;
}  // namespace fixer

namespace header_examples {

extern fixer::Ports& ports;
extern std::shared_ptr<spdlog::logger>& logger;
extern fakes::Machine& machine;
extern fixer::Fixer& fixer;
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
extern fixer::WebProbe& web;
extern int argc;
extern char** argv;

}  // namespace header_examples
