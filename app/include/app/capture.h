// `aspnet-fixer capture`: the machine as the ports read it, written as a machine state file
// (docs/machine-format.md, fresh-install form, in JSON, which is YAML 1.2) that fixup-sim and
// `aspnet-fixer --machine` load, so a support engineer reproduces a customer's machine locally.
//
// Only the ports' read side is called (Lookup, Of, Find, Query, Retrieve, Load, ...), never a
// mutating call. No secret is written: an LSA secret is the placeholder {redacted: true}, a
// clear-text processModel password the placeholder "(redacted)". What a port refused to read is
// listed under capture.unreadable with its Windows error, never guessed.
//
//   app::Capture c = app::CaptureMachine(backend.ports(), "aspnet-fixer 0.1.0");
//   bool nothing_readable = c.reads_ok == 0;   // then no file is written (exit 1)
//   std::string text = app::CaptureText(c);   // the BackendOpener writes it (app/command.h)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixer/ports/ports.h"
#include "fixer/result.h"

namespace app {

// One read a port refused, as the file lists it under capture.unreadable.
struct UnreadablePart {
  std::string read;  // "rights of ASPNET", "service W3SVC"
  fixer::Status error;
};

struct Capture {
  nlohmann::ordered_json document;
  std::vector<UnreadablePart> unreadable;
  int reads_ok = 0;  // reads that answered (a "not found" answer counts: it is a fact)
};

// The placeholder written for a clear-text processModel password.
inline constexpr std::string_view kRedactedPassword = "(redacted)";

Capture CaptureMachine(fixer::Ports& ports, std::string_view tool);
// The document as the file holds it: indented JSON and a final line end.
std::string CaptureText(const Capture& capture);

}  // namespace app
