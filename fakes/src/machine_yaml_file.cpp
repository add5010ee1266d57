// Machine state files on disk: saving one atomically (atomic_file.h). Loading one replays its
// log too: machine_log_file.cpp.
#include <unistd.h>

#include "fakes/atomic_file.h"
#include "fakes/machine_log.h"
#include "fakes/machine_yaml.h"
#include "posix_file.h"

namespace fakes {

fixer::Status SaveMachineFile(const MachineState& state, const std::string& path) {
  return SaveMachineFile(state, path, {}, Replace::kAny);
}

fixer::Status SaveMachineFile(const MachineState& state, const std::string& path, const BeforeRename& before_rename,
                              Replace replace, unsigned new_file_mode, MachineFileFormat format) {
  std::string text;
  try {
    text = MachineToText(state, format);
  } catch (const std::exception&) {
    return fixer::Status::Win(fixer::kErrorNotEnoughMemory);  // the emitter only fails on memory
  }
  const std::string log = MachineLogPath(path);
  if (fixer::Status st = MarkMachineLogSaved(log, text); !st.ok()) return st;
  if (fixer::Status st = WriteFileAtomically(path, text, before_rename, replace, new_file_mode); !st.ok()) return st;
  // The file is the whole machine now: a log beside it belongs to what it replaced.
  if (::unlink(log.c_str()) == 0) SyncDirectoryOf(log);
  return fixer::Status::Ok();
}

}  // namespace fakes
