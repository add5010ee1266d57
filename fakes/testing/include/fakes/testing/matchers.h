// Every matcher and the fixture of fakes/testing, for suites that test against the fake machine.
//
//   #include "fakes/testing/matchers.h"
//   EXPECT_THAT(machine, fakes_testing::HasAccount("ASPNET").WithSid(sid).Enabled());
//   EXPECT_THAT(machine, fakes_testing::HasAce(R"(C:\WINDOWS\Temp)", "ASPNET", fixer::kFileModify));
//   EXPECT_THAT(machine, fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kRunning));
//   EXPECT_THAT(machine, ::testing::Not(fakes_testing::HasProfile("ASPNET")));   // MS03-032's failure
//   EXPECT_THAT(machine, fakes_testing::HasRight("ASPNET", "SeBatchLogonRight"));
#pragma once

#include <gmock/gmock.h>  // EXPECT_THAT, Not, AllOf ...

#include "fakes/testing/account_matchers.h"
#include "fakes/testing/ace_matchers.h"
#include "fakes/testing/fresh_machine_test.h"
#include "fakes/testing/profile_matchers.h"
#include "fakes/testing/right_matchers.h"
#include "fakes/testing/service_matchers.h"
