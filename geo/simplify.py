#!/usr/bin/env python3
"""Simplifies the 34-province TopoJSON into the small GeoJSON the public map draws.

    python3 geo/simplify.py <vietnam-34-provinces.topo.json> src/main/resources/static/geo/vn-provinces.js

Each shared arc is simplified once (Douglas-Peucker), so neighbouring provinces still meet; coordinates are
rounded to 0.001 degree (about 100 m). Islands smaller than a threshold are left out, except those of the
Hoàng Sa and Trường Sa archipelagos (east of 110.5° E), which are kept, simplified, so the map shows them.
The output is a script (not a .json file) so that the static export opens from plain files too.
"""
import json
import math
import sys

TOLERANCE = 0.012  # degrees
MIN_ISLAND_AREA = 0.002  # square degrees (about 25 km²)
ARCHIPELAGO_EAST_OF = 110.5


def decode(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def perpendicular(p, a, b):
    if a == b:
        return math.dist(p, a)
    (x, y), (x1, y1), (x2, y2) = p, a, b
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / math.dist(a, b)


def douglas_peucker(pts, tol):
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = 0.0, -1
        for k in range(i + 1, j):
            d = perpendicular(pts[k], pts[i], pts[j])
            if d > best:
                best, at = d, k
        if best > tol:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(pts, keep) if k]


def simplify_arc(pts, tol):
    if len(pts) > 3 and pts[0] == pts[-1]:
        # A closed arc: split at the point farthest from its start so both halves keep their shape.
        far = max(range(len(pts)), key=lambda k: math.dist(pts[0], pts[k]))
        return douglas_peucker(pts[: far + 1], tol)[:-1] + douglas_peucker(pts[far:], tol)
    return douglas_peucker(pts, tol)


def ring(arcs, indexes):
    out = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def area(r):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]))) / 2


def rounded(r):
    out = []
    for x, y in r:
        p = [round(x, 3), round(y, 3)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def main(source, target):
    topo = json.load(open(source, encoding="utf-8"))
    full = decode(topo)
    simple = [simplify_arc(a, TOLERANCE) for a in full]
    features = []
    for g in next(iter(topo["objects"].values()))["geometries"]:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        kept = []
        biggest = max(polygons, key=lambda p: area(ring(full, p[0])))
        for p in polygons:
            outer = ring(full, p[0])
            offshore = min(x for x, _ in outer) > ARCHIPELAGO_EAST_OF
            if p is not biggest and area(outer) < MIN_ISLAND_AREA and not offshore:
                continue
            rings = []
            for r in p:
                s = rounded(ring(simple, r))
                if len(s) < 4:
                    # Too small to keep its shape: a small diamond around it, so it stays on the map.
                    xs = [x for x, _ in ring(full, r)]
                    ys = [y for _, y in ring(full, r)]
                    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
                    d = max(0.02, (max(xs) - min(xs)) / 2)
                    s = rounded([(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)])
                rings.append(s)
            kept.append(rings)
        features.append({
            "type": "Feature",
            "properties": {"name": g["properties"]["unit_code"], "label": g["properties"]["ten_tinh"]},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    geo = {"type": "FeatureCollection", "features": features}
    text = json.dumps(geo, ensure_ascii=False, separators=(",", ":"))
    with open(target, "w", encoding="utf-8") as out:
        out.write("// The 34 provinces since 1 July 2025, simplified by geo/simplify.py. Boundaries: Open Development\n")
        out.write("// Vietnam; 34-unit merge: T. Cao (MIT licence, see geo/LICENSE.vietnam-shape-map). For display,\n")
        out.write("// not an official survey.\n")
        out.write("window.MANDATE_PROVINCES=" + text + ";\n")
    points = sum(len(r) for f in features for p in f["geometry"]["coordinates"] for r in p)
    print(f"{len(features)} provinces, {points} points, {len(text)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
