// Well-known folders of a fake machine, per OS edition, so every subsystem agrees on them.
//
// A fresh install puts Windows in "C:\WINDOWS" on XP and Server 2003 and in "C:\WINNT" on
// Windows 2000; profiles live in "C:\Documents and Settings" on all three (a clean 2000
// install, not an upgrade from NT 4, which kept "%SystemRoot%\Profiles").
//
//   #include "fakes/machine.h"
//   std::string root = fakes::SystemRoot(fixer::OsEdition::kWindowsXpProfessional);   // "C:\WINDOWS"
//   root = fakes::SystemRoot(machine.state());        // the same, from a machine's OS
//   std::string profile = fakes::ProfilesRoot(fixer::OsEdition::kWindowsXpProfessional) + "\\ASPNET";
#pragma once

#include <string>

#include "fakes/state.h"
#include "fixer/ports/inventory.h"

namespace fakes {

std::string SystemDrive(fixer::OsEdition os);   // "C:"
std::string SystemRoot(fixer::OsEdition os);    // "C:\WINDOWS" or "C:\WINNT"
std::string ProfilesRoot(fixer::OsEdition os);  // "C:\Documents and Settings"

std::string SystemDrive(const MachineState& state);
std::string SystemRoot(const MachineState& state);
std::string ProfilesRoot(const MachineState& state);

// The folder part of a backslash path ("C:\A\B" -> "C:\A"); "" when there is none.
std::string ParentPath(const std::string& path);
// Joins with one backslash: JoinPath("C:\WINDOWS", "Temp") -> "C:\WINDOWS\Temp".
std::string JoinPath(const std::string& folder, const std::string& name);

}  // namespace fakes
