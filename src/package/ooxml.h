// The OOXML vocabulary every layer that reads or writes a package shares — namespaces, content
// types and relationship types — defined once here, in the layer below the writer, the reader,
// fix and annotate (ECMA-376 Part 1 and Part 2, Open Packaging Conventions).
#pragma once

namespace bidfmt::package {

// Namespace URIs (transitional, as bidfmt writes; the strict forms only where a reader accepts them).
namespace ns {
inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kWp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* kA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr const char* kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
inline constexpr const char* kV = "urn:schemas-microsoft-com:vml";
// ISO/IEC 29500 Strict.
inline constexpr const char* kStrictW = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr const char* kStrictR = "http://purl.oclc.org/ooxml/officeDocument/relationships";
inline constexpr const char* kStrictA = "http://purl.oclc.org/ooxml/drawingml/main";
// Package parts: _rels/*.rels, [Content_Types].xml, docProps.
inline constexpr const char* kRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* kContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* kCoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
inline constexpr const char* kExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
}  // namespace ns

// Content types of the parts bidfmt writes or adds.
namespace content_type {
inline constexpr const char* kMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
inline constexpr const char* kTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
inline constexpr const char* kStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
inline constexpr const char* kSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
inline constexpr const char* kNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
inline constexpr const char* kFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
inline constexpr const char* kFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";
inline constexpr const char* kHeader = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
inline constexpr const char* kFooter = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
inline constexpr const char* kComments = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
inline constexpr const char* kRelationships = "application/vnd.openxmlformats-package.relationships+xml";
inline constexpr const char* kXml = "application/xml";
inline constexpr const char* kCoreProperties = "application/vnd.openxmlformats-package.core-properties+xml";
inline constexpr const char* kExtendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
inline constexpr const char* kPng = "image/png";
inline constexpr const char* kJpeg = "image/jpeg";
}  // namespace content_type

// Relationship types: office document ones are kOffice + a short name ("styles", "header", …).
namespace rel_type {
inline constexpr const char* kOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr const char* kCoreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
inline constexpr const char* kComments = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
}  // namespace rel_type

}  // namespace bidfmt::package
