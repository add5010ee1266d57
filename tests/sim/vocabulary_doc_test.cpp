// docs/scenario-format.md's reference tables are the vocabulary (sim/vocabulary.h): each is
// rendered from the words' rows and must equal the text between its markers in the doc. On a
// difference the test prints the table to paste, so the doc is never written by hand.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "sim/vocabulary.h"

namespace {

std::string ReadDoc() {
  const auto path = std::filesystem::path(FIXUP_SOURCE_DIR) / "docs" / "scenario-format.md";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text between "<!-- begin NAME -->\n" and "<!-- end NAME -->"; "" when a marker is missing.
std::string Between(const std::string& doc, const std::string& name) {
  const std::string open = "<!-- begin " + name + " -->\n", close = "<!-- end " + name + " -->";
  const size_t begin = doc.find(open);
  if (begin == std::string::npos) return "";
  const size_t end = doc.find(close, begin);
  if (end == std::string::npos) return "";
  return doc.substr(begin + open.size(), end - begin - open.size());
}

void ExpectTable(const std::string& name, const std::string& rendered) {
  const std::string doc = ReadDoc();
  ASSERT_FALSE(doc.empty()) << "cannot read docs/scenario-format.md";
  EXPECT_EQ(Between(doc, name), rendered)
      << "docs/scenario-format.md: the table between <!-- begin " << name << " --> and <!-- end " << name
      << " --> differs from the vocabulary. Replace it with:\n"
      << rendered;
}

TEST(VocabularyDoc, StepTableIsRenderedFromTheStepWords) { ExpectTable("step-kinds", sim::StepTableMarkdown()); }

TEST(VocabularyDoc, ExpectationTableIsRenderedFromTheCheckWords) {
  ExpectTable("expectation-kinds", sim::ExpectTableMarkdown());
}

TEST(VocabularyDoc, EveryWordIsDefinedOnceWithItsFunctionAndDoc) {
  std::set<std::string_view> seen;
  for (const sim::Word& w : sim::StepWords()) {
    EXPECT_TRUE(seen.insert(w.name).second) << "step defined twice: " << w.name;
    EXPECT_TRUE(w.run) << w.name;
    EXPECT_FALSE(w.check) << w.name;
    EXPECT_FALSE(w.doc.empty()) << w.name;
    if (!w.scalar_arg.empty()) {
      EXPECT_NE(w.FindParam(w.scalar_arg), nullptr) << w.name;
    }
  }
  seen.clear();
  for (const sim::Word& w : sim::ExpectWords()) {
    EXPECT_TRUE(seen.insert(w.name).second) << "check defined twice: " << w.name;
    EXPECT_TRUE(w.check) << w.name;
    EXPECT_FALSE(w.run) << w.name;
    EXPECT_FALSE(w.doc.empty()) << w.name;
    if (!w.scalar_arg.empty()) {
      EXPECT_NE(w.FindParam(w.scalar_arg), nullptr) << w.name;
    }
  }
}

}  // namespace
