// The attributes of a metabase AdminACL record (win32/src/admin_acl_record.h), on the host: an
// inherited record is none of the node's own, and a write keeps the node's own attributes and
// user type, or takes the schema's.
#include "admin_acl_record.h"

#include <gtest/gtest.h>

namespace {

using win32::MetabaseRecordInfo;

TEST(AdminAclRecord, AnInheritedRecordIsNotTheNodesOwn) {
  EXPECT_FALSE(win32::IsOwnRecord({.attributes = win32::kMdInherit | win32::kMdIsInherited}));
  EXPECT_TRUE(win32::IsOwnRecord({.attributes = win32::kMdInherit | win32::kMdSecure}));
}

TEST(AdminAclRecord, AWriteKeepsTheOwnRecordsAttributesAndUserType) {
  const MetabaseRecordInfo own{.attributes = win32::kMdInherit | win32::kMdSecure | win32::kMdPartialPath,
                               .user_type = win32::kMdUserTypeServer};
  EXPECT_EQ(win32::AdminAclWriteInfo(own), (MetabaseRecordInfo{.attributes = win32::kMdInherit | win32::kMdSecure,
                                                               .user_type = win32::kMdUserTypeServer}));
}

TEST(AdminAclRecord, ANodeWithoutItsOwnRecordIsWrittenWithTheSchemas) {
  const MetabaseRecordInfo schema{.attributes = win32::kMdInherit | win32::kMdSecure | win32::kMdReference,
                                  .user_type = win32::kMdUserTypeFile};
  EXPECT_EQ(win32::AdminAclWriteInfo(std::nullopt), schema);
  EXPECT_EQ(win32::AdminAclWriteInfo(MetabaseRecordInfo{.attributes = win32::kMdInherit | win32::kMdIsInherited,
                                                        .user_type = win32::kMdUserTypeServer}),
            schema);
}

}  // namespace
