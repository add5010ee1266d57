// A fake XP Professional machine with ASP.NET 1.0 and a console over it, for the legacy tests.
//
//   LegacyFixture f;                       // XP Pro, ASP.NET 1.0, closed input
//   f.Run("net user ASPNET /delete");      // errorlevel; f.con.output holds the console
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "fakes/commands.h"
#include "fakes/machine_yaml.h"
#include "sim/batch.h"

namespace legacy_test {

inline fakes::MachineState XpWithAspNet10(const std::string& extra = "") {
  auto loaded = fakes::LoadMachineText("os: windows-xp-professional\nframeworks: [1.0]\n" + extra, "test.yaml");
  if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
  return *loaded.value;
}

class LegacyFixture : public ::testing::Test {
 protected:
  explicit LegacyFixture(const std::string& extra = "")
      : machine(XpWithAspNet10(extra)), input(std::make_unique<fakes::ClosedInput>()) {
    con = std::make_unique<fakes::Console>(machine, *input);
  }
  void Answer(const std::string& text) {
    input = std::make_unique<fakes::FixedInput>(text);
    con = std::make_unique<fakes::Console>(machine, *input);
  }
  // Runs one line; returns its errorlevel (-1 when it leaves the errorlevel alone).
  int Run(const std::string& line) {
    con->output.clear();
    return fakes::RunCommandLine(*con, line).value_or(-1);
  }
  // Runs `text` as the batch file t.cmd; Out() is then its output alone.
  sim::BatchResult Go(const std::string& text) {
    con->output.clear();
    return sim::RunBatch(*con, text, "t.cmd");
  }
  const std::string& Out() const { return con->output; }

  fakes::Machine machine;
  std::unique_ptr<fakes::ConsoleInput> input;
  std::unique_ptr<fakes::Console> con;
};

}  // namespace legacy_test
