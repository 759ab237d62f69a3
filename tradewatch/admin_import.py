"""The admin's statistics import: upload → preview with every error by row and column →
confirm. The same writer as `manage.py import_stats` (tradewatch/statistics_import.py)."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from tradewatch.models import StatisticsUpload
from tradewatch.statistics_files import MAX_BYTES
from tradewatch.statistics_import import import_statistics

PREVIEW_ROWS = 200  # figures listed in the preview; the counts cover them all
PREVIEW_ERRORS = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Statistics file",
        help_text="A UN Comtrade CSV download (totals) or the TradeWatch template as CSV or "
        f"XLSX, at most {MAX_BYTES // 2**20} MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 2**20:.0f} MB; at most {MAX_BYTES // 2**20} MB "
                "can be imported at once. Split it and upload the parts."
            )
        return upload


def require_import_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("tradewatch.add_figure"):
        raise PermissionDenied


def upload_view(request: HttpRequest) -> HttpResponse:
    require_import_permission(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Previews nobody confirmed within a day are not kept.
        StatisticsUpload.objects.filter(created__lt=timezone.now() - timedelta(days=1)).delete()
        staged = StatisticsUpload.objects.create(
            name=upload.name[:300], data=upload.read(), uploaded_by=request.user
        )
        return redirect("admin:tradewatch_statistics_preview", staged.pk)
    context = {**admin.site.each_context(request), "title": "Import statistics", "form": form}
    return TemplateResponse(request, "admin/tradewatch/import_statistics.html", context)


def preview_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what the file would add and every error. POST: import it (all or nothing)."""
    require_import_permission(request)
    staged = get_object_or_404(StatisticsUpload, pk=pk)
    files = [(staged.name, bytes(staged.data))]
    if request.method == "POST":
        (report,) = import_statistics(files, dry_run=False)
        if report.errors:
            messages.error(request, "The file has errors; nothing was imported.")
            return redirect("admin:tradewatch_statistics_preview", pk)
        staged.delete()
        messages.success(
            request,
            f"{report.name}: added {report.added} figures from official statistics; "
            f"{report.already_there} were already on file.",
        )
        return redirect(reverse("admin:tradewatch_source_changelist") + "?kind__exact=statistics")
    (report,) = import_statistics(files, dry_run=True)
    if report.errors:
        staged.delete()  # it can never be confirmed: the editor uploads a corrected file
    context = {
        **admin.site.each_context(request),
        "title": f"Import {staged.name}: preview",
        "report": report,
        "figures": report.preview[:PREVIEW_ROWS],
        "errors": report.errors[:PREVIEW_ERRORS],
        "more_errors": max(len(report.errors) - PREVIEW_ERRORS, 0),
        "staged": staged,
    }
    return TemplateResponse(request, "admin/tradewatch/import_preview.html", context)
