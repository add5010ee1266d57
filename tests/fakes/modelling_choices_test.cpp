// Modelling choices: every id the fake relies on is in the catalogue and documented in
// docs/windows-reference.md; logs collect per thread and nest; no comment of the code points
// at a file outside the repository.
#include "fakes/modelling_choices.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

fs::path Root() { return fs::path(FIXUP_SOURCE_DIR); }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> Sources() {
  std::vector<fs::path> out;
  for (const char* dir : {"fakes", "fixer", "sim", "tests", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(Root() / dir)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) out.push_back(e.path());
    }
  }
  return out;
}

TEST(ModellingChoices, EveryCatalogueIdHasItsSectionInTheReferencePage) {
  const std::string page = Slurp(Root() / "docs" / "windows-reference.md");
  ASSERT_FALSE(page.empty());
  for (const fakes::ModellingChoice& c : fakes::ModellingChoices()) {
    EXPECT_NE(page.find("### " + std::string(c.id) + "\n"), std::string::npos) << c.id;
    EXPECT_FALSE(c.title.empty()) << c.id;
  }
}

TEST(ModellingChoices, EveryIdTheCodeReliesOnIsInTheCatalogue) {
  // A plain scan for RelyOn("id"): <regex> trips GCC 12's -Wmaybe-uninitialized under ASan.
  const std::string call = "RelyOn(\"";
  size_t found = 0;
  for (const fs::path& file : Sources()) {
    if (file.filename() == "modelling_choices_test.cpp") continue;
    const std::string text = Slurp(file);
    for (size_t at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
      const size_t begin = at + call.size();
      const std::string id = text.substr(begin, text.find('"', begin) - begin);
      ++found;
      EXPECT_FALSE(fakes::ChoiceTitle(id).empty()) << file << ": " << id;
    }
  }
  EXPECT_GT(found, 5u);
}

TEST(ModellingChoices, LogsCollectOnTheirThreadAndNest) {
  fakes::RelyOn("choice-pid");  // no log: noted nowhere, harmless
  fakes::ChoiceLog outer;
  {
    fakes::ChoiceLog inner;
    fakes::RelyOn("choice-urlmon-flaw");
    EXPECT_EQ(inner.ids(), (std::set<std::string>{"choice-urlmon-flaw"}));
  }
  fakes::RelyOn("choice-pid");
  EXPECT_EQ(outer.ids(), (std::set<std::string>{"choice-pid", "choice-urlmon-flaw"}));
}

TEST(ModellingChoices, NoCommentPointsOutsideTheRepository) {
  // Spelt in parts, so this file holds neither name and is checked like every other.
  const std::string domain_notes = std::string("DOMAIN") + ".md";
  const std::string shared_folder = std::string("..") + "/shared";
  for (const fs::path& file : Sources()) {
    const std::string text = Slurp(file);
    EXPECT_EQ(text.find(domain_notes), std::string::npos) << file;
    EXPECT_EQ(text.find(shared_folder), std::string::npos) << file;
  }
}

}  // namespace
