// Notes: what fix leaves as it found it — content controls, tracked changes, comments, fields,
// drawings and embedded objects — counted once, for the report.
#include <cctype>
#include <map>
#include <set>

#include "docx/xml.h"
#include "fix/fixes.h"

namespace bidfmt::fix {
namespace {

std::string field_keyword(std::string_view instr) {
  size_t b = instr.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = instr.find_first_of(" \t\\", b);
  std::string k(instr.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
  for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return k;
}

}  // namespace

std::vector<Text> notes_for(const docx::Document& doc, const std::vector<std::string>& part_names) {
  std::map<std::string, int> n;
  std::set<std::string> fields;
  std::vector<pugi::xml_node> stack{doc.package().document().document_element()};
  std::string instr;
  while (!stack.empty()) {
    pugi::xml_node x = stack.back();
    stack.pop_back();
    if (x.type() != pugi::node_element) continue;
    std::string_view name = x.name();
    if (name == "w:sdt") ++n["sdt"];
    else if (name == "w:ins" || name == "w:del" || name == "w:moveFrom" || name == "w:moveTo" || name == "w:pPrChange" ||
             name == "w:rPrChange" || name == "w:sectPrChange" || name == "w:tblPrChange" || name == "w:trPrChange" ||
             name == "w:tcPrChange")
      ++n["tracked"];
    else if (name == "w:commentRangeStart" || name == "w:commentReference") ++n["comment"];
    else if (name == "w:drawing" || name == "w:pict") ++n["drawing"];
    else if (name == "w:object") ++n["object"];
    else if (name == "w:fldSimple") {
      ++n["field"];
      fields.insert(field_keyword(docx::attr(x, "w:instr")));
    } else if (name == "w:fldChar") {
      std::string_view type = docx::attr(x, "w:fldCharType");
      if (type == "begin") ++n["field"], instr.clear();
      else if (type == "separate" || type == "end") {
        if (!instr.empty()) fields.insert(field_keyword(instr));
        instr.clear();
      }
    } else if (name == "w:instrText") {
      instr += x.text().get();
    }
    for (pugi::xml_node c = x.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  fields.erase("");
  std::vector<Text> out;
  auto count = [&](const char* k) { return std::to_string(n[k]); };
  if (n["sdt"])
    out.push_back({"保留了 " + count("sdt") + " 个内容控件,未改动其结构", count("sdt") + " content control(s) kept as they are"});
  if (n["tracked"])
    out.push_back({"文档含 " + count("tracked") + " 处修订标记,未接受也未拒绝;修订中的文字不改",
                   "the document has " + count("tracked") + " tracked change(s): neither accepted nor rejected, their text untouched"});
  if (n["comment"]) out.push_back({"保留了批注(" + count("comment") + " 处)", "comments kept (" + count("comment") + ")"});
  if (n["field"]) {
    std::string list;
    for (const std::string& f : fields) list += (list.empty() ? "" : ", ") + f;
    out.push_back({"保留了 " + count("field") + " 个域(" + list + "),未改其代码与结果;如有目录,请在 Word 中更新域",
                   count("field") + " field(s) kept (" + list + "), codes and results unchanged; update fields in Word to refresh a TOC"});
  }
  if (n["drawing"]) out.push_back({"保留了 " + count("drawing") + " 个图形", count("drawing") + " drawing(s) kept"});
  if (n["object"]) out.push_back({"保留了 " + count("object") + " 个嵌入对象", count("object") + " embedded object(s) kept"});
  for (const std::string& p : part_names) {
    if (p == "word/footnotes.xml" || p == "word/endnotes.xml") {
      out.push_back({"脚注与尾注未改动", "footnotes and endnotes left as they are"});
      break;
    }
  }
  return out;
}

}  // namespace bidfmt::fix
