"""Issue 10: the respondent department uploads its 答复书 and evidence with the day it received
the copy; the answer clock stops on the upload; the files are kept outside the web root and
served only through a permission-checked view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi import audit, clocks
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import AnswerFile
from fazhi.ledgers.reconsideration.states import State
from fazhi.org.models import Role
from tests.conftest import make_user

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def respondent(county, police):  # noqa: ANN001, ANN201
    return make_user("gaj", Role.CLERK, county, police, full_name="陈录入")


@pytest.fixture
def case(new_case, officer):  # noqa: ANN001, ANN201
    c = new_case(D("2025-03-03"))
    workflow.accept(c, on=D("2025-03-05"), by=officer)
    workflow.send_copy(c, on=D("2025-03-06"), by=officer)
    return c


def pdf(name: str, size: int = 100) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 " + b"x" * size, content_type="application/pdf")


def test_respondent_uploads_answer_and_evidence(case, respondent, officer, outsider, media):
    c = client_for(respondent)
    html = c.get(case.get_absolute_url()).content.decode()
    assert 'id="answer-link"' in html
    url = reverse("reconsideration:answer", args=[case.pk])
    r = c.post(
        url,
        {
            "copy_received_on": "2025-03-07",
            "answer_file": pdf("答复书.pdf"),
            "evidence": [pdf("处罚决定书.pdf"), pdf("现场照片.jpg")],
        },
    )
    assert r.status_code == 302, (r.context["form"].errors, r.context["error"])
    case.refresh_from_db()
    today = timezone.localdate()
    assert case.state == State.UNDER_REVIEW and case.answered_on == today
    assert case.copy_served_on == D("2025-03-07")
    clock = clocks.get(case, specs_for(case).respondent_answer)
    assert clock.start_on == D("2025-03-07") and not clock.is_open and clock.stopped_on == today
    assert audit.transitions(case)[-1] == "answer_submitted"
    files = list(AnswerFile.objects.filter(case=case))
    assert [(f.kind, f.name) for f in files] == [
        ("answer", "答复书.pdf"),
        ("evidence", "处罚决定书.pdf"),
        ("evidence", "现场照片.jpg"),
    ]
    stored = Path(files[0].file.path)
    assert stored.is_relative_to(Path(media) / "private") and stored.suffix == ""
    file_url = reverse("reconsideration:file", args=[case.pk, files[0].pk])
    for user in (respondent, officer):
        r = client_for(user).get(file_url)
        assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")
        assert r["Content-Disposition"].startswith("attachment")
    assert client_for(outsider).get(file_url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    # The 复议机构 cannot answer for the respondent: it sees the case, so the refusal is 无权限.
    assert client_for(officer).get(url).status_code == 403


def test_upload_limits(case, respondent):
    c = client_for(respondent)
    url = reverse("reconsideration:answer", args=[case.pk])
    big = SimpleUploadedFile("大.pdf", b"x" * (20 * 1024 * 1024 + 1))
    r = c.post(url, {"copy_received_on": "2025-03-07", "answer_file": big})
    assert "文件“大.pdf”超过20MB" in r.content.decode()
    r = c.post(url, {"copy_received_on": "2025-03-07", "answer_file": pdf("run.exe")})
    assert "文件“run.exe”的类型不允许上传" in r.content.decode()
    r = c.post(url, {"copy_received_on": "2025-03-05", "answer_file": pdf("答复书.pdf")})
    assert "不能早于发送副本日期" in r.content.decode()
    case.refresh_from_db()
    assert case.state == State.ANSWER_REQUESTED and not AnswerFile.objects.exists()
