"""Backup and restore round trip, on whichever database the suite runs (SQLite and PostgreSQL):
the demo county's data, its history tables and a media file come back exactly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.audit.backup import row_counts
from fazhi.org import demo
from fazhi.org.models import User
from fazhi.reports.models import RenderedFile

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_round_trip_restores_every_row_history_and_media(
    calendar_seeded, media: Path, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    call_command("load_demo", quiet_logins=True)
    pdf = media / "reports" / "rendered" / "990102-2025-1.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4 demo " * 1000)
    checksum = hashlib.sha256(pdf.read_bytes()).hexdigest()
    before = row_counts()
    histories = {k: v for k, v in before.items() if ".Historical" in k}
    assert sum(1 for n in histories.values() if n) >= 3  # the demo leaves history rows
    assert before["org.User"] >= 10

    call_command("backup", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("fazhi-backup-*.tar.gz"))

    # lose everything: the database and the media files
    call_command("flush", interactive=False, verbosity=0)
    pdf.unlink()
    (media / "stray.txt").write_text("written after the backup")
    assert User.objects.count() == 0

    with pytest.raises(CommandError, match="加 --yes"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), yes=True)
    assert "均已核对" in capsys.readouterr().out
    after = row_counts()
    assert after == before
    for label, n in histories.items():
        assert apps.get_model(label)._default_manager.count() == n
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == checksum
    assert not (media / "stray.txt").exists()
    assert User.objects.get(username="admin2").check_password(demo.DEMO_PASSWORD)
    assert RenderedFile.objects.count() == before["reports.RenderedFile"]
