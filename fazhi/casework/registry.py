"""The LedgerSpec registry: one declaration per ledger, found by `autodiscover_modules("ledger")`.

The nav, the URLs (`/ledgers/<key>/`, namespace `<key>`), the home-page panels, the lapse runner
and the generic test suite all read this registry; the kernel never names a ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fazhi.casework.due import DueCache
from fazhi.casework.numbering import Numbering
from fazhi.casework.transitions import Transition, by_code, event_labels
from fazhi.imports.matching import UPDATE_EVENT, UPDATE_EVENT_LABEL


@dataclass(frozen=True)
class Document:
    """A 文书 generated from a row (docx through `fazhi.lib.gongwen`)."""

    code: str
    title: str
    build: Callable[[Any], bytes]
    ready: Callable[[Any], bool] = lambda obj: True


@dataclass(frozen=True)
class Lapse:
    """A statutory effect of a period running out (视为受理, 视为放弃…), applied daily by
    `manage.py run_lapses`: `apply(today) -> rows changed`; must be idempotent."""

    code: str
    label: str
    apply: Callable[..., int]


@dataclass
class LedgerSpec:
    key: str  # the app label, URL prefix and namespace: "reconsideration"
    model: Any  # a CaseModel subclass
    title: str  # "行政复议"
    noun: str  # what one row is called: "行政复议案件"
    numbering: Numbering
    transitions: Sequence[Transition]
    table: Any  # django_tables2.Table subclass
    filterset: Any  # casework.filters.CaseFilter subclass
    form: Any  # ModelForm subclass; __init__(data, instance=, jurisdiction=)
    receive: Callable[..., Any]  # intake: receive(obj, *, by, **formset_rows) -> obj
    new_instance: Callable[[Any], Any]  # user -> unsaved row with jurisdiction etc., or Http404
    order: int = 100  # place in the nav
    create_label: str = "登记"  # the list's button for a new row
    # High-volume entry (人民调解): the create page's default button (Enter) saves and opens a
    # fresh form with the ledger's defaults, so a clerk enters row after row from the keyboard.
    quick_entry: bool = False
    facts_template: str = ""  # the detail page's fact table ("<key>/_facts.html")
    formset: Any = None  # inline formset class for child rows (申请人, 开庭)
    formset_prefix: str = ""
    formset_title: str = ""
    action_fields: Mapping[str, Any] = field(default_factory=dict)  # shared transition inputs
    initial_for: Callable[[Any, Transition], dict[str, Any]] | None = None
    detail_context: Callable[[Any, Any], dict[str, Any]] | None = None  # (request, obj)
    documents: Sequence[Document] = ()
    sheet: Any = None  # fazhi.imports.sheet.SheetSpec
    export_rows: Callable[[Any], Any] | None = None  # filtered queryset -> rows for the export
    list_related: Sequence[str] = ("jurisdiction",)
    due_cache: DueCache | None = None
    open_states: Sequence[str] = ()  # states a row is still being handled in
    lapses: Sequence[Lapse] = ()
    extra_events: Mapping[str, str] = field(default_factory=dict)
    after_edit: Callable[[Any, Any], None] | None = None  # (obj, by): e.g. start a period
    list_summary: Callable[[Any, Any], str] | None = None  # (request, rows) -> HTML above the list
    figures: Any = None  # its casework.indicators.ModelLedger, for the generic tests
    # The ledger's own pages beyond the kit's (e.g. a file upload): () -> [path(...), ...],
    # served under /ledgers/<key>/ in the ledger's namespace.
    extra_urls: Callable[[], list[Any]] | None = None
    # Sheet columns holding personal data (ID, phone): masked in the export for those who do not
    # handle the ledger's rows (key → masking function from fazhi.lib.mask).
    personal_columns: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    # Clocks a party department of a row must meet (a respondent's 答复, a defendant's 答辩),
    # clock name → which of `scope_departments` is that party (1 or 2): they are on that
    # department's 我的待办, besides the 承办人's.
    party_clocks: Mapping[str, int] = field(default_factory=dict)
    # A freshly registered row for the generic tests: sample(jurisdiction, legal office, other
    # department, user, received_on) -> row, registered through `receive`.
    sample: Callable[..., Any] | None = None
    # The docs page (docs/ledgers/<docs>.md) when several ledgers of one app share one.
    docs: str = ""
    # A ledger reached from another's list page (a tab row) rather than the top nav: its key.
    nav_parent: str = ""

    @property
    def transition_map(self) -> dict[str, Transition]:
        return by_code(self.transitions)

    @property
    def event_labels(self) -> dict[str, str]:
        base = {
            "received": "登记",
            "edited": "修改信息",
            "imported": "Excel导入",
            UPDATE_EVENT: UPDATE_EVENT_LABEL,
            "due_recomputed": "日历调整期限",
        }
        return {**base, **event_labels(self.transitions, **self.extra_events)}

    @property
    def document_map(self) -> dict[str, Document]:
        return {d.code: d for d in self.documents}

    @property
    def perm_add(self) -> str:
        return f"{self.key}.add_case"

    @property
    def perm_change(self) -> str:
        return f"{self.key}.change_case"


_LEDGERS: dict[str, LedgerSpec] = {}


def register(spec: LedgerSpec) -> LedgerSpec:
    """Register (or, on autoreload, replace) a ledger."""
    from fazhi.audit.api import register_event_labels
    from fazhi.casework import reimport

    _LEDGERS[spec.key] = spec
    spec.filterset.spec = spec
    if spec.sheet is not None:
        spec.sheet.shown = _shown_columns(spec)
        if spec.sheet.match_existing and "case_number" in {c.key for c in spec.sheet.columns}:
            reimport.by_number(spec)
    register_event_labels(spec.key, spec.event_labels)
    return spec


def _shown_columns(spec: LedgerSpec) -> list[Any]:
    """The list's columns the import template lacks, for the export: each with the list's
    header and the value as the list shows it (a choice by its label)."""
    from fazhi.imports.columns import Column

    sheet = spec.sheet
    have = {c.key for c in sheet.columns} | set(sheet.headers)
    out = []
    for name, column in spec.table.base_columns.items():
        header = str(column.verbose_name or name)
        if name in have or header in have:
            continue
        out.append(Column(name, header, width=14, getter=_display(name)))
    return out


def _display(name: str) -> Callable[[Any], Any]:
    def value(obj: Any) -> Any:
        shown = getattr(obj, f"get_{name}_display", None)
        if callable(shown):
            return shown()
        raw = getattr(obj, name, "")
        return raw if isinstance(raw, (int, str, dt.date)) or raw is None else str(raw)

    return value


def get(key: str) -> LedgerSpec | None:
    return _LEDGERS.get(key)


def ledgers() -> list[LedgerSpec]:
    return sorted(_LEDGERS.values(), key=lambda s: (s.order, s.key))


def family(spec: LedgerSpec) -> list[LedgerSpec]:
    """The ledger, its nav parent and their other children, for a tab row ([] if alone)."""
    root = spec.nav_parent or spec.key
    out = [s for s in ledgers() if s.key == root or s.nav_parent == root]
    return out if len(out) > 1 else []
