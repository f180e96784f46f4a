"""End to end in headless Chromium: log in, register, 补正, 受理, 答复, 决定, reading the due
dates the case page shows at each step."""

from __future__ import annotations

import pytest

from tests.browser_support import act

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def clock_row(page, label: str) -> str:  # noqa: ANN001
    return page.locator("table.clocks tr", has_text=label).first.inner_text()


def test_case_from_intake_to_decision(live_server, calendar_seeded, officer, police, page):  # noqa: ANN001
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw-123456")
    page.click("button[type=submit]")
    page.goto(live_server.url + "/ledgers/reconsideration/")
    assert "没有符合条件的行政复议案件" in page.content()
    page.click("text=登记新申请")
    page.fill("#id_received_on", "2025-03-03")
    page.select_option("#id_respondent_department", label="公安局")
    page.fill("#id_respondent_name", "示例县公安局")
    page.select_option("#id_act_category", label="行政处罚")
    page.fill("#id_act_description", "作出的罚款二千元的行政处罚决定")
    page.fill("#id_applicants-0-name", "张三")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示政复〔2025〕1号"
    assert "待审查受理" in page.inner_text("#case-state")
    assert "2025年3月10日" in clock_row(page, "受理审查")  # 5 working days from 3 March

    act(page, "request_correction", on="2025-03-04", note="身份证明复印件")
    assert "补正中" in page.inner_text("#case-state")
    act(page, "serve_correction", on="2025-03-05", method="post")
    assert "2025年3月19日" in clock_row(page, "申请人补正")  # 10 working days from service
    act(page, "receive_correction", on="2025-03-10")
    assert "2025年3月17日" in clock_row(page, "受理审查")  # review runs again from the materials

    act(page, "accept", on="2025-03-11")
    assert "已受理" in page.inner_text("#case-state")
    assert page.inner_text("#decision-due") == "2025年5月12日"  # 60th day 10 May is a Saturday
    assert "2025年3月20日" in clock_row(page, "发送申请书副本")  # 7 working days

    act(page, "send_copy", on="2025-03-12", served_on="2025-03-12")
    assert "2025年3月26日" in clock_row(page, "被申请人答复")  # 10 working days
    act(page, "record_answer", on="2025-03-20")
    assert "审理中" in page.inner_text("#case-state")

    act(page, "hold_hearing", on="2025-04-01", form="opinions")
    act(page, "decide", on="2025-04-20", outcome="revoked")
    assert "已审结" in page.inner_text("#case-state")
    text = page.inner_text("main")
    assert "2025年4月20日，撤销" in text and "逾期审结" not in text
    assert "作出复议决定" in page.inner_text("#history")
    assert "按期办结" in clock_row(page, "作出复议决定")


def login(page, live_server, username: str) -> None:  # noqa: ANN001
    page.context.clear_cookies()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-123456")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_respondent_answers_and_head_approves_an_extension(
    live_server, officer, head, county, police, tmp_path, settings, page
):  # noqa: ANN001
    """Issue 10: the respondent uploads its answer; the 承办人 requests 延期 and the head approves
    it from the home page."""
    from fazhi.ledgers.reconsideration import workflow
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from fazhi.org.models import Role
    from tests.conftest import make_user

    settings.MEDIA_ROOT = tmp_path / "media"
    make_user("gaj", Role.CLERK, county, police, full_name="陈录入")
    case = ReconsiderationCase.objects.get(
        pk=workflow.receive(
            ReconsiderationCase(
                jurisdiction=county,
                handling_department=officer.department,
                respondent_department=police,
                respondent_name="示例县公安局",
                act_category="penalty",
                act_description="作出的罚款决定",
                received_on=__import__("datetime").date(2025, 3, 3),
            ),
            applicants=[{"name": "张三", "kind": "natural_person"}],
            by=officer,
        ).pk
    )
    url = live_server.url + case.get_absolute_url()
    login(page, live_server, "officer")
    page.goto(url)
    act(page, "accept", on="2025-03-05")
    act(page, "send_copy", on="2025-03-06")

    login(page, live_server, "gaj")
    page.goto(url)
    page.click("#answer-link")
    page.fill("#id_copy_received_on", "2025-03-07")
    answer = tmp_path / "答复书.pdf"
    answer.write_bytes(b"%PDF-1.4 answer")
    evidence = tmp_path / "证据.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    page.set_input_files("#id_answer_file", str(answer))
    page.set_input_files("#id_evidence", [str(evidence)])
    with page.expect_navigation():
        page.click("#answer-form button[type=submit]")
    assert "审理中" in page.inner_text("#case-state")
    files = page.inner_text("#answer-files")
    assert "答复书.pdf（答复书" in files and "证据.pdf（证据" in files
    assert "被申请人在线提交答复" in page.inner_text("#history")

    login(page, live_server, "officer")
    page.goto(url)
    act(page, "hold_hearing", on="2025-03-20", form="opinions")
    act(page, "request_extension", on="2025-04-20", days="20", note="需调取外地证据")
    assert "申请延期" in page.inner_text("#history")

    login(page, live_server, "head")
    page.goto(live_server.url + "/")
    panel = page.inner_text("#panel-extension-requests")
    assert case.case_number in panel and "申请延长20日" in panel
    page.click(f"#panel-extension-requests >> text={case.case_number}")
    page.wait_for_selector("#case-state")
    act(page, "extend", on="2025-04-22", note="同意")
    assert "批准延期" in page.inner_text("#history")
    assert page.inner_text("#decision-due") == "2025年5月26日"
    page.goto(live_server.url + "/")
    assert page.locator("#panel-extension-requests").count() == 0
