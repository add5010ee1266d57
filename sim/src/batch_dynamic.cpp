// cmd's dynamic variables (%CD%, %DATE%, %TIME%, %RANDOM%, %ERRORLEVEL%, %CMDEXTVERSION%,
// %CMDCMDLINE%: Microsoft Learn, "set") and the session variables the fake machine does not model.
//
// %DATE% and %TIME% come from the machine's clock, shown as XP's cmd shows them on an en-US
// machine whose clock is UTC ("Fri 08/22/2003", " 9:30:00.00") [M: as net's times,
// docs/windows-reference.md#cmd-batch]; %RANDOM% and %CMDCMDLINE% are refused.
#include <chrono>
#include <cstdio>

#include "batch_detail.h"
#include "fixer/name_case.h"

namespace sim::batch {
namespace {

// %CMDEXTVERSION%: 2 in XP's cmd and later, 1 in Windows 2000's [M: docs/windows-reference.md#cmd-batch].
std::string CommandExtensionsVersion(const fakes::Console& con) {
  const fixer::OsEdition os = con.machine.state().products.os.edition;
  return os == fixer::OsEdition::kWindows2000Professional || os == fixer::OsEdition::kWindows2000Server ? "1" : "2";
}

// "Fri 08/22/2003": the weekday, then the month and the day in two digits each.
std::string CmdDate(int64_t seconds) {
  namespace chrono = std::chrono;
  const chrono::sys_days day = chrono::floor<chrono::days>(chrono::sys_seconds{chrono::seconds(seconds)});
  const chrono::year_month_day date{day};
  static constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  char text[32];
  std::snprintf(text, sizeof text, "%s %02u/%02u/%d", kWeekdays[chrono::weekday{day}.c_encoding()],
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<int>(date.year()));
  return text;
}

// " 9:30:00.00": the hour padded with a space, hundredths of a second (the clock has none).
std::string CmdTime(int64_t seconds) {
  namespace chrono = std::chrono;
  const chrono::sys_seconds at{chrono::seconds(seconds)};
  const chrono::hh_mm_ss time{at - chrono::floor<chrono::days>(at)};
  char text[32];
  std::snprintf(text, sizeof text, "%2ld:%02ld:%02ld.00", static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()), static_cast<long>(time.seconds().count()));
  return text;
}

}  // namespace

std::optional<std::string> DynamicVariable(const fakes::Console& con, const std::string& name, int errorlevel) {
  if (fixer::SameWindowsName(name, "ERRORLEVEL")) return std::to_string(errorlevel);
  if (fixer::SameWindowsName(name, "CD")) return con.cwd;
  if (fixer::SameWindowsName(name, "CMDEXTVERSION")) return CommandExtensionsVersion(con);
  if (fixer::SameWindowsName(name, "DATE")) return CmdDate(con.machine.Now());
  if (fixer::SameWindowsName(name, "TIME")) return CmdTime(con.machine.Now());
  return std::nullopt;
}

void RejectUnmodelledVariable(const fakes::Console& con, const std::string& name) {
  if (con.env.Get(name)) return;
  // cmd's dynamic variables whose value depends on the C runtime's random numbers or on how the
  // window was opened.
  for (const char* dynamic : {"RANDOM", "CMDCMDLINE"})
    if (fixer::SameWindowsName(name, dynamic))
      throw NotUnderstood{"not supported: %" + name + "% (cmd's dynamic variable) is not modelled by the simulator"};
  // The system environment's processor variables: the fake machine has no processor.
  for (const char* processor :
       {"NUMBER_OF_PROCESSORS", "PROCESSOR_IDENTIFIER", "PROCESSOR_LEVEL", "PROCESSOR_REVISION"})
    if (fixer::SameWindowsName(name, processor))
      throw NotUnderstood{"not supported: %" + name + "% (the processor) is not modelled by the simulator"};
}

void RejectDefinedDynamicVariable(const fakes::Console& con, const std::string& name) {
  if (con.env.Get(name)) return;
  // Whether `if defined` sees them no source the project holds says.
  for (const char* dynamic : {"CD", "DATE", "TIME", "RANDOM", "ERRORLEVEL", "CMDEXTVERSION", "CMDCMDLINE"})
    if (fixer::SameWindowsName(name, dynamic))
      throw NotUnderstood{"not supported: 'if defined' of cmd's dynamic variable " + name};
  RejectUnmodelledVariable(con, name);
}

}  // namespace sim::batch
