import re, json, sys
root = __import__("os").path.abspath(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", ".."))
hdr = open(f"{root}/include/cchc/report.hpp").read() + open(f"{root}/include/cchc/document_ref.hpp").read()
fields_src = open(f"{root}/src/report_fields.hpp").read().split("namespace cchc::detail_report {")[1]
# struct members
structs = {}
for m in re.finditer(r'struct (\w+) \{(.*?)\n\};', hdr, re.S):
    name, body = m.group(1), m.group(2)
    mem = {}
    for line in body.split("\n"):
        line = line.split("///")[0].strip()
        mm = re.match(r'^([\w:<>, ]+?)\s+(\w+)(?:\s*=\s*[^;]+)?;$', line)
        if mm and "(" not in line and not line.startswith(("static", "friend", "using", "return")):
            mem[mm.group(2)] = mm.group(1).strip()
    structs[name] = mem
fieldlists = {}
for m in re.finditer(r'CCHC_FIELDS\((\w+),(.*?)\)\n(?=CCHC_FIELDS|//|\n|\})', fields_src, re.S):
    name, body = m.group(1), m.group(2)
    fl = []
    for f in re.finditer(r'f\("(\w+)", x\.([\w.]+)(, required)?\)', body):
        fl.append((f.group(1), f.group(2), bool(f.group(3))))
    if name in ("T",): continue
    fieldlists[name] = fl
assert "report" in fieldlists and "flow_row" in fieldlists, fieldlists.keys()
DESC = {
 "count": "A count: a non-negative JSON integer.",
 "decimal": "An exact decimal as a JSON string: optional '-', digits, optional '.' and digits. The scale is kept (\"1340.50\" ≠ \"1340.5\" as printed text).",
 "date": "A date YYYY-MM-DD. A day that does not exist (2023-02-30) loads and is reported by validation (date.nonexistent).",
}
defs = {
 "count": {"description": DESC["count"], "type": "integer", "minimum": 0, "maximum": 9223372036854775807},
 "decimal": {"description": DESC["decimal"], "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
 "date": {"description": DESC["date"], "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
 "org_level": {"enum": ["province", "district", "commune"]},
 "headcount_category": {"enum": ["civil_servant", "public_employee", "contract_111"]},
 "document_type": {"enum": ["Luật", "NQ", "NĐ", "QĐ", "CT", "TT", "KH", "BC", "TB", "TTr", "CV"]},
}
def type_schema(t):
    t = t.strip()
    m = re.match(r'std::optional<(.*)>$', t)
    if m: return type_schema(m.group(1))
    m = re.match(r'std::vector<(.*)>$', t)
    if m: return {"type": "array", "items": type_schema(m.group(1))}
    if t in ("std::int64_t", "count"): return {"$ref": "#/$defs/count"}
    if t == "int": return {"type": "integer", "minimum": 0, "maximum": 9999}
    if t == "std::string": return {"type": "string"}
    if t == "decimal": return {"$ref": "#/$defs/decimal"}
    if t == "date::year_month_day": return {"$ref": "#/$defs/date"}
    if t in ("org_level", "headcount_category", "document_type"): return {"$ref": f"#/$defs/{t}"}
    if t in fieldlists: return {"$ref": f"#/$defs/{t}"}
    raise SystemExit(f"unknown type {t}")
def required_default(t):
    return not (t.startswith("std::optional") or t.startswith("std::vector") or t == "std::string")
flow_count = "std::optional<std::int64_t>"
def member_type(struct, path):
    if path.startswith("flow."): return flow_count
    return structs[struct][path]
for name, fl in fieldlists.items():
    props, req = {}, []
    for json_name, member, explicit in fl:
        t = member_type(name, member)
        props[json_name] = type_schema(t)
        if explicit or required_default(t): req.append(json_name)
    s = {"type": "object", "properties": props, "additionalProperties": False}
    if req: s["required"] = req
    if name != "report": defs[name] = s
top = {"type": "object", "properties": {}, "additionalProperties": False}
rep = fieldlists["report"]
props = {"$schema": {"type": "string"}, "format": {"const": "cchc.report"}, "version": {"const": 1}}
req = ["format", "version"]
for json_name, member, explicit in rep:
    t = structs["report"][member]
    props[json_name] = type_schema(t)
    if explicit or required_default(t): req.append(json_name)
defs["reported_percent"]["description"] = "A percentage as printed: text exactly as in the report (\"99,15%\", \"97,55\") and its value in percent units with the printed scale (\"99.15\")."
defs["document_ref"]["description"] = "A cited document: the citation as printed plus its parts (see include/cchc/document_ref.hpp)."
defs["flow_row"]["description"] = "One row of the one-stop-shop flow table: the Biểu 06/VPCP/KSTT columns under their flow_column names (cchc/flow.hpp), absent = not published."
schema = {
 "$schema": "https://json-schema.org/draft/2020-12/schema",
 "$id": "https://cchc.example/schema/report-1.json",
 "title": "cchc.report version 1: one unit's annual public-administration-reform (CCHC) report",
 "description": "Generated from include/cchc/report.hpp and src/report_fields.hpp (docs/report-format.md). Absent = not stated by the report; counts are JSON integers; exact decimals are JSON strings.",
 "type": "object", "properties": props, "required": req, "additionalProperties": False,
 "$defs": dict(sorted(defs.items())),
}
json.dump(schema, open(f"{root}/docs/report.schema.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(f"{root}/docs/report.schema.json", "a").write("\n")
print(len(defs), "defs")
