import json, copy, os
src = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..", "examples/tran-de-2023/report.json")
out = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..", "tests/data/reports")
base = json.load(open(src, encoding="utf-8"))
def dump(name, obj):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2); f.write("\n")
def mut(name, fn):
    r = copy.deepcopy(base); fn(r); dump(name, r)
mut("wrong_type_count.json", lambda r: r["direction"]["plan"].__setitem__("tasks", "23"))
mut("float_count.json", lambda r: r["direction"]["plan"].__setitem__("tasks", 23.0))
mut("missing_section.json", lambda r: r.pop("one_stop"))
mut("negative_count.json", lambda r: r["direction"]["inspection"].__setitem__("shortcomings_found", -26))
mut("malformed_date.json", lambda r: r["period"].__setitem__("from", "15/12/2022"))
mut("impossible_month.json", lambda r: r["period"].__setitem__("to", "2023-13-13"))
mut("malformed_decimal.json", lambda r: r["public_finance"]["admin_autonomy"]["budget"].__setitem__("total", "189.605,0"))
mut("float_decimal.json", lambda r: r["public_finance"]["admin_autonomy"]["budget"].__setitem__("total", 189605.5))
mut("unknown_field.json", lambda r: r["direction"]["plan"].__setitem__("taks", 23))
mut("wrong_format.json", lambda r: r.__setitem__("format", "cchc.scorecard"))
mut("wrong_version.json", lambda r: r.__setitem__("version", 2))
mut("bad_level.json", lambda r: r["one_stop"]["flows"][1].__setitem__("level", "county"))
mut("percent_as_number.json", lambda r: r["procedures"]["internal_review"].__setitem__("rate", 30))
mut("document_without_number.json", lambda r: r["egov"]["documents"][2].pop("number"))
mut("huge_count.json", lambda r: r["one_stop"]["flows"][0].__setitem__("received", 18446744073709551615))
dump("not_an_object.json", [base])
open(os.path.join(out, "empty.json"), "w").close()
text = open(src, encoding="utf-8").read()
# Duplicate key: the second "tasks" inside direction.plan.
i = text.index('"tasks": 23,')
open(os.path.join(out, "duplicate_key.json"), "w", encoding="utf-8").write(text[:i] + '"tasks": 23,\n      "tasks": 32,' + text[i+len('"tasks": 23,'):])
# Truncated in the middle of the one-stop section.
raw = text.encode("utf-8")
cut = raw.index(b'"flows"') + 40
open(os.path.join(out, "truncated.json"), "wb").write(raw[:cut])
# Latin-1 (not UTF-8) bytes inside a string: "Trần" as windows-1258-ish bytes.
bad = raw.replace('"name": "Trần Đề"'.encode("utf-8"), b'"name": "Tr\xe2n \xd0\xea"', 1)
assert bad != raw
open(os.path.join(out, "non_utf8.json"), "wb").write(bad)
# Nonexistent date inside a citation (valid JSON; loads; validation reports it).
r = copy.deepcopy(base)
r["egov"]["documents"][0]["text"] = "Kế hoạch số 23/KH-UBND ngày 30/02/2023"
r["egov"]["documents"][0]["date"] = "2023-02-30"
dump("nonexistent_date.json", r)
