// The Win32 backend: every port of the fixer on the machine this process runs on, through the
// API each port header names (NetUser*, Lsa*, the registry, the SCM, the IIS metabase, ODBC...).
// Changes are durable as each call returns: Windows itself keeps them, so BeginChanges and
// EndChanges have nothing to flush, and Changed() is true once any mutating call succeeded.
// docs/windows.md lists what each port calls and what was verified where.
//
//   std::string error;
//   std::unique_ptr<fixer::Backend> machine = win32::OpenLocalMachine(error);
//   if (!machine) return 1;   // error says why (e.g. COM could not start)
//   fixer::Fixer repair(machine->ports(), nullptr);
#pragma once

#include <memory>
#include <string>

#include "fixer/backend.h"

namespace win32 {

// Null, with `error` set, when the machine cannot be opened.
std::unique_ptr<fixer::Backend> OpenLocalMachine(std::string& error);

}  // namespace win32
