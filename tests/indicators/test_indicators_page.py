"""The indicators page: visible jurisdictions only, figures link to their rows, charts get data."""

from __future__ import annotations

import json
import re

from django.urls import reverse

R = "reconsideration."


def test_page_shows_figures_with_links_and_charts(client, fake, coordinator, county) -> None:
    fake.set(
        county.pk, 2025, {R + "received": 12, R + "corrected": 6, R + "concluded_on_merits": 50}
    )
    fake.set(county.pk, 2024, {R + "received": 7})
    client.force_login(coordinator)
    resp = client.get(
        reverse("indicators:page"), {"j": "990102", "y": "2025", "chart": R + "received"}
    )
    assert resp.status_code == 200
    html = resp.content.decode()
    assert re.search(
        r'<a href="/fake/reconsideration/reconsideration.received/[^"]*"[^>]*>12件</a>', html
    )
    assert "纠错6件 ÷ 实体审结50件" in html
    assert "vendor/echarts/echarts.min.js" in html
    chart = json.loads(
        re.search(
            r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert [p["value"] for p in chart["trend"]][-2:] == [7.0, 12.0]
    assert chart["trend"][-1]["url"].startswith("/fake/")


def test_city_reader_sees_counties_side_by_side(client, fake, reader, county, other_county) -> None:
    fake.set(county.pk, 2025, {R + "received": 12})
    fake.set(other_county.pk, 2025, {R + "received": 30})
    client.force_login(reader)
    html = client.get(
        reverse("indicators:page"), {"j": "990100", "y": "2025", "chart": R + "received"}
    ).content.decode()
    chart = json.loads(
        re.search(
            r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert [(c["label"], c["value"]) for c in chart["children"]] == [
        ("示例县", 12.0),
        ("样板县", 30.0),
    ]
    assert ">42件</a>" in html
    assert 'value="990103"' in html  # the selector lists the counties below the city


def test_jurisdiction_not_visible_is_404(client, fake, coordinator, other_county, city) -> None:
    client.force_login(coordinator)
    assert (
        client.get(reverse("indicators:page"), {"j": other_county.code, "y": "2025"}).status_code
        == 404
    )
    assert client.get(reverse("indicators:page"), {"j": city.code, "y": "2025"}).status_code == 404
    html = client.get(reverse("indicators:page"), {"y": "2025"}).content.decode()
    assert 'value="990103"' not in html and 'value="990102"' in html
