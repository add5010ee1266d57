// The executables allocate with mimalloc (cmake/FixupAllocator.cmake): linking it must replace
// malloc and operator new for the whole process, libstdc++'s containers included, since nothing
// calls mimalloc by name. This binary is linked as the tools are.
#include <mimalloc.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

TEST(Allocator, MallocComesFromMimalloc) {
  void* p = std::malloc(24);
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(mi_is_in_heap_region(p));
  std::free(p);
}

TEST(Allocator, OperatorNewAndTheStandardContainersComeFromMimalloc) {
  auto one = std::make_unique<int>(7);
  EXPECT_TRUE(mi_is_in_heap_region(one.get()));
  std::string text(100, 'x');  // past the small-string buffer: on the heap
  EXPECT_TRUE(mi_is_in_heap_region(text.data()));
  std::vector<int> numbers(1000, 1);
  EXPECT_TRUE(mi_is_in_heap_region(numbers.data()));
  std::map<int, int> nodes{{1, 2}};
  EXPECT_TRUE(mi_is_in_heap_region(&*nodes.begin()));
}

TEST(Allocator, AnAddressOnTheStackIsNotInItsHeap) {  // the check above can say no
  int local = 0;
  EXPECT_FALSE(mi_is_in_heap_region(&local));
}

}  // namespace
