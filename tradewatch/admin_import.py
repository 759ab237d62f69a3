"""The admin's imports — statistics files and bulk facts: upload → preview with every error
by row and column → confirm — and the facts export. The same writers as the commands
(`import_stats`: statistics_import.py; `import_facts`/`export_facts`: facts_io.py)."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from tradewatch.facts_io import export_facts, import_facts
from tradewatch.models import StatisticsUpload
from tradewatch.statistics_files import MAX_BYTES
from tradewatch.statistics_import import import_statistics

PREVIEW_ROWS = 200  # figures listed in the preview; the counts cover them all
PREVIEW_ERRORS = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Statistics file",
        help_text=f"CSV or XLSX, at most {MAX_BYTES // 2**20} MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 2**20:.0f} MB; at most {MAX_BYTES // 2**20} MB "
                "can be imported at once. Split it and upload the parts."
            )
        return upload


@dataclass(frozen=True)
class Importer:
    """One kind of file editors upload, preview and confirm."""

    slug: str  # in the URL names: tradewatch_<slug>_upload, tradewatch_<slug>_preview
    title: str
    unit: str  # what it adds, in the preview's words
    help: str
    run: Callable[[str, bytes, bool], Any]  # (name, data, dry_run) -> a report
    would_add: Callable[[Any], int]
    done: str  # where a confirmed import goes


IMPORTERS = {
    "statistics": Importer(
        "statistics",
        "Import statistics",
        "figures",
        "Official statistics — a UN Comtrade CSV download (annual or monthly totals) or the "
        "TradeWatch template (columns reporter, partner, flow, year or period, value, "
        "currency, publisher, url) as CSV or XLSX.",
        lambda name, data, dry: import_statistics([(name, data)], dry_run=dry)[0],
        lambda report: len(report.preview),
        "/admin/tradewatch/source/?kind__exact=statistics",
    ),
    "facts": Importer(
        "facts",
        "Import facts",
        "facts",
        "Figures, target statements and events as exported by “Export facts” (CSV or XLSX), "
        "edited or added to in a spreadsheet.",
        lambda name, data, dry: import_facts(name, data, dry_run=dry),
        lambda report: report.added,
        "/admin/tradewatch/figure/",
    ),
}


def require_import_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("tradewatch.add_figure"):
        raise PermissionDenied


def upload_view(request: HttpRequest, kind: str = "statistics") -> HttpResponse:
    require_import_permission(request)
    importer = IMPORTERS[kind]
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Previews nobody confirmed within a day are not kept.
        StatisticsUpload.objects.filter(created__lt=timezone.now() - timedelta(days=1)).delete()
        staged = StatisticsUpload.objects.create(
            name=upload.name[:300], data=upload.read(), uploaded_by=request.user
        )
        return redirect(f"admin:tradewatch_{kind}_preview", staged.pk)
    context = {
        **admin.site.each_context(request),
        "title": importer.title,
        "importer": importer,
        "upload_url": reverse(f"admin:tradewatch_{kind}_upload"),
        "form": form,
    }
    return TemplateResponse(request, "admin/tradewatch/import_statistics.html", context)


def preview_view(request: HttpRequest, pk: int, kind: str = "statistics") -> HttpResponse:
    """GET: what the file would add and every error. POST: import it (all or nothing)."""
    require_import_permission(request)
    importer = IMPORTERS[kind]
    staged = get_object_or_404(StatisticsUpload, pk=pk)
    name, data = staged.name, bytes(staged.data)
    if request.method == "POST":
        report = importer.run(name, data, False)
        if report.errors:
            messages.error(request, "The file has errors; nothing was imported.")
            return redirect(f"admin:tradewatch_{kind}_preview", pk)
        staged.delete()
        messages.success(
            request,
            f"{report.name}: added {report.added} {importer.unit}; "
            f"{report.already_there} were already on file.",
        )
        return redirect(importer.done)
    report = importer.run(name, data, True)
    if report.errors:
        staged.delete()  # it can never be confirmed: the editor uploads a corrected file
    context = {
        **admin.site.each_context(request),
        "title": f"Import {staged.name}: preview",
        "importer": importer,
        "upload_url": reverse(f"admin:tradewatch_{kind}_upload"),
        "report": report,
        "would_add": importer.would_add(report),
        "figures": getattr(report, "preview", [])[:PREVIEW_ROWS],
        "errors": report.errors[:PREVIEW_ERRORS],
        "more_errors": max(len(report.errors) - PREVIEW_ERRORS, 0),
        "staged": staged,
    }
    return TemplateResponse(request, "admin/tradewatch/import_preview.html", context)


def export_view(request: HttpRequest) -> HttpResponse:
    """Every fact as an XLSX download, for editors who work in spreadsheets."""
    if not request.user.has_perm("tradewatch.view_figure"):
        raise PermissionDenied
    buffer = io.BytesIO()
    export_facts(buffer, excel=True)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="tradewatch-facts-{day}.xlsx"'
    return response
