// Every link between the project's documents (README.md, docs/*.md) lands where it says: the file
// exists, and the anchor is a heading's (as GitHub makes it) or an `<a id>` of that file, and no
// file names one anchor twice. README's `#file-errors` landed on "## Windows text": an `<a id>`
// above that heading took the name of the "## File errors" heading further down.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kDocsRoot = FIXUP_SOURCE_DIR;

std::vector<std::string> DocLines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// GitHub's anchor of a heading: lower case; letters, digits, '-' and '_' kept, spaces made '-'.
std::string DocSlug(const std::string& heading) {
  std::string out;
  for (unsigned char c : heading) {
    if (std::isalnum(c) || c == '-' || c == '_' || c >= 0x80)
      out += static_cast<char>(std::tolower(c));
    else if (c == ' ')
      out += '-';
  }
  return out;
}

struct LinkedDoc {
  std::multiset<std::string> anchors;
  std::vector<std::pair<int, std::string>> links;  // line, target
};

LinkedDoc ReadDoc(const fs::path& file) {
  LinkedDoc doc;
  std::map<std::string, int> seen_headings;
  bool fenced = false;
  static const std::regex kLink(R"re(\]\(([^)\s]*)\))re");
  static const std::regex kId(R"re(<a id="([^"]+)"></a>)re");
  int number = 0;
  for (const std::string& line : DocLines(file)) {
    ++number;
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced) continue;
    if (!line.empty() && line[0] == '#') {
      const size_t text = line.find_first_not_of("# ");
      std::string slug = DocSlug(text == std::string::npos ? "" : line.substr(text));
      const int n = seen_headings[slug]++;
      doc.anchors.insert(n == 0 ? slug : slug + "-" + std::to_string(n));
    }
    for (std::sregex_iterator m(line.begin(), line.end(), kId), end; m != end; ++m) doc.anchors.insert((*m)[1]);
    for (std::sregex_iterator m(line.begin(), line.end(), kLink), end; m != end; ++m)
      doc.links.emplace_back(number, (*m)[1]);
  }
  return doc;
}

std::vector<fs::path> LinkedDocuments() {
  std::vector<fs::path> out = {kDocsRoot / "README.md"};
  for (const auto& entry : fs::directory_iterator(kDocsRoot / "docs"))
    if (entry.path().extension() == ".md") out.push_back(entry.path());
  return out;
}

TEST(DocLinks, EveryAnchorIsNamedOnceInItsFile) {
  for (const fs::path& file : LinkedDocuments()) {
    const LinkedDoc doc = ReadDoc(file);
    for (const std::string& anchor : std::set<std::string>(doc.anchors.begin(), doc.anchors.end()))
      EXPECT_EQ(doc.anchors.count(anchor), 1u) << file.filename() << ": #" << anchor << " is named twice";
  }
}

TEST(DocLinks, EveryLinkBetweenTheDocumentsLandsOnItsTarget) {
  std::map<fs::path, LinkedDoc> docs;
  for (const fs::path& file : LinkedDocuments()) docs[fs::weakly_canonical(file)] = ReadDoc(file);
  size_t checked = 0;
  for (const auto& [file, doc] : docs) {
    for (const auto& [line, target] : doc.links) {
      if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0) continue;
      const size_t hash = target.find('#');
      const std::string path = target.substr(0, hash);
      if (!path.empty() && fs::path(path).extension() != ".md") {
        EXPECT_TRUE(fs::exists(file.parent_path() / path)) << file.filename() << ":" << line << ": " << target;
        continue;
      }
      const fs::path to = path.empty() ? file : fs::weakly_canonical(file.parent_path() / path);
      if (!docs.count(to)) {  // a document elsewhere (scenarios/...): it exists
        EXPECT_TRUE(fs::exists(to)) << file.filename() << ":" << line << ": " << target;
        continue;
      }
      if (hash == std::string::npos) continue;
      EXPECT_TRUE(docs[to].anchors.count(target.substr(hash + 1)))
          << file.filename() << ":" << line << ": " << target << " names no heading or <a id> there";
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);  // the documents do link to each other's sections
}

}  // namespace
