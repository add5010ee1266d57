// What a processModel value says (fixer/process_model.h), in any case as ASP.NET reads it: the
// one reading capture, the web model, the diagnosis, show's masking and the sweep's secrets share.
#include "fixer/process_model.h"

#include <gtest/gtest.h>

namespace {

TEST(ProcessModel, AutoGenerateInAnyCaseIsThePasswordKeptInTheLsa) {
  EXPECT_TRUE(fixer::IsAutoGeneratePassword("AutoGenerate"));
  EXPECT_TRUE(fixer::IsAutoGeneratePassword("autogenerate"));
  EXPECT_FALSE(fixer::IsAutoGeneratePassword("AutoGenerate2"));
  EXPECT_FALSE(fixer::IsAutoGeneratePassword(""));
}

TEST(ProcessModel, ARegistryReferenceStartsWithRegistryColonInAnyCase) {
  EXPECT_TRUE(fixer::IsRegistryReference("registry:HKLM\\SOFTWARE\\App\\ASPNET_SETREG,password"));
  EXPECT_TRUE(fixer::IsRegistryReference("REGISTRY:HKLM\\S,userName"));
  EXPECT_FALSE(fixer::IsRegistryReference("registry"));
  EXPECT_FALSE(fixer::IsRegistryReference("my registry:password"));
}

TEST(ProcessModel, AnythingElseIsAPasswordInClear) {
  EXPECT_TRUE(fixer::IsClearProcessModelPassword("W0rker!pass"));
  EXPECT_TRUE(fixer::IsClearProcessModelPassword(""));  // a blank password is one too
  EXPECT_FALSE(fixer::IsClearProcessModelPassword("AUTOGENERATE"));
  EXPECT_FALSE(fixer::IsClearProcessModelPassword("Registry:HKLM\\S,password"));
}

}  // namespace
