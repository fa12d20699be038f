#!/usr/bin/env bash
# Rebuilds the bundled, pre-subset TrueType fonts from Debian's font packages.
#
# Why: PDFsharp 6.2 cannot read .ttc collections and embeds CFF (.otf) fonts whole, so every role's
# substitute is extracted, converted from CFF to TrueType outlines and cut down to the characters a
# closure application may contain: GB 2312, the 8,105 characters of 通用规范汉字表 (tygf-8105.tsv, beside
# this script), ASCII/Latin-1, CJK and full-width punctuation and the form's symbols. Layout features
# and hinting are dropped: the layout layer only needs cmap, advance widths and outlines.
#
# Needs: fonts-noto-cjk, fonts-lxgw-wenkai, texlive-lang-chinese (Fandol), fonttools (Debian's python3).
# Usage: src/BaZhouTalent.Typesetting/Fonts/build-fonts.sh   (writes the .ttf files next to itself)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# Debian's fonttools lives in the system interpreter, not in a pyenv/venv one that may shadow it.
py=/usr/bin/python3
noto=/usr/share/fonts/opentype/noto
wenkai=/usr/share/fonts/truetype/lxgw-wenkai
fandol=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$py" - "$here" "$work" <<'PY'
import sys
here, work = sys.argv[1], sys.argv[2]
cps = set()
# GB 2312: every valid two-byte code in rows 0xA1-0xF7, decoded by Python's codec.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
# 通用规范汉字表: serial, level, code point, character.
with open(f"{here}/tygf-8105.tsv", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        cps.add(int(line.split("\t")[2][2:], 16))
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (×, ÷, ·, °, ±)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, bullets
    (0x2030, 0x203B),  # ‰ ′ ″ ※
    (0x2100, 0x2122),  # ℃ № ™
    (0x2160, 0x216B),  # Ⅰ–Ⅻ
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212), (0x221A, 0x221A), (0x2264, 0x2265),  # − √ ≤ ≥
    (0x2460, 0x2473),  # ①–⑳
    (0x2474, 0x2487),  # ⑴–⒇
    (0x25A0, 0x25A1), (0x25B2, 0x25B3), (0x25CB, 0x25CB), (0x25CE, 0x25CF),  # ■□▲△○◎●
    (0x2605, 0x2606), (0x2610, 0x2612), (0x2713, 0x2714),  # ★☆ ☐☑☒ ✓✔
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3220, 0x3229),  # ㈠–㈩
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E), (0xFFE0, 0xFFE5),  # full-width forms
]
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))
with open(f"{work}/unicodes.txt", "w") as f:
    f.write("\n".join(f"U+{c:04X}" for c in sorted(cps)))
print(f"character set: {len(cps)} code points")
PY

# subset SOURCE FACE-INDEX OUTPUT: cut to the character set, then convert CFF outlines to TrueType.
subset() {
  local src="$1" index="$2" out="$3"
  "$py" -m fontTools.subset "$src" --font-number="$index" \
    --unicodes-file="$work/unicodes.txt" \
    --layout-features='' --no-hinting --desubroutinize \
    --drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,VORG,vhea,vmtx,DSIG,meta \
    --name-IDs=0,1,2,3,4,5,6 --name-languages='*' --notdef-outline \
    --output-file="$work/subset.otf"
  "$py" - "$work/subset.otf" "$here/$out" <<'PY'
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, dst = sys.argv[1], sys.argv[2]
font = TTFont(src)
if "CFF " in font:
    # The otf2ttf recipe from fontTools' snippets: quadratic outlines within 1 unit of the cubic ones.
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, 1.0, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: they only cost bytes
    font.sfntVersion = "\000\001\000\000"
elif "post" in font:
    font["post"].formatType = 3.0
font.save(dst)
PY
  printf '%-36s %8d bytes\n' "$out" "$(stat -c %s "$here/$out")"
}

# Face 2 of the Noto CJK collections is Simplified Chinese (JP, KR, SC, TC, HK order).
subset "$noto/NotoSerifCJK-Bold.ttc"    2 NotoSerifSC-Bold.ttf     # 小标宋
subset "$noto/NotoSerifCJK-Regular.ttc" 2 NotoSerifSC-Regular.ttf  # 仿宋 per-character fallback
subset "$noto/NotoSansCJK-Regular.ttc"  2 NotoSansSC-Regular.ttf   # 黑体
subset "$wenkai/LXGWWenKai-Regular.ttf" 0 LXGWWenKai-Regular.ttf   # 楷体
subset "$fandol/FandolFang-Regular.otf" 0 FandolFang-Regular.ttf   # 仿宋
