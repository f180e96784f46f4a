"""Units' own reports (a department's, a township's), 报送 one row per recipient, 保密审查 before
公开, uploads read by review/, and the coordinating office's tracker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fazhi.imports.excel import read_rows
from fazhi.org.models import Department, Jurisdiction, Level, Role
from fazhi.reports import workflow
from fazhi.reports.draft import draft, report_scope
from fazhi.reports.models import AnnualReport, Origin, ReportReminder, Status
from fazhi.reports.unit_reports import UploadError, upload
from fazhi.reports.units import recipients_for
from review import analyse_text, check
from tests.conftest import make_user

GOOD = (
    "示例县公安局关于2025年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n全年办理行政处罚案件320件，组织执法人员培训6次，参训420人次。\n"
    "二、存在的不足和原因\n一是行政执法案卷评查发现12份案卷证据不完整，原因是办案人员对证据规则掌握不够；"
    "二是执法人员持证率仍需提高，由于新入职人员较多，尚有15人未取得执法证。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况\n"
    "局党委书记主持召开专题会议4次，带头学法2次。\n"
    "四、下一年度工作安排\n继续推进严格规范公正文明执法。\n"
    "五、其他需要报告的事项\n无。\n"
)
NO_SHORTCOMINGS = GOOD.split("二、")[0] + "三、" + GOOD.split("三、")[1]
IDENTITY_ERROR = GOOD.replace(
    "全年办理行政处罚案件320件，",
    "本年度共收到行政复议申请60件，审结45件，其中维持20件，撤销5件，驳回8件，终止7件。",
)
PLACEHOLDER = (
    GOOD.split("二、")[0]
    + "二、存在的不足和原因\n【待补充：暂无台账为“存在的不足和原因”提供内容，请起草人根据实际情况撰写本部分，不得留空。】\n三、"
    + GOOD.split("三、")[1]
)


@pytest.fixture
def township(county: Jurisdiction) -> Jurisdiction:
    return Jurisdiction.objects.create(
        code="990102001", name="城关镇", level=Level.TOWNSHIP, parent=county
    )


@pytest.fixture
def police_clerk(police: Department):
    return make_user("police_clerk", Role.CLERK, police.jurisdiction, police, full_name="吴录入")


@pytest.fixture
def police_officer(police: Department):
    return make_user(
        "police_fz", Role.LEGAL_OFFICER, police.jurisdiction, police, full_name="陈法制"
    )


def _txt(text: str, name: str = "报告.txt") -> tuple[str, bytes]:
    return name, text.encode()


def test_recipients_as_the_statute_has_them(fake, county, city, police) -> None:
    Department.objects.create(jurisdiction=city, name="公安局")
    gov = draft(county, 2025)
    assert recipients_for(gov) == [
        ("superior_party", "中共示例市委员会", False),
        ("superior_gov", "示例市人民政府", False),
        ("same_party", "中共示例县委员会", False),
        ("same_npc", "示例县人民代表大会常务委员会", False),
        ("rule_of_law_office", "中共示例县委员会全面依法治县委员会办公室（依法治县办）", True),
    ]
    dept = draft(county, 2025, department=police)
    assert dept.title == "示例县公安局关于2025年度法治政府建设情况的报告"
    assert dept.signer == "示例县公安局" and dept.drafting_department == police
    assert [name for _, name, _ in recipients_for(dept)] == [
        "中共示例县委员会",
        "示例县人民政府",
        "示例市公安局",
        "中共示例县委员会全面依法治县委员会办公室（依法治县办）",
    ]
    assert report_scope(county, 2025, police).department_ids == frozenset({police.pk})
    assert [p.title[:2] for p in dept.parts.order_by("number")] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
    ]
    assert AnnualReport.objects.filter(year=2025).count() == 2  # the government's is untouched


def test_the_report_moves_on_through_its_page(client, fake, county, coordinator, head) -> None:
    report = draft(county, 2025)
    workflow.submit_for_review(report, by=coordinator)
    workflow.approve(
        report,
        by=head,
        reasons={i.key: "已核实" for i in workflow.reconcile(report).blocking},
        today=dt.date(2026, 2, 10),
    )
    url = reverse("reports:detail", args=[report.pk])
    act = lambda action: reverse("reports:transition", args=[report.pk, action])  # noqa: E731
    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert html.count("登记报送</button>") == 5 and "依法治县办" in html
    rows = list(report.recipients.order_by("position"))
    client.post(act("send"), {"recipient": rows[0].pk, "on": "2026-02-09"})
    report.refresh_from_db()
    assert report.status == Status.FINAL and not report.recipients.exclude(sent_on=None).exists()
    for i, row in enumerate(rows):
        client.post(act("send"), {"recipient": row.pk, "on": f"2026-02-{20 + i}"})
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED and report.submitted_on == dt.date(2026, 2, 24)
    client.post(act("publish"), {"url": "https://www.example.gov.cn/a", "on": "2026-03-20"})
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED  # 保密审查 first
    html = client.get(url).content.decode()
    assert "登记保密审查" in html and "登记公开" not in html
    client.force_login(head)
    client.post(act("secrecy"), {"note": "", "on": "2026-03-02"})
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    client.post(act("secrecy"), {"note": "经审查不涉密，同意公开", "on": "2026-03-02"})
    report.refresh_from_db()
    assert (report.status, report.secrecy_checked_by, report.secrecy_checked_on) == (
        Status.SECRECY_CHECKED,
        head,
        dt.date(2026, 3, 2),
    )
    client.force_login(coordinator)
    resp = client.post(act("publish"), {"url": "www.example", "on": "2026-03-20"}, follow=True)
    assert "公开网址“www.example”格式不正确" in resp.content.decode()
    client.post(act("publish"), {"url": "https://www.example.gov.cn/a", "on": "2026-03-20"})
    report.refresh_from_db()
    assert (report.status, report.published_on, report.published_url) == (
        Status.PUBLISHED,
        dt.date(2026, 3, 20),
        "https://www.example.gov.cn/a",
    )
    html = client.get(url).content.decode()
    assert "赵科长于2026年3月2日审查：经审查不涉密，同意公开" in html


def test_a_department_drafts_its_own_and_others_only_read(
    client, fake, county, police, police_clerk, police_officer, outsider, coordinator, reader
) -> None:
    client.force_login(police_clerk)
    assert "起草公安局年度报告" in client.get(reverse("reports:list")).content.decode()
    resp = client.post(reverse("reports:draft"), {"department": police.pk, "year": "2025"})
    report = AnnualReport.objects.get(department=police)
    assert resp.status_code == 302 and report.drafting_department == police
    client.force_login(outsider)  # another department of the county
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert (
        client.post(reverse("reports:draft"), {"department": police.pk, "year": "2025"}).status_code
        == 403  # 无权限: which departments exist is no secret
    )
    assert (  # a row it cannot see stays a 404
        client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    )
    client.force_login(coordinator)  # the office reads it, does not write it
    html = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert report.title in html and "保存文头" not in html
    edit = reverse("reports:part_edit", args=[report.pk, 1])
    assert client.post(edit, {"text": "x"}).status_code == 403  # it sees the report: 无权限
    client.force_login(reader)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    assert client.post(reverse("reports:transition", args=[report.pk, "review"])).status_code == 403
    # drafted by the clerk, approved by the department's legal officer (another person)
    workflow.submit_for_review(report, by=police_clerk)
    client.force_login(police_officer)
    assert (
        "定稿</button>" in client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    )


def test_an_upload_that_is_not_a_report_is_refused(county, police, police_clerk) -> None:
    kw = dict(department=police, by=police_clerk)
    cases = [
        (
            (
                "notes.txt",
                "今天开会讨论了食堂的菜单，大家都觉得午饭很好吃，明天继续。".encode() * 3,
            ),
            "可能不是法治政府建设年度报告",
        ),
        (("report.exe", b"MZ\x90\x00"), "不支持“.exe”格式"),
        (("report.txt", b""), "上传的文件是空的"),
        (("report.txt", b"x" * (10 * 1024 * 1024 + 1)), "文件过大"),
    ]
    for (name, data), message in cases:
        with pytest.raises(UploadError, match=message):
            upload(county, 2025, name=name, data=data, **kw)
    with pytest.raises(UploadError, match="须同时填写公开网址和公开日期"):
        upload(county, 2025, name="r.txt", data=GOOD.encode(), url="https://x.gov.cn/1", **kw)
    assert not AnnualReport.objects.exists()


def test_an_uploaded_report_is_read_by_review(client, county, police, police_clerk) -> None:
    client.force_login(police_clerk)
    resp = client.post(
        reverse("reports:upload"),
        {
            "file": SimpleUploadedFile("公安局.txt", NO_SHORTCOMINGS.encode()),
            "year": "2025",
            "submitted_on": "2026-02-20",
            "published_on": "",
            "url": "",
        },
    )
    report = AnnualReport.objects.get()
    assert resp.status_code == 302 and (report.origin, report.status) == (
        Origin.UPLOADED,
        Status.SUBMITTED,
    )
    assert set(report.recipients.values_list("sent_on", flat=True)) == {dt.date(2026, 2, 20)}
    html = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "缺少法定内容“不足和原因”" in html and "登记保密审查" not in html  # a clerk does not
    resp = client.post(
        reverse("reports:upload"),
        {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"), "year": "2025"},
    )
    assert resp.status_code == 422


def test_a_placeholder_is_unwritten_not_vague() -> None:
    codes = [f.code for f in check(analyse_text("p", PLACEHOLDER))]
    assert codes == ["placeholder_shortcomings"]


def test_the_tracker(
    client, county, township, police, market, justice_bureau, coordinator, reader, police_clerk
) -> None:
    on_time = dict(
        submitted_on=dt.date(2026, 2, 20),
        published_on=dt.date(2026, 3, 20),
        url="https://www.example.gov.cn/ga",
    )
    upload(
        county,
        2025,
        department=police,
        name="ga.txt",
        data=GOOD.encode(),
        by=coordinator,
        **on_time,
    )
    upload(
        county,
        2025,
        department=market,
        name="sj.txt",
        data=NO_SHORTCOMINGS.encode(),
        by=coordinator,
        submitted_on=dt.date(2026, 3, 5),
    )
    upload(
        county,
        2025,
        department=justice_bureau,
        name="sf.txt",
        data=IDENTITY_ERROR.encode(),
        by=coordinator,
    )
    client.force_login(coordinator)
    url = reverse("reports:tracker") + "?year=2025"
    html = client.get(url).content.decode()
    rows = {r.split('data-unit="')[1].split('"')[0]: r for r in html.split("<tr")[2:]}
    assert list(rows) == ["公安局", "司法局", "市场监督管理局", "城关镇人民政府"]
    assert (
        "2026年2月20日<br>按期" in rows["公安局"]
        and "2026年3月20日" in rows["公安局"]
        and "https://www.example.gov.cn/ga" in rows["公安局"]
    )
    assert "五项法定内容齐全，未发现问题" in rows["公安局"]
    assert "逾期5天" in rows["市场监督管理局"] and "缺少“不足和原因”" in rows["市场监督管理局"]
    assert "勾稽关系不成立1处" in rows["司法局"] and "定稿" in rows["司法局"]
    assert "未起草" in rows["城关镇人民政府"] and "2026年1月31日" in rows["公安局"]
    assert "已逾期" in rows["城关镇人民政府"]
    html = client.get(url + "&sort=-review").content.decode()
    order = [r.split('data-unit="')[1].split('"')[0] for r in html.split("<tr")[2:]]
    assert order[:2] == ["司法局", "市场监督管理局"] or order[:2] == ["市场监督管理局", "司法局"]
    resp = client.post(
        reverse("reports:remind"),
        {"jurisdiction": "990102", "year": "2025", "unit": f"t{township.pk}"},
    )
    assert resp.status_code == 302
    chase = ReportReminder.objects.get()
    assert (chase.township, chase.by, chase.year) == (township, coordinator, 2025)
    assert "1次，最近：王法治" in client.get(url).content.decode()
    headers, data = read_rows(client.get(url + "&format=xlsx").content)
    assert headers[:3] == ["单位", "类别", "状态"]
    assert data[0][:3] == ["公安局", "部门", "公开"] and data[0][5] == "按期"
    assert data[3][0] == "城关镇人民政府" and data[3][12] == 1
    client.force_login(reader)  # the city reads its counties
    html = client.get(url + "&jurisdiction=990102").content.decode()
    assert "公安局" in html and "催办</button>" not in html and "本页只读" in html
    assert (
        client.post(
            reverse("reports:remind"),
            {"jurisdiction": "990102", "year": "2025", "unit": f"t{township.pk}"},
        ).status_code
        == 404
    )
    client.force_login(police_clerk)
    assert client.get(url).status_code == 404


def test_the_compare_page_puts_units_side_by_side_and_against_the_ledgers(
    client, fake, county, police, market, coordinator, reader, police_clerk
) -> None:
    upload(
        county, 2025, department=police, name="ga.txt", data=IDENTITY_ERROR.encode(), by=coordinator
    )
    upload(
        county,
        2025,
        department=market,
        name="sj.txt",
        data=GOOD.replace("320件", "410件").encode(),
        by=coordinator,
    )
    client.force_login(coordinator)
    url = reverse("reports:compare") + "?year=2025"
    html = client.get(url).content.decode()
    # the fake 行政复议 ledger holds 12 received for the county (10 concluded)
    assert "公安局报告称“收到行政复议申请”<strong>60件</strong>，台账为<strong><a href=" in html
    assert "12件</a>" in html
    head = html.split('id="comparison-table"')[1].split("</thead>")[0]
    assert "<th>公安局</th>" in head and "<th>市场监督管理局</th>" in head
    row = html.split(">行政处罚案件</td>")[1].split("</tr>")[0]
    assert ">—<" in row and ">410<" in row  # 公安局 does not state it
    assert 'id="chart-data"' in html
    resp = client.get(url + "&format=xlsx")
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(reader)
    assert client.get(url + "&jurisdiction=990102").status_code == 200
    client.force_login(police_clerk)
    assert client.get(url).status_code == 404


def test_a_departments_report_is_on_its_own_peoples_todo(
    fake, county, police, police_clerk, police_officer, coordinator
) -> None:
    """#18: a department's report in 审核 waits for its legal officer (not the clerk who drafted
    it), a 定稿 one is the clerk's to 报送; the statutory deadlines come to the department too."""
    from fazhi import todo

    report = draft(county, 2025, by=police_clerk, department=police)

    def texts(user, today=dt.date(2026, 2, 20)) -> list[str]:  # noqa: ANN001
        return [i.text for i in todo.items_for(user, today) if "报告" in i.text or "报送" in i.text]

    before = texts(police_clerk)
    assert "2025年度本部门法治政府建设年度报告：报送上级：截至2026年2月28日，还有8天" in before
    workflow.submit_for_review(report, by=police_clerk)
    assert f"待审核：{report.title}" not in texts(police_clerk)  # the drafter is not offered it
    assert f"待审核：{report.title}" in texts(police_officer)
    assert f"待审核：{report.title}" not in texts(coordinator)  # the county's office: not its own
    from fazhi.reports.reconcile import reconcile

    reasons = {i.key: "本部门无此项内容" for i in reconcile(report).blocking}
    workflow.approve(report, by=police_officer, reasons=reasons)
    assert f"已定稿待报送：{report.title}" in texts(police_clerk)


def test_the_home_panel_shows_a_departments_staff_their_own_report(
    client, county, police, police_clerk, coordinator
) -> None:
    year = timezone.localdate().year - 1
    client.force_login(police_clerk)
    panel = client.get("/").content.decode().split('id="panel-report-deadlines"')[1]
    assert f"公安局尚未起草{year}年度报告。" in panel and "去起草" in panel
    report = draft(county, year, by=police_clerk, department=police)
    panel = client.get("/").content.decode().split('id="panel-report-deadlines"')[1]
    assert f">{report.title}</a>（起草）" in panel
    client.force_login(coordinator)  # the office: the government's report
    panel = client.get("/").content.decode().split('id="panel-report-deadlines"')[1]
    assert f"示例县尚未起草{year}年度报告。" in panel
