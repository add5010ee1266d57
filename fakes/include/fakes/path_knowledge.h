// PathKnowledge: what the fake machine can say of a path a batch file names (`if exist`, `cd`, a
// program named by its path): a folder, a file, absent, or not modelled, never a guess.
//
// Known: the system drive's root, every object of the machine's file store (Windows, system32,
// the profiles, Inetpub and the applications, the frameworks' folders and files), the folders
// every XP has (Program Files), and the programs of system32 (IsUnmodelledXpProgram below). Known absent:
// what is not in a folder whose contents the fake models in full (the frameworks under
// Microsoft.NET\Framework, the profiles under Documents and Settings, a framework's own modelled
// files, a program of system32 that is not one of XP's) and anything under an absent path or a
// file. Anything else (`C:\NOPE`, a DLL of system32, a file in Program Files) is not modelled.
//
//   #include "fakes/commands.h"
//   fakes::ClosedInput input;
//   fakes::Console con(machine, input);
//   fakes::PathKnown k = fakes::KnowPath(con, fakes::ResolvePath(con, "C:\\WINDOWS\\system32\\net.exe"));  // kFile
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakes/console.h"

namespace fakes {

enum class PathKnown { kFolder, kFile, kAbsent, kNotModelled };

// `absolute_path` as ResolvePath gives it ("C:\WINDOWS\system32"), in any case.
PathKnown KnowPath(const Console& con, const std::string& absolute_path);

// The programs of system32 the fake runs: net, runas, and iisreset where IIS is installed (an
// IISADMIN service exists). `name` folded, without its extension (".exe" is theirs).
enum class System32Program { kNet, kRunas, kIisreset };
std::optional<System32Program> ModelledSystem32Program(const Machine& machine, std::string_view name);

// Programs of XP that a script may call and that the fake machine does not model (`sc`,
// `cacls`, `reg`, `net1` ...): their file names in system32 ("sc.exe", "more.com"). A script
// naming one stops as not supported rather than getting "not recognized", which it would not
// on XP [M: the list is the programs of XP's system32 customers' copies of fixup.cmd call].
bool IsUnmodelledXpProgram(const std::string& name);  // folded, without its extension

}  // namespace fakes
