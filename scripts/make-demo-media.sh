#!/usr/bin/env bash
# make-demo-media.sh — regenerate Hearth's demo media and app icons.
#
# Needs:  bash, awk, ffmpeg + ffprobe (libx264, aac, built with libfreetype not required),
#         espeak-ng (British English voice en-gb),
#         rsvg-convert (Debian: librsvg2-bin)  — or, as a fallback, chromium (headless),
#         a sans-serif font (Liberation Sans or DejaVu Sans; fonts-liberation),
#         optional: pngquant (smaller PNGs).
#   Debian: apt-get install ffmpeg espeak-ng librsvg2-bin pngquant fonts-liberation
#
# Produces (all committed; this is NOT run at install time):
#   seed/media/avatar-<name>.png   480x480 drawn avatars (no real faces)
#   seed/media/film-<name>.mp4     640x360 H.264/AAC "hello" films with espeak-ng speech
#   seed/media/captions-<name>.vtt WebVTT captions for the film: its three sentences, timed as spoken
#   seed/media/voice-<name>-appreciated.m4a, seed/media/voice-<name>-matters.m4a
#                                  each section of the one-page profile read aloud, heading then items
#                                  ("What people appreciate about me. Calm and unhurried in the mornings. …"),
#                                  AAC mono ~32 kb/s, in the film's voice; the text is read from
#                                  src/server/seed/demo-carers-*.ts (needs node and the repo's npm install)
#   public/favicon.svg, public/apple-touch-icon.png,
#   public/icons/icon-192.png, public/icons/icon-512.png, public/icons/maskable-512.png
#
# The drawings are generated from the parameters in this file (see CARERS below);
# nothing else is needed as source. Usage:  scripts/make-demo-media.sh [name ...]
# (with names, only those carers' avatar+film are rebuilt; icons are always rebuilt)
# --speech [name ...] rebuilds only the captions and voice files (films and their hashes stay as they are).
# SVGs are rasterised with rsvg-convert when present; RENDERER=chromium forces headless Chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEDIA="$ROOT/seed/media"
PUBLIC="$ROOT/public"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$MEDIA" "$PUBLIC/icons"

FONT="Liberation Sans, DejaVu Sans, Arial, sans-serif"
INK="#3A2418"       # warm near-black text
HEARTH_RED="#8B2E16"
CREAM="#FFF8EE"

# ---------------------------------------------------------------------------
# Rasterise an SVG: render_svg in.svg out.png width height
# ---------------------------------------------------------------------------
render_svg() {
  local in="$1" out="$2" w="$3" h="$4"
  if [[ "${RENDERER:-}" != chromium ]] && command -v rsvg-convert >/dev/null 2>&1; then
    rsvg-convert -w "$w" -h "$h" -o "$out" "$in"
  else
    local chrome
    chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
    local html="$TMP/render-$$.html"
    {
      echo "<!doctype html><html><head><style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}</style></head><body>"
      sed -e "s/<svg /<svg width=\"$w\" height=\"$h\" /" "$in"
      echo "</body></html>"
    } >"$html"
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
      --default-background-color=00000000 --window-size="$w,$h" \
      --screenshot="$out" "file://$html" >/dev/null 2>&1
  fi
}

# Shrink a PNG losslessly-ish if pngquant is available (keeps original if no gain).
squeeze_png() {
  local f="$1"
  if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --nofs --quality=80-98 --strip --output "$f" -- "$f" || true
  fi
}

# ---------------------------------------------------------------------------
# Avatars
# Each carer: bg skin hair shirt style extras voice
#   style:  short | quiff | crop | receding | long | bob | ponytail | curly | hijab
#   extras: comma list of beard, stubble, glasses, earrings, freckles, none
# ---------------------------------------------------------------------------
NAMES=(sam priya tom grace kwame megan dan aisha bethan rosie jess nell marta)

declare -A BG SKIN HAIR SHIRT STYLE EXTRAS VOICE SAY
BG[sam]="#7FB7B2";    SKIN[sam]="#F0C4A4";    HAIR[sam]="#6B4226";    SHIRT[sam]="#2F4A6D";    STYLE[sam]=short;     EXTRAS[sam]="beard";            VOICE[sam]="en-gb+m3"
BG[priya]="#F2C14E";  SKIN[priya]="#C68E63";  HAIR[priya]="#1F1A1A";  SHIRT[priya]="#1F7A7A";  STYLE[priya]=long;    EXTRAS[priya]="earrings";       VOICE[priya]="en-gb+f3"
BG[tom]="#8EC5E8";    SKIN[tom]="#F6D3BA";    HAIR[tom]="#C4622D";    SHIRT[tom]="#E8772E";    STYLE[tom]=quiff;     EXTRAS[tom]="freckles";         VOICE[tom]="en-gb+m1"
BG[grace]="#C3B1E1";  SKIN[grace]="#7A4B2E";  HAIR[grace]="#D9D6D2";  SHIRT[grace]="#C8506A";  STYLE[grace]=curly;   EXTRAS[grace]="glasses,earrings"; VOICE[grace]="en-gb+f2"
BG[kwame]="#9BCB8E";  SKIN[kwame]="#5E3A22";  HAIR[kwame]="#1A1414";  SHIRT[kwame]="#2B5C9E";  STYLE[kwame]=crop;    EXTRAS[kwame]="beard";          VOICE[kwame]="en-gb+m2"
BG[megan]="#F4A6C0";  SKIN[megan]="#F7D7C4";  HAIR[megan]="#E2B85C";  SHIRT[megan]="#2A9D8F";  STYLE[megan]=ponytail; EXTRAS[megan]="none";          VOICE[megan]="en-gb+f4"
BG[dan]="#A9B7E3";    SKIN[dan]="#E6B48F";    HAIR[dan]="#8C857C";    SHIRT[dan]="#3D7A4A";    STYLE[dan]=receding;  EXTRAS[dan]="glasses,stubble";  VOICE[dan]="en-gb+m4"
BG[aisha]="#F0D6A8";  SKIN[aisha]="#B07A52";  HAIR[aisha]="#6B3E75";  SHIRT[aisha]="#6B3E75";  STYLE[aisha]=hijab;   EXTRAS[aisha]="none";           VOICE[aisha]="en-gb+f3"
BG[bethan]="#E9927F"; SKIN[bethan]="#F2CDB2"; HAIR[bethan]="#8E3B1C"; SHIRT[bethan]="#3E5C76"; STYLE[bethan]=bob;     EXTRAS[bethan]="earrings";      VOICE[bethan]="en-gb+f2"
BG[rosie]="#B8D98A";  SKIN[rosie]="#F3CFB3";  HAIR[rosie]="#B5532A";  SHIRT[rosie]="#D9822B";  STYLE[rosie]=long;    EXTRAS[rosie]="freckles";       VOICE[rosie]="en-gb+f4"
BG[jess]="#9AD0EC";   SKIN[jess]="#E8B796";   HAIR[jess]="#3B2A20";   SHIRT[jess]="#C2375B";   STYLE[jess]=ponytail; EXTRAS[jess]="earrings";        VOICE[jess]="en-gb+f3"
BG[nell]="#D7C9B5";   SKIN[nell]="#F5DCC8";   HAIR[nell]="#B9B2AA";   SHIRT[nell]="#4F6D5A";   STYLE[nell]=bob;      EXTRAS[nell]="glasses";         VOICE[nell]="en-gb+f2"
BG[marta]="#F6B98A";  SKIN[marta]="#F4D4BC";  HAIR[marta]="#D9B36A";  SHIRT[marta]="#5B6BAE";  STYLE[marta]=curly;   EXTRAS[marta]="none";           VOICE[marta]="en-gb+f4"

SAY[sam]="Hello, I'm Sam.|People say I'm calm and a great listener.|I love old films."
SAY[priya]="Hello, I'm Priya.|I'm chatty and I love a bit of fun.|I love baking and gardening."
SAY[tom]="Hello, I'm Tom.|I'm patient and I explain things one step at a time.|I love cooking, football and my dog."
SAY[grace]="Hello, I'm Grace.|I'm gentle and kind.|I sing in a church choir."
SAY[kwame]="Hello, I'm Kwame.|I'm chatty and a great listener.|I love jazz, football and cooking."
SAY[megan]="Hello, I'm Megan.|I'm lively and fun.|I love dancing and crafts."
SAY[dan]="Hello, I'm Dan.|I'm patient and I explain things clearly.|I love cooking and football."
SAY[aisha]="Hello, I'm Aisha.|I'm organised, patient and a great listener.|I love cooking and crafts."
SAY[bethan]="Hello, I'm Bethan.|I'm gentle and softly spoken.|I love Aled Jones and old movies."
SAY[rosie]="Hello, I'm Rosie.|I'm lively and I love a natter.|I love birds, gardening and cards."
SAY[jess]="Hello, I'm Jess.|I'm chatty, lively and kind.|I love card games and the sea."
SAY[nell]="Hello, I'm Nell.|I'm quiet, gentle and organised.|I love reading and birdwatching."
SAY[marta]="Hello, I'm Marta.|I'm kind, and I speak Polish.|I love cooking and my garden."

has_extra() { [[ ",${EXTRAS[$1]}," == *",$2,"* ]]; }

# Hair drawn BEHIND the head (after the body, so long hair falls over the shoulders).
hair_back() {
  local s="$1" c="$2"
  case "$s" in
    long)
      echo "<path d='M146 200 C128 70 352 70 334 200 C338 260 352 330 360 392 Q240 414 120 392 C128 330 142 260 146 200 Z' fill='$c'/>" ;;
    bob)
      echo "<path d='M144 205 C124 80 356 80 336 205 C338 250 346 290 352 318 Q336 334 312 322 L168 322 Q144 334 128 318 C134 290 142 250 144 205 Z' fill='$c'/>" ;;
    ponytail)
      echo "<path d='M318 150 C370 150 392 210 384 280 C378 330 356 360 336 372 C344 330 346 280 330 240 Z' fill='$c'/>"
      echo "<ellipse cx='330' cy='160' rx='16' ry='12' fill='#E76F8A'/>" ;;
    curly)
      local i
      for i in 0 1 2 3 4 5 6 7 8 9 10; do
        awk -v i="$i" -v c="$c" 'BEGIN{pi=3.14159265; a=pi*(0.97+0.06*0+ i*0.106); x=240+104*cos(a); y=196+104*sin(a); if (y<250) printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"34\" fill=\"%s\"/>\n", x, y, c}'
      done ;;
    hijab)
      # scarf: frames the face and drapes over the shoulders
      echo "<path d='M240 70 C120 70 112 190 124 262 C132 318 104 352 84 400 Q84 430 110 440 L370 440 Q396 430 396 400 C376 352 348 318 356 262 C368 190 360 70 240 70 Z' fill='$c'/>"
      echo "<path d='M124 262 C150 330 200 356 240 356 C280 356 330 330 356 262' fill='none' stroke='#000' stroke-opacity='0.12' stroke-width='6' stroke-linecap='round'/>"
      echo "<path d='M170 376 C210 392 270 392 310 376' fill='none' stroke='#000' stroke-opacity='0.10' stroke-width='5' stroke-linecap='round'/>" ;;
  esac
}

# Hair drawn IN FRONT of the head (fringe, cap).
hair_front() {
  local s="$1" c="$2"
  case "$s" in
    short)
      echo "<path d='M146 208 C136 110 196 80 244 82 C300 84 346 118 334 208 C328 176 318 156 300 144 C268 152 226 150 196 136 C176 150 156 172 146 208 Z' fill='$c'/>" ;;
    quiff)
      echo "<path d='M146 208 C138 120 180 90 210 84 C200 66 240 54 272 64 C300 72 316 84 318 98 C344 120 346 160 334 208 C330 178 320 160 304 150 C272 150 232 146 204 132 C180 148 158 172 146 208 Z' fill='$c'/>" ;;
    crop)
      echo "<path d='M150 196 C146 118 192 90 240 90 C288 90 334 118 330 196 C324 160 312 142 292 134 C262 128 218 128 188 134 C168 142 156 160 150 196 Z' fill='$c'/>" ;;
    receding)
      echo "<path d='M146 222 C140 180 146 150 166 128 C168 160 164 190 160 222 Z' fill='$c'/>"
      echo "<path d='M334 222 C340 180 334 150 314 128 C312 160 316 190 320 222 Z' fill='$c'/>"
      echo "<path d='M166 128 C190 98 290 98 314 128 C290 112 190 112 166 128 Z' fill='$c' opacity='0.45'/>" ;;
    long)
      echo "<path d='M240 96 C196 96 152 124 146 200 C144 240 150 280 156 300 C160 250 166 200 184 166 C204 134 226 118 240 108 Z' fill='$c'/>"
      echo "<path d='M240 96 C284 96 328 124 334 200 C336 240 330 280 324 300 C320 250 314 200 296 166 C276 134 254 118 240 108 Z' fill='$c'/>" ;;
    bob)
      echo "<path d='M142 230 C130 110 220 80 262 88 C318 98 350 140 338 230 C330 190 318 164 300 148 C262 160 200 168 158 176 C150 192 144 210 142 230 Z' fill='$c'/>" ;;
    ponytail)
      echo "<path d='M146 206 C138 112 196 84 244 84 C300 86 344 120 334 206 C326 170 312 146 288 134 C254 146 206 150 176 146 C160 160 150 180 146 206 Z' fill='$c'/>"
      echo "<path d='M176 146 C200 150 236 146 262 138' fill='none' stroke='#000' stroke-opacity='0.08' stroke-width='5' stroke-linecap='round'/>" ;;
    curly)
      local i
      for i in 0 1 2 3 4 5 6; do
        awk -v i="$i" -v c="$c" 'BEGIN{pi=3.14159265; a=pi*(1.12+i*0.127); x=240+84*cos(a); y=178+70*sin(a); printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"28\" fill=\"%s\"/>\n", x, y, c}'
      done ;;
    hijab)
      echo "<path d='M150 196 C152 118 206 100 240 100 C274 100 328 118 330 196 C318 150 284 132 240 132 C196 132 162 150 150 196 Z' fill='$c'/>"
      ;;
  esac
}

avatar_svg() {
  local n="$1"
  local bg="${BG[$n]}" skin="${SKIN[$n]}" hair="${HAIR[$n]}" shirt="${SHIRT[$n]}" style="${STYLE[$n]}"
  local brow="$hair"
  case "$style" in curly|receding) brow="#5A4A40" ;; hijab) brow="#2A1C16" ;; esac
  cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 480" width="480" height="480">
<rect width="480" height="480" fill="$bg"/>
<circle cx="240" cy="230" r="200" fill="#fff" opacity="0.22"/>
<path d="M62 480 C62 390 132 344 240 344 C348 344 418 390 418 480 Z" fill="$shirt"/>
EOF
  hair_back "$style" "$hair"
  if [[ "$style" != hijab ]]; then
    cat <<EOF
<rect x="202" y="262" width="76" height="100" rx="34" fill="$skin"/>
<path d="M202 300 Q240 330 278 300 L278 282 L202 282 Z" fill="#000" opacity="0.12"/>
<path d="M200 346 L240 392 L280 346" fill="none" stroke="#fff" stroke-opacity="0.55" stroke-width="9" stroke-linejoin="round" stroke-linecap="round"/>
<circle cx="150" cy="218" r="21" fill="$skin"/><circle cx="330" cy="218" r="21" fill="$skin"/>
<circle cx="150" cy="218" r="10" fill="#000" opacity="0.08"/><circle cx="330" cy="218" r="10" fill="#000" opacity="0.08"/>
EOF
  fi
  if has_extra "$n" earrings && [[ "$style" != hijab ]]; then
    echo "<circle cx='150' cy='246' r='7' fill='#F2C94C' stroke='#B8892A' stroke-width='2'/><circle cx='330' cy='246' r='7' fill='#F2C94C' stroke='#B8892A' stroke-width='2'/>"
  fi
  # Hearth name badge
  echo "<rect x='292' y='402' width='62' height='36' rx='7' fill='#fff' opacity='0.95'/>"
  echo "<path d='M323 430 C311 422 308 415 311 411 C314 407 320 408 323 413 C326 408 332 407 335 411 C338 415 335 422 323 430 Z' fill='$HEARTH_RED'/>"
  # face
  echo "<ellipse cx='240' cy='206' rx='92' ry='106' fill='$skin'/>"
  if has_extra "$n" beard; then
    echo "<path d='M150 214 C150 292 196 332 240 332 C284 332 330 292 330 214 C324 250 310 266 292 270 C276 256 204 256 188 270 C170 266 156 250 150 214 Z' fill='$hair'/>"
  fi
  if has_extra "$n" stubble; then
    echo "<path d='M152 226 C156 292 198 322 240 322 C282 322 324 292 328 226 C320 258 306 272 290 276 C274 262 206 262 190 276 C174 272 160 258 152 226 Z' fill='$hair' opacity='0.28'/>"
  fi
  hair_front "$style" "$hair"
  cat <<EOF
<circle cx="186" cy="250" r="17" fill="#FF6F61" opacity="0.16"/><circle cx="294" cy="250" r="17" fill="#FF6F61" opacity="0.16"/>
<path d="M186 184 Q205 174 224 183" fill="none" stroke="$brow" stroke-width="7" stroke-linecap="round"/>
<path d="M256 183 Q275 174 294 184" fill="none" stroke="$brow" stroke-width="7" stroke-linecap="round"/>
<ellipse cx="205" cy="210" rx="10" ry="12" fill="#2A1C16"/><ellipse cx="275" cy="210" rx="10" ry="12" fill="#2A1C16"/>
<circle cx="208" cy="206" r="3.5" fill="#fff"/><circle cx="278" cy="206" r="3.5" fill="#fff"/>
<path d="M236 222 Q232 240 240 244" fill="none" stroke="#000" stroke-opacity="0.22" stroke-width="5" stroke-linecap="round"/>
<clipPath id="mouth"><path d="M210 262 Q240 271 270 262 Q264 292 240 292 Q216 292 210 262 Z"/></clipPath>
<g clip-path="url(#mouth)"><rect x="200" y="255" width="80" height="50" fill="#6E2522"/>
<ellipse cx="240" cy="293" rx="18" ry="10" fill="#E06C6C"/>
<rect x="200" y="255" width="80" height="20" fill="#fff"/></g>
EOF
  if has_extra "$n" freckles; then
    for xy in "178 232" "190 238" "172 242" "302 232" "290 238" "308 242"; do
      set -- $xy; echo "<circle cx='$1' cy='$2' r='2.6' fill='#B5652E' opacity='0.55'/>"
    done
  fi
  if has_extra "$n" glasses; then
    cat <<EOF
<circle cx="205" cy="210" r="27" fill="#fff" fill-opacity="0.12" stroke="#3B2F2A" stroke-width="6"/>
<circle cx="275" cy="210" r="27" fill="#fff" fill-opacity="0.12" stroke="#3B2F2A" stroke-width="6"/>
<path d="M232 208 Q240 202 248 208" fill="none" stroke="#3B2F2A" stroke-width="6"/>
<path d="M178 206 L152 200 M302 206 L328 200" stroke="#3B2F2A" stroke-width="6" stroke-linecap="round"/>
EOF
  fi
  echo "</svg>"
}

# ---------------------------------------------------------------------------
# Film frames: avatar card on the left, words on the right.
#   frame_svg name active   (active = index of sentence being spoken, 0 = none)
# ---------------------------------------------------------------------------
xml_text() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e "s/'/’/g"; }

frame_svg() {
  local n="$1" active="$2"
  local bg="${BG[$n]}"
  IFS='|' read -r s1 s2 s3 <<<"${SAY[$n]}"
  local name="${s1#Hello, I\'m }"; name="${name%.}"
  cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360">
<rect width="640" height="360" fill="$CREAM"/>
<rect width="640" height="360" fill="$bg" opacity="0.30"/>
<rect x="26" y="38" width="284" height="284" rx="20" fill="#fff"/>
<rect x="26" y="38" width="284" height="284" rx="20" fill="none" stroke="#000" stroke-opacity="0.08" stroke-width="2"/>
EOF
  local y=78 fill
  fill="$INK"; [[ "$active" == 1 ]] && fill="$HEARTH_RED"
  echo "<text x='338' y='$y' font-family='$FONT' font-size='30' fill='$fill'>Hello, I’m</text>"
  y=$((y + 52))
  echo "<text x='336' y='$y' font-family='$FONT' font-size='50' font-weight='bold' fill='$fill'>$(printf '%s' "$name" | xml_text)</text>"
  y=$((y + 20))
  local i=2 s line
  for s in "$s2" "$s3"; do
    fill="$INK"; [[ "$active" == "$i" ]] && fill="$HEARTH_RED"
    y=$((y + 12))
    while IFS= read -r line; do
      y=$((y + 31))
      echo "<text x='338' y='$y' font-family='$FONT' font-size='25' fill='$fill'>$(printf '%s' "${line% }" | xml_text)</text>"
    done < <(printf '%s\n' "$s" | fold -s -w 21)
    i=$((i + 1))
  done
  # little "speaking" marker next to the active sentence is the colour change; a soft bar at the bottom
  echo "<rect x='0' y='352' width='640' height='8' fill='$bg'/>"
  echo "</svg>"
}

dur() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }

make_avatar() {
  local n="$1"
  avatar_svg "$n" >"$TMP/avatar-$n.svg"
  render_svg "$TMP/avatar-$n.svg" "$MEDIA/avatar-$n.png" 480 480
  squeeze_png "$MEDIA/avatar-$n.png"
}

make_film() {
  local n="$1"
  local lead=0.6 gap=0.15 tail=1.0
  IFS='|' read -r s1 s2 s3 <<<"${SAY[$n]}"
  local i=1 s
  for s in "$s1" "$s2" "$s3"; do
    espeak-ng -v "${VOICE[$n]}" -s 140 -w "$TMP/$n-s$i.wav" "$s"
    i=$((i + 1))
  done
  local d1 d2 d3
  d1="$(dur "$TMP/$n-s1.wav")"; d2="$(dur "$TMP/$n-s2.wav")"; d3="$(dur "$TMP/$n-s3.wav")"
  local total
  total="$(awk -v a="$d1" -v b="$d2" -v c="$d3" -v l="$lead" -v g="$gap" -v t="$tail" \
    'BEGIN{x=l+a+g+b+g+c+t; if (x<6.5) x=6.5; if (x>10) { print "warning: speech longer than 10 s, trimmed" > "/dev/stderr"; x=10 } printf "%.2f", x}')"

  # speech track: lead silence, sentences with gaps, padded to the film length
  ffmpeg -v error -y -i "$TMP/$n-s1.wav" -i "$TMP/$n-s2.wav" -i "$TMP/$n-s3.wav" -filter_complex \
    "[0:a]apad=pad_dur=$gap[a0];[1:a]apad=pad_dur=$gap[a1];[a0][a1][2:a]concat=n=3:v=0:a=1,adelay=$(awk -v l="$lead" 'BEGIN{printf "%d", l*1000}'):all=1,apad,atrim=0:$total,loudnorm=I=-18:TP=-2:LRA=11,aresample=44100[out]" \
    -map "[out]" -ac 1 "$TMP/$n-speech.wav"

  # frames: 0 = idle, 1..3 = sentence being spoken
  local k
  for k in 0 1 2 3; do
    frame_svg "$n" "$k" >"$TMP/$n-frame$k.svg"
    render_svg "$TMP/$n-frame$k.svg" "$TMP/$n-frame$k.png" 640 360
  done
  # segment durations: idle lead, s1 (+gap), s2 (+gap), s3 (+rest, idle)
  local t0 t1 t2 t3
  t0="$lead"
  t1="$(awk -v a="$d1" -v g="$gap" 'BEGIN{printf "%.3f", a+g}')"
  t2="$(awk -v a="$d2" -v g="$gap" 'BEGIN{printf "%.3f", a+g}')"
  t3="$(awk -v T="$total" -v x="$t0" -v y="$t1" -v z="$t2" 'BEGIN{printf "%.3f", T-x-y-z}')"

  ffmpeg -v error -y \
    -loop 1 -framerate 25 -t "$t0" -i "$TMP/$n-frame0.png" \
    -loop 1 -framerate 25 -t "$t1" -i "$TMP/$n-frame1.png" \
    -loop 1 -framerate 25 -t "$t2" -i "$TMP/$n-frame2.png" \
    -loop 1 -framerate 25 -t "$t3" -i "$TMP/$n-frame3.png" \
    -loop 1 -framerate 25 -i "$MEDIA/avatar-$n.png" \
    -i "$TMP/$n-speech.wav" \
    -filter_complex "[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0,format=rgb24[bgv];[4:v]scale=268:268:flags=lanczos,format=rgb24[av];[bgv][av]overlay=34:46:shortest=1,format=yuv420p[v]" \
    -map "[v]" -map 5:a -t "$total" \
    -c:v libx264 -profile:v main -level 3.0 -preset veryslow -tune stillimage -crf 30 -pix_fmt yuv420p -r 25 -g 250 \
    -c:a aac -b:a 48k -ac 1 -ar 44100 \
    -movflags +faststart -metadata title="Hello, I'm ${n^}" \
    "$MEDIA/film-$n.mp4"
}

# ---------------------------------------------------------------------------
# Icons: warm house outline with a heart (hearth), dark red on cream.
# ---------------------------------------------------------------------------
# glyph in a 100x100 box
GLYPH='<path d="M17 50 L50 21 L83 50" fill="none" stroke="#8B2E16" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M65 36 V21.5 Q65 18.5 68 18.5 H75 Q78 18.5 78 21.5 V46 Z" fill="#8B2E16"/>
<path d="M25 45 V78 Q25 82 29 82 H71 Q75 82 75 78 V45" fill="none" stroke="#8B2E16" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M50 73 C37 64 33 57 35.5 51.5 C38 46 46 46 50 52.5 C54 46 62 46 64.5 51.5 C67 57 63 64 50 73 Z" fill="#8B2E16"/>'

icon_svg() { # icon_svg <rounded:0|1> <glyph-scale>
  local rounded="$1" scale="$2" rx=0
  [[ "$rounded" == 1 ]] && rx=22
  local off
  off="$(awk -v s="$scale" 'BEGIN{printf "%.3f", 50-50*s}')"
  cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
<rect width="100" height="100" rx="$rx" fill="$CREAM"/>
<g transform="translate($off $(awk -v o="$off" 'BEGIN{printf "%.3f", o+1}')) scale($scale)">
$GLYPH
</g>
</svg>
EOF
}

make_icons() {
  icon_svg 1 1 >"$PUBLIC/favicon.svg"
  icon_svg 1 0.92 >"$TMP/icon-any.svg"
  icon_svg 0 0.70 >"$TMP/icon-maskable.svg"   # glyph inside the 80% safe-zone circle
  icon_svg 0 0.86 >"$TMP/icon-apple.svg"
  render_svg "$TMP/icon-any.svg" "$PUBLIC/icons/icon-192.png" 192 192
  render_svg "$TMP/icon-any.svg" "$PUBLIC/icons/icon-512.png" 512 512
  render_svg "$TMP/icon-maskable.svg" "$PUBLIC/icons/maskable-512.png" 512 512
  render_svg "$TMP/icon-apple.svg" "$TMP/apple.png" 180 180
  # apple-touch-icon must be opaque: flatten onto cream, drop alpha
  ffmpeg -v error -y -f lavfi -i "color=c=0xFFF8EE:s=180x180" -i "$TMP/apple.png" \
    -filter_complex "[0:v][1:v]overlay=0:0,format=rgb24" -frames:v 1 "$PUBLIC/apple-touch-icon.png"
  local f
  for f in "$PUBLIC/icons/icon-192.png" "$PUBLIC/icons/icon-512.png" "$PUBLIC/icons/maskable-512.png"; do
    squeeze_png "$f"
  done
}

# ---------------------------------------------------------------------------
# Captions: the film's sentences, timed exactly as make_film lays them out (same voice, speed, lead and
# gaps; espeak-ng is deterministic, so the durations are the film's).
# ---------------------------------------------------------------------------
vtt_time() { awk -v t="$1" 'BEGIN{ms=int(t*1000+0.5); printf "%02d:%02d:%02d.%03d", int(ms/3600000), int(ms/60000)%60, int(ms/1000)%60, ms%1000}'; }

make_captions() {
  local n="$1"
  local lead=0.6 gap=0.15 limit=10
  IFS='|' read -r s1 s2 s3 <<<"${SAY[$n]}"
  local out="$MEDIA/captions-$n.vtt" start="$lead" i=1 s d end
  printf 'WEBVTT\n' >"$out"
  for s in "$s1" "$s2" "$s3"; do
    espeak-ng -v "${VOICE[$n]}" -s 140 -w "$TMP/$n-c$i.wav" "$s"
    d="$(dur "$TMP/$n-c$i.wav")"
    end="$(awk -v a="$start" -v b="$d" -v l="$limit" 'BEGIN{x=a+b; if (x>l) x=l; printf "%.3f", x}')"
    printf '\n%d\n%s --> %s\n%s\n' "$i" "$(vtt_time "$start")" "$(vtt_time "$end")" "$s" >>"$out"
    start="$(awk -v a="$end" -v g="$gap" 'BEGIN{printf "%.3f", a+g}')"
    i=$((i + 1))
  done
}

# Each section of the profile read aloud, in the same espeak-ng voice as the film: one recording per
# Listen button in person mode. The section keys are the CarerProfile fields; the file suffixes are
# voiceFileName's in src/server/seed/demo-data.ts.
VOICE_SECTIONS=(appreciated:appreciated mattersToMe:matters)

# section_text name field: the heading, then each item as a sentence.
section_text() {
  (cd "$ROOT" && node --import tsx --input-type=module -e "
    const { DEMO_CARERS } = await import('./src/server/seed/demo-carers.ts');
    const [name, field] = process.argv.slice(1);
    const c = DEMO_CARERS.find((c) => c.firstName.toLowerCase() === name);
    if (!c) throw new Error('no demo carer called ' + name);
    const heading = { appreciated: 'What people appreciate about me', mattersToMe: 'What matters to me' }[field];
    if (!heading) throw new Error('no profile section called ' + field);
    const sentence = (s) => (/[.!?]\$/.test(s) ? s : s + '.');
    console.log([heading, ...c[field]].map(sentence).join(' '));
  " "$1" "$2")
}

make_voices() {
  local n="$1" section field suffix
  for section in "${VOICE_SECTIONS[@]}"; do
    field="${section%%:*}"; suffix="${section#*:}"
    espeak-ng -v "${VOICE[$n]}" -s 140 -w "$TMP/$n-voice-$suffix.wav" "$(section_text "$n" "$field")"
    ffmpeg -v error -y -i "$TMP/$n-voice-$suffix.wav" -af "loudnorm=I=-18:TP=-2:LRA=11" -ac 1 -ar 22050 \
      -c:a aac -b:a 32k -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:a +bitexact \
      "$MEDIA/voice-$n-$suffix.m4a"
  done
}

# ---------------------------------------------------------------------------
speech_only=0
if [[ "${1:-}" == --speech ]]; then speech_only=1; shift; fi
selected=("$@")
[[ ${#selected[@]} -eq 0 ]] && selected=("${NAMES[@]}")
[[ "$speech_only" == 1 ]] || make_icons
for n in "${selected[@]}"; do
  [[ -n "${BG[$n]:-}" ]] || { echo "unknown carer: $n" >&2; exit 1; }
  echo "• $n"
  if [[ "$speech_only" == 0 ]]; then
    make_avatar "$n"
    make_film "$n"
  fi
  make_captions "$n"
  make_voices "$n"
done
du -ch "$MEDIA"/avatar-*.png "$MEDIA"/film-*.mp4 "$MEDIA"/captions-*.vtt "$MEDIA"/voice-*.m4a | tail -1
