// 暗标 check: identity strings and contact patterns, found with ICU over NFKC-folded text.
#include "rules/anonymous.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <memory>

#include "core/error.h"
#include "core/file_io.h"
#include "docx/script.h"
#include "docx/xml.h"
#include "rules/kinds.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const char* kRule = "bid.anonymous";

const icu::Normalizer2* folding() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(st);
  return U_SUCCESS(st) ? n : nullptr;
}

// NFKC with case folding: full-width ＡＢＣ１２３ and ABC123 compare equal.
icu::UnicodeString fold(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  const icu::Normalizer2* n = folding();
  if (!n) return u;
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(u, st);
  return U_SUCCESS(st) ? out : u;
}

// Folded text that remembers where each of its UTF-16 units came from in the original UTF-8, so
// that a match is quoted as the document writes it (「91420100MA4K…」, not the folded 「…ma4k…」).
// The text is folded piece by piece between normalisation boundaries (ICU's hasBoundaryBefore),
// which gives the same result as folding it whole.
struct Folded {
  icu::UnicodeString text;
  std::vector<int32_t> begin, end;  // per unit of `text`: the original bytes of its piece
  // The original of folded units [from, to).
  std::string original(const std::string& source, int32_t from, int32_t to) const {
    if (from >= to || to > text.length()) return "";
    const int32_t b = begin[static_cast<size_t>(from)], e = end[static_cast<size_t>(to) - 1];
    return source.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  }
};

Folded fold_mapped(const std::string& s) {
  Folded f;
  const icu::Normalizer2* n = folding();
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  auto flush = [&](int32_t from, int32_t to) {
    if (from >= to) return;
    icu::UnicodeString piece = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data() + from, to - from));
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString folded = n ? n->normalize(piece, st) : piece;
    if (U_FAILURE(st)) folded = piece;
    f.text.append(folded);
    f.begin.insert(f.begin.end(), static_cast<size_t>(folded.length()), from);
    f.end.insert(f.end.end(), static_cast<size_t>(folded.length()), to);
  };
  int32_t start = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (at > start && (c < 0 || !n || n->hasBoundaryBefore(c))) {
      flush(start, at);
      start = at;
    }
  }
  flush(start, length);
  return f;
}

struct Pattern {
  const char* kind;
  Text what;
  const char* regex;
};
// Applied to folded text (lower case).
const Pattern kPatterns[] = {
    {"email", {"电子邮箱", "e-mail address"}, "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}"},
    {"url", {"网址", "URL"}, "(?:https?://|www\\.)[^\\s，。；、）)]+"},
    {"id_card",
     {"身份证号", "ID-card number"},
     "(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9x](?![0-9a-z])"},
    {"licence",
     {"统一社会信用代码", "unified social credit code"},
     "(?<![0-9a-z])(?=[0-9a-z]{0,17}[a-z])[0-9a-hj-npqrtuwxy]{2}[0-9]{6}[0-9a-hj-npqrtuwxy]{9}[0-9a-hj-npqrtuwxy](?![0-9a-z])"},
    // Mobile 139 1234 5678 / 13912345678 / +86 139-1234-5678; fixed line 027-8888 6666 /
    // 0755 8888 6666 / (027)88886666 / +86 27 8888 6666. Folding makes full-width digits, spaces
    // and hyphens plain; a group of digits that runs on into more digits is not a phone number.
    {"phone",
     {"电话号码", "phone number"},
     "(?<![0-9+])(?<![0-9][ -])"
     "(?:(?:(?:\\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}"
     "|(?:(?:\\+|00)86[ -]?(?:\\(0?[1-9][0-9]{1,2}\\)|0?[1-9][0-9]{1,2})|\\(0[1-9][0-9]{1,2}\\)|0[1-9][0-9]{1,2})[ -]?[0-9]{3,4}[ -]?[0-9]{4})"
     "(?![ -]?[0-9])"},
};

class Scanner {
 public:
  Scanner(const Identity& id, Findings& out) : out_(out) {
    for (const auto* list : {&id.names, &id.people, &id.other})
      for (const std::string& s : *list)
        if (!docx::blank(s)) terms_.push_back({s, fold(s)});
    UErrorCode st = U_ZERO_ERROR;
    for (const Pattern& p : kPatterns) {
      UParseError pe;
      regexes_.emplace_back(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p.regex), pe, st));
    }
  }

  // Scans one piece of text found at `where` (described by `place`).
  void scan(const std::string& text, const Location& where, const Text& place, bool fixable) {
    if (text.empty()) return;
    const Folded mapped = fold_mapped(text);
    const icu::UnicodeString& folded = mapped.text;
    // Every occurrence of every term; one that lies inside an occurrence of another term (the
    // alias 「楚衡路桥」 inside the full name) is not reported again.
    struct Hit {
      size_t term;
      int32_t begin, end;
    };
    std::vector<Hit> hits;
    for (size_t t = 0; t < terms_.size(); ++t) {
      const icu::UnicodeString& term = terms_[t].second;
      for (int32_t at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) hits.push_back(Hit{t, at, at + term.length()});
    }
    std::vector<bool> reported(terms_.size(), false);
    for (const Hit& h : hits) {
      if (reported[h.term]) continue;
      bool inside = std::any_of(hits.begin(), hits.end(), [&](const Hit& o) {
        return o.term != h.term && o.begin <= h.begin && h.end <= o.end && (o.end - o.begin) > (h.end - h.begin);
      });
      if (inside) continue;
      reported[h.term] = true;
      // As the document writes it (「ＸＸ公司」), not as identity.yaml does.
      add("identity", where, place, mapped.original(text, h.begin, h.end), Text{"投标人身份信息", "the bidder's identity"}, fixable);
    }
    UErrorCode st = U_ZERO_ERROR;
    for (size_t i = 0; i < regexes_.size(); ++i) {
      if (!regexes_[i]) continue;
      std::unique_ptr<icu::RegexMatcher> m(regexes_[i]->matcher(folded, st));
      while (U_SUCCESS(st) && m->find(st)) {
        const int32_t b = m->start(st), e = m->end(st);
        if (U_FAILURE(st)) break;
        add(kPatterns[i].kind, where, place, mapped.original(text, b, e), kPatterns[i].what, fixable);
      }
    }
  }

 private:
  void add(const char* kind, const Location& where, const Text& place, const std::string& found, const Text& what, bool fixable) {
    Text message{"暗标中不得出现" + what.zh + ":" + place.zh + "含「" + found + "」",
                 "an anonymous bid must not show " + what.en + ": " + place.en + " contains '" + found + "'"};
    out_.emplace_back(Statement{kRule, kind, Text{"无", "none"}, Text{found, found}, std::move(message)}, where, Severity::error, fixable);
  }

  std::vector<std::pair<std::string, icu::UnicodeString>> terms_;
  std::vector<std::unique_ptr<icu::RegexPattern>> regexes_;
  Findings& out_;
};

std::string text_of(pugi::xml_node n) {
  std::string s;
  for (pugi::xpath_node t : n.select_nodes(".//w:t")) s += t.node().text().get();
  return s;
}

void scan_story(Scanner& sc, const docx::Story& story, const Text& place) {
  for (const docx::Paragraph& p : story.paragraphs)
    if (!p.text.empty()) sc.scan(p.text, locate(p, story.part), place, false);
}

// Text the stories leave out: text boxes, and foot- or endnotes (one finding list per note).
void scan_elements(Scanner& sc, const pugi::xml_document& part, const std::string& name, const char* xpath, const Text& place) {
  for (pugi::xpath_node n : part.select_nodes(xpath)) {
    std::string text = text_of(n.node());
    sc.scan(text, in_part(name, docx::excerpt(text)), place, false);
  }
}

// Who wrote or changed what: every w:author of a part (tracked changes, comments, people.xml's
// w15:person), one finding per distinct name. `bidfmt fix --anonymous` clears them.
void report_authors(Findings& out, const pugi::xml_document& part, const std::string& name) {
  std::vector<std::string> seen;
  for (pugi::xpath_node n : part.select_nodes("//*[@*[local-name()='author']]")) {
    for (pugi::xml_attribute a : n.node().attributes()) {
      if (docx::local_name(a.name()) != "author" || docx::blank(a.value())) continue;
      std::string who = a.value();
      if (std::find(seen.begin(), seen.end(), who) != seen.end()) continue;
      seen.push_back(who);
      Text message{"暗标中不得出现作者姓名:" + name + " 的修订或批注作者为「" + who + "」",
                   "an anonymous bid must not name its authors: " + name + " names the author '" + who + "'"};
      out.emplace_back(Statement{kRule, kind::kMetadata, Text{"无作者姓名", "no author name"}, Text{who, who}, std::move(message)},
                       in_part(name, who), Severity::error, true);
    }
  }
}

}  // namespace

const std::vector<MetadataField>& identifying_metadata() {
  static const std::vector<MetadataField> fields = {
      {"docProps/core.xml", "creator"},
      {"docProps/core.xml", "lastModifiedBy"},
      {"docProps/app.xml", "Company"},
      {"docProps/app.xml", "Manager"},
  };
  return fields;
}

bool is_identifying_field(const std::string& part, std::string_view element) {
  for (const MetadataField& f : identifying_metadata())
    if (part == f.part && docx::local_name(element) == f.element) return true;
  return false;
}

Identity load_identity(const std::string& path) {
  Identity id;
  id.source = path;
  YAML::Node root;
  try {
    root = YAML::Load(core::read_file(path));
  } catch (const YAML::Exception& e) {
    throw Error(path, e.mark.is_null() ? 0 : e.mark.line + 1, "YAML 格式错误:" + e.msg, "malformed YAML: " + e.msg);
  }
  if (root.IsNull()) return id;  // an empty file: patterns only
  if (!root.IsMap()) throw Error(path, 1, "身份文件应为键值映射(names/people/other)", "an identity file is a mapping (names/people/other)");
  for (const auto& kv : root) {
    std::string key = kv.first.as<std::string>();
    std::vector<std::string>* list = key == "names" ? &id.names : key == "people" ? &id.people : key == "other" ? &id.other : nullptr;
    if (!list)
      throw Error(path, kv.first.Mark().line + 1, "未知的键「" + key + "」(可用 names、people、other)",
                  "unknown key '" + key + "' (names, people, other)");
    if (kv.second.IsScalar()) {
      list->push_back(kv.second.as<std::string>());
    } else if (kv.second.IsSequence()) {
      for (const auto& v : kv.second) {
        if (!v.IsScalar())
          throw Error(path, v.Mark().line + 1, "「" + key + "」的每一项应为文本", "each item of '" + key + "' must be text");
        list->push_back(v.as<std::string>());
      }
    } else {
      throw Error(path, kv.second.Mark().line + 1, "「" + key + "」应为文本列表", "'" + key + "' must be a list of text");
    }
  }
  return id;
}

std::optional<Identity> identity_for(bool asked, const std::string& file, bool profile_anonymous) {
  if (!file.empty()) return load_identity(file);
  if (asked || profile_anonymous) return Identity{};
  return std::nullopt;
}

Findings check_anonymous(const docx::Document& doc, const Identity& identity) {
  Findings out;
  Scanner sc(identity, out);
  const docx::Package& pkg = doc.package();
  scan_story(sc, doc.body(), Text{"正文", "the text"});
  scan_elements(sc, pkg.document(), pkg.main_part(), "//w:txbxContent", Text{"文本框", "a text box"});
  // Headers and footers of every section.
  std::vector<std::string> seen;
  for (const docx::Section& s : doc.sections())
    for (const auto* m : {&s.headers, &s.footers})
      for (const auto& [kind, part] : *m) {
        if (std::find(seen.begin(), seen.end(), part) != seen.end()) continue;
        seen.push_back(part);
        if (const docx::Story* story = doc.story(part)) scan_story(sc, *story, Text{"页眉页脚", "a header or footer"});
      }
  // Notes and comments (their text), and the authors of every part that can name them.
  report_authors(out, pkg.document(), pkg.main_part());
  for (const auto& [id, rel] : pkg.relationships()) {
    if (rel.external) continue;
    const bool comments = rel.type == "comments", notes = rel.type == "footnotes" || rel.type == "endnotes";
    const bool story = rel.type == "header" || rel.type == "footer";
    if (!comments && !notes && !story && rel.type != "people") continue;
    const pugi::xml_document* part = pkg.part(rel.target);
    if (!part) continue;
    if (comments) scan_elements(sc, *part, rel.target, "//w:comment", Text{"批注", "a comment"});
    if (notes) scan_elements(sc, *part, rel.target, "//w:footnote[not(@w:type)] | //w:endnote[not(@w:type)]", Text{"脚注尾注", "a note"});
    report_authors(out, *part, rel.target);
  }
  // Document properties: any name there identifies someone, whatever identity.yaml lists.
  for (const MetadataField& f : identifying_metadata()) {
    const pugi::xml_document* d = pkg.part(f.part);
    if (!d) continue;
    for (pugi::xml_node e : d->document_element().children()) {
      if (docx::local_name(e.name()) != f.element || docx::blank(e.text().get())) continue;
      std::string value = e.text().get();
      Text message{
          std::string("暗标的文档属性不得含个人或单位信息:") + f.element + " 为「" + value + "」",
          std::string("an anonymous bid's document properties must not name a person or company: ") + f.element + " is '" + value + "'"};
      out.emplace_back(Statement{kRule, kind::kMetadata, Text{"空", "empty"}, Text{value, value}, std::move(message)},
                       in_part(f.part, value), Severity::error, true);
    }
  }
  // Image alt text and names in the main document.
  for (pugi::xpath_node n : pkg.document().select_nodes("//wp:docPr")) {
    const Location at = in_part(pkg.main_part());
    for (const char* a : {"descr", "title", "name"})
      sc.scan(n.node().attribute(a).value(), at, Text{"图片说明文字", "an image's alt text"}, false);
  }
  return out;
}

}  // namespace bidfmt::rules
