// Random from the CryptoAPI: CryptAcquireContext (PROV_RSA_FULL, CRYPT_VERIFYCONTEXT: no key
// container, so no profile or administrator is needed) and CryptGenRandom.
#include "fixer/backend.h"
#include "win32_ports.h"

namespace win32 {

Win32Random::Win32Random() {
  if (!CryptAcquireContextW(&provider_, nullptr, nullptr, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT | CRYPT_SILENT)) {
    provider_ = 0;  // Next() reports it: a password must never come from a weaker source
    acquire_error_ = GetLastError();
  }
}

Win32Random::~Win32Random() {
  if (provider_) CryptReleaseContext(provider_, 0);
}

uint64_t Win32Random::Next() {
  uint64_t value = 0;
  // The port has no error channel; stopping is safer than a guessable password.
  if (!provider_) {
    throw fixer::Interruption(
        fixer::Status::Explained(acquire_error_, "No random source for the password (CryptAcquireContext)").ToString());
  }
  if (!CryptGenRandom(provider_, sizeof(value), reinterpret_cast<BYTE*>(&value))) {
    throw fixer::Interruption(
        fixer::Status::Explained(GetLastError(), "No random number for the password (CryptGenRandom)").ToString());
  }
  return value;
}

}  // namespace win32
