"""The report as a 公文 (.docx via fazhi.lib.gongwen, PDF via LibreOffice), HTML and JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from fazhi.indicators.catalog import get_catalog
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.reports import tokens
from fazhi.reports.draft import HEADING_PREFIX
from fazhi.reports.models import AnnualReport, FigureToken, Layout
from fazhi.reports.pdf import docx_to_pdf


@dataclass(frozen=True)
class RenderedParagraph:
    kind: str  # "h1", "h2", "p"
    text: str
    spans: tuple[tokens.Span, ...] = ()


def paragraphs(report: AnnualReport) -> list[RenderedParagraph]:
    frozen: dict[str, FigureToken] = {t.indicator_id: t for t in report.figures.all()}
    out: list[RenderedParagraph] = []
    if report.opening:
        text, spans = tokens.render(report.opening, frozen)
        out.append(RenderedParagraph("p", text, tuple(spans)))
    for part in report.parts.order_by("number"):
        out.append(RenderedParagraph("h1", part.title))
        for line in part.text.splitlines():
            line = line.strip()
            if not line:
                continue
            kind = "h2" if line.startswith(HEADING_PREFIX) else "p"
            text, spans = tokens.render(line.removeprefix(HEADING_PREFIX).strip(), frozen)
            out.append(RenderedParagraph(kind, text, tuple(spans)))
    return out


def plain_text(report: AnnualReport) -> str:
    lines = [report.title, "", (report.recipient + "：") if report.recipient else ""]
    lines += [p.text for p in paragraphs(report)]
    lines += ["", report.signer, cn_date(report.issued_on) if report.issued_on else ""]
    return "\n".join(lines)


_BLOCK: dict[str, type[gongwen.Heading1 | gongwen.Heading2 | gongwen.Paragraph]] = {
    "h1": gongwen.Heading1,
    "h2": gongwen.Heading2,
    "p": gongwen.Paragraph,
}


def to_docx(report: AnnualReport) -> bytes:
    return gongwen.build(
        report.title,
        doc_number=report.doc_number,
        recipient=report.recipient,
        blocks=[_BLOCK[p.kind](p.text) for p in paragraphs(report)],
        signer=report.signer,
        date_text=cn_date(report.issued_on) if report.issued_on else "",
        signatory=report.signatory,
        red_head=f"{report.signer}文件" if report.layout == Layout.RED and report.signer else "",
        colophon=colophon(report),
    )


def colophon(report: AnnualReport) -> gongwen.Colophon:
    """版记: 抄送 the recipients the report is copied to; 印发 by the issuing organ's 办公室 (a
    government's reports are printed by its 办公室), on the 成文日期."""
    signer = report.signer
    printer = signer + "办公室" if signer.endswith("人民政府") else signer
    return gongwen.Colophon(
        copy_to=copy_to(report),
        printer=printer,
        printed_on=cn_date(report.issued_on) if report.issued_on else "",
    )


def copy_to(report: AnnualReport) -> str:
    """The 抄送机关 of the 版记: the recipients the report is sent to as copies (the 依法治X办)."""
    if report.pk is None:
        return ""
    return "，".join(r.name for r in report.recipients.filter(is_copy=True).order_by("position"))


def to_pdf(report: AnnualReport, beat: Callable[[], None] | None = None) -> bytes:
    """Raises pdf.LibreOfficeMissing (with the Chinese message) when soffice is not installed.
    `beat` is called every few seconds during the conversion (a background task's heartbeat)."""
    docx = to_docx(report)
    return docx_to_pdf(docx, beat) if beat is not None else docx_to_pdf(docx)


def to_json(report: AnnualReport) -> dict[str, Any]:
    catalog = get_catalog()
    used = {i for p in report.parts.all() for i in tokens.ids_in(p.text)} | set(
        tokens.ids_in(report.opening)
    )
    figures = []
    for tok in report.figures.order_by("indicator_id"):
        if tok.indicator_id not in used:
            continue
        ind = catalog.indicators.get(tok.indicator_id)
        figures.append(
            {
                "indicator": tok.indicator_id,
                "name": ind.name_zh if ind else "",
                "kind": ind.kind if ind else "",
                "has_source": tok.has_source,
                "value": _num(tok.value),
                "numerator": _num(tok.numerator),
                "denominator": _num(tok.denominator),
                "unit": tok.unit,
                "text": tok.text,
                "basis": tok.basis,
                "row_count": tok.row_count,
                "url": tok.url,
                "frozen_at": tok.frozen_at.isoformat(),
            }
        )
    return {
        "jurisdiction": report.jurisdiction.code,
        "jurisdiction_name": report.jurisdiction.name,
        "year": report.year,
        "status": report.status,
        "status_display": report.get_status_display(),
        "title": report.title,
        "doc_number": report.doc_number,
        "recipient": report.recipient,
        "signer": report.signer,
        "issued_on": report.issued_on.isoformat() if report.issued_on else None,
        "parts": [
            {"number": p.number, "title": p.title, "text": p.text}
            for p in report.parts.order_by("number")
        ],
        "figures": figures,
    }


def _num(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _html_paragraph(p: RenderedParagraph, frozen: dict[str, FigureToken], *, links: bool) -> str:
    from django.utils.html import escape

    out: list[str] = []
    pos = 0
    for span in p.spans:
        out.append(escape(p.text[pos : span.start]))
        tok = frozen.get(span.indicator_id)
        title = escape(f"{span.indicator_id}：{tok.basis if tok else ''}")
        shown = escape(span.text)
        if links and tok is not None and tok.url:
            out.append(
                f'<a class="figure-token" href="{escape(tok.url)}" title="{title}">{shown}</a>'
            )
        else:
            out.append(
                f'<span class="figure-token" data-indicator="{escape(span.indicator_id)}" title="{title}">{shown}</span>'
            )
        pos = span.end
    out.append(escape(p.text[pos:]))
    return "".join(out)


def html_body(report: AnnualReport, *, links: bool = False) -> list[tuple[str, SafeString]]:
    """(kind, safe html) per paragraph, for the templates."""
    from django.utils.safestring import mark_safe

    frozen = {t.indicator_id: t for t in report.figures.all()}
    return [
        (p.kind, mark_safe(_html_paragraph(p, frozen, links=links))) for p in paragraphs(report)
    ]  # noqa: S308


def to_html(report: AnnualReport) -> str:
    """The stand-alone public page (no login, no links into the ledgers)."""
    from django.template.loader import render_to_string

    return render_to_string("reports/public.html", {"report": report, "body": html_body(report)})


def part_body(
    report: AnnualReport, part: Any, *, links: bool = True
) -> list[tuple[str, SafeString]]:
    """One part's paragraphs as (kind, safe html), for the editor page."""
    from django.utils.safestring import mark_safe

    frozen = {t.indicator_id: t for t in report.figures.all()}
    out = []
    for line in part.text.splitlines():
        line = line.strip()
        if not line:
            continue
        kind = "h2" if line.startswith(HEADING_PREFIX) else "p"
        text, spans = tokens.render(line.removeprefix(HEADING_PREFIX).strip(), frozen)
        out.append(
            (
                kind,
                mark_safe(
                    _html_paragraph(
                        RenderedParagraph(kind, text, tuple(spans)), frozen, links=links
                    )
                ),
            )
        )  # noqa: S308
    return out
