// Text edits inside one paragraph: the displayed text walked as the reader walks it, so a typed
// number can be taken off its front (and a generated caption number put in its place) without
// touching any other character.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <vector>

namespace bidfmt::fix {

// Why a text edit did not happen.
enum class TextEdit {
  done,
  mismatch,        // the text is not what the edit expected
  protected_text,  // a field, content control, tracked change or drawing holds it
  split,           // it spans runs of different formatting (which run's formatting would be a guess)
};

// Removes the leading `prefix` (UTF-8, as docx::Paragraph::text shows it: tabs as \t, breaks as
// \n) from paragraph `p`. Only plain run text may be removed: when the prefix reaches into a
// field, a content control (or the paragraph sits in one), a tracked change or a drawing, nothing
// changes (protected_text);
// when the paragraph does not start with `prefix`, nothing changes either (mismatch).
TextEdit remove_leading_text(pugi::xml_node p, const std::string& prefix);

// The runs of paragraph `p` in reading order, inside hyperlinks, content controls, simple fields
// and tracked insertions too, but not those of text boxes or drawings anchored in it.
std::vector<pugi::xml_node> runs_of(pugi::xml_node p);

// The paragraph's displayed text as remove_leading_text and replace_text walk it (docx::Paragraph::text
// when the reader saw the same).
std::string walked_text(pugi::xml_node p);

// Replaces bytes [begin, begin + size) of walked_text(p) with `text`. Inside one w:t the run keeps
// its formatting; across runs only when all of them are formatted alike (the new text goes into
// the first, the others lose their part), else nothing changes (split). Protected text as above.
TextEdit replace_text(pugi::xml_node p, size_t begin, size_t size, const std::string& text);

// Inserts `text` as a new run in front of the paragraph's first run, with that run's formatting.
void insert_leading_text(pugi::xml_node p, const std::string& text);

}  // namespace bidfmt::fix
