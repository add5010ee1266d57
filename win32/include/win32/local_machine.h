// The Win32 backend: every port of the fixer on the machine this process runs on, through the
// API each port header names (NetUser*, Lsa*, the registry, the SCM, the IIS metabase, ODBC...).
// Changes are durable as each call returns: Windows itself keeps them, so BeginChanges and
// EndChanges have nothing to flush, and Changed() is true once any mutating call succeeded.
// A stop the user asks for (Ctrl-C: win32/console_stops.h) ends a changing run at its journal.
// docs/windows.md lists what each port calls and what was verified where.
//
//   std::string error;
//   std::unique_ptr<fixer::Backend> machine = win32::OpenLocalMachine(error);
//   if (!machine) return 1;   // error says why (e.g. COM could not start)
//   fixer::Fixer repair(machine->ports(), nullptr);
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "fixer/backend.h"

namespace win32 {

// Null, with `error` set, when the machine cannot be opened. `stop_requested` (a changing run's):
// the name of a stop the user asked for ("SIGINT (Ctrl-C)"), or null; once it names one, the run
// stops right after its next journal record is durable, or before its first change
// (fixer/stopping_journal.h), as the state-file tool stops at its log's records.
std::unique_ptr<fixer::Backend> OpenLocalMachine(std::string& error, std::function<const char*()> stop_requested = {});

}  // namespace win32
