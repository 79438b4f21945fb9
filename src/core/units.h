// Typed OOXML units (ECMA-376 Part 1 §17.18): twips, half-points, eighth-points, and conversions.
#pragma once
#include <cmath>

namespace bidfmt {

// Twentieths of a point: page sizes, margins, indents, spacing (w:pgSz, w:ind, w:spacing).
struct Twips {
  int v = 0;
  static Twips from_mm(double mm) { return Twips{static_cast<int>(std::lround(mm * 1440.0 / 25.4))}; }
  static Twips from_pt(double pt) { return Twips{static_cast<int>(std::lround(pt * 20.0))}; }
  double mm() const { return v * 25.4 / 1440.0; }
  double pt() const { return v / 20.0; }
  friend bool operator==(Twips a, Twips b) { return a.v == b.v; }
  friend bool operator!=(Twips a, Twips b) { return a.v != b.v; }
};

// Half-points: font sizes (w:sz, w:szCs).
struct HalfPoints {
  int v = 0;
  static HalfPoints from_pt(double pt) { return HalfPoints{static_cast<int>(std::lround(pt * 2.0))}; }
  double pt() const { return v / 2.0; }
  friend bool operator==(HalfPoints a, HalfPoints b) { return a.v == b.v; }
  friend bool operator!=(HalfPoints a, HalfPoints b) { return a.v != b.v; }
};

// Eighths of a point: border widths (w:sz on w:top, w:insideH, …, §17.3.4).
struct EighthPoints {
  int v = 0;
  static EighthPoints from_pt(double pt) { return EighthPoints{static_cast<int>(std::lround(pt * 8.0))}; }
  double pt() const { return v / 8.0; }
  friend bool operator==(EighthPoints a, EighthPoints b) { return a.v == b.v; }
  friend bool operator!=(EighthPoints a, EighthPoints b) { return a.v != b.v; }
};

// English Metric Units: drawing extents (wp:extent, a:ext). 914400 per inch.
struct Emu {
  long long v = 0;
  static Emu from_twips(Twips t) { return Emu{static_cast<long long>(t.v) * 635}; }
};

// Line spacing in 240ths of a line (w:spacing w:line with w:lineRule="auto").
struct LineSpacing240 {
  int v = 240;
  static LineSpacing240 from_multiple(double m) { return LineSpacing240{static_cast<int>(std::lround(m * 240.0))}; }
  double multiple() const { return v / 240.0; }
  friend bool operator==(LineSpacing240 a, LineSpacing240 b) { return a.v == b.v; }
  friend bool operator!=(LineSpacing240 a, LineSpacing240 b) { return a.v != b.v; }
};

}  // namespace bidfmt
