"""Bootstrap classes on form widgets: the one helper every app's forms use (the templates render
fields one by one). Depends on Django's forms only, so any app, however low, may use it."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms


def bootstrap(fields: Mapping[str, forms.Field]) -> None:
    for f in fields.values():
        widget = f.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select form-select-sm"
        else:
            css = "form-control form-control-sm"
        if css not in widget.attrs.get("class", ""):
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
