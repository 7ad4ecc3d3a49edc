#!/usr/bin/env python3
"""Converts the transcribed Hải Phòng 212/2025/QĐ-UBND appendix (data/scorecards/src/haiphong-212-2025.tsv)
into the scorecard file data/scorecards/vn.haiphong.212-2025.json.

The tree, texts and maxima come from the TSV row by row; the rules of the banded sub-criteria are
written here (RULES below), one per sub-criterion, with the figure names a user supplies. Sub-criteria
without bands are assessed by the evaluating body: they are `manual` leaves reading `<id>.points`.
Run:  python3 scripts/dev/gen_haiphong_212.py   (a test checks the checked-in file is up to date)
"""
import json
import pathlib
import sys
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parents[2]
TSV = ROOT / "data/scorecards/src/haiphong-212-2025.tsv"
OUT = ROOT / "data/scorecards/vn.haiphong.212-2025.json"

NA = {"absent": "not_scored"}  # "Không được giao chỉ tiêu thì không đánh giá chấm điểm" → not scored
RULES = {
    "II.5.1.a": {"rule": "relative_to_mean", "value": "par_index", "points": "2", "points_below": "0",
                 "note": "PAR Index at or above the city mean → 2, below → 0: scored against the units scored together."},
    "II.5.1.b": {"rule": "relative_to_mean", "value": "ddci", "points": "1", "points_below": "0",
                 "note": "The best band (1 point) is below the sub-criterion's maximum (2): as printed in the decision."},
    "II.5.1.c": {"rule": "yes_no", "value": "socio_economic_targets_met == 1", **NA},
    "II.5.2.a": {"rule": "bands", "value": "ratio(land_cleared_area, land_to_clear_area)",
                 "bands": [{"at_or_above": "95%", "points": "2.5"}], **NA},
    "II.5.2.b": {"rule": "yes_no", "value": "public_investment_disbursed_rate >= public_investment_target_rate", **NA},
    "II.5.2.c": {"rule": "yes_no", "value": "domestic_revenue >= domestic_revenue_target", **NA},
    "II.5.2.d": {"rule": "yes_no", "value": "land_management_violations == 0", **NA},
    "II.5.2.e": {"rule": "yes_no", "value": "planning_targets_met == 1", **NA},
    "II.5.2.g": {"rule": "yes_no", "value": "digital_tasks_behind_schedule == 0", **NA},
}


def dec(text):
    return str(Decimal(text.replace(",", ".")))


def main():
    rows = [line.rstrip("\n").split("\t") for line in TSV.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    assert header == ["level", "tt", "text", "max_points", "band_points"], header
    groups, section, criterion, sub_crit, leaf = [], None, None, None, None
    for level, tt, text, max_points, band_points in (r + [""] * (5 - len(r)) for r in rows):
        if level == "section":
            section = {"id": tt, "label": {"vi": text}, "max_points": dec(max_points), "children": []}
            groups.append(section)
            criterion = None
        elif level == "criterion":
            if "." in tt:  # 5.1 under criterion 5
                parent = criterion if criterion and not criterion.get("_sub") else criterion["_parent"]
                node = {"id": f"{section['id']}.{tt}", "label": {"vi": text}, "max_points": dec(max_points),
                        "children": [], "_sub": True, "_parent": parent}
                parent["children"].append(node)
                criterion = node
            else:
                criterion = {"id": f"{section['id']}.{tt}", "label": {"vi": text}, "max_points": dec(max_points),
                             "children": []}
                section["children"].append(criterion)
        elif level == "subcriterion":
            leaf_id = f"{criterion['id']}.{tt.rstrip(')')}"
            leaf = {"id": leaf_id, "label": {"vi": text}, "max_points": dec(max_points)}
            leaf.update(RULES.get(leaf_id, {"rule": "manual", "value": f"{leaf_id}.points"}))
            criterion["children"].append(leaf)
        elif level in ("band", "rule"):
            if leaf["id"] not in RULES:
                sys.exit(f"{leaf['id']}: the TSV has bands for it but RULES has no rule")
        elif level == "total":
            total = dec(max_points)
    # criterion 5 had children added as sub-criteria groups; a criterion without children would be a leaf
    for g in groups:
        for c in g["children"]:
            if not c["children"]:
                c.update({"rule": "manual", "value": f"{c['id']}.points"})
                del c["children"]

    def clean(n):
        n.pop("_sub", None)
        n.pop("_parent", None)
        for c in n.get("children", []):
            clean(c)
    for g in groups:
        clean(g)
    card = {
        "format": "cchc.scorecard", "version": 1, "id": "vn.haiphong.212-2025",
        "title": {"vi": "Phiếu đánh giá, chấm điểm người đứng đầu cơ quan chuyên môn và Chủ tịch UBND xã, phường, đặc khu (Hải Phòng)",
                  "en": "Hải Phòng: scoring form for heads of departments and chairs of commune-level People's Committees"},
        "source": {"document": "Quyết định 212/2025/QĐ-UBND của UBND thành phố Hải Phòng", "article": "Phụ lục (phiếu chấm điểm)",
                   "date": "2025-11-18", "note": "transcribed in data/scorecards/src/haiphong-212-2025.tsv; converted by scripts/dev/gen_haiphong_212.py"},
        "max_points": total, "scale": 2, "rounding": "half_away_from_zero",
        "not_scored": "exclude",
        "note": ("Not-assigned sub-criteria are not scored; the decision does not say how the remaining maximum is treated: "
                 "this file excludes them from the maximum and grades on the percentage of the remaining maximum "
                 "(equivalent to rescaling to 100). Grade boundaries as worded: more than 90 excellent, more than 80 good, "
                 "50 to 80 completed, below 50 not completed — exactly 90 is good, exactly 80 and exactly 50 are completed. "
                 "Grade labels are the standard ones of Decree 90/2020/NĐ-CP."),
        "grades_on": "percent",
        "grades": [
            {"above": "90", "grade": "Hoàn thành xuất sắc nhiệm vụ"},
            {"above": "80", "grade": "Hoàn thành tốt nhiệm vụ"},
            {"at_or_above": "50", "grade": "Hoàn thành nhiệm vụ"},
            {"at_or_above": "0", "grade": "Không hoàn thành nhiệm vụ"},
        ],
        "groups": groups,
    }
    text = json.dumps(card, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is not what {__file__} generates: rerun it")
        return
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
