"""Draws images/icon.png (128x128): a speech bubble with a tick, the extension's icon.
Pure Python (zlib + struct) so it needs no image library; rerun to regenerate."""
import struct, zlib, math, sys

N = 128
S = 4  # supersampling for smooth edges

def rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r); cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def tri(px, py, a, b, c):
    def s(p, q, r): return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = s((px, py), a, b), s((px, py), b, c), s((px, py), c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))

BLUE, WHITE, GREEN, NAVY = (31, 95, 191), (255, 255, 255), (47, 191, 113), (22, 60, 120)

def colour(x, y):
    if seg_dist(x, y, 72, 98, 86, 112) <= 6 or seg_dist(x, y, 86, 112, 114, 80) <= 6: return GREEN
    if rounded(x, y, 20, 22, 108, 84, 14) or tri(x, y, (36, 80), (36, 104), (60, 80)):
        # three "lines of text" in the bubble
        for ly in (38, 52, 66):
            if abs(y - ly) <= 3 and 34 <= x <= (94 if ly != 66 else 70): return NAVY
        return WHITE
    if rounded(x, y, 2, 2, 126, 126, 24): return BLUE
    return None

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        acc = [0, 0, 0, 0]
        for sy in range(S):
            for sx in range(S):
                c = colour(x + (sx + 0.5) / S, y + (sy + 0.5) / S)
                if c:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
        n = S * S
        a = acc[3] // n
        row += bytes([acc[0] * 255 // max(acc[3], 1), acc[1] * 255 // max(acc[3], 1), acc[2] * 255 // max(acc[3], 1), a]) if a else bytes(4)
    rows.append(bytes(row))

def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
open(sys.argv[1] if len(sys.argv) > 1 else 'images/icon.png', 'wb').write(png)
