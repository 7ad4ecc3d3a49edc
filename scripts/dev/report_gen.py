import json, re
DIST = "Ủy ban nhân dân huyện Trần Đề"
PROV = "Ủy ban nhân dân tỉnh Sóc Trăng"
TYPES = {"Kế hoạch":"KH","Quyết định":"QĐ","Công văn":"CV","Nghị định":"NĐ","Thông tư":"TT","Chỉ thị":"CT","Báo cáo":"BC"}
def ref(text, issuer=None):
    m = re.match(r'^(Kế hoạch|Quyết định|Công văn|Nghị định|Thông tư|Chỉ thị|Báo cáo)(?: số)? (\d+)/(?:(\d{4})/)?([^\s]+?)(?: ngày (\d{1,2})/(\d{1,2})/(\d{4}))?$', text)
    assert m, text
    kind, num, syear, rest, d, mo, y = m.groups()
    r = {"text": text, "type": TYPES[kind], "number": num}
    if syear: r["symbol_year"] = int(syear)
    parts = rest.split("-")
    if TYPES[kind] != "CV":
        assert parts[0] == TYPES[kind], (text, parts)
        r["issuer_code"] = parts[1]
        if len(parts) > 2: r["issuer_unit"] = "-".join(parts[2:])
    else:
        r["issuer_code"] = parts[0]
        if len(parts) > 1: r["issuer_unit"] = "-".join(parts[1:])
    if d: r["date"] = "%04d-%02d-%02d" % (int(y), int(mo), int(d))
    if issuer: r["issuer"] = issuer
    return r
def pct(text):
    v = text.rstrip("%").replace(".", "").replace(",", ".")
    return {"text": text, "value": v}
def item(label, count=None, unit=None, parts=None):
    r = {"label_vi": label}
    if count is not None: r["count"] = count
    if unit: r["unit_vi"] = unit
    if parts: r["parts"] = parts
    return r

rep = {
 "format": "cchc.report", "version": 1,
 "unit": {"name": "Trần Đề", "issuer": DIST, "level": "district", "province": "Sóc Trăng"},
 "year": 2023,
 "header": {
   "number_text": "Số: /BC-UBND",
   "place": "Trần Đề",
   "date_text": "ngày tháng 12 năm 2023",
   "title_vi": "Kết quả thực hiện công tác cải cách hành chính năm 2023 và phương hướng nhiệm vụ 2024",
   "recipients": ["Sở Nội vụ tỉnh Sóc Trăng"],
   "based_on": [ref("Kế hoạch số 192/KH-UBND ngày 20/12/2022", PROV)],
   "signer": {"name": "Nguyễn Trọng Sơn", "title_vi": "Chủ tịch", "on_behalf_of_vi": "TM. Ủy ban nhân dân"},
   "distribution": ["Như trên", "CT, các PCT UBND huyện", "Phòng Nội vụ", "Lưu: VT, LT (HTMD)"]
 },
 "period": {"from": "2022-12-15", "to": "2023-12-13", "text_vi": "tính từ ngày 15/12/2022 đến ngày 13/12/2023"},
 "direction": {
   "plan": {"document": ref("Kế hoạch số 09/KH-UBND ngày 16/01/2023", DIST), "content_areas": 6, "tasks": 23, "tasks_completed": 23, "completion": pct("100%")},
   "inspection": {
     "plan": ref("Kế hoạch số 31/KH-UBND ngày 21/02/2023", DIST),
     "team_decision": ref("Quyết định số 1649/QĐ-UBND ngày 18/5/2023", DIST),
     "units_planned": 10,
     "units_planned_parts": [item("UBND các xã, thị trấn", 6), item("phòng chuyên môn huyện", 4)],
     "units_inspected": 10, "completion": pct("100%"),
     "shortcomings_found": 26, "shortcomings_remedied": 26},
   "propaganda": {
     "plan": ref("Kế hoạch số 39/KH-UBND ngày 02/3/2023", DIST),
     "contents_planned": 12, "contents_done": 12, "completion": pct("100%"),
     "documents": [ref("Công văn số 36/UBND-VP ngày 12/01/2023", DIST)],
     "channels": [
       item("Trang Cải cách hành chính tỉnh", 2, "tin"),
       item("hệ thống loa truyền thanh", 81, "tin, bài, văn bản chỉ đạo"),
       item("Cổng thông tin điện tử huyện", 28, "tin, bài"),
       item("cộng tác Đài Phát thanh - Truyền hình tỉnh", 12, "tin, bài"),
       item("treo băng rôn, pa nô tuyên truyền và tuyên truyền lưu động", 6, "cuộc")]},
   "documents": [ref("Kế hoạch số 43/KH-UBND ngày 31/5/2022", DIST)]
 },
 "institutional": {
   "documents": [
     ref("Nghị định số 154/2020/NĐ-CP ngày 31/12/2020", "Chính phủ"),
     ref("Nghị định số 34/2016/NĐ-CP ngày 14/5/2016", "Chính phủ"),
     ref("Công văn số 132/UBND-NC ngày 19/02/2021", DIST),
     ref("Kế hoạch số 55/KH-UBND ngày 12/7/2022", DIST),
     ref("Quyết định 140/QĐ-UBND ngày 09/01/2023", DIST),
     ref("Kế hoạch số 27/KH-UBND ngày 17/02/2023", DIST),
     ref("Kế hoạch số 28/KH-UBND ngày 17/02/2023", DIST)],
   "legal_documents_issued": 2,
   "legal_documents_unlawful": 1,
   "legal_documents_conflicting": 5,
   "legal_documents_to_amend": 5,
   "legal_education_sessions": 312,
   "legal_education_attendance": 6985
 },
 "procedures": {
   "documents": [
     ref("Thông tư số 02/2017/TT-VPCP ngày 31/10/2017", "Văn phòng Chính phủ"),
     ref("Kế hoạch số 05/KH-UBND ngày 10/01/2023", DIST),
     ref("Kế hoạch số 07/KH-UBND ngày 11/01/2023", DIST),
     ref("Kế hoạch số 98/KH-UBND ngày 07/11/2022", DIST),
     ref("Kế hoạch số 156/KH-UBND ngày 31/10/2022", PROV),
     ref("Quyết định số 1085/QĐ-TTg ngày 15/9/2022", "Thủ tướng Chính phủ"),
     ref("Kế hoạch số 156/KH-UBND ngày 31/10/2022", PROV)],
   "catalogue": [{"level": "district", "count": 271}, {"level": "commune", "count": 128}],
   "reduction_targets": [
     {"label_vi": "tỷ lệ cắt giảm ít nhất TTHC", "percent": pct("20%")},
     {"label_vi": "tỷ lệ cắt giảm ít nhất chi phí tuân thủ TTHC", "percent": pct("20%")}],
   "internal_review": {"reviewed": 19, "total": 50, "rate": pct("30%"),
     "parts": [{"level": "district", "count": 14}, {"level": "commune", "count": 5}]},
   "feedback": {"received": 1, "handled": 1,
     "report": ref("Báo cáo số 134/BC-UBND ngày 17/5/2023", DIST),
     "codes": ["20230428.0095"], "address": "http://pakn.dichvucong.gov.vn"}
 },
 "one_stop": {
   "documents": [
     ref("Quyết định số 2899/QĐ-UBND ngày 12/8/2021", DIST),
     ref("Quyết định số 2868/QĐ-UBND ngày 10/8/2021", DIST),
     ref("Nghị định số 61/2018/NĐ-CP", "Chính phủ"),
     ref("Thông tư số 01/2018/TT-VPCP", "Văn phòng Chính phủ"),
     ref("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "Chính phủ"),
     ref("Thông tư số 01/2018/TT-VPCP ngày 23/11/2018", "Văn phòng Chính phủ"),
     ref("Công văn số 288/CAH ngày 12/4/2023", "Công an huyện Trần Đề"),
     ref("Thông tư số 01/2018/TT-VPCP ngày 23/11/2018", "Văn phòng Chính phủ")],
   "communes_compliant": 11, "communes_total": 11,
   "communes_with_decision": pct("100%"),
   "payment_methods": 2,
   "pilot_model_vi": "Mô hình số 10: Mô hình tại Bộ phận Một cửa",
   "late": {"total": 592, "parts": [{"level": "district", "count": 343}, {"level": "commune", "count": 249}]},
   "flows": [
     {"row": "I", "name_vi": "UBND huyện", "level": "district", "received": 14083, "received_online": 999,
      "resolved_in_time": 13676, "resolved_late": 343, "pending_in_time": 64, "pending_overdue": 0,
      "on_time_rate": pct("97,55"), "note_vi": "Có 999 hồ sơ trực tuyến"},
     {"row": "II", "name_vi": "UBND cấp xã", "level": "commune", "received": 80878, "received_online": 747,
      "resolved_in_time": 80629, "resolved_late": 249, "pending_in_time": 0, "pending_overdue": 0,
      "on_time_rate": pct("99,69%"), "note_vi": "Có 747 hồ sơ trực tuyến"}]
 },
 "organisation": {
   "documents": [
     ref("Nghị định số 37/2014/NĐ-CP ngày 05/5/2014", "Chính phủ"),
     ref("Nghị định số 108/2020/NĐ-CP ngày 14/9/2020", "Chính phủ"),
     ref("Nghị định số 37/2014/NĐ-CP", "Chính phủ"),
     ref("Nghị định số 111/2022/NĐ-CP")],
   "departments_with_functions": 12,
   "headcount_summary": [
     {"scope_vi": "cơ quan hành chính", "category": "civil_servant", "present": 78, "assigned": 83},
     {"scope_vi": "cơ quan hành chính", "category": "contract_111", "present": 9, "assigned": 10},
     {"scope_vi": "sự nghiệp giáo dục", "category": "public_employee", "present": 1340, "assigned": 1512},
     {"scope_vi": "sự nghiệp giáo dục", "category": "contract_111", "present": 79, "assigned": 79},
     {"scope_vi": "sự nghiệp văn hóa, thông tin thể thao và du lịch", "category": "public_employee", "present": 12, "assigned": 18},
     {"scope_vi": "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "category": "public_employee", "present": 7, "assigned": 10},
     {"scope_vi": "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "category": "contract_111", "present": 1, "assigned": 1},
     {"scope_vi": "sự nghiệp khác", "category": "public_employee", "present": 2, "assigned": 2}],
   "headcount": [],
   "decentralisation_inspections": 14,
   "decentralisation_shortcomings": 129
 },
 "civil_service": {},
 "public_finance": {},
 "egov": {},
 "assessment": {},
 "directions": {}
}
def hc(group, row, name, a_cs=None, a_pe=None, a_ct=None, p_cs=None, p_pe=None, p_ct=None):
    r = {"group": group, "row": row, "name_vi": name}
    a = {}; p = {}
    if a_cs is not None: a["civil_servants"] = a_cs
    if a_pe is not None: a["public_employees"] = a_pe
    if a_ct is not None: a["contracts_111"] = a_ct
    if p_cs is not None: p["civil_servants"] = p_cs
    if p_pe is not None: p["public_employees"] = p_pe
    if p_ct is not None: p["contracts_111"] = p_ct
    r["assigned"] = a; r["present"] = p
    return r
G1 = "I. PHÒNG, BAN CHUYÊN MÔN"; G2 = "II. ĐƠN VỊ TRỰC THUỘC"
rep["organisation"]["headcount"] = [
  hc(G1, "1", "Văn phòng HĐND và UBND", a_cs=20, a_ct=9, p_cs=19, p_ct=8),
  hc(G1, "2", "Phòng Nội vụ", a_cs=7, p_cs=6),
  hc(G1, "3", "Phòng Tư pháp", a_cs=5, p_cs=4),
  hc(G1, "4", "Phòng Tài chính - Kế hoạch", a_cs=6, p_cs=6),
  hc(G1, "5", "Phòng Lao động – Thương binh và Xã hội", a_cs=6, a_pe=2, a_ct=1, p_cs=6, p_pe=2, p_ct=1),
  hc(G1, "6", "Thanh tra", a_cs=5, p_cs=5),
  hc(G1, "7", "Phòng Kinh tế và Hạ tầng", a_cs=6, p_cs=6),
  hc(G1, "8", "Phòng Giáo dục và Đào tạo", a_cs=6, p_cs=6),
  hc(G1, "9", "Phòng Tài nguyên và Môi trường", a_cs=6, p_cs=5),
  hc(G1, "10", "Phòng Văn hóa và Thông tin", a_cs=5, p_cs=5),
  hc(G1, "11", "Phòng Nông nghiệp và Phát triển nông thôn", a_cs=7, p_cs=6),
  hc(G1, "12", "Phòng Dân tộc", a_cs=4, p_cs=4),
  hc(G2, "1", "Sự nghiệp Giáo dục và Đào tạo", a_pe=1512, a_ct=79, p_pe=1340, p_ct=79),
  hc(G2, "2", "Trung tâm Văn hóa – Thể thao - Truyền thanh", a_pe=18, p_pe=12),
  hc(G2, "3", "Trung tâm GDNN - GDTX", a_pe=10, a_ct=1, p_pe=7, p_ct=1),
]
rep["civil_service"] = {
  "downsized": 12,
  "personnel_actions": [
    item("điều động, bổ nhiệm, bổ nhiệm lại viên chức, công chức", 12),
    item("phân công phụ trách phòng Giáo dục và đào tạo"),
    item("tuyển dụng và bổ nhiệm chức danh nghề nghiệp đối với công chức, viên chức khi hết thời gian tập sự", 3),
    item("chuyên xếp lương ngạch kế toán viên trung cấp và bổ nhiệm xếp lương nhân viên văn thư, lưu trữ", 24),
    item("bổ nhiệm phụ trách kế toán cấp xã", 7),
    item("bổ nhiệm ngạch đối với công chức hoàn thành chế độ tập sự", 4),
    item("chuyển công tác viên chức ngành Giáo dục và đào tạo", 10),
    item("điều động công chức cấp huyện, cấp xã", 8, parts=[item("huyện", 1), item("xã", 7)]),
    item("tiếp nhận và phân công đối với công chức cấp xã", 1),
    item("biệt phái viên chức", 1),
    item("phê chuẩn kết quả bầu Chủ tịch, Phó Chủ tịch UBND cấp xã", 2),
    item("tuyển dụng Công an xã bán chuyên trách", 37),
    item("công nhận chức danh và mức tiền lương đối với cán bộ, công chức cấp xã", 12),
    item("công nhận chức danh và mức phụ cấp đối với người hoạt động không chuyên trách cấp xã, ấp", 7)],
  "rewards": [
    item("đề nghị tặng Bằng khen của Thủ tướng Chính phủ", 12, "cá nhân"),
    item("tặng Bằng khen của Chủ tịch UBND tỉnh trong thực hiện nhiệm vụ phát triển kinh tế - xã hội", 56, "cá nhân"),
    item("tặng Bằng khen của Chủ tịch UBND tỉnh ngành Giáo dục và Đào tạo", 113, "cá nhân"),
    item("danh hiệu Lao động tiên tiến", 1518, "cá nhân"),
    item("danh hiệu Chiến sĩ thi đua cơ sở", 200, "cá nhân")],
  "salary_actions": 1379,
  "training": [
    item("bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", 29),
    item("cán bộ nữ lãnh đạo chủ chốt cấp huyện tham dự lớp tập huấn tại tỉnh Quảng Ninh", 1),
    item("bồi dưỡng lãnh đạo, quản lý cấp huyện và tương đương", 2),
    item("bồi dưỡng theo tiêu chuẩn chức vụ lãnh đạo, quản lý cấp phòng năm 2023", 11),
    item("quản lý nhà nước ngạch chuyên viên chính, chuyên viên", 35),
    item("các lớp đào tạo năm 2023", 82),
    item("đào tạo thạc sĩ (khóa 2022 - 2024)", 2),
    item("đăng ký nhu cầu đào tạo sau đại học", 12),
    item("cử bổ sung đào tạo trình độ thạc sĩ chuyên ngành xây dựng Đảng và chính quyền, quản lý kinh tế", 4)],
  "training_needs_next_year": [
    item("sau đại học", 3), item("chuyên viên chính", 5), item("chuyên viên", 12),
    item("lãnh đạo cấp phòng", 8), item("chuyển đổi số", 87)],
  "commune_cadres_standard": {"meeting": 118, "total": 119, "rate": pct("99,15%")},
  "commune_civil_servants_standard": {"meeting": 94, "total": 94, "rate": pct("100%")},
  "rotation": {"plan": ref("Kế hoạch số 142/KH-UBND ngày 26/10/2023", DIST), "positions": 39},
  "documents": [
    ref("Chỉ thị số 26/CT-TTg ngày 05/9/2016", "Thủ tướng Chính phủ"),
    ref("Chỉ thị số 06/CT-UBND ngày 28/9/2017", DIST),
    ref("Công văn số 408/UBND-VP ngày 01/7/2019", DIST),
    ref("Công văn số 432/UBND-VP ngày 14/4/2023", DIST),
    ref("Quyết định số 1574/QĐ-UBND ngày 12/5/2023", DIST)],
  "service_inspections": 4
}
rep["public_finance"] = {
  "money_unit": "million_vnd",
  "admin_autonomy": {
    "documents": [ref("Nghị định số 130/2005/NĐ-CP ngày 17/10/2005", "Chính phủ"), ref("Nghị định số 117/2013/NĐ-CP ngày 07/10/2013", "Chính phủ")],
    "units": 30,
    "units_parts": [item("cơ quan Đảng", 1), item("cơ quan quản lý hành chính", 12), item("đơn vị thuộc Khối Đoàn thể, các Hội", 6), item("xã, thị trấn", 11)],
    "budget": {"total": "189605", "parts": [
      {"label_vi": "Kinh phí thực hiện tự chủ", "amount": "86869"},
      {"label_vi": "Kinh phí giao nhưng không thực hiện chế độ tự chủ", "amount": "102736"}]}},
  "service_unit_autonomy": {
    "documents": [ref("Nghị định số 60/2021/NĐ-CP ngày 21/6/2021", "Chính phủ")],
    "units": 49,
    "units_parts": [item("tự đảm bảo chi thường xuyên", 1), item("do Nhà nước đảm bảo chi thường xuyên", 48)],
    "revenue_autonomous": {"total": "235716", "parts": [
      {"label_vi": "Kinh phí thực hiện tự chủ", "amount": "226997"},
      {"label_vi": "Nguồn thu phí được để lại", "amount": "4980"},
      {"label_vi": "Nguồn thu khác", "amount": "3739"}]},
    "revenue_non_autonomous": {"total": "86946"}}
}
rep["egov"] = {
  "documents": [
    ref("Kế hoạch số 23/KH-UBND ngày 10/02/2023", DIST),
    ref("Kế hoạch số 69/KH-UBND ngày 18/5/2023", DIST),
    ref("Quyết định số 1178/QĐ-UBND ngày 24/3/2023", DIST),
    ref("Quyết định số 1308/QĐ-UBND ngày 04/4/2023", DIST),
    ref("Kế hoạch số 02/KH-BCĐUBND ngày 25/5/2023", "Ban chỉ đạo Chuyển đổi số huyện Trần Đề")],
  "documents_processed_online": pct("90%"),
  "leaders_with_digital_certificates": pct("100%"),
  "staff_with_official_email": pct("100%"),
  "reporting_system_units": 15, "reporting_system_units_total": 24,
  "leaders_with_pki_sim": pct("90%"),
  "online_procedures_level_3_4": 231,
  "online_dossiers": 999,
  "iso": {
    "standard": "TCVN ISO 9001:2015",
    "documents": [ref("Quyết định số 3019/QĐ-UBND ngày 06/9/2022", DIST), ref("Quyết định số 3069/QĐ-UBND ngày 30/8/2022", DIST)],
    "training_participants": 71}
}
SEED = open(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..", "..", "shared", "seed", "000_5b78326431be7284.txt"), encoding="utf-8").read()
def between(a, b):
    i = SEED.index(a); j = SEED.index(b, i)
    return SEED[i:j].strip()
strengths = between("Trong năm, công tác cải cách hành chính đã ban hành", "2. Hạn chế")
weak = between("- Một số cơ quan, đơn vị chưa phát huy", "IV. PHƯƠNG HƯỚNG")
weaknesses = [w.strip()[2:].strip() for w in weak.split("\n") if w.strip().startswith("- ")]
rep["assessment"] = {
  "strengths_vi": strengths,
  "weaknesses_vi": weaknesses,
  "catalogue_public": pct("100%"),
  "on_time_above": pct("97%")
}
dirs = between("1. Công tác chỉ đạo điều hành\n\nChỉ đạo Thủ trưởng", "Trên đây là báo cáo")
secs = re.split(r'\n(?=\d\. )', dirs)
out = []
areas = ["direction", "institutional", "procedures", "organisation", "civil_service", "public_finance", "egov"]
for s, area in zip(secs, areas):
    head, _, body = s.partition("\n")
    body = re.sub(r'\n\s*\n', '\n', body.strip())
    # join the page break inside section 5
    body = body.replace("Thủ tướng Chính\nphủ", "Thủ tướng Chính phủ")
    out.append({"area": area, "title_vi": head.split(". ",1)[1].strip(), "text_vi": body})
assert len(out) == 7
rep["directions"] = {"year": 2024, "areas": out, "documents": [
  ref("Chỉ thị số 26/CT-TTg ngày 05/9/2016", "Thủ tướng Chính phủ"),
  ref("Chỉ thị số 10/CT-TTg ngày 22/4/2019", "Thủ tướng Chính phủ"),
  ref("Quyết định số 1847/QĐ-TTg ngày 27/12/2018", "Thủ tướng Chính phủ")]}
rep["strengths_placeholder"] = None
del rep["strengths_placeholder"]
import sys
json.dump(rep, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(sys.argv[1], "a").write("\n")

# ── subjects ("về …") of the citations, extracted from the seed text in order, then checked by hand
def add_subjects(path):
    seed = open(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..", "..", "shared", "seed", "000_5b78326431be7284.txt"), encoding="utf-8").read()
    seed = re.sub(r"\n\s*\n(?=[a-zà-ỹđ])", " ", seed)
    r = json.load(open(path, encoding="utf-8"))
    refs = []
    def walk(x):
        if isinstance(x, dict):
            if "issuer_code" in x: refs.append(x); return
            for v in x.values(): walk(v)
        elif isinstance(x, list):
            for v in x: walk(v)
    walk(r)
    pos = {}
    for d in refs:
        t = d["text"]
        i = seed.find(t, pos.get(t, 0))
        assert i >= 0, t
        pos[t] = i + len(t)
        rest = seed[i+len(t):]
        m = re.match(r"\s*(?:của [^;,.]*?)?\s*(về [^;]*?|thực hiện [^;]*?|sửa đổi[^;]*?)(?=;|\.\s|\. |, (?:trong đó|số lượng|Theo đó)|: |\)|\n)", rest)
        if not m: continue
        s = m.group(1)
        s = s.split(" (theo tinh thần")[0].split(" và Công văn số")[0]
        if s.endswith(", Mã số PAKN"): s = s[:-len(", Mã số PAKN")]
        out = {}
        for k, v in d.items():
            out[k] = v
        d["subject_vi"] = s
    # keep the canonical key order: subject after issuer
    def reorder(x):
        if isinstance(x, dict):
            if "issuer_code" in x:
                keys = ["text", "type", "number", "symbol_year", "issuer_code", "issuer_unit", "date", "issuer", "subject_vi"]
                return {k: x[k] for k in keys if k in x}
            return {k: reorder(v) for k, v in x.items()}
        if isinstance(x, list): return [reorder(v) for v in x]
        return x
    r = reorder(r)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(r, f, ensure_ascii=False, indent=2); f.write("\n")
add_subjects(sys.argv[1])
