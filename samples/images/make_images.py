#!/usr/bin/env python3
"""Write the two sample figures used by the bidfmt samples.

site-plan.png     1200x800  simplified site layout (施工总平面布置示意图)
service-flow.png  1000x1400 simplified flowchart (售后服务流程图)

Python 3 standard library only (zlib + struct). Output is deterministic:
palette (colour type 3) PNGs with solid fills, so each file stays small.
Run from anywhere: the PNGs are written next to this script.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


class Canvas:
    """An indexed-colour raster: one byte per pixel, a fixed palette."""

    def __init__(self, width, height, palette, background=0):
        self.w = width
        self.h = height
        self.palette = palette
        self.rows = [bytearray([background]) * width for _ in range(height)]

    def rect(self, x0, y0, x1, y1, colour):
        """Fill the half-open box [x0, x1) x [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.w, x1)
        y0, y1 = max(0, y0), min(self.h, y1)
        if x0 >= x1:
            return
        run = bytes([colour]) * (x1 - x0)
        for y in range(y0, y1):
            self.rows[y][x0:x1] = run

    def box(self, x0, y0, x1, y1, fill, border, t=3):
        """A filled box with a border of thickness t."""
        self.rect(x0, y0, x1, y1, border)
        self.rect(x0 + t, y0 + t, x1 - t, y1 - t, fill)

    def hline(self, x0, x1, y, colour, t=3):
        self.rect(min(x0, x1), y - t // 2, max(x0, x1) + 1, y - t // 2 + t, colour)

    def vline(self, x, y0, y1, colour, t=3):
        self.rect(x - t // 2, min(y0, y1), x - t // 2 + t, max(y0, y1) + 1, colour)

    def triangle_down(self, cx, tip_y, half, colour):
        """Arrow head pointing down with its tip at (cx, tip_y)."""
        for i in range(half + 1):
            y = tip_y - i
            self.rect(cx - i, y, cx + i + 1, y + 1, colour)

    def triangle_up(self, cx, tip_y, half, colour):
        for i in range(half + 1):
            y = tip_y + i
            self.rect(cx - i, y, cx + i + 1, y + 1, colour)

    def triangle_left(self, tip_x, cy, half, colour):
        for i in range(half + 1):
            x = tip_x + i
            self.rect(x, cy - i, x + 1, cy + i + 1, colour)

    def triangle_right(self, tip_x, cy, half, colour):
        for i in range(half + 1):
            x = tip_x - i
            self.rect(x, cy - i, x + 1, cy + i + 1, colour)

    def diamond(self, cx, cy, hw, hh, fill, border, t=3):
        """A rhombus (decision box) of half-width hw and half-height hh."""
        for dy in range(-hh, hh + 1):
            half = int(hw * (1 - abs(dy) / hh))
            self.rect(cx - half, cy + dy, cx + half + 1, cy + dy + 1, border)
        ihw, ihh = hw - 2 * t, hh - t
        for dy in range(-ihh, ihh + 1):
            half = int(ihw * (1 - abs(dy) / ihh))
            self.rect(cx - half, cy + dy, cx + half + 1, cy + dy + 1, fill)

    def png(self):
        def chunk(kind, data):
            body = kind + data
            return (struct.pack(">I", len(data)) + body
                    + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF))

        raw = b"".join(b"\x00" + bytes(r) for r in self.rows)
        plte = b"".join(bytes(c) for c in self.palette)
        return (b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 3, 0, 0, 0))
                + chunk(b"PLTE", plte)
                + chunk(b"IDAT", zlib.compress(raw, 9))
                + chunk(b"IEND", b""))


def site_plan():
    pal = [
        (236, 242, 226),  # 0 ground
        (60, 60, 60),     # 1 outline / dark
        (150, 150, 150),  # 2 road surface
        (255, 255, 255),  # 3 centre line / white
        (110, 160, 220),  # 4 生活区 blue
        (240, 170, 80),   # 5 材料堆场 orange
        (210, 80, 70),    # 6 拌合站 red
        (140, 110, 180),  # 7 钢筋加工场 purple
        (90, 170, 110),   # 8 绿化 / 弃土场 green
        (120, 200, 230),  # 9 沉淀池 water
        (200, 190, 160),  # 10 临时便道 sand
        (250, 220, 90),   # 11 办公区 yellow
    ]
    c = Canvas(1200, 800, pal, 0)
    # outer boundary of the site (红线)
    c.rect(20, 20, 1180, 26, 1)
    c.rect(20, 774, 1180, 780, 1)
    c.rect(20, 20, 26, 780, 1)
    c.rect(1174, 20, 1180, 780, 1)
    # the new road: a band across the site with a dashed centre line
    c.rect(26, 360, 1174, 460, 1)
    c.rect(26, 366, 1174, 454, 2)
    for x in range(40, 1170, 80):
        c.rect(x, 407, x + 44, 413, 3)
    # temporary access roads (临时便道) from the road to the yards
    c.rect(300, 200, 340, 360, 10)
    c.rect(760, 460, 800, 640, 10)
    c.rect(520, 250, 900, 280, 10)
    # 生活区 and 办公区 (north-west)
    c.box(60, 60, 280, 200, 4, 1)
    c.box(60, 220, 280, 330, 11, 1)
    # 材料堆场: three bays (north)
    for i in range(3):
        x = 360 + i * 120
        c.box(x, 80, x + 100, 240, 5, 1)
    # 拌合站 with its cement silos (north-east)
    c.box(760, 70, 1000, 240, 6, 1)
    for i in range(3):
        x = 790 + i * 70
        c.box(x, 100, x + 40, 140, 3, 1, 2)
    # 沉淀池 beside the mixing plant
    c.box(1020, 90, 1140, 200, 9, 1)
    # 钢筋加工场 and 预制场 (south-west)
    c.box(80, 500, 360, 660, 7, 1)
    c.box(400, 500, 700, 620, 5, 1)
    # 弃土场 (south-east)
    c.box(840, 520, 1120, 740, 8, 1)
    # culvert positions: small dark bars across the road
    for x in (230, 610, 980):
        c.rect(x, 350, x + 14, 470, 1)
    # north arrow (top right)
    c.triangle_up(1130, 230, 18, 1)
    c.rect(1127, 248, 1133, 300, 1)
    # legend: coloured squares in the lower-left corner
    for i, col in enumerate((4, 11, 5, 6, 7, 8, 9, 10)):
        x = 60 + i * 40
        c.box(x, 700, x + 28, 728, col, 1, 2)
    return c


def service_flow():
    pal = [
        (255, 255, 255),  # 0 background
        (40, 40, 40),     # 1 lines
        (205, 225, 245),  # 2 process box
        (255, 230, 180),  # 3 decision
        (200, 235, 200),  # 4 start / end
        (245, 200, 200),  # 5 escalation
    ]
    c = Canvas(1000, 1400, pal, 0)
    cx = 500
    bw, bh = 340, 90

    def step(y, fill=2):
        c.box(cx - bw // 2, y, cx + bw // 2, y + bh, fill, 1)

    def arrow_down(y0, y1, x=cx):
        c.vline(x, y0, y1 - 14, 1)
        c.triangle_down(x, y1, 12, 1)

    ys = [40, 200, 360]          # 受理报修, 登记派单, 远程诊断
    step(ys[0], 4)
    step(ys[1])
    step(ys[2])
    arrow_down(ys[0] + bh, ys[1])
    arrow_down(ys[1] + bh, ys[2])
    # decision: 远程能否解决
    dy = 600
    c.diamond(cx, dy, 190, 90, 3, 1)
    arrow_down(ys[2] + bh, dy - 90)
    # yes branch to the right: 远程指导处理, back down to 验收
    c.hline(cx + 190, 830, dy, 1)
    c.box(700, 680, 960, 770, 2, 1)
    arrow_down(dy, 680, 830)
    c.vline(830, 770, 1130, 1)
    c.hline(830, cx + bw // 2 + 12, 1130, 1)
    c.triangle_left(cx + bw // 2, 1130, 12, 1)
    # no branch down: 现场维修, 维修中心/返厂 escalation on the left
    step(760)
    arrow_down(dy + 90, 760)
    c.box(40, 760, 270, 850, 5, 1)
    c.hline(270, cx - bw // 2, 805, 1)
    c.triangle_right(cx - bw // 2, 805, 12, 1)
    step(920)
    arrow_down(760 + bh, 920)
    # 用户验收 and 回访归档
    step(1085)
    arrow_down(920 + bh, 1085)
    step(1250, 4)
    arrow_down(1085 + bh, 1250)
    return c


def main():
    for name, canvas in (("site-plan.png", site_plan()),
                         ("service-flow.png", service_flow())):
        path = os.path.join(HERE, name)
        data = canvas.png()
        with open(path, "wb") as f:
            f.write(data)
        print(f"{name}: {canvas.w}x{canvas.h}, {len(data)} bytes")


if __name__ == "__main__":
    main()
